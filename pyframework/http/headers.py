"""Header mappings: the request's (read from WSGI META) and the response's (validated)."""
from __future__ import absolute_import, unicode_literals

import base64
import re

from pyframework.utils.compat import PY2
from pyframework.utils.datastructures import CaseInsensitiveMapping


class BadHeaderError(ValueError):
    """A header name or value would break the HTTP message (newlines, bad characters)."""


class HttpHeaders(CaseInsensitiveMapping):
    """The request's HTTP headers, from META: ``request.headers['Content-Type']``."""

    HTTP_PREFIX = "HTTP_"
    # WSGI keeps these two without the HTTP_ prefix.
    UNPREFIXED_HEADERS = frozenset(["CONTENT_TYPE", "CONTENT_LENGTH"])

    def __init__(self, environ):
        headers = {}
        for meta_key, value in environ.items():
            name = self.parse_header_name(meta_key)
            if name:
                headers[name] = value
        super(HttpHeaders, self).__init__(headers)

    def __getitem__(self, key):
        """Accept 'Content-Type' and also 'content_type'."""
        return super(HttpHeaders, self).__getitem__(key.replace("_", "-"))

    def __contains__(self, key):
        try:
            return super(HttpHeaders, self).__contains__(key.replace("_", "-"))
        except AttributeError:
            return False

    def get(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            return default

    @classmethod
    def parse_header_name(cls, meta_key):
        if meta_key.startswith(cls.HTTP_PREFIX):
            meta_key = meta_key[len(cls.HTTP_PREFIX):]
        elif meta_key not in cls.UNPREFIXED_HEADERS:
            return None
        return meta_key.replace("_", "-").title()


# RFC 7230 3.2.6: a header name is a "token".
_TOKEN_RE = re.compile(r"^[!#$%&'*+\-.^_`|~0-9A-Za-z]+\Z")


def _as_text(value):
    if isinstance(value, bytes):
        return value.decode("latin-1")
    if not isinstance(value, type("")):
        value = "%s" % (value,)
    return value


# Header names already validated. Applications use a small, fixed set of names,
# so this stays small; it is capped anyway in case names are built from input.
_VALID_NAMES = {}
_VALID_NAMES_LIMIT = 512


def clean_header_name(name):
    """Validate a header name: ASCII without separators or whitespace."""
    known = _VALID_NAMES.get(name)
    if known is not None:
        return known
    name = _as_text(name)
    try:
        name.encode("ascii")
    except UnicodeEncodeError:
        raise BadHeaderError("Header name '%s' must be ASCII." % (name,))
    if _TOKEN_RE.match(name) is None:
        raise BadHeaderError("Header name '%s' is empty or contains characters not allowed in a "
                             "header name." % (name,))
    if len(_VALID_NAMES) < _VALID_NAMES_LIMIT:
        _VALID_NAMES[name] = name
    return name


def clean_header_value(name, value):
    """Validate a header value; non-Latin-1 text becomes an RFC 2047 encoded word."""
    value = _as_text(value)
    if "\n" in value or "\r" in value or "\x00" in value:
        raise BadHeaderError("Header values can't contain newlines (got %r for header %r)." % (value, name))
    try:
        value.encode("latin-1")
    except UnicodeEncodeError:
        encoded = base64.b64encode(value.encode("utf-8")).decode("ascii")
        value = "=?utf-8?b?%s?=" % encoded
    return value


class ResponseHeaders(CaseInsensitiveMapping):
    """The response's headers: a mutable, case-insensitive, validating mapping."""

    def __init__(self, data=None):
        super(ResponseHeaders, self).__init__()
        for name, value in self._pairs(data or {}):
            self[name] = value

    def __setitem__(self, name, value):
        name = clean_header_name(name)
        self._store[name.lower()] = (name, clean_header_value(name, value))

    def __delitem__(self, name):
        self._store.pop(name.lower(), None)

    def pop(self, name, default=None):
        pair = self._store.pop(name.lower(), None)
        return default if pair is None else pair[1]

    def setdefault(self, name, value):
        if name not in self:
            self[name] = value
        return self[name]

    def wsgi_pairs(self):
        """[(name, value)] as native strings, ready for start_response."""
        if PY2:  # pragma: no cover - Jython: native str is bytes
            return [(name.encode("latin-1"), value.encode("latin-1")) for name, value in self._store.values()]
        return list(self._store.values())
