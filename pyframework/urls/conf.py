"""Functions used in urlconf modules: ``path()``, ``re_path()`` and ``include()``.

Mistakes (a view that isn't callable, a bad route, a namespace without an
app_name) raise ImproperlyConfigured here, when the urlconf is imported at
start-up, rather than on some later request.
"""
from __future__ import absolute_import, unicode_literals

import importlib

from pyframework.core.exceptions import ImproperlyConfigured
from pyframework.urls.patterns import RegexPattern, RoutePattern
from pyframework.urls.resolvers import URLPattern, URLResolver
from pyframework.utils.compat import string_types


class _Included(tuple):
    """What include() returns: (urlconf module or patterns, app_name, namespace)."""


def include(arg, namespace=None):
    """Nest another urlconf (module, dotted name, or list of patterns) under a path prefix.

    ``arg`` may also be a ``(patterns, app_name)`` tuple. ``app_name`` defined in the
    included module names the application; ``namespace`` names this instance of it.
    """
    app_name = None
    if isinstance(arg, tuple):
        if len(arg) != 2:
            raise ImproperlyConfigured(
                "include() takes a urlconf or a (patterns, app_name) tuple; got a tuple of %d items." % len(arg))
        urlconf, app_name = arg
    else:
        urlconf = arg
    if isinstance(urlconf, string_types):
        urlconf = importlib.import_module(urlconf)
    patterns = getattr(urlconf, "urlpatterns", urlconf)
    if not isinstance(patterns, (list, tuple)):
        raise ImproperlyConfigured(
            "include('%s'): the included urlconf has no 'urlpatterns' list." % (getattr(urlconf, "__name__", urlconf),))
    app_name = getattr(urlconf, "app_name", app_name)
    if namespace and not app_name:
        raise ImproperlyConfigured(
            "include(..., namespace='%s') needs an application name: set app_name in the included "
            "urlconf module, or pass a (patterns, app_name) tuple." % namespace)
    return _Included((urlconf, app_name, namespace or app_name))


def _make_path(pattern_class, function_name):
    def make(route, view, kwargs=None, name=None):
        if kwargs is not None and not isinstance(kwargs, dict):
            raise ImproperlyConfigured("%s('%s'): kwargs must be a dict, got %r." % (function_name, route, kwargs))
        if isinstance(view, tuple) and len(view) == 3 and not isinstance(view, _Included):
            view = _Included(view)  # (patterns, app_name, namespace), as AdminSite.urls gives (Django's form)
        if isinstance(view, _Included):
            urlconf, app_name, namespace = view
            return URLResolver(pattern_class(route, is_endpoint=False), urlconf, kwargs,
                               app_name=app_name, namespace=namespace)
        if isinstance(view, type) and hasattr(view, "as_view"):
            raise ImproperlyConfigured(
                "%s('%s'): pass %s.as_view(), not the class itself." % (function_name, route, view.__name__))
        if isinstance(view, (list, tuple)):
            raise ImproperlyConfigured(
                "%s('%s'): wrap a list of patterns in include()." % (function_name, route))
        if not callable(view):
            raise ImproperlyConfigured(
                "%s('%s', %r): the view must be a callable (a function or View.as_view()) or include()."
                % (function_name, route, view))
        return URLPattern(pattern_class(route, is_endpoint=True), view, kwargs, name)
    make.__name__ = str(function_name)
    return make


path = _make_path(RoutePattern, "path")
path.__doc__ = "A URL pattern in route syntax: ``path('articles/<int:year>/', view, name='...')``."
re_path = _make_path(RegexPattern, "re_path")
re_path.__doc__ = "A URL pattern given as a regular expression, named groups becoming kwargs."
