"""Parse ISO 8601 dates, times and datetimes (text from databases, forms and JSON)."""
from __future__ import absolute_import, unicode_literals

import datetime
import re

from pyframework.utils import timezone

_date_re = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_time_re = re.compile(r"^(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:[.,](\d{1,6})\d*)?)?$")
_datetime_re = re.compile(
    r"^(\d{4})-(\d{1,2})-(\d{1,2})[T ](\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:[.,](\d{1,6})\d*)?)?"
    r"\s*(Z|[+-]\d{2}(?::?\d{2})?)?$")


class FixedOffset(datetime.tzinfo):
    """A UTC offset parsed from text such as ``+02:00``."""

    def __init__(self, minutes):
        self._offset = datetime.timedelta(minutes=minutes)

    def utcoffset(self, dt):
        return self._offset

    def dst(self, dt):
        return datetime.timedelta(0)

    def tzname(self, dt):
        return None


def _micro(text):
    return int((text or "0").ljust(6, "0"))


def parse_date(value):
    match = _date_re.match(value.strip())
    if match:
        return datetime.date(*[int(part) for part in match.groups()])
    return None


def parse_time(value):
    match = _time_re.match(value.strip())
    if match:
        hour, minute, second, micro = match.groups()
        return datetime.time(int(hour), int(minute), int(second or 0), _micro(micro))
    return None


def parse_datetime(value):
    match = _datetime_re.match(value.strip())
    if not match:
        return None
    year, month, day, hour, minute, second, micro, offset = match.groups()
    tzinfo = None
    if offset == "Z":
        tzinfo = timezone.utc
    elif offset:
        sign = -1 if offset[0] == "-" else 1
        digits = offset[1:].replace(":", "")
        minutes = int(digits[:2]) * 60 + int(digits[2:] or 0)
        tzinfo = FixedOffset(sign * minutes)
    return datetime.datetime(int(year), int(month), int(day), int(hour), int(minute),
                             int(second or 0), _micro(micro), tzinfo)
