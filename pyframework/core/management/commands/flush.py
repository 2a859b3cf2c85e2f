"""``flush``: remove every row from the tables of the installed models (the schema stays)."""
from __future__ import absolute_import, unicode_literals

from pyframework.core.management.base import BaseCommand, CommandError
from pyframework.utils.compat import builtins


def flush_tables(connection, reset_sequences=True, allow_cascade=False, only_apps=None):
    """Empty the existing tables of the registered models (of ``only_apps`` labels, if given)."""
    from pyframework.apps import apps
    from pyframework.db import transaction

    tables = connection.introspection.pyframework_table_names(only_existing=True, include_views=False)
    if only_apps is not None:
        wanted = set()
        for model in apps.get_models(include_auto_created=True):
            if model._meta.app_label in only_apps:
                wanted.add(model._meta.db_table)
        tables = [table for table in tables if table in wanted]
    statements = connection.ops.sql_flush(None, tables, reset_sequences=reset_sequences,
                                          allow_cascade=allow_cascade)
    if not statements:
        return tables
    with transaction.atomic(using=connection.alias, savepoint=connection.features.can_rollback_ddl):
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql.rstrip().rstrip(";"))
    return tables


class Command(BaseCommand):
    help = ("Removes ALL DATA from the database, including data added during migrations. "
            "Does not achieve a \"fresh install\" state.")
    requires_system_checks = []
    # TransactionTestCase passes these from Python code only, as Django's does.
    stealth_options = ("reset_sequences", "allow_cascade", "inhibit_post_migrate")

    def add_arguments(self, parser):
        parser.add_argument("--noinput", "--no-input", action="store_false", dest="interactive",
                            help="Tells the command NOT to prompt the user for input of any kind.")
        parser.add_argument("--database", default="default",
                            help='Nominates a database to flush. Defaults to the "default" database.')

    def handle(self, **options):
        from pyframework.apps import apps
        from pyframework.db import connections
        from pyframework.db.models import signals

        connection = connections[options["database"]]
        verbosity = options.get("verbosity", 1)
        if options.get("interactive", True):
            answer = builtins.input(
                "You have requested a flush of the database.\nThis will IRREVERSIBLY DESTROY all data currently "
                "in the %r database,\nand return each table to an empty state.\nAre you sure you want to do "
                "this?\n\n    Type 'yes' to continue, or 'no' to cancel: " % connection.settings_dict["NAME"])
            if answer != "yes":
                self.stdout.write("Flush cancelled.")
                return
        available = None
        if apps.stored_app_configs:  # TransactionTestCase.available_apps is in force: only those
            available = set(config.label for config in apps.get_app_configs())
        try:
            flush_tables(connection, reset_sequences=options.get("reset_sequences", True),
                         allow_cascade=options.get("allow_cascade", False), only_apps=available)
        except Exception as exc:
            raise CommandError("Database %s couldn't be flushed: %s. Possible reasons: the database isn't "
                               "running or isn't configured correctly, or at least one of the expected "
                               "tables doesn't exist." % (connection.settings_dict["NAME"], exc))
        if not options.get("inhibit_post_migrate", False):
            for app_config in apps.get_app_configs():
                if app_config.models_module is None:
                    continue
                signals.post_migrate.send(sender=app_config, app_config=app_config, verbosity=verbosity,
                                          interactive=False, using=connection.alias, plan=[])
        if verbosity >= 2:
            self.stdout.write("Flushed %s." % connection.alias)
