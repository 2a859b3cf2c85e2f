package org.pyframework.servlet;

import jakarta.servlet.ServletContext;

import org.python.core.Py;
import org.python.core.PyObject;

/**
 * environ['wsgi.errors']: a text stream whose lines go to the container log.
 *
 * One instance per request so partial lines (traceback.print_exc writes in
 * pieces) are joined without any locking; nothing is allocated until the
 * application actually writes.
 */
final class WsgiErrors extends PyCallable {

    private final ServletContext log;
    private StringBuilder pending;

    WsgiErrors(ServletContext log) {
        super("wsgi.errors");
        this.log = log;
    }

    @Override
    public PyObject __findattr_ex__(String name) {
        switch (name) {
            case "write":
                return new Method("wsgi.errors.write") {
                    @Override
                    PyObject call(PyObject[] args) {
                        if (args.length != 1) {
                            throw wrongArgumentCount("write", 1, 1, args.length);
                        }
                        write(args[0].toString());
                        return Py.None;
                    }
                };
            case "writelines":
                return new Method("wsgi.errors.writelines") {
                    @Override
                    PyObject call(PyObject[] args) {
                        if (args.length != 1) {
                            throw wrongArgumentCount("writelines", 1, 1, args.length);
                        }
                        for (PyObject line : args[0].asIterable()) {
                            write(line.toString());
                        }
                        return Py.None;
                    }
                };
            case "flush":
                return new Method("wsgi.errors.flush") {
                    @Override
                    PyObject call(PyObject[] args) {
                        flush();
                        return Py.None;
                    }
                };
            default:
                return super.__findattr_ex__(name);
        }
    }

    void write(String text) {
        if (pending == null) {
            pending = new StringBuilder();
        }
        pending.append(text);
        int newline = pending.lastIndexOf("\n");
        if (newline >= 0) {
            log.log(pending.substring(0, newline));
            pending.delete(0, newline + 1);
        }
    }

    /** Logs a trailing partial line; called by the servlet when the request ends. */
    void flush() {
        if (pending != null && pending.length() > 0) {
            log.log(pending.toString());
            pending.setLength(0);
        }
    }
}
