"""A cache in Redis: ``pyframework.core.cache.backends.redis.RedisCache`` (Django's name and settings).

LOCATION is a ``redis://[[user]:password@]host:port/db`` URL, or a list of them (or one string
of them separated by commas or semicolons): the first server takes every write, reads go to one
of the others picked at random (replicas of the first), as in Django. Lower-case OPTIONS go to
redis-py's connection pool on CPython (``socket_timeout``, ``socket_connect_timeout``,
``max_connections``...); Jython's client (Jedis) reads the two timeouts. Both default to 2
seconds, so a hung server cannot hang a request.

Values: integers are stored as their decimal digits (so ``incr`` is Redis's atomic INCRBY, and
other Redis clients read counters), everything else as a protocol 2 pickle, which CPython and
Jython both read: one Redis serves nodes of both runtimes.

Unlike Django, an unreachable server is not an error: reads are misses, writes are dropped,
``add`` and ``touch`` return False, ``incr`` raises the ValueError of a missing key. After a
failure the server is left alone for OPTIONS ``RETRY_AFTER`` seconds (default 1), so a server
that hangs costs one timeout per second, not one per cache call; then the next command tries it
again. The first failure of an outage is logged as a warning on the ``pyframework.core.cache``
logger, and its end (the first command that works again) as info; the driver reconnects by
itself, no restart is needed. The connection pools are shared by every thread of the process.
"""
from __future__ import absolute_import, unicode_literals

import atexit
import logging
import random
import re
import threading
import time

from pyframework.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache, dumps, loads
from pyframework.core.cache.backends.redis_client import RedisConnection, parse_url, redacted
from pyframework.core.exceptions import CacheServerUnavailable, ImproperlyConfigured
from pyframework.utils.compat import integer_types, string_types

logger = logging.getLogger("pyframework.core.cache")

# One connection (pool) per server URL and options, for the whole process; the servers
# currently failing, with the moment to try them again (an outage is logged once, its end once).
_connections = {}
_unreachable = {}
_lock = threading.Lock()

#: Seconds an unreachable server is not asked again (OPTIONS RETRY_AFTER).
DEFAULT_RETRY_AFTER = 1.0


def _connection(url, options):
    marker = (url, tuple(sorted((key, repr(value)) for key, value in options.items())))
    with _lock:
        connection = _connections.get(marker)
        if connection is None:
            connection = _connections[marker] = RedisConnection(url, options)
        return connection


def close_connections():
    """Close every pool of the process; the next cache call opens a new one.

    Registered with atexit, so the server sees the connections end when the process (or, on
    Jython, the interpreter of a stopped web application) goes away.
    """
    with _lock:
        connections = list(_connections.values())
        _connections.clear()
    for connection in connections:
        try:
            connection.close()
        except Exception:  # closing is best effort: the server may be gone already
            logger.debug("Closing a Redis connection pool failed.", exc_info=True)


atexit.register(close_connections)


def _encode(value):
    # type(), not isinstance(): True must come back as True, not as 1.
    if type(value) in integer_types:
        return ("%d" % value).encode("ascii")
    return dumps(value)


def _decode(data):
    try:
        return int(data)
    except ValueError:
        return loads(data)


class RedisCache(BaseCache):
    """The cache API over one Redis server, or a primary and its read replicas.

    ``get_backend_timeout`` gives the seconds Redis expires an entry after (None: never), not
    a moment; a timeout of 0 deletes the entry instead of storing it.
    """

    def __init__(self, server, params):
        super(RedisCache, self).__init__(params)
        if isinstance(server, string_types):
            server = re.split("[;,]", server)
        self._servers = [url.strip() for url in server or () if url.strip()]
        if not self._servers:
            raise ImproperlyConfigured("The Redis cache needs a server: set CACHES LOCATION to redis://host:port/db.")
        for url in self._servers:
            parse_url(url)  # a malformed URL fails now, naming the setting
        options = dict(params.get("OPTIONS", {}))
        retry_after = options.pop("RETRY_AFTER", DEFAULT_RETRY_AFTER)
        try:
            self._retry_after = float(retry_after)
        except (TypeError, ValueError):
            raise ImproperlyConfigured("CACHES OPTIONS RETRY_AFTER must be a number of seconds, not %r." % (retry_after,))
        # The rest configures the client (MAX_ENTRIES and CULL_FREQUENCY mean nothing to Redis).
        self._options = dict((key, value) for key, value in options.items() if key.islower())

    def get_backend_timeout(self, timeout=DEFAULT_TIMEOUT):
        if timeout is DEFAULT_TIMEOUT:
            timeout = self.default_timeout
        return None if timeout is None else max(0, int(timeout))

    def _run(self, write, fallback, operation):
        """``operation(connection)`` on the primary (write) or a replica; ``fallback`` when unreachable."""
        if write or len(self._servers) == 1:
            url = self._servers[0]
        else:
            url = random.choice(self._servers[1:])
        retry_at = _unreachable.get(url)
        if retry_at is not None and time.time() < retry_at:
            return fallback
        try:
            result = operation(_connection(url, self._options))
        except CacheServerUnavailable as exc:
            if retry_at is None:
                logger.warning("Redis cache server %s is unreachable, serving without it: %s", redacted(url), exc)
            else:
                logger.debug("Redis cache server %s still unreachable: %s", redacted(url), exc)
            _unreachable[url] = time.time() + self._retry_after
            return fallback
        if retry_at is not None and _unreachable.pop(url, None) is not None:
            logger.info("Redis cache server %s is reachable again.", redacted(url))
        return result

    def _key(self, key, version=None):
        return self.make_and_validate_key(key, version=version).encode("utf-8")

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        key, data, timeout = self._key(key, version), _encode(value), self.get_backend_timeout(timeout)

        def add(connection):
            added = connection.set(key, data, timeout or None, nx=True)
            if added and timeout == 0:
                # Stored only to tell whether the key was free: a timeout of 0 keeps nothing.
                connection.delete([key])
            return added
        return self._run(True, False, add)

    def get(self, key, default=None, version=None):
        key = self._key(key, version)
        data = self._run(False, None, lambda connection: connection.get(key))
        return default if data is None else _decode(data)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._set(self._key(key, version), _encode(value), self.get_backend_timeout(timeout))

    def _set(self, key, data, timeout):
        """True when stored (or, for a timeout of 0, deleted as asked)."""
        if timeout == 0:
            return self._run(True, False, lambda connection: connection.delete([key]) >= 0)
        return self._run(True, False, lambda connection: connection.set(key, data, timeout))

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        key, timeout = self._key(key, version), self.get_backend_timeout(timeout)
        if timeout is None:
            return self._run(True, False, lambda connection: connection.persist(key))
        return self._run(True, False, lambda connection: connection.expire(key, timeout))

    def delete(self, key, version=None):
        key = self._key(key, version)
        return self._run(True, 0, lambda connection: connection.delete([key])) == 1

    def get_many(self, keys, version=None):
        keys = list(keys)
        if not keys:
            return {}
        stored = [self._key(key, version) for key in keys]
        values = self._run(False, [None] * len(keys), lambda connection: connection.mget(stored))
        return dict((key, _decode(data)) for key, data in zip(keys, values) if data is not None)

    def has_key(self, key, version=None):
        key = self._key(key, version)
        return self._run(False, False, lambda connection: connection.exists(key))

    def incr(self, key, delta=1, version=None):
        """Redis's atomic INCRBY (the timeout stays); ValueError when missing or unreachable."""
        stored = self._key(key, version)

        def incr(connection):
            # EXISTS first: INCRBY would create a missing key, Django's API says ValueError.
            return connection.incrby(stored, delta) if connection.exists(stored) else None
        value = self._run(True, None, incr)
        if value is None:
            raise ValueError("Key '%s' not found" % key)
        return value

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        """Store every item; returns the keys that could not be stored (the server was unreachable)."""
        timeout = self.get_backend_timeout(timeout)
        return [key for key, value in data.items()
                if not self._set(self._key(key, version), _encode(value), timeout)]

    def delete_many(self, keys, version=None):
        stored = [self._key(key, version) for key in keys]
        if stored:
            self._run(True, 0, lambda connection: connection.delete(stored))

    def clear(self):
        """FLUSHDB on the primary: every key of its database goes, whatever its prefix (as in Django)."""
        self._run(True, None, lambda connection: connection.flushdb())
