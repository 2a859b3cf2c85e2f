"""The two kinds of URL pattern: ``path()`` routes and ``re_path()`` regexes.

``match(path)`` returns ``(remaining_path, args, kwargs)`` or None. Both compile
their regex once, when the urlconf is imported, and try a cheap literal-prefix
check first: on Jython a failed ``startswith`` costs far less than a regex call,
and most patterns fail for most requests.
"""
from __future__ import absolute_import, unicode_literals

import itertools
import re

from pyframework.conf import settings
from pyframework.core.exceptions import ImproperlyConfigured
from pyframework.urls.converters import get_converters
from pyframework.urls.reversal import Reversal
from pyframework.utils.translation import get_language

_ROUTE_PARAMETER = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<parameter>[^>]+)>")
_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$", re.UNICODE)
_REGEX_META = set(".^$*+?{}[]\\|()")
_positional_names = itertools.count()


def _escape_template(text):
    return text.replace("%", "%%")


class _Pattern(object):
    def describe(self):
        """The pattern as written in the urlconf."""
        raise NotImplementedError

    def __str__(self):
        return self.describe()

    def __repr__(self):
        return "<%s '%s'>" % (self.__class__.__name__, self.describe())


class RoutePattern(_Pattern):
    """``path()`` syntax: literal text with ``<converter:name>`` parameters."""

    def __init__(self, route, is_endpoint=False):
        self.route = route
        self.is_endpoint = is_endpoint
        if route.startswith("/"):
            raise ImproperlyConfigured(
                "URL route '%s' starts with '/': routes are relative to their parent, remove the leading slash."
                % route)
        self.converters = {}
        regex, template, params = "", "", []
        position = 0
        for found in _ROUTE_PARAMETER.finditer(route):
            literal = route[position:found.start()]
            self._check_literal(literal)
            regex += re.escape(literal)
            template += _escape_template(literal)
            name = found.group("parameter")
            if not _IDENTIFIER.match(name):
                raise ImproperlyConfigured(
                    "URL route '%s' uses parameter name '%s', which is not a valid Python identifier." % (route, name))
            type_name = found.group("converter") or "str"
            try:
                converter = get_converters()[type_name]
            except KeyError:
                raise ImproperlyConfigured(
                    "URL route '%s' uses unknown converter '%s'; built-in ones are int, path, slug, str, uuid "
                    "(register others with register_converter())." % (route, type_name))
            if name in self.converters:
                raise ImproperlyConfigured("URL route '%s' uses parameter '%s' twice." % (route, name))
            self.converters[name] = converter
            regex += "(?P<%s>%s)" % (name, converter.regex)
            template += "%%(%s)s" % name
            params.append(name)
            position = found.end()
        tail = route[position:]
        self._check_literal(tail)
        regex += re.escape(tail)
        template += _escape_template(tail)
        if is_endpoint:
            regex += r"\Z"
        self.regex = re.compile("^" + regex, re.UNICODE)
        self._converter_items = tuple(self.converters.items())
        self.reversal = Reversal(template, tuple(params), self.converters, regex)
        # Text every matching path starts with; routes without parameters need no regex at all.
        first = _ROUTE_PARAMETER.search(route)
        self.literal_prefix = route[:first.start()] if first else route
        self._is_literal = first is None

    def _check_literal(self, literal):
        if "<" in literal or ">" in literal:
            raise ImproperlyConfigured(
                "URL route '%s' has an unbalanced '<' or '>': parameters look like <int:name>." % self.route)

    def match(self, path):
        if self._is_literal:
            if self.is_endpoint:
                return ("", (), {}) if path == self.route else None
            if path.startswith(self.route):
                return path[len(self.route):], (), {}
            return None
        if not path.startswith(self.literal_prefix):
            return None
        found = self.regex.match(path)
        if found is None:
            return None
        kwargs = found.groupdict()
        for name, converter in self._converter_items:
            try:
                kwargs[name] = converter.to_python(kwargs[name])
            except ValueError:
                return None
        return path[found.end():], (), kwargs

    @property
    def route_text(self):
        return self.route

    def describe(self):
        return self.route


class RegexPattern(_Pattern):
    """``re_path()`` syntax: a regular expression, with named groups as kwargs."""

    def __init__(self, regex, is_endpoint=False):
        self._regex_text = regex
        self.is_endpoint = is_endpoint
        try:
            self.regex = re.compile(regex, re.UNICODE)
        except re.error as exc:
            raise ImproperlyConfigured("'%s' is not a valid regular expression: %s" % (regex, exc))
        self.converters = {}
        # An endpoint ending in '$' must consume the whole path ('$' alone also matches before a final newline).
        self._needs_full_match = is_endpoint and regex.endswith("$") and not regex.endswith("\\$")
        self._has_named_groups = bool(self.regex.groupindex)
        self.literal_prefix = _literal_prefix(regex)
        self.reversal = _regex_reversal(regex, self.regex)

    def match(self, path):
        if self.literal_prefix and not path.startswith(self.literal_prefix):
            return None
        found = self.regex.search(path)
        if found is None:
            return None
        end = found.end()
        if self._needs_full_match and end != len(path):
            return None
        if self._has_named_groups:
            kwargs = dict((k, v) for k, v in found.groupdict().items() if v is not None)
            return path[end:], (), kwargs
        return path[end:], found.groups(), {}

    @property
    def route_text(self):
        text = self._regex_text
        return text[1:] if text.startswith("^") else text

    def describe(self):
        return self._regex_text


class LocalePrefixPattern(_Pattern):
    """The ``de/`` prefix of ``i18n_patterns()``: the active language's code.

    It matches (and reverses to) the prefix of the current thread's language, so the
    resolvers above it keep their reverse tables per language. With
    ``prefix_default_language=False`` the ``LANGUAGE_CODE`` pages have no prefix.
    """

    is_endpoint = False
    converters = {}
    literal_prefix = ""  # depends on the request's language: always asked

    def __init__(self, prefix_default_language=True):
        self.prefix_default_language = prefix_default_language

    @property
    def language_prefix(self):
        language_code = get_language() or settings.LANGUAGE_CODE
        if language_code == settings.LANGUAGE_CODE and not self.prefix_default_language:
            return ""
        return "%s/" % language_code

    def match(self, path):
        prefix = self.language_prefix
        if path.startswith(prefix):
            return path[len(prefix):], (), {}
        return None

    @property
    def reversal(self):
        prefix = self.language_prefix
        return Reversal(_escape_template(prefix), (), {}, re.escape(prefix))

    @property
    def route_text(self):
        return self.language_prefix

    def describe(self):
        return "'%s'" % self.language_prefix


def _literal_prefix(regex):
    """The literal text any match must start with (only for '^'-anchored regexes without '|')."""
    if not regex.startswith("^") or "|" in regex:
        return ""
    prefix = []
    index = 1
    while index < len(regex):
        char = regex[index]
        if char == "\\":
            escaped = regex[index + 1:index + 2]
            if not escaped or escaped.isalnum():
                break
            prefix.append(escaped)
            index += 2
            continue
        if char in _REGEX_META:
            if char in "?*{" and prefix:
                prefix.pop()  # the character before an optional quantifier may be absent
            break
        prefix.append(char)
        index += 1
    return "".join(prefix)


class _NotReversible(Exception):
    pass


def _regex_reversal(regex, compiled):
    """Turn a regex into a reverse() template; patterns too complex to invert get None."""
    source = regex[1:] if regex.startswith("^") else regex
    try:
        template, params = _invert(source, compiled)
    except _NotReversible:
        return None
    return Reversal(template, tuple(params), {}, source)


def _invert(source, compiled):
    template, params = [], []
    index, length = 0, len(source)
    while index < length:
        char = source[index]
        if char == "$" and index == length - 1:
            break
        if char == "\\":
            escaped = source[index + 1:index + 2]
            if escaped == "Z" and index + 2 == length:
                break
            if not escaped or escaped.isalnum():
                raise _NotReversible()
            template.append(_escape_template(escaped))
            index += 2
        elif char == "(":
            end = _group_end(source, index)
            quantifier = source[end + 1:end + 2]
            body = source[index + 1:end]
            if body.startswith("?P<"):
                params.append(body[3:body.index(">")])
                template.append("%%(%s)s" % params[-1])
            elif body.startswith("?:"):
                if quantifier not in ("?", "*"):
                    inner_template, inner_params = _invert(body[2:], compiled)
                    template.append(inner_template)
                    params.extend(inner_params)
            elif body.startswith("?"):
                raise _NotReversible()
            elif not compiled.groupindex:
                name = "_%d" % next(_positional_names)
                params.append(name)
                template.append("%%(%s)s" % name)
            else:
                raise _NotReversible()  # unnamed group beside named ones: its value is unknowable
            index = end + 1
            if quantifier in ("?", "*", "+"):
                index += 1
        elif char in _REGEX_META:
            if char in "?*" and template:
                template.pop()
                index += 1
            elif char == "+":
                index += 1
            else:
                raise _NotReversible()
        else:
            template.append(_escape_template(char))
            index += 1
    return "".join(template), params


def _group_end(source, start):
    """Index of the ')' closing the group opened at ``start``."""
    depth, index, in_class = 0, start, False
    while index < len(source):
        char = source[index]
        if char == "\\":
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return index
        index += 1
    raise _NotReversible()
