"""Which pyframework.db exception a Java exception from a JDBC driver becomes."""
from __future__ import absolute_import, unicode_literals

from pyframework.db import utils as db_utils
from pyframework.db.backends.jdbc import jvm
from pyframework.utils.compat import text_type

# SQLSTATE classes (first two characters), from the SQL standard.
_SQLSTATE_CLASSES = {
    "23": db_utils.IntegrityError,
    "08": db_utils.OperationalError,
    "22": db_utils.DataError,
    "42": db_utils.ProgrammingError,
    "0A": db_utils.NotSupportedError,
    "40": db_utils.OperationalError,
    "53": db_utils.OperationalError,
    "57": db_utils.OperationalError,
    "XX": db_utils.InternalError,
}
_CLASS_NAMES = {
    "SQLIntegrityConstraintViolationException": db_utils.IntegrityError,
    "SQLNonTransientConnectionException": db_utils.OperationalError,
    "SQLTransientConnectionException": db_utils.OperationalError,
    "SQLRecoverableException": db_utils.OperationalError,
    "SQLSyntaxErrorException": db_utils.ProgrammingError,
    "SQLDataException": db_utils.DataError,
    "SQLFeatureNotSupportedException": db_utils.NotSupportedError,
}


def java_message(exc):
    try:
        message = exc.getMessage()
    except (AttributeError, jvm.JavaThrowable):
        message = None
    if message is None:
        return text_type(exc)
    return text_type(message)


def _is_closed(jconn):
    if jconn is None:
        return True
    try:
        return bool(jconn.isClosed())
    except jvm.JavaThrowable:
        return True


# SQLException subclasses that mean the connection is unusable (JDBC 4).
_CONNECTION_LOST_CLASS_NAMES = frozenset([
    "SQLNonTransientConnectionException", "SQLTransientConnectionException", "SQLRecoverableException",
])
_LOCK_TIMEOUT_CLASS_NAMES = frozenset(["SQLTransactionRollbackException"])


def java_error_condition(exc, jconn, dialect):
    """CONNECTION_LOST, LOCK_TIMEOUT or None (pyframework.db.utils) for a Java exception from a driver.

    Lost: the connection is closed, SQLSTATE class 08, a connection-level SQLException subclass,
    or one of the dialect's own codes. Lock timeout: the dialect's codes and SQLSTATEs (40001...).
    """
    if _is_closed(jconn):
        return db_utils.CONNECTION_LOST
    by_dialect = dialect.error_condition(exc)
    if by_dialect is not None:
        return by_dialect
    state = dialect.sql_state(exc)
    if state and state.startswith("08"):
        return db_utils.CONNECTION_LOST
    name = text_type(exc.getClass().getSimpleName()) if hasattr(exc, "getClass") else type(exc).__name__
    if name in _CONNECTION_LOST_CLASS_NAMES:
        return db_utils.CONNECTION_LOST
    if name in _LOCK_TIMEOUT_CLASS_NAMES:
        return db_utils.LOCK_TIMEOUT
    return None


def classify_java_error(exc, jconn, dialect):
    """Our exception class for ``exc``; a lost connection is always an OperationalError."""
    if _is_closed(jconn):
        return db_utils.OperationalError
    by_dialect = dialect.classify_error(exc)
    if by_dialect is not None:
        return by_dialect
    state = None
    getter = getattr(exc, "getSQLState", None)
    if getter is not None:
        try:
            state = getter()
        except jvm.JavaThrowable:
            state = None
    if state:
        ours = _SQLSTATE_CLASSES.get(text_type(state)[:2])
        if ours is not None:
            return ours
    name = text_type(exc.getClass().getSimpleName()) if hasattr(exc, "getClass") else type(exc).__name__
    if name in _CLASS_NAMES:
        return _CLASS_NAMES[name]
    if getter is not None:
        return db_utils.DatabaseError
    return db_utils.InterfaceError
