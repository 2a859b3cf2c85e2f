"""QueryDict: the multi-valued, immutable-by-default dict of query strings and forms.

Parsing is strict on purpose: a bad percent-escape or bytes that are not
valid in the request's encoding are a client bug, answered with 400 Bad
Request instead of being silently replaced.
"""
from __future__ import absolute_import, unicode_literals

import copy

from pyframework.conf import settings
from pyframework.core.exceptions import BadRequest, TooManyFieldsSent
from pyframework.utils.compat import PY2, quote, quote_plus
from pyframework.utils.datastructures import MultiValueDict
from pyframework.utils.encoding import HEX_PAIR_TO_BYTE, force_bytes, force_text


def _percent_decode(data, what):
    """Decode %XX escapes in ``data`` (bytes, '+' already turned into spaces)."""
    if b"%" not in data:
        return data
    pieces = data.split(b"%")
    out = [pieces[0]]
    for piece in pieces[1:]:
        byte = HEX_PAIR_TO_BYTE.get(piece[:2])
        if byte is None:
            raise BadRequest("Invalid percent-encoding in %s: '%%' must be followed by two hex digits "
                             "(near '%s')." % (what, force_text(b"%" + piece[:2], "latin-1")))
        out.append(byte)
        out.append(piece[2:])
    return b"".join(out)


def _decode(data, encoding, what):
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise BadRequest("Invalid %s data in %s (the bytes are not valid %s)." % (encoding, what, encoding))
    except LookupError:
        raise BadRequest("Unknown character set '%s' for %s." % (encoding, what))


def _unescape(text, encoding, what):
    """'+' to space and %XX escapes decoded, for one key or value (text)."""
    if "+" in text:
        text = text.replace("+", " ")
    if "%" not in text:
        return text
    return _decode(_percent_decode(text.encode(encoding), what), encoding, what)


def parse_query_string(data, encoding="utf-8", max_fields=None, what="query string"):
    """Parse a query string or urlencoded body (bytes or text) into a list of (key, value) text pairs.

    Blank values are kept ("a=&b" gives a='' and b=''); empty pairs between
    '&'s are skipped. Raises BadRequest for malformed data and
    TooManyFieldsSent beyond ``max_fields``.
    """
    if not data:
        return []
    # Decoding the whole string at once validates the raw bytes and is much
    # cheaper on Jython than decoding each key and value; only the parts
    # with %XX escapes need a second decode.
    text = _decode(data, encoding, what) if isinstance(data, bytes) else data
    pairs = text.split("&")
    if max_fields is not None and len(pairs) > max_fields and sum(1 for pair in pairs if pair) > max_fields:
        raise TooManyFieldsSent(
            "The number of fields in the %s exceeds DATA_UPLOAD_MAX_NUMBER_FIELDS (%d)." % (what, max_fields))
    result = []
    for pair in pairs:
        if pair:
            key, _, value = pair.partition("=")
            result.append((_unescape(key, encoding, what), _unescape(value, encoding, what)))
    return result


def _to_text(value, encoding):
    if isinstance(value, bytes):
        return value.decode(encoding, "replace")
    return value


class QueryDict(MultiValueDict):
    """The parsed query string (request.GET) or form body (request.POST).

    Immutable unless built with ``mutable=True``; ``copy()`` gives a mutable one.
    """

    _mutable = True
    _encoding = None

    def __init__(self, query_string=None, mutable=False, encoding=None):
        super(QueryDict, self).__init__()
        self._encoding = encoding = encoding or settings.DEFAULT_CHARSET
        if query_string:
            pairs = parse_query_string(query_string, encoding, settings.DATA_UPLOAD_MAX_NUMBER_FIELDS)
            # Parsed values are text already: fill the lists directly (this runs per request).
            lists = dict.setdefault
            for key, value in pairs:
                lists(self, key, []).append(value)
        self._mutable = mutable

    @classmethod
    def fromkeys(cls, iterable, value="", mutable=False, encoding=None):
        """A QueryDict with ``value`` for each key of ``iterable`` (repeated keys repeat it)."""
        result = cls("", mutable=True, encoding=encoding)
        for key in iterable:
            result.appendlist(key, value)
        if not mutable:
            result._mutable = False
        return result

    @property
    def encoding(self):
        if self._encoding is None:
            self._encoding = settings.DEFAULT_CHARSET
        return self._encoding

    @encoding.setter
    def encoding(self, value):
        self._encoding = value

    def _assert_mutable(self):
        if not self._mutable:
            raise AttributeError("This QueryDict instance is immutable")

    def __setitem__(self, key, value):
        self._assert_mutable()
        super(QueryDict, self).__setitem__(_to_text(key, self.encoding), _to_text(value, self.encoding))

    def __delitem__(self, key):
        self._assert_mutable()
        super(QueryDict, self).__delitem__(key)

    def __copy__(self):
        result = self.__class__("", mutable=True, encoding=self.encoding)
        for key, values in self.lists():
            result.setlist(key, list(values))
        return result

    def __deepcopy__(self, memo):
        result = self.__class__("", mutable=True, encoding=self.encoding)
        memo[id(self)] = result
        for key, values in self.lists():
            result.setlist(copy.deepcopy(key, memo), copy.deepcopy(values, memo))
        return result

    def setlist(self, key, list_):
        self._assert_mutable()
        key = _to_text(key, self.encoding)
        super(QueryDict, self).setlist(key, [_to_text(item, self.encoding) for item in list_])

    def setlistdefault(self, key, default_list=None):
        self._assert_mutable()
        return super(QueryDict, self).setlistdefault(key, default_list)

    def appendlist(self, key, value):
        self._assert_mutable()
        super(QueryDict, self).appendlist(_to_text(key, self.encoding), _to_text(value, self.encoding))

    def pop(self, key, *args):
        self._assert_mutable()
        return super(QueryDict, self).pop(key, *args)

    def popitem(self):
        self._assert_mutable()
        return super(QueryDict, self).popitem()

    def clear(self):
        self._assert_mutable()
        super(QueryDict, self).clear()

    def setdefault(self, key, default=None):
        self._assert_mutable()
        return super(QueryDict, self).setdefault(_to_text(key, self.encoding), _to_text(default, self.encoding))

    def update(self, *args, **kwargs):
        self._assert_mutable()
        super(QueryDict, self).update(*args, **kwargs)

    def copy(self):
        """A mutable deep copy."""
        return self.__deepcopy__({})

    def urlencode(self, safe=None):
        """Encode back to a query string; ``safe`` characters are left unescaped."""
        encoding = self.encoding
        if safe:
            safe_chars = str(safe) if PY2 else safe

            def encode(text):
                return quote(force_bytes(text, encoding), safe_chars)
        else:
            def encode(text):
                return quote_plus(force_bytes(text, encoding))
        output = []
        for key, values in self.lists():
            encoded_key = encode(key)
            output.extend("%s=%s" % (encoded_key, encode(value)) for value in values)
        return force_text("&".join(output))

