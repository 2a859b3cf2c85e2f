"""A JSON encoder that also understands dates, times, decimals, UUIDs and lazy strings; bounded parsing."""
from __future__ import absolute_import, unicode_literals

import datetime
import decimal
import json
import re
import uuid

from pyframework.utils.functional import Promise


def duration_iso_string(duration):
    """ISO 8601 duration for a timedelta, e.g. 'P1DT02H03M04.000005S'."""
    sign = "-" if duration < datetime.timedelta(0) else ""
    duration = abs(duration)
    minutes, seconds = divmod(duration.seconds, 60)
    hours, minutes = divmod(minutes, 60)
    fraction = ".%06d" % duration.microseconds if duration.microseconds else ""
    return "%sP%dDT%02dH%02dM%02d%sS" % (sign, duration.days, hours, minutes, seconds, fraction)

# How deeply arrays and objects may nest in JSON from a client (request.json()). The standard
# library's decoder recurses once per level: 1,000 levels is a RecursionError on CPython and a few
# thousand a StackOverflowError on Jython, from a 2 KB body. Real documents stay far below this.
MAX_JSON_DEPTH = 100

# A JSON string (skipped whole: brackets inside it do not count) or one bracket.
_STRING_OR_BRACKET = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


def json_depth_exceeds(text, limit=MAX_JSON_DEPTH):
    """True if arrays/objects in the JSON ``text`` nest deeper than ``limit``.

    Checked before decoding, in one pass over the brackets, so a hostile body never reaches the
    recursive decoder. Brackets inside strings are skipped; the text need not be valid JSON.
    """
    if text.count("[") + text.count("{") <= limit:
        return False  # not enough brackets to nest that deep
    depth = 0
    for match in _STRING_OR_BRACKET.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > limit:
                return True
        elif token in "]}":
            depth -= 1
    return False


def loads_bounded(text, limit=MAX_JSON_DEPTH):
    """``json.loads(text)`` with nesting bounded by ``limit``: ValueError for deeper documents.

    The depth is checked first; a RecursionError (or Jython's StackOverflowError, which Jython
    raises as RuntimeError) from the decoder is turned into the same ValueError as a last resort.
    """
    if json_depth_exceeds(text, limit):
        raise ValueError("arrays and objects nest deeper than %d levels" % limit)
    try:
        return json.loads(text)
    except RuntimeError:
        raise ValueError("arrays and objects nest too deeply to parse")


class JSONEncoder(json.JSONEncoder):
    """JSON encoder for the values web apps pass around (used by JsonResponse)."""

    def default(self, o):
        if isinstance(o, datetime.datetime):
            text = o.isoformat()
            if o.microsecond:
                # Milliseconds, as ECMA-262 dates have.
                text = text[:23] + text[26:]
            if text.endswith("+00:00"):
                text = text[:-6] + "Z"
            return text
        if isinstance(o, datetime.date):
            return o.isoformat()
        if isinstance(o, datetime.time):
            if o.utcoffset() is not None:
                raise ValueError("JSON can't represent timezone-aware times.")
            text = o.isoformat()
            return text[:12] if o.microsecond else text
        if isinstance(o, datetime.timedelta):
            return duration_iso_string(o)
        if isinstance(o, (decimal.Decimal, uuid.UUID, Promise)):
            return "%s" % (o,)
        return super(JSONEncoder, self).default(o)
