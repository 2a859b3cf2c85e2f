"""The example project's endpoints, through the test client and the full middleware stack."""
from __future__ import unicode_literals

import hashlib
import os
import platform
import re
import sys
import threading

import pytest

from pyframework.test import Client
from project_settings_support import project_settings

MYSITE_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
                          "examples", "mysite")


@pytest.fixture(scope="module")
def mysite():
    sys.path.insert(0, MYSITE_DIR)
    try:
        with project_settings("mysite.settings", ALLOWED_HOSTS=["testserver"]) as module:
            yield module
    finally:
        sys.path.remove(MYSITE_DIR)


@pytest.fixture
def client(mysite):
    return Client()


def text(response):
    return response.content.decode("utf-8")


def test_settings_come_from_the_environment(mysite):
    assert mysite.ALLOWED_HOSTS == ["localhost", "127.0.0.1"]
    assert mysite.DEBUG is (os.environ.get("PYFRAMEWORK_DEBUG") == "1")
    assert "pyframework-insecure-" in mysite.SECRET_KEY or os.environ.get("PYFRAMEWORK_SECRET_KEY")
    assert mysite.MIDDLEWARE == [
        "pyframework.middleware.security.SecurityMiddleware",
        "pyframework.contrib.sessions.middleware.SessionMiddleware",
        "pyframework.middleware.locale.LocaleMiddleware",
        "pyframework.middleware.common.CommonMiddleware",
        "pyframework.middleware.csrf.CsrfViewMiddleware",
        "pyframework.contrib.auth.middleware.AuthenticationMiddleware",
        "pyframework.contrib.messages.middleware.MessageMiddleware",
        "pyframework.middleware.clickjacking.XFrameOptionsMiddleware",
    ]
    # No SESSION_ENGINE: the default database sessions serve every instance sharing the database.
    assert not hasattr(mysite, "SESSION_ENGINE")


def test_home_page_uses_template_inheritance_and_static(client):
    response = client.get("/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    body = text(response)
    assert "<h1>pyframework demo</h1>" in body
    assert platform.python_implementation() in body
    assert platform.python_version() in body
    assert '<link rel="stylesheet" href="/static/demo/site.css">' in body  # from base.html
    assert 'href="/hello/world/"' in body and 'href="/api/info/"' in body  # url() links
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_hello_escapes_the_name(client):
    assert "Hello, Ada!" in text(client.get("/hello/Ada/"))
    body = text(client.get("/hello/<script>alert('x')/"))
    assert "Hello, &lt;script&gt;alert(&#39;x&#39;)!" in body
    assert "<script>alert" not in body


def test_echo_form_and_post(client):
    form = text(client.get("/echo/"))
    assert 'method="post"' in form and 'name="message"' in form
    response = client.post("/echo/", "message=%3Cb%3Ehi+there%3C%2Fb%3E+%C3%A9",
                           content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200
    assert "You said: &lt;b&gt;hi there&lt;/b&gt; \u00e9" in text(response)


def test_echo_form_is_protected_against_csrf(mysite):
    browser = Client(enforce_csrf_checks=True)
    form = text(browser.get("/echo/"))
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    assert browser.post("/echo/", {"message": "forged"}).status_code == 403
    response = browser.post("/echo/", {"message": "genuine", "csrfmiddlewaretoken": token})
    assert response.status_code == 200
    assert "You said: genuine" in text(response)


@pytest.mark.parametrize("body", ["", "message=", "message=+++", "other=1"])
def test_echo_rejects_a_blank_message(client, body):
    response = client.post("/echo/", body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400
    assert "must not be blank" in text(response)


def test_upload_reports_name_size_and_digest(client, tmpdir):
    payload = os.urandom(300 * 1024)
    path = tmpdir.join("data.bin")
    path.write_binary(payload)
    with open(str(path), "rb") as handle:
        response = client.post("/upload/", {"file": handle})
    assert response.status_code == 200
    assert response.json() == {"name": "data.bin", "size": len(payload),
                               "sha256": hashlib.sha256(payload).hexdigest()}


def test_upload_form_and_missing_file(client):
    assert 'enctype="multipart/form-data"' in text(client.get("/upload/"))
    response = client.post("/upload/", {"comment": "no file"})
    assert response.status_code == 400
    assert "No file was sent" in response.json()["error"]


def test_old_home_redirects_to_home(client):
    response = client.get("/old-home/")
    assert response.status_code == 302
    assert response["Location"] == "/"


def test_api_info(client):
    info = client.get("/api/info/").json()
    assert info["implementation"] == platform.python_implementation()
    assert info["version"] == platform.python_version()
    assert info["thread"] == threading.current_thread().name


def test_unknown_path_is_404(client):
    assert client.get("/no/such/page/").status_code == 404


def test_rendezvous_alone_times_out_with_504(client):
    response = client.get("/rendezvous/lonely/?timeout=0")
    assert response.status_code == 504
    assert response.json() == {"met": False}


@pytest.mark.parametrize("timeout", ["soon", "-1", "1000"])
def test_rendezvous_rejects_a_bad_timeout(client, timeout):
    assert client.get("/rendezvous/k/?timeout=%s" % timeout).status_code == 400


def test_two_rendezvous_requests_meet_in_threads(mysite):
    results = {}

    def visit(name):
        # One client per thread: clients keep per-instance state (cookies).
        response = Client().get("/rendezvous/pair/?timeout=30")
        results[name] = (response.status_code, response.json())

    threads = [threading.Thread(target=visit, args=(name,)) for name in ("first", "second")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert results == {"first": (200, {"met": True}), "second": (200, {"met": True})}
