"""Text/bytes conversions and URI/IRI escaping.

On Python 3 ``str`` is text; on Jython 2.7 ``str`` is bytes and text is
``unicode``. These helpers let the rest of the framework say which one it
wants without caring which interpreter runs it.
"""
from __future__ import absolute_import, unicode_literals

import datetime
import decimal

from pyframework.utils.compat import PY2, quote, text_type

_PROTECTED_TYPES = (type(None), int, float, decimal.Decimal, datetime.datetime, datetime.date, datetime.time)
if PY2:  # pragma: no cover - Jython
    _PROTECTED_TYPES += (long,)  # noqa: F821


def is_protected_type(obj):
    """True for values ``force_text(strings_only=True)`` leaves alone (numbers, dates, None)."""
    return isinstance(obj, _PROTECTED_TYPES)


def force_text(s, encoding="utf-8", strings_only=False, errors="strict"):
    """Return ``s`` as text, decoding bytes with ``encoding``."""
    if isinstance(s, text_type):
        return s
    if strings_only and is_protected_type(s):
        return s
    if isinstance(s, (bytes, bytearray)):
        return bytes(s).decode(encoding, errors)
    if not PY2:
        return str(s)
    # Python 2: prefer __unicode__; exceptions may carry non-ASCII byte messages.
    try:
        return text_type(s)
    except UnicodeDecodeError:
        if isinstance(s, Exception):
            return " ".join(force_text(arg, encoding, strings_only, errors) for arg in s.args)
        return str(s).decode(encoding, errors)


# Django spells it both ways; both return text.
force_str = smart_text = smart_str = force_text


def force_bytes(s, encoding="utf-8", strings_only=False, errors="strict"):
    """Return ``s`` as bytes, encoding text with ``encoding``."""
    if isinstance(s, bytes):
        if encoding == "utf-8":
            return s
        return s.decode("utf-8", errors).encode(encoding, errors)
    if isinstance(s, bytearray):
        return bytes(s)
    if strings_only and is_protected_type(s):
        return s
    if isinstance(s, memoryview):
        return s.tobytes()
    return force_text(s, encoding, errors=errors).encode(encoding, errors)


smart_bytes = force_bytes


def _quote_bytes(data, safe):
    """Percent-escape ``data`` (bytes) leaving ``safe`` characters; return text."""
    quoted = quote(data, safe=str(safe) if PY2 else safe)
    return quoted.decode("ascii") if PY2 else quoted


# Characters RFC 3987 section 3.1 keeps as they are when mapping an IRI to a URI.
_IRI_SAFE = "/#%[]=:;$&()+,!?*@'~"
_PATH_SAFE = "/:@&+$,-_.!~*'()"


def iri_to_uri(iri):
    """Escape the non-ASCII (and unsafe) characters of an IRI; returns text.

    Already-escaped sequences stay as they are, so it is safe to call twice.
    """
    if iri is None:
        return iri
    return _quote_bytes(force_bytes(iri), _IRI_SAFE)


def escape_uri_path(path):
    """Escape a URL path (no query string) for use in a URI; returns text."""
    return _quote_bytes(force_bytes(path), _PATH_SAFE)


def filepath_to_uri(path):
    """Turn a file system path into the path part of a URL (backslashes become slashes)."""
    if path is None:
        return path
    return _quote_bytes(force_bytes(path).replace(b"\\", b"/"), "/~!*()'")


_HEXDIGITS = "0123456789abcdefABCDEF"
# Unescaping these would change a URI's meaning, so uri_to_iri leaves them escaped.
_RESERVED_OR_UNSAFE = frozenset(bytearray(b"%/?#[]@!$&'()*+,;=:\"<>\\^`{|} "))


def _build_hex_table():
    table = {}
    for high in _HEXDIGITS:
        for low in _HEXDIGITS:
            table[(high + low).encode("ascii")] = bytes(bytearray([int(high + low, 16)]))
    return table


# Two hex digits (bytes, any case) -> the byte they encode. A dict lookup beats
# int(x, 16) per escape and rejects bad escapes at the same time.
HEX_PAIR_TO_BYTE = _build_hex_table()


def uri_to_iri(uri):
    """Unescape the percent-escapes of a URI that encode readable UTF-8 text; returns text.

    Escapes of reserved ASCII characters and of bytes that are not valid UTF-8
    stay escaped, so the result still means the same resource.
    """
    if uri is None:
        return uri
    pieces = force_bytes(uri).split(b"%")
    out = [pieces[0]]
    for piece in pieces[1:]:
        byte = HEX_PAIR_TO_BYTE.get(piece[:2])
        value = bytearray(byte)[0] if byte is not None else None
        if value is None or value < 0x20 or value == 0x7F or value in _RESERVED_OR_UNSAFE:
            out.append(b"%" + piece)
        else:
            out.append(byte + piece[2:])
    return repercent_broken_unicode(b"".join(out))


def repercent_broken_unicode(data):
    """Decode UTF-8 ``data`` (bytes), percent-escaping any bytes that are not valid UTF-8."""
    decoded = []
    while True:
        try:
            decoded.append(data.decode("utf-8"))
            return "".join(decoded)
        except UnicodeDecodeError as exc:
            decoded.append(data[:exc.start].decode("utf-8"))
            decoded.append(_quote_bytes(data[exc.start:exc.end], ""))
            data = data[exc.end:]


def punycode(domain):
    """A domain name in its IDNA (ASCII) form."""
    return domain.encode("idna").decode("ascii")
