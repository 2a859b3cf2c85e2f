"""URL resolution: match a request path against a urlconf's patterns.

A ``URLResolver`` holds a list of ``URLPattern`` (view endpoints) and nested
``URLResolver`` (``include()``) entries. Resolving walks them in order and
builds a single ``ResolverMatch`` at the matching leaf; the reverse tables
(names, namespaces) are built lazily on the first ``reverse()``.
"""
from __future__ import absolute_import, unicode_literals

import importlib
import threading

from pyframework.core.exceptions import ImproperlyConfigured
from pyframework.urls.exceptions import Resolver404
from pyframework.urls.patterns import LocalePrefixPattern, RegexPattern
from pyframework.urls.utils import get_callable
from pyframework.utils.compat import string_types
from pyframework.utils.functional import cached_property
from pyframework.utils.translation import get_language

# Error views used when the root urlconf defines no handler<code>; resolved lazily
# because pyframework.views.defaults imports the template machinery.
DEFAULT_ERROR_HANDLERS = {
    400: "pyframework.views.defaults.bad_request",
    403: "pyframework.views.defaults.permission_denied",
    404: "pyframework.views.defaults.page_not_found",
    500: "pyframework.views.defaults.server_error",
}


# Per thread: the urlconf modules whose patterns are being loaded and the resolvers whose
# reverse tables are being built, so that urlconfs including each other stop recursing.
_walking = threading.local()


def _in_progress(kind):
    stack = getattr(_walking, kind, None)
    if stack is None:
        stack = set()
        setattr(_walking, kind, stack)
    return stack


def _callable_path(func):
    view_class = getattr(func, "view_class", None)
    target = view_class if view_class is not None else func
    name = getattr(target, "__qualname__", None) or getattr(target, "__name__", None)
    if name is None:  # an instance with __call__
        target = target.__class__
        name = target.__name__
    return "%s.%s" % (target.__module__, name)


class ResolverMatch(object):
    """What resolve() found: the view and its arguments, plus naming details."""

    def __init__(self, func, args, kwargs, url_name=None, app_names=None, namespaces=None,
                 route="", tried=None, captured_kwargs=None, extra_kwargs=None):
        self.func = func
        self.args = args
        self.kwargs = kwargs
        self.url_name = url_name
        self.app_names = [name for name in (app_names or []) if name]
        self.namespaces = [name for name in (namespaces or []) if name]
        self.route = route
        self._tried = tried
        self._tried_source = None  # (resolver, path): tried is recomputed on demand
        self.captured_kwargs = captured_kwargs if captured_kwargs is not None else kwargs
        self.extra_kwargs = extra_kwargs or {}

    @property
    def app_name(self):
        return ":".join(self.app_names)

    @property
    def namespace(self):
        return ":".join(self.namespaces)

    @property
    def view_name(self):
        return ":".join(self.namespaces + [self.url_name or _callable_path(self.func)])

    @property
    def _func_path(self):
        return _callable_path(self.func)

    @property
    def tried(self):
        """Patterns tried before (and including) the match; computed only when asked for."""
        if self._tried is None and self._tried_source is not None:
            resolver, path = self._tried_source
            self._tried = []
            resolver._resolve(path, self._tried)
        return self._tried

    def __getitem__(self, index):
        return (self.func, self.args, self.kwargs)[index]

    def __iter__(self):
        return iter((self.func, self.args, self.kwargs))

    def __repr__(self):
        return "ResolverMatch(func=%s, args=%r, kwargs=%r, url_name=%r, app_names=%r, namespaces=%r, route=%r)" % (
            _callable_path(self.func), self.args, self.kwargs, self.url_name,
            self.app_names, self.namespaces, self.route)


class URLPattern(object):
    """One endpoint: a pattern and the view it leads to."""

    def __init__(self, pattern, callback, default_args=None, name=None):
        self.pattern = pattern
        self.callback = callback
        self.default_args = default_args or {}
        self.name = name

    def _resolve(self, path, tried=None):
        matched = self.pattern.match(path)
        if matched is None:
            return None
        _, args, captured = matched
        kwargs = captured
        if self.default_args:
            kwargs = dict(captured)
            kwargs.update(self.default_args)
        return ResolverMatch(self.callback, args, kwargs, self.name, route=self.pattern.route_text,
                             captured_kwargs=captured, extra_kwargs=self.default_args)

    @property
    def lookup_str(self):
        return _callable_path(self.callback)

    def __repr__(self):
        return "<URLPattern %s%s>" % (self.pattern.describe(), " [name=%r]" % self.name if self.name else "")


class URLResolver(object):
    """A list of patterns under a common prefix: the root urlconf or an ``include()``."""

    def __init__(self, pattern, urlconf_name, default_kwargs=None, app_name=None, namespace=None):
        self.pattern = pattern
        self.urlconf_name = urlconf_name  # dotted module name, module, or list of patterns
        self.default_kwargs = default_kwargs or {}
        self.app_name = app_name
        self.namespace = namespace
        self.name = None
        # reverse() results of the namespace walk: {(viewname, current_app): [Reversal, ...]}.
        # Filled under no lock: a racing fill computes the same value twice. A urlconf
        # with i18n_patterns() keeps one per language (see _per_language).
        self._reverse_candidates = {}
        self._per_language = {}
        self._error_handlers = {}

    # -- loading -----------------------------------------------------------

    # cached_property: after the first access these are plain instance attributes,
    # so the per-request resolve loop pays no Python-level call for them.
    @cached_property
    def urlconf_module(self):
        name = self.urlconf_name
        if not isinstance(name, string_types):
            return name
        try:
            return importlib.import_module(name)
        except ImportError as exc:
            raise ImproperlyConfigured("URLconf module '%s' cannot be imported: %s" % (name, exc))

    @cached_property
    def url_patterns(self):
        module = self.urlconf_module
        try:
            patterns = list(getattr(module, "urlpatterns", module))
        except TypeError:
            raise ImproperlyConfigured(
                "The URLconf '%s' has no 'urlpatterns' list. If it really has patterns, "
                "check for a circular import." % (self.urlconf_name,))
        loading = _in_progress("modules")
        loading.add(id(module))
        try:
            for entry in patterns:
                if isinstance(entry, URLResolver):
                    # Load included urlconfs now, so their errors surface at start-up; one that is
                    # already loading further up (urlconfs including each other) loads when used.
                    if id(entry.urlconf_module) not in loading:
                        entry.url_patterns
                elif not isinstance(entry, URLPattern):
                    raise ImproperlyConfigured(
                        "URLconf '%s' contains %r, which is not a path()/re_path() pattern." % (
                            self.urlconf_name, entry))
        finally:
            loading.discard(id(module))
        self._check_error_handlers(module)
        return patterns

    def _check_error_handlers(self, module):
        for code in DEFAULT_ERROR_HANDLERS:
            handler = getattr(module, "handler%d" % code, None)
            if handler is not None:
                self._error_handlers[code] = get_callable(handler, "handler%d in %s" % (code, self.urlconf_name))

    def resolve_error_handler(self, status_code):
        """The view for a 400/403/404/500 response: handler<code> of this urlconf or the default."""
        handler = self._error_handlers.get(status_code)
        if handler is None:
            self.url_patterns  # loads and checks handler<code> attributes
            handler = self._error_handlers.get(status_code)
        if handler is None:
            handler = get_callable(DEFAULT_ERROR_HANDLERS[status_code], "default handler%d" % status_code)
            self._error_handlers[status_code] = handler
        return handler

    # -- resolving ---------------------------------------------------------

    def resolve(self, path):
        match = self._resolve(path, None)
        if match is None:
            tried = []
            self._resolve(path, tried)
            raise Resolver404(path, tried)
        match._tried_source = (self, path)
        return match

    @cached_property
    def _dispatch_table(self):
        # (literal prefix, entry) pairs: a failed str.startswith() is much cheaper than
        # calling into the entry, especially on Jython, and most entries fail.
        return tuple((entry.pattern.literal_prefix, entry) for entry in self.url_patterns)

    def _resolve(self, path, tried):
        """The ResolverMatch for ``path`` or None; fills ``tried`` (when a list) with pattern chains."""
        matched = self.pattern.match(path)
        if matched is None:
            return None
        remaining, args, kwargs = matched
        if tried is not None:
            return self._resolve_tracking(remaining, args, kwargs, tried)
        for prefix, entry in self._dispatch_table:
            if remaining.startswith(prefix):
                sub_match = entry._resolve(remaining, None)
                if sub_match is not None:
                    return self._adopt(sub_match, args, kwargs)
        return None

    def _resolve_tracking(self, remaining, args, kwargs, tried):
        """The slow path of _resolve(), recording every pattern tried (for 404 pages)."""
        for entry in self.url_patterns:
            sub_tried = [] if isinstance(entry, URLResolver) else None
            sub_match = entry._resolve(remaining, sub_tried)
            if sub_tried:
                tried.extend([entry] + chain for chain in sub_tried)
            else:
                tried.append([entry])
            if sub_match is not None:
                return self._adopt(sub_match, args, kwargs)
        return None

    def _adopt(self, match, args, kwargs):
        """Add this level's captured arguments, namespace and route to a match from below."""
        if kwargs or self.default_kwargs:
            merged = dict(kwargs)
            merged.update(self.default_kwargs)
            merged.update(match.kwargs)
            match.kwargs = merged
            captured = dict(kwargs)
            captured.update(match.captured_kwargs)
            match.captured_kwargs = captured
        elif args and not match.kwargs:
            match.args = tuple(args) + tuple(match.args)
        if self.namespace:
            match.namespaces.insert(0, self.namespace)
        if self.app_name:
            match.app_names.insert(0, self.app_name)
        own_route = self.pattern.route_text
        if own_route:
            match.route = own_route + match.route
        return match

    # -- reversing ---------------------------------------------------------

    @cached_property
    def _language_dependent(self):
        """True when an entry is an i18n_patterns() prefix: reversing then depends on the language."""
        return any(isinstance(entry.pattern, LocalePrefixPattern) for entry in self.url_patterns)

    def _language_state(self):
        language = get_language()
        state = self._per_language.get(language)
        if state is None:
            tables = self._guarded_reverse_tables()
            if tables is None:
                return {}, ({}, {}, {})
            state = self._per_language.setdefault(language, ({}, tables))
        return state

    @property
    def reverse_candidates(self):
        if self._language_dependent:
            return self._language_state()[0]
        return self._reverse_candidates

    @property
    def reverse_dict(self):
        """{url name or view callable: [Reversal, ...]}, last-defined pattern first."""
        return self._reverse_tables[0]

    @property
    def namespace_dict(self):
        """{namespace: (Reversal of the include prefix, URLResolver)}."""
        return self._reverse_tables[1]

    @property
    def app_dict(self):
        """{app_name: [namespace of each deployed instance, ...]}."""
        return self._reverse_tables[2]

    @property
    def _reverse_tables(self):
        if self._language_dependent:
            return self._language_state()[1]
        tables = self.__dict__.get("_reverse_tables_cache")
        if tables is None:
            tables = self._guarded_reverse_tables()
            if tables is None:
                return {}, {}, {}
            self.__dict__["_reverse_tables_cache"] = tables
        return tables

    def _guarded_reverse_tables(self):
        """The reverse tables, or None when reached again while they are being built."""
        building = _in_progress("resolvers")
        if id(self) in building:
            # Reached again through urlconfs that include each other: that cycle adds no names.
            return None
        building.add(id(self))
        try:
            return self._build_reverse_tables()
        finally:
            building.discard(id(self))

    def _build_reverse_tables(self):
        lookups, namespaces, apps = {}, {}, {}
        # Walk backwards so that, as in Django, the last pattern sharing a name is tried
        # first and the first include claiming a namespace wins.
        for entry in reversed(self.url_patterns):
            own = entry.pattern.reversal
            if isinstance(entry, URLPattern):
                if own is None:
                    continue
                reversal = own.with_defaults(entry.default_args)
                if entry.name:
                    lookups.setdefault(entry.name, []).append(reversal)
                lookups.setdefault(entry.callback, []).append(reversal)
                continue
            if own is None:
                continue
            prefix = own.with_defaults(entry.default_kwargs)
            if entry.namespace:
                namespaces[entry.namespace] = (prefix, entry)
                apps.setdefault(entry.app_name or entry.namespace, []).append(entry.namespace)
                continue
            for key, reversals in entry.reverse_dict.items():
                lookups.setdefault(key, []).extend(reversal.prefixed(prefix) for reversal in reversals)
            for namespace, (sub_prefix, resolver) in entry.namespace_dict.items():
                namespaces[namespace] = (sub_prefix.prefixed(prefix), resolver)
            for app_name, instances in entry.app_dict.items():
                apps.setdefault(app_name, []).extend(instances)
        return lookups, namespaces, apps

    def __repr__(self):
        label = self.urlconf_name
        if isinstance(label, (list, tuple)):
            label = "<%d patterns>" % len(label)
        return "<URLResolver %s (%s:%s) %s>" % (label, self.app_name, self.namespace, self.pattern.describe())


class _RootPattern(RegexPattern):
    """The root urlconf's pattern: consumes the leading '/' and adds nothing to routes."""

    def __init__(self):
        super(_RootPattern, self).__init__(r"^/")

    @property
    def route_text(self):
        return ""


def root_resolver(urlconf):
    return URLResolver(_RootPattern(), urlconf)
