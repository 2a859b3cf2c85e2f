"""``migrate``: bring the database schema to the latest migrations, or to a named one."""
from __future__ import absolute_import, unicode_literals

from pyframework.core.management.base import BaseCommand, CommandError
from pyframework.db.migrations.exceptions import MigrationError


class Command(BaseCommand):
    help = "Updates the database schema: applies (or unapplies) migrations."
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("app_label", nargs="?", help="App label of an application to migrate.")
        parser.add_argument("migration_name", nargs="?",
                            help="Bring the app to this migration (a name prefix); 'zero' unapplies them all.")
        parser.add_argument("--database", default="default", help="The database to migrate. Defaults to 'default'.")
        parser.add_argument("--fake", action="store_true",
                            help="Mark the migrations as applied or unapplied without running them.")
        parser.add_argument("--plan", action="store_true", help="Show what would run, run nothing.")
        parser.add_argument("--run-syncdb", action="store_true",
                            help="Creates tables for apps without migrations.")
        parser.add_argument("--noinput", "--no-input", action="store_false", dest="interactive",
                            help="Accepted for compatibility: the command never prompts.")

    def handle(self, *args, **options):
        from pyframework.db import connections
        from pyframework.db.migrations.lock import migration_lock

        self.verbosity = options["verbosity"]
        connection = connections[options["database"]]
        if options["plan"]:
            return self.migrate(connection, options)
        # Under the database's lock: nodes starting together migrate once. The history is read
        # only once the lock is held, so the waiting node sees what the first one applied.
        with migration_lock(connection, on_wait=self._waiting):
            self.migrate(connection, options)

    def _waiting(self):
        if self.verbosity >= 1:
            self.stdout.write("Waiting for the migration lock: another migrate is running on this database.")
            self.stdout.flush()

    def migrate(self, connection, options):
        from pyframework.db.migrations.executor import MigrationExecutor

        try:
            executor = MigrationExecutor(connection, self.migration_progress_callback)
            executor.loader.check_consistent_history(connection)
        except MigrationError as exc:
            raise CommandError("%s" % exc)
        loader = executor.loader
        conflicts = loader.detect_conflicts()
        if conflicts:
            raise CommandError("Conflicting migrations detected; multiple leaf nodes in the migration graph: (%s)."
                               % "; ".join("%s in %s" % (", ".join(names), label)
                                           for label, names in sorted(conflicts.items())))
        try:
            targets, description = self._targets(loader, options["app_label"], options["migration_name"])
        except MigrationError as exc:
            raise CommandError("%s" % exc)
        plan = executor.migration_plan(targets)

        if options["plan"]:
            self.stdout.write("Planned operations:")
            if not plan:
                self.stdout.write("  No planned migration operations.")
            for migration, backwards in plan:
                self.stdout.write(str(migration) if not backwards else "%s (unapply)" % migration)
                for operation in migration.operations:
                    self.stdout.write("    %s%s" % ("Undo " if backwards else "", operation.describe()))
            return

        if self.verbosity >= 1:
            self.stdout.write("Operations to perform:")
            self.stdout.write("  %s" % description)
            self.stdout.write("Running migrations:")
            if not plan:
                self.stdout.write("  No migrations to apply.")
        self._send_migrate_signal("pre_migrate", connection, plan, options)
        if options.get("run_syncdb"):
            self.sync_apps(connection, loader.unmigrated_apps)
        try:
            executor.migrate(targets, plan=plan, fake=options["fake"])
        except MigrationError as exc:
            raise CommandError("%s" % exc)
        self._send_migrate_signal("post_migrate", connection, plan, options)

    def sync_apps(self, connection, app_labels):
        """Create the tables of the models of ``app_labels`` (apps without migrations) that don't exist."""
        from pyframework.apps import apps

        existing = set(connection.introspection.table_names())
        models = [model for config in apps.get_app_configs() if config.label in app_labels
                  for model in config.get_models() if model._meta.can_migrate(connection)]
        pending = [model for model in models
                   if connection.introspection.identifier_converter(model._meta.db_table) not in existing]
        if self.verbosity >= 1 and pending:
            self.stdout.write("Synchronizing apps without migrations: %s" % ", ".join(sorted(app_labels)))
        with connection.schema_editor() as editor:
            for model in pending:
                if self.verbosity >= 2:
                    self.stdout.write("  Creating table %s" % model._meta.db_table)
                editor.create_model(model)

    def _send_migrate_signal(self, name, connection, plan, options):
        """pre_migrate/post_migrate, once per installed app with a models module."""
        from pyframework.apps import apps
        from pyframework.db.models import signals

        signal = getattr(signals, name)
        for app_config in apps.get_app_configs():
            if app_config.models_module is None:
                continue
            signal.send(sender=app_config, app_config=app_config, verbosity=self.verbosity,
                        interactive=options.get("interactive", False), using=connection.alias, plan=plan)

    @staticmethod
    def _targets(loader, app_label, migration_name):
        """``(targets, description)`` from the positional arguments."""
        if app_label and migration_name:
            if migration_name == "zero":
                loader.find_migration(app_label)  # the app must have migrations
                return [(app_label, None)], "Unapply all migrations: %s" % app_label
            migration = loader.find_migration(app_label, migration_name)
            return ([(app_label, migration.name)],
                    "Target specific migration: %s, from %s" % (migration.name, app_label))
        if app_label:
            loader.find_migration(app_label)
            return loader.graph.leaf_nodes(app_label), "Apply all migrations: %s" % app_label
        labels = sorted(loader.migrated_apps)
        return loader.graph.leaf_nodes(), "Apply all migrations: %s" % (", ".join(labels) or "(none)")

    def migration_progress_callback(self, action, migration=None, fake=False):
        if self.verbosity < 1:
            return
        if action in ("apply_start", "unapply_start"):
            verb = "Applying" if action == "apply_start" else "Unapplying"
            self.stdout.write("  %s %s..." % (verb, migration), ending="")
            self.stdout.flush()
        else:
            self.stdout.write(" FAKED" if fake else " OK")
