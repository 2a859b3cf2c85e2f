"""The translation backend that translates nothing: messages come back as written.

Kept as the fallback the real catalog backend replaces; the active language is still
tracked per thread so ``get_language()`` answers as Django's does.
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
        return getattr(settings, "LANGUAGE_CODE", "en-us")
