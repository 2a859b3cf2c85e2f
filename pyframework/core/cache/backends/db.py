"""A cache in a database table: ``pyframework.core.cache.backends.db.DatabaseCache``.

LOCATION is the table name; ``manage.py createcachetable`` creates it. Every process and server
using the same database shares the cache. The value column holds the base64 text of the pickle
(protocol 2, readable by CPython and Jython). Expiry is compared in SQL, so rows are never read
back to decide whether they are live. The table name is quoted by the backend, never pasted
into SQL as it comes; keys and values are always query parameters. OPTIONS may name the
``DATABASE`` alias (default: "default").
"""
from __future__ import absolute_import, unicode_literals

import base64
import datetime
import time

from pyframework.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache, dumps, loads
from pyframework.db import IntegrityError, connections, transaction

#: Stored as the expiry of entries that never expire (TIMEOUT None).
NEVER = datetime.datetime(9999, 12, 31, 23, 59, 59)


def cache_table_sql(connection, table):
    """The CREATE TABLE and CREATE INDEX statements for a cache table named ``table``."""
    quote = connection.ops.quote_name
    types = connection.data_types
    columns = [
        "%s %s NOT NULL PRIMARY KEY" % (quote("cache_key"), types["CharField"] % {"max_length": 255}),
        "%s %s NOT NULL" % (quote("value"), types["TextField"]),
        "%s %s NOT NULL" % (quote("expires"), types["DateTimeField"]),
    ]
    return [
        "CREATE TABLE %s (%s)" % (quote(table), ", ".join(columns)),
        "CREATE INDEX %s ON %s (%s)" % (quote(table + "_expires"), quote(table), quote("expires")),
    ]


class DatabaseCache(BaseCache):
    """Rows of (cache_key, value, expires); past MAX_ENTRIES, expired rows and then the
    first 1/CULL_FREQUENCY of the keys (in key order) are deleted, as Django does."""

    def __init__(self, table, params):
        super(DatabaseCache, self).__init__(params)
        if not table:
            raise ValueError("The database cache needs a table name: set CACHES LOCATION.")
        self._table = table
        self._using = params.get("OPTIONS", {}).get("DATABASE", "default")

    # -- helpers -----------------------------------------------------------------------

    @property
    def _connection(self):
        return connections[self._using]

    def _sql(self, template, placeholders=0):
        # Placeholders first, then the quoted table name: a "%" in the name stays literal.
        if placeholders:
            template = template.replace("{many}", ", ".join(["%s"] * placeholders))
        quote = self._connection.ops.quote_name
        for name, identifier in (("{k}", "cache_key"), ("{v}", "value"), ("{e}", "expires")):
            template = template.replace(name, quote(identifier))
        # Statements always run with parameters (an empty list at least), so "%%" is a "%".
        return template.replace("{table}", quote(self._table).replace("%", "%%"))

    # Expiry moments are naive UTC whatever USE_TZ says, so every process compares alike.
    def _now(self):
        return self._connection.ops.adapt_datetimefield_value(datetime.datetime.utcfromtimestamp(time.time()))

    def _expiry(self, timeout):
        expires = self.get_backend_timeout(timeout)
        moment = NEVER if expires is None else datetime.datetime.utcfromtimestamp(expires)
        return self._connection.ops.adapt_datetimefield_value(moment)

    @staticmethod
    def _encode(value):
        return base64.b64encode(dumps(value)).decode("ascii")

    @staticmethod
    def _decode(text):
        if not isinstance(text, bytes):
            text = text.encode("ascii")
        return loads(base64.b64decode(text))

    # -- the API -----------------------------------------------------------------------

    def get(self, key, default=None, version=None):
        return self.get_many([key], version=version).get(key, default)

    def get_many(self, keys, version=None):
        keys = list(keys)
        if not keys:
            return {}
        by_stored = dict((self.make_and_validate_key(key, version=version), key) for key in keys)
        stored = list(by_stored)
        with self._connection.cursor() as cursor:
            cursor.execute(
                self._sql("SELECT {k}, {v} FROM {table} WHERE {k} IN ({many}) AND {e} > %s",
                          len(stored)), stored + [self._now()])
            rows = cursor.fetchall()
        return dict((by_stored[row[0]], self._decode(row[1])) for row in rows)

    def has_key(self, key, version=None):
        key = self.make_and_validate_key(key, version=version)
        with self._connection.cursor() as cursor:
            cursor.execute(self._sql("SELECT {k} FROM {table} WHERE {k} = %s AND {e} > %s"),
                           [key, self._now()])
            return cursor.fetchone() is not None

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_and_validate_key(key, version=version)
        self._base_set("set", key, value, timeout)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_and_validate_key(key, version=version)
        return self._base_set("add", key, value, timeout)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_and_validate_key(key, version=version)
        with transaction.atomic(using=self._using):
            with self._connection.cursor() as cursor:
                cursor.execute(self._sql("UPDATE {table} SET {e} = %s WHERE {k} = %s AND {e} > %s"),
                               [self._expiry(timeout), key, self._now()])
                return cursor.rowcount > 0

    def _base_set(self, mode, key, value, timeout):
        encoded = self._encode(value)
        expires = self._expiry(timeout)
        try:
            # A savepoint, so a clashing INSERT does not break the caller's transaction.
            with transaction.atomic(using=self._using):
                with self._connection.cursor() as cursor:
                    self._cull(cursor)
                    if mode == "add":
                        cursor.execute(self._sql("DELETE FROM {table} WHERE {k} = %s AND {e} <= %s"),
                                       [key, self._now()])
                    else:
                        cursor.execute(self._sql("UPDATE {table} SET {v} = %s, {e} = %s WHERE {k} = %s"),
                                       [encoded, expires, key])
                        if cursor.rowcount > 0:
                            return True
                    cursor.execute(self._sql("INSERT INTO {table} ({k}, {v}, {e}) VALUES (%s, %s, %s)"),
                                   [key, encoded, expires])
        except IntegrityError:
            # add(): the key is live; set(): another process inserted it between UPDATE and INSERT.
            if mode == "add":
                return False
            return self._base_set(mode, key, value, timeout)
        return True

    def incr(self, key, delta=1, version=None):
        key = self.make_and_validate_key(key, version=version)
        with transaction.atomic(using=self._using):
            with self._connection.cursor() as cursor:
                # Read and write in one transaction (as Django's DatabaseCache does).
                cursor.execute(self._sql("SELECT {v} FROM {table} WHERE {k} = %s AND {e} > %s"),
                               [key, self._now()])
                row = cursor.fetchone()
                if row is None:
                    raise ValueError("Key '%s' not found" % key)
                new_value = self._decode(row[0]) + delta
                cursor.execute(self._sql("UPDATE {table} SET {v} = %s WHERE {k} = %s"),
                               [self._encode(new_value), key])
        return new_value

    def delete(self, key, version=None):
        return self.delete_many_keys([self.make_and_validate_key(key, version=version)])

    def delete_many(self, keys, version=None):
        self.delete_many_keys([self.make_and_validate_key(key, version=version) for key in keys])

    def delete_many_keys(self, stored_keys):
        if not stored_keys:
            return False
        with transaction.atomic(using=self._using):
            with self._connection.cursor() as cursor:
                cursor.execute(self._sql("DELETE FROM {table} WHERE {k} IN ({many})", len(stored_keys)),
                               list(stored_keys))
                return cursor.rowcount > 0

    def clear(self):
        with transaction.atomic(using=self._using):
            with self._connection.cursor() as cursor:
                cursor.execute(self._sql("DELETE FROM {table}"), [])

    def _cull(self, cursor):
        cursor.execute(self._sql("DELETE FROM {table} WHERE {e} < %s"), [self._now()])
        cursor.execute(self._sql("SELECT COUNT(*) FROM {table}"), [])
        count = cursor.fetchone()[0]
        if count < self._max_entries:
            return
        if self._cull_frequency == 0:
            cursor.execute(self._sql("DELETE FROM {table}"), [])
            return
        cursor.execute(self._sql("SELECT {k} FROM {table} ORDER BY {k}"), [])
        doomed = [row[0] for row in cursor.fetchall()[:count // self._cull_frequency]]
        if doomed:
            cursor.execute(self._sql("DELETE FROM {table} WHERE {k} IN ({many})", len(doomed)), doomed)

