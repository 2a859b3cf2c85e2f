"""The Redis cache backend on a real redis-server: expiry on real time, counters, replicas,
entries shared between CPython and Jython, misconfiguration, and a server that goes away and
comes back (the cache API tests common to every backend are in test_cache_api)."""
from __future__ import unicode_literals

import logging
import time

import pytest

import cache_views_urls
from pyframework.core.cache import caches
from pyframework.core.cache.backends import redis as redis_backend
from pyframework.core.cache.backends.redis_client import RedisConnection
from pyframework.core.exceptions import ImproperlyConfigured
from pyframework.test import Client, override_settings
from redis_support import REDIS_BACKEND, PrivateRedis, redis_url

#: The same value pickled (protocol 2) by CPython 3 and by Jython 2.7: dict order differs.
VALUE = {"text": "gr\u00fcn", "list": [1, 2.5, None, True], "big": 2 ** 70, "bytes": "\x00\xff"}
WRITTEN_BY = {
    "cpython": (b"\x80\x02}q\x00(X\x04\x00\x00\x00textq\x01X\x05\x00\x00\x00gr\xc3\xbcnq\x02X\x04\x00\x00\x00listq"
                b"\x03]q\x04(K\x01G@\x04\x00\x00\x00\x00\x00\x00N\x88eX\x03\x00\x00\x00bigq\x05\x8a\t\x00\x00\x00"
                b"\x00\x00\x00\x00\x00@X\x05\x00\x00\x00bytesq\x06X\x03\x00\x00\x00\x00\xc3\xbfq\x07u."),
    "jython": (b"\x80\x02}q\x00(X\x03\x00\x00\x00bigq\x01\x8a\t\x00\x00\x00\x00\x00\x00\x00\x00@X\x04\x00\x00\x00"
               b"listq\x02]q\x03(K\x01G@\x04\x00\x00\x00\x00\x00\x00N\x88eX\x05\x00\x00\x00bytesq\x04X\x03\x00\x00"
               b"\x00\x00\xc3\xbfq\x05X\x04\x00\x00\x00textq\x06X\x05\x00\x00\x00gr\xc3\xbcnq\x07u."),
}


def redis_config(location, **extra):
    return dict({"BACKEND": REDIS_BACKEND, "LOCATION": location}, **extra)


@pytest.fixture
def redis_cache():
    with override_settings(CACHES={"default": redis_config(redis_url())}):
        cache = caches["default"]
        cache.clear()
        yield cache
        cache.clear()


@pytest.fixture
def raw():
    """A connection to the shared server's database 0, below the cache API."""
    return RedisConnection(redis_url(), {})


def test_expiry_on_real_time(redis_cache):
    redis_cache.set("short", 1, 1)
    redis_cache.set("forever", 1, None)
    redis_cache.set("zero", 1, 0)
    assert redis_cache.add("zero-add", 1, 0) is True
    assert redis_cache.add("long", 1, 60) is True and redis_cache.add("long", 2, 60) is False
    redis_cache.set("touched", 1, 1)
    assert redis_cache.touch("touched", 60) is True
    redis_cache.set("persisted", 1, 1)
    assert redis_cache.touch("persisted", None) is True
    assert redis_cache.touch("forever", None) is True  # no expiry already: still True
    redis_cache.set("counter", 1, 1)
    assert redis_cache.incr("counter", 5) == 6
    assert redis_cache.get("short") == 1
    assert redis_cache.get("zero") is None and not redis_cache.has_key("zero-add")
    time.sleep(1.5)
    assert redis_cache.get("short") is None
    assert redis_cache.get("counter") is None  # incr kept the timeout
    assert redis_cache.get_many(["forever", "long", "touched", "persisted"]) == {
        "forever": 1, "long": 1, "touched": 1, "persisted": 1}
    assert redis_cache.add("short", "again") is True and redis_cache.get("short") == "again"


def test_integers_are_redis_counters(redis_cache, raw):
    redis_cache.set("n", 41)
    redis_cache.set("flag", True)
    assert raw.get(b":1:n") == b"41"
    assert raw.get(b":1:flag")[:2] == b"\x80\x02"
    assert redis_cache.get("flag") is True and redis_cache.incr("n") == 42
    raw.incrby(b":1:n", 8)
    assert redis_cache.get("n") == 50


def test_pools_closed_at_exit_reopen_on_use(redis_cache):
    redis_cache.set("k", "v")
    assert redis_backend._connections
    redis_backend.close_connections()
    assert not redis_backend._connections
    assert redis_cache.get("k") == "v" and redis_backend._connections


@pytest.mark.parametrize("runtime", sorted(WRITTEN_BY))
def test_entries_written_by_either_runtime_are_read(redis_cache, raw, runtime):
    raw.set(b":1:shared", WRITTEN_BY[runtime])
    assert redis_cache.get("shared") == VALUE
    redis_cache.set("mine", VALUE)
    assert raw.get(b":1:mine")[:2] == b"\x80\x02"


def test_first_server_writes_the_others_read(raw):
    url = redis_url()
    replica = url.rsplit("/", 1)[0] + "/1"
    with override_settings(CACHES={"default": redis_config([url, replica]),
                                   "replica": redis_config(replica),
                                   "joined": redis_config("%s, %s" % (url, replica))}):
        primary, replica_cache = caches["default"], caches["replica"]
        replica_cache.clear()
        primary.set("k", "on the primary")
        assert raw.get(b":1:k") is not None
        assert primary.get("k") is None  # read from the replica, which has no copy (no replication here)
        replica_cache.set("k", "on the replica")
        assert primary.get("k") == "on the replica" and caches["joined"].get("k") == "on the replica"
        primary.clear()
        replica_cache.clear()


@pytest.mark.parametrize("config, named", [
    ({"LOCATION": ""}, "LOCATION"),
    ({"LOCATION": "http://127.0.0.1:6379/0"}, "LOCATION"),
    ({"LOCATION": "redis://127.0.0.1:6379/first"}, "LOCATION"),
    ({"LOCATION": "redis://user:s3cret@127.0.0.1:port/0"}, "redis://127.0.0.1:port/0"),
    ({"LOCATION": "redis://127.0.0.1:6379/0", "OPTIONS": {"socket_timeout": "soon"}}, "socket_timeout"),
    ({"LOCATION": "redis://127.0.0.1:6379/0", "OPTIONS": {"RETRY_AFTER": "later"}}, "RETRY_AFTER"),
])
def test_misconfiguration_names_the_setting(config, named):
    with override_settings(CACHES={"default": dict({"BACKEND": REDIS_BACKEND}, **config)}):
        with pytest.raises(ImproperlyConfigured) as error:
            caches["default"].get("k")
        assert named in str(error.value) and "s3cret" not in str(error.value)


@pytest.fixture
def private_redis(tmp_path):
    server = PrivateRedis(tmp_path)
    server.start()
    try:
        yield server
    finally:
        server.stop()


def test_server_down_is_a_logged_miss_and_recovers(private_redis, caplog):
    caplog.set_level(logging.DEBUG, logger="pyframework.core.cache")
    options = {"socket_timeout": 0.5, "socket_connect_timeout": 0.5, "RETRY_AFTER": 1}
    with override_settings(CACHES={"default": redis_config(private_redis.url, OPTIONS=options)}):
        cache = caches["default"]
        cache.set("k", "before")
        cache.set("n", 1)
        assert cache.get("k") == "before"
        private_redis.stop()
        assert cache.get("k", "fallback") == "fallback"
        cache.set("k", "while down")
        assert cache.add("new", 1) is False
        assert cache.get_or_set("computed", lambda: "computed") == "computed"
        assert cache.get_many(["k", "n"]) == {}
        assert sorted(cache.set_many({"a": 1, "b": 2})) == ["a", "b"]
        assert cache.has_key("k") is False and cache.touch("k") is False and cache.delete("k") is False
        with pytest.raises(ValueError):
            cache.incr("n")
        cache.delete_many(["k", "n"])
        cache.clear()
        warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
        assert len(warnings) == 1 and private_redis.url in warnings[0].getMessage()

        private_redis.start()  # same port, empty (no persistence)
        # Within RETRY_AFTER of the last failure the server is not asked: still a miss.
        assert cache.add("early", 1) is False
        time.sleep(1.2)
        assert cache.get("k") is None and cache.get("early") is None
        cache.set("k", "after")
        assert cache.get("k") == "after"
        assert cache.add("n", 1) is True and cache.incr("n") == 2
        back = [r for r in caplog.records if r.levelno == logging.INFO]
        assert len(back) == 1 and "reachable again" in back[0].getMessage()


def test_requests_are_served_while_redis_is_down(private_redis):
    config = {"default": redis_config(private_redis.url, OPTIONS={"socket_timeout": 0.5, "socket_connect_timeout": 0.5,
                                                                  "RETRY_AFTER": 0})}
    middleware = ["pyframework.middleware.cache.UpdateCacheMiddleware",
                  "pyframework.contrib.sessions.middleware.SessionMiddleware",
                  "pyframework.middleware.cache.FetchFromCacheMiddleware"]
    with override_settings(ROOT_URLCONF="cache_views_urls", CACHES=config, MIDDLEWARE=middleware,
                           INSTALLED_APPS=["pyframework.contrib.sessions"],
                           SESSION_ENGINE="pyframework.contrib.sessions.backends.cache"):
        cache_views_urls.calls["count"] = 0
        client = Client()
        assert client.get("/cached/").content == b"call 1"
        assert client.get("/cached/").content == b"call 1"  # from Redis
        assert client.get("/session/").content == b"visit 1"
        assert client.get("/session/").content == b"visit 2"
        private_redis.stop()
        for expected in (b"call 2", b"call 3"):  # every request computed: nothing cached, nothing failed
            response = client.get("/cached/")
            assert response.status_code == 200 and response.content == expected
        response = client.get("/session/")
        assert response.status_code == 200 and response.content == b"visit 1"  # the session is lost, not the request
        private_redis.start()
        assert client.get("/cached/").content == b"call 4"
        assert client.get("/cached/").content == b"call 4"  # cached again, no restart
        assert client.get("/session/").content == b"visit 1"
        assert client.get("/session/").content == b"visit 2"
