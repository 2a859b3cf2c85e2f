package org.pyframework.gradle;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gradle.api.DefaultTask;
import org.gradle.api.GradleException;
import org.gradle.api.Plugin;
import org.gradle.api.Project;
import org.gradle.api.Task;
import org.gradle.api.artifacts.Configuration;
import org.gradle.api.artifacts.ModuleDependency;
import org.gradle.api.file.ConfigurableFileTree;
import org.gradle.api.file.FileCollection;
import org.gradle.api.plugins.WarPlugin;
import org.gradle.api.tasks.JavaExec;
import org.gradle.api.tasks.Sync;
import org.gradle.api.tasks.bundling.War;

/**
 * {@code org.pyframework.war}: builds a pyframework project into a WAR for Jakarta Servlet 6
 * containers (Tomcat 10.1/11, GlassFish 7, Payara 6) and serves it with {@code gradle appRun}.
 *
 * <pre>
 * plugins { id 'war'; id 'org.pyframework.war' version '0.1.0' }
 * pyframework { settings = 'mysite.settings'; application = 'mysite.wsgi:application' }
 * dependencies { jdbc 'org.postgresql:postgresql:42.7.8' }
 * </pre>
 *
 * Tasks: {@code generateWebXml}, {@code stagePython} (the project's packages, pyframework and
 * the pinned libraries, precompiled for Jython), {@code collectStatic}, {@code war},
 * {@code appRun}, {@code appRunClasspath}. Each declares its inputs and outputs, so a second
 * {@code gradle war} without changes does no work. WAR layout:
 * <pre>
 *   WEB-INF/web.xml       the bridge servlet on /, the container's default servlet on /STATIC/*
 *   WEB-INF/lib/          jython-standalone, pyframework-servlet, the jdbc configuration (and H2, Jedis)
 *   WEB-INF/python/       pyframework, Jinja2, MarkupSafe, the project's packages and templates
 *   STATIC/               collectstatic's output
 * </pre>
 */
public class PyframeworkWarPlugin implements Plugin<Project> {

    /** Python sources are stamped with this time (2000-01-01T00:00:00Z); the servlet restores it. */
    static final long SOURCE_TIME = 946684800000L;
    static final String JYTHON_CONFIGURATION = "pyframeworkJython";
    static final String JDBC_CONFIGURATION = "jdbc";
    private static final String GROUP = "pyframework";
    // Compiled catalogs (.mo) are build outputs too: a checkout's stale ones never go in, they are
    // compiled afresh from the .po sources (compileMessages).
    private static final String[] CACHE_FILES = {"**/__pycache__/**", "**/*.pyc", "**/*.pyo", "**/*$py.class",
        "**/.*", "**/*.mo"};

    @Override
    public void apply(Project project) {
        project.getPluginManager().apply(WarPlugin.class);
        PyframeworkExtension extension = project.getExtensions().create("pyframework", PyframeworkExtension.class,
                project);

        Configuration jython = project.getConfigurations().maybeCreate(JYTHON_CONFIGURATION);
        jython.setDescription("The Jython runtime: bundled in WEB-INF/lib, runs the build's Python steps");
        jython.setVisible(false);
        jython.defaultDependencies(dependencies -> dependencies.add(project.getDependencies().create(
                "org.python:jython-standalone:" + extension.getJython())));
        Configuration jdbc = project.getConfigurations().maybeCreate(JDBC_CONFIGURATION);
        jdbc.setDescription("Java libraries of the Python code (JDBC drivers...), bundled in WEB-INF/lib");

        File staging = new File(project.getBuildDir(), "pyframework");
        registerTasks(project, extension, staging);

        project.afterEvaluate(evaluated -> {
            if (project.getRepositories().isEmpty()) {
                // Jython and the JDBC drivers are on Maven Central.
                project.getRepositories().mavenCentral();
            }
            if (extension.getBundleH2()) {
                project.getDependencies().add(JDBC_CONFIGURATION, "com.h2database:h2:" + Versions.get("h2"));
            }
            if (extension.getBundleRedisClient()) {
                // With its runtime dependencies; gson's compile-time annotations are not needed.
                ModuleDependency jedis = (ModuleDependency) project.getDependencies().add(JDBC_CONFIGURATION,
                        "redis.clients:jedis:" + Versions.get("jedis"));
                jedis.exclude(Collections.singletonMap("group", "com.google.errorprone"));
            }
            configureTasks(project, extension, staging);
        });
    }

    private static void registerTasks(Project project, PyframeworkExtension extension, File staging) {
        Tasks.register(project.getTasks(), "generateWebXml", DefaultTask.class, task -> {
            task.setGroup(GROUP);
            task.setDescription("Writes WEB-INF/web.xml for the bridge servlet.");
        });
        Tasks.register(project.getTasks(), "stagePython", Sync.class, task -> {
            task.setGroup(GROUP);
            task.setDescription("Stages WEB-INF/python: the project, pyframework and its libraries, precompiled.");
        });
        Tasks.register(project.getTasks(), "collectStatic", DefaultTask.class, task -> {
            task.setGroup(GROUP);
            task.setDescription("Collects the static files through the project's settings (collectstatic).");
        });
        Tasks.register(project.getTasks(), "appRunClasspath", DefaultTask.class, task -> {
            task.setGroup(GROUP);
            task.setDescription("Prints the embedded Tomcat launcher's class path, to run it outside Gradle.");
            task.doLast(new Step(t -> System.out.println(Processes.path(PluginFiles.launcherClasspath()))));
        });
        Tasks.register(project.getTasks(), "appRun", JavaExec.class, task -> {
            task.setGroup("application");
            task.setDescription("Serves the project's WAR on an embedded Tomcat on 127.0.0.1 (-Pport=8080).");
            task.dependsOn("war");
        });
    }

    private static void configureTasks(Project project, PyframeworkExtension extension, File staging) {
        File webXml = new File(staging, "web.xml");
        File pythonDir = new File(staging, "python");
        File staticDir = new File(staging, "static");
        FileCollection jython = project.getConfigurations().getByName(JYTHON_CONFIGURATION);

        Tasks.configure(project.getTasks(), "generateWebXml", DefaultTask.class, task -> {
            String template = PluginFiles.text("web.xml");
            Map<String, String> tokens = new LinkedHashMap<>();
            tokens.put("PROJECT_NAME", project.getName());
            tokens.put("APPLICATION", extension.getApplication());
            tokens.put("SETTINGS_MODULE", extension.getSettings());
            tokens.put("STATIC_URL", extension.getStaticUrl());
            task.getInputs().property("template", template);
            task.getInputs().property("tokens", tokens);
            task.getOutputs().file(webXml);
            task.doLast(new Step(t -> {
                String text = template;
                for (Map.Entry<String, String> token : tokens.entrySet()) {
                    text = text.replace("@" + token.getKey() + "@", xmlEscape(token.getValue()));
                }
                write(webXml, text);
            }));
        });

        Tasks.configure(project.getTasks(), "stagePython", Sync.class, task -> {
            task.setDestinationDir(pythonDir);
            task.setIncludeEmptyDirs(false);
            File frameworkDir = extension.getFrameworkDir();
            FileCollection library = project.zipTree(PluginFiles.pythonJar());
            if (frameworkDir == null) {
                task.from(library, spec -> spec.exclude("META-INF/**"));
            } else {
                if (!new File(frameworkDir, "__init__.py").isFile()) {
                    throw new GradleException("pyframework.frameworkDir is " + frameworkDir
                            + ", which has no __init__.py: name the pyframework package folder");
                }
                task.from(library, spec -> spec.exclude("META-INF/**", "pyframework/**"));
                task.from(frameworkDir, spec -> {
                    spec.into("pyframework");
                    // startproject/startapp skeletons are never imported.
                    spec.exclude("conf/project_template/**", "conf/app_template/**");
                });
            }
            for (File packageDir : projectPackages(project)) {
                task.from(packageDir, spec -> {
                    spec.into(packageDir.getName());
                    spec.exclude("static/**");  // served by the container from the WAR's root
                });
            }
            task.from(project.getProjectDir(), spec -> spec.include("templates/**", "locale/**"));
            task.exclude(CACHE_FILES);
            task.doFirst(new Step(t -> t.getLogger().lifecycle("Staging Python code into "
                    + relative(project, pythonDir))));
            task.doLast(new Step(t -> compileMessages(project, t, jython, pythonDir)));
            task.doLast(new Step(t -> precompile(t, jython, pythonDir, extension.getJython())));
        });

        Tasks.configure(project.getTasks(), "collectStatic", DefaultTask.class, task -> {
            task.dependsOn("stagePython");
            ConfigurableFileTree sources = project.fileTree(project.getProjectDir());
            sources.exclude("build/**", ".gradle/**", "**/__pycache__/**", "**/*.pyc", "**/*$py.class");
            task.getInputs().files(sources);
            task.getInputs().files(project.getTasks().getByName("stagePython"));
            task.getInputs().property("staticUrl", extension.getStaticUrl());
            task.getInputs().property("settings", extension.getSettings());
            task.getOutputs().dir(staticDir);
            task.doLast(new Step(t -> collectStatic(project, t, jython, pythonDir, staticDir, extension)));
        });

        Tasks.configure(project.getTasks(), "war", War.class, war -> {
            war.dependsOn("generateWebXml");
            war.setWebXml(webXml);
            war.classpath(PluginFiles.bridgeJar(), jython, project.getConfigurations().getByName(JDBC_CONFIGURATION));
            // The framework apps' static files (the admin's CSS...) stay staged for collectStatic,
            // which puts them at the WAR's root where the container serves them; not twice.
            war.from(project.getTasks().getByName("stagePython"), spec -> {
                spec.into("WEB-INF/python");
                spec.exclude("pyframework/contrib/*/static/**");
            });
            war.from(project.getTasks().getByName("collectStatic"), spec -> spec.into(extension.getStaticUrl()));
            war.doLast(new Step(t -> {
                File file = t.getOutputs().getFiles().getSingleFile();
                t.getLogger().lifecycle(String.format("WAR: %s (%.1f MB)", file.getAbsolutePath(),
                        file.length() / 1048576.0));
            }));
        });

        // JavaExec: Gradle ends the server when the build is cancelled (Ctrl-C), daemon or not.
        Tasks.configure(project.getTasks(), "appRun", JavaExec.class, task -> {
            File war = project.getTasks().getByName("war").getOutputs().getFiles().getSingleFile();
            task.setClasspath(project.files(PluginFiles.launcherClasspath()));
            Tasks.setMainClass(task, "org.pyframework.launcher.AppRunner");
            task.args(war.getPath(), String.valueOf(extension.getPort()),
                    new File(project.getBuildDir(), "tomcat").getPath());
        });
    }

    /** The project's Python packages: top-level folders holding an __init__.py. */
    static List<File> projectPackages(Project project) {
        List<File> packages = new ArrayList<>();
        File[] children = project.getProjectDir().listFiles();
        if (children != null) {
            Arrays.sort(children);
            for (File child : children) {
                if (new File(child, "__init__.py").isFile()) {
                    packages.add(child);
                }
            }
        }
        return packages;
    }

    private static void precompile(Task task, FileCollection jython, File pythonDir, String jythonVersion) {
        // Jython reuses a $py.class only while its .py keeps the modification time recorded in
        // it; unpacking a WAR does not keep times, so every source gets one fixed time, which
        // the servlet restores at start-up (PrecompiledModules.SOURCE_TIME).
        int modules = 0;
        for (File source : task.getProject().fileTree(pythonDir).matching(p -> p.include("**/*.py"))) {
            if (!source.setLastModified(SOURCE_TIME)) {
                throw new GradleException("Cannot set the modification time of " + source);
            }
            modules++;
        }
        task.getLogger().lifecycle("Precompiling " + modules + " Python modules for Jython " + jythonVersion + "...");
        Processes.Result result = Processes.run(Processes.jython(jython.getFiles(), Collections.<File>emptyList(),
                Arrays.asList("-m", "compileall", "-q", pythonDir.getPath())), pythonDir,
                Collections.<String, String>emptyMap(), null);
        if (result.exitValue != 0) {
            task.getLogger().warn(result.output.trim());
            task.getLogger().warn("Some Python modules did not compile under Jython (see above); "
                    + "they will fail when imported in the container.");
        }
    }

    private static void compileMessages(Project project, Task task, FileCollection jython, File pythonDir) {
        task.getLogger().lifecycle("Compiling message catalogs (.po -> .mo)...");
        File script = PluginFiles.extract("compile_messages.py",
                new File(project.getBuildDir(), "pyframework/tools/compile_messages.py"));
        Processes.Result result = Processes.run(Processes.jython(jython.getFiles(),
                Collections.singletonList(pythonDir), Arrays.asList(script.getPath(), pythonDir.getPath())),
                pythonDir, Collections.<String, String>emptyMap(), null);
        if (result.exitValue != 0) {
            throw new GradleException("Compiling the .po message catalogs failed:\n" + result.output.trim());
        }
        task.getLogger().lifecycle(result.output.trim());
    }

    private static void collectStatic(Project project, Task task, FileCollection jython, File pythonDir,
                                      File staticDir, PyframeworkExtension extension) {
        task.getLogger().lifecycle("Collecting static files with " + extension.getSettings() + " into "
                + relative(project, staticDir));
        File script = PluginFiles.extract("collect_static.py",
                new File(project.getBuildDir(), "pyframework/tools/collect_static.py"));
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("PYFRAMEWORK_SETTINGS_MODULE", extension.getSettings());
        // The project's own folders first: they still hold the static files stagePython left out.
        Processes.Result result = Processes.run(Processes.jython(jython.getFiles(),
                Arrays.asList(project.getProjectDir(), pythonDir),
                Arrays.asList(script.getPath(), staticDir.getPath(), extension.getStaticUrl())),
                project.getProjectDir(), environment, null);
        if (result.exitValue != 0) {
            throw new GradleException("Collecting static files failed (settings module " + extension.getSettings()
                    + ", pyframework.settings):\n" + result.output.trim());
        }
    }

    private static String relative(Project project, File file) {
        return project.getProjectDir().toPath().relativize(file.toPath()).toString();
    }

    private static String xmlEscape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static void write(File file, String text) {
        try {
            Files.createDirectories(file.getParentFile().toPath());
            Files.write(file.toPath(), text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new GradleException("Cannot write " + file, e);
        }
    }
}
