from __future__ import unicode_literals

import pytest

from pyframework.core.exceptions import ImproperlyConfigured
from pyframework.urls import get_resolver, include, path, re_path, resolve

import urls_views


class ClassBasedView(object):
    @classmethod
    def as_view(cls):
        return urls_views.home


@pytest.mark.parametrize("route, fragment", [
    ("<foo:bar>/", "unknown converter 'foo'"),
    ("<int:1abc>/", "not a valid Python identifier"),
    ("items/<int:pk/", "unbalanced"),
    ("/leading/", "starts with '/'"),
])
def test_bad_routes_fail_when_defined(route, fragment):
    with pytest.raises(ImproperlyConfigured) as info:
        path(route, urls_views.home)
    assert fragment in str(info.value)
    assert route in str(info.value)


def test_invalid_regex_fails_when_defined():
    with pytest.raises(ImproperlyConfigured) as info:
        re_path(r"^(unclosed/$", urls_views.home)
    assert "^(unclosed/$" in str(info.value)


@pytest.mark.parametrize("view, fragment", [
    ("urls_views.home", "must be a callable"),
    (ClassBasedView, "ClassBasedView.as_view()"),
    ([path("a/", urls_views.home)], "include()"),
])
def test_views_must_be_callables(view, fragment):
    with pytest.raises(ImproperlyConfigured) as info:
        path("x/", view)
    assert fragment in str(info.value)
    assert "'x/'" in str(info.value)


def test_namespace_without_app_name_rejected():
    with pytest.raises(ImproperlyConfigured) as info:
        include([path("a/", urls_views.home)], namespace="things")
    assert "app_name" in str(info.value)


def test_urlconf_without_urlpatterns():
    with pytest.raises(ImproperlyConfigured) as info:
        resolve("/", urlconf="urls_views")
    assert "urlpatterns" in str(info.value)


def test_missing_urlconf_module():
    with pytest.raises(ImproperlyConfigured) as info:
        resolve("/", urlconf="no_such_urls_module")
    assert "no_such_urls_module" in str(info.value)


def test_broken_error_handler_reported_at_load():
    with pytest.raises(ImproperlyConfigured) as info:
        resolve("/", urlconf="urls_broken_handler")
    assert "handler404" in str(info.value)
    assert "urls_views.no_such_view" in str(info.value)


def test_pattern_entries_must_be_patterns():
    with pytest.raises(ImproperlyConfigured):
        get_resolver(["not a pattern"]).resolve("/")


def test_root_urlconf_must_be_set(monkeypatch):
    from pyframework.conf import settings
    monkeypatch.setattr(settings, "ROOT_URLCONF", None)
    with pytest.raises(ImproperlyConfigured) as info:
        resolve("/")
    assert "ROOT_URLCONF" in str(info.value)


def test_nested_include_is_checked_when_root_loads():
    resolver = get_resolver([path("outer/", include([path("inner/", include(["not a pattern"]))]))])
    with pytest.raises(ImproperlyConfigured) as info:
        resolver.url_patterns
    assert "not a path()/re_path() pattern" in str(info.value)
