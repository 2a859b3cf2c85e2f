package org.pyframework.gradle;

import org.gradle.api.Action;
import org.gradle.api.Task;

/**
 * A task action of a named class. Gradle 5+ cannot tell one Java lambda's implementation from
 * another's, so a task with a lambda as doFirst/doLast action is never up to date there; this
 * class is what Gradle sees and tracks (by the plugin jar's hash).
 */
final class Step implements Action<Task> {

    /** What the step does. */
    interface Body {
        void run(Task task);
    }

    private final Body body;

    Step(Body body) {
        this.body = body;
    }

    @Override
    public void execute(Task task) {
        body.run(task);
    }
}
