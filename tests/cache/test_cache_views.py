"""cache_page, cache_control, never_cache, vary_on_*, the per-site cache and ConditionalGetMiddleware."""
from __future__ import unicode_literals

import pytest

import cache_views_urls
from pyframework.core.cache import caches
from pyframework.http import HttpResponse
from pyframework.test import Client, override_settings
from pyframework.utils import translation
from pyframework.utils.cache import get_max_age, patch_cache_control, patch_vary_headers

SITE_CACHE = ["pyframework.middleware.cache.UpdateCacheMiddleware",
              "pyframework.middleware.cache.FetchFromCacheMiddleware"]
CONDITIONAL = ["pyframework.middleware.http.ConditionalGetMiddleware"]


@pytest.fixture(autouse=True)
def urls():
    config = {"default": {"BACKEND": "pyframework.core.cache.backends.locmem.LocMemCache", "LOCATION": "views"}}
    with override_settings(ROOT_URLCONF="cache_views_urls", CACHES=config):
        caches["default"].clear()
        cache_views_urls.calls["count"] = 0
        yield
        caches["default"].clear()


def test_cache_page_answers_from_the_cache():
    client = Client()
    first = client.get("/cached/")
    assert first.content == b"call 1"
    assert get_max_age(first) == 60 and first.has_header("Expires")
    assert client.get("/cached/").content == b"call 1"
    assert Client().get("/cached/").content == b"call 1"
    # Another query string is another page; POST is never cached.
    assert client.get("/cached/", {"page": "2"}).content == b"call 2"
    assert client.post("/cached/").content == b"call 3"
    assert client.get("/cached-other/").content == b"call 4"


@override_settings(USE_I18N=False)
def test_cache_page_respects_vary():
    client = Client()
    assert client.get("/per-language/", HTTP_ACCEPT_LANGUAGE="de").content == b"call 1"
    assert client.get("/per-language/", HTTP_ACCEPT_LANGUAGE="fr").content == b"call 2"
    assert client.get("/per-language/", HTTP_ACCEPT_LANGUAGE="de").content == b"call 1"


@override_settings(USE_I18N=True, LANGUAGES=[("de", "German"), ("fr", "French")], LANGUAGE_CODE="de",
                   MIDDLEWARE=["pyframework.middleware.locale.LocaleMiddleware"])
def test_cache_page_keys_on_the_active_language():
    client = Client()
    try:
        assert client.get("/per-language/", HTTP_ACCEPT_LANGUAGE="de").content == b"call 1"
        assert client.get("/per-language/", HTTP_ACCEPT_LANGUAGE="fr").content == b"call 2"
        assert client.get("/per-language/", HTTP_ACCEPT_LANGUAGE="de").content == b"call 1"
    finally:
        translation.deactivate()  # LocaleMiddleware leaves the last request's language active


@override_settings(MIDDLEWARE=SITE_CACHE, CACHE_MIDDLEWARE_SECONDS=30)
def test_site_cache_stores_only_cacheable_responses():
    client = Client()
    assert client.get("/plain/").content == b"call 1"
    assert client.get("/plain/").content == b"call 1"
    assert get_max_age(client.get("/plain/")) == 30
    assert client.head("/plain/").status_code == 200
    assert client.get("/private/").content == b"call 2"
    assert client.get("/private/").content == b"call 3"
    # A cookie set for a cookieless visitor must not be served to the next one.
    assert client.get("/sets-cookie/").content == b"call 4"
    assert Client().get("/sets-cookie/").content == b"call 5"
    assert client.get("/uncached/")["Cache-Control"].count("no-store") == 1
    assert client.post("/plain/").content == b"call 6"


@override_settings(MIDDLEWARE=SITE_CACHE)
def test_site_cache_separates_cookies_when_the_page_varies_on_them():
    one, two = Client(), Client()
    # Python 2 cookies want native strings, hence str().
    one.cookies[str("sessionid")] = str("a")
    two.cookies[str("sessionid")] = str("b")
    assert one.get("/per-cookie/").content == b"call 1"
    assert two.get("/per-cookie/").content == b"call 2"
    assert one.get("/per-cookie/").content == b"call 1"


def test_cache_control_and_never_cache():
    client = Client()
    controlled = client.get("/controlled/")
    assert sorted(controlled["Cache-Control"].split(", ")) == ["max-age=3600", "public"]
    never = client.get("/uncached/")
    assert set(never["Cache-Control"].split(", ")) == {
        "max-age=0", "no-cache", "no-store", "must-revalidate", "private"}
    assert never.has_header("Expires")


def test_patch_cache_control_merges():
    response = HttpResponse()
    response["Cache-Control"] = "private, max-age=100"
    patch_cache_control(response, public=True, max_age=50, no_cache="Set-Cookie")
    assert sorted(response["Cache-Control"].split(", ")) == ['max-age=50', 'no-cache=Set-Cookie', 'public']
    patch_cache_control(response, public=False)
    assert "public" not in response["Cache-Control"]


def test_patch_vary_headers():
    response = HttpResponse()
    patch_vary_headers(response, ["Cookie", "Accept-Language"])
    patch_vary_headers(response, ["cookie", "User-Agent"])
    assert response["Vary"] == "Cookie, Accept-Language, User-Agent"
    patch_vary_headers(response, ["*"])
    assert response["Vary"] == "*"


@override_settings(MIDDLEWARE=CONDITIONAL)
def test_conditional_get_with_etag():
    client = Client()
    first = client.get("/plain/")
    etag = first["ETag"]
    assert etag.startswith('"') and first.status_code == 200
    # The content changes with each call, so the old ETag no longer matches.
    assert client.get("/plain/", HTTP_IF_NONE_MATCH=etag).status_code == 200
    controlled = client.get("/controlled/")
    again = client.get("/controlled/", HTTP_IF_NONE_MATCH=controlled["ETag"])
    assert again.status_code == 304 and again.content == b""
    assert again["ETag"] == controlled["ETag"] and again["Cache-Control"] == controlled["Cache-Control"]
    assert client.get("/controlled/", HTTP_IF_NONE_MATCH='W/' + controlled["ETag"]).status_code == 304
    assert client.get("/controlled/", HTTP_IF_NONE_MATCH='"other"').status_code == 200
    # POST is not a conditional GET.
    assert client.post("/controlled/", HTTP_IF_NONE_MATCH=controlled["ETag"]).status_code == 200


@override_settings(MIDDLEWARE=CONDITIONAL)
def test_conditional_get_with_last_modified():
    client = Client()
    assert client.get("/dated/", HTTP_IF_MODIFIED_SINCE="Thu, 22 Oct 2015 07:28:00 GMT").status_code == 304
    assert client.get("/dated/", HTTP_IF_MODIFIED_SINCE="Tue, 20 Oct 2015 07:28:00 GMT").status_code == 200
    assert client.get("/dated/", HTTP_IF_MODIFIED_SINCE="not a date").status_code == 200
    assert client.get("/uncached/").has_header("ETag") is False
