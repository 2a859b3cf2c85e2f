"""Operations on one field of a model: add, remove, alter, rename."""
from __future__ import absolute_import, unicode_literals

from collections import OrderedDict

from pyframework.db.migrations.operations.base import Operation
from pyframework.db.migrations.state import clone_field


class FieldOperation(Operation):
    def __init__(self, model_name, name, field=None):
        self.model_name = model_name
        self.name = name
        self.field = field

    @property
    def model_name_lower(self):
        return self.model_name.lower()

    @property
    def name_lower(self):
        return self.name.lower()

    def references_model(self, name, app_label):
        if name.lower() == self.model_name_lower:
            return True
        remote = getattr(self.field, "remote_field", None)
        target = getattr(remote, "model", None) if remote is not None else None
        return target is not None and ("%s" % (target,)).lower().split(".")[-1] == name.lower()

    def _model_state(self, app_label, state):
        return state.get_model_state(app_label, self.model_name)

    def _state_field(self):
        """The field as kept in the state: without the one-off default when ``preserve_default`` is off."""
        if getattr(self, "preserve_default", True):
            return self.field
        field = clone_field(self.field)
        field.default = _no_default()
        return field

    def _add_column(self, app_label, schema_editor, state_without, state_with, one_off_default=None):
        """Add the field's column, going from ``state_without`` to ``state_with``."""
        from_model, to_model = self._editor_models(app_label, schema_editor, state_without, state_with)
        if to_model is None:
            return
        field = to_model._meta.get_field(self.name)
        if one_off_default is not None:
            field.default = one_off_default  # fills the existing rows, then forgotten
        schema_editor.add_field(from_model, field)

    def _drop_column(self, app_label, schema_editor, state_with):
        model = state_with.apps.get_model(app_label, self.model_name)
        if self.allow_migrate_model(schema_editor.connection, model):
            schema_editor.remove_field(model, model._meta.get_field(self.name))

    def _editor_models(self, app_label, schema_editor, from_state, to_state):
        to_model = to_state.apps.get_model(app_label, self.model_name)
        if not self.allow_migrate_model(schema_editor.connection, to_model):
            return None, None
        return from_state.apps.get_model(app_label, self.model_name), to_model


def _no_default():
    from pyframework.db.models.fields import NOT_PROVIDED

    return NOT_PROVIDED


class AddField(FieldOperation):
    """Add a column; ``preserve_default=False`` means the default only fills existing rows."""

    def __init__(self, model_name, name, field, preserve_default=True):
        super(AddField, self).__init__(model_name, name, field)
        self.preserve_default = preserve_default

    def state_forwards(self, app_label, state):
        model_state = self._model_state(app_label, state)
        if self.name in model_state.fields:
            raise ValueError("Field %s.%s already exists" % (self.model_name, self.name))
        model_state.fields[self.name] = self._state_field()
        state.changed()

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        self._add_column(app_label, schema_editor, from_state, to_state,
                         None if self.preserve_default else self.field.default)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        self._drop_column(app_label, schema_editor, from_state)

    def describe(self):
        return "Add field %s to %s" % (self.name, self.model_name)

    @property
    def migration_name_fragment(self):
        return "%s_%s" % (self.model_name_lower, self.name_lower)


class RemoveField(FieldOperation):
    def __init__(self, model_name, name):
        super(RemoveField, self).__init__(model_name, name)

    def state_forwards(self, app_label, state):
        model_state = self._model_state(app_label, state)
        del model_state.fields[self.name]
        state.changed()

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        self._drop_column(app_label, schema_editor, from_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        self._add_column(app_label, schema_editor, from_state, to_state)

    def describe(self):
        return "Remove field %s from %s" % (self.name, self.model_name)

    @property
    def migration_name_fragment(self):
        return "remove_%s_%s" % (self.model_name_lower, self.name_lower)


class AlterField(FieldOperation):
    def __init__(self, model_name, name, field, preserve_default=True):
        super(AlterField, self).__init__(model_name, name, field)
        self.preserve_default = preserve_default

    def state_forwards(self, app_label, state):
        self._model_state(app_label, state).fields[self.name] = self._state_field()
        state.changed()

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        from_model, to_model = self._editor_models(app_label, schema_editor, from_state, to_state)
        if to_model is None:
            return
        from_field = from_model._meta.get_field(self.name)
        to_field = to_model._meta.get_field(self.name)
        if not self.preserve_default:
            to_field.default = self.field.default
        schema_editor.alter_field(from_model, from_field, to_field)
        if not self.preserve_default:
            to_field.default = _no_default()

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        self.database_forwards(app_label, schema_editor, from_state, to_state)

    def describe(self):
        return "Alter field %s on %s" % (self.name, self.model_name)

    @property
    def migration_name_fragment(self):
        return "alter_%s_%s" % (self.model_name_lower, self.name_lower)


class RenameField(FieldOperation):
    """Rename a field (and its column), keeping the data."""

    def __init__(self, model_name, old_name, new_name):
        super(RenameField, self).__init__(model_name, old_name)
        self.old_name = old_name
        self.new_name = new_name

    def state_forwards(self, app_label, state):
        model_state = self._model_state(app_label, state)
        model_state.fields = OrderedDict(
            (self.new_name if name == self.old_name else name, field)
            for name, field in model_state.fields.items())
        options = model_state.options
        if options.get("unique_together"):
            options["unique_together"] = set(
                tuple(self.new_name if part == self.old_name else part for part in item)
                for item in options["unique_together"])
        if options.get("ordering"):
            options["ordering"] = [self._renamed_ordering(item) for item in options["ordering"]]
        state.changed()

    def _renamed_ordering(self, item):
        descending = item.startswith("-")
        bare = item.lstrip("-")
        if bare == self.old_name:
            return ("-" if descending else "") + self.new_name
        return item

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        from_model, to_model = self._editor_models(app_label, schema_editor, from_state, to_state)
        if to_model is not None:
            schema_editor.alter_field(from_model, from_model._meta.get_field(self.old_name),
                                      to_model._meta.get_field(self.new_name))

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        from_model, to_model = self._editor_models(app_label, schema_editor, from_state, to_state)
        if to_model is not None:
            schema_editor.alter_field(from_model, from_model._meta.get_field(self.new_name),
                                      to_model._meta.get_field(self.old_name))

    def describe(self):
        return "Rename field %s on %s to %s" % (self.old_name, self.model_name, self.new_name)

    @property
    def migration_name_fragment(self):
        return "rename_%s_%s_%s" % (self.old_name.lower(), self.model_name_lower, self.new_name.lower())
