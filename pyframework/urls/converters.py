"""Path converters: the ``<int:pk>`` part of ``path()`` routes.

A converter has a ``regex`` (what the segment may look like), ``to_python``
(turn the matched text into the view argument; raising ValueError makes the
pattern not match) and ``to_url`` (turn a value back into text for reverse()).
"""
from __future__ import absolute_import, unicode_literals

import uuid

from pyframework.utils.compat import text_type


class StringConverter(object):
    regex = "[^/]+"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


class IntConverter(object):
    regex = "[0-9]+"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return text_type(value)


class SlugConverter(StringConverter):
    regex = "[-a-zA-Z0-9_]+"


class UUIDConverter(object):
    regex = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"

    def to_python(self, value):
        return uuid.UUID(value)

    def to_url(self, value):
        return text_type(value)


class PathConverter(StringConverter):
    regex = ".+"


DEFAULT_CONVERTERS = {
    "int": IntConverter(),
    "path": PathConverter(),
    "slug": SlugConverter(),
    "str": StringConverter(),
    "uuid": UUIDConverter(),
}

# Registered converters; replaced (not mutated) so readers never need a lock.
_converters = dict(DEFAULT_CONVERTERS)


def register_converter(converter, type_name):
    """Make ``<type_name:...>`` usable in routes defined after this call."""
    global _converters
    registered = dict(_converters)
    registered[type_name] = converter() if isinstance(converter, type) else converter
    _converters = registered


def get_converter(type_name):
    return _converters[type_name]


def get_converters():
    return _converters
