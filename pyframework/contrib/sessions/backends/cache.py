"""Sessions in the cache framework: ``SESSION_ENGINE = "pyframework.contrib.sessions.backends.cache"``.

The sessions live in CACHES[SESSION_CACHE_ALIAS] (default "default"), each under
``pyframework.contrib.sessions.cache<key>`` with the session's expiry age as timeout. With the
default per-process LocMemCache they are lost on restart, are not shared between processes or
WAR instances, and the cache's MAX_ENTRIES (300 unless OPTIONS say otherwise) bounds how many
are kept; a shared cache (database, file) lifts both limits. For sessions that must survive
the cache, use ``cached_db``.
"""
from __future__ import absolute_import, unicode_literals

import time

from pyframework.conf import settings
from pyframework.contrib.sessions.backends.base import CreateError, SessionBase, VALID_KEY_CHARS
from pyframework.core.cache import caches

KEY_PREFIX = "pyframework.contrib.sessions.cache"
_KEY_CHARS = frozenset(VALID_KEY_CHARS)


class SessionCacheMixin(object):
    """The session's cache (CACHES[SESSION_CACHE_ALIAS]) and its key there; shared with cached_db."""

    cache_key_prefix = KEY_PREFIX

    def __init__(self, session_key=None):
        self._cache = caches[settings.SESSION_CACHE_ALIAS]
        super(SessionCacheMixin, self).__init__(session_key)

    @property
    def cache_key(self):
        return self.cache_key_prefix + self._get_or_create_session_key()


class SessionStore(SessionCacheMixin, SessionBase):
    """A session stored as (serialized data, saved-at time) in the cache."""

    def _validate_session_key(self, key):
        # Only keys this backend made: anything else is refused before it reaches the cache.
        return super(SessionStore, self)._validate_session_key(key) and _KEY_CHARS.issuperset(key)

    def _load_cached(self):
        """The session dict from the cache, or None (missing, undecodable or expired)."""
        try:
            found = self._cache.get(self.cache_key)
        except Exception:
            # A broken cache means an empty session, never a 500.
            found = None
        if not isinstance(found, (list, tuple)) or len(found) != 2:
            return None
        data_bytes, saved_at = found
        try:
            data = self.serializer().loads(data_bytes)
        except ValueError:
            return None
        if isinstance(data, dict) and not self.has_expired(data, saved_at):
            return data
        return None

    def load(self):
        data = self._load_cached()
        if data is None:
            self._session_key = None
            return {}
        return data

    def _cache_value(self, data):
        return (self.serializer().dumps(data), time.time())

    def exists(self, session_key):
        return bool(session_key) and (self.cache_key_prefix + session_key) in self._cache

    def save(self, must_create=False):
        if self.session_key is None:
            return self.create()
        value = self._cache_value(self._get_session(no_load=must_create))
        if must_create:
            # add() is also False when the cache stores nothing (its server is down): only a
            # key that is really taken is a collision, or create() would draw keys for ever.
            if not self._cache.add(self.cache_key, value, self.get_expiry_age()) and self.cache_key in self._cache:
                raise CreateError()
        else:
            self._cache.set(self.cache_key, value, self.get_expiry_age())


    def delete(self, session_key=None):
        if session_key is None:
            if self.session_key is None:
                return
            session_key = self.session_key
        self._cache.delete(self.cache_key_prefix + session_key)

    @classmethod
    def clear_expired(cls):
        """The cache expires its entries itself: nothing to do."""
