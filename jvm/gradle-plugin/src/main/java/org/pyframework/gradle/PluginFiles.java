package org.pyframework.gradle;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import org.gradle.api.GradleException;

/**
 * The jars the plugin depends on (the servlet bridge, pyframework's Python code, the
 * embedded-Tomcat launcher) are on the plugin's own class path: Gradle resolved them with
 * the plugin, from the same repository. This finds them by a class or file they contain.
 */
final class PluginFiles {

    private static final String COORDINATES = "org.pyframework:";

    private PluginFiles() {
    }

    /** The jar (or directory) on the plugin's class path that contains {@code resource}. */
    static File containing(String resource, String artifact) {
        URL url = PluginFiles.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new GradleException("org.pyframework.war: " + COORDINATES + artifact + " is not on the plugin's "
                    + "class path (no " + resource + "); publish pyframework's Gradle artifacts together "
                    + "(gradle publishToMavenLocal in a pyframework checkout)");
        }
        try {
            if ("jar".equals(url.getProtocol())) {
                JarURLConnection connection = (JarURLConnection) url.openConnection();
                connection.setUseCaches(false);
                return new File(connection.getJarFileURL().toURI());
            }
            File file = new File(url.toURI());
            // A class directory: walk up one folder per path element of the resource.
            for (String ignored : resource.split("/")) {
                file = file.getParentFile();
            }
            return file;
        } catch (IOException | URISyntaxException e) {
            throw new GradleException("org.pyframework.war: cannot locate " + resource + " (" + url + ")", e);
        }
    }

    /** The servlet bridge, org.pyframework:pyframework-servlet. */
    static File bridgeJar() {
        return containing("org/pyframework/servlet/WsgiServlet.class", "pyframework-servlet");
    }

    /** pyframework's Python package and the pinned pure-Python libraries, org.pyframework:pyframework-python. */
    static File pythonJar() {
        return containing("META-INF/pyframework-python.properties", "pyframework-python");
    }

    /** The class path of the embedded-Tomcat launcher behind appRun. */
    static List<File> launcherClasspath() {
        List<File> files = new ArrayList<>();
        files.add(containing("org/pyframework/launcher/AppRunner.class", "pyframework-launcher"));
        files.add(containing("org/apache/catalina/startup/Tomcat.class", "pyframework-launcher (tomcat-embed-core)"));
        files.add(containing("jakarta/annotation/PostConstruct.class",
                "pyframework-launcher (tomcat-annotations-api)"));
        return files;
    }

    /** Copies a resource of the plugin jar (next to this class) to {@code target}. */
    static File extract(String name, File target) {
        try (InputStream in = PluginFiles.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new GradleException("org.pyframework.war: " + name + " is missing from the plugin jar");
            }
            Files.createDirectories(target.getParentFile().toPath());
            Files.copy(in, target.toPath(), StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new GradleException("org.pyframework.war: cannot write " + target, e);
        }
    }

    /** The text of a resource of the plugin jar (next to this class). */
    static String text(String name) {
        try (InputStream in = PluginFiles.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new GradleException("org.pyframework.war: " + name + " is missing from the plugin jar");
            }
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
            }
            return new String(out.toByteArray(), "UTF-8");
        } catch (IOException e) {
            throw new GradleException("org.pyframework.war: cannot read " + name + " from the plugin jar", e);
        }
    }
}
