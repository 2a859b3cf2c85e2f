"""Text that is already HTML: ``mark_safe()`` and ``SafeString`` (MarkupSafe's ``Markup``).

Jinja2's autoescaping and the form widgets treat a ``Markup`` value as safe,
so these are the same objects Django's names stand for.
"""
from __future__ import absolute_import, unicode_literals

from markupsafe import Markup

SafeString = SafeText = SafeData = Markup


def mark_safe(s):
    """``s`` marked as safe HTML (no escaping when printed); callables are wrapped as decorators."""
    if hasattr(s, "__html__"):
        return s
    if callable(s):
        def wrapper(*args, **kwargs):
            return mark_safe(s(*args, **kwargs))
        return wrapper
    return Markup(s)
