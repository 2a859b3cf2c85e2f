"""What an SQLite error code means for a request, shared by the sqlite3 backend and sqlite-jdbc.

SQLite has no server to lose: the database "cannot be reached" when its file cannot be opened
or read (SQLITE_CANTOPEN, SQLITE_IOERR, SQLITE_NOTADB) or the connection was closed. A busy or
locked database (SQLITE_BUSY, SQLITE_LOCKED: another connection holds the lock past the busy
timeout) is a lock timeout. Everything else, "no such column" and syntax errors included, is a
statement error.
"""
from __future__ import absolute_import, unicode_literals

from pyframework.db.utils import CONNECTION_LOST, LOCK_TIMEOUT

SQLITE_BUSY, SQLITE_LOCKED, SQLITE_IOERR, SQLITE_CANTOPEN, SQLITE_CONSTRAINT, SQLITE_NOTADB = 5, 6, 10, 14, 19, 26

_CONDITIONS_BY_CODE = {
    SQLITE_BUSY: LOCK_TIMEOUT,
    SQLITE_LOCKED: LOCK_TIMEOUT,
    SQLITE_IOERR: CONNECTION_LOST,
    SQLITE_CANTOPEN: CONNECTION_LOST,
    SQLITE_NOTADB: CONNECTION_LOST,
}
# The messages of those codes, for drivers that do not expose the code (CPython before 3.11).
_CONDITIONS_BY_MESSAGE = (
    ("database is locked", LOCK_TIMEOUT),
    ("database table is locked", LOCK_TIMEOUT),
    ("unable to open database file", CONNECTION_LOST),
    ("disk i/o error", CONNECTION_LOST),
    ("file is not a database", CONNECTION_LOST),
    ("closed database", CONNECTION_LOST),
    ("database connection closed", CONNECTION_LOST),
)


def error_condition(code, message):
    """CONNECTION_LOST, LOCK_TIMEOUT or None for an SQLite (extended) result ``code`` / ``message``."""
    if code is not None:
        condition = _CONDITIONS_BY_CODE.get(code & 0xff)
        if condition is not None:
            return condition
    message = ("%s" % (message or "")).lower()
    for fragment, condition in _CONDITIONS_BY_MESSAGE:
        if fragment in message:
            return condition
    return None
