"""The database lock ``migrate`` runs under, so that servers starting together migrate once.

Every node of a cluster may run ``migrate`` at start-up (MIGRATE_ON_STARTUP). The first takes
the lock and migrates; the others wait for it, then read the migration history afresh and find
nothing left to apply. The lock is the database server's own session lock
(``connection.ops.migration_lock_sql()``: a PostgreSQL advisory lock, MariaDB/MySQL
``GET_LOCK``), so a node killed while migrating leaves no lock behind. Databases without such a
lock (SQLite, H2) migrate unlocked.
"""
from __future__ import absolute_import, unicode_literals

import contextlib
import logging

logger = logging.getLogger("pyframework.db.migrations")


def _holds(cursor, sql):
    cursor.execute(sql, [])
    row = cursor.fetchone()
    return bool(row and row[0])


@contextlib.contextmanager
def migration_lock(connection, on_wait=None):
    """Hold the migration lock of ``connection``'s database for the block.

    ``on_wait()`` is called once when another process holds the lock, before waiting for it.
    Yields True when a lock is held, False when the database has none.
    """
    statements = connection.ops.migration_lock_sql()
    if statements is None:
        yield False
        return
    try_sql, wait_sql, release_sql = statements
    with connection.cursor() as cursor:
        if not _holds(cursor, try_sql):
            if on_wait is not None:
                on_wait()
            while not _holds(cursor, wait_sql):
                pass
    try:
        yield True
    finally:
        try:
            with connection.cursor() as cursor:
                cursor.execute(release_sql, [])
        except Exception:
            # The lock belongs to the session: closing the connection releases it, so a
            # connection kept for serving requests does not block the other nodes for ever.
            logger.warning("Could not release the migration lock; closing the connection instead.", exc_info=True)
            connection.close()
