"""What pyframework takes from the JVM on Jython, installed once at import.

Today: MarkupSafe's ``escape`` backed by ``org.pyframework.python.HtmlEscape`` (in the bridge
jar, ``pyframework-servlet.jar``). The Java class does the one-pass replacement; this module
keeps MarkupSafe's contract around it, so the output is identical to ``markupsafe._native``:
``__html__`` is honoured, the result is a ``Markup``, ints (whose text never needs escaping)
and ``Markup`` itself skip the Java call. On CPython, or on Jython without the jar (plain
``jython`` with no bridge on the class path), MarkupSafe stays as it is: CPython has its C
speed-ups.
"""
from __future__ import absolute_import, unicode_literals

import sys

import markupsafe

from pyframework.utils.compat import JYTHON, integer_types, text_type

JAVA_ESCAPE_CLASS = "org.pyframework.python.HtmlEscape"

# Modules that bind ``escape`` at import (``from markupsafe import escape``): rebound when loaded.
_ESCAPE_IMPORTERS = ("jinja2", "jinja2.compiler", "jinja2.filters", "jinja2.runtime", "jinja2.utils")


def _java_html_escape():
    """The Java escape function, or None where there is none."""
    if not JYTHON:
        return None
    try:
        from org.pyframework.python import HtmlEscape
    except ImportError:
        return None
    return HtmlEscape.escape


def make_escape(escape_text, markup_class=markupsafe.Markup):
    """``markupsafe.escape`` and ``escape_silent`` around ``escape_text`` (text -> escaped text)."""
    new_text = text_type.__new__
    int_types = frozenset(integer_types)

    def escape(s):
        cls = s.__class__
        if cls is markup_class:
            return s
        if cls in int_types:
            return new_text(markup_class, text_type(s))
        if hasattr(s, "__html__"):
            return markup_class(s.__html__())
        return new_text(markup_class, escape_text(text_type(s)))

    def escape_silent(s):
        if s is None:
            return markup_class()
        return escape(s)

    escape.__doc__ = markupsafe.escape.__doc__
    escape_silent.__doc__ = markupsafe.escape_silent.__doc__
    return escape, escape_silent


def install_html_escape():
    """Put the Java-backed escape behind ``markupsafe.escape`` (and ``Markup.escape``); True if it did."""
    java_escape = _java_html_escape()
    if java_escape is None:
        return False
    if getattr(markupsafe.escape, "pyframework_java", False):
        return True
    native = markupsafe.escape
    escape, escape_silent = make_escape(java_escape)
    escape.pyframework_java = True
    markupsafe.escape = escape  # Markup.escape, format() and % look the module's global up
    markupsafe.escape_silent = escape_silent
    for name in _ESCAPE_IMPORTERS:
        module = sys.modules.get(name)
        if module is not None and getattr(module, "escape", None) is native:
            module.escape = escape
    return True
