package org.pyframework.servlet;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.python.core.Py;
import org.python.core.PyString;

/** A growable byte array that turns into a Python byte string (Jython's native str). */
final class ByteRun {

    private byte[] data;
    private int length;

    ByteRun(int initialCapacity) {
        data = new byte[Math.max(16, initialCapacity)];
    }

    int length() {
        return length;
    }

    void append(byte[] source, int offset, int count) {
        if (length + count > data.length) {
            data = Arrays.copyOf(data, Math.max(length + count, data.length * 2));
        }
        System.arraycopy(source, offset, data, length, count);
        length += count;
    }

    /** Jython's str holds one char per byte, which is exactly what ISO-8859-1 decoding yields. */
    PyString toPyString() {
        if (length == 0) {
            return Py.EmptyString;
        }
        return new PyString(new String(data, 0, length, StandardCharsets.ISO_8859_1));
    }
}
