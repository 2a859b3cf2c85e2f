"""HTTP requests: HttpRequest and WSGIRequest, built from a PEP 3333 environ.

Request construction runs on every request, so WSGIRequest.__init__ only
decodes the path and checks Content-Length. Everything else (query string,
cookies, headers, body, form data) is parsed on first access and cached on
the instance.
"""
from __future__ import absolute_import, unicode_literals

import codecs
import io
import re
from itertools import chain

from pyframework.conf import settings
from pyframework.core.exceptions import (
    BadRequest, DisallowedHost, ImproperlyConfigured, RequestDataTooBig,
)
from pyframework.http.cookie import parse_cookie
from pyframework.http.headers import HttpHeaders
from pyframework.http.multipartparser import MultiPartParser
from pyframework.http.querydict import QueryDict, parse_query_string
from pyframework.http.stream import LimitedStream, RawPostDataException, UnreadablePostError  # noqa: F401
from pyframework.utils.compat import PY2, urljoin, urlsplit
from pyframework.utils.datastructures import MultiValueDict
from pyframework.utils.encoding import escape_uri_path, iri_to_uri
from pyframework.utils.functional import cached_property
from pyframework.utils.http import is_same_domain, parse_header_parameters
from pyframework.utils.json import loads_bounded

_HOST_RE = re.compile(r"^([a-z0-9.-]+|\[[a-f0-9]*:[a-f0-9.:]+\])(:[0-9]+)?\Z")
# Allowed hosts when DEBUG is on and ALLOWED_HOSTS is empty (local development).
_DEBUG_ALLOWED_HOSTS = (".localhost", "127.0.0.1", "[::1]")
# get_host() runs on most requests and the regex and decoding are slow on
# Jython: remember hosts found valid, keyed with the settings they were
# checked against. Capped, since with ALLOWED_HOSTS = ['*'] any name is valid.
_VALIDATED_HOSTS = {}
_VALIDATED_HOSTS_LIMIT = 256
# Set in the environ by pyframework.test.Client (an HTTP client cannot set environ keys): its
# default host, "testserver", is then allowed, as Django's test environment adds it to ALLOWED_HOSTS.
TEST_CLIENT_ENVIRON_KEY = "pyframework.test_client"
TEST_CLIENT_HOST = "testserver"


def wsgi_bytes(value):
    """The bytes behind a WSGI environ string (PEP 3333: bytes smuggled as latin-1)."""
    if isinstance(value, bytes):
        return value
    try:
        return value.encode("latin-1")
    except UnicodeEncodeError:
        # Not a latin-1 "bytes string": the server already decoded it as text.
        return value.encode("utf-8")


def wsgi_text(value):
    """Decode a WSGI environ string as UTF-8, falling back to latin-1 (for lenient fields)."""
    data = wsgi_bytes(value)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def decode_wsgi_path(value, what):
    """Decode PATH_INFO / SCRIPT_NAME as UTF-8; BadRequest if it is not valid UTF-8."""
    if not value:
        return ""
    try:
        return wsgi_bytes(value).decode("utf-8")
    except UnicodeDecodeError:
        raise BadRequest("The request %s is not valid UTF-8." % what)


def parse_content_length(environ):
    """CONTENT_LENGTH as an int; None when absent; BadRequest when not a non-negative integer."""
    raw = environ.get("CONTENT_LENGTH")
    if raw is None:
        return None
    text = raw.strip()
    if not text:
        return None
    if not text.isdigit():
        raise BadRequest("Invalid Content-Length header '%s': it must be a non-negative integer." % (raw,))
    try:
        return int(text)
    except ValueError:
        raise BadRequest("Invalid Content-Length header '%s': it must be a non-negative integer." % (raw,))


def split_domain_port(host):
    """('domain', 'port') from a Host header value; ('', '') if it is not a valid host."""
    match = _HOST_RE.match(host.lower())
    if match is None:
        return "", ""
    domain, port = match.groups()
    if domain.endswith("."):
        domain = domain[:-1]
    return domain, (port or "")[1:]


def validate_host(domain, allowed_hosts):
    """True if ``domain`` matches a pattern of ALLOWED_HOSTS ('.example.com', '*', exact names)."""
    for pattern in allowed_hosts:
        if pattern == "*" or is_same_domain(domain, pattern):
            return True
    return False


class MediaType(object):
    """One entry of an Accept header, e.g. ``text/html;q=0.9``."""

    def __init__(self, media_type_raw):
        full_type, self.params = parse_header_parameters(media_type_raw or "")
        self.main_type, _, self.sub_type = full_type.partition("/")
        try:
            self.quality = float(self.params.get("q", 1))
        except ValueError:
            self.quality = 1.0

    def __repr__(self):
        return "<MediaType: %s/%s>" % (self.main_type, self.sub_type)

    @property
    def is_all_types(self):
        return self.main_type == "*" and self.sub_type == "*"

    def match(self, other):
        """True if this (possibly wildcard) range accepts the concrete type ``other``."""
        if self.quality <= 0:
            return False
        other = other if isinstance(other, MediaType) else MediaType(other)
        if self.main_type == "*":
            return True
        if self.main_type != other.main_type:
            return False
        return self.sub_type in ("*", other.sub_type)


def _form_data_property(attribute, doc):
    """request.POST / request.FILES: both come from one parse of the body, on first access of either."""
    def getter(self):
        if attribute not in self.__dict__:
            self._load_post_and_files()
        return self.__dict__[attribute]

    def setter(self, value):
        self.__dict__[attribute] = value

    return property(getter, setter, doc=doc)


class HttpRequest(object):
    """An HTTP request. Usually a WSGIRequest; a bare one is handy in tests."""

    _encoding = None

    def __init__(self):
        self.GET = QueryDict(mutable=True)
        self.POST = QueryDict(mutable=True)
        self.COOKIES = {}
        self.META = {}
        self.FILES = MultiValueDict()
        self.path = ""
        self.path_info = ""
        self.script_name = ""
        self.method = None
        self.resolver_match = None
        self._read_started = False
        self._stream = io.BytesIO()

    def __repr__(self):
        if self.method is None or not self.get_full_path():
            return "<%s>" % self.__class__.__name__
        return "<%s: %s '%s'>" % (self.__class__.__name__, self.method, self.get_full_path())

    # Lazily computed attributes.

    @cached_property
    def headers(self):
        """Case-insensitive HTTP headers: ``request.headers['Content-Type']``."""
        return HttpHeaders(self.META)

    @cached_property
    def _content_type_info(self):
        return parse_header_parameters(self.META.get("CONTENT_TYPE", ""))

    @cached_property
    def content_type(self):
        """The body's media type, lower-cased, without parameters (e.g. 'multipart/form-data')."""
        return self._content_type_info[0]

    @cached_property
    def content_params(self):
        """Parameters of Content-Type (e.g. {'charset': 'utf-8'})."""
        return self._content_type_info[1]

    @property
    def encoding(self):
        """The charset used to decode GET and POST (None means DEFAULT_CHARSET)."""
        return self._encoding

    @encoding.setter
    def encoding(self, value):
        # Drop what was decoded with the previous encoding so it is decoded again.
        self._encoding = value
        if isinstance(getattr(type(self), "GET", None), cached_property):
            self.__dict__.pop("GET", None)
        if "_post" in self.__dict__:
            del self._post

    @cached_property
    def accepted_types(self):
        header = self.META.get("HTTP_ACCEPT") or "*/*"
        return [MediaType(token) for token in header.split(",") if token.strip()]

    def accepts(self, media_type):
        """True if the Accept header allows ``media_type`` (e.g. 'application/json')."""
        wanted = MediaType(media_type)
        return any(accepted.match(wanted) for accepted in self.accepted_types)

    # Host, scheme and URLs.

    def _get_raw_host(self):
        meta = self.META
        if settings.USE_X_FORWARDED_HOST and "HTTP_X_FORWARDED_HOST" in meta:
            host = meta["HTTP_X_FORWARDED_HOST"]
        elif "HTTP_HOST" in meta:
            host = meta["HTTP_HOST"]
        else:
            host = meta.get("SERVER_NAME", "")
            port = self.get_port()
            if port != ("443" if self.is_secure() else "80"):
                host = "%s:%s" % (host, port)
        return host

    def get_host(self):
        """The Host header, checked against ALLOWED_HOSTS (DisallowedHost, a 400, otherwise)."""
        raw_host = self._get_raw_host()
        allowed_hosts = settings.ALLOWED_HOSTS
        debug = settings.DEBUG
        test_client = self.META.get(TEST_CLIENT_ENVIRON_KEY) is True
        cache_key = (raw_host, debug, tuple(allowed_hosts), test_client)
        host = _VALIDATED_HOSTS.get(cache_key)
        if host is not None:
            return host
        host = wsgi_text(raw_host) if PY2 else raw_host
        if debug and not allowed_hosts:
            allowed_hosts = _DEBUG_ALLOWED_HOSTS
        if test_client:
            allowed_hosts = list(allowed_hosts) + [TEST_CLIENT_HOST]
        domain, port = split_domain_port(host)
        if domain and validate_host(domain, allowed_hosts):
            if len(_VALIDATED_HOSTS) < _VALIDATED_HOSTS_LIMIT:
                _VALIDATED_HOSTS[cache_key] = host
            return host
        message = "Invalid HTTP_HOST header: '%s'." % (host,)
        if domain:
            message += " You may need to add '%s' to ALLOWED_HOSTS." % (domain,)
        else:
            message += " The domain name provided is not valid according to RFC 1034/1035."
        raise DisallowedHost(message)

    def get_port(self):
        meta = self.META
        if settings.USE_X_FORWARDED_PORT and "HTTP_X_FORWARDED_PORT" in meta:
            port = meta["HTTP_X_FORWARDED_PORT"]
        else:
            port = meta.get("SERVER_PORT", "")
        return "%s" % (port,) if not PY2 else wsgi_text(port)

    def _get_scheme(self):
        return "http"

    @property
    def scheme(self):
        proxy_header = settings.SECURE_PROXY_SSL_HEADER
        if proxy_header:
            try:
                header, secure_value = proxy_header
            except (TypeError, ValueError):
                raise ImproperlyConfigured("The SECURE_PROXY_SSL_HEADER setting must be a tuple of two values, "
                                           "e.g. ('HTTP_X_FORWARDED_PROTO', 'https').")
            value = self.META.get(header)
            if value is not None:
                return "https" if value.split(",", 1)[0].strip() == secure_value else "http"
        return self._get_scheme()

    def is_secure(self):
        return self.scheme == "https"

    def get_full_path(self, force_append_slash=False):
        """The path with the query string, escaped as a URI: '/mysite/music/bands/?print=true'."""
        return self._full_path(self.path, force_append_slash)

    def get_full_path_info(self, force_append_slash=False):
        """Like get_full_path, without SCRIPT_NAME."""
        return self._full_path(self.path_info, force_append_slash)

    def _full_path(self, path, force_append_slash):
        query = self.META.get("QUERY_STRING", "")
        slash = "/" if force_append_slash and not path.endswith("/") else ""
        return "%s%s%s" % (escape_uri_path(path), slash, ("?" + iri_to_uri(wsgi_bytes(query))) if query else "")

    def build_absolute_uri(self, location=None):
        """An absolute URI for ``location`` (default: this request's full path), relative to this request."""
        scheme_host = "%s://%s" % (self.scheme, self.get_host())
        if location is None:
            return scheme_host + self.get_full_path()
        location = "%s" % (location,)
        parts = urlsplit(location)
        if parts.scheme and parts.netloc:
            return iri_to_uri(location)
        return iri_to_uri(urljoin(scheme_host + self.path, location))

    # The body.

    def _content_length_for_limits(self):
        try:
            return int(self.META.get("CONTENT_LENGTH") or 0)
        except (TypeError, ValueError):
            return 0

    @property
    def body(self):
        """The raw body (bytes), read once, up to DATA_UPLOAD_MAX_MEMORY_SIZE (RequestDataTooBig beyond)."""
        if "_body" not in self.__dict__:
            if self._read_started:
                raise RawPostDataException("You cannot access body after reading from request's data stream.")
            max_size = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
            if max_size is not None and self._content_length_for_limits() > max_size:
                raise RequestDataTooBig("Request body exceeded DATA_UPLOAD_MAX_MEMORY_SIZE (%d bytes)." % max_size)
            self._read_started = True
            self._body = self._read_body(max_size)
            self._stream = io.BytesIO(self._body)
        return self._body

    def _read_body(self, max_size):
        pieces = []
        total = 0
        while True:
            data = self._stream.read(64 * 1024)
            if not data:
                return b"".join(pieces)
            total += len(data)
            if max_size is not None and total > max_size:
                raise RequestDataTooBig("Request body exceeded DATA_UPLOAD_MAX_MEMORY_SIZE (%d bytes)." % max_size)
            pieces.append(data)

    def json(self):
        """The body parsed as JSON; BadRequest with a readable message if it is not valid UTF-8 JSON."""
        body = self.body
        if not body.strip():
            raise BadRequest("Request body is empty; expected JSON.")
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            raise BadRequest("Request body is not valid UTF-8; JSON must be UTF-8 encoded.")
        try:
            return loads_bounded(text)
        except ValueError as exc:
            raise BadRequest("Request body is not valid JSON: %s" % (exc,))

    def _mark_post_parse_error(self):
        self._post = QueryDict()
        self._files = MultiValueDict()

    def _load_post_and_files(self):
        """Parse a POST body into _post and _files (urlencoded or multipart forms)."""
        if self.method != "POST":
            self._post, self._files = QueryDict(encoding=self._encoding), MultiValueDict()
            return
        if self._read_started and "_body" not in self.__dict__:
            self._mark_post_parse_error()
            return
        content_type = self.content_type
        try:
            if content_type == "multipart/form-data":
                if "_body" in self.__dict__:
                    stream = io.BytesIO(self._body)
                else:
                    self._read_started = True
                    stream = self._stream
                parser = MultiPartParser(self.META, stream, self.content_params, self._encoding)
                self._post, self._files = parser.parse()
            elif content_type == "application/x-www-form-urlencoded":
                post = QueryDict(mutable=True, encoding=self._encoding)
                pairs = parse_query_string(self.body, post.encoding, settings.DATA_UPLOAD_MAX_NUMBER_FIELDS,
                                           what="form data")
                for key, value in pairs:
                    post.appendlist(key, value)
                post._mutable = False
                self._post, self._files = post, MultiValueDict()
            else:
                self._post, self._files = QueryDict(encoding=self._encoding), MultiValueDict()
        except Exception:
            # Leave empty data behind so error pages can still look at request.POST.
            self._mark_post_parse_error()
            raise

    POST = _form_data_property("_post", "The form fields of a POST body (a QueryDict), parsed on first access.")
    FILES = _form_data_property("_files", "Uploaded files of a multipart POST body (a MultiValueDict).")

    def close(self):
        """Close uploaded files (deleting temporary ones)."""
        files = self.__dict__.get("_files")
        if files:
            for upload in chain.from_iterable(values for _, values in files.lists()):
                upload.close()

    # File-like access to the body.

    def read(self, *args, **kwargs):
        self._read_started = True
        return self._stream.read(*args, **kwargs)

    def readline(self, *args, **kwargs):
        self._read_started = True
        return self._stream.readline(*args, **kwargs)

    def __iter__(self):
        return iter(self.readline, b"")

    def readlines(self):
        return list(self)


class WSGIRequest(HttpRequest):
    """The request for a PEP 3333 environ. Raises BadRequest for an undecodable path or bad Content-Length."""

    def __init__(self, environ):
        self.environ = self.META = environ
        self.script_name = script_name = decode_wsgi_path(environ.get("SCRIPT_NAME", ""), "SCRIPT_NAME")
        path_info = decode_wsgi_path(environ.get("PATH_INFO", ""), "path") or "/"
        self.path_info = path_info
        # SCRIPT_NAME is the mount point ("/mysite" for a WAR's context path).
        if script_name:
            self.path = script_name.rstrip("/") + "/" + path_info.lstrip("/")
        else:
            self.path = path_info
        method = environ.get("REQUEST_METHOD", "GET")
        self.method = method.upper() if not PY2 else wsgi_text(method).upper()
        self.resolver_match = None
        self._read_started = False
        content_length = parse_content_length(environ)
        if content_length is None and self._body_runs_to_end_of_stream(environ):
            limit = None
        else:
            limit = content_length or 0
        stream = environ.get("wsgi.input")
        self._stream = LimitedStream(stream if stream is not None else io.BytesIO(), limit)

    @staticmethod
    def _body_runs_to_end_of_stream(environ):
        """A chunked body has no Content-Length: the server marks the stream as ending with the body."""
        if environ.get("wsgi.input_terminated"):
            return True
        return "chunked" in environ.get("HTTP_TRANSFER_ENCODING", "").lower()

    def _get_scheme(self):
        return self.environ.get("wsgi.url_scheme", "http")

    @cached_property
    def _encoding(self):
        charset = self.content_params.get("charset")
        if charset:
            try:
                codecs.lookup(charset)
            except LookupError:
                return None
            return charset
        return None

    @cached_property
    def GET(self):
        return QueryDict(wsgi_bytes(self.environ.get("QUERY_STRING", "")), encoding=self._encoding)

    @cached_property
    def COOKIES(self):
        raw = self.environ.get("HTTP_COOKIE", "")
        return parse_cookie(wsgi_text(raw)) if raw else {}


