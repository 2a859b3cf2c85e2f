"""A JSON encoder that also understands dates, times, decimals, UUIDs and lazy strings."""
from __future__ import absolute_import, unicode_literals

import datetime
import decimal
import json
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
