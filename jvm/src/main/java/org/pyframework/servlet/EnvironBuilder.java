package org.pyframework.servlet;

import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import jakarta.servlet.http.HttpServletRequest;

import org.python.core.Py;
import org.python.core.PyDictionary;
import org.python.core.PyObject;
import org.python.core.PyString;
import org.python.core.PyTuple;

/**
 * Builds the PEP 3333 environ dict for a servlet request.
 *
 * Keys and frequent values are created once and shared, so a request only
 * allocates the strings that really differ between requests. Every value is
 * a native str (Jython's byte string) holding latin-1 characters, which is
 * how WSGI carries raw bytes on Python 2.
 */
final class EnvironBuilder {

    /** Header names seen so far; bounded so odd clients cannot grow it forever. */
    private static final int MAX_CACHED_HEADER_KEYS = 256;

    private static final PyString REQUEST_METHOD = key("REQUEST_METHOD");
    private static final PyString SCRIPT_NAME = key("SCRIPT_NAME");
    private static final PyString PATH_INFO = key("PATH_INFO");
    private static final PyString QUERY_STRING = key("QUERY_STRING");
    private static final PyString CONTENT_TYPE = key("CONTENT_TYPE");
    private static final PyString CONTENT_LENGTH = key("CONTENT_LENGTH");
    private static final PyString SERVER_NAME = key("SERVER_NAME");
    private static final PyString SERVER_PORT = key("SERVER_PORT");
    private static final PyString SERVER_PROTOCOL = key("SERVER_PROTOCOL");
    private static final PyString REMOTE_ADDR = key("REMOTE_ADDR");
    private static final PyString HTTP_COOKIE = key("HTTP_COOKIE");
    private static final PyString WSGI_VERSION = key("wsgi.version");
    private static final PyString WSGI_URL_SCHEME = key("wsgi.url_scheme");
    private static final PyString WSGI_INPUT = key("wsgi.input");
    private static final PyString WSGI_ERRORS = key("wsgi.errors");
    private static final PyString WSGI_MULTITHREAD = key("wsgi.multithread");
    private static final PyString WSGI_MULTIPROCESS = key("wsgi.multiprocess");
    private static final PyString WSGI_RUN_ONCE = key("wsgi.run_once");

    private static final PyTuple VERSION_1_0 = new PyTuple(Py.newInteger(1), Py.newInteger(0));

    /** Values that repeat across requests (methods, schemes, protocols), created once. */
    private static final Map<String, PyString> COMMON_VALUES = new HashMap<>();

    static {
        for (String value : new String[] {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS",
                "http", "https", "HTTP/1.0", "HTTP/1.1", "HTTP/2.0", "80", "443", "8080", "8443", ""}) {
            COMMON_VALUES.put(value, key(value));
        }
    }

    private final ConcurrentMap<String, PyString> headerKeys = new ConcurrentHashMap<>();

    private static PyString key(String name) {
        return new PyString(name.intern());
    }

    PyDictionary build(HttpServletRequest request, WsgiInput input, WsgiErrors errors) {
        PyDictionary environ = new PyDictionary();
        Map<PyObject, PyObject> map = environ.getMap();
        map.put(REQUEST_METHOD, common(request.getMethod()));
        String contextPath = request.getContextPath();
        map.put(SCRIPT_NAME, common(percentDecode(contextPath)));
        String uri = request.getRequestURI();
        String path = uri.startsWith(contextPath) ? uri.substring(contextPath.length()) : uri;
        map.put(PATH_INFO, bytes(percentDecode(path)));
        String query = request.getQueryString();
        map.put(QUERY_STRING, query == null ? Py.EmptyString : bytes(query));
        map.put(SERVER_NAME, bytes(request.getServerName()));
        map.put(SERVER_PORT, common(Integer.toString(request.getServerPort())));
        map.put(SERVER_PROTOCOL, common(request.getProtocol()));
        map.put(REMOTE_ADDR, bytes(request.getRemoteAddr()));
        addHeaders(request, map);
        map.put(WSGI_VERSION, VERSION_1_0);
        map.put(WSGI_URL_SCHEME, common(request.getScheme()));
        map.put(WSGI_INPUT, input);
        map.put(WSGI_ERRORS, errors);
        map.put(WSGI_MULTITHREAD, Py.True);
        map.put(WSGI_MULTIPROCESS, Py.False);
        map.put(WSGI_RUN_ONCE, Py.False);
        return environ;
    }

    private void addHeaders(HttpServletRequest request, Map<PyObject, PyObject> map) {
        Enumeration<String> names = request.getHeaderNames();
        while (names.hasMoreElements()) {
            String name = names.nextElement();
            PyString environKey = headerKey(name);
            Enumeration<String> values = request.getHeaders(name);
            String value = values.hasMoreElements() ? values.nextElement() : "";
            if (values.hasMoreElements()) {
                // Cookies are the one header whose repeated values join with "; ".
                String separator = environKey == HTTP_COOKIE ? "; " : ", ";
                StringBuilder joined = new StringBuilder(value);
                do {
                    joined.append(separator).append(values.nextElement());
                } while (values.hasMoreElements());
                value = joined.toString();
            }
            map.put(environKey, bytes(value));
        }
    }

    private PyString headerKey(String headerName) {
        PyString cached = headerKeys.get(headerName);
        if (cached != null) {
            return cached;
        }
        String upper = headerName.toUpperCase(Locale.ROOT).replace('-', '_');
        PyString environKey;
        if (upper.equals("CONTENT_TYPE")) {
            environKey = CONTENT_TYPE;
        } else if (upper.equals("CONTENT_LENGTH")) {
            environKey = CONTENT_LENGTH;
        } else if (upper.equals("COOKIE")) {
            environKey = HTTP_COOKIE;
        } else {
            environKey = bytes("HTTP_" + upper);
        }
        if (headerKeys.size() < MAX_CACHED_HEADER_KEYS) {
            headerKeys.putIfAbsent(headerName, environKey);
        }
        return environKey;
    }

    private static PyString common(String value) {
        PyString shared = COMMON_VALUES.get(value);
        return shared != null ? shared : bytes(value);
    }

    /**
     * Wraps a string whose chars are bytes (the container decodes the request
     * line and headers as ISO-8859-1). Anything else is re-encoded as UTF-8
     * bytes rather than failing the request.
     */
    static PyString bytes(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) > 0xFF) {
                return new PyString(new String(value.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
            }
        }
        return new PyString(value);
    }

    /** %XX escapes become the byte they encode; malformed escapes stay as they are. */
    static String percentDecode(String raw) {
        int percent = raw.indexOf('%');
        if (percent < 0) {
            return raw;
        }
        StringBuilder decoded = new StringBuilder(raw.length());
        decoded.append(raw, 0, percent);
        for (int i = percent; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length() && hex(raw.charAt(i + 1)) >= 0 && hex(raw.charAt(i + 2)) >= 0) {
                decoded.append((char) (hex(raw.charAt(i + 1)) * 16 + hex(raw.charAt(i + 2))));
                i += 2;
            } else {
                decoded.append(c);
            }
        }
        return decoded.toString();
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
