"""Operations that run code or SQL: RunPython, RunSQL, SeparateDatabaseAndState."""
from __future__ import absolute_import, unicode_literals

from pyframework.db.migrations.operations.base import Operation
from pyframework.utils.compat import string_types


class SeparateDatabaseAndState(Operation):
    """Run some operations on the database only and others on the state only."""

    def __init__(self, database_operations=None, state_operations=None):
        self.database_operations = database_operations or []
        self.state_operations = state_operations or []

    def state_forwards(self, app_label, state):
        for operation in self.state_operations:
            operation.state_forwards(app_label, state)

    def _states(self, app_label, from_state, operations):
        """Pairs (before, after) for each database operation, starting at ``from_state``."""
        pairs = []
        state = from_state
        for operation in operations:
            before = state.clone()
            operation.state_forwards(app_label, state)
            pairs.append((operation, before, state))
            state = state.clone()
        return pairs

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        for operation, before, after in self._states(app_label, from_state.clone(), self.database_operations):
            operation.database_forwards(app_label, schema_editor, before, after)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        pairs = self._states(app_label, to_state.clone(), self.database_operations)
        for operation, before, after in reversed(pairs):
            operation.database_backwards(app_label, schema_editor, after, before)

    def describe(self):
        return "Custom state/database change combination"


class RunSQL(Operation):
    """Run raw SQL (a string, or a list of strings / ``(sql, params)`` pairs)."""

    noop = ""

    def __init__(self, sql, reverse_sql=None, state_operations=None, hints=None, elidable=False):
        self.sql = sql
        self.reverse_sql = reverse_sql
        self.state_operations = state_operations or []
        self.hints = hints or {}
        self.elidable = elidable

    @property
    def reversible(self):
        return self.reverse_sql is not None

    def state_forwards(self, app_label, state):
        for operation in self.state_operations:
            operation.state_forwards(app_label, state)

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        self._run(schema_editor, self.sql)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if self.reverse_sql is None:
            from pyframework.db.migrations.exceptions import IrreversibleError

            raise IrreversibleError("You cannot reverse this operation")
        self._run(schema_editor, self.reverse_sql)

    @staticmethod
    def _run(schema_editor, sqls):
        if isinstance(sqls, string_types):
            sqls = [sqls]
        for item in sqls:
            if isinstance(item, (list, tuple)):
                sql, params = item[0], item[1] if len(item) > 1 else None
            else:
                sql, params = item, None
            if sql:
                schema_editor.execute(sql, params=params)

    def describe(self):
        return "Raw SQL operation"


class RunPython(Operation):
    """Run ``code(apps, schema_editor)``; ``apps`` gives the historical models of that point."""

    reduces_to_sql = False

    def __init__(self, code, reverse_code=None, atomic=None, hints=None, elidable=False):
        if not callable(code):
            raise ValueError("RunPython must be supplied with a callable")
        if reverse_code is not None and not callable(reverse_code):
            raise ValueError("RunPython must be supplied with callable arguments")
        self.code = code
        self.reverse_code = reverse_code
        self.atomic = atomic
        self.hints = hints or {}
        self.elidable = elidable

    @property
    def reversible(self):
        return self.reverse_code is not None

    def state_forwards(self, app_label, state):
        pass

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        self.code(from_state.apps, schema_editor)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if self.reverse_code is None:
            from pyframework.db.migrations.exceptions import IrreversibleError

            raise IrreversibleError("You cannot reverse this operation")
        self.reverse_code(from_state.apps, schema_editor)

    def describe(self):
        return "Raw Python operation"

    @staticmethod
    def noop(apps, schema_editor):
        """A reverse (or forward) that does nothing: makes a data migration reversible."""
        return None
