"""The cache API on every backend that stores something (locmem, file, Redis; db in test_db_cache)
and on the dummy one. Tests that move a fake clock run on locmem and file; Redis keeps real time
(its expiry tests are in test_redis_cache)."""
from __future__ import unicode_literals

import threading
import warnings

import pytest

from pyframework.core.cache import CacheKeyWarning, InvalidCacheBackendError, cache, caches
from pyframework.core.cache.backends import base as cache_base
from pyframework.core.cache.backends import locmem
from pyframework.core.exceptions import ImproperlyConfigured
from pyframework.test import override_settings
from fake_clock_support import FakeClock
from redis_support import REDIS_BACKEND, redis_url

LOCMEM = "pyframework.core.cache.backends.locmem.LocMemCache"
FILE = "pyframework.core.cache.backends.filebased.FileBasedCache"
DUMMY = "pyframework.core.cache.backends.dummy.DummyCache"


def custom_key(key, key_prefix, version):
    return "custom-%s-%s-%s" % (key_prefix, version, key)


@pytest.fixture
def clock(monkeypatch):
    fake = FakeClock()
    monkeypatch.setattr(cache_base, "time", fake)
    monkeypatch.setattr(locmem, "time", fake)
    return fake


def _configured_backend(request, tmp_path):
    if request.param == "locmem":
        config = {"BACKEND": LOCMEM, "LOCATION": "test-%s" % id(request)}
    elif request.param == "file":
        config = {"BACKEND": FILE, "LOCATION": str(tmp_path / "cache")}
    else:
        config = {"BACKEND": REDIS_BACKEND, "LOCATION": redis_url()}
    with override_settings(CACHES={"default": config, "other": dict(config, KEY_PREFIX="other")}):
        caches["default"].clear()
        yield caches["default"]
        caches["default"].clear()


@pytest.fixture(params=["locmem", "file", "redis"])
def backend(request, tmp_path):
    """Every backend that stores, on real time."""
    for cache_backend in _configured_backend(request, tmp_path):
        yield cache_backend


@pytest.fixture(params=["locmem", "file"])
def clocked_backend(request, tmp_path, clock):
    """The backends whose expiry follows the fake ``clock``."""
    import pyframework.core.cache.backends.filebased as filebased
    request.getfixturevalue("monkeypatch").setattr(filebased, "time", clock)
    for cache_backend in _configured_backend(request, tmp_path):
        yield cache_backend


class Thing(object):
    def __init__(self, value):
        self.value = value


def test_set_get_delete(backend):
    assert backend.get("missing") is None
    assert backend.get("missing", "fallback") == "fallback"
    backend.set("text", "gr\u00fcn")
    backend.set("bytes", b"\x00\xff")
    backend.set("struct", {"a": [1, 2.5, None, True], "b": (1, 2)})
    backend.set("object", Thing(42))
    assert backend.get("text") == "gr\u00fcn"
    assert backend.get("bytes") == b"\x00\xff"
    assert backend.get("struct") == {"a": [1, 2.5, None, True], "b": (1, 2)}
    assert backend.get("object").value == 42
    backend.set("none", None)
    assert backend.has_key("none") and backend.get("none", "default") is None
    assert "text" in backend
    assert backend.delete("text") is True
    assert backend.delete("text") is False
    assert backend.get("text") is None


def test_values_are_copies(backend):
    value = {"list": [1]}
    backend.set("k", value)
    value["list"].append(2)
    got = backend.get("k")
    got["list"].append(3)
    assert backend.get("k") == {"list": [1]}


def test_add_only_when_missing(clocked_backend, clock):
    assert clocked_backend.add("k", "first", 10) is True
    assert clocked_backend.add("k", "second") is False
    assert clocked_backend.get("k") == "first"
    clock.now += 11
    assert clocked_backend.add("k", "third") is True
    assert clocked_backend.get("k") == "third"


def test_timeouts(clocked_backend, clock):
    clocked_backend.set("default", 1)  # TIMEOUT default: 300 s
    clocked_backend.set("short", 1, 5)
    clocked_backend.set("forever", 1, None)
    clocked_backend.set("zero", 1, 0)
    assert clocked_backend.get("zero") is None
    clock.now += 6
    assert clocked_backend.get("short") is None
    assert clocked_backend.get("default") == 1
    clock.now += 300
    assert clocked_backend.get("default") is None
    clock.now += 10 ** 8
    assert clocked_backend.get("forever") == 1


def test_touch(clocked_backend, clock):
    clocked_backend.set("k", 1, 5)
    assert clocked_backend.touch("k", 100) is True
    clock.now += 50
    assert clocked_backend.get("k") == 1
    assert clocked_backend.touch("k", None) is True
    clock.now += 10 ** 6
    assert clocked_backend.get("k") == 1
    assert clocked_backend.touch("missing") is False


def test_many(backend):
    assert backend.set_many({"a": 1, "b": 2, "c": 3}) == []
    assert backend.get_many(["a", "b", "x"]) == {"a": 1, "b": 2}
    backend.delete_many(["a", "b"])
    assert backend.get_many(["a", "b", "c"]) == {"c": 3}


def test_incr_decr(clocked_backend, clock):
    clocked_backend.set("n", 1, 10)
    assert clocked_backend.incr("n") == 2
    assert clocked_backend.incr("n", 10) == 12
    assert clocked_backend.decr("n", 2) == 10
    assert clocked_backend.get("n") == 10
    with pytest.raises(ValueError):
        clocked_backend.incr("missing")
    clock.now += 11  # incr() did not extend the timeout
    assert clocked_backend.get("n") is None


def test_get_or_set(backend):
    assert backend.get_or_set("k", "v") == "v"
    assert backend.get_or_set("k", "other") == "v"
    assert backend.get_or_set("c", lambda: "called") == "called"


def test_versions(backend):
    backend.set("k", "v1", version=1)
    backend.set("k", "v2", version=2)
    assert backend.get("k") == "v1"
    assert backend.get("k", version=2) == "v2"
    assert backend.incr_version("k") == 2
    assert backend.get("k") is None
    assert backend.get("k", version=2) == "v1"
    assert backend.decr_version("k", version=2) == 1
    assert backend.get("k") == "v1"
    with pytest.raises(ValueError):
        backend.incr_version("missing")


def test_key_prefix_separates_caches(backend):
    other = caches["other"]
    backend.set("k", "default")
    assert other.get("k") is None
    other.set("k", "other")
    assert backend.get("k") == "default"
    assert other.get("k") == "other"
    assert other.make_key("k") == "other:1:k"


def test_clear(backend):
    backend.set("a", 1)
    backend.clear()
    assert backend.get("a") is None


def test_key_warnings(backend):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        backend.set("has space", 1)
        backend.get("x" * 251)
        assert backend.get("has space") == 1
    assert [w.category for w in caught] == [CacheKeyWarning] * 3
    assert "memcached" in str(caught[0].message)


def test_culling_past_max_entries(tmp_path, clock):
    with override_settings(CACHES={"default": {"BACKEND": LOCMEM, "LOCATION": "cull",
                                               "OPTIONS": {"MAX_ENTRIES": 9, "CULL_FREQUENCY": 3}}}):
        small = caches["default"]
        small.clear()
        for number in range(9):
            clock.now += 1
            small.set("k%d" % number, number)
        clock.now += 1
        assert small.get("k0") == 0  # recently used now
        small.set("k9", 9)
        found = small.get_many(["k%d" % n for n in range(10)])
        assert len(found) <= 9 and "k0" in found and "k9" in found and "k1" not in found


@pytest.fixture(params=["locmem", "redis"])
def atomic_backend(request, tmp_path):
    """The backends whose incr and add are atomic between threads (and, for Redis, processes)."""
    for cache_backend in _configured_backend(request, tmp_path):
        yield cache_backend


def test_incr_and_add_are_atomic_across_threads(atomic_backend):
    atomic_backend.set("counter", 0)
    errors = []

    def work():
        try:
            for _ in range(200):
                caches["default"].incr("counter")
                caches["default"].add("added", threading.current_thread().name)
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert atomic_backend.get("counter") == 800
    assert atomic_backend.get("added") in [thread.name for thread in threads]


def test_locmem_is_shared_by_location():
    config = {"BACKEND": LOCMEM, "LOCATION": "threads"}
    with override_settings(CACHES={"default": config, "same": config, "other": dict(config, LOCATION="other")}):
        cache.set("counter", 0)
        assert caches["same"].get("counter") == 0
        assert caches["other"].get("counter") is None
        cache.clear()


def test_key_function_and_version_settings():
    with override_settings(CACHES={"default": {"BACKEND": LOCMEM, "LOCATION": "kf", "VERSION": 3,
                                               "KEY_PREFIX": "p", "KEY_FUNCTION": "test_cache_api.custom_key"}}):
        assert cache.make_key("k") == "custom-p-3-k"
        cache.set("k", 1)
        assert cache.get("k") == 1 and cache.get("k", version=1) is None
        cache.clear()


def test_dummy_cache_stores_nothing():
    with override_settings(CACHES={"default": {"BACKEND": DUMMY}}):
        cache.set("k", 1)
        assert cache.get("k") is None and cache.add("k", 1) is True
        assert cache.get_many(["k"]) == {} and not cache.has_key("k")
        with pytest.raises(ValueError):
            cache.incr("k")


def test_default_is_locmem_and_misconfiguration_is_named():
    assert type(caches["default"]).__name__ == "LocMemCache"
    with pytest.raises(InvalidCacheBackendError) as error:
        caches["nope"]
    assert "nope" in str(error.value)
    with override_settings(CACHES={"default": {"BACKEND": "no.such.Backend"}}):
        with pytest.raises(InvalidCacheBackendError) as error:
            caches["default"]
        assert "no.such.Backend" in str(error.value)
    with override_settings(CACHES={"default": {"BACKEND": LOCMEM, "TIMEOUT": "soon"}}):
        with pytest.raises(ImproperlyConfigured) as error:
            caches["default"]
        assert "TIMEOUT" in str(error.value)


def test_pickles_are_protocol_2():
    data = cache_base.dumps({"k": "v"})
    assert data[:2] == b"\x80\x02"
