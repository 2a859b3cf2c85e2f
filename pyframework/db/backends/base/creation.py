"""Creating and destroying the throw-away test database of an alias (``connection.creation``).

``create_test_db()`` points the alias at a new database (its settings are changed in
place, in ``settings.DATABASES`` too, so every thread's connection sees it), runs
``migrate --run-syncdb`` on it and, for ``serialized_rollback``, keeps its contents
as JSON. ``destroy_test_db()`` drops it and restores the original settings. Backends
override ``_create_test_db`` / ``_destroy_test_db`` and ``test_settings``.
"""
from __future__ import absolute_import, unicode_literals

import logging
import re
import sys

from pyframework.utils.compat import NativeStringIO

logger = logging.getLogger("pyframework.db.backends.creation")

TEST_DATABASE_PREFIX = "test_"


class BaseDatabaseCreation(object):
    def __init__(self, connection):
        self.connection = connection
        self._old_settings = None

    def log(self, message):
        sys.stderr.write(message + "\n")

    def test_db_signature(self):
        """Aliases with the same signature share one test database (mirrors)."""
        settings = self.connection.settings_dict
        return (settings.get("URL") or settings.get("HOST"), settings.get("PORT"), settings["ENGINE"],
                self._get_test_db_name())

    def _get_test_db_name(self):
        name = self.connection.settings_dict["TEST"].get("NAME")
        if name:
            return name
        return TEST_DATABASE_PREFIX + (self.connection.settings_dict.get("NAME") or "pyframework")

    # -- the test database -----------------------------------------------------------------

    def create_test_db(self, verbosity=1, autoclobber=False, serialize=True, keepdb=False):
        """Create the test database, point the alias at it and migrate it; return its name."""
        from pyframework.core.management import call_command

        name = self._get_test_db_name()
        if verbosity >= 1:
            self.log("%s test database for alias '%s'..." % ("Using existing" if keepdb else "Creating",
                                                          self.connection.alias))
        self.connection.close()
        self._old_settings = dict(self.connection.settings_dict)
        changes = self._create_test_db(name, verbosity=verbosity, autoclobber=autoclobber, keepdb=keepdb)
        self._apply_settings(changes)
        call_command("migrate", verbosity=max(verbosity - 1, 0), interactive=False,
                     database=self.connection.alias, run_syncdb=True)
        if serialize:
            self.connection._test_serialized_contents = self.serialize_db_to_string()
        self.connection.ensure_connection()
        return name

    def set_as_test_mirror(self, primary_settings_dict):
        """This alias uses the same test database as another one."""
        self._old_settings = dict(self.connection.settings_dict)
        self._apply_settings(dict((key, primary_settings_dict[key]) for key in ("NAME", "URL")
                                  if key in primary_settings_dict))

    def destroy_test_db(self, old_database_name=None, verbosity=1, keepdb=False, suffix=None):
        """Drop the test database (unless ``keepdb``) and point the alias back at the real one."""
        self.connection.close()
        if verbosity >= 1:
            self.log("%s test database for alias '%s'..." % ("Preserving" if keepdb else "Destroying",
                                                          self.connection.alias))
        if not keepdb:
            self._destroy_test_db(self.connection.settings_dict["NAME"], verbosity=verbosity)
        if self._old_settings is not None:
            self._apply_settings(self._old_settings)
            self._old_settings = None

    def _apply_settings(self, changes):
        from pyframework.conf import settings

        self.connection.close()
        self.connection.settings_dict.update(changes)
        configured = getattr(settings, "DATABASES", {}).get(self.connection.alias)
        if configured is not None:
            # A later connections.reset() (override_settings) must still find the test database.
            configured.update((key, value) for key, value in changes.items() if key not in ("TEST", "OPTIONS"))

    def _create_test_db(self, name, verbosity=1, autoclobber=False, keepdb=False):
        """Create the database; return the settings_dict entries that reach it."""
        return {"NAME": name}

    def _destroy_test_db(self, name, verbosity=1):
        pass

    # -- contents --------------------------------------------------------------------------

    def serialize_db_to_string(self):
        """Every row of the installed apps' models as JSON (TransactionTestCase.serialized_rollback)."""
        from pyframework.apps import apps
        from pyframework.core import serializers

        models = [model for config in apps.get_app_configs() for model in config.get_models()
                  if model._meta.can_migrate(self.connection)]

        def rows():
            for model in serializers.sort_dependencies([(None, models)], allow_cycles=True):
                for obj in model._base_manager.using(self.connection.alias).order_by(model._meta.pk.name):
                    yield obj

        out = NativeStringIO()
        serializers.serialize("json", rows(), stream=out)
        return out.getvalue()

    def deserialize_db_from_string(self, data):
        """Load what serialize_db_to_string() produced."""
        from pyframework.core import serializers
        from pyframework.db import transaction

        with transaction.atomic(using=self.connection.alias):
            for obj in serializers.deserialize("json", data, using=self.connection.alias):
                obj.save()

    def drop_tables(self, table_names):
        """Drop tables (children first is not needed: constraints are dropped with CASCADE where possible)."""
        with self.connection.schema_editor() as editor:
            for table in table_names:
                editor.execute(editor.sql_delete_table_if_exists % {"table": editor.quote_name(table)})


class ServerDatabaseCreation(object):
    """Test databases on a server (PostgreSQL, MariaDB) reached by a JDBC URL whose last path
    segment is the database name: ``CREATE DATABASE`` over a connection to the configured one."""

    url_patterns = {
        "postgresql": r"^(?P<base>jdbc:postgresql://[^/?]+/)(?P<name>[^?]*)(?P<query>\?.*)?$",
        "mysql": r"^(?P<base>jdbc:(?:mariadb|mysql)://[^/?]+/)(?P<name>[^?]*)(?P<query>\?.*)?$",
    }
    drop_statements = {"postgresql": "DROP DATABASE IF EXISTS %s WITH (FORCE)", "mysql": "DROP DATABASE IF EXISTS %s"}

    @classmethod
    def split_url(cls, vendor, url):
        """``(base, database name, query)`` of a server JDBC URL; ValueError if it has no database part."""
        match = re.match(cls.url_patterns[vendor], url or "")
        if match is None:
            raise ValueError("%r is not a %s JDBC URL of the form jdbc:<driver>://host[:port]/database"
                             % (url, vendor))
        return match.group("base"), match.group("name"), match.group("query") or ""

    @classmethod
    def database_url(cls, vendor, url, database):
        """``url`` with its database name replaced (driver properties kept)."""
        base, _, query = cls.split_url(vendor, url)
        return base + database + query
