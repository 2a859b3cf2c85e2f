"""MigrationAutodetector: the operations that turn one ProjectState into another.

``changes(graph)`` compares the state at the end of the migration history with
the state of the current models and returns ``{app_label: [Migration]}``, named
and numbered after the app's latest migration. Decisions that Django would ask
about are taken by the questioner (see questioner.py).
"""
from __future__ import absolute_import, unicode_literals

import re

from pyframework.db.migrations import operations
from pyframework.db.migrations.migration import Migration
from pyframework.db.migrations.operations.models import AlterModelOptions
from pyframework.db.migrations.questioner import MigrationQuestioner
from pyframework.db.migrations.state import clone_field
from pyframework.db.migrations.utils import deep_deconstruct, model_label_lower, normalize_together


def related_label(field, app_label):
    """Lower-case ``app.model`` the field points at, or None for a plain field."""
    remote = getattr(field, "remote_field", None)
    if remote is None or getattr(remote, "model", None) is None:
        return None
    target = remote.model
    if target == "self":
        return None
    label = model_label_lower(target)
    return label if "." in label else "%s.%s" % (app_label, label)


def order_by_references(keys, references):
    """Sort ``keys`` so each comes after the keys it references; return (order, edges left out to break cycles)."""
    order, done, skipped = [], set(), set()
    pending = sorted(keys)
    while pending:
        ready = [key for key in pending if all(dep in done or dep == key for dep in references.get(key, ()))]
        if not ready:
            # A cycle: take the first key and drop its unresolved references (they become AddField later).
            key = pending[0]
            for dep in references.get(key, ()):
                if dep not in done and dep != key:
                    skipped.add((key, dep))
            ready = [key]
        for key in ready:
            order.append(key)
            done.add(key)
        pending = [key for key in pending if key not in done]
    return order, skipped


class MigrationAutodetector(object):
    def __init__(self, from_state, to_state, questioner=None):
        self.from_state = from_state
        self.to_state = to_state
        self.questioner = questioner or MigrationQuestioner()

    def changes(self, graph, trim_to_apps=None, migration_name=None):
        self._operations = {}
        self._depends_on = {}
        self._detect()
        changes = self._build_migrations()
        changes = self.arrange_for_graph(changes, graph, migration_name)
        if trim_to_apps:
            changes = self._trim_to_apps(changes, set(trim_to_apps))
        return changes

    # -- collecting operations -------------------------------------------------------------

    def _add(self, app_label, operation, referenced=()):
        """Queue ``operation`` for ``app_label``; ``referenced`` labels in other apps become dependencies."""
        self._operations.setdefault(app_label, []).append(operation)
        for label in referenced:
            other_app = label.split(".")[0]
            if other_app != app_label:
                self._depends_on.setdefault(app_label, set()).add(other_app)

    def _field_references(self, app_label, fields):
        labels = []
        for _, field in fields:
            label = related_label(field, app_label)
            if label:
                labels.append(label)
            through = getattr(getattr(field, "remote_field", None), "through", None)
            if through is not None:
                through = model_label_lower(through)
                labels.append(through if "." in through else "%s.%s" % (app_label, through))
        return labels

    def _detect(self):
        old_keys = set(self.from_state.models)
        new_keys = set(self.to_state.models)
        self._generate_created_models(sorted(new_keys - old_keys))
        for key in sorted(old_keys & new_keys):
            self._generate_model_changes(key, self.from_state.models[key], self.to_state.models[key])
        self._generate_deleted_models(sorted(old_keys - new_keys))

    def _order_models(self, project_state, keys):
        """Labels of the models ``keys`` of ``project_state``, each after the ones among them it points at."""
        labels = set("%s.%s" % key for key in keys)
        references = {}
        for key in keys:
            fields = project_state.models[key].fields.items()
            references["%s.%s" % key] = set(
                label for label in self._field_references(key[0], fields) if label in labels)
        return order_by_references(labels, references)

    def _generate_created_models(self, keys):
        order, cyclic = self._order_models(self.to_state, keys)
        later_fields = []
        for label in order:
            key = tuple(label.split(".", 1))
            model_state = self.to_state.models[key]
            fields, deferred = [], []
            for name, field in model_state.fields.items():
                target = related_label(field, key[0])
                (deferred if (label, target) in cyclic else fields).append((name, field))
            options = dict((k, v) for k, v in model_state.options.items() if v or k == "managed")
            if "unique_together" in options:
                options["unique_together"] = normalize_together(options["unique_together"])
            # CreateModel cannot refer to fields it does not create yet.
            if deferred:
                options.pop("unique_together", None)
                options.pop("indexes", None)
                options.pop("constraints", None)
            extra = {}  # only what differs from the defaults, to keep the file short
            if options:
                extra["options"] = options
            if model_state.bases:
                extra["bases"] = model_state.bases
            if model_state.managers:
                extra["managers"] = model_state.managers
            self._add(key[0], operations.CreateModel(name=model_state.name, fields=fields, **extra),
                      self._field_references(key[0], fields))
            if deferred:
                later_fields.append((key, model_state, deferred))
        for key, model_state, deferred in later_fields:
            for name, field in deferred:
                self._add(key[0], operations.AddField(model_name=model_state.name, name=name, field=field),
                          self._field_references(key[0], [(name, field)]))
            self._generate_option_lists(key[0], model_state.name, {}, model_state.options, removals=False)
            self._generate_unique_together(key[0], model_state.name, set(), model_state.options)

    def _generate_deleted_models(self, keys):
        # Delete the models that point at other deleted models first: reverse of the creation order.
        order, cyclic = self._order_models(self.from_state, keys)
        for label, target in sorted(cyclic):
            key = tuple(label.split(".", 1))
            model_state = self.from_state.models[key]
            for name, field in model_state.fields.items():
                if related_label(field, key[0]) == target:
                    self._add(key[0], operations.RemoveField(model_name=model_state.name, name=name))
        for label in reversed(order):
            key = tuple(label.split(".", 1))
            self._add(key[0], operations.DeleteModel(name=self.from_state.models[key].name))

    # -- changes to a kept model -------------------------------------------------------------

    def _generate_model_changes(self, key, old, new):
        app_label, name = key[0], new.name
        old_names = [n for n in old.fields if n not in new.fields]
        new_names = [n for n in new.fields if n not in old.fields]
        renamed = {}
        for new_name in new_names:
            new_dec = deep_deconstruct(new.fields[new_name])
            candidates = [old_name for old_name in old_names if old_name not in renamed.values()
                          and deep_deconstruct(old.fields[old_name]) == new_dec]
            if len(candidates) == 1 and self.questioner.ask_rename(name, candidates[0], new_name,
                                                                   new.fields[new_name]):
                renamed[new_name] = candidates[0]
        # Indexes and constraints on a renamed field deconstruct differently: they are dropped
        # before the rename (the schema editor would otherwise look for the old column name).
        self._generate_option_lists(app_label, name, old.options, new.options, additions=False)
        for new_name in sorted(renamed):
            self._add(app_label, operations.RenameField(model_name=name, old_name=renamed[new_name],
                                                        new_name=new_name))
        # Renames are done: compare the rest as if the old fields had their new names.
        rename_back = dict((old_name, new_name) for new_name, old_name in renamed.items())
        old_fields = dict((rename_back.get(n, n), f) for n, f in old.fields.items())
        old_options = dict(old.options)
        if renamed and old_options.get("unique_together"):
            old_options["unique_together"] = set(
                tuple(rename_back.get(part, part) for part in item) for item in old_options["unique_together"])

        old_together = normalize_together(old_options.get("unique_together"))
        new_together = normalize_together(new.options.get("unique_together"))
        if old_together - new_together:
            self._add(app_label, operations.AlterUniqueTogether(name=name, unique_together=old_together & new_together))
            old_together = old_together & new_together

        for field_name in sorted(set(old_fields) - set(new.fields)):
            self._add(app_label, operations.RemoveField(model_name=name, name=field_name))
        for field_name in [n for n in new.fields if n not in old_fields]:
            self._generate_added_field(app_label, new, field_name)
        for field_name in [n for n in new.fields if n in old_fields]:
            old_field, new_field = old_fields[field_name], new.fields[field_name]
            if deep_deconstruct(old_field) != deep_deconstruct(new_field):
                self._add(app_label, operations.AlterField(model_name=name, name=field_name, field=new_field),
                          self._field_references(app_label, [(field_name, new_field)]))

        if new_together != old_together:
            self._add(app_label, operations.AlterUniqueTogether(name=name, unique_together=new_together))
        self._generate_option_lists(app_label, name, old_options, new.options, removals=False)
        self._generate_meta_changes(app_label, name, old_options, new.options)

    def _generate_added_field(self, app_label, model_state, field_name):
        field = model_state.fields[field_name]
        preserve_default = True
        needs_value = not (field.null or field.has_default() or field.many_to_many or
                           (field.blank and getattr(field, "empty_strings_allowed", False)))
        if needs_value and (getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)):
            from pyframework.utils import timezone

            field = clone_field(field)
            field.default = timezone.now
            preserve_default = False
        elif needs_value:
            self.questioner.ask_not_null_addition(field_name, model_state.name)
        self._add(app_label, operations.AddField(model_name=model_state.name, name=field_name, field=field,
                                                 preserve_default=preserve_default),
                  self._field_references(app_label, [(field_name, field)]))

    def _generate_unique_together(self, app_label, name, old_together, options):
        new_together = normalize_together(options.get("unique_together"))
        if new_together != old_together:
            self._add(app_label, operations.AlterUniqueTogether(name=name, unique_together=new_together))

    def _generate_option_lists(self, app_label, name, old_options, new_options, removals=True, additions=True):
        """Remove (before field changes) and add (after them) the indexes and constraints that differ."""
        for option, add_op, remove_op, arg in (
                ("indexes", operations.AddIndex, operations.RemoveIndex, "index"),
                ("constraints", operations.AddConstraint, operations.RemoveConstraint, "constraint")):
            old_items = dict((item.name, item) for item in old_options.get(option) or ())
            new_items = dict((item.name, item) for item in new_options.get(option) or ())
            changed = set(item_name for item_name in set(old_items) & set(new_items)
                          if deep_deconstruct(old_items[item_name]) != deep_deconstruct(new_items[item_name]))
            if removals:
                for item_name in sorted((set(old_items) - set(new_items)) | changed):
                    self._add(app_label, remove_op(model_name=name, name=item_name))
            if additions:
                for item in new_options.get(option) or ():
                    if item.name not in old_items or item.name in changed:
                        self._add(app_label, add_op(**{"model_name": name, arg: item}))

    def _generate_meta_changes(self, app_label, name, old_options, new_options):
        if old_options.get("db_table") != new_options.get("db_table"):
            self._add(app_label, operations.AlterModelTable(name=name, table=new_options.get("db_table")))
        keys = AlterModelOptions.ALTER_OPTION_KEYS
        old_meta = dict((k, old_options[k]) for k in keys if k in old_options)
        new_meta = dict((k, new_options[k]) for k in keys if k in new_options)
        if deep_deconstruct(old_meta) != deep_deconstruct(new_meta):
            self._add(app_label, operations.AlterModelOptions(name=name, options=new_meta))

    # -- packaging into migrations -----------------------------------------------------------

    def _build_migrations(self):
        changes = {}
        for app_label in sorted(self._operations):
            migration = Migration("auto_1", app_label)
            migration.operations = self._operations[app_label]
            migration.other_apps = sorted(self._depends_on.get(app_label, ()))
            changes[app_label] = [migration]
        return changes

    def arrange_for_graph(self, changes, graph, migration_name=None):
        """Number and name the new migrations after each app's latest one; resolve dependencies."""
        leaves = dict((app_label, (app_label, name)) for app_label, name in graph.leaf_nodes())
        for app_label in sorted(changes):
            leaf = leaves.get(app_label)
            if leaf is None and not self.questioner.ask_initial(app_label):
                del changes[app_label]
                continue
            number = 1 if leaf is None else (parse_number(leaf[1]) or 0) + 1
            for migration in changes[app_label]:
                if leaf is None:
                    migration.initial = True
                else:
                    migration.dependencies.append(leaf)
                migration.name = "%04d_%s" % (number, migration_name or migration.suggest_name())
                leaf = (app_label, migration.name)
                number += 1
        for app_label, migrations in changes.items():
            for migration in migrations:
                for other_app in getattr(migration, "other_apps", ()):
                    if other_app in changes:
                        migration.dependencies.append((other_app, changes[other_app][-1].name))
                    elif other_app in leaves:
                        migration.dependencies.append(leaves[other_app])
                migration.dependencies = sorted(set(migration.dependencies))
        return changes

    @staticmethod
    def _trim_to_apps(changes, app_labels):
        """Keep the named apps' migrations and those of the apps they need."""
        wanted = set(app_labels)
        pending = list(app_labels)
        while pending:
            for migration in changes.get(pending.pop(), ()):
                for app_label, _ in migration.dependencies:
                    if app_label not in wanted and app_label in changes:
                        wanted.add(app_label)
                        pending.append(app_label)
        return dict((label, migrations) for label, migrations in changes.items() if label in wanted)


def parse_number(name):
    """``"0002_post_slug"`` -> 2; None for names without a number."""
    match = re.match(r"^\d+", name)
    return int(match.group()) if match else None
