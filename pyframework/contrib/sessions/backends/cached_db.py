"""Sessions in the database, read through the cache: ``...sessions.backends.cached_db``.

Every write goes to the database (so nothing is lost when the cache is cleared, restarted or
down) and to CACHES[SESSION_CACHE_ALIAS]; reads are served by the cache and fall back to the
database on a miss. Needs ``pyframework.contrib.sessions`` in INSTALLED_APPS and ``migrate``,
like the ``db`` engine. The cached copy is the signed text the database row holds, so an
entry altered in the cache is refused like an altered row.
"""
from __future__ import absolute_import, unicode_literals

import logging

from pyframework.contrib.sessions.backends.base import EXPIRY_KEY
from pyframework.contrib.sessions.backends.cache import SessionCacheMixin
from pyframework.contrib.sessions.backends.db import SessionStore as DBStore

KEY_PREFIX = "pyframework.contrib.sessions.cached_db"

logger = logging.getLogger("pyframework.contrib.sessions")


class SessionStore(SessionCacheMixin, DBStore):
    """The ``db`` engine with a cache in front of it."""

    cache_key_prefix = KEY_PREFIX

    def _cache_call(self, method, *args):
        # The database is the truth: a failing cache is logged and treated as a miss.
        try:
            return getattr(self._cache, method)(*args)
        except Exception:
            logger.warning("Session cache %s() failed; using the database", method, exc_info=True)
            return None

    def load(self):
        cached = self._cache_call("get", self.cache_key)
        if cached is not None:
            data = self.decode(cached)
            if data:
                return data
        data = super(SessionStore, self).load()
        if self.session_key is not None:
            # The expiry from ``data`` itself: self.get() would load the session again, recursively.
            age = self.get_expiry_age(expiry=data.get(EXPIRY_KEY) or self.get_session_cookie_age())
            self._cache_call("set", self.cache_key, self.encode(data), age)
        return data

    def exists(self, session_key):
        if session_key and self._cache_call("has_key", self.cache_key_prefix + session_key):
            return True
        return super(SessionStore, self).exists(session_key)

    def save(self, must_create=False):
        super(SessionStore, self).save(must_create)
        self._cache_call("set", self.cache_key, self.encode(self._get_session()), self.get_expiry_age())

    def delete(self, session_key=None):
        super(SessionStore, self).delete(session_key)
        if session_key is None:
            if self.session_key is None:
                return
            session_key = self.session_key
        self._cache_call("delete", self.cache_key_prefix + session_key)
