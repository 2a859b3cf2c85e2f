"""Time zone helpers: the UTC tzinfo and aware/naive conversions (both Pythons).

Only UTC and fixed offsets are needed by the ORM: with ``USE_TZ`` datetimes
are stored and returned as aware UTC values.
"""
from __future__ import absolute_import, unicode_literals

import datetime

from pyframework.utils.compat import PY2

ZERO = datetime.timedelta(0)

if PY2:  # pragma: no cover - exercised on Jython
    class _UTC(datetime.tzinfo):
        """UTC for Python 2, which has no ``datetime.timezone``."""

        def utcoffset(self, dt):
            return ZERO

        def tzname(self, dt):
            return "UTC"

        def dst(self, dt):
            return ZERO

        def __repr__(self):
            return "<UTC>"

        def __reduce__(self):
            return _get_utc, ()

    utc = _UTC()
else:
    utc = datetime.timezone.utc


def _get_utc():
    return utc


def is_aware(value):
    return value.utcoffset() is not None


def is_naive(value):
    return value.utcoffset() is None


def now():
    """The current time: aware UTC when ``USE_TZ``, naive local time otherwise."""
    from pyframework.conf import settings

    if settings.USE_TZ:
        return datetime.datetime.now(utc)
    return datetime.datetime.now()


def make_aware(value, tz=None):
    """Attach ``tz`` (UTC by default) to a naive datetime."""
    if is_aware(value):
        raise ValueError("make_aware expects a naive datetime, got %s" % value)
    return value.replace(tzinfo=tz or utc)


def make_naive(value, tz=None):
    """Convert an aware datetime to ``tz`` (UTC by default) and drop the tzinfo."""
    if is_naive(value):
        raise ValueError("make_naive() cannot be applied to a naive datetime")
    value = value.astimezone(tz or utc)
    return value.replace(tzinfo=None)


def to_utc(value):
    """An aware datetime expressed in UTC."""
    return value.astimezone(utc)
