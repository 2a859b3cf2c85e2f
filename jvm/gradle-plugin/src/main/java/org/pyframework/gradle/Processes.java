package org.pyframework.gradle;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.gradle.api.GradleException;
import org.gradle.api.logging.Logger;

/**
 * Runs Java child processes (Jython, the appRun launcher) with plain ProcessBuilder: the same
 * code on Gradle 4.4 and 8, where Project.exec is deprecated.
 */
final class Processes {

    /** What a finished process returned and printed. */
    static final class Result {
        final int exitValue;
        final String output;

        Result(int exitValue, String output) {
            this.exitValue = exitValue;
            this.output = output;
        }
    }

    private Processes() {
    }

    static String javaExecutable() {
        return new File(new File(System.getProperty("java.home"), "bin"), "java").getPath();
    }

    static String path(Collection<File> files) {
        StringBuilder path = new StringBuilder();
        for (File file : files) {
            if (path.length() > 0) {
                path.append(File.pathSeparator);
            }
            path.append(file.getPath());
        }
        return path.toString();
    }

    /** The command line that runs {@code arguments} under Jython with {@code pythonPath} on sys.path. */
    static List<String> jython(Collection<File> jythonJars, List<File> pythonPath, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.add("-Dpython.cachedir.skip=true");
        command.add("-Dpython.import.site=false");
        command.add("-Dpython.path=" + path(pythonPath));
        command.add("-cp");
        command.add(path(jythonJars));
        command.add("org.python.util.jython");
        command.add("-B");
        command.addAll(arguments);
        return command;
    }

    /**
     * Runs {@code command} and waits; with a logger, every output line is passed on as it comes
     * (lifecycle level), otherwise it is only collected. Interrupting the build ends the process.
     */
    static Result run(List<String> command, File directory, Map<String, String> environment, Logger echo) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new GradleException("Cannot run " + command.get(0) + ": " + e.getMessage(), e);
        }
        StringBuilder output = new StringBuilder();
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                output.append(line).append('\n');
                if (echo != null) {
                    echo.lifecycle(line);
                }
            }
            return new Result(process.waitFor(), output.toString());
        } catch (IOException e) {
            throw new GradleException("Reading the output of " + command.get(0) + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GradleException("Interrupted while running " + command.get(0));
        } finally {
            if (process.isAlive()) {
                process.destroy();
            }
        }
    }
}
