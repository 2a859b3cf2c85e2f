"""Translation API, shaped like ``django.utils.translation``.

Code marks user-visible text with these functions (``from pyframework.utils.translation
import gettext_lazy as _``). This module is the stable facade; the work is done by one of
two backends, chosen by ``USE_I18N`` when first needed (and again when
``override_settings`` changes it):

- ``trans_real``: gettext catalogs of the framework, the installed apps and
  ``LOCALE_PATHS``, the active language per thread;
- ``trans_null``: every message as written, as Django does with ``USE_I18N = False``.
"""
from __future__ import absolute_import, unicode_literals

from pyframework.conf import settings
from pyframework.conf.locale import LANG_INFO
from pyframework.core.signals import setting_changed
from pyframework.utils.compat import integer_types, native_str, text_type
from pyframework.utils.functional import Promise, lazy
from pyframework.utils.translation import trans_null, trans_real
from pyframework.utils.translation.trans_real import to_language, to_locale

__all__ = [
    "gettext", "gettext_noop", "gettext_lazy", "ngettext", "ngettext_lazy",
    "pgettext", "pgettext_lazy", "npgettext", "npgettext_lazy",
    "activate", "deactivate", "deactivate_all", "get_language", "get_language_bidi",
    "get_language_info", "get_language_from_request", "get_language_from_path",
    "get_supported_language_variant", "check_for_language", "override", "to_locale",
    "to_language", "trans_real", "LANGUAGE_SESSION_KEY",
]

# Not used by Django any more (the cookie carries the choice); kept for code that imports it.
LANGUAGE_SESSION_KEY = "_language"


class _Backend(object):
    """The backend module of the current ``USE_I18N``; resolved on first use."""

    module = None

    def get(self):
        module = self.module
        if module is None:
            module = self.module = trans_real if settings.USE_I18N else trans_null
        return module


_backend = _Backend()


def _reset_backend(**kwargs):
    if kwargs.get("setting") == "USE_I18N":
        _backend.module = None


setting_changed.connect(_reset_backend, dispatch_uid="pyframework.utils.translation.backend")


def gettext_noop(message):
    """Mark ``message`` for extraction without translating it now."""
    return message


def gettext(message):
    """``message`` translated into the active language."""
    return _backend.get().gettext(message)


def ngettext(singular, plural, number):
    """The singular or plural form for ``number``, translated."""
    return _backend.get().ngettext(singular, plural, number)


def pgettext(context, message):
    """``message`` translated in ``context`` (disambiguates identical English words)."""
    return _backend.get().pgettext(context, message)


def npgettext(context, singular, plural, number):
    """``ngettext`` with a context."""
    return _backend.get().npgettext(context, singular, plural, number)


gettext_lazy = lazy(gettext, text_type)
pgettext_lazy = lazy(pgettext, text_type)


def _lazy_number(func, number, *args):
    if isinstance(number, integer_types):
        return lazy(func, text_type)(*(args + (number,)))
    return _NumberLazy(func, args, number)


class _NumberLazy(Promise):
    """A plural message whose count is only known when it is ``%``-formatted.

    As in Django, ``number`` names the key of the ``%`` mapping holding the count, or is
    None when the right-hand side of ``%`` is the count itself.
    """

    def __init__(self, func, args, number_key):
        self._func, self._args, self._key = func, args, number_key

    def _evaluate(self, number=1):
        return self._func(*(self._args + (number,)))

    def __mod__(self, rhs):
        if isinstance(rhs, dict) and self._key is not None:
            number = rhs[self._key]
        else:
            number = rhs
        return self._evaluate(number) % rhs

    def __unicode__(self):
        return self._evaluate()

    def __str__(self):
        return native_str(self._evaluate(), "utf-8")

    def __eq__(self, other):
        return self._evaluate() == other

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        return hash(self._evaluate())


def ngettext_lazy(singular, plural, number=None):
    """Lazy ``ngettext``; ``number`` may be the name of the count in the later ``%`` mapping."""
    return _lazy_number(ngettext, number, singular, plural)


def npgettext_lazy(context, singular, plural, number=None):
    """Lazy ``npgettext``; ``number`` as for ``ngettext_lazy``."""
    return _lazy_number(npgettext, number, context, singular, plural)


def activate(language):
    """Make ``language`` the active language of the current thread."""
    _backend.get().activate(language)


def deactivate():
    """Return the current thread to ``LANGUAGE_CODE``."""
    _backend.get().deactivate()


def deactivate_all():
    """Messages as written for the current thread until the next ``activate()``."""
    _backend.get().deactivate_all()


def get_language():
    """The active language code of the current thread (``LANGUAGE_CODE`` by default)."""
    return _backend.get().get_language()


def get_language_bidi():
    """True when the active language is written right to left."""
    return _backend.get().get_language_bidi()


def check_for_language(lang_code):
    """True if some catalog exists for ``lang_code``."""
    return _backend.get().check_for_language(lang_code)


def get_supported_language_variant(lang_code, strict=False):
    """The code in ``LANGUAGES`` serving ``lang_code`` (``de`` for ``de-at``), or LookupError."""
    return _backend.get().get_supported_language_variant(lang_code, strict)


def get_language_from_request(request, check_path=False):
    """The language for ``request``: URL prefix (``check_path``), cookie, Accept-Language."""
    return _backend.get().get_language_from_request(request, check_path)


def get_language_from_path(path):
    """The supported language of the ``/de/...`` prefix of ``path``, or None."""
    return _backend.get().get_language_from_path(path)


def get_language_info(lang_code):
    """``{"code", "name", "name_local", "name_translated", "bidi"}`` of a language.

    ``de-at`` falls back to ``de`` when only that is known; an unknown code raises KeyError.
    """
    try:
        info = LANG_INFO[lang_code]
        if "fallback" in info and "code" not in info:
            info = LANG_INFO[info["fallback"][0]]
    except KeyError:
        generic = lang_code.split("-")[0]
        if "-" not in lang_code or generic not in LANG_INFO:
            raise KeyError("Unknown language code %s." % lang_code)
        info = LANG_INFO[generic]
    result = dict(info)
    result["name_translated"] = gettext_lazy(info["name"])
    return result


class override(object):
    """Context manager (and decorator) activating ``language`` for a block.

    ``override(None)`` deactivates translation for the block; ``deactivate=True`` leaves
    the thread at ``LANGUAGE_CODE`` afterwards instead of restoring the previous language.
    """

    def __init__(self, language, deactivate=False):
        self.language = language
        self.deactivate = deactivate

    def __enter__(self):
        self.old_language = get_language()
        if self.language is not None:
            activate(self.language)
        else:
            deactivate_all()

    def __exit__(self, exc_type, exc_value, traceback):
        if self.old_language is None:
            deactivate_all()
        elif self.deactivate:
            deactivate()
        else:
            activate(self.old_language)

    def __call__(self, func):
        def inner(*args, **kwargs):
            with self.__class__(self.language, self.deactivate):
                return func(*args, **kwargs)
        inner.__name__ = func.__name__
        inner.__doc__ = func.__doc__
        return inner
