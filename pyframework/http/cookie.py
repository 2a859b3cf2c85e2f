"""Cookies: parsing the Cookie request header and the SimpleCookie responses use."""
from __future__ import absolute_import, unicode_literals

from pyframework.utils.compat import (
    PY2, Morsel as _StdlibMorsel, SimpleCookie as _StdlibSimpleCookie, integer_types, unichr,
)

if PY2:  # pragma: no cover - Jython
    class Morsel(_StdlibMorsel):
        """Python 2's Morsel does not know the SameSite attribute; this one does."""

        # Also spell Secure and HttpOnly like Python 3 and browsers' documentation do.
        _reserved = dict(_StdlibMorsel._reserved, samesite=str("SameSite"), secure=str("Secure"),
                         httponly=str("HttpOnly"))

        def __init__(self):
            # The stdlib constructor fills the attributes from the class's _reserved.
            _StdlibMorsel.__init__(self)
            dict.__setitem__(self, str("samesite"), str(""))

    class SimpleCookie(_StdlibSimpleCookie):
        def __setitem__(self, key, value):
            if isinstance(value, _StdlibMorsel):
                dict.__setitem__(self, key, value)
                return
            real_value, coded_value = self.value_encode(value)
            morsel = self.get(key) or Morsel()
            morsel.set(key, real_value, coded_value)
            dict.__setitem__(self, key, morsel)
else:
    Morsel = _StdlibMorsel
    SimpleCookie = _StdlibSimpleCookie


# Morsel attributes in the order Morsel.OutputString() writes them (sorted by key).
_MORSEL_ATTRIBUTES = tuple((str(key), str(label)) for key, label in (
    ("comment", "Comment"), ("domain", "Domain"), ("expires", "expires"), ("httponly", "HttpOnly"),
    ("max-age", "Max-Age"), ("path", "Path"), ("samesite", "SameSite"), ("secure", "Secure"),
    ("version", "Version"),
))
_FLAG_ATTRIBUTES = frozenset([str("httponly"), str("secure")])
_PAIR = str("%s=%s")
_INT_PAIR = str("%s=%d")
_SEPARATOR = str("; ")


def render_morsel(morsel):
    """The Set-Cookie value for ``morsel`` as a native string.

    Gives what Morsel.OutputString() gives for the attributes set_cookie()
    uses, in a fraction of the time on Jython, where responses render cookies
    on every request that has a session.
    """
    parts = [_PAIR % (morsel.key, morsel.coded_value)]
    for key, label in _MORSEL_ATTRIBUTES:
        value = morsel.get(key, "")
        if value == "" or value is None:
            continue
        if key in _FLAG_ATTRIBUTES:
            if value:
                parts.append(label)
        elif key == "max-age" and isinstance(value, integer_types):
            parts.append(_INT_PAIR % (label, value))
        elif key == "comment" or isinstance(value, integer_types):
            # Quoted comments and integer expiry times are rare: the standard library formats them.
            return morsel.OutputString()
        else:
            parts.append(_PAIR % (label, value))
    return _SEPARATOR.join(parts)


def _unquote_cookie_value(value):
    """Undo the quoting of a cookie value sent as "quoted-string" (octal escapes too)."""
    if len(value) < 2 or value[0] != '"' or value[-1] != '"':
        return value
    value = value[1:-1]
    if "\\" not in value:
        return value
    out = []
    i = 0
    length = len(value)
    while i < length:
        char = value[i]
        if char == "\\" and i + 1 < length:
            octal = value[i + 1:i + 4]
            if len(octal) == 3 and all(digit in "01234567" for digit in octal):
                out.append(unichr(int(octal, 8)))
                i += 4
                continue
            out.append(value[i + 1])
            i += 2
            continue
        out.append(char)
        i += 1
    return "".join(out)


def parse_cookie(cookie):
    """Parse a Cookie header into a dict of name -> value (text).

    Lenient like browsers: pairs without '=' give a value under the empty
    name, and malformed pairs do not spoil the others.
    """
    if not isinstance(cookie, type("")):
        cookie = cookie.decode("latin-1")
    cookies = {}
    for chunk in cookie.split(";"):
        key, has_value, value = chunk.partition("=")
        if not has_value:
            key, value = "", key
        key = key.strip()
        value = value.strip()
        if key or value:
            cookies[key] = _unquote_cookie_value(value) if value[:1] == '"' else value
    return cookies
