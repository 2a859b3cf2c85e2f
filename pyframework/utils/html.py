"""HTML helpers: escaping and building safe fragments (``format_html``), Django's names."""
from __future__ import absolute_import, unicode_literals

from markupsafe import Markup, escape as _escape

from pyframework.utils.compat import text_type
from pyframework.utils.safestring import mark_safe  # noqa: F401  (Django imports it from here too)


def escape(text):
    """``text`` with ``& < > " '`` escaped, as safe Markup (even when it was marked safe already)."""
    return _escape(text_type(text))


def conditional_escape(text):
    """Escape unless ``text`` is already safe (has ``__html__``)."""
    if hasattr(text, "__html__"):
        return Markup(text.__html__())
    return _escape(text)


def format_html(format_string, *args, **kwargs):
    """``format_string.format(...)`` with every argument conditionally escaped; the result is safe."""
    args = [conditional_escape(arg) for arg in args]
    kwargs = dict((key, conditional_escape(value)) for key, value in kwargs.items())
    return Markup(text_type(format_string).format(*args, **kwargs))


def format_html_join(sep, format_string, args_generator):
    """``sep.join(format_html(format_string, *args) for args in args_generator)``, safe."""
    return conditional_escape(sep).join(format_html(format_string, *tuple(args)) for args in args_generator)
