"""``sqlmigrate``: print the SQL of one migration without running it."""
from __future__ import unicode_literals

from pyframework.core.management.base import BaseCommand, CommandError
from pyframework.db.migrations.exceptions import AmbiguityError


class Command(BaseCommand):
    help = "Prints the SQL statements for the named migration."
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("app_label", help="App label of the application containing the migration.")
        parser.add_argument("migration_name", help="Migration name (a unique prefix is enough).")
        parser.add_argument("--database", default="default", help="The database to write SQL for.")
        parser.add_argument("--backwards", action="store_true", help="Print the SQL that unapplies it.")

    def handle(self, *args, **options):
        from pyframework.db import connections
        from pyframework.db.migrations.loader import MigrationLoader

        connection = connections[options["database"]]
        loader = MigrationLoader(connection)
        app_label, name = options["app_label"], options["migration_name"]
        if app_label not in loader.migrated_apps:
            raise CommandError("App '%s' does not have migrations" % app_label)
        try:
            migration = loader.get_migration_by_prefix(app_label, name)
        except AmbiguityError:
            raise CommandError("More than one migration matches '%s' in app '%s'. Please be more specific."
                               % (name, app_label))
        except KeyError:
            raise CommandError("Cannot find a migration matching '%s' from app '%s'. Is it in INSTALLED_APPS?"
                               % (name, app_label))
        statements = loader.collect_sql([(migration, options["backwards"])])
        return "\n".join(statements)
