"""``timesince(d, now)`` / ``timeuntil(d, now)``: "2 days, 3 hours" between two moments (Django's API)."""
from __future__ import absolute_import, unicode_literals

import datetime

from pyframework.utils import timezone
from pyframework.utils.translation import gettext, ngettext_lazy

TIME_STRINGS = {
    "year": ngettext_lazy("%(num)d year", "%(num)d years", "num"),
    "month": ngettext_lazy("%(num)d month", "%(num)d months", "num"),
    "week": ngettext_lazy("%(num)d week", "%(num)d weeks", "num"),
    "day": ngettext_lazy("%(num)d day", "%(num)d days", "num"),
    "hour": ngettext_lazy("%(num)d hour", "%(num)d hours", "num"),
    "minute": ngettext_lazy("%(num)d minute", "%(num)d minutes", "num"),
}

# Fixed lengths, in seconds: a year is 365 days and a month 30, as in Django before 4.2.
TIME_CHUNKS = (
    ("year", 60 * 60 * 24 * 365),
    ("month", 60 * 60 * 24 * 30),
    ("week", 60 * 60 * 24 * 7),
    ("day", 60 * 60 * 24),
    ("hour", 60 * 60),
    ("minute", 60),
)


def _as_datetime(value):
    if not isinstance(value, datetime.datetime):
        return datetime.datetime(value.year, value.month, value.day)
    return value


def timesince(d, now=None, reversed=False, time_strings=None, depth=2):
    """The time from ``d`` to ``now`` in at most ``depth`` adjacent units ("1 week, 2 days").

    ``"0 minutes"`` when ``d`` is in the future or less than a minute ago.
    """
    if depth <= 0:
        raise ValueError("depth must be greater than 0.")
    time_strings = time_strings or TIME_STRINGS
    d = _as_datetime(d)
    if now is None:
        now = datetime.datetime.now(timezone.utc if timezone.is_aware(d) else None)
    now = _as_datetime(now)
    if reversed:
        d, now = now, d
    delta = now - d
    seconds = delta.days * 24 * 60 * 60 + delta.seconds
    if seconds <= 0:
        return time_strings["minute"] % {"num": 0}
    parts = []
    for index, (name, length) in enumerate(TIME_CHUNKS):
        count = seconds // length
        if count == 0:
            if parts:
                break  # units must be adjacent: "1 week, 3 hours" becomes "1 week"
            continue
        parts.append(time_strings[name] % {"num": count})
        seconds -= count * length
        if len(parts) == depth:
            break
    if not parts:
        return time_strings["minute"] % {"num": 0}
    return gettext(", ").join(parts)


def timeuntil(d, now=None, time_strings=None, depth=2):
    """The time from ``now`` until ``d``."""
    return timesince(d, now, reversed=True, time_strings=time_strings, depth=depth)
