"""The translation backend of ``USE_I18N = False``: messages come back as written.

The active language is still tracked per thread so ``get_language()`` answers as
Django's does; language negotiation always ends at ``LANGUAGE_CODE``.
"""
from __future__ import absolute_import, unicode_literals

import threading

from pyframework.conf import settings

_active = threading.local()


def gettext(message):
    return message


def ngettext(singular, plural, number):
    return singular if number == 1 else plural


def pgettext(context, message):
    return message


def npgettext(context, singular, plural, number):
    return ngettext(singular, plural, number)


def activate(language):
    _active.value = language


def deactivate():
    _active.__dict__.pop("value", None)


def deactivate_all():
    _active.value = None


def get_language():
    try:
        return _active.value
    except AttributeError:
        return settings.LANGUAGE_CODE


def get_language_bidi():
    return settings.LANGUAGE_CODE.split("-")[0] in settings.LANGUAGES_BIDI


def check_for_language(lang_code):
    return True


def get_supported_language_variant(lang_code, strict=False):
    if lang_code and lang_code.lower() == settings.LANGUAGE_CODE.lower():
        return lang_code
    raise LookupError(lang_code)


def get_language_from_request(request, check_path=False):
    return settings.LANGUAGE_CODE


def get_language_from_path(path, strict=False):
    return None


def catalog():
    return None

