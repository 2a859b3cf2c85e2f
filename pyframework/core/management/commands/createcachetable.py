"""``createcachetable``: create the tables of the CACHES entries that use the database backend."""
from __future__ import absolute_import, unicode_literals

from pyframework.conf import settings
from pyframework.core.cache import caches
from pyframework.core.cache.backends.db import DatabaseCache, cache_table_sql
from pyframework.core.management.base import BaseCommand
from pyframework.db import connections, transaction


class Command(BaseCommand):
    help = "Creates the tables needed to use the SQL cache backend."
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("args", metavar="table_name", nargs="*",
                            help="Optional table names. Otherwise, settings.CACHES is used to find cache tables.")
        parser.add_argument("--database", default="default",
                            help="Nominates a database onto which the cache tables will be installed. "
                                 "Defaults to the 'default' database.")
        parser.add_argument("--dry-run", action="store_true", help="Does not create the table, just prints the SQL.")

    def handle(self, *tablenames, **options):
        database = options["database"]
        dry_run = options["dry_run"]
        self.verbose = options.get("verbosity", 1) >= 2
        if tablenames:
            for tablename in tablenames:
                self.create_table(database, tablename, dry_run)
            return
        for alias in settings.CACHES:
            backend = caches[alias]
            if isinstance(backend, DatabaseCache) and backend._using == database:
                self.create_table(database, backend._table, dry_run)

    def create_table(self, database, tablename, dry_run):
        connection = connections[database]
        # Some databases report unquoted names in upper case: compare without case.
        if tablename.lower() in [name.lower() for name in connection.introspection.table_names()]:
            if self.verbose:
                self.stdout.write("Cache table '%s' already exists." % tablename)
            return
        statements = cache_table_sql(connection, tablename)
        if dry_run:
            self.stdout.write("\n".join(statement + ";" for statement in statements))
            return
        with transaction.atomic(using=database):
            with connection.cursor() as cursor:
                for statement in statements:
                    cursor.execute(statement)
        if self.verbose:
            self.stdout.write("Cache table '%s' created." % tablename)
