"""``Migration``: the class every migration file subclasses."""
from __future__ import absolute_import, unicode_literals

from pyframework.db.migrations.exceptions import IrreversibleError


class Migration(object):
    """A list of operations for one app, with the migrations it depends on.

    Migration files subclass this with class attributes ``operations``,
    ``dependencies`` (``(app_label, name)`` pairs; ``"__first__"`` is allowed as a
    name) and optionally ``initial`` and ``atomic``. The loader instantiates the
    class with the file's name and app label.
    """

    operations = []
    dependencies = []
    run_before = []
    replaces = []
    initial = None
    # Run the whole migration in one transaction where the backend can roll back DDL.
    atomic = True

    def __init__(self, name, app_label):
        self.name = name
        self.app_label = app_label
        # Copied so that operations mutating lists never touch the class attribute.
        self.operations = list(self.__class__.operations)
        self.dependencies = list(self.__class__.dependencies)
        self.run_before = list(self.__class__.run_before)
        self.replaces = list(self.__class__.replaces)

    def __eq__(self, other):
        return isinstance(other, Migration) and self.name == other.name and self.app_label == other.app_label

    def __ne__(self, other):
        return not self == other

    def __hash__(self):
        return hash("%s.%s" % (self.app_label, self.name))

    def __repr__(self):
        return "<Migration %s.%s>" % (self.app_label, self.name)

    def __str__(self):
        return "%s.%s" % (self.app_label, self.name)

    def mutate_state(self, project_state, preserve=True):
        """Apply the operations to ``project_state`` (a clone of it when ``preserve``)."""
        new_state = project_state.clone() if preserve else project_state
        for operation in self.operations:
            operation.state_forwards(self.app_label, new_state)
        return new_state

    def _note_sql(self, schema_editor, operation):
        """In sqlmigrate output, head each operation's SQL with its description."""
        schema_editor.collected_sql.append("--")
        schema_editor.collected_sql.append("-- %s" % operation.describe())
        schema_editor.collected_sql.append("--")
        if not operation.reduces_to_sql:
            schema_editor.collected_sql.append(
                "-- MIGRATION NOW PERFORMS OPERATION THAT CANNOT BE WRITTEN AS SQL")
            return False
        return True

    def apply(self, project_state, schema_editor, collect_sql=False):
        """Run the operations forwards on the database; return the state after them."""
        for operation in self.operations:
            if collect_sql and not self._note_sql(schema_editor, operation):
                operation.state_forwards(self.app_label, project_state)
                continue
            old_state = project_state.clone()
            operation.state_forwards(self.app_label, project_state)
            operation.database_forwards(self.app_label, schema_editor, old_state, project_state)
        return project_state

    def unapply(self, project_state, schema_editor, collect_sql=False):
        """Undo the operations, last first; ``project_state`` is the state *before* this migration."""
        steps = []
        new_state = project_state
        for operation in self.operations:
            if not operation.reversible:
                raise IrreversibleError("Operation %s in %s is not reversible" % (operation, self))
            new_state = new_state.clone()
            old_state = new_state.clone()
            operation.state_forwards(self.app_label, new_state)
            steps.insert(0, (operation, old_state, new_state))
        for operation, to_state, from_state in steps:
            if collect_sql and not self._note_sql(schema_editor, operation):
                continue
            operation.database_backwards(self.app_label, schema_editor, from_state, to_state)
        return project_state

    def suggest_name(self):
        """``initial``, the operations' name fragments joined, or ``auto_<timestamp>``."""
        if self.initial:
            return "initial"
        fragments = [operation.migration_name_fragment for operation in self.operations]
        name = "_".join(fragment for fragment in fragments if fragment)
        if not name or None in fragments or len(name) > 52:
            import datetime

            name = "auto_%s" % datetime.datetime.now().strftime("%Y%m%d_%H%M")
        return name
