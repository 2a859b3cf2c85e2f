"""The database session backend (the default SESSION_ENGINE), on every test database."""
from __future__ import unicode_literals

import datetime
import io
import sys

import pytest

from pyframework.apps import apps
from pyframework.contrib.sessions.backends.base import UpdateError
from pyframework.contrib.sessions.backends.db import SessionStore
from pyframework.core.handlers.wsgi import WSGIHandler
from pyframework.core.management import call_command
from pyframework.test import Client, override_settings
from pyframework.utils import timezone

DB_ENGINE = "pyframework.contrib.sessions.backends.db"
SESSION_MIDDLEWARE = ["pyframework.contrib.sessions.middleware.SessionMiddleware"]


@pytest.fixture
def sessions_app():
    """``pyframework.contrib.sessions`` installed for the test (the suite's settings install no app)."""
    saved = apps.get_app_configs()
    with override_settings(INSTALLED_APPS=["pyframework.contrib.sessions"], ROOT_URLCONF="sessions_db_urls",
                           MIDDLEWARE=SESSION_MIDDLEWARE, SESSION_ENGINE=DB_ENGINE):
        apps.clear()
        apps.populate(["pyframework.contrib.sessions"])
        try:
            yield apps.get_app_config("sessions")
        finally:
            apps.clear()
            apps.populate(saved)


@pytest.fixture
def session_table(db, sessions_app):
    """The table made by the committed migration, so the migration is tested on every database too."""
    call_command("migrate", "sessions", verbosity=0)
    from pyframework.contrib.sessions.models import Session

    return Session


def session_cookie(client):
    morsel = client.cookies.get("sessionid")
    return morsel.value if morsel is not None else None


def test_database_is_the_default_engine():
    from pyframework.conf import global_settings

    assert global_settings.SESSION_ENGINE == DB_ENGINE


def test_data_persists_in_a_row(session_table):
    store = SessionStore()
    store["colour"] = "gr\u00fcn"
    store.save()
    assert len(store.session_key) == 32
    row = session_table.objects.get(session_key=store.session_key)
    assert "gr\u00fcn" not in row.session_data  # stored signed and compressed, not in the clear
    assert row.expire_date > timezone.now() + datetime.timedelta(days=13)

    assert SessionStore(store.session_key)["colour"] == "gr\u00fcn"
    assert SessionStore(store.session_key).exists(store.session_key)


def test_the_model_decodes_rows_and_its_manager_saves_them(session_table):
    from pyframework.contrib.sessions.base_session import AbstractBaseSession

    assert issubclass(session_table, AbstractBaseSession) and AbstractBaseSession._meta.abstract
    assert session_table.get_session_store_class() is SessionStore
    expires = timezone.now() + datetime.timedelta(days=1)
    row = session_table.objects.save("k" * 32, {"cart": [1, 2]}, expires)
    assert session_table.objects.get(pk=row.pk).get_decoded() == {"cart": [1, 2]}
    assert SessionStore("k" * 32)["cart"] == [1, 2]
    session_table.objects.save("k" * 32, {}, expires)  # an empty session is deleted
    assert not session_table.objects.filter(pk="k" * 32).exists()
    assert str(row) == "k" * 32


def test_update_keeps_the_key(session_table):
    store = SessionStore()
    store["n"] = 1
    store.save()
    again = SessionStore(store.session_key)
    again["n"] = 2
    again.save()
    assert again.session_key == store.session_key
    assert SessionStore(store.session_key)["n"] == 2
    assert session_table.objects.count() == 1


def test_unknown_and_malformed_keys_give_an_empty_session(session_table):
    assert SessionStore("a" * 32).get("x") is None
    for bad_key in ("short", "UPPERCASE-and-dashes-123", "x" * 41, "' OR 1=1 --aaaaaaa"):
        store = SessionStore(bad_key)
        assert store.session_key is None
        assert store.load() == {}


def test_tampered_row_is_refused(session_table):
    store = SessionStore()
    store["is_admin"] = False
    store.save()
    forged = SessionStore().encode({"is_admin": True}).replace(":", ";", 1)
    session_table.objects.filter(session_key=store.session_key).update(session_data=forged)
    assert SessionStore(store.session_key).get("is_admin") is None


def test_expired_sessions_are_not_loaded_and_clearsessions_deletes_them(session_table):
    old = SessionStore()
    old["x"] = 1
    old.save()
    fresh = SessionStore()
    fresh["x"] = 2
    fresh.save()
    session_table.objects.filter(session_key=old.session_key).update(
        expire_date=timezone.now() - datetime.timedelta(seconds=1))

    assert SessionStore(old.session_key).get("x") is None
    call_command("clearsessions")
    assert list(session_table.objects.values_list("session_key", flat=True)) == [fresh.session_key]
    assert SessionStore(fresh.session_key)["x"] == 2


def test_set_expiry_sets_the_expire_date(session_table):
    store = SessionStore()
    store.set_expiry(60)
    store.save()
    expire_date = session_table.objects.get(session_key=store.session_key).expire_date
    assert timezone.now() < expire_date <= timezone.now() + datetime.timedelta(seconds=61)


def test_cycle_key_moves_the_data_and_deletes_the_old_row(session_table):
    store = SessionStore()
    store["cart"] = [1, 2]
    store.save()
    old_key = store.session_key
    store.cycle_key()
    store.save()
    assert store.session_key != old_key
    assert not session_table.objects.filter(session_key=old_key).exists()
    assert SessionStore(store.session_key)["cart"] == [1, 2]


def test_flush_deletes_the_row(session_table):
    store = SessionStore()
    store["x"] = 1
    store.save()
    key = store.session_key
    store.flush()
    assert store.session_key is None
    assert not session_table.objects.filter(session_key=key).exists()


def test_saving_a_session_deleted_meanwhile_is_an_update_error(session_table):
    store = SessionStore()
    store["x"] = 1
    store.save()
    SessionStore().delete(store.session_key)
    store["x"] = 2
    with pytest.raises(UpdateError):
        store.save()


def test_session_fixation_key_changes_at_login(session_table):
    client = Client()
    client.get("/remember/", {"key": "before", "value": "1"})
    planted = session_cookie(client)
    new_key = client.get("/login/").content.decode("ascii")
    assert new_key != planted
    assert session_cookie(client) == new_key
    assert not session_table.objects.filter(session_key=planted).exists()
    assert client.get("/recall/", {"key": "before"}).content == b"1"


def test_tampered_cookie_gets_a_fresh_session(session_table):
    client = Client()
    client.get("/remember/", {"key": "k", "value": "v"})
    key = session_cookie(client)
    client.cookies[str("sessionid")] = str(key[:-1] + ("1" if key.endswith("0") else "0"))
    assert client.get("/recall/", {"key": "k"}).content == b"<missing>"


def call_wsgi(handler, path, cookie=None):
    """One request straight into a WSGI application; returns (status, headers, body)."""
    environ = {
        "REQUEST_METHOD": "GET", "PATH_INFO": path.split("?")[0], "QUERY_STRING": path.partition("?")[2],
        "SERVER_NAME": "testserver", "SERVER_PORT": "80", "HTTP_HOST": "testserver",
        "wsgi.url_scheme": "http", "wsgi.input": io.BytesIO(b""), "wsgi.errors": sys.stderr,
    }
    if cookie:
        environ["HTTP_COOKIE"] = str("sessionid=%s" % cookie)
    started = {}

    def start_response(status, headers, exc_info=None):
        started["status"], started["headers"] = status, headers

    body = b"".join(handler(environ, start_response))
    return started["status"], started["headers"], body


def test_two_application_instances_share_sessions_through_the_database(session_table):
    # Like two WAR instances behind a load balancer: nothing shared but the database.
    first, second = WSGIHandler(), WSGIHandler()
    status, headers, body = call_wsgi(first, "/remember/?key=who&value=alice")
    assert status.startswith("200")
    cookie = [value for name, value in headers if name.lower() == "set-cookie"][0]
    key = cookie.split(";")[0].split("=", 1)[1]

    assert call_wsgi(second, "/recall/?key=who", key)[2] == b"alice"
    call_wsgi(second, "/logout/", key)
    assert call_wsgi(first, "/recall/?key=who", key)[2] == b"<missing>"


def test_clearsessions_with_other_engines(sessions_app):
    with override_settings(SESSION_ENGINE="pyframework.contrib.sessions.backends.signed_cookies"):
        call_command("clearsessions")  # nothing stored: nothing to do, no error
    with override_settings(SESSION_ENGINE="no.such.engine"):
        with pytest.raises(Exception) as excinfo:
            call_command("clearsessions")
    assert "SESSION_ENGINE" in str(excinfo.value)
