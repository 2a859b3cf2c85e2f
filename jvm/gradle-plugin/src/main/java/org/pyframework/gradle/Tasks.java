package org.pyframework.gradle;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

import org.gradle.api.Action;
import org.gradle.api.GradleException;
import org.gradle.api.Task;
import org.gradle.api.tasks.JavaExec;
import org.gradle.api.tasks.TaskContainer;

/**
 * Lazy task registration where the running Gradle has it (4.9+: register/named), eager
 * creation on older ones (Debian's Gradle 4.4.1). The plugin is compiled against 4.4's API,
 * so the newer methods are looked up at run time.
 */
final class Tasks {

    private static final Method REGISTER = method(TaskContainer.class, "register", String.class, Class.class,
            Action.class);
    private static final Method NAMED = method(TaskContainer.class, "named", String.class);
    private static final Method CONFIGURE = REGISTER == null ? null
            : method(load("org.gradle.api.NamedDomainObjectProvider"), "configure", Action.class);

    private Tasks() {
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    private static Method method(Class<?> type, String name, Class<?>... parameters) {
        if (type == null) {
            return null;
        }
        try {
            return type.getMethod(name, parameters);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static Object invoke(Method method, Object target, Object... arguments) {
        try {
            return method.invoke(target, arguments);
        } catch (IllegalAccessException e) {
            throw new GradleException("Cannot call " + method, e);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            throw new GradleException(cause.getMessage(), cause);
        }
    }

    /** Registers (or, before Gradle 4.9, creates) task {@code name} of {@code type}. */
    static <T extends Task> void register(TaskContainer tasks, String name, Class<T> type, Action<? super T> action) {
        if (REGISTER != null) {
            invoke(REGISTER, tasks, name, type, action);
        } else {
            tasks.create(name, type, action);
        }
    }

    /** Adds a configuration action to task {@code name} without creating it before it is needed. */
    @SuppressWarnings("unchecked")
    static <T extends Task> void configure(TaskContainer tasks, String name, Class<T> type, Action<? super T> action) {
        if (NAMED != null && CONFIGURE != null) {
            Action<Task> typed = task -> action.execute((T) task);
            invoke(CONFIGURE, invoke(NAMED, tasks, name), typed);
        } else {
            action.execute((T) tasks.getByName(name));
        }
    }

    /** Sets a JavaExec's main class: mainClass (Gradle 6.4+; main is gone in 8) or main (4.4). */
    static void setMainClass(JavaExec task, String className) {
        Method mainClass = method(JavaExec.class, "getMainClass");
        if (mainClass != null) {
            Method set = method(load("org.gradle.api.provider.Property"), "set", Object.class);
            invoke(set, invoke(mainClass, task), className);
        } else {
            task.setMain(className);
        }
    }
}
