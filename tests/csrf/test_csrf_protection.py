"""CsrfViewMiddleware: tokens, masking, Origin/Referer checks, exemptions and the failure page."""
from __future__ import unicode_literals

import os
import re

import pytest

from pyframework.core.exceptions import ImproperlyConfigured
from pyframework.middleware import csrf
from pyframework.test import Client, override_settings

HERE = os.path.dirname(os.path.abspath(__file__))
CSRF_MIDDLEWARE = "pyframework.middleware.csrf.CsrfViewMiddleware"
SESSION_MIDDLEWARE = "pyframework.contrib.sessions.middleware.SessionMiddleware"
TEMPLATES = [{"BACKEND": "pyframework.template.backends.jinja2.Jinja2",
              "DIRS": [os.path.join(HERE, "csrf_templates")]}]


@pytest.fixture(autouse=True)
def csrf_site():
    with override_settings(ROOT_URLCONF="csrf_views_urls", MIDDLEWARE=[CSRF_MIDDLEWARE], TEMPLATES=TEMPLATES,
                           DEBUG=False):
        yield


def browser():
    return Client(enforce_csrf_checks=True)


def form_token(response):
    """The token of the page's hidden input."""
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.content.decode("utf-8"))
    assert match, response.content
    return match.group(1)


def test_form_page_has_a_masked_token_and_the_cookie():
    client = browser()
    page = client.get("/form/")
    token = form_token(page)
    secret = client.cookies["csrftoken"].value
    assert len(secret) == csrf.CSRF_SECRET_LENGTH
    assert len(token) == csrf.CSRF_TOKEN_LENGTH
    assert secret not in token
    assert csrf._unmask_token(token) == secret
    # csrf_token and csrf_input show the same token within one page.
    assert 'var token = "%s"' % token in page.content.decode("utf-8")
    assert page["Vary"] == "Cookie"


def test_post_with_the_form_token_passes():
    client = browser()
    token = form_token(client.get("/form/"))
    response = client.post("/submit/", {"csrfmiddlewaretoken": token, "text": "hi"})
    assert response.status_code == 200
    assert response.content == b"accepted hi"


def test_post_with_the_header_token_passes():
    client = browser()
    token = form_token(client.get("/form/"))
    response = client.post("/submit/", {"text": "ajax"}, headers={"X-CSRFToken": token})
    assert response.content == b"accepted ajax"
    # The bare secret, as JavaScript reads it from the cookie, is accepted too.
    secret = client.cookies["csrftoken"].value
    assert client.post("/submit/", {}, headers={"X-CSRFToken": secret}).status_code == 200


def test_custom_header_name():
    client = browser()
    token = form_token(client.get("/form/"))
    with override_settings(CSRF_HEADER_NAME="HTTP_X_XSRF_TOKEN"):
        assert client.post("/submit/", {}, headers={"X-XSRF-Token": token}).status_code == 200
        assert client.post("/submit/", {}, headers={"X-CSRFToken": token}).status_code == 403


def test_masked_tokens_differ_per_response_but_all_validate():
    client = browser()
    first = form_token(client.get("/form/"))
    second = form_token(client.get("/form/"))
    assert first != second
    for token in (first, second):
        assert client.post("/submit/", {"csrfmiddlewaretoken": token}).status_code == 200


def test_post_without_cookie_is_403_with_the_reason_in_debug():
    with override_settings(DEBUG=True):
        response = browser().post("/submit/", {"text": "x"})
    assert response.status_code == 403
    body = response.content.decode("utf-8")
    assert "CSRF verification failed" in body
    assert "CSRF cookie not set." in body
    assert "csrf_input" in body  # the help explains the fix


def test_failure_page_is_short_without_debug():
    response = browser().post("/submit/", {"text": "x"})
    assert response.status_code == 403
    body = response.content.decode("utf-8")
    assert "CSRF verification failed" in body
    assert "csrf_input" not in body
    assert "CSRF_TRUSTED_ORIGINS" not in body


@pytest.mark.parametrize("sent, reason", [
    ({}, "CSRF token missing."),
    ({"csrfmiddlewaretoken": "a" * 64}, "CSRF token incorrect."),
    ({"csrfmiddlewaretoken": "short"}, "has incorrect length"),
    ({"csrfmiddlewaretoken": "!" * 64}, "has invalid characters"),
])
def test_bad_or_missing_token_is_403(sent, reason):
    client = browser()
    client.get("/form/")
    with override_settings(DEBUG=True):
        response = client.post("/submit/", sent)
    assert response.status_code == 403
    assert reason in response.content.decode("utf-8")


def test_token_of_another_visitor_is_refused():
    victim, attacker = browser(), browser()
    attacker_token = form_token(attacker.get("/form/"))
    victim.get("/form/")
    assert victim.post("/submit/", {"csrfmiddlewaretoken": attacker_token}).status_code == 403


def test_safe_methods_are_not_checked():
    client = browser()
    assert client.get("/submit/").status_code == 200
    assert client.head("/submit/").status_code == 200
    assert client.options("/submit/").status_code == 200
    assert client.put("/submit/").status_code == 403
    assert client.delete("/submit/").status_code == 403


def test_csrf_exempt_view_accepts_posts_without_token():
    response = browser().post("/webhook/", {"event": "push"})
    assert response.status_code == 200
    assert response.content == b"hook accepted"


def test_test_client_skips_checks_unless_enforced():
    assert Client().post("/submit/", {"text": "free"}).content == b"accepted free"
    assert Client(enforce_csrf_checks=True).post("/submit/", {"text": "free"}).status_code == 403


# -- HTTPS: Origin and Referer -------------------------------------------------

def secure_client_with_token():
    client = browser()
    token = form_token(client.get("/form/", secure=True))
    return client, token


def test_https_post_needs_a_referer_when_no_origin():
    client, token = secure_client_with_token()
    with override_settings(DEBUG=True):
        refused = client.post("/submit/", {"csrfmiddlewaretoken": token}, secure=True)
    assert refused.status_code == 403
    assert "no Referer" in refused.content.decode("utf-8")
    accepted = client.post("/submit/", {"csrfmiddlewaretoken": token}, secure=True,
                           headers={"Referer": "https://testserver/form/"})
    assert accepted.status_code == 200


@pytest.mark.parametrize("referer, reason", [
    ("https://evil.example.org/form/", "does not match any trusted origins"),
    ("http://testserver/form/", "Referer is insecure"),
    ("not a url", "Referer is malformed"),
])
def test_https_post_with_a_bad_referer_is_refused(referer, reason):
    client, token = secure_client_with_token()
    with override_settings(DEBUG=True):
        response = client.post("/submit/", {"csrfmiddlewaretoken": token}, secure=True, headers={"Referer": referer})
    assert response.status_code == 403
    assert reason in response.content.decode("utf-8")


def test_trusted_origin_referer_is_accepted():
    client, token = secure_client_with_token()
    with override_settings(CSRF_TRUSTED_ORIGINS=["https://*.example.com"]):
        response = client.post("/submit/", {"csrfmiddlewaretoken": token}, secure=True,
                               headers={"Referer": "https://shop.example.com/basket/"})
    assert response.status_code == 200


@pytest.mark.parametrize("origin, trusted, status", [
    ("https://testserver", [], 200),
    ("https://evil.example.org", [], 403),
    ("http://testserver", [], 403),
    ("null", [], 403),
    ("https://shop.example.com", ["https://*.example.com"], 200),
    ("https://partner.example.net", ["https://partner.example.net"], 200),
    ("http://shop.example.com", ["https://*.example.com"], 403),
])
def test_origin_header_checks(origin, trusted, status):
    client, token = secure_client_with_token()
    with override_settings(CSRF_TRUSTED_ORIGINS=trusted):
        response = client.post("/submit/", {"csrfmiddlewaretoken": token}, secure=True,
                               headers={"Origin": origin})
    assert response.status_code == status


def test_origin_is_checked_over_plain_http_too():
    client = browser()
    token = form_token(client.get("/form/"))
    assert client.post("/submit/", {"csrfmiddlewaretoken": token},
                       headers={"Origin": "http://testserver"}).status_code == 200
    assert client.post("/submit/", {"csrfmiddlewaretoken": token},
                       headers={"Origin": "http://evil.example.org"}).status_code == 403


def test_reason_with_markup_is_escaped_on_the_debug_page():
    client, token = secure_client_with_token()
    with override_settings(DEBUG=True):
        response = client.post("/submit/", {"csrfmiddlewaretoken": token}, secure=True,
                               headers={"Origin": "https://<script>alert(1)</script>"})
    body = response.content.decode("utf-8")
    assert "<script>alert(1)" not in body
    assert "&lt;script&gt;" in body


def test_untrusted_origin_entry_without_scheme_fails_clearly():
    with override_settings(CSRF_TRUSTED_ORIGINS=["example.com"]):
        with pytest.raises(ImproperlyConfigured) as excinfo:
            browser().get("/form/")
    assert "CSRF_TRUSTED_ORIGINS" in str(excinfo.value)


# -- settings ------------------------------------------------------------------

def test_cookie_settings():
    with override_settings(CSRF_COOKIE_NAME="xsrf", CSRF_COOKIE_SECURE=True, CSRF_COOKIE_HTTPONLY=True,
                           CSRF_COOKIE_SAMESITE="Strict", CSRF_COOKIE_PATH="/app", CSRF_COOKIE_AGE=120):
        response = browser().get("/form/")
    morsel = response.cookies["xsrf"]
    assert morsel["secure"] is True
    assert morsel["httponly"] is True
    assert morsel["samesite"] == "Strict"
    assert morsel["path"] == "/app"
    assert morsel["max-age"] == 120


def test_custom_failure_view():
    with override_settings(CSRF_FAILURE_VIEW="csrf_views_urls.custom_failure"):
        response = browser().post("/submit/")
    assert response.status_code == 403
    assert response.content == b"custom failure: CSRF cookie not set."


def test_missing_failure_view_names_the_setting():
    with override_settings(CSRF_FAILURE_VIEW="csrf_views_urls.nothing_here"):
        with pytest.raises(ImproperlyConfigured) as excinfo:
            browser().get("/form/")
    assert "CSRF_FAILURE_VIEW" in str(excinfo.value)


def test_secret_in_the_session():
    with override_settings(CSRF_USE_SESSIONS=True, MIDDLEWARE=[SESSION_MIDDLEWARE, CSRF_MIDDLEWARE]):
        client = browser()
        token = form_token(client.get("/form/"))
        assert "csrftoken" not in client.cookies
        assert "sessionid" in client.cookies
        assert client.post("/submit/", {"csrfmiddlewaretoken": token}).status_code == 200
        assert browser().post("/submit/", {"csrfmiddlewaretoken": token}).status_code == 403


def test_secret_in_the_session_needs_session_middleware():
    with override_settings(CSRF_USE_SESSIONS=True):
        with pytest.raises(ImproperlyConfigured) as excinfo:
            browser().get("/form/")
    assert "SessionMiddleware" in str(excinfo.value)


def test_rotate_token_changes_the_secret():
    client = browser()
    token = form_token(client.get("/form/"))
    old_secret = client.cookies["csrftoken"].value
    client.get("/rotate/")
    assert client.cookies["csrftoken"].value != old_secret
    assert client.post("/submit/", {"csrfmiddlewaretoken": token}).status_code == 403


def test_masked_token_in_the_cookie_is_replaced_by_its_secret():
    client = browser()
    secret = "A" * csrf.CSRF_SECRET_LENGTH
    # Python 2 cookies want native strings, hence str().
    client.cookies[str("csrftoken")] = str(csrf._mask_secret(secret))
    response = client.get("/submit/")
    assert response.cookies["csrftoken"].value == secret


# -- decorators without the middleware --------------------------------------

def test_decorators_without_the_middleware():
    with override_settings(MIDDLEWARE=[]):
        client = browser()
        assert client.post("/protected/").status_code == 403
        assert client.post("/submit/").status_code == 200  # unprotected without the middleware
        ensured = client.get("/ensured/")
        assert "csrftoken" in ensured.cookies
        token = client.get("/token/").content.decode("ascii")
        assert csrf._unmask_token(token) == client.cookies["csrftoken"].value
        assert client.post("/protected/", {"csrfmiddlewaretoken": token}).content == b"protected accepted"
        # requires_csrf_token provides a token but never refuses.
        assert browser().post("/token/").status_code == 200
