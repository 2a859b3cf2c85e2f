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


# "3 days, 10:11:12.5", "-1 10:11:12", "15:30", "30" (seconds): the form str(timedelta) and
# DurationField's value_to_string() write.
_standard_duration_re = re.compile(
    r"^(?:(?P<days>-?\d+) (?:days?, )?)?(?P<sign>-?)(?:(?P<hours>\d+):(?=\d+:\d+))?"
    r"(?:(?P<minutes>\d+):)?(?P<seconds>\d+)(?:[.,](?P<microseconds>\d{1,6})\d{0,6})?$")
# ISO 8601: "P4DT1H15M20S", "-PT0.5S" (the sign applies to the whole duration, days included).
_iso8601_duration_re = re.compile(
    r"^(?P<sign>[-+]?)P(?:(?P<days>\d+(?:[.,]\d+)?)D)?(?:T(?:(?P<hours>\d+(?:[.,]\d+)?)H)?"
    r"(?:(?P<minutes>\d+(?:[.,]\d+)?)M)?(?:(?P<seconds>\d+(?:[.,]\d+)?)S)?)?$")
# PostgreSQL's interval output: "3 days 04:05:06", "-1 day -04:05:06.5".
_postgres_interval_re = re.compile(
    r"^(?:(?P<days>-?\d+) (?:days? ?))?(?:(?P<sign>[-+])?(?P<hours>\d+):(?P<minutes>\d\d):"
    r"(?P<seconds>\d\d)(?:\.(?P<microseconds>\d{1,6}))?)?$")


def parse_duration(value):
    """A timedelta from ``"DD HH:MM:SS.uuuuuu"`` (``,`` also separates the fraction), ISO 8601
    (``"P4DT1H15M20S"``) or PostgreSQL's day-time interval (``"3 days 04:05:06"``); None when
    ``value`` is in none of these forms."""
    for pattern in (_standard_duration_re, _iso8601_duration_re, _postgres_interval_re):
        match = pattern.match(value)
        if match:
            break
    else:
        return None
    parts = match.groupdict()
    negative = parts.pop("sign", None) == "-"
    if parts.get("microseconds"):
        parts["microseconds"] = parts["microseconds"].ljust(6, "0")
    amounts = dict((name, float(text.replace(",", "."))) for name, text in parts.items() if text is not None)
    days = datetime.timedelta(amounts.pop("days", 0.0))
    rest = datetime.timedelta(**amounts)
    if pattern is _iso8601_duration_re:
        return -(days + rest) if negative else days + rest
    # Elsewhere the sign is the time part's; the days carry their own.
    return days - rest if negative else days + rest
