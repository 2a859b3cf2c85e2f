"""timedelta to text and numbers (Django's ``utils.duration``): what parse_duration() reads back."""
from __future__ import absolute_import, unicode_literals

import datetime


def _components(duration):
    minutes, seconds = divmod(duration.seconds, 60)
    hours, minutes = divmod(minutes, 60)
    return duration.days, hours, minutes, seconds, duration.microseconds


def duration_string(duration):
    """``"3 04:05:06.000007"``: days (if any), then HH:MM:SS and microseconds (if any)."""
    days, hours, minutes, seconds, microseconds = _components(duration)
    text = "%02d:%02d:%02d" % (hours, minutes, seconds)
    if days:
        text = "%d %s" % (days, text)
    if microseconds:
        text += ".%06d" % microseconds
    return text


def duration_iso_string(duration):
    """ISO 8601: ``"P3DT04H05M06.000007S"``, a leading ``-`` for negative durations."""
    sign = ""
    if duration < datetime.timedelta(0):
        sign, duration = "-", -duration
    days, hours, minutes, seconds, microseconds = _components(duration)
    fraction = ".%06d" % microseconds if microseconds else ""
    return "%sP%dDT%02dH%02dM%02d%sS" % (sign, days, hours, minutes, seconds, fraction)


def duration_microseconds(delta):
    """The whole duration in microseconds (an int)."""
    return (24 * 60 * 60 * delta.days + delta.seconds) * 1000000 + delta.microseconds
