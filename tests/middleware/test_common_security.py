"""CommonMiddleware (APPEND_SLASH, PREPEND_WWW), SecurityMiddleware and XFrameOptionsMiddleware."""
from __future__ import unicode_literals

import pytest

from pyframework.test import Client, override_settings

COMMON = ["pyframework.middleware.common.CommonMiddleware"]
SECURITY = ["pyframework.middleware.security.SecurityMiddleware"]
XFRAME = ["pyframework.middleware.clickjacking.XFrameOptionsMiddleware"]


@pytest.fixture(autouse=True)
def setup():
    with override_settings(ROOT_URLCONF="middleware_urls", DEBUG=False):
        yield


@override_settings(MIDDLEWARE=COMMON)
def test_append_slash_redirects_when_only_the_slashed_path_exists():
    response = Client().get("/slashed?x=1&y=%C3%A9")
    assert response.status_code == 301
    assert response["Location"] == "/slashed/?x=1&y=%C3%A9"


@override_settings(MIDDLEWARE=COMMON)
def test_append_slash_does_not_redirect_when_the_path_resolves():
    response = Client().get("/both")
    assert response.status_code == 200


@override_settings(MIDDLEWARE=COMMON)
def test_append_slash_does_not_redirect_when_the_slashed_path_is_unknown():
    response = Client().get("/unknown")
    assert response.status_code == 404


@override_settings(MIDDLEWARE=COMMON, APPEND_SLASH=False)
def test_append_slash_off():
    assert Client().get("/slashed").status_code == 404


@override_settings(MIDDLEWARE=COMMON, DEBUG=True)
def test_append_slash_on_post_in_debug_explains_the_problem():
    with pytest.raises(RuntimeError) as info:
        Client().post("/slashed", {"a": "1"})
    message = str(info.value)
    assert "APPEND_SLASH" in message
    assert "/slashed/" in message


@override_settings(MIDDLEWARE=COMMON)
def test_follow_append_slash_redirect():
    response = Client().get("/slashed", follow=True)
    assert response.status_code == 200
    assert response.redirect_chain == [("/slashed/", 301)]


@override_settings(MIDDLEWARE=COMMON)
def test_common_middleware_sets_content_length():
    response = Client().get("/page/")
    assert response["Content-Length"] == "4"


@override_settings(MIDDLEWARE=COMMON, PREPEND_WWW=True)
def test_prepend_www():
    response = Client().get("/page/?q=1", HTTP_HOST="example.com")
    assert response.status_code == 301
    assert response["Location"] == "http://www.example.com/page/?q=1"
    assert Client().get("/page/", HTTP_HOST="www.example.com").status_code == 200


@override_settings(MIDDLEWARE=COMMON, PREPEND_WWW=True)
def test_prepend_www_also_appends_slash():
    response = Client().get("/slashed", HTTP_HOST="example.com")
    assert response["Location"] == "http://www.example.com/slashed/"


@override_settings(MIDDLEWARE=SECURITY)
def test_security_headers_by_default():
    response = Client().get("/page/")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert not response.has_header("Strict-Transport-Security")


@override_settings(MIDDLEWARE=SECURITY, SECURE_CONTENT_TYPE_NOSNIFF=False, SECURE_REFERRER_POLICY=None,
                   SECURE_CROSS_ORIGIN_OPENER_POLICY=None)
def test_security_headers_can_be_switched_off():
    response = Client().get("/page/")
    for header in ("X-Content-Type-Options", "Referrer-Policy", "Cross-Origin-Opener-Policy"):
        assert not response.has_header(header)


@override_settings(MIDDLEWARE=SECURITY, SECURE_REFERRER_POLICY=["no-referrer", "strict-origin"])
def test_referrer_policy_list():
    assert Client().get("/page/")["Referrer-Policy"] == "no-referrer,strict-origin"


@override_settings(MIDDLEWARE=SECURITY, SECURE_HSTS_SECONDS=3600, SECURE_HSTS_INCLUDE_SUBDOMAINS=True,
                   SECURE_HSTS_PRELOAD=True)
def test_hsts_only_on_https():
    client = Client()
    assert client.get("/page/", secure=True)["Strict-Transport-Security"] == \
        "max-age=3600; includeSubDomains; preload"
    assert not client.get("/page/").has_header("Strict-Transport-Security")


@override_settings(MIDDLEWARE=SECURITY, SECURE_SSL_REDIRECT=True, SECURE_REDIRECT_EXEMPT=[r"^short/"])
def test_ssl_redirect():
    client = Client()
    response = client.get("/page/?a=b")
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/page/?a=b"
    assert client.get("/page/", secure=True).status_code == 200
    assert client.get("/short/").status_code == 200


@override_settings(MIDDLEWARE=SECURITY, SECURE_SSL_REDIRECT=True, SECURE_SSL_HOST="secure.example.com")
def test_ssl_redirect_to_another_host():
    assert Client().get("/page/")["Location"] == "https://secure.example.com/page/"


@override_settings(MIDDLEWARE=XFRAME)
def test_x_frame_options_default_deny():
    assert Client().get("/page/")["X-Frame-Options"] == "DENY"


@override_settings(MIDDLEWARE=XFRAME, X_FRAME_OPTIONS="sameorigin")
def test_x_frame_options_from_settings():
    assert Client().get("/page/")["X-Frame-Options"] == "SAMEORIGIN"


@override_settings(MIDDLEWARE=XFRAME)
def test_x_frame_options_view_decorators():
    client = Client()
    assert not client.get("/exempt/").has_header("X-Frame-Options")
    assert client.get("/sameorigin/")["X-Frame-Options"] == "SAMEORIGIN"
    with override_settings(X_FRAME_OPTIONS="SAMEORIGIN"):
        assert client.get("/deny/")["X-Frame-Options"] == "DENY"
    assert client.get("/framed/")["X-Frame-Options"] == "ALLOW-FROM https://example.com"
