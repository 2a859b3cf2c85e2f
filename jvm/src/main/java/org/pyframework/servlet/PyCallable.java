package org.pyframework.servlet;

import org.python.core.Py;
import org.python.core.PyException;
import org.python.core.PyObject;
import org.python.core.PyString;

/**
 * Base for small Java objects that Python code calls like functions
 * (start_response, write) or whose methods it calls (wsgi.input, wsgi.errors).
 *
 * Extending PyObject directly and dispatching by name in Java avoids Jython's
 * reflection-based wrapping of plain Java objects, which would add a
 * reflective Method.invoke to every call on the request path.
 */
abstract class PyCallable extends PyObject {

    private final String description;

    PyCallable(String description) {
        super(PyObject.TYPE);
        this.description = description;
    }

    @Override
    public PyObject __call__() {
        return call(Py.EmptyObjects);
    }

    @Override
    public PyObject __call__(PyObject arg) {
        return call(new PyObject[] {arg});
    }

    @Override
    public PyObject __call__(PyObject arg1, PyObject arg2) {
        return call(new PyObject[] {arg1, arg2});
    }

    @Override
    public PyObject __call__(PyObject arg1, PyObject arg2, PyObject arg3) {
        return call(new PyObject[] {arg1, arg2, arg3});
    }

    @Override
    public PyObject __call__(PyObject[] args, String[] keywords) {
        if (keywords.length > 0) {
            throw Py.TypeError(description + "() takes no keyword arguments");
        }
        return call(args);
    }

    /** Positional call; subclasses that are not callable keep the default. */
    PyObject call(PyObject[] args) {
        throw Py.TypeError("'" + description + "' object is not callable");
    }

    static PyException wrongArgumentCount(String name, int min, int max, int given) {
        String expected = min == max ? String.valueOf(min) : min + " to " + max;
        return Py.TypeError(name + "() takes " + expected + " arguments (" + given + " given)");
    }

    @Override
    public PyString __repr__() {
        return Py.newString("<" + description + ">");
    }

    @Override
    public String toString() {
        return "<" + description + ">";
    }

    /** A method bound to a PyCallable; created only when Python looks it up. */
    abstract static class Method extends PyCallable {
        Method(String description) {
            super(description);
        }

        @Override
        abstract PyObject call(PyObject[] args);
    }
}
