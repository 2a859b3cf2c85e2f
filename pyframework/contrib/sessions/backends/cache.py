"""Sessions kept in the memory of this process: fast, nothing sent but a random key.

The store lives in one process (one JVM for a WAR): sessions are lost on
restart and are NOT shared between several server processes or WAR
instances behind a load balancer. Use the database backend (the default)
or the signed-cookie backend there.
"""
from __future__ import absolute_import, unicode_literals

import threading
import time

from pyframework.conf import settings
from pyframework.contrib.sessions.backends.base import CreateError, SessionBase, VALID_KEY_CHARS


class MemoryStore(object):
    """A thread-safe dict of key -> entry, with expiry and least-recently-used eviction.

    Reads and writes are single dict operations, atomic on CPython (the GIL)
    and on Jython (a concurrent map backs ``dict``), so requests never wait on
    a lock. Only eviction, when the store outgrows SESSION_CACHE_MAX_ENTRIES,
    takes a lock, and a thread finding it taken skips the sweep instead of waiting.
    """

    # Entry fields: a list, so "last used" can be updated in place.
    EXPIRES, LAST_USED, SAVED_AT, DATA = range(4)

    def __init__(self):
        self._entries = {}
        self._sweep_lock = threading.Lock()

    def get(self, key):
        """``(data, saved_at)`` for ``key``, or None if missing or expired."""
        entry = self._entries.get(key)
        if entry is None:
            return None
        now = time.time()
        if entry[self.EXPIRES] <= now:
            self._entries.pop(key, None)
            return None
        entry[self.LAST_USED] = now
        return entry[self.DATA], entry[self.SAVED_AT]

    def set(self, key, data, timeout):
        self._entries[key] = self._entry(data, timeout)
        self._evict_if_full()

    def add(self, key, data, timeout):
        """Store only if ``key`` is free; True if stored."""
        entry = self._entry(data, timeout)
        stored = self._entries.setdefault(key, entry) is entry
        if stored:
            self._evict_if_full()
        return stored

    def delete(self, key):
        self._entries.pop(key, None)

    def __contains__(self, key):
        return self.get(key) is not None

    def __len__(self):
        return len(self._entries)

    def clear(self):
        self._entries.clear()

    def clear_expired(self):
        now = time.time()
        for key, entry in list(self._entries.items()):
            if entry[self.EXPIRES] <= now:
                self._entries.pop(key, None)

    @staticmethod
    def _entry(data, timeout):
        now = time.time()
        return [now + timeout, now, now, data]

    def _evict_if_full(self):
        limit = settings.SESSION_CACHE_MAX_ENTRIES
        if len(self._entries) <= limit or not self._sweep_lock.acquire(False):
            return
        try:
            self.clear_expired()
            excess = len(self._entries) - limit
            if excess > 0:
                # Free a tenth more than needed, so the next insertions don't sweep again at once.
                excess += limit // 10
                by_age = sorted(self._entries.items(), key=lambda item: item[1][self.LAST_USED])
                for key, _ in by_age[:excess]:
                    self._entries.pop(key, None)
        finally:
            self._sweep_lock.release()


store = MemoryStore()


class SessionStore(SessionBase):

    def load(self):
        found = store.get(self.session_key)
        if found is not None:
            data_bytes, saved_at = found
            try:
                data = self.serializer().loads(data_bytes)
            except ValueError:
                data = None
            if isinstance(data, dict) and not self.has_expired(data, saved_at):
                return data
            store.delete(self.session_key)
        self._session_key = None
        return {}

    def _validate_session_key(self, key):
        # Only keys this backend made: anything else is refused before it reaches the store.
        return (super(SessionStore, self)._validate_session_key(key)
                and all(char in VALID_KEY_CHARS for char in key))

    def exists(self, session_key):
        return session_key is not None and session_key in store

    def save(self, must_create=False):
        if self.session_key is None:
            return self.create()
        data = self.serializer().dumps(self._get_session(no_load=must_create))
        if must_create:
            if not store.add(self.session_key, data, self.get_expiry_age()):
                raise CreateError()
        else:
            store.set(self.session_key, data, self.get_expiry_age())

    def delete(self, session_key=None):
        if session_key is None:
            if self.session_key is None:
                return
            session_key = self.session_key
        store.delete(session_key)

    @classmethod
    def clear_expired(cls):
        store.clear_expired()
