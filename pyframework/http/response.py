"""HTTP responses: HttpResponse and its streaming, file, JSON and status-code variants."""
from __future__ import absolute_import, unicode_literals

import datetime
import io
import json
import mimetypes
import os
import time

from pyframework.conf import settings
from pyframework.core import signals
from pyframework.core.exceptions import DisallowedRedirect
from pyframework.http.cookie import SimpleCookie, render_morsel
from pyframework.http.headers import BadHeaderError, ResponseHeaders  # noqa: F401
from pyframework.utils.compat import PY2, integer_types, string_types, text_type, urlparse
from pyframework.utils.encoding import force_text, iri_to_uri
from pyframework.utils.http import (
    MAX_URL_REDIRECT_LENGTH, content_disposition_header, epoch_seconds_from_datetime, http_date,
)
from pyframework.utils.json import JSONEncoder

try:
    from http.client import responses as _STDLIB_REASONS
except ImportError:  # pragma: no cover - Python 2.7 / Jython
    from httplib import responses as _STDLIB_REASONS

REASON_PHRASES = dict(_STDLIB_REASONS)
# Python 2's table predates these.
REASON_PHRASES.update({
    308: "Permanent Redirect", 421: "Misdirected Request", 422: "Unprocessable Entity",
    428: "Precondition Required", 429: "Too Many Requests", 431: "Request Header Fields Too Large",
    451: "Unavailable For Legal Reasons", 511: "Network Authentication Required",
})


class Http404(Exception):
    """Raised by a view to answer 404 Not Found."""


_SAMESITE_VALUES = ("lax", "none", "strict")


class HttpResponseBase(object):
    """Status, headers and cookies shared by every response class."""

    status_code = 200
    streaming = False

    def __init__(self, content_type=None, status=None, reason=None, charset=None, headers=None):
        self.headers = ResponseHeaders(headers)
        self._charset = charset
        self._cookies = None
        self._resource_closers = []
        self._handler_class = None
        if "Content-Type" in self.headers:
            if content_type is not None:
                raise ValueError("'headers' must not contain 'Content-Type' when the 'content_type' "
                                 "parameter is provided.")
            self._explicit_content_type = True
        else:
            self._explicit_content_type = content_type is not None
            if content_type is None:
                content_type = "%s; charset=%s" % (settings.DEFAULT_CONTENT_TYPE, self.charset)
            self.headers["Content-Type"] = content_type
        if status is not None:
            try:
                self.status_code = int(status)
            except (ValueError, TypeError):
                raise TypeError("HTTP status code must be an integer, not %r." % (status,))
            if not 100 <= self.status_code <= 599:
                raise ValueError("HTTP status code must be an integer from 100 to 599, not %d." % self.status_code)
        self._reason_phrase = reason

    def __repr__(self):
        return "<%s status_code=%d, '%s'>" % (self.__class__.__name__, self.status_code,
                                             self.headers.get("Content-Type"))

    @property
    def reason_phrase(self):
        if self._reason_phrase is not None:
            return self._reason_phrase
        return REASON_PHRASES.get(self.status_code, "Unknown Status Code")

    @reason_phrase.setter
    def reason_phrase(self, value):
        self._reason_phrase = value

    @property
    def charset(self):
        if self._charset is not None:
            return self._charset
        content_type = self.headers.get("Content-Type", "")
        marker = content_type.lower().find("charset=")
        if marker >= 0:
            return content_type[marker + len("charset="):].split(";", 1)[0].strip(" \"'")
        return settings.DEFAULT_CHARSET

    @charset.setter
    def charset(self, value):
        self._charset = value

    # Header access, dict-style.

    def __setitem__(self, header, value):
        self.headers[header] = value

    def __delitem__(self, header):
        del self.headers[header]

    def __getitem__(self, header):
        return self.headers[header]

    def has_header(self, header):
        return header in self.headers

    __contains__ = has_header

    def items(self):
        return self.headers.items()

    def get(self, header, alternate=None):
        return self.headers.get(header, alternate)

    def setdefault(self, key, value):
        """Set a header unless it is already set."""
        self.headers.setdefault(key, value)

    def serialize_headers(self):
        """The status-less header block as bytes (for debugging and tests)."""
        lines = ["%s: %s" % pair for pair in self._header_pairs()]
        return "\r\n".join(lines).encode("latin-1")

    def _header_pairs(self):
        pairs = list(self.headers.items())
        if self._cookies:
            pairs.extend(("Set-Cookie", force_text(render_morsel(morsel))) for morsel in self._cookies.values())
        return pairs

    def wsgi_headers(self):
        """[(name, value)] native strings for start_response, one Set-Cookie per cookie."""
        pairs = self.headers.wsgi_pairs()
        if self._cookies:
            set_cookie = str("Set-Cookie")
            pairs.extend((set_cookie, render_morsel(morsel)) for morsel in self._cookies.values())
        return pairs

    # Cookies.

    @property
    def cookies(self):
        if self._cookies is None:
            self._cookies = SimpleCookie()
        return self._cookies

    @cookies.setter
    def cookies(self, value):
        self._cookies = value

    def set_cookie(self, key, value="", max_age=None, expires=None, path="/", domain=None,
                   secure=False, httponly=False, samesite=None):
        """Set a cookie; ``expires`` may be a datetime (then Max-Age is set too) or an HTTP date."""
        key = _cookie_text(key)
        self.cookies[key] = _cookie_text(value)
        morsel = self.cookies[key]
        if expires is not None:
            if isinstance(expires, datetime.datetime):
                seconds_left = epoch_seconds_from_datetime(expires) - time.time()
                # The "+1" rounds up so a cookie never expires a second early.
                max_age = max(0, int(seconds_left) + 1)
            else:
                morsel[str("expires")] = _cookie_text(expires)
        if max_age is not None:
            if isinstance(max_age, datetime.timedelta):
                max_age = max_age.days * 86400 + max_age.seconds
            if not isinstance(max_age, integer_types):
                raise TypeError("max_age must be an integer or a timedelta, not %r." % (max_age,))
            morsel[str("max-age")] = max_age
            if expires is None or isinstance(expires, datetime.datetime):
                morsel[str("expires")] = _cookie_text(http_date(time.time() + max_age))
        if path is not None:
            morsel[str("path")] = _cookie_text(path)
        if domain is not None:
            morsel[str("domain")] = _cookie_text(domain)
        if secure:
            morsel[str("secure")] = True
        if httponly:
            morsel[str("httponly")] = True
        if samesite:
            if samesite.lower() not in _SAMESITE_VALUES:
                raise ValueError('samesite must be "lax", "none", or "strict" (got %s).' % (samesite,))
            morsel[str("samesite")] = _cookie_text(samesite)

    def delete_cookie(self, key, path="/", domain=None, samesite=None):
        """Expire a cookie in the browser (same path and domain as when it was set)."""
        # Browsers refuse __Secure-/__Host- cookies, and SameSite=None ones, without Secure.
        secure = key.startswith(("__Secure-", "__Host-")) or bool(samesite and samesite.lower() == "none")
        self.set_cookie(key, max_age=0, path=path, domain=domain, secure=secure,
                        expires="Thu, 01 Jan 1970 00:00:00 GMT", samesite=samesite)

    # Body helpers.

    def make_bytes(self, value):
        """Encode one piece of content in the response's charset."""
        if isinstance(value, bytes):
            return value
        if isinstance(value, (bytearray, memoryview)):
            return bytes(value)
        if isinstance(value, text_type):
            return value.encode(self.charset)
        return force_text(value).encode(self.charset)

    def close(self):
        """Release resources (files, iterators) and announce the end of the request."""
        closers, self._resource_closers = self._resource_closers, []
        for closer in closers:
            try:
                closer()
            except Exception:
                pass
        signals.request_finished.send(sender=self._handler_class)

    def write(self, content):
        raise IOError("This %s instance is not writable" % self.__class__.__name__)

    def flush(self):
        pass

    def tell(self):
        raise IOError("This %s instance cannot tell its position" % self.__class__.__name__)

    def readable(self):
        return False

    def seekable(self):
        return False

    def writable(self):
        return False


def _cookie_text(value):
    """Cookie names and values as native strings: Python 2's Cookie module needs them."""
    value = force_text(value)
    return value.encode("utf-8") if PY2 else value


# Content of these types is one piece, even though some of them are iterable.
_SINGLE_PIECE_TYPES = (bytes, bytearray, memoryview) + string_types


def _is_content_iterable(value):
    return hasattr(value, "__iter__") and not isinstance(value, _SINGLE_PIECE_TYPES)


class HttpResponse(HttpResponseBase):
    """A response whose content is held in memory as bytes."""

    streaming = False

    def __init__(self, content=b"", *args, **kwargs):
        super(HttpResponse, self).__init__(*args, **kwargs)
        self.content = content

    @property
    def content(self):
        return b"".join(self._container)

    @content.setter
    def content(self, value):
        if _is_content_iterable(value):
            content = b"".join(self.make_bytes(chunk) for chunk in value)
            if hasattr(value, "close"):
                try:
                    value.close()
                except Exception:
                    pass
        else:
            content = self.make_bytes(value)
        self._container = [content]

    @property
    def text(self):
        return self.content.decode(self.charset)

    def __iter__(self):
        return iter(self._container)

    def write(self, content):
        self._container.append(self.make_bytes(content))

    def tell(self):
        return len(self.content)

    def getvalue(self):
        return self.content

    def writable(self):
        return True

    def writelines(self, lines):
        for line in lines:
            self.write(line)


class StreamingHttpResponse(HttpResponseBase):
    """A response whose content is an iterator, sent piece by piece (large or slow content)."""

    streaming = True

    def __init__(self, streaming_content=(), *args, **kwargs):
        super(StreamingHttpResponse, self).__init__(*args, **kwargs)
        self.streaming_content = streaming_content

    @property
    def content(self):
        raise AttributeError("This %s instance has no `content` attribute. Use `streaming_content` "
                             "instead." % self.__class__.__name__)

    @property
    def streaming_content(self):
        return (self.make_bytes(chunk) for chunk in self._iterator)

    @streaming_content.setter
    def streaming_content(self, value):
        self._set_streaming_content(value)

    def _set_streaming_content(self, value):
        self._iterator = iter(value)
        if hasattr(value, "close"):
            self._resource_closers.append(value.close)

    def __iter__(self):
        return self.streaming_content

    def getvalue(self):
        return b"".join(self.streaming_content)


class FileResponse(StreamingHttpResponse):
    """Stream an open file in blocks, with Content-Length, Content-Type and Content-Disposition set."""

    block_size = 64 * 1024

    def __init__(self, open_file=(), as_attachment=False, filename="", **kwargs):
        self.as_attachment = as_attachment
        self.filename = filename
        self.file_to_stream = None
        super(FileResponse, self).__init__(open_file, **kwargs)

    def _set_streaming_content(self, value):
        if not hasattr(value, "read"):
            self.file_to_stream = None
            super(FileResponse, self)._set_streaming_content(value)
            return
        self.file_to_stream = filelike = value
        if hasattr(filelike, "close"):
            self._resource_closers.append(filelike.close)
        block_size = self.block_size
        super(FileResponse, self)._set_streaming_content(iter(lambda: filelike.read(block_size), b""))
        self._set_file_headers(filelike)

    def _set_file_headers(self, filelike):
        name = getattr(filelike, "name", None)
        name = name if isinstance(name, string_types) else ""
        length = _remaining_length(filelike, name)
        if length is not None:
            self.headers["Content-Length"] = length
        filename = self.filename or os.path.basename(name)
        if not self._explicit_content_type:
            self.headers["Content-Type"] = _guess_content_type(filename)
        disposition = content_disposition_header(self.as_attachment, force_text(filename))
        if disposition:
            self.headers["Content-Disposition"] = disposition


# mimetypes reports compression as an "encoding"; browsers need the compressed type.
_COMPRESSED_TYPES = {"bzip2": "application/x-bzip", "gzip": "application/gzip", "xz": "application/x-xz",
                     "compress": "application/x-compress", "br": "application/x-brotli"}


def _guess_content_type(filename):
    content_type, encoding = mimetypes.guess_type(filename) if filename else (None, None)
    if encoding:
        return _COMPRESSED_TYPES.get(encoding, "application/octet-stream")
    return content_type or "application/octet-stream"


def _remaining_length(filelike, name):
    """Bytes left to read in ``filelike``, or None if it cannot say."""
    try:
        position = filelike.tell()
        filelike.seek(0, io.SEEK_END)
        end = filelike.tell()
        filelike.seek(position)
        return max(0, end - position)
    except (AttributeError, IOError, OSError, ValueError):
        pass
    if name and os.path.isfile(name):
        return os.path.getsize(name)
    return None


class HttpResponseRedirectBase(HttpResponse):
    allowed_schemes = ("http", "https", "ftp")

    def __init__(self, redirect_to, *args, **kwargs):
        super(HttpResponseRedirectBase, self).__init__(*args, **kwargs)
        location = force_text(redirect_to)
        if len(location) > MAX_URL_REDIRECT_LENGTH:
            raise DisallowedRedirect("Unsafe redirect exceeding %d characters" % MAX_URL_REDIRECT_LENGTH)
        scheme = urlparse(location).scheme
        if scheme and scheme.lower() not in self.allowed_schemes:
            raise DisallowedRedirect("Unsafe redirect to URL with protocol '%s'" % scheme)
        self["Location"] = iri_to_uri(location)

    @property
    def url(self):
        return self["Location"]

    def __repr__(self):
        return "<%s status_code=%d, '%s', url='%s'>" % (self.__class__.__name__, self.status_code,
                                                     self.headers.get("Content-Type"), self.url)


class HttpResponseRedirect(HttpResponseRedirectBase):
    status_code = 302


class HttpResponsePermanentRedirect(HttpResponseRedirectBase):
    status_code = 301


class HttpResponseNotModified(HttpResponse):
    status_code = 304

    def __init__(self, *args, **kwargs):
        super(HttpResponseNotModified, self).__init__(*args, **kwargs)
        del self["Content-Type"]

    @HttpResponse.content.setter
    def content(self, value):
        if value:
            raise AttributeError("You cannot set content to a 304 (Not Modified) response")
        self._container = []


class HttpResponseBadRequest(HttpResponse):
    status_code = 400


class HttpResponseNotFound(HttpResponse):
    status_code = 404


class HttpResponseForbidden(HttpResponse):
    status_code = 403


class HttpResponseNotAllowed(HttpResponse):
    status_code = 405

    def __init__(self, permitted_methods, *args, **kwargs):
        super(HttpResponseNotAllowed, self).__init__(*args, **kwargs)
        self["Allow"] = ", ".join(permitted_methods)


class HttpResponseGone(HttpResponse):
    status_code = 410


class HttpResponseServerError(HttpResponse):
    status_code = 500


class JsonResponse(HttpResponse):
    """Serialize ``data`` to JSON. Only dicts unless ``safe=False`` (top-level arrays were once an XSS risk)."""

    def __init__(self, data, encoder=JSONEncoder, safe=True, json_dumps_params=None, **kwargs):
        if safe and not isinstance(data, dict):
            raise TypeError("In order to allow non-dict objects to be serialized set the safe parameter to False.")
        kwargs.setdefault("content_type", "application/json")
        content = json.dumps(data, cls=encoder, **(json_dumps_params or {}))
        super(JsonResponse, self).__init__(content=content, **kwargs)
