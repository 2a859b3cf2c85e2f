"""Terminal colours for management commands: ``color_style()``, ``no_style()``,
``supports_color()`` and ``make_style()`` (as ``django.core.management.color``).

A style has one method per role (``SUCCESS``, ``ERROR``, ``WARNING``, ``NOTICE``, ``SQL_KEYWORD``...)
that wraps a text in ANSI colour codes, or returns it unchanged for ``no_style()``, when the
output is not a terminal, or with PYFRAMEWORK_COLORS=nocolor (DJANGO_COLORS is read too).
"""
from __future__ import absolute_import, unicode_literals

import os
import sys

_CODES = {"black": 30, "red": 31, "green": 32, "yellow": 33, "blue": 34, "magenta": 35, "cyan": 36,
          "white": 37}
_OPTIONS = {"bold": 1, "underscore": 4, "blink": 5, "reverse": 7, "conceal": 8}

# Django's default ("dark") palette: role -> (foreground, options).
PALETTE = {
    "ERROR": ("red", ("bold",)), "SUCCESS": ("green", ("bold",)), "WARNING": ("yellow", ("bold",)),
    "NOTICE": ("red", ()), "SQL_FIELD": ("green", ("bold",)), "SQL_COLTYPE": ("green", ()),
    "SQL_KEYWORD": ("yellow", ()), "SQL_TABLE": (None, ("bold",)), "HTTP_INFO": (None, ("bold",)),
    "HTTP_SUCCESS": (None, ()), "HTTP_REDIRECT": ("green", ()), "HTTP_NOT_MODIFIED": ("cyan", ()),
    "HTTP_BAD_REQUEST": ("red", ("bold",)), "HTTP_NOT_FOUND": ("yellow", ()),
    "HTTP_SERVER_ERROR": ("magenta", ("bold",)), "MIGRATE_HEADING": ("cyan", ("bold",)),
    "MIGRATE_LABEL": (None, ("bold",)), "ERROR_OUTPUT": ("red", ("bold",)),
}


def supports_color():
    """True if sys.stdout is a terminal that understands ANSI codes (and colours are not off)."""
    if (os.environ.get("PYFRAMEWORK_COLORS") or os.environ.get("DJANGO_COLORS")) == "nocolor":
        return False
    isatty = getattr(sys.stdout, "isatty", None)
    return bool(isatty and isatty()) and sys.platform != "win32" or "ANSICON" in os.environ


def colorize(text="", fg=None, opts=()):
    """``text`` between the ANSI codes of ``fg`` and ``opts`` (and a reset)."""
    codes = [str(_CODES[fg])] if fg else []
    codes.extend(str(_OPTIONS[option]) for option in opts if option in _OPTIONS)
    if not codes:
        return text
    return "\x1b[%sm%s\x1b[0m" % (";".join(codes), text)


class Style(object):
    """One callable attribute per palette role."""


def make_style(config_string=""):
    """A Style with the default palette (``config_string="nocolor"``: plain text)."""
    style = Style()
    for role, (fg, opts) in PALETTE.items():
        if config_string == "nocolor":
            setattr(style, role, _plain)
        else:
            setattr(style, role, _colorizer(fg, opts))
    style.ERROR_OUTPUT = style.ERROR
    return style


def _plain(text):
    return text


def _colorizer(fg, opts):
    return lambda text: colorize(text, fg, opts)


def no_style():
    """A Style that leaves every text as it is."""
    return make_style("nocolor")


def color_style(force_color=False):
    """The coloured Style, or no_style() when the output can't show colours."""
    if not force_color and not supports_color():
        return no_style()
    return make_style(os.environ.get("PYFRAMEWORK_COLORS") or os.environ.get("DJANGO_COLORS") or "")
