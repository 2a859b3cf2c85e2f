"""Time zones, shaped like ``django.utils.timezone``: the one home of every tzinfo class.

With ``USE_TZ = True`` (the default) datetimes are aware, stored as UTC and converted to
the *current time zone* for display and form input. The current time zone is
``TIME_ZONE`` unless ``activate()`` picked another one for this thread (per request, for
instance from the user's profile: see the README); it is a ``threading.local`` because
Jython runs requests truly in parallel.

Named zones (``"Europe/Berlin"``) come from ``zoneinfo`` on CPython and from the JVM's
``java.time`` rules on Jython (Python 2.7 has no zone database). Python 2 datetimes have
no ``fold``, so a Jython zone converted from UTC (``astimezone``, ``localtime()``) returns
a datetime whose tzinfo carries that exact offset, as pytz did: the repeated hour when
clocks go back is shown correctly.
"""
from __future__ import absolute_import, unicode_literals

import calendar
import datetime
import threading

from pyframework.conf import settings
from pyframework.core.exceptions import ImproperlyConfigured
from pyframework.core.signals import setting_changed
from pyframework.utils.compat import JYTHON, PY2, native_str, string_types

ZERO = datetime.timedelta(0)

__all__ = [
    "utc", "get_fixed_timezone", "get_default_timezone", "get_default_timezone_name",
    "get_current_timezone", "get_current_timezone_name", "activate", "deactivate", "override",
    "localtime", "localdate", "now", "is_aware", "is_naive", "make_aware", "make_naive",
    "template_localtime", "to_utc", "zone",
]


class FixedOffset(datetime.tzinfo):
    """A constant offset from UTC (``get_fixed_timezone(120)`` is UTC+02:00)."""

    def __init__(self, offset_minutes, name=None):
        self._offset = datetime.timedelta(minutes=offset_minutes)
        if name is None:
            sign = "-" if offset_minutes < 0 else "+"
            hours, minutes = divmod(abs(offset_minutes), 60)
            name = "UTC" if not offset_minutes else "UTC%s%02d:%02d" % (sign, hours, minutes)
        self._name = name

    def utcoffset(self, dt):
        return self._offset

    def dst(self, dt):
        return ZERO

    def tzname(self, dt):
        return native_str(self._name)  # Python 2 insists on str

    def __repr__(self):
        return "<%s>" % self._name

    def __eq__(self, other):
        return isinstance(other, FixedOffset) and other._offset == self._offset

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        return hash(self._offset)

    def __reduce__(self):
        return FixedOffset, (int(self._offset.total_seconds() // 60), self._name)


if PY2:  # pragma: no cover - exercised on Jython
    utc = FixedOffset(0, "UTC")
else:
    utc = datetime.timezone.utc


def get_fixed_timezone(offset):
    """A tzinfo ``offset`` minutes (or a timedelta) east of UTC."""
    if isinstance(offset, datetime.timedelta):
        offset = int(offset.total_seconds() // 60)
    return FixedOffset(offset)


if JYTHON:  # pragma: no cover - exercised on Jython
    from java.time import DateTimeException, Instant, LocalDateTime, ZoneId, ZonedDateTime
    from java.time.format import DateTimeFormatter
    from java.util import Locale

    _abbreviation = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH)

    class _JavaZone(datetime.tzinfo):
        """A named zone answered by the JVM's time zone rules (``java.time.ZoneId``)."""

        def __init__(self, key):
            self.key = key
            self._zone = ZoneId.of(key)
            self._rules = self._zone.getRules()

        def _instant(self, dt):
            """The instant of wall-clock time ``dt`` in this zone (the earlier one when ambiguous)."""
            local = LocalDateTime.of(dt.year, dt.month, dt.day, dt.hour, dt.minute, dt.second)
            return ZonedDateTime.of(local, self._zone).toInstant()

        def utcoffset(self, dt):
            if dt is None:
                return None
            return datetime.timedelta(seconds=self._rules.getOffset(self._instant(dt)).getTotalSeconds())

        def dst(self, dt):
            if dt is None:
                return None
            return datetime.timedelta(seconds=self._rules.getDaylightSavings(self._instant(dt)).getSeconds())

        def tzname(self, dt):
            if dt is None:
                return native_str(self.key)
            return native_str(_abbreviation.format(ZonedDateTime.ofInstant(self._instant(dt), self._zone)))

        def fromutc(self, dt):
            seconds = calendar.timegm((dt.year, dt.month, dt.day, dt.hour, dt.minute, dt.second))
            instant = Instant.ofEpochSecond(seconds)
            offset = self._rules.getOffset(instant).getTotalSeconds()
            local = dt + datetime.timedelta(seconds=offset)
            return local.replace(tzinfo=_JavaZoneAt(self, instant, offset))

        def __repr__(self):
            return "<JavaZone %s>" % self.key

        def __str__(self):
            return self.key

        def __reduce__(self):
            return zone, (self.key,)

    class _JavaZoneAt(datetime.tzinfo):
        """``zone`` at one instant: what ``astimezone(zone)`` attaches (exact offset, same key)."""

        def __init__(self, zone, instant, offset_seconds):
            self.key = zone.key
            self._zone = zone
            self._offset = datetime.timedelta(seconds=offset_seconds)
            self._dst = datetime.timedelta(seconds=zone._rules.getDaylightSavings(instant).getSeconds())
            self._name = native_str(_abbreviation.format(ZonedDateTime.ofInstant(instant, zone._zone)))

        def utcoffset(self, dt):
            return self._offset

        def dst(self, dt):
            return self._dst

        def tzname(self, dt):
            return self._name

        def fromutc(self, dt):
            return self._zone.fromutc(dt.replace(tzinfo=self._zone))

        def __repr__(self):
            return "<JavaZone %s %s>" % (self.key, self._name)

        def __str__(self):
            return self.key

        def __reduce__(self):
            return zone, (self.key,)

    def _load_zone(name):
        try:
            return _JavaZone(name)
        except DateTimeException:
            raise ValueError("Unknown time zone %r" % name)
elif PY2:  # pragma: no cover - CPython 2 is not a supported runtime
    def _load_zone(name):
        raise ValueError("Named time zones need CPython 3.9+ (zoneinfo) or Jython (java.time): %r" % name)
else:
    import zoneinfo

    def _load_zone(name):
        try:
            return zoneinfo.ZoneInfo(name)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            raise ValueError("Unknown time zone %r" % name)


_zones = {}


def zone(name):
    """The tzinfo of the IANA zone ``name`` (cached); ValueError for an unknown name."""
    if name == "UTC":
        return utc
    found = _zones.get(name)
    if found is None:
        found = _zones.setdefault(name, _load_zone(name))
    return found


def _tz_name(tz):
    return getattr(tz, "key", None) or getattr(tz, "zone", None) or tz.tzname(None) or str(tz)


# --- the default and the current time zone ------------------------------------------------

_active = threading.local()


def get_default_timezone():
    """The tzinfo of ``TIME_ZONE``."""
    name = settings.TIME_ZONE or "UTC"
    try:
        return zone(name)
    except ValueError:
        raise ImproperlyConfigured("TIME_ZONE %r is not a known time zone name (e.g. 'Europe/Berlin')." % name)


def get_default_timezone_name():
    return _tz_name(get_default_timezone())


def get_current_timezone():
    """The time zone activated for this thread, else ``TIME_ZONE``'s."""
    return getattr(_active, "value", None) or get_default_timezone()


def get_current_timezone_name():
    return _tz_name(get_current_timezone())


def activate(timezone):
    """Make ``timezone`` (a tzinfo or a zone name) current for this thread."""
    if isinstance(timezone, datetime.tzinfo):
        _active.value = timezone
    elif isinstance(timezone, string_types):
        _active.value = zone(timezone)
    else:
        raise ValueError("Invalid timezone: %r" % (timezone,))


def deactivate():
    """Back to ``TIME_ZONE`` for this thread."""
    _active.__dict__.pop("value", None)


class override(object):
    """Context manager (and decorator) making ``timezone`` current for a block; None means ``TIME_ZONE``."""

    def __init__(self, timezone):
        self.timezone = timezone

    def __enter__(self):
        self.old_timezone = getattr(_active, "value", None)
        if self.timezone is None:
            deactivate()
        else:
            activate(self.timezone)

    def __exit__(self, exc_type, exc_value, traceback):
        if self.old_timezone is None:
            deactivate()
        else:
            _active.value = self.old_timezone

    def __call__(self, func):
        def inner(*args, **kwargs):
            with self.__class__(self.timezone):
                return func(*args, **kwargs)
        inner.__name__ = func.__name__
        inner.__doc__ = func.__doc__
        return inner


def _reset_zones(**kwargs):
    if kwargs.get("setting") == "TIME_ZONE":
        _zones.clear()


setting_changed.connect(_reset_zones, dispatch_uid="pyframework.utils.timezone")


# --- conversions --------------------------------------------------------------------------

def is_aware(value):
    return value.utcoffset() is not None


def is_naive(value):
    return value.utcoffset() is None


def now():
    """The current time: aware UTC when ``USE_TZ``, naive local time otherwise."""
    if settings.USE_TZ:
        return datetime.datetime.now(utc)
    return datetime.datetime.now()


def localtime(value=None, timezone=None):
    """Aware ``value`` (default: now) in ``timezone`` (default: the current one)."""
    if value is None:
        value = now()
    if timezone is None:
        timezone = get_current_timezone()
    if is_naive(value):
        raise ValueError("localtime() cannot be applied to a naive datetime")
    return value.astimezone(timezone)


def localdate(value=None, timezone=None):
    """The date of ``localtime(value, timezone)``."""
    return localtime(value, timezone).date()


def template_localtime(value, use_tz=None):
    """An aware datetime in the current time zone for display (when ``USE_TZ``); anything else unchanged."""
    if not isinstance(value, datetime.datetime):
        return value
    if not (settings.USE_TZ if use_tz is None else use_tz):
        return value
    if is_naive(value) or getattr(value, "convert_to_local_time", True) is False:
        return value
    return localtime(value)


def make_aware(value, timezone=None):
    """Naive ``value`` read as wall-clock time in ``timezone`` (default: the current one)."""
    if is_aware(value):
        raise ValueError("make_aware expects a naive datetime, got %s" % value)
    if timezone is None:
        timezone = get_current_timezone()
    return value.replace(tzinfo=timezone)


def make_naive(value, timezone=None):
    """Aware ``value`` as naive wall-clock time in ``timezone`` (default: the current one)."""
    if is_naive(value):
        raise ValueError("make_naive() cannot be applied to a naive datetime")
    if timezone is None:
        timezone = get_current_timezone()
    return value.astimezone(timezone).replace(tzinfo=None)


def to_utc(value):
    """An aware datetime expressed in UTC."""
    return value.astimezone(utc)


def _get_utc():
    return utc
