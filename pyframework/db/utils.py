"""Connections by alias, the PEP 249 exception classes and driver-error translation.

Every backend raises the classes defined here (never its driver's own), so
application code catches ``pyframework.db.IntegrityError`` whatever the database.
"""
from __future__ import absolute_import, unicode_literals

import importlib
import numbers
import sys
import threading
import weakref

from pyframework.core.exceptions import ImproperlyConfigured
from pyframework.utils.compat import reraise, text_type
from pyframework.utils.connection import ConnectionDoesNotExist

DEFAULT_DB_ALIAS = "default"


# What a database error says about the database rather than the statement: the ``condition``
# attribute of every pyframework.db exception. The request handler answers CONNECTION_LOST with
# 503 "not reachable" and LOCK_TIMEOUT with 503 "busy" (Retry-After); any other database error,
# a syntax error or a missing column included, is a bug and gets a 500 like any exception.
CONNECTION_LOST = "connection lost"
LOCK_TIMEOUT = "lock timeout"


class Error(Exception):
    """Base of the PEP 249 exceptions every backend raises.

    ``condition`` is None, CONNECTION_LOST (the database cannot be reached: connection refused,
    lost or closed; SQLSTATE class 08 and each driver's own codes) or LOCK_TIMEOUT (a lock wait
    timed out, a deadlock or a serialization failure: the statement may succeed if retried).
    """

    condition = None


class InterfaceError(Error):
    pass


class DatabaseError(Error):
    pass


class DataError(DatabaseError):
    pass


class OperationalError(DatabaseError):
    pass


class IntegrityError(DatabaseError):
    pass


class InternalError(DatabaseError):
    pass


class ProgrammingError(DatabaseError):
    pass


class NotSupportedError(DatabaseError):
    pass


# Most specific first: a driver's IntegrityError is also its DatabaseError.
PEP249_CLASSES = (
    DataError, OperationalError, IntegrityError, InternalError, ProgrammingError,
    NotSupportedError, DatabaseError, InterfaceError, Error,
)
_OUR_CLASSES = frozenset(PEP249_CLASSES)


def translate_driver_error(database_module, exc):
    """Return our exception class matching ``exc`` raised by ``database_module`` (or None)."""
    if type(exc) in _OUR_CLASSES:
        return type(exc)
    for ours in PEP249_CLASSES:
        theirs = getattr(database_module, ours.__name__, None)
        if theirs is not None and isinstance(exc, theirs):
            return ours
    return None


def error_message(exc):
    """The database's own message text for ``exc``."""
    getter = getattr(exc, "getMessage", None)  # Java exceptions
    if getter is not None:
        try:
            return text_type(getter())
        except Exception:  # noqa: BLE001 - fall back to the plain string form
            pass
    if exc.args:
        return text_type(exc.args[0]) if len(exc.args) == 1 else text_type(exc.args)
    return text_type(exc)


class DatabaseErrorWrapper(object):
    """Context manager turning driver exceptions into pyframework.db exceptions.

    Operational and interface errors flag the connection (``errors_occurred``) so
    it is checked, and replaced if broken, before the next request uses it.
    """

    def __init__(self, wrapper):
        self.wrapper = wrapper

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, tb):
        if exc_type is None:
            return False
        self.wrapper.raise_database_error(exc_value, tb)
        return False

    def __call__(self, func):
        def inner(*args, **kwargs):
            with self:
                return func(*args, **kwargs)
        return inner


def raise_translated(wrapper, exc, tb=None):
    """Raise ``exc`` again, as our exception class when it comes from the driver."""
    if tb is None:
        tb = sys.exc_info()[2]
    ours = wrapper.translate_exception(exc)
    if ours is None:
        reraise(type(exc), exc, tb)
    if ours in (OperationalError, InterfaceError):
        wrapper.errors_occurred = True
    if type(exc) is ours:
        reraise(ours, exc, tb)
    new = ours(error_message(exc))
    new.__cause__ = exc
    new.driver_exception = exc
    new.condition = wrapper.error_condition(exc)
    reraise(ours, new, tb)


def load_backend(engine, alias=DEFAULT_DB_ALIAS):
    """Import ``<engine>.base``; the error names the ENGINE setting to fix."""
    try:
        return importlib.import_module("%s.base" % engine)
    except ImportError as exc:
        raise ImproperlyConfigured(
            "DATABASES[%r]['ENGINE'] = %r is not an available database backend (%s). Use "
            "'pyframework.db.backends.sqlite3' or 'pyframework.db.backends.jdbc'." % (alias, engine, exc))


_SETTINGS_DEFAULTS = (
    ("ATOMIC_REQUESTS", False), ("AUTOCOMMIT", True), ("CONN_MAX_AGE", 0), ("CONN_HEALTH_CHECKS", False),
    ("NAME", ""),
    ("USER", ""), ("PASSWORD", ""), ("HOST", ""), ("PORT", ""), ("TIME_ZONE", None),
)


def normalize_settings(alias, settings_dict):
    """A copy of one DATABASES entry with every optional key filled in."""
    if not settings_dict.get("ENGINE"):
        raise ImproperlyConfigured("DATABASES[%r] has no 'ENGINE': set it to "
                                   "'pyframework.db.backends.sqlite3' or 'pyframework.db.backends.jdbc'." % alias)
    conf = dict(settings_dict)
    for key, default in _SETTINGS_DEFAULTS:
        conf.setdefault(key, default)
    max_age = conf["CONN_MAX_AGE"]
    if max_age is not None and (isinstance(max_age, bool) or not isinstance(max_age, numbers.Real) or max_age < 0):
        raise ImproperlyConfigured("DATABASES[%r]['CONN_MAX_AGE'] = %r: use 0 (close after each request), None "
                                   "(keep the connection) or a number of seconds." % (alias, max_age))
    conf["OPTIONS"] = dict(conf.get("OPTIONS") or {})
    conf["TEST"] = dict(conf.get("TEST") or {})
    return conf


class ConnectionHandler(object):
    """``connections[alias]``: one DatabaseWrapper per alias and per thread.

    The per-thread objects live in a ``threading.local``, so the query path takes
    no lock. ``DATABASES`` is read once and again only when a test changes it.
    """

    def __init__(self, databases=None):
        self._explicit_databases = databases
        self._databases = None
        self._atomic_aliases = None
        self._local = threading.local()
        # Every wrapper of every thread, for shutdown(); written once per thread and alias.
        self._every_wrapper = weakref.WeakSet()
        self._registry_lock = threading.Lock()

    @property
    def databases(self):
        if self._databases is None:
            if self._explicit_databases is not None:
                raw = self._explicit_databases
            else:
                from pyframework.conf import settings
                raw = settings.DATABASES
            self._databases = dict((alias, normalize_settings(alias, conf)) for alias, conf in raw.items())
        return self._databases

    def _thread_connections(self):
        try:
            return self._local.connections
        except AttributeError:
            self._local.connections = {}
            return self._local.connections

    def __getitem__(self, alias):
        conns = self._thread_connections()
        try:
            return conns[alias]
        except KeyError:
            pass
        try:
            conf = self.databases[alias]
        except KeyError:
            raise ConnectionDoesNotExist("The connection %r doesn't exist: settings.DATABASES has no %r entry."
                                         % (alias, alias))
        backend = load_backend(conf["ENGINE"], alias)
        conn = backend.DatabaseWrapper(conf, alias)
        conns[alias] = conn
        with self._registry_lock:
            self._every_wrapper.add(conn)
        return conn

    def __contains__(self, alias):
        return alias in self.databases

    def __iter__(self):
        return iter(self.databases)

    def atomic_request_aliases(self):
        """Aliases whose ATOMIC_REQUESTS wraps every view in a transaction (cached with the settings)."""
        databases = self.databases
        aliases = self._atomic_aliases
        if aliases is None or aliases[0] is not databases:
            aliases = (databases, tuple(sorted(a for a, conf in databases.items() if conf["ATOMIC_REQUESTS"])))
            self._atomic_aliases = aliases
        return aliases[1]

    def all(self, initialized_only=False):
        """Wrappers of this thread; ``initialized_only`` skips aliases never used here."""
        if initialized_only:
            return list(self._thread_connections().values())
        return [self[alias] for alias in self.databases]

    def close_all(self):
        """Close this thread's connections."""
        for conn in self.all(initialized_only=True):
            conn.close()

    def shutdown(self):
        """Close the connections of every thread and shut embedded databases down (application end).

        The servlet bridge calls this (through ``WSGIHandler.shutdown``) when the container
        destroys the application, after the last request: an embedded H2 kept open for the
        life of the application releases its file, so the WAR can be deployed again at once.
        """
        with self._registry_lock:
            wrappers = list(self._every_wrapper)
            self._every_wrapper = weakref.WeakSet()
        shut = set()
        for conn in wrappers:
            try:
                signature = conn.shutdown_signature()
                if signature is not None and signature not in shut:
                    shut.add(signature)
                    conn.shutdown_database()
            finally:
                conn.close()

    def reset(self):
        """Forget settings and this thread's wrappers (after DATABASES changed)."""
        self.close_all()
        self._databases = None
        self._local = threading.local()
