"""``makemigrations``: write the migrations that bring the history up to date with the models."""
from __future__ import absolute_import, unicode_literals

import os
import sys

from pyframework.core.management.base import BaseCommand, CommandError
from pyframework.db.migrations import Migration
from pyframework.db.migrations.autodetector import MigrationAutodetector
from pyframework.db.migrations.exceptions import MigrationError
from pyframework.db.migrations.loader import MigrationLoader
from pyframework.db.migrations.questioner import MigrationQuestioner
from pyframework.db.migrations.state import ProjectState
from pyframework.db.migrations.writer import MigrationWriter


class Command(BaseCommand):
    help = "Creates new migrations based on the changes detected to your models."

    def add_arguments(self, parser):
        parser.add_argument("args", metavar="app_label", nargs="*",
                            help="Make migrations for these apps only.")
        parser.add_argument("--dry-run", action="store_true", help="Show what would be written, write nothing.")
        parser.add_argument("--empty", action="store_true", help="Write an empty migration (for RunPython).")
        parser.add_argument("-n", "--name", help="Name of the migration (after its number).")
        parser.add_argument("--check", action="store_true",
                            help="Exit with status 1 when model changes are missing from migrations; write nothing.")
        parser.add_argument("--noinput", "--no-input", action="store_false", dest="interactive",
                            help="Accepted for compatibility: the command never prompts.")
        parser.add_argument("--database", default=None,
                            help="Also check that the migration history of this database is consistent.")

    def handle(self, *app_labels, **options):
        from pyframework.apps import apps

        self.verbosity = options["verbosity"]
        app_labels = list(app_labels)
        installed = set(config.label for config in apps.get_app_configs())
        unknown = [label for label in app_labels if label not in installed]
        if unknown:
            raise CommandError("App '%s' could not be found. Is it in INSTALLED_APPS?" % unknown[0])
        name = options["name"]
        if name and not _is_identifier(name):
            raise CommandError("The migration name must be a valid Python identifier.")

        try:
            loader = MigrationLoader(None, ignore_no_migrations=True)
            if options["database"]:
                from pyframework.db import connections

                loader.check_consistent_history(connections[options["database"]])
        except MigrationError as exc:
            raise CommandError("%s" % exc)
        conflicts = loader.detect_conflicts()
        if app_labels:
            conflicts = dict((label, names) for label, names in conflicts.items() if label in app_labels)
        if conflicts:
            raise CommandError("Conflicting migrations detected; multiple leaf nodes in the migration graph: (%s)."
                               % "; ".join("%s in %s" % (", ".join(names), label)
                                           for label, names in sorted(conflicts.items())))

        questioner = MigrationQuestioner(specified_apps=app_labels)
        autodetector = MigrationAutodetector(loader.project_state(), ProjectState.from_apps(apps), questioner)
        if options["empty"]:
            if not app_labels:
                raise CommandError("You must supply at least one app label when using --empty.")
            changes = dict((label, [Migration("custom", label)]) for label in app_labels)
            changes = autodetector.arrange_for_graph(changes, loader.graph, name)
        else:
            try:
                changes = autodetector.changes(loader.graph, trim_to_apps=app_labels or None, migration_name=name)
            except MigrationError as exc:
                raise CommandError("%s" % exc)

        if not changes:
            if self.verbosity >= 1:
                if len(app_labels) == 1:
                    self.stdout.write("No changes detected in app '%s'" % app_labels[0])
                elif app_labels:
                    self.stdout.write("No changes detected in apps '%s'" % "', '".join(app_labels))
                else:
                    self.stdout.write("No changes detected")
            return
        self.write_migration_files(changes, dry_run=options["dry_run"] or options["check"])
        if options["check"]:
            self.stdout.flush()
            sys.exit(1)

    def write_migration_files(self, changes, dry_run=False):
        for app_label in sorted(changes):
            if self.verbosity >= 1:
                self.stdout.write("Migrations for '%s':" % app_label)
            for migration in changes[app_label]:
                writer = MigrationWriter(migration)
                if self.verbosity >= 1:
                    path = writer.path if not dry_run else os.path.join(app_label, "migrations", writer.filename)
                    shown = os.path.relpath(path) if os.path.isabs(path) else path
                    self.stdout.write("  %s" % shown)
                    for operation in migration.operations:
                        self.stdout.write("    - %s" % operation.describe())
                if not dry_run:
                    writer.write()
                elif self.verbosity >= 3:
                    self.stdout.write(writer.as_string())


def _is_identifier(name):
    import re

    return re.match(r"^[A-Za-z_][A-Za-z0-9_]*$", name) is not None
