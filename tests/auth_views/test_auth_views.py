"""The auth views through the test client, CSRF enforced, on every test database."""
from __future__ import unicode_literals

import re

import pytest

from auth_views_support import auth_site, csrf_token_from, session_key
from pyframework.contrib.auth import hashers
from pyframework.contrib.auth.models import User
from pyframework.contrib.auth.tokens import default_token_generator
from pyframework.contrib.sessions.models import Session
from pyframework.core import mail
from pyframework.test import Client

PASSWORD = "wonderland-42-teapot"


@pytest.fixture
def alice(db):
    mail.outbox = None
    with auth_site():
        yield User.objects.create_user("alice", "alice@example.com", PASSWORD)
    mail.outbox = None


@pytest.fixture
def client(alice):
    return Client(enforce_csrf_checks=True)


def log_in(client, username="alice", password=PASSWORD, next_url=None, url="/accounts/login/"):
    token = csrf_token_from(client.get(url))
    data = {"username": username, "password": password, "csrfmiddlewaretoken": token}
    if next_url is not None:
        data["next"] = next_url
    return client.post(url, data)


def test_login_page_renders_the_form(client):
    response = client.get("/accounts/login/?next=/private/")
    page = response.content.decode("utf-8")
    assert response.status_code == 200
    assert 'name="username"' in page and 'type="password"' in page
    assert 'name="next" value="/private/"' in page
    assert "no-store" in response["Cache-Control"]


def test_login_without_csrf_token_is_forbidden(client):
    response = client.post("/accounts/login/", {"username": "alice", "password": PASSWORD})
    assert response.status_code == 403
    assert session_key(client) is None


def test_login_redirects_to_login_redirect_url_and_changes_the_session_key(client):
    client.get("/accounts/login/")
    client.cookies[str("sessionid")] = str("plantedbyanattacker0000000000000")
    response = log_in(client)
    assert response.status_code == 302
    assert response["Location"] == "/accounts/profile/"
    key = session_key(client)
    assert key and key != "plantedbyanattacker0000000000000"
    assert Session.objects.filter(session_key=key).exists()
    assert client.get("/private/").content == b"private page of alice"


def test_login_required_page_sends_to_login_and_back(client):
    response = client.get("/private/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/private/"
    assert log_in(client, next_url="/private/")["Location"] == "/private/"


@pytest.mark.parametrize("target", [
    "http://evil.example.org/", "//evil.example.org/path", "https:///evil.example.org", "/\\evil.example.org",
    "javascript:alert(1)", "\\\\evil.example.org",
])
def test_off_site_next_falls_back_to_login_redirect_url(client, target):
    response = log_in(client, next_url=target)
    assert response.status_code == 302
    assert response["Location"] == "/accounts/profile/"


def test_same_site_absolute_next_is_followed(client):
    assert log_in(client, next_url="http://testserver/private/")["Location"] == "http://testserver/private/"


def test_wrong_password_and_unknown_user_get_the_same_error(client):
    wrong = log_in(client, password="not-it")
    unknown = log_in(client, username="nobody")
    assert wrong.status_code == unknown.status_code == 200
    error = re.compile(r"Please enter a correct username and password")
    assert error.search(wrong.content.decode("utf-8")) and error.search(unknown.content.decode("utf-8"))
    assert client.get("/private/").status_code == 302


def test_password_is_hashed_once_for_known_and_unknown_users(client, monkeypatch):
    """The failing paths cost the same work: one PBKDF2 run each, whoever the username names."""
    runs = []
    real_encode = hashers.PBKDF2PasswordHasher.encode

    def counting_encode(self, password, salt, iterations=None):
        runs.append(password)
        return real_encode(self, password, salt, iterations)

    monkeypatch.setattr(hashers.PBKDF2PasswordHasher, "encode", counting_encode)
    for username in ("alice", "nobody"):
        del runs[:]
        log_in(client, username=username, password="wrong-guess")
        assert runs == ["wrong-guess"], username


def test_inactive_user_cannot_log_in(client, alice):
    alice.is_active = False
    alice.save()
    response = log_in(client)
    assert response.status_code == 200
    assert client.get("/private/").status_code == 302


def test_logout_needs_post_and_csrf(client):
    log_in(client)
    assert client.get("/accounts/logout/").status_code == 405
    assert client.post("/accounts/logout/").status_code == 403
    assert client.get("/private/").status_code == 200
    old_key = session_key(client)
    token = csrf_token_from(client.get("/accounts/password_change/"))
    response = client.post("/accounts/logout/", {"csrfmiddlewaretoken": token})
    assert response.status_code == 200
    assert "logged out" in response.content.decode("utf-8")
    assert not Session.objects.filter(session_key=old_key).exists()
    assert client.get("/private/").status_code == 302


def test_logout_redirects_to_a_safe_next_only(client):
    log_in(client)
    token = csrf_token_from(client.get("/accounts/password_change/"))
    response = client.post("/accounts/logout/?next=http://evil.example.org/", {"csrfmiddlewaretoken": token})
    # No LOGOUT_REDIRECT_URL: back to the logout page itself (which then shows "logged out"), not the evil site.
    assert response["Location"] == "/accounts/logout/"
    log_in(client)
    token = csrf_token_from(client.get("/accounts/password_change/"))
    response = client.post("/accounts/logout/", {"csrfmiddlewaretoken": token, "next": "/private/"})
    assert response["Location"] == "/private/"


def test_password_change(client, alice):
    assert client.get("/accounts/password_change/").status_code == 302  # login required
    log_in(client)
    other_browser = Client()
    other_browser.post("/accounts/login/", {"username": "alice", "password": PASSWORD})
    assert other_browser.get("/private/").status_code == 200

    token = csrf_token_from(client.get("/accounts/password_change/"))
    refused = client.post("/accounts/password_change/", {
        "csrfmiddlewaretoken": token, "old_password": "wrong", "new_password1": "brand-new-secret-9",
        "new_password2": "brand-new-secret-9"})
    assert "incorrectly" in refused.content.decode("utf-8")
    response = client.post("/accounts/password_change/", {
        "csrfmiddlewaretoken": token, "old_password": PASSWORD, "new_password1": "brand-new-secret-9",
        "new_password2": "brand-new-secret-9"})
    assert response["Location"] == "/accounts/password_change/done/"
    assert client.get("/accounts/password_change/done/").status_code == 200  # still logged in here
    assert other_browser.get("/private/").status_code == 302  # the other session is logged out
    assert User.objects.get(pk=alice.pk).check_password("brand-new-secret-9")


def test_password_change_mismatch(client):
    log_in(client)
    token = csrf_token_from(client.get("/accounts/password_change/"))
    response = client.post("/accounts/password_change/", {
        "csrfmiddlewaretoken": token, "old_password": PASSWORD, "new_password1": "brand-new-secret-9",
        "new_password2": "brand-new-secret-8"})
    assert response.status_code == 200
    assert "do not match" in response.content.decode("utf-8")


def request_reset(client, address):
    token = csrf_token_from(client.get("/accounts/password_reset/"))
    return client.post("/accounts/password_reset/", {"email": address, "csrfmiddlewaretoken": token})


def reset_link(message):
    match = re.search(r"http://testserver(/accounts/reset/[^/\s]+/[^/\s]+/)", message.body)
    assert match, message.body
    return match.group(1)


def test_password_reset_email_link_new_password_login(client, alice):
    response = request_reset(client, "ALICE@example.com")
    assert response["Location"] == "/accounts/password_reset/done/"
    [message] = mail.outbox
    assert message.to == ["alice@example.com"]
    assert message.from_email == "site@example.com"
    assert "testserver" in message.subject and "\n" not in message.subject
    link = reset_link(message)

    landing = client.get(link)
    assert landing.status_code == 302  # the token moves into the session, out of the URL
    form_url = landing["Location"]
    assert form_url.endswith("/set-password/")
    page = client.get(form_url)
    assert "new_password1" in page.content.decode("utf-8")
    done = client.post(form_url, {"csrfmiddlewaretoken": csrf_token_from(page),
                                  "new_password1": "fresh-start-777", "new_password2": "fresh-start-777"})
    assert done["Location"] == "/accounts/reset/done/"
    assert client.get("/accounts/reset/done/").status_code == 200

    # The link is used up: the password hash it was made from has changed.
    reused = Client().get(link)
    assert reused.status_code == 200 and "invalid" in reused.content.decode("utf-8")
    assert log_in(Client(enforce_csrf_checks=True), password=PASSWORD).status_code == 200
    assert log_in(Client(enforce_csrf_checks=True), password="fresh-start-777")["Location"] == "/accounts/profile/"


def test_password_reset_for_unknown_address_says_the_same_and_sends_nothing(client):
    response = request_reset(client, "nobody@example.com")
    assert response["Location"] == "/accounts/password_reset/done/"
    assert not mail.outbox


def test_password_reset_skips_unusable_passwords_and_inactive_users(client, alice):
    User.objects.create_user("bob", "bob@example.com")  # no password: unusable
    User.objects.create_user("carol", "carol@example.com", PASSWORD, is_active=False)
    request_reset(client, "bob@example.com")
    request_reset(client, "carol@example.com")
    assert not mail.outbox


@pytest.mark.parametrize("uid,token", [("MQ", "bad-token"), ("!!", "x-y"), ("OTk5OTk", "abc-def"), ("YWJj", "1-2")])
def test_bad_reset_links_show_the_invalid_page(client, uid, token):
    response = client.get("/accounts/reset/%s/%s/" % (uid, token))
    assert response.status_code == 200
    assert "invalid" in response.content.decode("utf-8")


def test_set_password_page_without_a_session_token_is_invalid(client, alice):
    from pyframework.utils.encoding import force_bytes
    from pyframework.utils.http import urlsafe_base64_encode

    uid = urlsafe_base64_encode(force_bytes(alice.pk))
    response = client.get("/accounts/reset/%s/set-password/" % uid)
    assert "invalid" in response.content.decode("utf-8")
    assert default_token_generator.check_token(alice, default_token_generator.make_token(alice))


def test_xss_in_login_fields_is_escaped(client):
    payload = '"><script>alert(1)</script>'
    response = log_in(client, username=payload, next_url=payload)
    page = response.content.decode("utf-8")
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;" in page or "&#34;&gt;&lt;script" in page
