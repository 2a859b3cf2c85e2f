"""PHP-style date formatting, as Django's ``date`` filter does it: ``format(value, "j. F Y")``.

Format characters (a backslash escapes one):

===  ==========================================  ===  ========================================
a    ``a.m.`` / ``p.m.``                          n    month, no leading zero
A    ``AM`` / ``PM``                              N    month, AP style (``Jan.``, ``March``)
b    month, 3 lowercase letters (``jan``)        O    UTC offset, ``+0200``
c    ISO 8601 (``2008-01-02T10:30:00.000123``)   P    time, ``1 a.m.``, ``1:30 p.m.``, ``noon``
d    day, 2 digits                               r    RFC 5322 (``Thu, 21 Dec 2000 16:01:07 +0200``)
D    weekday, 3 letters (``Fri``)                s    seconds, 2 digits
e    time zone name                              S    English ordinal suffix (``st``, ``nd``)
E    month, standalone form                      t    days in the month
f    time, ``1``, ``1:30``                       T    time zone abbreviation
F    month name (``January``)                    u    microseconds
g    hour, 12-hour, no leading zero              U    seconds since the epoch
G    hour, 24-hour, no leading zero              w    weekday, 0 (Sunday) to 6
h    hour, 12-hour, 2 digits                     W    ISO week number
H    hour, 24-hour, 2 digits                     y    year, 2 digits
i    minutes, 2 digits                           Y    year, 4 digits
I    ``1`` in daylight saving time, else ``0``   z    day of the year (1-366)
j    day, no leading zero                        Z    UTC offset in seconds
l    weekday name (``Friday``)                   L    ``True`` in a leap year
m    month, 2 digits                             o    ISO week-numbering year
M    month, 3 letters (``Jan``)
===  ==========================================  ===  ========================================

Names are translated into the active language. Time characters applied to a ``date``
raise TypeError, as in Django.
"""
from __future__ import absolute_import, unicode_literals

import calendar
import datetime
import re
import time

from pyframework.utils.compat import text_type
from pyframework.utils.dates import MONTHS, MONTHS_3, MONTHS_ALT, MONTHS_AP, WEEKDAYS, WEEKDAYS_ABBR
from pyframework.utils.timezone import is_aware
from pyframework.utils.translation import gettext as _

_format_chars = re.compile(r"(?<!\\)([aAbcdDeEfFgGhHiIjlLmMnNoOPrsStTUuwWyYzZ])")
_escaped = re.compile(r"\\(.)")

TIME_CHARS = set("aAefgGhHiIOPsTuZ")


class TimeFormat(object):
    """Formats the time part of a ``datetime`` or a ``time``."""

    def __init__(self, value):
        self.data = value
        self.timezone = value.tzinfo if isinstance(value, (datetime.datetime, datetime.time)) else None

    def format(self, formatstr):
        pieces = []
        for i, piece in enumerate(_format_chars.split(text_type(formatstr))):
            if i % 2:
                if not isinstance(self.data, (datetime.datetime, datetime.time)) and piece in TIME_CHARS:
                    raise TypeError("The format for date objects may not contain time-related format "
                                    "specifiers (found '%s')." % piece)
                pieces.append(text_type(getattr(self, piece)()))
            elif piece:
                pieces.append(_escaped.sub(r"\1", piece))
        return "".join(pieces)

    def a(self):
        return _("p.m.") if self.data.hour > 11 else _("a.m.")

    def A(self):
        return _("PM") if self.data.hour > 11 else _("AM")

    def e(self):
        if self.timezone is None:
            return ""
        name = getattr(self.timezone, "key", None) or getattr(self.timezone, "zone", None)
        return name or self.timezone.tzname(self._as_datetime()) or ""

    def f(self):
        hour, minute = self.g(), self.data.minute
        return "%s:%02d" % (hour, minute) if minute else "%s" % hour

    def g(self):
        return self.data.hour % 12 or 12

    def G(self):
        return self.data.hour

    def h(self):
        return "%02d" % self.g()

    def H(self):
        return "%02d" % self.G()

    def i(self):
        return "%02d" % self.data.minute

    def I(self):  # noqa: E743 - the format character
        if self.timezone is None:
            return ""
        dst = self.timezone.dst(self._as_datetime())
        return "1" if dst else "0"

    def O(self):  # noqa: E743
        offset = self._offset()
        if offset is None:
            return ""
        seconds = int(offset.total_seconds())
        sign = "-" if seconds < 0 else "+"
        seconds = abs(seconds)
        return "%s%02d%02d" % (sign, seconds // 3600, (seconds // 60) % 60)

    def P(self):
        if self.data.minute == 0 and self.data.hour == 0:
            return _("midnight")
        if self.data.minute == 0 and self.data.hour == 12:
            return _("noon")
        return "%s %s" % (self.f(), self.a())

    def s(self):
        return "%02d" % self.data.second

    def T(self):
        if self.timezone is None:
            return ""
        return self.timezone.tzname(self._as_datetime()) or ""

    def u(self):
        return "%06d" % self.data.microsecond

    def Z(self):
        offset = self._offset()
        if offset is None:
            return ""
        return int(offset.total_seconds())

    def _as_datetime(self):
        if isinstance(self.data, datetime.datetime):
            return self.data
        return None

    def _offset(self):
        if self.timezone is None:
            return None
        return self.timezone.utcoffset(self._as_datetime())


class DateFormat(TimeFormat):
    """Formats a ``date`` or a ``datetime``."""

    def b(self):
        return MONTHS_3[self.data.month]

    def c(self):
        return self.data.isoformat()

    def d(self):
        return "%02d" % self.data.day

    def D(self):
        return WEEKDAYS_ABBR[self.data.weekday()]

    def E(self):
        return MONTHS_ALT[self.data.month]

    def F(self):
        return MONTHS[self.data.month]

    def j(self):
        return self.data.day

    def l(self):  # noqa: E743
        return WEEKDAYS[self.data.weekday()]

    def L(self):
        return calendar.isleap(self.data.year)

    def m(self):
        return "%02d" % self.data.month

    def M(self):
        return text_type(MONTHS_3[self.data.month]).title()

    def n(self):
        return self.data.month

    def N(self):
        return MONTHS_AP[self.data.month]

    def o(self):
        return self.data.isocalendar()[0]

    def r(self):
        value = self.data
        if not isinstance(value, datetime.datetime) or not is_aware(value):
            raise TypeError("The 'r' format needs an aware datetime (RFC 5322 gives the UTC offset).")
        # RFC 5322 names are English whatever the active language.
        return "%s, %02d %s %04d %02d:%02d:%02d %s" % (
            ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")[value.weekday()], value.day,
            ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")[value.month - 1],
            value.year, value.hour, value.minute, value.second, self.O())

    def S(self):
        day = self.data.day
        if day in (11, 12, 13):
            return "th"
        return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")

    def t(self):
        return calendar.monthrange(self.data.year, self.data.month)[1]

    def U(self):
        value = self.data
        if isinstance(value, datetime.datetime) and is_aware(value):
            return int(calendar.timegm(value.utctimetuple()))
        return int(time.mktime(value.timetuple()))  # naive: the server's local time, as in Django

    def w(self):
        return (self.data.weekday() + 1) % 7

    def W(self):
        return self.data.isocalendar()[1]

    def y(self):
        return "%02d" % (self.data.year % 100)

    def Y(self):
        return "%04d" % self.data.year

    def z(self):
        return self.data.timetuple().tm_yday


def format(value, format_string):
    """``value`` (date or datetime) formatted with ``format_string``."""
    return DateFormat(value).format(format_string)


def time_format(value, format_string):
    """``value`` (time or datetime) formatted with time characters only."""
    return TimeFormat(value).format(format_string)
