"""What fields accept as ``choices`` (as in Django 5): pairs, groups, mappings, a Choices
class, or a callable returning any of those (evaluated each time the choices are read)."""
from __future__ import absolute_import, unicode_literals

import itertools

from pyframework.utils.compat import string_types


def is_choices_class(value):
    """True for a ``models.Choices`` subclass (told by its metaclass's ``choices`` property, so
    that forms need not import the model layer)."""
    return isinstance(value, type) and isinstance(getattr(type(value), "choices", None), property)


class BaseChoiceIterator(object):
    """Base class of lazy choices: iterable again and again, indexable, comparable to a list."""

    def __iter__(self):
        raise NotImplementedError("BaseChoiceIterator subclasses must implement __iter__().")

    def __eq__(self, other):
        if isinstance(other, (list, tuple, BaseChoiceIterator)):
            missing = object()
            return all(a == b for a, b in _zip_longest(self, other, fillvalue=missing))
        return NotImplemented

    def __ne__(self, other):
        result = self.__eq__(other)
        return result if result is NotImplemented else not result

    __hash__ = object.__hash__

    def __getitem__(self, index):
        if isinstance(index, slice) or index < 0:
            return list(self)[index]
        for position, choice in enumerate(self):
            if position == index:
                return choice
        raise IndexError("index out of range")


_zip_longest = getattr(itertools, "zip_longest", None) or getattr(itertools, "izip_longest")


class CallableChoiceIterator(BaseChoiceIterator):
    """The choices a function returns, asked for on every iteration (``choices=get_choices``)."""

    def __init__(self, func):
        self.func = func

    def __iter__(self):
        for choice in normalize_choices(self.func()):
            yield choice


class BlankChoiceIterator(BaseChoiceIterator):
    """``choices`` preceded by ``blank_choice`` unless they already offer an empty value."""

    def __init__(self, choices, blank_choice):
        self.choices = choices
        self.blank_choice = blank_choice

    def __iter__(self):
        choices = list(self.choices)
        if not any(value in ("", None) for value, _ in flatten_choices(choices)):
            for choice in self.blank_choice:
                yield choice
        for choice in choices:
            yield choice


def flatten_choices(choices):
    """The ``(value, label)`` pairs of ``choices``, groups opened."""
    for value_or_group, label_or_nested in choices or ():
        if isinstance(label_or_nested, (list, tuple)):
            for pair in label_or_nested:
                yield pair
        else:
            yield value_or_group, label_or_nested


def normalize_choices(value, depth=0):
    """A Choices class becomes its ``choices`` pairs, a mapping its items (groups included), a
    callable a CallableChoiceIterator; other iterables a list; None stays None."""
    if value is None:
        return None
    if is_choices_class(value):
        return value.choices
    if isinstance(value, BaseChoiceIterator):
        return value
    if isinstance(value, dict):
        return [(key, normalize_choices(label, depth + 1) if depth < 1 and isinstance(label, (dict, list, tuple))
                 else label) for key, label in value.items()]
    if callable(value) and not isinstance(value, string_types):
        return CallableChoiceIterator(value)
    if isinstance(value, list):
        return value
    return list(value)
