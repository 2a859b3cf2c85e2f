package org.pyframework.servlet;

import java.io.IOException;
import java.io.OutputStream;

import jakarta.servlet.http.HttpServletResponse;

import org.python.core.Py;
import org.python.core.PyList;
import org.python.core.PyObject;
import org.python.core.PyString;
import org.python.core.PyTuple;
import org.python.core.PyUnicode;

/**
 * The start_response callable of one request, and the body writer behind it.
 *
 * Status and headers are only validated when the application hands them
 * over; they reach the servlet response with the first non-empty body chunk
 * (or at the end), so an application may still replace them through
 * start_response(..., exc_info) until then, as PEP 3333 requires.
 */
final class WsgiResponse extends PyCallable {

    private final HttpServletResponse response;
    private int status = -1;
    private String[] headerNames;
    private String[] headerValues;
    /** Declared Content-Length, or -1; bytes beyond it are not sent. */
    private long contentLength = -1;
    private long written;
    private boolean committed;
    private boolean clientGone;
    private OutputStream out;
    private PyObject writeCallable;

    WsgiResponse(HttpServletResponse response) {
        super("start_response");
        this.response = response;
    }

    boolean isCommitted() {
        return committed;
    }

    boolean isClientGone() {
        return clientGone;
    }

    @Override
    PyObject call(PyObject[] args) {
        if (args.length < 2 || args.length > 3) {
            throw wrongArgumentCount("start_response", 2, 3, args.length);
        }
        PyObject excInfo = args.length == 3 ? args[2] : Py.None;
        if (excInfo != Py.None) {
            if (committed) {
                // Too late to change the response: let the error propagate, as PEP 3333 asks.
                throw Py.makeException(excInfo.__getitem__(0), excInfo.__getitem__(1), excInfo.__getitem__(2));
            }
        } else if (status >= 0) {
            throw Py.AssertionError("start_response() called a second time without exc_info");
        }
        int newStatus = parseStatus(args[0]);
        setHeaders(args[1]);
        status = newStatus;
        if (writeCallable == null) {
            writeCallable = new Method("write") {
                @Override
                PyObject call(PyObject[] writeArgs) {
                    if (writeArgs.length != 1) {
                        throw wrongArgumentCount("write", 1, 1, writeArgs.length);
                    }
                    write(writeArgs[0], true);
                    return Py.None;
                }
            };
        }
        return writeCallable;
    }

    private static String nativeString(PyObject value, String what) {
        if (value instanceof PyUnicode || !(value instanceof PyString)) {
            throw Py.TypeError(what + " must be a native str, not " + value.getType().fastGetName());
        }
        return ((PyString) value).getString();
    }

    private static int parseStatus(PyObject value) {
        String line = nativeString(value, "WSGI status");
        if (line.length() < 4 || line.charAt(3) != ' ') {
            throw Py.ValueError("WSGI status must look like '200 OK', got '" + line + "'");
        }
        int code = 0;
        for (int i = 0; i < 3; i++) {
            char c = line.charAt(i);
            if (c < '0' || c > '9') {
                throw Py.ValueError("WSGI status must start with a 3-digit code, got '" + line + "'");
            }
            code = code * 10 + (c - '0');
        }
        if (code < 100) {
            throw Py.ValueError("WSGI status code must be at least 100, got '" + line + "'");
        }
        return code;
    }

    private void setHeaders(PyObject headers) {
        if (!(headers instanceof PyList)) {
            throw Py.TypeError("WSGI response headers must be a list of (name, value) tuples, not "
                    + headers.getType().fastGetName());
        }
        PyList list = (PyList) headers;
        int size = list.size();
        String[] names = new String[size];
        String[] values = new String[size];
        long length = -1;
        for (int i = 0; i < size; i++) {
            PyObject item = list.pyget(i);
            if (!(item instanceof PyTuple) || ((PyTuple) item).size() != 2) {
                throw Py.TypeError("each WSGI response header must be a (name, value) tuple, got " + item.__repr__());
            }
            String name = nativeString(item.__getitem__(0), "WSGI header name");
            String value = nativeString(item.__getitem__(1), "WSGI header value");
            if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0 || name.indexOf(':') >= 0) {
                throw Py.ValueError("invalid WSGI header " + item.__repr__());
            }
            if (name.equalsIgnoreCase("Content-Length")) {
                try {
                    length = Long.parseLong(value.trim());
                } catch (NumberFormatException e) {
                    throw Py.ValueError("Content-Length header is not a number: '" + value + "'");
                }
            }
            names[i] = name;
            values[i] = value;
        }
        headerNames = names;
        headerValues = values;
        contentLength = length;
    }

    /**
     * Sends one body chunk. flush is false when the whole body is already in
     * memory (a list or tuple), where flushing each piece would only cost.
     */
    void write(PyObject chunk, boolean flush) {
        if (status < 0) {
            throw Py.AssertionError("the application sent body data before calling start_response()");
        }
        if (chunk instanceof PyUnicode || !(chunk instanceof PyString)) {
            throw Py.TypeError("WSGI body chunks must be byte strings (str), not "
                    + chunk.getType().fastGetName() + "; encode text before returning it");
        }
        PyString bytes = (PyString) chunk;
        int length = bytes.getString().length();
        if (length == 0 || clientGone) {
            return;
        }
        if (!committed) {
            commit();
        }
        if (contentLength >= 0 && written + length > contentLength) {
            length = (int) (contentLength - written);
            if (length <= 0) {
                return;
            }
        }
        try {
            byte[] data = bytes.toBytes();
            out.write(data, 0, length);
            written += length;
            if (flush) {
                out.flush();
            }
        } catch (IOException e) {
            clientGone = true;
        }
    }

    /** Sets a Content-Length for a body known to be exactly this chunk (nothing written yet). */
    void declareLength(PyObject onlyChunk) {
        if (!committed && contentLength < 0 && onlyChunk instanceof PyString && !(onlyChunk instanceof PyUnicode)) {
            contentLength = ((PyString) onlyChunk).getString().length();
            response.setContentLengthLong(contentLength);
        }
    }

    /** Makes sure status and headers are sent even when the body was empty. */
    void finish() {
        if (status < 0) {
            throw Py.AssertionError("the application returned without calling start_response()");
        }
        if (!committed) {
            commit();
        }
    }

    private void commit() {
        committed = true;
        response.setStatus(status);
        for (int i = 0; i < headerNames.length; i++) {
            response.addHeader(headerNames[i], headerValues[i]);
        }
        try {
            out = response.getOutputStream();
        } catch (IOException e) {
            clientGone = true;
        }
    }
}
