"""DatabaseCache and ``createcachetable`` on every test database."""
from __future__ import unicode_literals

import io
import warnings

import pytest

from pyframework.core.cache import CacheKeyWarning, caches
from pyframework.core.cache.backends import base as cache_base
from pyframework.core.management import call_command
from pyframework.db import connection, transaction
from pyframework.test import override_settings
from fake_clock_support import FakeClock

DB_CACHE = "pyframework.core.cache.backends.db.DatabaseCache"
TABLE = "my cache%table"  # quoted, never pasted: spaces and "%" must work


@pytest.fixture
def db_cache(db, monkeypatch):
    clock = FakeClock()
    monkeypatch.setattr(cache_base, "time", clock)
    import pyframework.core.cache.backends.db as db_backend
    monkeypatch.setattr(db_backend, "time", clock)
    config = {"BACKEND": DB_CACHE, "LOCATION": TABLE, "OPTIONS": {"MAX_ENTRIES": 30}}
    with override_settings(CACHES={"default": config}):
        call_command("createcachetable")
        call_command("createcachetable")  # a second run leaves the table alone
        backend = caches["default"]
        backend.clock = clock
        yield backend
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE %s" % connection.ops.quote_name(TABLE))


def test_round_trip_and_expiry(db_cache):
    clock = db_cache.clock
    assert db_cache.get("k") is None
    db_cache.set("k", {"text": "gr\u00fcn", "n": [1, 2]}, 10)
    assert db_cache.get("k") == {"text": "gr\u00fcn", "n": [1, 2]}
    db_cache.set("k", "replaced", 10)
    assert db_cache.get("k") == "replaced"
    assert db_cache.add("k", "no") is False
    db_cache.set("forever", 1, None)
    db_cache.set("zero", 1, 0)
    assert db_cache.get("zero") is None
    clock.now += 11
    assert db_cache.get("k") is None and not db_cache.has_key("k")
    assert db_cache.add("k", "again") is True and db_cache.get("k") == "again"
    assert db_cache.get("forever") == 1


def test_many_incr_touch_delete_versions(db_cache):
    db_cache.set_many({"a": 1, "b": 2, "c": 3}, 100)
    assert db_cache.get_many(["a", "b", "x"]) == {"a": 1, "b": 2}
    assert db_cache.incr("a", 5) == 6 and db_cache.decr("a") == 5
    with pytest.raises(ValueError):
        db_cache.incr("missing")
    assert db_cache.touch("b", 1000) is True and db_cache.touch("missing") is False
    db_cache.clock.now += 500
    assert db_cache.get_many(["a", "b", "c"]) == {"b": 2}
    assert db_cache.delete("b") is True and db_cache.delete("b") is False
    db_cache.set_many({"x": 1, "y": 2})
    db_cache.delete_many(["x", "y"])
    assert db_cache.get_many(["x", "y"]) == {}
    db_cache.set("v", "one")
    assert db_cache.incr_version("v") == 2 and db_cache.get("v", version=2) == "one"
    db_cache.clear()
    assert db_cache.get("v", version=2) is None


def test_culling_keeps_the_table_bounded(db_cache):
    for number in range(40):
        db_cache.set("key%02d" % number, number)
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM %s" % connection.ops.quote_name(TABLE))
        assert cursor.fetchone()[0] <= 30
    assert db_cache.get("key39") == 39


def test_hostile_keys_are_parameters(db_cache):
    key = "x'); DROP TABLE users; --"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CacheKeyWarning)
        db_cache.set(key, "safe")
        assert db_cache.get(key) == "safe"


def test_add_inside_a_transaction_keeps_it_usable(db_cache):
    with transaction.atomic():
        db_cache.set("k", 1)
        assert db_cache.add("k", 2) is False
        db_cache.set("after", 3)
    assert db_cache.get_many(["k", "after"]) == {"k": 1, "after": 3}


def test_dry_run_prints_sql(db):
    out = io.StringIO()
    call_command("createcachetable", "other_cache", dry_run=True, stdout=out)
    assert "CREATE TABLE" in out.getvalue() and "other_cache" in out.getvalue()
    assert "other_cache" not in [name.lower() for name in connection.introspection.table_names()]
