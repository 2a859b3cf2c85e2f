"""Localized formats of dates and numbers, shaped like ``django.utils.formats``.

A format is looked up, for the active language (``de-at`` -> ``de_AT``, then ``de``), in
the ``formats`` modules of ``FORMAT_MODULE_PATH`` packages (``mysite.formats`` ->
``mysite/formats/de/formats.py``), then of the framework (``pyframework/conf/locale/de/formats.py``),
then in the settings (``DATE_FORMAT``, ``DECIMAL_SEPARATOR``...). Thousand separators are
written when ``USE_THOUSAND_SEPARATOR`` is on. Lookups are cached per language; the cache
only grows with the languages a site serves and is cleared when a format setting changes.
"""
from __future__ import absolute_import, unicode_literals

import datetime
import decimal
import importlib
import unicodedata

from pyframework.conf import settings
from pyframework.core.signals import setting_changed
from pyframework.utils import dateformat, numberformat
from pyframework.utils.compat import integer_types, string_types, text_type
from pyframework.utils.translation import check_for_language, get_language, to_locale

FORMAT_SETTINGS = frozenset([
    "DECIMAL_SEPARATOR", "THOUSAND_SEPARATOR", "NUMBER_GROUPING", "FIRST_DAY_OF_WEEK",
    "MONTH_DAY_FORMAT", "TIME_FORMAT", "DATE_FORMAT", "DATETIME_FORMAT", "SHORT_DATE_FORMAT",
    "SHORT_DATETIME_FORMAT", "YEAR_MONTH_FORMAT", "DATE_INPUT_FORMATS", "TIME_INPUT_FORMATS",
    "DATETIME_INPUT_FORMATS",
])

# The ISO formats every localized input accepts too (what browsers' date inputs send).
ISO_INPUT_FORMATS = {
    "DATE_INPUT_FORMATS": ["%Y-%m-%d"],
    "TIME_INPUT_FORMATS": ["%H:%M:%S", "%H:%M:%S.%f", "%H:%M"],
    "DATETIME_INPUT_FORMATS": ["%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M:%S.%f", "%Y-%m-%d %H:%M",
                               "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M:%S.%f", "%Y-%m-%dT%H:%M", "%Y-%m-%d"],
}

_format_cache = {}
_format_modules_cache = {}


def reset_format_cache(**kwargs):
    """Forget cached formats (called when FORMAT_MODULE_PATH, LANGUAGES or a format setting changes)."""
    setting = kwargs.get("setting")
    if setting is None or setting in FORMAT_SETTINGS or setting in ("FORMAT_MODULE_PATH", "LANGUAGES",
                                                                   "LANGUAGE_CODE", "USE_THOUSAND_SEPARATOR",
                                                                   "LOCALE_PATHS", "INSTALLED_APPS"):
        _format_cache.clear()
        _format_modules_cache.clear()


setting_changed.connect(reset_format_cache, dispatch_uid="pyframework.utils.formats")


def iter_format_modules(lang, format_module_path=None):
    """The ``formats`` modules for ``lang``, most specific first."""
    if not check_for_language(lang):
        return
    if format_module_path is None:
        format_module_path = settings.FORMAT_MODULE_PATH
    packages = []
    if format_module_path:
        if isinstance(format_module_path, string_types):
            format_module_path = [format_module_path]
        packages.extend(format_module_path)
    packages.append("pyframework.conf.locale")
    locale = to_locale(lang)
    locales = [locale]
    if "_" in locale:
        locales.append(locale.split("_")[0])
    for location in locales:
        for package in packages:
            try:
                yield importlib.import_module("%s.%s.formats" % (package, location))
            except ImportError:
                pass


def get_format_modules(lang=None):
    """The cached list of format modules of ``lang`` (default: the active language)."""
    if lang is None:
        lang = get_language() or settings.LANGUAGE_CODE
    modules = _format_modules_cache.get(lang)
    if modules is None:
        modules = _format_modules_cache[lang] = list(iter_format_modules(lang))
    return modules


def get_format(format_type, lang=None, use_l10n=None):
    """The format ``format_type`` (e.g. ``"DATE_FORMAT"``) for ``lang`` (default: the active one).

    An unknown ``format_type`` is returned unchanged, so ``date_format(d, "d/m/Y")`` works.
    ``use_l10n=False`` answers with the settings' value.
    """
    if use_l10n is False:
        return getattr(settings, format_type, format_type)
    if lang is None:
        lang = get_language() or settings.LANGUAGE_CODE
    key = (format_type, lang)
    try:
        return _format_cache[key]
    except KeyError:
        pass
    if format_type not in FORMAT_SETTINGS:
        return format_type
    value = None
    for module in get_format_modules(lang):
        value = getattr(module, format_type, None)
        if value is not None:
            break
    if value is None:
        value = getattr(settings, format_type)
    if format_type in ISO_INPUT_FORMATS:
        value = list(value)
        for iso_input in ISO_INPUT_FORMATS[format_type]:
            if iso_input not in value:
                value.append(iso_input)
    _format_cache[key] = value
    return value


def date_format(value, format=None, use_l10n=None):
    """``value`` (date or datetime) in ``format`` (a format name such as ``"SHORT_DATE_FORMAT"``
    or format characters; default ``DATE_FORMAT``) of the active language."""
    return dateformat.format(value, get_format(format or "DATE_FORMAT", use_l10n=use_l10n))


def time_format(value, format=None, use_l10n=None):
    """``value`` (time or datetime) in ``format`` (default ``TIME_FORMAT``)."""
    return dateformat.time_format(value, get_format(format or "TIME_FORMAT", use_l10n=use_l10n))


def number_format(value, decimal_pos=None, use_l10n=None, force_grouping=False):
    """``value`` with the active language's decimal separator (and grouping, when enabled)."""
    return numberformat.format(
        value,
        get_format("DECIMAL_SEPARATOR", use_l10n=use_l10n),
        decimal_pos,
        get_format("NUMBER_GROUPING", use_l10n=use_l10n),
        get_format("THOUSAND_SEPARATOR", use_l10n=use_l10n),
        force_grouping=force_grouping,
        use_grouping=settings.USE_THOUSAND_SEPARATOR,
    )


def localize(value, use_l10n=None):
    """``value`` as text for display in the active language (numbers, dates, times, booleans);
    other values are returned unchanged."""
    if isinstance(value, string_types):
        return value
    if isinstance(value, bool):
        return text_type(value)
    if isinstance(value, (decimal.Decimal, float) + integer_types):
        return number_format(value, use_l10n=use_l10n)
    if isinstance(value, datetime.datetime):
        return date_format(value, "DATETIME_FORMAT", use_l10n=use_l10n)
    if isinstance(value, datetime.date):
        return date_format(value, use_l10n=use_l10n)
    if isinstance(value, datetime.time):
        return time_format(value, use_l10n=use_l10n)
    return value


def localize_input(value, default=None):
    """``value`` as text for a form input in the active language (the first input format)."""
    if isinstance(value, string_types):
        return value
    if isinstance(value, bool):
        return text_type(value)
    if isinstance(value, (decimal.Decimal, float) + integer_types):
        return number_format(value)
    if isinstance(value, datetime.datetime):
        return value.strftime(str(default or get_format("DATETIME_INPUT_FORMATS")[0]))
    if isinstance(value, datetime.date):
        return value.strftime(str(default or get_format("DATE_INPUT_FORMATS")[0]))
    if isinstance(value, datetime.time):
        return value.strftime(str(default or get_format("TIME_INPUT_FORMATS")[0]))
    return value


def sanitize_separators(value):
    """Localized number text -> text ``Decimal``/``float`` parse: ``"1.234,5"`` -> ``"1234.5"`` (German)."""
    if not isinstance(value, string_types):
        return value
    parts = []
    decimal_separator = get_format("DECIMAL_SEPARATOR")
    if decimal_separator in value:
        value, decimals = value.split(decimal_separator, 1)
        parts.append(decimals)
    if settings.USE_THOUSAND_SEPARATOR:
        thousand_sep = get_format("THOUSAND_SEPARATOR")
        if thousand_sep == "." and value.count(".") == 1 and len(value.split(".")[-1]) != 3:
            pass  # "1.5" with "." as thousands: the user meant a decimal point
        else:
            for replacement in set([thousand_sep, unicodedata.normalize("NFKD", thousand_sep)]):
                value = value.replace(replacement, "")
    parts.append(value)
    return ".".join(reversed(parts))
