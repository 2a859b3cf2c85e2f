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
