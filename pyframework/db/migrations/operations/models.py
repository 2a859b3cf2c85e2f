"""Operations on whole models: create, delete, rename the table, Meta options, indexes, constraints."""
from __future__ import absolute_import, unicode_literals

from pyframework.db.migrations.operations.base import Operation
from pyframework.db.migrations.state import ModelState
from pyframework.db.migrations.utils import field_references_model, normalize_together


class ModelOperation(Operation):
    """An operation on the model ``name`` of the migration's app."""

    def __init__(self, name):
        self.name = name

    @property
    def name_lower(self):
        return self.name.lower()

    def references_model(self, name, app_label):
        return name.lower() == self.name_lower

    def _models(self, app_label, from_state, to_state):
        """The model before and after the operation; None when the database must not be touched."""
        to_model = to_state.apps.get_model(app_label, self.name)
        if not self.allow_migrate_model(None, to_model):
            return None, None
        return from_state.apps.get_model(app_label, self.name), to_model


class CreateModel(ModelOperation):
    def __init__(self, name, fields, options=None, bases=None, managers=None):
        super(CreateModel, self).__init__(name)
        self.fields = list(fields)
        self.options = options or {}
        self.bases = bases
        self.managers = managers or []
        names = [field_name for field_name, _ in self.fields]
        if len(set(names)) != len(names):
            raise ValueError("Found duplicate field names in CreateModel %s: %s" % (name, names))

    def state_forwards(self, app_label, state):
        options = dict(self.options)
        if "unique_together" in options:
            options["unique_together"] = normalize_together(options["unique_together"])
        state.add_model(ModelState(app_label, self.name, self.fields, options, self.bases, self.managers))

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        model = to_state.apps.get_model(app_label, self.name)
        if self.allow_migrate_model(schema_editor.connection, model):
            schema_editor.create_model(model)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        model = from_state.apps.get_model(app_label, self.name)
        if self.allow_migrate_model(schema_editor.connection, model):
            schema_editor.delete_model(model)

    def references_model(self, name, app_label):
        if name.lower() == self.name_lower:
            return True
        label = ("%s.%s" % (app_label, name)).lower()
        return any(field_references_model(field, label) or
                   (getattr(field, "remote_field", None) is not None and
                    "%s" % (getattr(field.remote_field, "model", ""),) == "self")
                   for _, field in self.fields)

    def describe(self):
        return "Create model %s" % self.name

    @property
    def migration_name_fragment(self):
        return self.name_lower


class DeleteModel(ModelOperation):
    def state_forwards(self, app_label, state):
        state.remove_model(app_label, self.name)

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        model = from_state.apps.get_model(app_label, self.name)
        if self.allow_migrate_model(schema_editor.connection, model):
            schema_editor.delete_model(model)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        model = to_state.apps.get_model(app_label, self.name)
        if self.allow_migrate_model(schema_editor.connection, model):
            schema_editor.create_model(model)

    def describe(self):
        return "Delete model %s" % self.name

    @property
    def migration_name_fragment(self):
        return "delete_%s" % self.name_lower


class AlterModelTable(ModelOperation):
    def __init__(self, name, table):
        super(AlterModelTable, self).__init__(name)
        self.table = table

    def state_forwards(self, app_label, state):
        model_state = state.get_model_state(app_label, self.name)
        if self.table is None:
            model_state.options.pop("db_table", None)
        else:
            model_state.options["db_table"] = self.table
        state.changed()

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        old_model, new_model = self._models(app_label, from_state, to_state)
        if new_model is not None:
            schema_editor.alter_db_table(new_model, old_model._meta.db_table, new_model._meta.db_table)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        self.database_forwards(app_label, schema_editor, from_state, to_state)

    def describe(self):
        return "Rename table for %s to %s" % (self.name, self.table if self.table is not None else "(default)")

    @property
    def migration_name_fragment(self):
        return "alter_%s_table" % self.name_lower


class AlterUniqueTogether(ModelOperation):
    def __init__(self, name, unique_together):
        super(AlterUniqueTogether, self).__init__(name)
        self.unique_together = normalize_together(unique_together)

    def deconstruct(self):
        return self.__class__.__name__, (), {"name": self.name, "unique_together": self.unique_together}

    def state_forwards(self, app_label, state):
        state.get_model_state(app_label, self.name).options["unique_together"] = set(self.unique_together)
        state.changed()

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        old_model, new_model = self._models(app_label, from_state, to_state)
        if new_model is not None:
            schema_editor.alter_unique_together(
                new_model, normalize_together(old_model._meta.unique_together),
                normalize_together(new_model._meta.unique_together))

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        self.database_forwards(app_label, schema_editor, from_state, to_state)

    def describe(self):
        return "Alter unique_together for %s (%s constraint(s))" % (self.name, len(self.unique_together))

    @property
    def migration_name_fragment(self):
        return "alter_%s_unique_together" % self.name_lower


class AlterModelOptions(ModelOperation):
    """Meta options that live only in Python (ordering, verbose names...): no SQL."""

    ALTER_OPTION_KEYS = ("ordering", "verbose_name", "verbose_name_plural", "get_latest_by",
                         "default_related_name", "managed")
    reduces_to_sql = False

    def __init__(self, name, options):
        super(AlterModelOptions, self).__init__(name)
        self.options = options

    def state_forwards(self, app_label, state):
        model_state = state.get_model_state(app_label, self.name)
        for key in self.ALTER_OPTION_KEYS:
            if key in self.options:
                model_state.options[key] = self.options[key]
            else:
                model_state.options.pop(key, None)
        state.changed()

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        pass

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        pass

    def describe(self):
        return "Change Meta options on %s" % self.name

    @property
    def migration_name_fragment(self):
        return "alter_%s_options" % self.name_lower


class _OptionListOperation(Operation):
    """Adds or removes one named item of the ``indexes`` or ``constraints`` Meta list."""

    option_name = None  # the Meta list: "indexes" or "constraints"
    item_name = None  # what the schema editor calls one item: "index" or "constraint"

    def __init__(self, model_name):
        self.model_name = model_name

    @property
    def model_name_lower(self):
        return self.model_name.lower()

    def references_model(self, name, app_label):
        return name.lower() == self.model_name_lower

    def _find(self, state, app_label, name):
        for item in state.get_model_state(app_label, self.model_name).options[self.option_name]:
            if item.name == name:
                return item
        raise ValueError("No %s named %r on %s.%s" % (self.item_name, name, app_label, self.model_name))

    def _editor_call(self, schema_editor, verb, state, app_label, item):
        model = state.apps.get_model(app_label, self.model_name)
        if self.allow_migrate_model(schema_editor.connection, model):
            getattr(schema_editor, "%s_%s" % (verb, self.item_name))(model, item)


class _AddToOptionList(_OptionListOperation):
    """``AddIndex(model_name, index)`` / ``AddConstraint(model_name, constraint)``."""

    @property
    def item(self):
        return getattr(self, self.item_name)

    def state_forwards(self, app_label, state):
        state.get_model_state(app_label, self.model_name).options[self.option_name].append(self.item)
        state.changed()

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        self._editor_call(schema_editor, "add", to_state, app_label, self.item)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        self._editor_call(schema_editor, "remove", from_state, app_label, self.item)

    def describe(self):
        return "Create %s %s on %s" % (self.item_name, self.item.name, self.model_name)

    @property
    def migration_name_fragment(self):
        return "%s_%s" % (self.model_name_lower, self.item.name.lower())


class _RemoveFromOptionList(_OptionListOperation):
    """``RemoveIndex(model_name, name)`` / ``RemoveConstraint(model_name, name)``."""

    def __init__(self, model_name, name):
        super(_RemoveFromOptionList, self).__init__(model_name)
        self.name = name

    def state_forwards(self, app_label, state):
        model_state = state.get_model_state(app_label, self.model_name)
        model_state.options[self.option_name] = [
            item for item in model_state.options[self.option_name] if item.name != self.name]
        state.changed()

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        item = self._find(from_state, app_label, self.name)
        self._editor_call(schema_editor, "remove", from_state, app_label, item)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        item = self._find(to_state, app_label, self.name)
        self._editor_call(schema_editor, "add", to_state, app_label, item)

    def describe(self):
        return "Remove %s %s from %s" % (self.item_name, self.name, self.model_name)

    @property
    def migration_name_fragment(self):
        return "remove_%s_%s" % (self.model_name_lower, self.name.lower())


class AddIndex(_AddToOptionList):
    option_name = "indexes"
    item_name = "index"

    def __init__(self, model_name, index):
        super(AddIndex, self).__init__(model_name)
        if not getattr(index, "name", None):
            raise ValueError("Indexes passed to AddIndex need a name: %r" % (index,))
        self.index = index


class RemoveIndex(_RemoveFromOptionList):
    option_name = "indexes"
    item_name = "index"


class AddConstraint(_AddToOptionList):
    option_name = "constraints"
    item_name = "constraint"

    def __init__(self, model_name, constraint):
        super(AddConstraint, self).__init__(model_name)
        self.constraint = constraint


class RemoveConstraint(_RemoveFromOptionList):
    option_name = "constraints"
    item_name = "constraint"
