"""``make_hashable()``: a hashable equivalent of nested dicts, lists and sets (as in Django)."""
from __future__ import absolute_import, unicode_literals

from pyframework.utils.compat import string_types


def make_hashable(value):
    """Dicts become sorted tuples of (key, value) pairs and other iterables tuples, recursively;
    a value that is already hashable is returned as it is. TypeError if that is impossible."""
    if isinstance(value, dict):
        return tuple(sorted((key, make_hashable(item)) for key, item in value.items()))
    try:
        hash(value)
    except TypeError:
        if not isinstance(value, string_types):
            try:
                return tuple(make_hashable(item) for item in value)
            except TypeError:
                pass
        raise
    return value
