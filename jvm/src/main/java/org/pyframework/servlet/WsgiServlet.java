package org.pyframework.servlet;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.python.core.Py;
import org.python.core.PyException;
import org.python.core.PyList;
import org.python.core.PyObject;
import org.python.core.PySystemState;
import org.python.core.PyTuple;
import org.python.core.imp;

/**
 * Runs a Python WSGI application (PEP 3333) inside a Jakarta Servlet 6 container.
 *
 * One Jython interpreter serves the whole web application: its sys.path is
 * WEB-INF/python and its class loader is the webapp's, so Python code can
 * reach JDBC drivers and other jars in WEB-INF/lib. Requests run concurrently
 * on container threads; nothing on the request path takes a lock.
 *
 * Init-params (or context-params):
 *   pyframework.application  "package.module:callable" (required)
 *   pyframework.settings     settings module, exported as PYFRAMEWORK_SETTINGS_MODULE
 */
public class WsgiServlet extends HttpServlet {

    public static final String APPLICATION_PARAM = "pyframework.application";
    public static final String SETTINGS_PARAM = "pyframework.settings";
    static final String SETTINGS_ENVIRONMENT_VARIABLE = "PYFRAMEWORK_SETTINGS_MODULE";

    private static final byte[] SERVER_ERROR_BODY =
            "500 Internal Server Error\n".getBytes(StandardCharsets.US_ASCII);

    private transient PySystemState pythonSystem;
    private transient PyObject application;
    private transient EnvironBuilder environBuilder;

    @Override
    public void init() throws ServletException {
        String applicationName = parameter(APPLICATION_PARAM);
        if (applicationName == null || applicationName.indexOf(':') <= 0) {
            throw new ServletException("Set the init-param '" + APPLICATION_PARAM
                    + "' of servlet '" + getServletName()
                    + "' to the WSGI application as 'package.module:callable' (got "
                    + (applicationName == null ? "nothing" : "'" + applicationName + "'") + ")");
        }
        String pythonPath = getServletContext().getRealPath("/WEB-INF/python");
        if (pythonPath == null || !new File(pythonPath).isDirectory()) {
            throw new ServletException("WEB-INF/python is not available as a directory (getRealPath returned "
                    + pythonPath + "); deploy the WAR expanded (e.g. Tomcat's unpackWARs=\"true\")");
        }
        long started = System.nanoTime();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStarted = threads.getCurrentThreadCpuTime();
        ClassLoader webappLoader = Thread.currentThread().getContextClassLoader();
        if (webappLoader == null) {
            webappLoader = WsgiServlet.class.getClassLoader();
        }
        int restored = PrecompiledModules.restoreSourceTimes(new File(pythonPath));
        if (restored > 0) {
            log("Restored the build's timestamps of " + restored + " Python sources so their precompiled classes are used");
        }
        try {
            pythonSystem = startInterpreter(pythonPath, webappLoader);
            String settingsModule = parameter(SETTINGS_PARAM);
            if (settingsModule != null && !settingsModule.isEmpty()) {
                PyObject environ = imp.importName("os", true).__getattr__("environ");
                environ.__setitem__(Py.newString(SETTINGS_ENVIRONMENT_VARIABLE), Py.newString(settingsModule));
            }
            application = loadApplication(applicationName);
        } catch (PyException e) {
            throw new ServletException("Could not load the WSGI application '" + applicationName
                    + "' from " + pythonPath + " (init-param '" + APPLICATION_PARAM + "'):\n" + e);
        }
        environBuilder = new EnvironBuilder();
        // CPU time next to wall time tells a slow machine from a busy one.
        log("Python application '" + applicationName + "' loaded in "
                + (System.nanoTime() - started) / 1000000 + " ms ("
                + (threads.getCurrentThreadCpuTime() - cpuStarted) / 1000000 + " ms CPU)");
    }

    private String parameter(String name) {
        String value = getInitParameter(name);
        return value != null ? value : getServletContext().getInitParameter(name);
    }

    private static PySystemState startInterpreter(String pythonPath, ClassLoader webappLoader) {
        Properties properties = new Properties();
        // WEB-INF may be read-only and the webapp's jars are not Python packages:
        // skip the package cache and site.py, which also shortens start-up.
        properties.setProperty("python.cachedir.skip", "true");
        properties.setProperty("python.import.site", "false");
        PySystemState.initialize(System.getProperties(), properties, new String[0], webappLoader);
        PySystemState system = new PySystemState();
        system.setClassLoader(webappLoader);
        system.path.insert(0, Py.newStringOrUnicode(pythonPath));
        Py.setSystemState(system);
        return system;
    }

    private static PyObject loadApplication(String applicationName) {
        int colon = applicationName.indexOf(':');
        String moduleName = applicationName.substring(0, colon).trim();
        PyObject target = imp.importName(moduleName, false);
        for (String attribute : applicationName.substring(colon + 1).trim().split("\\.")) {
            target = target.__getattr__(attribute);
        }
        if (!target.isCallable()) {
            throw Py.TypeError("'" + applicationName + "' is not callable");
        }
        return target;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // Container threads are pooled and shared: point this one at our interpreter.
        Py.setSystemState(pythonSystem);
        WsgiErrors errors = new WsgiErrors(getServletContext());
        WsgiResponse wsgiResponse = new WsgiResponse(response);
        PyObject environ = environBuilder.build(request,
                new WsgiInput(request, request.getContentLengthLong()), errors);
        PyObject body = null;
        try {
            body = application.__call__(environ, wsgiResponse);
            sendBody(body, wsgiResponse);
        } catch (PyException e) {
            fail(request, response, wsgiResponse, e.toString());
        } catch (RuntimeException e) {
            fail(request, response, wsgiResponse, e.toString());
        } finally {
            if (body != null) {
                close(body, request);
            }
            errors.flush();
        }
    }

    private static void sendBody(PyObject body, WsgiResponse response) {
        if (body instanceof PyList || body instanceof PyTuple) {
            // The whole body is in memory: no need to flush piece by piece.
            int size = body.__len__();
            if (size == 1) {
                response.declareLength(body.__getitem__(0));
            }
            for (int i = 0; i < size && !response.isClientGone(); i++) {
                response.write(body.__getitem__(i), false);
            }
        } else {
            PyObject iterator = body.__iter__();
            PyObject chunk;
            while (!response.isClientGone() && (chunk = iterator.__iternext__()) != null) {
                response.write(chunk, true);
            }
        }
        response.finish();
    }

    private void close(PyObject body, HttpServletRequest request) {
        try {
            PyObject close = body.__findattr__("close");
            if (close != null) {
                close.__call__();
            }
        } catch (PyException e) {
            log("Error closing the response iterable of " + describe(request) + ":\n" + e);
        }
    }

    private void fail(HttpServletRequest request, HttpServletResponse response,
            WsgiResponse wsgiResponse, String traceback) throws IOException {
        log("Unhandled Python exception while serving " + describe(request) + ":\n" + traceback);
        if (wsgiResponse.isCommitted() || response.isCommitted()) {
            return; // Status already sent; the client sees a truncated body.
        }
        response.reset();
        response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
        response.setContentType("text/plain; charset=us-ascii");
        response.setContentLength(SERVER_ERROR_BODY.length);
        try {
            OutputStream out = response.getOutputStream();
            out.write(SERVER_ERROR_BODY);
        } catch (IOException e) {
            // The client went away; nothing left to tell it.
        }
    }

    private static String describe(HttpServletRequest request) {
        String query = request.getQueryString();
        return request.getMethod() + " " + request.getRequestURI() + (query == null ? "" : "?" + query);
    }

    /**
     * Calls the application's {@code shutdown()} when it has one (pyframework's WSGIHandler closes
     * every database connection and shuts an embedded database down), then ends the interpreter.
     * Without it a database kept open for the life of the application would stay locked in this
     * JVM and the next deployment of the same WAR could not open it.
     */
    @Override
    public void destroy() {
        if (application != null && pythonSystem != null) {
            Py.setSystemState(pythonSystem);
            try {
                PyObject shutdown = application.__findattr__("shutdown");
                if (shutdown != null && shutdown.isCallable()) {
                    long started = System.nanoTime();
                    shutdown.__call__();
                    log("Python application shut down in " + (System.nanoTime() - started) / 1000000 + " ms");
                }
            } catch (PyException e) {
                log("Error in the Python application's shutdown():\n" + e);
            } catch (RuntimeException e) {
                log("Error in the Python application's shutdown(): " + e);
            }
        }
        if (pythonSystem != null) {
            pythonSystem.cleanup();
            pythonSystem = null;
        }
        application = null;
    }
}
