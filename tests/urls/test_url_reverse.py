from __future__ import unicode_literals

import uuid

import pytest

from pyframework.urls import (
    NoReverseMatch, clear_script_prefix, get_script_prefix, resolve, reverse, reverse_lazy,
    set_script_prefix, set_urlconf,
)

import urls_views

URLCONF = "urls_root"


@pytest.fixture(autouse=True)
def clean_thread_state():
    yield
    clear_script_prefix()
    set_urlconf(None)


def rev(viewname, *args, **kwargs):
    return reverse(viewname, urlconf=URLCONF, args=args or None, kwargs=kwargs or None)


def test_reverse_simple_names():
    assert rev("home") == "/"
    assert rev("article-detail", year=2003, slug="hi") == "/articles/2003/hi/"
    assert rev("article-detail", 2003, "hi") == "/articles/2003/hi/"


def test_reverse_custom_converter_to_url():
    assert rev("article-year", year=1999) == "/articles/1999/"
    with pytest.raises(NoReverseMatch):
        rev("article-year", year=999)


def test_reverse_checks_converter_regex():
    with pytest.raises(NoReverseMatch) as info:
        rev("article-detail", year="abc", slug="hi")
    message = str(info.value)
    assert "article-detail" in message
    assert "1 pattern(s) tried" in message


def test_reverse_unknown_name_message():
    with pytest.raises(NoReverseMatch) as info:
        rev("missing-name")
    assert "'missing-name' is not the name of a URL pattern" in str(info.value)


def test_reverse_uuid_and_path():
    value = uuid.UUID("12345678-1234-5678-1234-567812345678")
    assert rev("item", item_id=value) == "/items/12345678-1234-5678-1234-567812345678/"
    assert rev("file", file_path="a/b c.txt") == "/files/a/b%20c.txt"


def test_reverse_quotes_non_ascii():
    assert rev("cafe", name="cr\u00e8me") == "/caf%C3%A9/cr%C3%A8me/"


def test_reverse_re_path_named_and_positional():
    assert rev("old-archive", year="2020", month="05") == "/old/2020/05/"
    assert rev("positional", 42, "abc") == "/positional/42/abc/"
    with pytest.raises(NoReverseMatch):
        rev("old-archive", year="20", month="05")


def test_reverse_extra_kwargs_must_agree():
    assert rev("extra") == "/extra/"
    assert rev("extra", source="extra") == "/extra/"
    with pytest.raises(NoReverseMatch):
        rev("extra", source="other")


def test_reverse_by_view_callable():
    assert reverse(urls_views.home, urlconf=URLCONF) == "/"


def test_reverse_namespaces():
    assert rev("blog:post-detail", pk=3) == "/blog/3/"
    assert rev("team-blog:post-detail", pk=3) == "/team-blog/3/"
    assert rev("blog:archive", year="2001") == "/blog/archive/2001/"
    assert reverse("blog:post-list", urlconf=URLCONF, current_app="team-blog") == "/team-blog/"


def test_reverse_namespace_with_captured_prefix():
    assert rev("site:about", lang="fr") == "/lang/fr/about/"
    assert rev("comments:comment", user_id=4, slug="x") == "/users/4/comments/x/"
    assert rev("user-profile", user_id=4) == "/users/4/profile/"


def test_reverse_unknown_namespace():
    with pytest.raises(NoReverseMatch) as info:
        rev("nope:post-detail", pk=1)
    assert "'nope' is not a registered namespace" in str(info.value)


def test_reverse_roundtrips_through_resolve():
    for name, kwargs in [("article-detail", {"year": 2010, "slug": "s"}), ("blog:post-detail", {"pk": 8})]:
        url = rev(name, **kwargs)
        assert resolve(url, urlconf=URLCONF).kwargs == kwargs


def test_script_prefix_is_prepended():
    assert get_script_prefix() == "/"
    set_script_prefix("/mysite")
    assert get_script_prefix() == "/mysite/"
    assert rev("blog:post-detail", pk=3) == "/mysite/blog/3/"
    assert rev("home") == "/mysite/"


def test_args_and_kwargs_together_rejected():
    with pytest.raises(ValueError):
        reverse("home", urlconf=URLCONF, args=[1], kwargs={"a": 1})


def test_reverse_lazy_uses_thread_urlconf():
    lazy = reverse_lazy("blog:post-detail", kwargs={"pk": 2})
    set_urlconf(URLCONF)
    assert lazy == "/blog/2/"
    assert "%s" % lazy == "/blog/2/"
    assert lazy.startswith("/blog")


def test_reverse_never_returns_scheme_relative_url():
    from pyframework.urls import path
    urlconf = [path("<path:rest>", urls_views.article, name="anything")]
    assert reverse("anything", urlconf=urlconf, kwargs={"rest": "/evil.com/x"}) == "/%2Fevil.com/x"
    assert reverse("anything", urlconf=urlconf, kwargs={"rest": "a%b"}) == "/a%25b"
