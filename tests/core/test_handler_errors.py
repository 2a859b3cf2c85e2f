"""Exceptions raised while handling a request become the right HTTP responses."""
from __future__ import unicode_literals

import logging

import pytest

from pyframework.test import Client, override_settings


@pytest.fixture(autouse=True)
def handler_urlconf():
    with override_settings(ROOT_URLCONF="handler_urls", DEBUG=False):
        yield


@pytest.fixture
def client():
    return Client(raise_request_exception=False)


def debug_get(client, path, **extra):
    with override_settings(DEBUG=True):
        return client.get(path, **extra)


def test_ok_response(client):
    response = client.get("/ok/")
    assert response.status_code == 200
    assert response.content == b"ok: GET"


def test_unknown_url_is_404_without_patterns_when_not_debug(client):
    response = client.get("/nowhere/")
    assert response.status_code == 404
    assert b"Not Found" in response.content
    assert b"only-get/" not in response.content


def test_unknown_url_lists_tried_patterns_in_debug(client):
    response = debug_get(client, "/nowhere/")
    assert (response.status_code, response["Content-Type"]) == (404, "text/html; charset=utf-8")
    for expected in (b"only-get/", b"forbidden/", b"/nowhere/", b"handler_urls"):
        assert expected in response.content


def test_http404_from_view_shows_its_message_in_debug(client):
    response = debug_get(client, "/missing/", HTTP_ACCEPT="text/plain")
    assert (response.status_code, response["Content-Type"]) == (404, "text/plain; charset=utf-8")
    assert b"No widget with that number" in response.content
    assert b"Raised by: handler_urls.not_found" in response.content


def test_http404_from_view_hides_message_when_not_debug(client):
    response = client.get("/missing/")
    assert response.status_code == 404
    assert b"No widget" not in response.content


def test_permission_denied_is_403(client):
    response = client.get("/forbidden/")
    assert response.status_code == 403
    assert b"Forbidden" in response.content


def test_bad_request_is_400(client):
    response = client.get("/bad/")
    assert response.status_code == 400
    assert b"Bad Request" in response.content


def test_suspicious_operation_is_400_and_security_logged(client, caplog):
    with caplog.at_level(logging.ERROR, logger="pyframework.security"):
        response = client.get("/suspicious/")
    assert response.status_code == 400
    records = [r for r in caplog.records if r.name == "pyframework.security.SuspiciousOperation"]
    assert len(records) == 1
    assert "dodgy widget" in records[0].getMessage()


def test_not_allowed_is_405(client):
    response = client.get("/only-get/")
    assert response.status_code == 405
    assert response["Allow"] == "GET"


def test_uncaught_exception_is_plain_500_when_not_debug(client, caplog):
    with caplog.at_level(logging.ERROR, logger="pyframework.request"):
        response = client.get("/crash/")
    assert response.status_code == 500
    assert b"Server Error" in response.content
    assert b"Traceback" not in response.content
    assert b"boom" not in response.content
    logged = [r for r in caplog.records if r.name == "pyframework.request" and r.exc_info]
    assert logged and logged[0].exc_info[0] is ValueError


def test_uncaught_exception_shows_traceback_in_debug(client):
    response = debug_get(client, "/crash/")
    assert response.status_code == 500
    assert response["Content-Type"].startswith("text/html")
    page = response.content.decode("utf-8")
    assert "ValueError" in page
    assert "boom &lt;b&gt;bold&lt;/b&gt;" in page
    assert "<b>bold</b>" not in page
    assert "Traceback" in page
    assert "raise ValueError" in page  # source context of the frame
    assert "api_token" in page
    assert "hunter2-token-value" not in page  # secrets are hidden
    assert "repr() raised RuntimeError" in page
    assert "tests-only-secret-key" not in page  # SECRET_KEY is hidden


def test_debug_500_is_plain_text_for_non_html_clients(client):
    response = debug_get(client, "/crash/", HTTP_ACCEPT="application/json")
    assert response.status_code == 500
    assert response["Content-Type"].startswith("text/plain")
    assert b"ValueError: boom <b>bold</b>" in response.content
    assert b"Traceback (most recent call last):" in response.content


def test_view_exception_is_raised_in_tests_by_default():
    with pytest.raises(ValueError) as info:
        Client().get("/crash/")
    assert "boom" in str(info.value)


def test_view_returning_none_names_the_view():
    with pytest.raises(ValueError) as info:
        Client().get("/none/")
    assert "handler_urls.returns_none" in str(info.value)
    assert "returned None" in str(info.value)


def test_custom_handler404(client):
    with override_settings(ROOT_URLCONF="handler_custom_urls"):
        response = client.get("/gone/")
        unknown = client.get("/unknown/")
    assert response.status_code == 404
    assert response.content == b"custom 404 for /gone/"
    assert unknown.content == b"custom 404 for /unknown/"


def test_failing_handler500_falls_back_to_plain_500(client):
    with override_settings(ROOT_URLCONF="handler_broken500_urls"):
        response = client.get("/crash/")
    assert response.status_code == 500
    assert b"Server Error (500)" in response.content
    assert b"failed" not in response.content


def test_project_error_template_is_used(client, tmpdir):
    tmpdir.join("404.html").write("<p>Lost: {{ request_path }}</p>")
    templates = [{"BACKEND": "pyframework.template.backends.jinja2.Jinja2", "DIRS": [str(tmpdir)],
                  "APP_DIRS": False, "OPTIONS": {}}]
    with override_settings(TEMPLATES=templates):
        response = client.get("/nowhere/")
    assert response.status_code == 404
    assert response.content == b"<p>Lost: /nowhere/</p>"


def test_too_many_fields_is_400(client):
    with override_settings(DATA_UPLOAD_MAX_NUMBER_FIELDS=2):
        response = client.post("/many-fields/", "a=1&b=2&c=3&d=4", content_type="application/x-www-form-urlencoded")
        assert client.post("/many-fields/", "a=1", content_type="application/x-www-form-urlencoded").content == b"1"
    assert response.status_code == 400


def test_disallowed_host_is_400_and_security_logged(client, caplog):
    with caplog.at_level(logging.ERROR, logger="pyframework.security"):
        response = client.get("/host/", HTTP_HOST="evil.invalid")
    assert response.status_code == 400
    assert [r.name for r in caplog.records if r.name.startswith("pyframework.security")] == \
        ["pyframework.security.DisallowedHost"]
    assert client.get("/host/", HTTP_HOST="shop.example.com").content == b"shop.example.com"


def test_suspicious_operation_in_debug_shows_details_with_status_400(client):
    response = debug_get(client, "/suspicious/")
    assert response.status_code == 400
    assert b"dodgy widget" in response.content


def test_unparseable_request_uses_the_built_in_400_page(client):
    # handler400 of this urlconf reads request.path; a request that can't be built has none.
    with override_settings(ROOT_URLCONF="handler_custom400_urls"):
        response = client.get("/caf%FF/")
    assert response.status_code == 400
    assert b"Bad Request" in response.content


def test_debug_page_shows_request_but_hides_secret_values(client):
    with override_settings(DEBUG=True):
        response = client.post("/crash/?page=2", {"username": "ann-user-value", "password": "pw-value-123"},
                               HTTP_AUTHORIZATION="Bearer auth-value-456", HTTP_COOKIE="sessionid=cookie-value-789",
                               HTTP_X_TRACE="trace-value")
    page = response.content.decode("utf-8")
    for shown in ("POST", "/crash/", "page", "username", "password", "HTTP_X_TRACE", "trace-value", "sessionid"):
        assert shown in page
    for hidden in ("ann-user-value", "pw-value-123", "auth-value-456", "cookie-value-789"):
        assert hidden not in page
