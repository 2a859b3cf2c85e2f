"""``normalize_choices()``: what fields accept as ``choices`` (as in Django 5), as a list."""
from __future__ import absolute_import, unicode_literals


def is_choices_class(value):
    """True for a ``models.Choices`` subclass (told by its metaclass's ``choices`` property, so
    that forms need not import the model layer)."""
    return isinstance(value, type) and isinstance(getattr(type(value), "choices", None), property)


def normalize_choices(value):
    """A Choices class becomes its ``choices`` pairs; other iterables a list; None stays None."""
    if value is None:
        return None
    if is_choices_class(value):
        return value.choices
    if isinstance(value, list):
        return value
    return list(value)
