"""Transactions: ``atomic()`` blocks (nested through savepoints), ``on_commit()`` and the low-level API.

The connection runs in autocommit mode by default. The outermost ``atomic``
turns autocommit off (which starts a transaction) and commits or rolls back at
its end; inner blocks use savepoints so an exception undoes only their work.
"""
from __future__ import absolute_import, unicode_literals

from functools import wraps

from pyframework.db import DEFAULT_DB_ALIAS, DatabaseError, Error, connections


class TransactionManagementError(Exception):
    """Transaction API misuse, e.g. a query in a transaction that must be rolled back first."""


def get_connection(using=None):
    return connections[using or DEFAULT_DB_ALIAS]


def get_autocommit(using=None):
    return get_connection(using).get_autocommit()


def set_autocommit(autocommit, using=None):
    return get_connection(using).set_autocommit(autocommit)


def commit(using=None):
    get_connection(using).commit()


def rollback(using=None):
    get_connection(using).rollback()


def savepoint(using=None):
    """Create a savepoint in the current transaction; return its id."""
    return get_connection(using).savepoint()


def savepoint_rollback(sid, using=None):
    get_connection(using).savepoint_rollback(sid)


def savepoint_commit(sid, using=None):
    get_connection(using).savepoint_commit(sid)


def clean_savepoints(using=None):
    get_connection(using).clean_savepoints()


def get_rollback(using=None):
    return get_connection(using).get_rollback()


def set_rollback(rollback, using=None):
    """Force (or cancel) the rollback of the innermost atomic block at its exit."""
    return get_connection(using).set_rollback(rollback)


def on_commit(func, using=None, robust=False):
    """Run ``func`` after the current transaction commits (at once outside a transaction)."""
    get_connection(using).on_commit(func, robust)


class mark_for_rollback_on_error(object):
    """Inside an atomic block, an exception in this block marks the transaction for rollback."""

    def __init__(self, using=None):
        self.using = using

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, tb):
        if exc_type is not None:
            conn = get_connection(self.using)
            if conn.in_atomic_block:
                conn.needs_rollback = True
        return False


class Atomic(object):
    """Context manager and decorator; see ``atomic()``."""

    def __init__(self, using, savepoint, durable):
        self.using = using
        self.savepoint = savepoint
        self.durable = durable

    def __call__(self, func):
        @wraps(func)
        def inner(*args, **kwargs):
            with self:
                return func(*args, **kwargs)
        return inner

    def __enter__(self):
        conn = get_connection(self.using)
        # TestCase wraps each test in atomic blocks: a durable block may open inside those.
        if self.durable and conn.atomic_blocks and not getattr(conn.atomic_blocks[-1], "_from_testcase", False):
            raise RuntimeError("A durable atomic block cannot be nested within another atomic block.")
        if not conn.in_atomic_block:
            conn.commit_on_exit = True
            conn.needs_rollback = False
            if not conn.get_autocommit():
                # A transaction opened by hand: join it, and leave the commit to its owner.
                conn.in_atomic_block = True
                conn.commit_on_exit = False
        if conn.in_atomic_block:
            if self.savepoint and not conn.needs_rollback:
                conn.savepoint_ids.append(conn.savepoint())
            else:
                conn.savepoint_ids.append(None)
        else:
            conn.set_autocommit(False)
            conn.in_atomic_block = True
        conn.atomic_blocks.append(self)
        return self

    def __exit__(self, exc_type, exc_value, tb):
        conn = get_connection(self.using)
        if conn.atomic_blocks:
            conn.atomic_blocks.pop()
        if conn.savepoint_ids:
            sid = conn.savepoint_ids.pop()
        else:
            sid = None
            conn.in_atomic_block = False  # the outermost block is ending
        try:
            if conn.closed_in_transaction:
                pass  # the connection died inside the block; nothing left to commit or undo
            elif exc_type is None and not conn.needs_rollback:
                self._finish_success(conn, sid)
            else:
                self._finish_failure(conn, sid)
        finally:
            self._restore_state(conn)
        return False

    @staticmethod
    def _finish_success(conn, sid):
        if conn.in_atomic_block:
            if sid is None:
                return
            try:
                conn.savepoint_commit(sid)
            except DatabaseError:
                try:
                    conn.savepoint_rollback(sid)
                    conn.savepoint_commit(sid)
                except Error:
                    conn.needs_rollback = True
                raise
            return
        try:
            conn.commit()
        except DatabaseError:
            try:
                conn.rollback()
            except Error:
                conn.close()
            raise

    @staticmethod
    def _finish_failure(conn, sid):
        conn.needs_rollback = False
        if conn.in_atomic_block:
            if sid is None:
                # No savepoint to go back to: the enclosing block must roll back.
                conn.needs_rollback = True
                return
            try:
                conn.savepoint_rollback(sid)
                conn.savepoint_commit(sid)  # releases it; the transaction goes on
            except Error:
                conn.needs_rollback = True
            return
        try:
            conn.rollback()
        except Error:
            conn.close()

    @staticmethod
    def _restore_state(conn):
        if not conn.in_atomic_block:
            if conn.closed_in_transaction:
                conn.connection = None
            else:
                conn.set_autocommit(True)
        elif not conn.savepoint_ids and not conn.commit_on_exit:
            if conn.closed_in_transaction:
                conn.connection = None
            else:
                conn.in_atomic_block = False


def atomic(using=None, savepoint=True, durable=False):
    """``@atomic``, ``@atomic(using=...)`` or ``with atomic():`` - all-or-nothing database work."""
    if callable(using):
        return Atomic(DEFAULT_DB_ALIAS, savepoint, durable)(using)
    return Atomic(using, savepoint, durable)


def non_atomic_requests(using=None):
    """View decorator: opt out of ATOMIC_REQUESTS (for every database or only ``using``)."""
    def decorator(view):
        aliases = getattr(view, "_non_atomic_requests", set())
        view._non_atomic_requests = set(aliases) | set([using or DEFAULT_DB_ALIAS])
        return view
    if callable(using):
        view, using = using, None
        return decorator(view)
    return decorator
