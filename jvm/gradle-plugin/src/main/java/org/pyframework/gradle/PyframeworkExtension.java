package org.pyframework.gradle;

import java.io.File;

import org.gradle.api.Project;

/**
 * The {@code pyframework { }} block of a project that applies {@code org.pyframework.war}.
 *
 * <pre>
 * pyframework {
 *     settings = 'mysite.settings'             // default: PROJECT.settings
 *     application = 'mysite.wsgi:application'  // default: PROJECT.wsgi:application
 *     staticUrl = 'static'                     // WAR folder of the static files; must match STATIC_URL
 *     jython = '2.7.4'                         // org.python:jython-standalone version
 *     bundleH2 = true                          // the embedded H2 database driver in WEB-INF/lib
 *     bundleRedisClient = true                 // Jedis (the Redis cache backend's client) in WEB-INF/lib
 *     port = 8080                              // gradle appRun (or -Pport=...; 0 picks a free port)
 *     frameworkDir = file('../pyframework')    // bundle this pyframework package instead of the plugin's
 * }
 * </pre>
 *
 * Values are read after the build script has run, so the block may come anywhere in it.
 */
public class PyframeworkExtension {

    private final Project project;
    private String settings;
    private String application;
    private String staticUrl = "static";
    private String jython = Versions.get("jython");
    private boolean bundleH2 = true;
    private boolean bundleRedisClient = true;
    private Integer port;
    private Object frameworkDir;

    public PyframeworkExtension(Project project) {
        this.project = project;
    }

    /** The settings module, exported to Python as PYFRAMEWORK_SETTINGS_MODULE. */
    public String getSettings() {
        return settings != null ? settings : project.getName() + ".settings";
    }

    public void setSettings(String settings) {
        this.settings = settings;
    }

    /** The WSGI callable, {@code package.module:name}. */
    public String getApplication() {
        return application != null ? application : project.getName() + ".wsgi:application";
    }

    public void setApplication(String application) {
        this.application = application;
    }

    /** The folder of the WAR the collected static files go to, without slashes ("static"). */
    public String getStaticUrl() {
        return staticUrl.replaceAll("^/+|/+$", "");
    }

    public void setStaticUrl(String staticUrl) {
        this.staticUrl = staticUrl;
    }

    /** The Jython version bundled into WEB-INF/lib and used to precompile the Python code. */
    public String getJython() {
        return jython;
    }

    public void setJython(String jython) {
        this.jython = jython;
    }

    /** Whether the H2 driver (the WAR's embedded default database) goes into WEB-INF/lib. */
    public boolean getBundleH2() {
        return bundleH2;
    }

    public void setBundleH2(boolean bundleH2) {
        this.bundleH2 = bundleH2;
    }

    /**
     * Whether Jedis and its dependencies (commons-pool2, gson, org.json, slf4j-api) go into
     * WEB-INF/lib: the Redis cache backend needs them on Jython. About 1.5 MB; a project that
     * never caches in Redis may leave them out.
     */
    public boolean getBundleRedisClient() {
        return bundleRedisClient;
    }

    public void setBundleRedisClient(boolean bundleRedisClient) {
        this.bundleRedisClient = bundleRedisClient;
    }

    /** The port of {@code gradle appRun}: -Pport wins, then this, then 8080. */
    public int getPort() {
        if (project.hasProperty("port")) {
            return Integer.parseInt(String.valueOf(project.property("port")));
        }
        return port != null ? port : 8080;
    }

    public void setPort(int port) {
        this.port = port;
    }

    /**
     * A directory holding pyframework's Python package (the folder with its __init__.py) to
     * bundle instead of the copy published with the plugin; null (the default) uses the plugin's.
     */
    public File getFrameworkDir() {
        return frameworkDir == null ? null : project.file(frameworkDir);
    }

    public void setFrameworkDir(Object frameworkDir) {
        this.frameworkDir = frameworkDir;
    }
}
