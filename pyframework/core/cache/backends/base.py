"""BaseCache: the API every cache backend offers (mirrors ``django.core.cache.backends.base``).

Values are pickled with protocol 2, so an entry written by CPython 3 is readable by Jython 2.7
and the other way round (a shared file or database cache between both runtimes works).
"""
from __future__ import absolute_import, unicode_literals

import pickle
import time
import warnings

from pyframework.core.exceptions import ImproperlyConfigured
from pyframework.urls.utils import get_callable

#: Protocol 2 is the newest that Python 2.7 (Jython) reads.
PICKLE_PROTOCOL = 2


class InvalidCacheBackendError(ImproperlyConfigured):
    """A CACHES alias or BACKEND that does not exist."""


class CacheKeyWarning(RuntimeWarning):
    """A key that memcached-style backends would refuse (too long, control characters)."""


class InvalidCacheKey(ValueError):
    """A key a backend cannot store at all."""


#: Stands for "the backend's default timeout" in method signatures (None means "forever").
DEFAULT_TIMEOUT = object()

#: memcached's limit, used for the portability warning.
MEMCACHE_MAX_KEY_LENGTH = 250


def default_key_func(key, key_prefix, version):
    """``prefix:version:key``: the key actually stored (KEY_FUNCTION replaces it)."""
    return "%s:%s:%s" % (key_prefix, version, key)


def get_key_func(key_func):
    """The KEY_FUNCTION setting as a callable (a callable or a dotted path)."""
    if key_func is None:
        return default_key_func
    return get_callable(key_func, "CACHES KEY_FUNCTION")


def memcache_key_warnings(key):
    if len(key) > MEMCACHE_MAX_KEY_LENGTH:
        yield ("Cache key will cause errors if used with memcached: %r (longer than %s)"
               % (key, MEMCACHE_MAX_KEY_LENGTH))
    for char in key:
        if ord(char) < 33 or ord(char) == 127:
            yield ("Cache key contains characters that will cause errors if used with memcached: %r" % key)
            break


def dumps(value):
    return pickle.dumps(value, PICKLE_PROTOCOL)


def loads(data):
    return pickle.loads(data)


class BaseCache(object):
    """The cache API. Backends implement ``add``, ``get``, ``set``, ``touch``, ``delete``, ``clear``.

    ``params`` is one CACHES entry: TIMEOUT (seconds, default 300; None = never expire, 0 =
    expire at once), KEY_PREFIX, VERSION, KEY_FUNCTION and OPTIONS (MAX_ENTRIES, default 300;
    CULL_FREQUENCY, default 3: a third of the entries is dropped when MAX_ENTRIES is reached).
    """

    _missing_key = object()

    def __init__(self, params):
        timeout = params.get("timeout", params.get("TIMEOUT", 300))
        if timeout is not None:
            try:
                timeout = int(timeout)
            except (ValueError, TypeError):
                raise ImproperlyConfigured("CACHES TIMEOUT must be a number of seconds or None, not %r." % (timeout,))
        self.default_timeout = timeout
        options = params.get("OPTIONS", {})
        max_entries = params.get("max_entries", options.get("MAX_ENTRIES", 300))
        cull_frequency = params.get("cull_frequency", options.get("CULL_FREQUENCY", 3))
        try:
            self._max_entries = int(max_entries)
            self._cull_frequency = int(cull_frequency)
        except (ValueError, TypeError):
            raise ImproperlyConfigured("CACHES OPTIONS MAX_ENTRIES and CULL_FREQUENCY must be integers.")
        self.key_prefix = params.get("KEY_PREFIX", "")
        self.version = params.get("VERSION", 1)
        self.key_func = get_key_func(params.get("KEY_FUNCTION"))

    def get_backend_timeout(self, timeout=DEFAULT_TIMEOUT):
        """The expiry moment (epoch seconds) for ``timeout``, or None for "never"."""
        if timeout is DEFAULT_TIMEOUT:
            timeout = self.default_timeout
        elif timeout == 0:
            # 0 means "expire now": stored already expired.
            timeout = -1
        return None if timeout is None else time.time() + timeout

    def make_key(self, key, version=None):
        """The stored key for ``key``: KEY_FUNCTION(key, KEY_PREFIX, version or VERSION)."""
        if version is None:
            version = self.version
        return self.key_func(key, self.key_prefix, version)

    def validate_key(self, key):
        """Warn (CacheKeyWarning) about keys memcached would refuse, so code stays portable."""
        for warning in memcache_key_warnings(key):
            warnings.warn(warning, CacheKeyWarning)

    def make_and_validate_key(self, key, version=None):
        key = self.make_key(key, version=version)
        self.validate_key(key)
        return key

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        """Store ``value`` only if ``key`` is not cached yet; True if stored."""
        raise NotImplementedError("subclasses of BaseCache must provide an add() method")

    def get(self, key, default=None, version=None):
        """The cached value, or ``default`` when missing or expired."""
        raise NotImplementedError("subclasses of BaseCache must provide a get() method")

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        raise NotImplementedError("subclasses of BaseCache must provide a set() method")

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        """Give ``key`` a new timeout; True if the key existed."""
        raise NotImplementedError("subclasses of BaseCache must provide a touch() method")

    def delete(self, key, version=None):
        """Remove ``key``; True if it was there."""
        raise NotImplementedError("subclasses of BaseCache must provide a delete() method")

    def clear(self):
        raise NotImplementedError("subclasses of BaseCache must provide a clear() method")

    def get_many(self, keys, version=None):
        """A dict of the keys found (missing and expired keys are left out)."""
        found = {}
        for key in keys:
            value = self.get(key, self._missing_key, version=version)
            if value is not self._missing_key:
                found[key] = value
        return found

    def get_or_set(self, key, default, timeout=DEFAULT_TIMEOUT, version=None):
        """The cached value; if missing, store ``default`` (called first if callable) and return it."""
        value = self.get(key, self._missing_key, version=version)
        if value is self._missing_key:
            if callable(default):
                default = default()
            self.add(key, default, timeout=timeout, version=version)
            # Another thread may have added first: return what the cache holds now.
            value = self.get(key, default, version=version)
        return value

    def has_key(self, key, version=None):
        return self.get(key, self._missing_key, version=version) is not self._missing_key

    def incr(self, key, delta=1, version=None):
        """Add ``delta`` to the cached number and return it; ValueError if ``key`` is missing."""
        value = self.get(key, self._missing_key, version=version)
        if value is self._missing_key:
            raise ValueError("Key '%s' not found" % key)
        new_value = value + delta
        self.set(key, new_value, version=version)
        return new_value

    def decr(self, key, delta=1, version=None):
        return self.incr(key, -delta, version=version)

    def __contains__(self, key):
        return self.has_key(key)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        """Store every item of ``data``; returns the keys that failed (always empty here)."""
        for key, value in data.items():
            self.set(key, value, timeout=timeout, version=version)
        return []

    def delete_many(self, keys, version=None):
        for key in keys:
            self.delete(key, version=version)

    def incr_version(self, key, delta=1, version=None):
        """Move the value to version ``version + delta``; returns the new version."""
        if version is None:
            version = self.version
        value = self.get(key, self._missing_key, version=version)
        if value is self._missing_key:
            raise ValueError("Key '%s' not found" % key)
        self.set(key, value, version=version + delta)
        self.delete(key, version=version)
        return version + delta

    def decr_version(self, key, delta=1, version=None):
        return self.incr_version(key, -delta, version)

    def close(self, **kwargs):
        """Release connections at the end of a request (nothing to do for most backends)."""
