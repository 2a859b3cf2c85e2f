"""Creating and destroying the throw-away test database of an alias."""
from __future__ import absolute_import, unicode_literals

import logging

logger = logging.getLogger("pyframework.db.backends.creation")

TEST_DATABASE_PREFIX = "test_"


class BaseDatabaseCreation(object):
    def __init__(self, connection):
        self.connection = connection

    def test_db_signature(self):
        settings = self.connection.settings_dict
        return (settings.get("URL") or settings.get("HOST"), settings["ENGINE"], self._get_test_db_name())

    def _get_test_db_name(self):
        name = self.connection.settings_dict["TEST"].get("NAME")
        if name:
            return name
        return TEST_DATABASE_PREFIX + (self.connection.settings_dict.get("NAME") or "pyframework")

    def create_test_db(self, keepdb=False):
        """Point the alias at a fresh test database; return the settings that changed."""
        name = self._get_test_db_name()
        self.connection.close()
        self._create_test_db(name, keepdb)
        self.connection.settings_dict.update(self.test_settings(name))
        self.connection.close()
        return name

    def destroy_test_db(self, old_settings=None, keepdb=False):
        name = self._get_test_db_name()
        self.connection.close()
        if old_settings is not None:
            self.connection.settings_dict.update(old_settings)
        if not keepdb:
            self._destroy_test_db(name)

    def test_settings(self, name):
        return {"NAME": name}

    def _create_test_db(self, name, keepdb):
        pass

    def _destroy_test_db(self, name):
        pass

    def drop_tables(self, table_names):
        """Drop tables (children first is not needed: constraints are dropped with CASCADE where possible)."""
        with self.connection.schema_editor() as editor:
            for table in table_names:
                editor.execute(editor.sql_delete_table_if_exists % {"table": editor.quote_name(table)})
