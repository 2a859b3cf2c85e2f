package org.pyframework.servlet;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;

import jakarta.servlet.http.HttpServletRequest;

import org.python.core.Py;
import org.python.core.PyList;
import org.python.core.PyObject;
import org.python.core.PyString;

/**
 * environ['wsgi.input']: the request body as a read-only binary file.
 *
 * Reads never go past CONTENT_LENGTH, so an application that calls read()
 * without a size cannot block waiting for bytes the client will never send.
 * Java I/O failures (resets, read timeouts when the client sends fewer bytes
 * than it announced) surface as a plain Python IOError.
 */
final class WsgiInput extends PyCallable {

    private static final int BUFFER_SIZE = 8192;

    private final HttpServletRequest request;
    private InputStream stream;
    /** Bytes the client may still send; Long.MAX_VALUE when no Content-Length was given. */
    private long remaining;
    private byte[] buffer;
    private int position;
    private int limit;
    private String failure;

    WsgiInput(HttpServletRequest request, long contentLength) {
        super("wsgi.input");
        this.request = request;
        this.remaining = contentLength >= 0 ? contentLength : Long.MAX_VALUE;
    }

    @Override
    public PyObject __findattr_ex__(String name) {
        switch (name) {
            case "read":
                return new Method("wsgi.input.read") {
                    @Override
                    PyObject call(PyObject[] args) {
                        checkArgs("read", args);
                        return read(sizeArgument(args));
                    }
                };
            case "readline":
                return new Method("wsgi.input.readline") {
                    @Override
                    PyObject call(PyObject[] args) {
                        checkArgs("readline", args);
                        return readLine(sizeArgument(args));
                    }
                };
            case "readlines":
                return new Method("wsgi.input.readlines") {
                    @Override
                    PyObject call(PyObject[] args) {
                        checkArgs("readlines", args);
                        return readLines(sizeArgument(args));
                    }
                };
            case "close":
                // The container owns the stream; closing it is the container's business.
                return new Method("wsgi.input.close") {
                    @Override
                    PyObject call(PyObject[] args) {
                        return Py.None;
                    }
                };
            default:
                return super.__findattr_ex__(name);
        }
    }

    @Override
    public PyObject __iter__() {
        return this;
    }

    @Override
    public PyObject __iternext__() {
        PyString line = readLine(-1);
        return line.getString().isEmpty() ? null : line;
    }

    private static void checkArgs(String name, PyObject[] args) {
        if (args.length > 1) {
            throw wrongArgumentCount(name, 0, 1, args.length);
        }
    }

    private static long sizeArgument(PyObject[] args) {
        if (args.length == 0 || args[0] == Py.None) {
            return -1;
        }
        return args[0].asLong();
    }

    PyString read(long size) {
        ByteRun out = new ByteRun(initialCapacity(size));
        while (size < 0 || out.length() < size) {
            if (position == limit && !fill()) {
                break;
            }
            int count = limit - position;
            if (size >= 0) {
                count = (int) Math.min(count, size - out.length());
            }
            out.append(buffer, position, count);
            position += count;
        }
        return out.toPyString();
    }

    PyString readLine(long size) {
        if (size == 0) {
            return Py.EmptyString;
        }
        ByteRun out = null;
        while (size < 0 || out == null || out.length() < size) {
            if (position == limit && !fill()) {
                break;
            }
            int end = limit;
            if (size >= 0) {
                end = (int) Math.min(end, position + size - (out == null ? 0 : out.length()));
            }
            int scan = position;
            while (scan < end && buffer[scan] != '\n') {
                scan++;
            }
            boolean newline = scan < end;
            int stop = newline ? scan + 1 : end;
            if (out == null) {
                out = new ByteRun(stop - position);
            }
            out.append(buffer, position, stop - position);
            position = stop;
            if (newline) {
                break;
            }
        }
        return out == null ? Py.EmptyString : out.toPyString();
    }

    PyList readLines(long hint) {
        PyList lines = new PyList();
        long total = 0;
        while (true) {
            PyString line = readLine(-1);
            int length = line.getString().length();
            if (length == 0) {
                return lines;
            }
            lines.append(line);
            total += length;
            if (hint > 0 && total >= hint) {
                return lines;
            }
        }
    }

    private int initialCapacity(long size) {
        long known = Math.min(remaining, size < 0 ? Long.MAX_VALUE : size);
        return (int) Math.min(known, 65536);
    }

    /** Refills the empty buffer; false at the end of the body. */
    private boolean fill() {
        if (failure != null) {
            throw Py.IOError(failure);
        }
        if (remaining <= 0) {
            return false;
        }
        try {
            if (stream == null) {
                stream = request.getInputStream();
                buffer = new byte[BUFFER_SIZE];
            }
            int count = stream.read(buffer, 0, (int) Math.min(buffer.length, remaining));
            if (count < 0) {
                remaining = 0;
                return false;
            }
            position = 0;
            limit = count;
            remaining -= count;
            return count > 0 || fill();
        } catch (IOException e) {
            failure = describe(e);
            remaining = 0;
            throw Py.IOError(failure);
        }
    }

    private static String describe(IOException e) {
        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof SocketTimeoutException)) {
            cause = cause.getCause();
        }
        if (cause instanceof SocketTimeoutException) {
            return "timed out reading the request body (the client sent less than its Content-Length)";
        }
        String message = e.getMessage();
        return "error reading the request body: " + (message != null ? message : e.getClass().getSimpleName());
    }
}
