"""The per-process memory cache (the default): ``pyframework.core.cache.backends.locmem.LocMemCache``.

Every CACHES entry with the same LOCATION shares one store inside the process (one JVM for a
WAR); other processes and other servers do not see it. ``get`` and ``set`` are single dict
operations, atomic on CPython (the GIL) and on Jython (``dict`` is a concurrent map there), so
readers never wait. Read-modify-write operations (``add``, ``incr``, ``touch``) lock only the key
they change, through a small set of striped locks, and culling is done by one thread at a time
while the others carry on.
"""
from __future__ import absolute_import, unicode_literals

import threading
import time

from pyframework.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache, dumps, loads

# name -> (entries, sweep lock, stripes): caches with the same LOCATION share them.
_stores = {}
_stores_lock = threading.Lock()
_STRIPES = 32

# Entry fields (a list, so "last used" is updated in place).
EXPIRES, LAST_USED, DATA = range(3)


def _store(name):
    with _stores_lock:
        found = _stores.get(name)
        if found is None:
            found = _stores[name] = ({}, threading.Lock(), [threading.Lock() for _ in range(_STRIPES)])
        return found


class LocMemCache(BaseCache):
    """A thread-safe in-memory cache with least-recently-used culling past MAX_ENTRIES."""

    def __init__(self, name, params):
        super(LocMemCache, self).__init__(params)
        self._cache, self._sweep_lock, self._stripes = _store(name)

    def _lock_for(self, key):
        return self._stripes[hash(key) % _STRIPES]

    def _live_entry(self, key, now):
        entry = self._cache.get(key)
        if entry is None:
            return None
        if entry[EXPIRES] is not None and entry[EXPIRES] <= now:
            # Only drop this very entry: a concurrent set() may have replaced it meanwhile.
            if self._cache.get(key) is entry:
                self._cache.pop(key, None)
            return None
        entry[LAST_USED] = now
        return entry

    def _put(self, key, value, timeout):
        self._cache[key] = [self.get_backend_timeout(timeout), time.time(), dumps(value)]
        if len(self._cache) > self._max_entries:
            self._cull()

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_and_validate_key(key, version=version)
        with self._lock_for(key):
            if self._live_entry(key, time.time()) is not None:
                return False
            self._put(key, value, timeout)
            return True

    def get(self, key, default=None, version=None):
        key = self.make_and_validate_key(key, version=version)
        entry = self._live_entry(key, time.time())
        if entry is None:
            return default
        return loads(entry[DATA])

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_and_validate_key(key, version=version)
        self._put(key, value, timeout)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_and_validate_key(key, version=version)
        with self._lock_for(key):
            entry = self._live_entry(key, time.time())
            if entry is None:
                return False
            entry[EXPIRES] = self.get_backend_timeout(timeout)
            return True

    def incr(self, key, delta=1, version=None):
        key = self.make_and_validate_key(key, version=version)
        with self._lock_for(key):
            entry = self._live_entry(key, time.time())
            if entry is None:
                raise ValueError("Key '%s' not found" % key)
            new_value = loads(entry[DATA]) + delta
            # Same expiry: incr() does not extend the entry's life.
            self._cache[key] = [entry[EXPIRES], time.time(), dumps(new_value)]
            return new_value

    def has_key(self, key, version=None):
        key = self.make_and_validate_key(key, version=version)
        return self._live_entry(key, time.time()) is not None

    def delete(self, key, version=None):
        key = self.make_and_validate_key(key, version=version)
        return self._cache.pop(key, None) is not None

    def clear(self):
        self._cache.clear()

    def _cull(self):
        # One thread culls; the others do not wait for it.
        if not self._sweep_lock.acquire(False):
            return
        try:
            now = time.time()
            for key, entry in list(self._cache.items()):
                if entry[EXPIRES] is not None and entry[EXPIRES] <= now:
                    self._cache.pop(key, None)
            if len(self._cache) <= self._max_entries:
                return
            if self._cull_frequency == 0:
                self._cache.clear()
                return
            by_use = sorted(self._cache.items(), key=lambda item: item[1][LAST_USED])
            for key, _ in by_use[:max(1, len(by_use) // self._cull_frequency)]:
                self._cache.pop(key, None)
        finally:
            self._sweep_lock.release()
