"""MigrationLoader: finds every app's migration files and builds the graph and applied set."""
from __future__ import absolute_import, unicode_literals

import importlib
import os
import sys

from pyframework.db.migrations.exceptions import (
    AmbiguityError, BadMigrationError, InconsistentMigrationHistory, MigrationError,
)
from pyframework.db.migrations.graph import MigrationGraph
from pyframework.db.migrations.recorder import MigrationRecorder

MIGRATION_SUFFIXES = (".py",)


def _invalidate_import_caches():
    # Files written moments ago (makemigrations) must be visible to the import system.
    invalidate = getattr(importlib, "invalidate_caches", None)
    if invalidate is not None:
        invalidate()


def migration_names(directory):
    """Module names of the migration files in ``directory``: ``NNNN_name.py`` style, sorted."""
    names = set()
    for entry in os.listdir(directory):
        base, ext = os.path.splitext(entry)
        if ext in MIGRATION_SUFFIXES and not base.startswith(("_", "~", ".")):
            names.add(base)
    return sorted(names)


class MigrationLoader(object):
    """Loads migrations from disk (``<app>/migrations/``) and, with a connection, what is applied.

    Migration modules are re-imported on every load: makemigrations and tests
    write new files into packages the process may already have imported.
    """

    def __init__(self, connection, load=True, ignore_no_migrations=False):
        self.connection = connection
        self.ignore_no_migrations = ignore_no_migrations
        self.disk_migrations = {}
        self.migrated_apps = set()
        self.unmigrated_apps = set()
        self.applied_migrations = {}
        self.graph = MigrationGraph()
        if load:
            self.build_graph()

    @classmethod
    def migrations_module(cls, app_label):
        """The dotted name of an app's migrations package (``MIGRATION_MODULES`` can override it)."""
        from pyframework.apps import apps
        from pyframework.conf import settings

        overrides = getattr(settings, "MIGRATION_MODULES", None) or {}
        if app_label in overrides:
            return overrides[app_label]
        return "%s.migrations" % apps.get_app_config(app_label).name

    def load_disk(self):
        from pyframework.apps import apps

        _invalidate_import_caches()
        self.disk_migrations = {}
        self.migrated_apps = set()
        self.unmigrated_apps = set()
        for config in apps.get_app_configs():
            module_name = self.migrations_module(config.label)
            if module_name is None:
                self.unmigrated_apps.add(config.label)
                continue
            module = self._import_fresh(module_name)
            directory = os.path.dirname(getattr(module, "__file__", None) or "") if module else None
            if module is None or not directory or not hasattr(module, "__path__"):
                self.unmigrated_apps.add(config.label)
                continue
            self.migrated_apps.add(config.label)
            for name in migration_names(directory):
                migration_module = self._import_fresh("%s.%s" % (module_name, name), required=True)
                if not hasattr(migration_module, "Migration"):
                    raise BadMigrationError("Migration %s in app %s has no Migration class" % (name, config.label))
                self.disk_migrations[config.label, name] = migration_module.Migration(name, config.label)

    @staticmethod
    def _import_fresh(module_name, required=False):
        """Import ``module_name`` anew; None when it does not exist (and is not required)."""
        for stale in [key for key in sys.modules if key == module_name or key.startswith(module_name + ".")]:
            del sys.modules[stale]
        try:
            return importlib.import_module(module_name)
        except ImportError as exc:
            # A missing package means "no migrations"; an ImportError raised inside one is a real error.
            if required or module_name.rpartition(".")[2] not in "%s" % exc:
                raise
            return None

    def get_migration(self, app_label, name_prefix):
        return self.graph.nodes[app_label, name_prefix]

    def get_migration_by_prefix(self, app_label, name_prefix):
        """The one migration of ``app_label`` whose name starts with ``name_prefix``."""
        matches = [migration for (label, name), migration in self.disk_migrations.items()
                   if label == app_label and name.startswith(name_prefix)]
        if len(matches) > 1:
            raise AmbiguityError("More than one migration matches '%s' in app '%s'. Please be more specific."
                                 % (name_prefix, app_label))
        if not matches:
            raise KeyError("Cannot find a migration matching '%s' from app '%s'." % (name_prefix, app_label))
        return matches[0]

    def find_migration(self, app_label, name_prefix=None):
        """get_migration_by_prefix() for commands: every failure is a MigrationError with a clear message.

        Without ``name_prefix`` it only checks that the app has migrations.
        """
        if app_label not in self.migrated_apps:
            raise MigrationError("App '%s' does not have migrations." % app_label
                                 if app_label in self.unmigrated_apps else
                                 "No installed app with label '%s'." % app_label)
        if name_prefix is None:
            return None
        try:
            return self.get_migration_by_prefix(app_label, name_prefix)
        except KeyError as exc:
            raise MigrationError(exc.args[0])

    def _resolve_dependency(self, key, current):
        """``__first__``/``__latest__`` names -> real keys; dependencies on unmigrated apps vanish."""
        app_label, name = key
        if app_label == current[0] or name not in ("__first__", "__latest__"):
            return key
        if app_label in self.unmigrated_apps:
            return None
        if app_label not in self.migrated_apps:
            raise ValueError("Dependency on app with no migrations: %s" % app_label)
        nodes = self.graph.root_nodes(app_label) if name == "__first__" else self.graph.leaf_nodes(app_label)
        return nodes[0] if nodes else None

    def build_graph(self):
        self.load_disk()
        if self.connection is None:
            self.applied_migrations = {}
        else:
            self.applied_migrations = MigrationRecorder(self.connection).applied_migrations()
        self.graph = MigrationGraph()
        for key, migration in self.disk_migrations.items():
            self.graph.add_node(key, migration)
        for key, migration in sorted(self.disk_migrations.items()):
            for dependency in migration.dependencies:
                parent = self._resolve_dependency(tuple(dependency), key)
                if parent is not None:
                    self.graph.add_dependency(migration, key, parent)
            for child in migration.run_before:
                child = self._resolve_dependency(tuple(child), key)
                if child is not None:
                    self.graph.add_dependency(migration, child, key)
        self.graph.validate_consistency()
        self.graph.ensure_not_cyclic()

    def check_consistent_history(self, connection=None):
        """Raise InconsistentMigrationHistory if an applied migration's dependency is not applied."""
        applied = self.applied_migrations if connection is None else \
            MigrationRecorder(connection).applied_migrations()
        for key in sorted(applied):
            if key not in self.graph.nodes:
                continue
            for parent in sorted(self.graph.node_map[key].parents, key=lambda node: node.key):
                if parent.key not in applied:
                    raise InconsistentMigrationHistory(
                        "Migration %s.%s is applied before its dependency %s.%s" % (key + parent.key))

    def detect_conflicts(self):
        """``{app_label: [names]}`` for apps with more than one latest migration."""
        seen = {}
        for app_label, name in self.graph.leaf_nodes():
            seen.setdefault(app_label, []).append(name)
        return dict((label, names) for label, names in seen.items() if len(names) > 1)

    def project_state(self, nodes=None, at_end=True):
        return self.graph.make_state(nodes=nodes, at_end=at_end, real_apps=self.unmigrated_apps)

    def collect_sql(self, plan):
        """SQL of ``plan`` (``[(migration, backwards)]``), without running it."""
        statements = []
        state = None
        for migration, backwards in plan:
            with self.connection.schema_editor(collect_sql=True, atomic=migration.atomic) as editor:
                if state is None:
                    state = self.project_state((migration.app_label, migration.name), at_end=False)
                if backwards:
                    state = migration.unapply(state, editor, collect_sql=True)
                else:
                    state = migration.apply(state, editor, collect_sql=True)
            statements.extend(editor.collected_sql)
        return statements

