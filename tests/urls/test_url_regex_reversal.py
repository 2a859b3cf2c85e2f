"""reverse() for re_path() patterns: the regex is turned into a template once, then checked."""
from __future__ import unicode_literals

import pytest

from pyframework.urls import NoReverseMatch, include, re_path, resolve, reverse

import urls_views

URLCONF = [
    re_path(r"^$", urls_views.home, name="root"),
    re_path(r"^files/report\.pdf$", urls_views.article, name="escaped-dot"),
    re_path(r"^pages/(?:(?P<page>[0-9]+)/)?$", urls_views.article, name="optional-page"),
    re_path(r"^items/(?:list/)(?P<kind>[a-z]+)/$", urls_views.article, name="fixed-group"),
    re_path(r"^digits/\d+/$", urls_views.article, name="class-outside-group"),
    re_path(r"^opt/slash/?$", urls_views.article, name="optional-char"),
    re_path(r"^shop/(?P<shop>[a-z]+)/", include([
        re_path(r"^product/(?P<pk>[0-9]+)/$", urls_views.post_detail, name="product"),
    ])),
]


def rev(viewname, **kwargs):
    return reverse(viewname, urlconf=URLCONF, kwargs=kwargs or None)


def test_literal_patterns():
    assert rev("root") == "/"
    assert rev("escaped-dot") == "/files/report.pdf"
    assert rev("optional-char") == "/opt/slash"


def test_optional_group_is_left_out():
    assert rev("optional-page") == "/pages/"


def test_non_capturing_group_is_kept():
    assert rev("fixed-group", kind="toy") == "/items/list/toy/"


def test_include_regex_prefix_with_named_group():
    assert rev("product", shop="acme", pk=4) == "/shop/acme/product/4/"
    match = resolve("/shop/acme/product/4/", urlconf=URLCONF)
    assert match.kwargs == {"shop": "acme", "pk": "4"}
    assert match.route == "shop/(?P<shop>[a-z]+)/product/(?P<pk>[0-9]+)/$"


def test_pattern_that_cannot_be_inverted_still_resolves():
    assert resolve("/digits/123/", urlconf=URLCONF).url_name == "class-outside-group"
    with pytest.raises(NoReverseMatch):
        rev("class-outside-group")


def test_literal_prefix_with_optional_last_char_still_matches():
    assert resolve("/opt/slash", urlconf=URLCONF).url_name == "optional-char"
    assert resolve("/opt/slash/", urlconf=URLCONF).url_name == "optional-char"
