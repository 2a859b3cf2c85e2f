"""A test client that runs requests through the whole WSGI stack, checked by ``wsgiref.validate``."""
from __future__ import absolute_import, unicode_literals

import json
import mimetypes
import os
import sys
from functools import partial
from io import BytesIO

import pyframework
from pyframework.core.handlers.wsgi import WSGIHandler
from pyframework.core.signals import got_request_exception
from pyframework.http.request import TEST_CLIENT_ENVIRON_KEY, WSGIRequest
from pyframework.utils.compat import (
    PY2, NativeStringIO, SimpleCookie, native_str, reraise, string_types, text_type, urlencode, urljoin, urlsplit,
)

if PY2:  # pragma: no cover - Jython
    from urllib import unquote as unquote_to_bytes
else:
    from urllib.parse import unquote_to_bytes
from wsgiref.validate import validator

BOUNDARY = "BoUnDaRyStRiNg"
MULTIPART_CONTENT = "multipart/form-data; boundary=%s" % BOUNDARY
REDIRECT_STATUS_CODES = (301, 302, 303, 307, 308)
MAX_REDIRECTS = 20


class RedirectCycleError(Exception):
    """``follow=True`` met a redirect loop (or too many redirects)."""

    def __init__(self, message, last_response):
        super(RedirectCycleError, self).__init__(message)
        self.last_response = last_response
        self.redirect_chain = last_response.redirect_chain


def to_bytes(value):
    if isinstance(value, bytes):
        return value
    if not isinstance(value, string_types):
        value = text_type(value)
    return value.encode("utf-8")


def _items(data):
    """(key, [values]) pairs of a dict or QueryDict-like ``data``."""
    if hasattr(data, "lists"):
        return list(data.lists())
    return [(key, list(value) if isinstance(value, (list, tuple)) else [value]) for key, value in data.items()]


def encode_query(data):
    """``data`` (dict, lists allowed as values) as a query string, UTF-8 percent-encoded."""
    return urlencode([(to_bytes(key), to_bytes(value)) for key, values in _items(data) for value in values])


def _quoted_header_value(value):
    # Browsers percent-encode these three characters in multipart names.
    return value.replace("\\", "\\\\").replace('"', "%22").replace("\r", "%0D").replace("\n", "%0A")


def _file_part(key, upload):
    name = getattr(upload, "name", None)
    filename = os.path.basename(name) if isinstance(name, string_types) else "upload"
    if isinstance(filename, bytes):
        filename = filename.decode("utf-8", "replace")
    content_type = (getattr(upload, "content_type", None) or mimetypes.guess_type(filename)[0]
                    or "application/octet-stream")
    content = upload.read()
    header = ('Content-Disposition: form-data; name="%s"; filename="%s"\r\nContent-Type: %s\r\n'
              % (_quoted_header_value(key), _quoted_header_value(filename), content_type))
    return header.encode("utf-8"), to_bytes(content)


def encode_multipart(boundary, data):
    """``data`` as a multipart/form-data body; values with ``read()`` become file uploads."""
    separator = ("--%s\r\n" % boundary).encode("ascii")
    chunks = []
    for key, values in _items(data):
        key = key.decode("utf-8") if isinstance(key, bytes) else text_type(key)
        for value in values:
            if value is None:
                raise TypeError("Cannot encode None for key %r as POST data: pass '' or leave the key out." % key)
            if hasattr(value, "read"):
                header, content = _file_part(key, value)
            else:
                header = ('Content-Disposition: form-data; name="%s"\r\n' % _quoted_header_value(key)).encode("utf-8")
                content = to_bytes(value)
            chunks.extend([separator, header, b"\r\n", content, b"\r\n"])
    chunks.append(("--%s--\r\n" % boundary).encode("ascii"))
    return b"".join(chunks)


def _path_info(path):
    """The PEP 3333 PATH_INFO for a (possibly percent-encoded) path: raw bytes as a native string."""
    raw = unquote_to_bytes(to_bytes(path))
    return raw if PY2 else raw.decode("latin-1")


def _header_environ_name(name):
    name = name.upper().replace("-", "_")
    return name if name in ("CONTENT_TYPE", "CONTENT_LENGTH") else "HTTP_" + name


class RequestFactory(object):
    """Builds WSGI environs (and WSGIRequests) as a browser's requests would produce them.

    ``defaults`` are environ entries added to every request, ``headers`` HTTP
    headers added to every request.
    """

    def __init__(self, headers=None, **defaults):
        self.defaults = defaults
        if headers:
            self.defaults.update((_header_environ_name(k), v) for k, v in headers.items())
        self.cookies = SimpleCookie()
        self.errors = NativeStringIO()

    def _base_environ(self, **request):
        environ = {
            "PATH_INFO": "/",
            "QUERY_STRING": "",
            "REMOTE_ADDR": "127.0.0.1",
            "REQUEST_METHOD": "GET",
            "SCRIPT_NAME": "",
            "SERVER_NAME": "testserver",
            "SERVER_PORT": "80",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "wsgi.version": (1, 0),
            "wsgi.url_scheme": "http",
            "wsgi.input": BytesIO(b""),
            "wsgi.errors": self.errors,
            "wsgi.multiprocess": True,
            "wsgi.multithread": False,
            "wsgi.run_once": False,
            # "testserver" is an allowed host for this client's requests (see HttpRequest.get_host()).
            TEST_CLIENT_ENVIRON_KEY: True,
        }
        cookie_header = "; ".join("%s=%s" % (morsel.key, morsel.coded_value)
                                  for morsel in sorted(self.cookies.values(), key=lambda m: m.key))
        if cookie_header:
            environ["HTTP_COOKIE"] = cookie_header
        environ.update(self.defaults)
        environ.update(request)
        # PEP 3333: keys and CGI values are native strings.
        return dict((native_str(key), value if "." in key else native_str(value)) for key, value in environ.items())

    def request(self, **request):
        """A WSGIRequest for an environ made of the defaults updated with ``request``."""
        return WSGIRequest(self._base_environ(**request))

    @staticmethod
    def _encode_body(data, content_type):
        if data is None:
            return b""
        if content_type == MULTIPART_CONTENT and not isinstance(data, (bytes, text_type)):
            return encode_multipart(BOUNDARY, data)
        media_type = content_type.split(";")[0].strip().lower()
        if isinstance(data, (dict, list, tuple)) and (media_type == "application/json" or media_type.endswith("+json")):
            return json.dumps(data).encode("utf-8")
        if isinstance(data, dict) and media_type == "application/x-www-form-urlencoded":
            return to_bytes(encode_query(data))
        return to_bytes(data)

    def get(self, path, data=None, secure=False, headers=None, **extra):
        return self._bodyless("GET", path, data, secure, headers, extra)

    def head(self, path, data=None, secure=False, headers=None, **extra):
        return self._bodyless("HEAD", path, data, secure, headers, extra)

    def options(self, path, data="", content_type="application/octet-stream", secure=False, headers=None, **extra):
        return self.generic("OPTIONS", path, data, content_type, secure=secure, headers=headers, **extra)

    def post(self, path, data=None, content_type=MULTIPART_CONTENT, secure=False, headers=None, **extra):
        return self.generic("POST", path, {} if data is None else data, content_type,
                            secure=secure, headers=headers, **extra)

    def put(self, path, data="", content_type="application/octet-stream", secure=False, headers=None, **extra):
        return self.generic("PUT", path, data, content_type, secure=secure, headers=headers, **extra)

    def patch(self, path, data="", content_type="application/octet-stream", secure=False, headers=None, **extra):
        return self.generic("PATCH", path, data, content_type, secure=secure, headers=headers, **extra)

    def delete(self, path, data="", content_type="application/octet-stream", secure=False, headers=None, **extra):
        return self.generic("DELETE", path, data, content_type, secure=secure, headers=headers, **extra)

    def _bodyless(self, method, path, data, secure, headers, extra):
        if data:
            extra.setdefault("QUERY_STRING", encode_query(data))
        return self.generic(method, path, secure=secure, headers=headers, **extra)

    def generic(self, method, path, data="", content_type="application/octet-stream", secure=False,
                headers=None, **extra):
        """A request of any method; ``data`` is the body (encoded according to ``content_type``)."""
        parts = urlsplit(path)
        body = self._encode_body(data, content_type)
        environ = {
            "PATH_INFO": _path_info(parts.path or "/"),
            "REQUEST_METHOD": method.upper(),
            "SERVER_PORT": "443" if secure else "80",
            "wsgi.url_scheme": "https" if secure else "http",
        }
        if body:
            environ.update({"CONTENT_LENGTH": str(len(body)), "CONTENT_TYPE": content_type,
                            "wsgi.input": BytesIO(body)})
        if headers:
            environ.update((_header_environ_name(k), v) for k, v in headers.items())
        environ.update(extra)
        if not environ.get("QUERY_STRING") and parts.query:
            environ["QUERY_STRING"] = parts.query
        return self.request(**environ)


class ClientHandler(WSGIHandler):
    """The project's WSGI handler, remembering the last request and response for inspection."""

    def __init__(self, enforce_csrf_checks=True):
        self.enforce_csrf_checks = enforce_csrf_checks
        self.last_request = None
        self.last_response = None
        # Tests run under plain pytest, where nothing else loads the project's
        # apps: do it here, once (setup() returns at once when already done).
        pyframework.setup()
        super(ClientHandler, self).__init__()

    def response_for_environ(self, environ):
        self.last_request = None
        self.last_response = super(ClientHandler, self).response_for_environ(environ)
        return self.last_response

    def get_response(self, request):
        request._dont_enforce_csrf_checks = not self.enforce_csrf_checks
        self.last_request = request
        return super(ClientHandler, self).get_response(request)


def _response_json(response, **kwargs):
    content_type = response.get("Content-Type", "")
    media_type = content_type.split(";")[0].strip()
    if media_type != "application/json" and not media_type.endswith("+json"):
        raise ValueError('Content-Type header is "%s", not "application/json"' % content_type)
    return json.loads(response.content.decode(getattr(response, "charset", None) or "utf-8"), **kwargs)


class Client(RequestFactory):
    """Send requests to the project as a browser would, keeping cookies between requests.

    Each request goes through WSGIHandler wrapped in ``wsgiref.validate.validator``,
    so every test also checks PEP 3333 compliance. With
    ``raise_request_exception=True`` (the default) an exception raised by a view
    is raised again in the test instead of becoming a 500 response.
    """

    def __init__(self, enforce_csrf_checks=False, raise_request_exception=True, headers=None, **defaults):
        super(Client, self).__init__(headers=headers, **defaults)
        self.enforce_csrf_checks = enforce_csrf_checks
        self.raise_request_exception = raise_request_exception

    def request(self, **request):
        """Run one request through the WSGI stack and return its response object."""
        environ = self._base_environ(**request)
        # A fresh handler per request: tests change MIDDLEWARE with override_settings.
        handler = ClientHandler(self.enforce_csrf_checks)
        raised = []

        def remember_exception(**kwargs):
            raised.append(sys.exc_info())

        signal_uid = "test-client-%d" % id(raised)
        got_request_exception.connect(remember_exception, dispatch_uid=signal_uid)
        try:
            wire = {}
            written = []

            def start_response(status, headers, exc_info=None):
                wire["status"], wire["headers"] = status, headers
                return written.append

            result = validator(handler)(environ, start_response)
            try:
                body = b"".join(written) + b"".join(result)
            finally:
                result.close()
        finally:
            got_request_exception.disconnect(dispatch_uid=signal_uid)
        if raised and self.raise_request_exception:
            reraise(*raised[0])
        response = handler.last_response
        self._store_cookies(wire["headers"])
        self._attach(response, environ, handler.last_request, body)
        return response

    def _store_cookies(self, headers):
        for name, value in headers:
            if name.lower() == "set-cookie":
                self.cookies.load(value)
        for key, morsel in list(self.cookies.items()):
            # delete_cookie() sends an expired cookie: the browser drops it.
            if text_type(morsel["max-age"]) == "0" or "1970" in text_type(morsel["expires"]):
                del self.cookies[key]

    def _attach(self, response, environ, wsgi_request, body):
        """Give the response the attributes tests inspect."""
        response.client = self
        response.request = environ
        response.wsgi_request = wsgi_request
        response.resolver_match = getattr(wsgi_request, "resolver_match", None)
        response.redirect_chain = []
        response.json = partial(_response_json, response)
        # Expose what went over the wire (e.g. no body for HEAD).
        if getattr(response, "streaming", False):
            response.streaming_content = [body]
        elif response.content != body:
            response.content = body

    def generic(self, method, path, data="", content_type="application/octet-stream", secure=False,
                headers=None, follow=False, **extra):
        response = super(Client, self).generic(method, path, data, content_type, secure=secure,
                                               headers=headers, **extra)
        if follow:
            response = self._follow_redirects(response, method, data, content_type, headers)
        return response

    def _follow_redirects(self, response, method, data, content_type, headers):
        chain = []
        while response.status_code in REDIRECT_STATUS_CODES:
            location = response["Location"]
            chain.append((location, response.status_code))
            response.redirect_chain = chain
            if len(chain) > MAX_REDIRECTS or chain.count(chain[-1]) > 1:
                raise RedirectCycleError("Redirect loop detected following %r." % location, response)
            target = urlsplit(urljoin(response.request["PATH_INFO"], location))
            extra = {"QUERY_STRING": target.query}
            secure = target.scheme == "https" if target.scheme else response.request["wsgi.url_scheme"] == "https"
            if target.netloc:
                extra["HTTP_HOST"] = target.netloc
            path = target.path or "/"
            if response.status_code in (307, 308):
                response = self.generic(method, path, data, content_type, secure=secure, headers=headers, **extra)
            else:
                response = self.generic("GET", path, secure=secure, headers=headers, **extra)
        response.redirect_chain = chain
        return response
