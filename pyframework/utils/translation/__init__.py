"""Translation API, shaped like ``django.utils.translation``.

Code marks user-visible text with these functions (``from pyframework.utils.translation
import gettext_lazy as _``). This module is the stable facade; the machinery that looks
messages up in catalogs and tracks the active language per thread lives in the backend
module ``_backend`` points at. Until catalogs and ``USE_I18N`` are wired in, every message
is returned as written (English), which is also what Django does with ``USE_I18N = False``.
"""
from __future__ import absolute_import, unicode_literals

from pyframework.utils.compat import text_type
from pyframework.utils.functional import lazy
from pyframework.utils.translation import trans_null as _backend

__all__ = [
    "gettext", "gettext_noop", "gettext_lazy", "ngettext", "ngettext_lazy",
    "pgettext", "pgettext_lazy", "npgettext", "npgettext_lazy",
    "activate", "deactivate", "get_language", "override",
]


def gettext_noop(message):
    """Mark ``message`` for extraction without translating it now."""
    return message


def gettext(message):
    """``message`` translated into the active language."""
    return _backend.gettext(message)


def ngettext(singular, plural, number):
    """The singular or plural form for ``number``, translated."""
    return _backend.ngettext(singular, plural, number)


def pgettext(context, message):
    """``message`` translated in ``context`` (disambiguates identical English words)."""
    return _backend.pgettext(context, message)


def npgettext(context, singular, plural, number):
    """``ngettext`` with a context."""
    return _backend.npgettext(context, singular, plural, number)


gettext_lazy = lazy(gettext, text_type)
ngettext_lazy = lazy(ngettext, text_type)
pgettext_lazy = lazy(pgettext, text_type)
npgettext_lazy = lazy(npgettext, text_type)


def activate(language):
    """Make ``language`` the active language of the current thread."""
    _backend.activate(language)


def deactivate():
    """Return the current thread to the default language."""
    _backend.deactivate()


def get_language():
    """The active language code of the current thread (``LANGUAGE_CODE`` by default)."""
    return _backend.get_language()


class override(object):
    """Context manager (and decorator) activating ``language`` for a block.

    ``override(None)`` deactivates translation for the block.
    """

    def __init__(self, language, deactivate=False):
        self.language = language
        self.deactivate = deactivate

    def __enter__(self):
        self.old_language = get_language()
        if self.language is not None:
            activate(self.language)
        else:
            _backend.deactivate_all()

    def __exit__(self, exc_type, exc_value, traceback):
        if self.old_language is None:
            _backend.deactivate_all()
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
