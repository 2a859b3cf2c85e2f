"""The development server: a threaded WSGI server built on the standard library's ``wsgiref``.

Meant for ``runserver`` on CPython, not for production (deploy a WAR there). It
still refuses to be wedged by a bad client: every connection has a socket
timeout, so a body shorter than its Content-Length ends in a read error (which
the request layer answers with 400) instead of a thread blocked forever, and
malformed request lines or headers get a 400 before the application runs.
"""
from __future__ import absolute_import, unicode_literals

import errno
import logging
import socket
import sys
from email import errors as email_errors
from wsgiref import simple_server

from pyframework.utils.compat import PY2, native_str

if PY2:  # pragma: no cover - Jython imports this module but does not serve with it
    import SocketServer as socketserver
    from BaseHTTPServer import BaseHTTPRequestHandler
else:
    import socketserver
    from http.server import BaseHTTPRequestHandler

logger = logging.getLogger("pyframework.server")

DEFAULT_CONNECTION_TIMEOUT = 10.0
# After the response, unread request bytes up to this size are read and dropped, so
# closing the socket doesn't reset the connection before the client reads the response.
DRAIN_LIMIT = 4 * 1024 * 1024
CHUNK_SIZE = 64 * 1024
MAX_REQUEST_LINE = 65536

# The defects of CPython's header parser that mean the header block itself is malformed: a line
# without a colon, a continuation line first, a broken header value. The parser also reports
# defects about the MIME *body* of a header-only message (StartBoundaryNotFoundDefect and
# MultipartInvariantViolationDefect for every multipart/form-data Content-Type): those say nothing
# about the headers, and the request layer parses the body itself.
HEADER_DEFECTS = tuple(getattr(email_errors, name) for name in (
    "MissingHeaderBodySeparatorDefect", "FirstHeaderLineIsContinuationDefect", "HeaderDefect")
    if hasattr(email_errors, name))

# Clients that went away are not server errors.
_DISCONNECT_ERRNOS = (errno.EPIPE, errno.ECONNRESET, errno.ECONNABORTED, errno.ESHUTDOWN)


def is_disconnect(exc):
    return isinstance(exc, (socket.error, IOError)) and getattr(exc, "errno", None) in _DISCONNECT_ERRNOS


class LimitedStream(object):
    """``wsgi.input``: the socket stream, readable up to Content-Length and no further.

    ``failed`` records a read that raised (timeout, reset) or hit end-of-stream
    early; the request is then beyond saving and nothing is drained.
    """

    def __init__(self, stream, limit):
        self.stream = stream
        self.remaining = limit
        self.failed = False

    def _read(self, method, size):
        if self.remaining <= 0:
            return b""
        if size is None or size < 0 or size > self.remaining:
            size = self.remaining
        try:
            data = method(size)
        except Exception:
            self.failed = True
            raise
        if not data:
            self.failed = True
        self.remaining -= len(data)
        return data

    def read(self, size=-1):
        return self._read(self.stream.read, size)

    def readline(self, size=-1):
        return self._read(self.stream.readline, size)

    def readlines(self, hint=-1):
        lines = []
        total = 0
        for line in iter(self.readline, b""):
            lines.append(line)
            total += len(line)
            if 0 < hint <= total:
                break
        return lines

    def __iter__(self):
        return iter(self.readline, b"")

    def drain(self, limit=DRAIN_LIMIT):
        """Discard what the application didn't read, if that is cheap and safe."""
        if self.failed or not 0 < self.remaining <= limit:
            return
        try:
            while self.remaining > 0 and self.read(CHUNK_SIZE):
                pass
        except (socket.error, IOError, OSError, ValueError):
            pass  # the client is gone or stalled: the socket is closed next anyway


class ServerHandler(simple_server.ServerHandler):
    """Runs one WSGI application call; the connection closes after the response."""

    def cleanup_headers(self):
        simple_server.ServerHandler.cleanup_headers(self)
        # One request per connection: tell the client instead of letting it guess.
        if "Connection" not in self.headers:
            self.headers[native_str("Connection")] = native_str("close")

    def close(self):
        try:
            self.stdin.drain()
        finally:
            simple_server.ServerHandler.close(self)

    def handle_error(self):
        if not is_disconnect(sys.exc_info()[1]):
            simple_server.ServerHandler.handle_error(self)


class WSGIRequestHandler(simple_server.WSGIRequestHandler):
    """Parses one request, rejecting malformed input with 400 before the application sees it."""

    # Used to answer unparsable request lines: "HTTP/0.9" would mean a bare body, no status line.
    default_request_version = "HTTP/1.0"

    def setup(self):
        self.timeout = self.server.connection_timeout
        simple_server.WSGIRequestHandler.setup(self)

    def address_string(self):
        return self.client_address[0]  # no reverse DNS lookup per request

    def log_message(self, format, *args):
        code = "%s" % (args[1] if len(args) > 1 else "")
        level = logging.WARNING if code[:1] in ("4", "5") else logging.INFO
        logger.log(level, "%s - %s", self.address_string(), format % args)

    def parse_request(self):
        if not BaseHTTPRequestHandler.parse_request(self):
            return False
        # Python 3 parses headers leniently: lines without a colon become "defects".
        if any(isinstance(defect, HEADER_DEFECTS) for defect in getattr(self.headers, "defects", ())):
            self.send_error(400, "Malformed request headers")
            return False
        encoding = self.headers.get("Transfer-Encoding")
        if encoding and encoding.strip().lower() != "identity":
            self.send_error(411, "Request bodies must be sent with a Content-Length")
            return False
        return True

    def get_environ(self):
        environ = simple_server.WSGIRequestHandler.get_environ(self)
        for key in [key for key in environ if key.startswith("HTTP_")]:
            del environ[key]
        for name, value in self.headers.items():
            # X-Real_IP and X-Real-IP would both become HTTP_X_REAL_IP: ignore names with
            # underscores so a client can't pass one off as the header a proxy sets.
            if "_" in name:
                continue
            key = native_str("HTTP_" + name.upper().replace("-", "_"))
            if key in ("HTTP_CONTENT_TYPE", "HTTP_CONTENT_LENGTH"):
                continue
            value = value.strip()
            environ[key] = environ[key] + "," + value if key in environ else value
        return environ

    def _content_length(self):
        try:
            return max(0, int(self.headers.get("Content-Length") or 0))
        except ValueError:
            return 0  # the request layer reports the invalid header with a 400

    def handle(self):
        try:
            self.raw_requestline = self.rfile.readline(MAX_REQUEST_LINE + 1)
            if len(self.raw_requestline) > MAX_REQUEST_LINE:
                self.requestline = self.request_version = self.command = ""
                self.send_error(414)
                return
            if not self.raw_requestline or not self.parse_request():
                return
        except socket.timeout:
            self.requestline = self.request_version = self.command = ""
            self.send_error(408, "Timed out reading the request")
            return
        stream = LimitedStream(self.rfile, self._content_length())
        handler = ServerHandler(stream, self.wfile, self.get_stderr(), self.get_environ(),
                                multithread=True)
        handler.request_handler = self  # wsgiref logs through this back-reference
        handler.run(self.server.get_app())


class WSGIServer(simple_server.WSGIServer):
    """A single-threaded WSGI server; ``connection_timeout`` bounds every socket read."""

    request_queue_size = 32
    allow_reuse_address = True

    def __init__(self, address, handler_class=WSGIRequestHandler, ipv6=False,
                 connection_timeout=DEFAULT_CONNECTION_TIMEOUT):
        if ipv6:
            self.address_family = socket.AF_INET6
        self.connection_timeout = connection_timeout
        simple_server.WSGIServer.__init__(self, address, handler_class)

    def handle_error(self, request, client_address):
        if is_disconnect(sys.exc_info()[1]):
            logger.info("Client %s disconnected", client_address[0])
        else:
            simple_server.WSGIServer.handle_error(self, request, client_address)


class ThreadedWSGIServer(socketserver.ThreadingMixIn, WSGIServer):
    """One thread per connection; threads never keep the process alive or block shutdown."""

    daemon_threads = True
    block_on_close = False


def make_server(host, port, app, threading=True, ipv6=False, connection_timeout=DEFAULT_CONNECTION_TIMEOUT):
    """Bind a server to ``(host, port)`` (port 0 picks a free one) serving ``app``."""
    server_class = ThreadedWSGIServer if threading else WSGIServer
    server = server_class((host, port), WSGIRequestHandler, ipv6=ipv6, connection_timeout=connection_timeout)
    server.set_app(app)
    return server


def run(host, port, app, threading=True, ipv6=False, connection_timeout=DEFAULT_CONNECTION_TIMEOUT):
    """Serve ``app`` until interrupted."""
    server = make_server(host, port, app, threading=threading, ipv6=ipv6, connection_timeout=connection_timeout)
    try:
        server.serve_forever()
    finally:
        server.server_close()


def get_internal_wsgi_application():
    """The application named by WSGI_APPLICATION, or the default one for the settings."""
    from pyframework.conf import settings
    from pyframework.core.checks.importing import import_dotted
    from pyframework.core.exceptions import ImproperlyConfigured

    path = settings.WSGI_APPLICATION
    if not path:
        from pyframework.core.wsgi import get_wsgi_application

        return get_wsgi_application()
    app, reason = import_dotted(path)
    if app is None:
        raise ImproperlyConfigured("WSGI_APPLICATION '%s' could not be loaded: %s." % (path, reason))
    return app
