"""The file session backend: one signed file per session in SESSION_FILE_PATH."""
from __future__ import unicode_literals

import os
import time

import pytest

from pyframework.contrib.sessions.backends.base import UpdateError
from pyframework.contrib.sessions.backends.file import SessionStore
from pyframework.core.exceptions import ImproperlyConfigured
from pyframework.test import Client, override_settings

FILE = "pyframework.contrib.sessions.backends.file"


@pytest.fixture
def folder(tmpdir):
    with override_settings(SESSION_ENGINE=FILE, SESSION_FILE_PATH=str(tmpdir), ROOT_URLCONF="session_views_urls",
                           MIDDLEWARE=["pyframework.contrib.sessions.middleware.SessionMiddleware"]):
        yield str(tmpdir)


def session_files(folder):
    return sorted(name for name in os.listdir(folder) if name.startswith("sessionid"))


def test_values_live_in_one_signed_file_per_session(folder):
    client = Client()
    assert client.get("/set/", {"key": "colour", "value": "gr\u00fcn"}).status_code == 200
    key = client.cookies["sessionid"].value
    assert session_files(folder) == ["sessionid" + key]
    with open(os.path.join(folder, "sessionid" + key), "rb") as handle:
        assert b"gr" not in handle.read()  # signed and compressed, not in the clear
    assert client.get("/get/", {"key": "colour"}).content == "gr\u00fcn".encode("utf-8")
    store = SessionStore(key)
    assert store["colour"] == "gr\u00fcn" and store.exists(key)
    store.delete()
    assert session_files(folder) == [] and not store.exists(key)


def test_create_update_and_the_keys_it_accepts(folder):
    store = SessionStore()
    store["a"] = 1
    store.save()
    key = store.session_key
    store["a"] = 2
    store.save()
    assert SessionStore(key)["a"] == 2 and session_files(folder) == ["sessionid" + key]
    # Keys it did not make never reach the file system.
    for bad in ("../../etc/passwd", "short", "A" * 32, None):
        assert SessionStore(bad).session_key is None
        assert dict(SessionStore(bad).items()) == {}
    gone = SessionStore(key)
    gone.delete()
    gone._session_cache = {"a": 3}
    with pytest.raises(UpdateError):
        gone.save()


def test_expired_files_are_refused_and_cleared(folder):
    with override_settings(SESSION_COOKIE_AGE=60):
        old, fresh = SessionStore(), SessionStore()
        old["x"] = fresh["x"] = 1
        old.save()
        fresh.save()
        path = os.path.join(folder, "sessionid" + old.session_key)
        os.utime(path, (time.time() - 3600, time.time() - 3600))
        SessionStore.clear_expired()
        assert session_files(folder) == ["sessionid" + fresh.session_key]
        assert dict(SessionStore(old.session_key).items()) == {}


def test_a_missing_folder_names_the_setting(tmpdir):
    with override_settings(SESSION_FILE_PATH=os.path.join(str(tmpdir), "nope")):
        with pytest.raises(ImproperlyConfigured) as info:
            SessionStore()
    assert "SESSION_FILE_PATH" in str(info.value)
