"""The ``cache`` and ``cached_db`` session engines over pyframework.core.cache."""
from __future__ import unicode_literals

import pytest

from pyframework.apps import apps
from pyframework.contrib.sessions.backends.cache import SessionStore as CacheSession
from pyframework.contrib.sessions.backends.cached_db import SessionStore as CachedDBSession
from pyframework.core.cache import caches
from pyframework.core.management import call_command
from pyframework.test import override_settings

LOCMEM = "pyframework.core.cache.backends.locmem.LocMemCache"
DB_CACHE = "pyframework.core.cache.backends.db.DatabaseCache"


def shared_caches(location):
    return {"default": {"BACKEND": LOCMEM, "LOCATION": "sessions-default"},
            "sessions": {"BACKEND": LOCMEM, "LOCATION": location}}


@pytest.fixture
def session_cache():
    with override_settings(CACHES=shared_caches("sessions"), SESSION_CACHE_ALIAS="sessions"):
        caches["sessions"].clear()
        yield caches["sessions"]
        caches["sessions"].clear()


def test_cache_engine_stores_in_the_configured_cache(session_cache):
    session = CacheSession()
    session["user"] = "ada"
    session.save()
    key = session.session_key
    assert session_cache.has_key("pyframework.contrib.sessions.cache" + key)
    assert not caches["default"].has_key("pyframework.contrib.sessions.cache" + key)
    assert CacheSession(key)["user"] == "ada"
    assert CacheSession(key).exists(key)
    CacheSession(key).delete()
    assert CacheSession(key).get("user") is None


def test_cache_engine_refuses_foreign_keys(session_cache):
    assert CacheSession("UPPER-case key!").session_key is None
    assert CacheSession("unknownbutvalid1234").load() == {}


def test_cache_engine_over_the_database_cache_is_shared(db):
    config = {"default": {"BACKEND": DB_CACHE, "LOCATION": "session_cache"}}
    with override_settings(CACHES=config):
        call_command("createcachetable")
        session = CacheSession()
        session["n"] = 1
        session.save()
        caches.reset()  # another process: new backend objects, same table
        assert CacheSession(session.session_key)["n"] == 1


@pytest.fixture
def cached_db(db, session_cache):
    saved = apps.get_app_configs()
    with override_settings(INSTALLED_APPS=["pyframework.contrib.sessions"]):
        apps.clear()
        apps.populate(["pyframework.contrib.sessions"])
        try:
            call_command("migrate", "sessions", verbosity=0)
            yield session_cache
        finally:
            apps.clear()
            apps.populate(saved)


def test_cached_db_reads_from_the_cache_and_survives_its_loss(cached_db):
    session = CachedDBSession()
    session["user"] = "ada"
    session.save()
    key = session.session_key
    cache_key = "pyframework.contrib.sessions.cached_db" + key
    assert cached_db.has_key(cache_key)
    assert CachedDBSession(key)["user"] == "ada"
    # The cache is cleared (restart, eviction): the database still has the session, and the
    # next read puts it back into the cache.
    cached_db.clear()
    assert CachedDBSession(key)["user"] == "ada"
    assert cached_db.has_key(cache_key)


def test_cached_db_refuses_an_altered_cache_entry(cached_db):
    session = CachedDBSession()
    session["role"] = "user"
    session.save()
    key = session.session_key
    cached_db.set("pyframework.contrib.sessions.cached_db" + key, "forged:data:signature")
    assert CachedDBSession(key)["role"] == "user"  # refused, read from the database


def test_cached_db_delete_and_cycle_key(cached_db):
    session = CachedDBSession()
    session["user"] = "ada"
    session.save()
    old_key = session.session_key
    session.cycle_key()
    session.save()
    assert session.session_key != old_key
    assert CachedDBSession(old_key).get("user") is None
    assert CachedDBSession(session.session_key)["user"] == "ada"
    new_key = session.session_key
    session.flush()
    assert not cached_db.has_key("pyframework.contrib.sessions.cached_db" + new_key)
    assert CachedDBSession(new_key).get("user") is None
