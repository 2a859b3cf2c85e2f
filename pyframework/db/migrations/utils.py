"""Comparable snapshots of fields, indexes and constraints, for detection and equality."""
from __future__ import absolute_import, unicode_literals

import functools

from pyframework.utils.compat import string_types


def model_label_lower(value):
    """``"app.Model"`` -> ``"app.model"``; a model class -> its lower-case label."""
    if isinstance(value, string_types):
        return value.lower()
    meta = getattr(value, "_meta", None)
    if meta is not None:
        return meta.label_lower
    return value


def deep_deconstruct(value):
    """Turn ``value`` into nested plain data that compares equal when two objects would build the same schema.

    Objects with ``deconstruct()`` (fields, indexes, constraints, operations)
    become ``(path, args, kwargs)``; a relation's ``to`` becomes its lower-case
    label so ``"blog.Author"`` and the Author class compare equal.
    """
    if isinstance(value, list):
        return [deep_deconstruct(item) for item in value]
    if isinstance(value, tuple):
        return tuple(deep_deconstruct(item) for item in value)
    if isinstance(value, dict):
        return dict((key, deep_deconstruct(item)) for key, item in value.items())
    if isinstance(value, functools.partial):
        return (value.func, deep_deconstruct(value.args), deep_deconstruct(value.keywords or {}))
    if isinstance(value, type):
        return value
    if hasattr(value, "deconstruct"):
        parts = value.deconstruct()
        if len(parts) == 4:  # a field: (name, path, args, kwargs); the name is compared separately
            parts = parts[1:]
        path, args, kwargs = parts
        kwargs = dict(kwargs)
        if "to" in kwargs:
            kwargs["to"] = model_label_lower(kwargs["to"])
        if "through" in kwargs:
            kwargs["through"] = model_label_lower(kwargs["through"])
        return (path, deep_deconstruct(list(args)), deep_deconstruct(kwargs))
    return value


def field_references_model(field, label_lower):
    """Whether ``field`` points (``to`` or ``through``) at the model ``label_lower``."""
    remote = getattr(field, "remote_field", None)
    if remote is None:
        return False
    targets = [getattr(remote, "model", None), getattr(remote, "through", None)]
    return any(target is not None and model_label_lower(target) == label_lower for target in targets)


def normalize_together(value):
    """``("a", "b")`` or ``[("a", "b")]`` -> ``{("a", "b")}``: the one canonical form of unique_together."""
    if not value:
        return set()
    value = list(value)
    if isinstance(value[0], string_types):
        value = [value]
    return set(tuple(item) for item in value)
