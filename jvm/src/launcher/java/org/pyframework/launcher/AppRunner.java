package org.pyframework.launcher;

import java.io.File;
import java.nio.file.Files;

import org.apache.catalina.Container;
import org.apache.catalina.Context;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.startup.Tomcat;

/**
 * Serves a WAR on an embedded Tomcat for development: {@code gradle appRun}.
 *
 * Usage: AppRunner WAR_FILE [PORT] [BASE_DIR]. Port 0 picks a free port;
 * the chosen URL is printed once the application has started.
 */
public final class AppRunner {

    private AppRunner() {
    }

    /** Whether the WAR's WEB-INF/web.xml declares a servlet named "default". */
    static boolean declaresDefaultServlet(File war) throws java.io.IOException {
        try (java.util.zip.ZipFile archive = new java.util.zip.ZipFile(war)) {
            java.util.zip.ZipEntry entry = archive.getEntry("WEB-INF/web.xml");
            if (entry == null) {
                return false;
            }
            String text = new String(archive.getInputStream(entry).readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
            return java.util.regex.Pattern.compile("<servlet>\\s*<servlet-name>\\s*default\\s*</servlet-name>")
                    .matcher(text).find();
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: AppRunner WAR_FILE [PORT] [BASE_DIR]");
            System.exit(2);
        }
        File war = new File(args[0]).getAbsoluteFile();
        if (!war.isFile()) {
            System.err.println("No WAR at " + war + "; run 'gradle war' first");
            System.exit(2);
        }
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 8080;
        File baseDir = args.length > 2 ? new File(args[2]) : Files.createTempDirectory("pyframework-tomcat").toFile();

        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(baseDir.getAbsolutePath());
        tomcat.setPort(port);
        tomcat.getConnector().setProperty("address", "127.0.0.1");
        new File(baseDir, "webapps").mkdirs();
        Context context = tomcat.addWebapp("", war.getPath());
        boolean declaresDefaultServlet = declaresDefaultServlet(war);
        // Tomcat's built-in web.xml defaults declare a JSP servlet, but Jasper is
        // not on this classpath and a Python application has no JSPs: drop it. A WAR
        // whose web.xml declares the "default" servlet itself (pyframework's do, for
        // GlassFish) replaces the built-in one, as a stand-alone Tomcat's conf/web.xml allows.
        context.addLifecycleListener(event -> {
            if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                for (String name : declaresDefaultServlet ? new String[] {"jsp", "default"} : new String[] {"jsp"}) {
                    Container servlet = context.findChild(name);
                    if (servlet != null) {
                        context.removeChild(servlet);
                    }
                }
            }
        });
        try {
            tomcat.start();
        } catch (LifecycleException e) {
            System.err.println("Tomcat did not start: " + e.getMessage());
            System.exit(1);
        }
        if (!context.getState().isAvailable()) {
            System.err.println("The application failed to start; see the log above");
            tomcat.stop();
            System.exit(1);
        }
        System.out.println("Serving " + war.getName() + " at http://127.0.0.1:"
                + tomcat.getConnector().getLocalPort() + "/ (Ctrl-C to stop)");
        System.out.flush();
        tomcat.getServer().await();
    }
}
