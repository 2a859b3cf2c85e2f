"""Logging in and out through the test client: session keys, request.user, guarded views."""
from __future__ import unicode_literals

import pytest

from auth_testing import MIDDLEWARE, auth_installed
from pyframework.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from pyframework.contrib.auth.models import Permission, User
from pyframework.contrib.auth.signals import user_logged_in, user_logged_out
from pyframework.test import Client

FLOW_SETTINGS = dict(ROOT_URLCONF="auth_flow_urls", MIDDLEWARE=MIDDLEWARE, LOGIN_URL="/login/")


@pytest.fixture
def site(db):
    with auth_installed(**FLOW_SETTINGS):
        User.objects.create_user("alice", "alice@example.com", "wonderland-42")
        yield


def session_key(client):
    morsel = client.cookies.get("sessionid")
    return morsel.value if morsel is not None else None


def set_session_cookie(client, value):
    # Cookie names and values are native strings (bytes on Jython).
    client.cookies[str("sessionid")] = str(value)


def csrf_token(client):
    return client.get("/login/").content.decode("ascii")


def log_in(client, username="alice", password="wonderland-42"):
    return client.post("/login/", {"username": username, "password": password})


@pytest.mark.usefixtures("site")
def test_login_cycles_the_session_key_and_sets_request_user():
    client = Client()
    client.get("/whoami/")
    set_session_cookie(client, "planted-by-an-attacker0")  # session fixation attempt
    assert client.get("/whoami/").content == b"anonymous"
    response = log_in(client)
    assert response.status_code == 200 and response.content == b"welcome alice"
    key = session_key(client)
    assert key and key != "planted-by-an-attacker0"
    assert client.get("/whoami/").content == b"alice"
    assert User.objects.get(username="alice").last_login is not None


@pytest.mark.usefixtures("site")
def test_login_changes_an_existing_session_key_and_rotates_csrf():
    client = Client()
    client.get("/login/")
    before_session = session_key(client)
    before_csrf = client.cookies["csrftoken"].value
    log_in(client)
    assert session_key(client) != before_session
    assert client.cookies["csrftoken"].value != before_csrf


@pytest.mark.usefixtures("site")
def test_wrong_password_and_unknown_user_are_refused():
    client = Client()
    assert log_in(client, password="nope").status_code == 401
    assert log_in(client, username="mallory").status_code == 401
    assert client.get("/whoami/").content == b"anonymous"


@pytest.mark.usefixtures("site")
def test_logout_flushes_the_session_and_sends_signals():
    events = []

    def on_login(sender, request, user, **kwargs):
        events.append(("in", user.get_username()))

    def on_logout(sender, request, user, **kwargs):
        events.append(("out", user.get_username() if user else None))

    user_logged_in.connect(on_login)
    user_logged_out.connect(on_logout)
    try:
        client = Client()
        log_in(client)
        logged_in_key = session_key(client)
        assert client.get("/logout/").content == b"bye"
        assert session_key(client) != logged_in_key
        assert client.get("/whoami/").content == b"anonymous"
    finally:
        user_logged_in.disconnect(on_login)
        user_logged_out.disconnect(on_logout)
    assert events == [("in", "alice"), ("out", "alice")]


@pytest.mark.usefixtures("site")
def test_session_stores_user_backend_and_password_hash():
    from pyframework.contrib.sessions.backends.cache import SessionStore

    client = Client()
    log_in(client)
    stored = SessionStore(session_key(client)).load()
    alice = User.objects.get(username="alice")
    assert stored[SESSION_KEY] == "%s" % alice.pk
    assert stored[BACKEND_SESSION_KEY] == "pyframework.contrib.auth.backends.ModelBackend"
    assert stored[HASH_SESSION_KEY] == alice.get_session_auth_hash()


@pytest.mark.usefixtures("site")
def test_password_change_logs_out_other_sessions():
    laptop, phone = Client(), Client()
    log_in(laptop)
    log_in(phone)
    assert laptop.post("/password/", {"password": "new-secret-77", "keep": "1"}).content == b"changed"
    assert laptop.get("/whoami/").content == b"alice"   # kept by update_session_auth_hash
    assert phone.get("/whoami/").content == b"anonymous"


@pytest.mark.usefixtures("site")
def test_tampered_session_cookie_is_anonymous():
    client = Client()
    log_in(client)
    key = session_key(client)
    # Change the last character (to one it isn't already).
    set_session_cookie(client, key[:-1] + ("y" if key.endswith("x") else "x"))
    assert client.get("/whoami/").content == b"anonymous"


@pytest.mark.usefixtures("site")
@pytest.mark.parametrize("url,target", [
    ("/private/", "/login/?next=/private/"),
    ("/private/?page=2", "/login/?next=/private/%3Fpage%3D2"),
    ("/private-elsewhere/", "/elsewhere/login/?back=/private-elsewhere/"),
    ("/users/", "/login/?next=/users/"),
    ("/staff/", "/login/?next=/staff/"),
    ("/mixin/private/", "/login/?next=/mixin/private/"),
    ("/mixin/users/", "/login/?next=/mixin/users/"),
    ("/mixin/staff/", "/login/?next=/mixin/staff/"),
])
def test_anonymous_visitors_are_sent_to_the_login_page(url, target):
    response = Client().get(url)
    assert response.status_code == 302
    assert response["Location"] == target


@pytest.mark.usefixtures("site")
def test_logged_in_user_reaches_login_required_pages():
    client = Client()
    log_in(client)
    assert client.get("/private/").content == b"private page of alice"
    assert client.get("/mixin/private/").content == b"mixin private"


@pytest.mark.usefixtures("site")
def test_permissions_guard_views():
    client = Client()
    log_in(client)
    # Lacking the permission: the decorator goes to the login page, raise_exception and mixins give 403.
    assert client.get("/users/").status_code == 302
    assert client.get("/users/purge/").status_code == 403
    assert client.get("/mixin/users/").status_code == 403
    assert client.get("/mixin/staff/").status_code == 403
    alice = User.objects.get(username="alice")
    alice.user_permissions.add(Permission.objects.get(content_type__app_label="auth", codename="view_user"))
    assert client.get("/users/").content == b"users"
    assert client.get("/mixin/users/").content == b"mixin users"
    assert client.get("/mixin/users/strict/").status_code == 200
    assert client.get("/users/purge/").status_code == 403  # needs delete_user too


@pytest.mark.usefixtures("site")
def test_mixin_raise_exception_for_anonymous():
    assert Client().get("/mixin/users/strict/").status_code == 403


@pytest.mark.usefixtures("site")
def test_csrf_is_enforced_on_login():
    client = Client(enforce_csrf_checks=True)
    assert log_in(client).status_code == 403
    token = csrf_token(client)
    response = client.post("/login/", {"username": "alice", "password": "wonderland-42",
                                       "csrfmiddlewaretoken": token})
    assert response.status_code == 200


@pytest.mark.usefixtures("site")
def test_logging_in_as_someone_else_drops_the_previous_session_data():
    from pyframework.contrib.sessions.backends.cache import SessionStore

    User.objects.create_user("bob", password="builder-99")
    client = Client()
    log_in(client)
    first_key = session_key(client)
    log_in(client, "bob", "builder-99")
    assert session_key(client) != first_key
    assert not SessionStore().exists(first_key)
    assert client.get("/whoami/").content == b"bob"


@pytest.mark.usefixtures("db")
def test_login_required_middleware_guards_every_view():
    middleware = MIDDLEWARE + ["pyframework.contrib.auth.middleware.LoginRequiredMiddleware"]
    settings = dict(FLOW_SETTINGS, MIDDLEWARE=middleware)
    with auth_installed(**settings):
        User.objects.create_user("alice", password="wonderland-42")
        client = Client()
        response = client.get("/whoami/")
        assert response.status_code == 302 and response["Location"] == "/login/?next=/whoami/"
        assert client.get("/login/").status_code == 200  # marked login_not_required
        log_in(client)
        assert client.get("/whoami/").content == b"alice"
