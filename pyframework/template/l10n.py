"""Jinja2 filters and globals for localized output and time zones (installed by the backend).

Filters, named as Django's template filters and tags:

- ``value|date(format=None)``: ``DATE_FORMAT`` of the active language, a format name
  (``"SHORT_DATE_FORMAT"``) or format characters (``"j. F Y"``); aware datetimes are shown
  in the current time zone first.
- ``value|time(format=None)``: the same with ``TIME_FORMAT``.
- ``value|localize`` / ``value|unlocalize``: numbers, dates and times as the active language
  writes them, or as Python does.
- ``value|number(decimal_pos=None, grouping=False)`` and ``value|floatformat(arg=-1)``
  (Django's: ``2`` decimals, ``-2`` only when needed, ``"2g"`` grouped, ``"2u"`` unlocalized).
- ``value|localtime`` / ``value|utc`` / ``value|timezone("Europe/Berlin")``.

Globals: ``get_current_language()``, ``get_current_language_bidi()``,
``get_available_languages()``, ``get_language_info(code)``, ``get_language_info_list()``,
``get_current_timezone()``.
"""
from __future__ import absolute_import, unicode_literals

import datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from pyframework.conf import settings
from pyframework.utils import formats, timezone, translation
from pyframework.utils.compat import string_types, text_type


def _blank(value):
    return value is None or value == ""


def date(value, format=None):
    if _blank(value):
        return ""
    value = timezone.template_localtime(value)
    try:
        return formats.date_format(value, format)
    except (AttributeError, TypeError):
        return ""


def time(value, format=None):
    if _blank(value):
        return ""
    value = timezone.template_localtime(value)
    try:
        return formats.time_format(value, format)
    except (AttributeError, TypeError):
        return ""


def localize(value):
    return formats.localize(timezone.template_localtime(value))


def unlocalize(value):
    return formats.localize(value, use_l10n=False) if not isinstance(value, string_types) else value


def number(value, decimal_pos=None, grouping=False):
    if _blank(value):
        return ""
    return formats.number_format(value, decimal_pos, force_grouping=grouping)


def floatformat(value, arg=-1):
    """Django's ``floatformat``: round to ``arg`` decimals (only when needed if negative)."""
    force_grouping = use_l10n = None
    arg = text_type(arg)
    if arg.endswith("u"):
        use_l10n, arg = False, arg[:-1]
    if arg.endswith("g"):
        force_grouping, arg = True, arg[:-1]
    if arg.endswith("u"):
        use_l10n, arg = False, arg[:-1]
    try:
        number_value = Decimal(repr(value)) if isinstance(value, float) else Decimal(text_type(value))
        places = int(arg)
    except (InvalidOperation, ValueError, TypeError):
        return ""
    if not number_value.is_finite():
        return text_type(value)
    rounded = number_value.quantize(Decimal(1).scaleb(-abs(places)), rounding=ROUND_HALF_UP)
    if places < 0 and rounded == rounded.to_integral_value():
        rounded, places = rounded.quantize(Decimal(1), rounding=ROUND_HALF_UP), 0
    return formats.number_format(rounded, abs(places), use_l10n=use_l10n, force_grouping=bool(force_grouping))


class _PinnedDatetime(datetime.datetime):
    """A datetime the ``date``/``time`` filters show in its own zone (the result of ``utc``/``timezone``)."""

    convert_to_local_time = False


def _pinned(value):
    return _PinnedDatetime(value.year, value.month, value.day, value.hour, value.minute, value.second,
                           value.microsecond, value.tzinfo)


def localtime(value):
    if not isinstance(value, datetime.datetime) or timezone.is_naive(value):
        return value
    return timezone.localtime(value)


def utc(value):
    if not isinstance(value, datetime.datetime) or timezone.is_naive(value):
        return value
    return _pinned(timezone.to_utc(value))


def to_timezone(value, tz):
    if not isinstance(value, datetime.datetime) or timezone.is_naive(value):
        return value
    return _pinned(timezone.localtime(value, timezone.zone(tz) if isinstance(tz, string_types) else tz))


FILTERS = {
    "date": date, "time": time, "localize": localize, "unlocalize": unlocalize, "number": number,
    "floatformat": floatformat, "localtime": localtime, "utc": utc, "timezone": to_timezone,
}


def get_available_languages():
    return [(code, translation.gettext(name)) for code, name in settings.LANGUAGES]


def get_language_info_list(codes=None):
    if codes is None:
        codes = [code for code, _ in settings.LANGUAGES]
    return [translation.get_language_info(code[0] if isinstance(code, (list, tuple)) else code) for code in codes]


GLOBALS = {
    "get_current_language": translation.get_language,
    "get_current_language_bidi": translation.get_language_bidi,
    "get_available_languages": get_available_languages,
    "get_language_info": translation.get_language_info,
    "get_language_info_list": get_language_info_list,
    "get_current_timezone": timezone.get_current_timezone_name,
}


def install(env):
    """Add the filters and globals to a Jinja2 Environment, keeping any the project defined."""
    for name, function in FILTERS.items():
        env.filters.setdefault(name, function)
    for name, function in GLOBALS.items():
        env.globals.setdefault(name, function)
