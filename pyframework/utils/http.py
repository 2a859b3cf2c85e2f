"""HTTP helpers: dates, URL encoding, safe-redirect checks, ETags and header parameters."""
from __future__ import absolute_import, unicode_literals

import base64
import calendar
import datetime
import re
from email.utils import formatdate

from pyframework.utils.compat import PY2, quote, quote_plus, string_types, unquote, urlsplit
from pyframework.utils.encoding import force_bytes, force_text

_MONTHS = "jan feb mar apr may jun jul aug sep oct nov dec".split()
_D = r"(?P<day>\d{2})"
_D2 = r"(?P<day>[ \d]\d)"
_M = r"(?P<mon>\w{3})"
_Y = r"(?P<year>\d{4})"
_Y2 = r"(?P<year>\d{2})"
_T = r"(?P<hour>\d{2}):(?P<min>\d{2}):(?P<sec>\d{2})"
RFC1123_DATE = re.compile(r"^\w{3}, %s %s %s %s GMT\Z" % (_D, _M, _Y, _T))
RFC850_DATE = re.compile(r"^\w{6,9}, %s-%s-%s %s GMT\Z" % (_D, _M, _Y2, _T))
ASCTIME_DATE = re.compile(r"^\w{3} %s %s %s %s\Z" % (_M, _D2, _T, _Y))


def http_date(epoch_seconds=None):
    """Format a time (seconds since the epoch, default now) as an RFC 7231 date."""
    return formatdate(epoch_seconds, usegmt=True)


def parse_http_date(date):
    """Parse an HTTP date (RFC 1123, RFC 850 or asctime) into seconds since the epoch.

    Raises ValueError for anything else.
    """
    for regex in (RFC1123_DATE, RFC850_DATE, ASCTIME_DATE):
        match = regex.match(date)
        if match is not None:
            break
    else:
        raise ValueError("%r is not in a valid HTTP date format" % (date,))
    try:
        year = int(match.group("year"))
        if year < 100:
            # RFC 7231 7.1.1.1: a two-digit year more than 50 years ahead is in the past.
            this_year = datetime.datetime.utcnow().year
            century = this_year - this_year % 100
            year += century - 100 if year + century - this_year > 50 else century
        month = _MONTHS.index(match.group("mon").lower()) + 1
        parsed = datetime.datetime(year, month, int(match.group("day")), int(match.group("hour")),
                                   int(match.group("min")), int(match.group("sec")))
        return calendar.timegm(parsed.utctimetuple())
    except ValueError:
        raise ValueError("%r is not a valid date" % (date,))


def parse_http_date_safe(date):
    """Like parse_http_date, but return None for an invalid date."""
    try:
        return parse_http_date(date)
    except Exception:
        return None


def _is_sequence_value(value):
    return not isinstance(value, (string_types, bytes)) and hasattr(value, "__iter__")


def urlencode(query, doseq=False):
    """Encode a mapping (MultiValueDict included) or pairs as a UTF-8 query string; returns text.

    None is rejected rather than silently sent as the string "None".
    """
    if hasattr(query, "lists"):
        pairs = query.lists()
    elif hasattr(query, "items"):
        pairs = query.items()
    else:
        pairs = query
    encoded = []
    for key, value in pairs:
        if value is None:
            raise TypeError("Cannot encode None for key %r in a query string. Pass an empty string "
                            "or omit the key." % (key,))
        key_part = quote_plus(force_bytes(key))
        if doseq and _is_sequence_value(value):
            for item in value:
                if item is None:
                    raise TypeError("Cannot encode None for key %r in a query string." % (key,))
                encoded.append("%s=%s" % (key_part, quote_plus(force_bytes(item))))
        else:
            encoded.append("%s=%s" % (key_part, quote_plus(force_bytes(value))))
    return force_text("&".join(encoded))


def quote_etag(etag_str):
    """Quote an ETag unless it is already a quoted (possibly weak) ETag."""
    if ETAG_MATCH.match(etag_str):
        return etag_str
    return '"%s"' % etag_str


ETAG_MATCH = re.compile(r'\A((?:W/)?"[^"]*")\Z')
_ETAG_LIST_ITEM = re.compile(r'\s*((?:W/)?"[^"]*")\s*(?:,|\Z)')


def parse_etags(etag_str):
    """Parse an If-None-Match / If-Match value into a list of quoted ETags ('*' stays '*')."""
    if etag_str.strip() == "*":
        return ["*"]
    return [match.group(1) for match in _ETAG_LIST_ITEM.finditer(etag_str)]


def is_same_domain(host, pattern):
    """True if ``host`` matches ``pattern`` ('.example.com' also matches subdomains, '*' anything)."""
    if not pattern:
        return False
    pattern = pattern.lower()
    host = host.lower()
    if pattern == "*":
        return True
    if pattern[0] == ".":
        return host.endswith(pattern) or host == pattern[1:]
    return host == pattern


# Longer "next" URLs are refused outright (as Django 5.2 does): parsing them is slow on purpose-made input.
MAX_URL_LENGTH = 2048
# Longer redirect targets are refused: browsers and proxies cut them, and parsing them is slow.
MAX_URL_REDIRECT_LENGTH = 16384


def url_has_allowed_host_and_scheme(url, allowed_hosts, require_https=False):
    """True if redirecting to ``url`` is safe: a relative URL, or an allowed host and scheme.

    Guards "next" parameters against open redirects, including the tricks
    browsers tolerate (backslashes, control characters, "///evil.com").
    """
    if url is not None:
        url = url.strip()
    if not url or len(url) > MAX_URL_LENGTH:
        return False
    if allowed_hosts is None:
        allowed_hosts = set()
    elif isinstance(allowed_hosts, string_types):
        allowed_hosts = set([allowed_hosts])
    # Browsers treat backslashes as slashes: check both spellings.
    return (_url_is_safe(url, allowed_hosts, require_https)
            and _url_is_safe(url.replace("\\", "/"), allowed_hosts, require_https))


def _url_is_safe(url, allowed_hosts, require_https):
    if url.startswith("///"):
        return False
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    if not parts.netloc and parts.scheme:
        # "http:///example.com" and "javascript:..." have a scheme and no host.
        return False
    if url[:1] and ord(url[0]) < 32:
        # Browsers ignore leading control characters ("\x08//evil.com").
        return False
    scheme = parts.scheme
    if not parts.scheme and parts.netloc:
        scheme = "http"
    valid_schemes = ("https",) if require_https else ("http", "https")
    return ((not parts.netloc or parts.netloc in allowed_hosts)
            and (not scheme or scheme in valid_schemes))


def escape_leading_slashes(url):
    """Turn a path starting with '//' (a network-path reference) into a local one."""
    if url.startswith("//"):
        url = "/%2F" + url[2:]
    return url


# Header parameters: "; name=value" or "; name="quoted \" value"".
_HEADER_PARAM = re.compile(r';\s*([^\s;=]+)\s*(?:=\s*("(?:[^"\\]|\\.)*"|[^;]*))?')
_RFC2231_SECTION = re.compile(r"^(.+)\*(\d+)(\*?)$")


def _unquote_header_value(value):
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] == '"':
        value = value[1:-1].replace("\\\\", "\\").replace('\\"', '"')
    return value


def _decode_rfc2231(value):
    """Decode ``charset'language'percent-encoded`` (RFC 2231 / RFC 5987)."""
    parts = value.split("'", 2)
    if len(parts) != 3:
        return unquote(value) if not PY2 else unquote(force_bytes(value)).decode("utf-8", "replace")
    charset = parts[0] or "us-ascii"
    raw = unquote(force_bytes(parts[2])) if PY2 else unquote(parts[2], encoding="latin-1")
    if not PY2:
        raw = raw.encode("latin-1")
    try:
        return raw.decode(charset)
    except (LookupError, UnicodeDecodeError):
        return raw.decode("utf-8", "replace")


def parse_header_parameters(line):
    """Split a header such as Content-Type or Content-Disposition into (value, params).

    The value is lower-cased; parameter names are lower-cased too. RFC 2231
    forms (``filename*=UTF-8''%E2%82%AC.txt``, ``name*0=``/``name*1=``
    continuations) are decoded and win over the plain parameter.
    """
    line = force_text(line, "latin-1")
    main, sep, rest = line.partition(";")
    params = {}
    if not sep:
        return main.strip().lower(), params
    extended = {}
    sections = {}
    for match in _HEADER_PARAM.finditer(";" + rest):
        name = match.group(1).lower()
        raw_value = match.group(2) or ""
        section = _RFC2231_SECTION.match(name)
        if section is not None:
            sections.setdefault(section.group(1), []).append(
                (int(section.group(2)), bool(section.group(3)), _unquote_header_value(raw_value)))
        elif name.endswith("*"):
            extended[name[:-1]] = _decode_rfc2231(raw_value.strip())
        else:
            params[name] = _unquote_header_value(raw_value)
    for name, pieces in sections.items():
        pieces.sort()
        if pieces[0][1]:
            # Only the first section carries charset'language'; encoded sections follow it.
            joined = pieces[0][2] + "".join(value for _, _, value in pieces[1:])
            extended[name] = _decode_rfc2231(joined)
        else:
            extended[name] = "".join(value for _, _, value in pieces)
    params.update(extended)
    return main.strip().lower(), params


def content_disposition_header(as_attachment, filename):
    """A Content-Disposition value for ``filename`` (RFC 6266), or None if there is nothing to say."""
    if not (as_attachment or filename):
        return None
    disposition = "attachment" if as_attachment else "inline"
    if not filename:
        return disposition
    try:
        filename.encode("ascii")
    except UnicodeEncodeError:
        return "%s; filename*=utf-8''%s" % (disposition, force_text(quote(force_bytes(filename), safe=str(""))))
    escaped = filename.replace("\\", "\\\\").replace('"', r"\"")
    return '%s; filename="%s"' % (disposition, escaped)


def urlsafe_base64_encode(data):
    """URL-safe base64 of bytes, without padding; returns text."""
    return base64.urlsafe_b64encode(force_bytes(data)).rstrip(b"\n=").decode("ascii")


def urlsafe_base64_decode(text):
    """Decode urlsafe_base64_encode output (padding optional); raises ValueError if invalid."""
    data = force_bytes(text)
    try:
        return base64.urlsafe_b64decode(data + b"=" * (-len(data) % 4))
    except (LookupError, TypeError) as exc:
        raise ValueError(exc)


def int_to_base36(number):
    """Encode a non-negative integer as base 36 text."""
    if number < 0:
        raise ValueError("Negative base36 conversion input.")
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    if number < 36:
        return digits[number]
    out = []
    while number:
        number, remainder = divmod(number, 36)
        out.append(digits[remainder])
    return "".join(reversed(out))


def base36_to_int(text):
    """Decode base 36 text (at most 13 characters, so values stay bounded)."""
    if len(text) > 13:
        raise ValueError("Base36 input too large")
    return int(text, 36)


def epoch_seconds_from_datetime(value):
    """Seconds since the epoch for a datetime (naive values are taken as UTC)."""
    if value.tzinfo is not None:
        value = value.replace(tzinfo=None) - value.utcoffset()
    return calendar.timegm(value.timetuple()) + value.microsecond / 1e6

