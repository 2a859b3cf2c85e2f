package org.pyframework.servlet;

import java.io.File;

/**
 * Keeps Jython using the $py.class files that `gradle war` precompiled.
 *
 * Jython reuses foo$py.class only if the source time recorded in it equals
 * foo.py's modification time. The build therefore gives every .py the same
 * fixed time before compiling. Unpacking a WAR does not reliably keep that
 * time (zip stores local time, so time zones shift it; some containers stamp
 * the extraction time), so the servlet puts it back before the first import.
 * Sources edited in place well after the extraction keep their own time and
 * are recompiled by Jython as usual.
 */
final class PrecompiledModules {

    /** 2000-01-01T00:00:00Z; gradle/pyframework-project.gradle stamps sources with the same value. */
    static final long SOURCE_TIME = 946684800000L;

    /** A source newer than its compiled class by more than this was edited after deployment. */
    private static final long EDIT_MARGIN_MILLIS = 60000L;

    private PrecompiledModules() {
    }

    /** Restores the build's source times under directory; returns how many files needed it. */
    static int restoreSourceTimes(File directory) {
        File[] entries = directory.listFiles();
        if (entries == null) {
            return 0;
        }
        int restored = 0;
        for (File entry : entries) {
            String name = entry.getName();
            if (entry.isDirectory()) {
                restored += restoreSourceTimes(entry);
            } else if (name.endsWith(".py")) {
                File compiled = new File(directory, name.substring(0, name.length() - 3) + "$py.class");
                long sourceTime = entry.lastModified();
                if (sourceTime != SOURCE_TIME && compiled.isFile()
                        && sourceTime <= compiled.lastModified() + EDIT_MARGIN_MILLIS
                        && entry.setLastModified(SOURCE_TIME)) {
                    restored++;
                }
            }
        }
        return restored;
    }
}
