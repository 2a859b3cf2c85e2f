"""``sqlmigrate``: print the SQL of one migration without running it."""
from __future__ import absolute_import, unicode_literals

from pyframework.core.management.base import BaseCommand, CommandError
from pyframework.db.migrations.exceptions import MigrationError


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
        try:
            migration = loader.find_migration(options["app_label"], options["migration_name"])
        except MigrationError as exc:
            raise CommandError("%s" % exc)
        statements = loader.collect_sql([(migration, options["backwards"])])
        return "\n".join(statements)
