"""BaseDatabaseWrapper: one database connection, its transaction state and savepoints.

Backends subclass it and fill in the driver-facing hooks (``get_new_connection``,
``create_cursor``, ``_set_autocommit``, ``is_usable``...). Everything about
atomic blocks, savepoints, on_commit hooks and connection lifetime lives here.
"""
from __future__ import absolute_import, unicode_literals

import collections
import logging
import time
from contextlib import contextmanager

from pyframework.db.transaction import TransactionManagementError
from pyframework.db.backends.utils import CursorDebugWrapper, CursorWrapper, format_to_qmark
from pyframework.db.utils import DatabaseErrorWrapper, raise_translated, translate_driver_error
from pyframework.dispatch import Signal
from pyframework.utils.compat import JYTHON

logger = logging.getLogger("pyframework.db.backends.base")

# Sent after a new connection is set up: sender=wrapper class, connection=wrapper.
connection_created = Signal()

QUERIES_LOG_SIZE = 9000


class BaseDatabaseWrapper(object):
    vendor = "unknown"
    display_name = "unknown"
    Database = None  # the DB-API module whose exceptions the backend's driver raises
    data_types = {}
    data_types_suffix = {}
    data_type_check_constraints = {}
    operators = {}
    pattern_esc = None
    pattern_ops = {}

    # Component classes, set by each backend.
    client_class = None
    creation_class = None
    features_class = None
    introspection_class = None
    ops_class = None
    SchemaEditorClass = None

    def __init__(self, settings_dict, alias="default"):
        self.connection = None
        self.settings_dict = settings_dict
        self.alias = alias
        self.queries_log = collections.deque(maxlen=QUERIES_LOG_SIZE)
        self.force_debug_cursor = False

        self.autocommit = False
        self.in_atomic_block = False
        self.savepoint_state = 0
        self.savepoint_ids = []
        self.atomic_blocks = []
        self.commit_on_exit = True
        self.needs_rollback = False
        self.rollback_exc = None

        self.close_at = None
        self.health_check_enabled = False
        self.health_check_done = False
        self.closed_in_transaction = False
        self.errors_occurred = False
        self.run_on_commit = []
        self.run_commit_hooks_on_set_autocommit_on = False
        self.execute_wrappers = []

        self.wrap_database_errors = DatabaseErrorWrapper(self)
        self.features = self.features_class(self)
        self.ops = self.ops_class(self)
        self.introspection = self.introspection_class(self)
        self.creation = self.creation_class(self)

    def __repr__(self):
        return "<%s vendor=%r alias=%r>" % (self.__class__.__name__, self.vendor, self.alias)

    @property
    def queries_logged(self):
        if self.force_debug_cursor:
            return True
        from pyframework.conf import settings
        return settings.DEBUG

    @property
    def queries(self):
        return list(self.queries_log)

    # -- driver hooks (subclasses) -------------------------------------------------------

    def get_connection_params(self):
        raise NotImplementedError

    def get_new_connection(self, conn_params):
        raise NotImplementedError

    def init_connection_state(self):
        pass

    def create_cursor(self, name=None):
        raise NotImplementedError

    def _set_autocommit(self, autocommit):
        raise NotImplementedError

    def is_usable(self):
        raise NotImplementedError

    def adapt_params(self, params):
        """Turn Python values into what the driver binds (per backend)."""
        return params

    def convert_placeholders(self, sql):
        return format_to_qmark(sql)

    def translate_exception(self, exc):
        """Our PEP 249 class for a driver exception, or None if ``exc`` is not one."""
        return translate_driver_error(self.Database, exc)

    def error_condition(self, exc):
        """CONNECTION_LOST, LOCK_TIMEOUT or None for a driver exception (see pyframework.db.utils)."""
        return None

    def raise_database_error(self, exc, tb=None):
        raise_translated(self, exc, tb)

    # -- connection lifetime -------------------------------------------------------------

    def connect(self):
        """Open a new connection and reset the per-connection state."""
        self.in_atomic_block = False
        self.savepoint_ids = []
        self.atomic_blocks = []
        self.needs_rollback = False
        max_age = self.connection_max_age()
        self.close_at = None if max_age is None else time.time() + max_age
        self.health_check_enabled = self.settings_dict["CONN_HEALTH_CHECKS"]
        self.health_check_done = True  # a new connection needs no check
        self.closed_in_transaction = False
        self.errors_occurred = False
        self.run_on_commit = []
        self.connection = self.get_new_connection(self.get_connection_params())
        self.set_autocommit(self.settings_dict["AUTOCOMMIT"])
        self.init_connection_state()
        connection_created.send(sender=self.__class__, connection=self)

    def connection_max_age(self):
        """Seconds a connection may serve requests (0: one request, None: no limit): CONN_MAX_AGE."""
        return self.settings_dict["CONN_MAX_AGE"]

    def ensure_connection(self):
        if self.connection is None:
            with self.wrap_database_errors:
                self.connect()

    def _prepare_cursor(self, cursor):
        self.validate_thread_sharing()
        if self.queries_logged:
            return CursorDebugWrapper(cursor, self)
        return CursorWrapper(cursor, self)

    def validate_thread_sharing(self):
        """Each thread has its own wrapper (see ConnectionHandler): nothing to check."""

    def close_if_health_check_failed(self):
        """With CONN_HEALTH_CHECKS, test a kept connection once per request before its first query."""
        if self.connection is None or not self.health_check_enabled or self.health_check_done:
            return
        if not self.is_usable():
            self.close()
        self.health_check_done = True

    def cursor(self):
        self.close_if_health_check_failed()
        self.ensure_connection()
        with self.wrap_database_errors:
            return self._prepare_cursor(self.create_cursor())

    def chunked_cursor(self):
        """A cursor for reading many rows in chunks (backends may stream)."""
        return self.cursor()

    def make_cursor(self, cursor):
        return CursorWrapper(cursor, self)

    def make_debug_cursor(self, cursor):
        return CursorDebugWrapper(cursor, self)

    def close(self):
        """Close the connection (a pooled JDBC connection goes back to its pool)."""
        self.run_on_commit = []
        if self.closed_in_transaction or self.connection is None:
            return
        try:
            self._close()
        finally:
            if self.in_atomic_block:
                self.closed_in_transaction = True
                self.needs_rollback = True
            else:
                self.connection = None

    def _close(self):
        if self.connection is not None:
            with self.wrap_database_errors:
                self.connection.close()

    def close_if_unusable_or_obsolete(self):
        """Called at request start and end: drop connections that are broken or past CONN_MAX_AGE."""
        if self.connection is None:
            return
        # A kept connection is checked again before the next request's first query.
        self.health_check_done = False
        if self.get_autocommit() != self.settings_dict["AUTOCOMMIT"]:
            # A request left a transaction open: never hand it to the next one.
            self.close()
            return
        if self.errors_occurred:
            if self.is_usable():
                self.errors_occurred = False
                self.health_check_done = True
            else:
                self.close()
                return
        if self.close_at is not None and time.time() >= self.close_at:
            self.close()

    def shutdown_signature(self):
        """What identifies an embedded database to shut down at application end, or None.

        Wrappers with the same signature share one database, which is shut down once.
        """
        return None

    def shutdown_database(self):
        """Shut down the embedded database behind this wrapper (``shutdown_signature`` is not None)."""

    # -- transactions --------------------------------------------------------------------

    def _commit(self):
        if self.connection is not None:
            with self.wrap_database_errors:
                self.connection.commit()

    def _rollback(self):
        if self.connection is not None:
            with self.wrap_database_errors:
                self.connection.rollback()

    def commit(self):
        self.validate_no_atomic_block()
        self._commit()
        self.errors_occurred = False
        self.run_commit_hooks_on_set_autocommit_on = True

    def rollback(self):
        self.validate_no_atomic_block()
        self._rollback()
        self.errors_occurred = False
        self.needs_rollback = False
        self.run_on_commit = []

    def get_autocommit(self):
        self.ensure_connection()
        return self.autocommit

    def set_autocommit(self, autocommit):
        self.validate_no_atomic_block()
        self.ensure_connection()
        self._set_autocommit(autocommit)
        self.autocommit = autocommit
        if autocommit and self.run_commit_hooks_on_set_autocommit_on:
            self.run_and_clear_commit_hooks()
            self.run_commit_hooks_on_set_autocommit_on = False

    def get_rollback(self):
        if not self.in_atomic_block:
            raise TransactionManagementError("The rollback flag doesn't work outside of an 'atomic' block.")
        return self.needs_rollback

    def set_rollback(self, rollback):
        if not self.in_atomic_block:
            raise TransactionManagementError("The rollback flag doesn't work outside of an 'atomic' block.")
        self.needs_rollback = rollback

    def validate_no_atomic_block(self):
        if self.in_atomic_block:
            raise TransactionManagementError("This is forbidden when an 'atomic' block is active.")

    def validate_no_broken_transaction(self):
        if self.needs_rollback:
            raise TransactionManagementError("An error occurred in the current transaction. You can't execute "
                                             "queries until the end of the 'atomic' block.")

    # -- savepoints ----------------------------------------------------------------------

    def _savepoint_allowed(self):
        return self.features.uses_savepoints and not self.get_autocommit()

    def _savepoint(self, sid):
        with self.cursor() as cursor:
            cursor.execute(self.ops.savepoint_create_sql(sid))

    def _savepoint_rollback(self, sid):
        with self.cursor() as cursor:
            cursor.execute(self.ops.savepoint_rollback_sql(sid))

    def _savepoint_commit(self, sid):
        with self.cursor() as cursor:
            cursor.execute(self.ops.savepoint_commit_sql(sid))

    def savepoint(self):
        """Create a savepoint inside the current transaction; return its id (None if not possible)."""
        if not self._savepoint_allowed():
            return None
        self.savepoint_state += 1
        sid = "s%d_x%d" % (id(self) % 100000, self.savepoint_state)
        self._savepoint(sid)
        return sid

    def savepoint_rollback(self, sid):
        if not self._savepoint_allowed():
            return
        self._savepoint_rollback(sid)
        # Hooks registered after the savepoint are discarded with it.
        self.run_on_commit = [entry for entry in self.run_on_commit if sid not in entry[0]]

    def savepoint_commit(self, sid):
        if not self._savepoint_allowed():
            return
        self._savepoint_commit(sid)

    def clean_savepoints(self):
        self.savepoint_state = 0

    # -- on_commit -----------------------------------------------------------------------

    def on_commit(self, func, robust=False):
        if not callable(func):
            raise TypeError("on_commit()'s callback must be a callable.")
        if self.in_atomic_block:
            self.run_on_commit.append((set(self.savepoint_ids), func, robust))
        elif not self.get_autocommit():
            raise TransactionManagementError("on_commit() cannot be used in manual transaction management")
        else:
            self._run_hook(func, robust)

    def run_and_clear_commit_hooks(self):
        self.validate_no_atomic_block()
        hooks, self.run_on_commit = self.run_on_commit, []
        for _, func, robust in hooks:
            self._run_hook(func, robust)

    @staticmethod
    def _run_hook(func, robust):
        if not robust:
            func()
            return
        try:
            func()
        except Exception:  # noqa: BLE001 - robust hooks only log
            logger.exception("Error calling %r in on_commit() (ignored: robust=True).", func)

    # -- helpers for other layers --------------------------------------------------------

    @contextmanager
    def execute_wrapper(self, wrapper):
        """Install ``wrapper(execute, sql, params, many, context)`` around every query of this block."""
        self.execute_wrappers.append(wrapper)
        try:
            yield
        finally:
            self.execute_wrappers.pop()

    # -- foreign key checks (loaddata) ----------------------------------------------------

    def disable_constraint_checking(self):
        """Stop checking foreign keys on this connection; True if it did (then re-enable it).
        Databases whose keys are checked at commit (deferred) need nothing."""
        sql = getattr(self.ops, "disable_constraint_checking_sql", None)
        if not sql:
            return False
        with self.cursor() as cursor:
            cursor.execute(sql)
        return True

    def enable_constraint_checking(self):
        with self.cursor() as cursor:
            cursor.execute(self.ops.enable_constraint_checking_sql)

    @contextmanager
    def constraint_checks_disabled(self):
        """Rows may refer to rows written later in the block (fixtures with forward references)."""
        disabled = self.disable_constraint_checking()
        try:
            yield
        finally:
            if disabled:
                self.enable_constraint_checking()

    def check_foreign_keys(self, models):
        """IntegrityError naming the first row of ``models`` whose foreign key points nowhere."""
        from pyframework.db.utils import IntegrityError

        qn = self.ops.quote_name
        with self.cursor() as cursor:
            for model in models:
                for field in model._meta.local_fields:
                    remote = field.remote_field
                    if remote is None or not getattr(field, "db_constraint", True) or not field.column:
                        continue
                    target = remote.model._meta.get_field(remote.field_name) if remote.field_name \
                        else remote.model._meta.pk
                    cursor.execute(
                        "SELECT c.%s, c.%s FROM %s c LEFT JOIN %s p ON c.%s = p.%s "
                        "WHERE c.%s IS NOT NULL AND p.%s IS NULL" % (
                            qn(model._meta.pk.column), qn(field.column), qn(model._meta.db_table),
                            qn(remote.model._meta.db_table), qn(field.column), qn(target.column),
                            qn(field.column), qn(target.column)))
                    row = cursor.fetchone()
                    if row is not None:
                        raise IntegrityError(
                            "The row in table '%s' with primary key '%s' has an invalid foreign key: %s.%s "
                            "contains a value '%s' that does not have a corresponding value in %s.%s."
                            % (model._meta.db_table, row[0], model._meta.db_table, field.column, row[1],
                               remote.model._meta.db_table, target.column))

    def schema_editor(self, *args, **kwargs):
        return self.SchemaEditorClass(self, *args, **kwargs)

    def temporary_connection(self):
        return _TemporaryConnection(self)

    def copy(self, alias=None):
        return self.__class__(dict(self.settings_dict), alias or self.alias)

    @property
    def is_jython(self):
        return JYTHON


class _TemporaryConnection(object):
    def __init__(self, wrapper):
        self.wrapper = wrapper
        self.must_close = wrapper.connection is None

    def __enter__(self):
        return self.wrapper.cursor()

    def __exit__(self, *exc):
        if self.must_close:
            self.wrapper.close()
