"""Cursor wrappers shared by every backend, the ``%s`` -> ``?`` conversion and small typecasts."""
from __future__ import absolute_import, unicode_literals

import datetime
import decimal
import logging
import time

from pyframework.db.utils import Error
from pyframework.utils.compat import text_type

logger = logging.getLogger("pyframework.db.backends")

_QMARK_CACHE = {}
_QMARK_CACHE_LIMIT = 2000


def format_to_qmark(sql):
    """Rewrite ``%s`` placeholders as ``?`` and ``%%`` as ``%`` (cached: the ORM repeats its SQL)."""
    converted = _QMARK_CACHE.get(sql)
    if converted is None:
        if "%" not in sql:
            converted = sql
        else:
            parts = sql.split("%%")
            converted = "%".join(part.replace("%s", "?") for part in parts)
        if len(_QMARK_CACHE) >= _QMARK_CACHE_LIMIT:
            _QMARK_CACHE.clear()
        _QMARK_CACHE[sql] = converted
    return converted


def quote_identifier(name, quote_char='"'):
    """``name`` as one delimited identifier: ``quote_char`` around it, inner ``quote_char`` doubled.

    The one escape every SQL dialect accepts inside a delimited identifier. A name that already is
    a complete delimited identifier (it starts and ends with ``quote_char`` and each inner one is
    doubled) is returned as it is, so quoting twice does not change it.
    """
    doubled = quote_char * 2
    if (len(name) >= 2 and name[0] == quote_char and name[-1] == quote_char
            and quote_char not in name[1:-1].replace(doubled, "")):
        return name
    return "%s%s%s" % (quote_char, name.replace(quote_char, doubled), quote_char)


class CursorWrapper(object):
    """The cursor handed to callers: driver errors come out as pyframework.db errors.

    ``execute(sql, params)`` takes ``%s`` placeholders; with ``params=None`` the
    SQL is sent as written (a literal ``%`` needs no escaping then).
    """

    def __init__(self, cursor, db):
        self.cursor = cursor
        self.db = db

    def __getattr__(self, attr):
        return getattr(self.cursor, attr)

    def __iter__(self):
        return iter(self.cursor.fetchall())

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, tb):
        try:
            self.close()
        except Error:
            pass  # closing after a failure must not hide the original error

    def close(self):
        try:
            self.cursor.close()
        except Exception as exc:  # noqa: BLE001 - translated below
            self.db.raise_database_error(exc)

    def fetchone(self):
        try:
            return self.cursor.fetchone()
        except Exception as exc:  # noqa: BLE001
            self.db.raise_database_error(exc)

    def fetchmany(self, size=None):
        try:
            if size is None:
                return self.cursor.fetchmany()
            return self.cursor.fetchmany(size)
        except Exception as exc:  # noqa: BLE001
            self.db.raise_database_error(exc)

    def fetchall(self):
        try:
            return self.cursor.fetchall()
        except Exception as exc:  # noqa: BLE001
            self.db.raise_database_error(exc)

    def execute(self, sql, params=None):
        return self._execute_with_wrappers(sql, params, many=False, executor=self._execute)

    def executemany(self, sql, param_list):
        return self._execute_with_wrappers(sql, param_list, many=True, executor=self._executemany)

    def _execute_with_wrappers(self, sql, params, many, executor):
        wrappers = self.db.execute_wrappers
        if not wrappers:
            return executor(sql, params, many, {"connection": self.db, "cursor": self})
        context = {"connection": self.db, "cursor": self}
        for wrapper in reversed(wrappers):
            executor = _bind_wrapper(wrapper, executor)
        return executor(sql, params, many, context)

    def _execute(self, sql, params, *ignored):
        self.db.validate_no_broken_transaction()
        try:
            if params is None:
                return self.cursor.execute(sql)
            return self.cursor.execute(self.db.convert_placeholders(sql), self.db.adapt_params(params))
        except Exception as exc:  # noqa: BLE001 - translated to our classes
            self.db.raise_database_error(exc)

    def _executemany(self, sql, param_list, *ignored):
        self.db.validate_no_broken_transaction()
        adapt = self.db.adapt_params
        try:
            return self.cursor.executemany(self.db.convert_placeholders(sql), [adapt(p) for p in param_list])
        except Exception as exc:  # noqa: BLE001
            self.db.raise_database_error(exc)


def _bind_wrapper(wrapper, executor):
    return lambda sql, params, many, context: wrapper(executor, sql, params, many, context)


class CursorDebugWrapper(CursorWrapper):
    """Also records each statement and its duration in ``connection.queries_log``."""

    def execute(self, sql, params=None):
        start = time.time()
        try:
            return super(CursorDebugWrapper, self).execute(sql, params)
        finally:
            self._log(sql, params, start)

    def executemany(self, sql, param_list):
        start = time.time()
        try:
            return super(CursorDebugWrapper, self).executemany(sql, param_list)
        finally:
            self._log(sql, "%d times" % len(param_list), start, many=True)

    def _log(self, sql, params, start, many=False):
        duration = time.time() - start
        self.db.queries_log.append({"sql": "%s -- params %r" % (sql, params), "time": "%.3f" % duration})
        logger.debug("(%.3f) %s; args=%r", duration, sql, params, extra={"duration": duration, "sql": sql})


# Typecasts for text read back from databases that store dates as text.

def parse_date(value):
    if value is None:
        return None
    return datetime.date(int(value[0:4]), int(value[5:7]), int(value[8:10]))


def parse_time(value):
    """``HH:MM[:SS[.ffffff]]`` -> time (a trailing timezone suffix is ignored)."""
    if value is None:
        return None
    value = text_type(value)
    hour, minute = int(value[0:2]), int(value[3:5])
    second = int(value[6:8]) if len(value) >= 8 else 0
    micro = 0
    if len(value) > 8 and value[8] == ".":
        digits = ""
        for char in value[9:15]:
            if not char.isdigit():
                break
            digits += char
        micro = int((digits + "000000")[:6]) if digits else 0
    return datetime.time(hour, minute, second, micro)


def parse_datetime(value):
    """``YYYY-MM-DD[ T]HH:MM:SS[.ffffff]`` -> naive datetime."""
    if value is None:
        return None
    value = text_type(value)
    date = parse_date(value)
    if len(value) <= 10:
        return datetime.datetime(date.year, date.month, date.day)
    clock = parse_time(value[11:])
    return datetime.datetime(date.year, date.month, date.day, clock.hour, clock.minute, clock.second,
                             clock.microsecond)


def parse_decimal(value):
    if value is None:
        return None
    return decimal.Decimal(text_type(value))


def format_number(value, max_digits, decimal_places):
    """Round a Decimal to a column's precision, as text-free Decimal."""
    if value is None:
        return None
    context = decimal.getcontext().copy()
    if max_digits is not None:
        context.prec = max_digits
    if decimal_places is not None:
        return value.quantize(decimal.Decimal(1).scaleb(-decimal_places), context=context)
    return context.create_decimal(value)


def truncate_name(identifier, length=None, hash_len=4):
    """Shorten a table/index name to ``length`` characters, keeping it unique with a hash suffix."""
    import hashlib
    if length is None or len(identifier) <= length:
        return identifier
    digest = hashlib.md5(identifier.encode("utf-8")).hexdigest()[:hash_len]
    return "%s%s" % (identifier[:length - hash_len], digest)


def names_digest(*args, **kwargs):
    import hashlib
    length = kwargs.get("length", 8)
    md5 = hashlib.md5()
    for arg in args:
        md5.update(arg.encode("utf-8"))
    return md5.hexdigest()[:length]
