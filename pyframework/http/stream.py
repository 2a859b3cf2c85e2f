"""The request body stream: wsgi.input limited to Content-Length, with readable errors.

Servers may hand over a socket file that blocks past the end of the body, so
nothing beyond CONTENT_LENGTH is ever read. A body that stops early, or a
read that fails (a timeout, a reset connection, an exception thrown by the
servlet container's input stream on Jython), becomes UnreadablePostError:
a 400 with a message, never a hung thread or a 500.
"""
from __future__ import absolute_import, unicode_literals

from pyframework.core.exceptions import BadRequest

CHUNK_SIZE = 64 * 1024

try:  # pragma: no cover - Jython: the servlet input stream throws Java exceptions,
    # which ``except Exception`` does not catch.
    from java.lang import Exception as JavaException
    READ_ERRORS = (Exception, JavaException)
except ImportError:
    READ_ERRORS = (Exception,)


class UnreadablePostError(BadRequest, IOError):
    """The request body could not be read (client went away, timed out, or sent less than promised)."""


class RawPostDataException(Exception):
    """request.body was accessed after the stream had been read (e.g. by request.POST on a multipart form)."""


class LimitedStream(object):
    """Read at most ``limit`` bytes from ``stream``; ``limit=None`` reads to the end of the stream."""

    def __init__(self, stream, limit):
        self._stream = stream
        self.remaining = limit
        self._expected = limit
        self._buffer = b""

    def _read_raw(self, size):
        try:
            data = self._stream.read(size)
        except READ_ERRORS as exc:
            raise UnreadablePostError("Error reading the request body: %s" % (_describe(exc),))
        if data is None:
            data = b""
        elif len(data) > size:
            # A stream that ignores the size asked for must not leak the next request.
            data = data[:size]
        if self.remaining is not None:
            if not data and self.remaining > 0:
                raise UnreadablePostError(
                    "Request body is shorter than its Content-Length (received %d of %d bytes)."
                    % (self._expected - self.remaining, self._expected))
            self.remaining -= len(data)
        return data

    def _read_unbuffered(self, size):
        if self.remaining is not None:
            size = min(size, self.remaining)
            if size <= 0:
                return b""
        return self._read_raw(size)

    def read(self, size=-1):
        """Read ``size`` bytes (all the rest when negative or None)."""
        buffered = self._buffer
        if size is None or size < 0:
            self._buffer = b""
            pieces = [buffered]
            while True:
                data = self._read_unbuffered(CHUNK_SIZE)
                if not data:
                    return b"".join(pieces)
                pieces.append(data)
        if len(buffered) >= size:
            self._buffer = buffered[size:]
            return buffered[:size]
        self._buffer = b""
        return buffered + self._read_unbuffered(size - len(buffered))

    def readline(self, size=-1):
        """Read up to and including the next newline (or ``size`` bytes)."""
        limited = size is not None and size >= 0
        while b"\n" not in self._buffer and not (limited and len(self._buffer) >= size):
            chunk = self._read_unbuffered(CHUNK_SIZE)
            if not chunk:
                break
            self._buffer += chunk
        end = self._buffer.find(b"\n") + 1 or len(self._buffer)
        if limited:
            end = min(end, size)
        line, self._buffer = self._buffer[:end], self._buffer[end:]
        return line


def _describe(exc):
    text = "%s" % (exc,)
    return "%s: %s" % (type(exc).__name__, text) if text else type(exc).__name__
