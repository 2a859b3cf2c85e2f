"""The Redis connection of one server, the same on both runtimes (the only runtime difference of
the Redis cache backend).

On CPython it is redis-py (``pip install redis``, part of the ``test`` extras); on Jython it is
Jedis, the Java client from Maven Central (``redis.clients:jedis``, put into ``WEB-INF/lib`` by the
Gradle plugin and onto the Jython test classpath by tests/jython/run.sh). Both pool their
connections, drop the broken ones and reconnect on the next command, so a server that comes
back is used again without a restart. Every call takes and returns bytes; a server that cannot
be reached (refused, reset, timed out) raises :class:`~pyframework.core.exceptions.CacheServerUnavailable`,
any other error of the server is left as the driver raised it.
"""
from __future__ import absolute_import, unicode_literals

import re

from pyframework.core.exceptions import CacheServerUnavailable, ImproperlyConfigured
from pyframework.utils.compat import JYTHON, unquote, urlsplit

#: Seconds to wait for a connection or an answer unless OPTIONS say otherwise: a server that
#: hangs must not hang the request (redis-py's own default is to wait for ever).
DEFAULT_SOCKET_TIMEOUT = 2.0


def redacted(url):
    """``url`` without its user and password, for messages and logs."""
    return re.sub(r"//[^@/]*@", "//", url)


def parse_url(url):
    """``(host, port, db, username, password)`` of ``redis://[[user]:password@]host[:port][/db]``."""
    parts = urlsplit(url)
    if parts.scheme != "redis":
        raise ImproperlyConfigured("CACHES LOCATION %r: the Redis cache takes redis://host:port/db URLs." % (redacted(url),))
    path = parts.path.strip("/")
    try:
        db = int(path) if path else 0
        port = parts.port or 6379
    except ValueError:
        raise ImproperlyConfigured("CACHES LOCATION %r: the port and the database must be numbers." % (redacted(url),))
    username = unquote(parts.username) if parts.username else None
    password = unquote(parts.password) if parts.password else None
    return parts.hostname or "localhost", port, db, username, password


def _timeout_option(options, name):
    value = options.get(name, DEFAULT_SOCKET_TIMEOUT)
    try:
        return float(value)
    except (TypeError, ValueError):
        raise ImproperlyConfigured("CACHES OPTIONS %s must be a number of seconds, not %r." % (name, value))


if JYTHON:  # pragma: no cover - Jython
    import jarray
    from java.lang import Class
    from pyframework.db.backends.jdbc.jvm import from_java_bytes, to_java_bytes

    try:
        from redis.clients.jedis import DefaultJedisClientConfig, RedisClient
        from redis.clients.jedis.exceptions import JedisConnectionException
        from redis.clients.jedis.params import SetParams
    except ImportError:
        RedisClient = None

    _BYTE_ARRAY = Class.forName("[B")

    def _byte_arrays(keys):
        # A Java byte[][]: what Jedis's varargs methods (mget, del) take.
        return jarray.array([to_java_bytes(key) for key in keys], _BYTE_ARRAY)

    class RedisConnection(object):
        """One server through Jedis's pooled ``RedisClient``."""

        def __init__(self, url, options):
            if RedisClient is None:
                raise ImproperlyConfigured(
                    "The Redis cache on Jython needs Jedis (redis.clients:jedis) and its dependencies on the "
                    "class path: the Gradle plugin bundles them in WEB-INF/lib (`gradle redisClient` for the tests).")
            host, port, db, username, password = parse_url(url)
            config = DefaultJedisClientConfig.builder().database(db)
            config.connectionTimeoutMillis(int(_timeout_option(options, "socket_connect_timeout") * 1000))
            config.socketTimeoutMillis(int(_timeout_option(options, "socket_timeout") * 1000))
            if username:
                config.user(username)
            if password:
                config.password(password)
            self._client = RedisClient.builder().hostAndPort(host, port).clientConfig(config.build()).build()

        def _call(self, method, *args):
            try:
                return getattr(self._client, method)(*args)
            except JedisConnectionException as exc:
                raise CacheServerUnavailable(exc.getMessage())

        def get(self, key):
            value = self._call("get", to_java_bytes(key))
            return None if value is None else from_java_bytes(value)

        def mget(self, keys):
            return [None if value is None else from_java_bytes(value)
                    for value in self._call("mget", _byte_arrays(keys))]

        def set(self, key, value, timeout=None, nx=False):
            params = SetParams.setParams()
            if timeout is not None:
                params.ex(timeout)
            if nx:
                params.nx()
            return self._call("set", to_java_bytes(key), to_java_bytes(value), params) is not None

        def delete(self, keys):
            return int(self._call("del", _byte_arrays(keys)))

        def exists(self, key):
            return bool(self._call("exists", to_java_bytes(key)))

        def expire(self, key, timeout):
            return self._call("expire", to_java_bytes(key), timeout) == 1

        def persist(self, key):
            # 0 also when the key exists without expiry: ask again whether it is there.
            return self._call("persist", to_java_bytes(key)) == 1 or self.exists(key)

        def incrby(self, key, delta):
            return int(self._call("incrBy", to_java_bytes(key), delta))

        def flushdb(self):
            self._call("flushDB")

        def close(self):
            self._client.close()

else:
    try:
        import redis
    except ImportError:
        redis = None

    class RedisConnection(object):
        """One server through a redis-py client and its connection pool."""

        def __init__(self, url, options):
            if redis is None:
                raise ImproperlyConfigured("The Redis cache on CPython needs redis-py: pip install redis.")
            host, port, db, username, password = parse_url(url)
            pool_options = dict(options)
            pool_options["socket_connect_timeout"] = _timeout_option(options, "socket_connect_timeout")
            pool_options["socket_timeout"] = _timeout_option(options, "socket_timeout")
            try:
                self._pool = redis.ConnectionPool(host=host, port=port, db=db, username=username,
                                                  password=password, **pool_options)
            except TypeError as exc:
                raise ImproperlyConfigured("CACHES OPTIONS: redis-py refuses an option: %s" % exc)
            self._client = redis.Redis(connection_pool=self._pool)

        def _call(self, method, *args, **kwargs):
            try:
                return getattr(self._client, method)(*args, **kwargs)
            except (redis.ConnectionError, redis.TimeoutError) as exc:
                raise CacheServerUnavailable(str(exc))

        def get(self, key):
            return self._call("get", key)

        def mget(self, keys):
            return self._call("mget", keys)

        def set(self, key, value, timeout=None, nx=False):
            return bool(self._call("set", key, value, ex=timeout, nx=nx))

        def delete(self, keys):
            return self._call("delete", *keys)

        def exists(self, key):
            return bool(self._call("exists", key))

        def expire(self, key, timeout):
            return bool(self._call("expire", key, timeout))

        def persist(self, key):
            return bool(self._call("persist", key)) or self.exists(key)

        def incrby(self, key, delta):
            return self._call("incrby", key, delta)

        def flushdb(self):
            self._call("flushdb")

        def close(self):
            self._pool.disconnect()
