"""ALLOWED_HOSTS is validated on every request by the handler, before any middleware or view runs."""
from __future__ import unicode_literals

import logging

import pytest

from pyframework.test import Client, override_settings

SECURITY_MIDDLEWARE = ["pyframework.middleware.security.SecurityMiddleware"]


@pytest.fixture(autouse=True)
def handler_urlconf():
    with override_settings(ROOT_URLCONF="handler_urls", DEBUG=False, MIDDLEWARE=SECURITY_MIDDLEWARE,
                           ALLOWED_HOSTS=["www.example.com", ".example.org", "10.0.0.5"]):
        yield


@pytest.fixture
def client():
    return Client(raise_request_exception=False)


@pytest.mark.parametrize("host", ["evil.com", "", "example.com", "www.example.com.evil.com", "exa\xffmple.com",
                                  "bad name", "10.0.0.6", "localhost", "[::1]"])
def test_disallowed_host_is_400_for_a_view_that_never_asks(client, host, caplog):
    with caplog.at_level(logging.ERROR, logger="pyframework.security.DisallowedHost"):
        response = client.get("/ok/", HTTP_HOST=host)
    assert response.status_code == 400
    assert b"ok: GET" not in response.content
    assert any("Invalid HTTP_HOST header" in record.getMessage() for record in caplog.records)


@pytest.mark.parametrize("host", ["www.example.com", "WWW.EXAMPLE.COM:8443", "example.org", "a.b.example.org",
                                  "10.0.0.5:80", "www.example.com."])
def test_allowed_hosts_patterns(client, host):
    response = client.get("/ok/", HTTP_HOST=host)
    assert (response.status_code, response.content) == (200, b"ok: GET")


def test_without_host_header_server_name_is_checked(client):
    with override_settings(ALLOWED_HOSTS=["internal.example.net"]):
        assert client.get("/ok/", SERVER_NAME="internal.example.net").status_code == 200
    with override_settings(ALLOWED_HOSTS=["other.example.com"]):
        assert client.get("/ok/", SERVER_NAME="internal.example.net").status_code == 400


def test_star_allows_any_valid_host_but_not_garbage(client):
    with override_settings(ALLOWED_HOSTS=["*"]):
        assert client.get("/ok/", HTTP_HOST="anything.example.net").status_code == 200
        assert client.get("/ok/", HTTP_HOST="").status_code == 400


def test_debug_and_empty_allowed_hosts_allow_local_names_only(client):
    with override_settings(DEBUG=True, ALLOWED_HOSTS=[]):
        for host in ("localhost", "app.localhost", "127.0.0.1:8000", "[::1]:8000"):
            assert (host, client.get("/ok/", HTTP_HOST=host).status_code) == (host, 200)
        response = client.get("/ok/", HTTP_HOST="evil.com")
        assert response.status_code == 400
        assert b"DisallowedHost" in response.content and b"to ALLOWED_HOSTS" in response.content
    with override_settings(DEBUG=False, ALLOWED_HOSTS=[]):
        assert client.get("/ok/", HTTP_HOST="localhost").status_code == 400


def test_the_check_runs_before_the_middleware(client):
    """A disallowed host never reaches a middleware (sessions, auth...) or the view."""
    with override_settings(MIDDLEWARE=["core_host_probe_middleware.Recorder"]):
        import core_host_probe_middleware

        del core_host_probe_middleware.SEEN[:]
        assert client.get("/ok/", HTTP_HOST="evil.com").status_code == 400
        assert client.get("/ok/", HTTP_HOST="www.example.com").status_code == 200
        assert core_host_probe_middleware.SEEN == ["www.example.com"]


def test_the_test_client_host_is_allowed_for_test_client_requests_only(client):
    """As Django's test environment adds "testserver" to ALLOWED_HOSTS, for the test client only."""
    with override_settings(ALLOWED_HOSTS=["www.example.com"]):
        assert client.get("/ok/").status_code == 200  # SERVER_NAME testserver, no Host header
        assert client.get("/ok/", HTTP_HOST="testserver").status_code == 200
        assert client.get("/ok/", HTTP_HOST="evil.com").status_code == 400
    from pyframework.core.handlers.wsgi import WSGIHandler

    environ = {"REQUEST_METHOD": "GET", "PATH_INFO": "/ok/", "SERVER_NAME": "testserver", "SERVER_PORT": "80",
               "HTTP_HOST": "testserver", "wsgi.input": __import__("io").BytesIO(b""), "wsgi.url_scheme": "http"}
    statuses = []
    with override_settings(ALLOWED_HOSTS=["www.example.com"]):
        WSGIHandler()(dict((str(k), v) for k, v in environ.items()), lambda status, headers: statuses.append(status))
    assert statuses[0].startswith("400")
