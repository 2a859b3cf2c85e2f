"""What reverse() needs to rebuild one URL: a ``%``-template, its parameters and a check regex.

Every pattern describes its own piece of the URL as a ``Reversal``; the pieces of
an include chain are joined once, when a resolver first reverses, so reverse()
only substitutes values and checks the result against the combined regex.
"""
from __future__ import absolute_import, unicode_literals

import re

from pyframework.utils.compat import text_type


class Reversal(object):
    __slots__ = ("template", "params", "converters", "regex_source", "defaults", "_regex")

    def __init__(self, template, params, converters, regex_source, defaults=None):
        self.template = template          # "articles/%(year)s/"
        self.params = params              # ("year",) in URL order
        self.converters = converters      # {"year": IntConverter()} for path() parameters
        self.regex_source = regex_source  # regex the finished URL must match (unanchored start)
        self.defaults = defaults or {}    # extra kwargs of the pattern: must agree with given kwargs
        self._regex = None

    def with_defaults(self, defaults):
        if not defaults:
            return self
        return Reversal(self.template, self.params, self.converters, self.regex_source, _merged(self.defaults, defaults))

    def prefixed(self, prefix):
        """This reversal placed under ``prefix`` (the reversal of an enclosing include)."""
        return Reversal(
            prefix.template + self.template,
            prefix.params + self.params,
            _merged(prefix.converters, self.converters),
            prefix.regex_source + self.regex_source,
            _merged(prefix.defaults, self.defaults),
        )

    def build(self, args, kwargs):
        """The URL path for these arguments (unquoted, no leading slash), or None if they don't fit."""
        values = self._values(args, kwargs)
        if values is None:
            return None
        texts = {}
        for name, value in values.items():
            converter = self.converters.get(name)
            try:
                texts[name] = converter.to_url(value) if converter is not None else text_type(value)
            except ValueError:
                return None
        candidate = self.template % texts
        if self._regex is None:
            self._regex = re.compile(self.regex_source, re.UNICODE)
        if self._regex.match(candidate) is None:
            return None
        return candidate

    def _values(self, args, kwargs):
        params = self.params
        if args:
            if len(args) != len(params):
                return None
            return dict(zip(params, args))
        defaults = self.defaults
        for name in kwargs:
            if name not in params and name not in defaults:
                return None
        for name, value in defaults.items():
            if name in kwargs and kwargs[name] != value:
                return None
        values = {}
        for name in params:
            if name in kwargs:
                values[name] = kwargs[name]
            elif name in defaults:
                values[name] = defaults[name]
            else:
                return None
        return values

    def describe(self):
        return self.regex_source


def _merged(first, second):
    if not first:
        return second
    if not second:
        return first
    merged = dict(first)
    merged.update(second)
    return merged
