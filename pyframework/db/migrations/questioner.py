"""The decisions makemigrations takes without asking anyone (it never prompts).

* A removed field and an added field of the same model whose deconstructions are
  identical (same class, same options) are taken as a rename: the data is kept.
* A NOT NULL field without a default cannot be added to an existing table: the
  command stops and says to give the field a default or ``null=True``.
* ``auto_now``/``auto_now_add`` fields added to existing tables fill existing rows
  with the current time (a one-off default, not kept in the model).
* An app gets its first migration when it already has a ``migrations`` package or
  was named on the command line.
"""
from __future__ import absolute_import, unicode_literals

import importlib

from pyframework.db.migrations.exceptions import MissingDefaultError


class MigrationQuestioner(object):
    def __init__(self, specified_apps=()):
        self.specified_apps = set(specified_apps or ())

    def ask_initial(self, app_label):
        """Should an app without migrations get a ``0001_initial``?"""
        if app_label in self.specified_apps:
            return True
        from pyframework.db.migrations.loader import MigrationLoader

        try:
            importlib.import_module(MigrationLoader.migrations_module(app_label))
        except ImportError:
            return False
        return True

    def ask_rename(self, model_name, old_name, new_name, field):
        return True

    def ask_not_null_addition(self, field_name, model_name):
        raise MissingDefaultError(
            "It is impossible to add the non-nullable field '%s' to %s without a default: existing rows need "
            "a value. Give the field a default, or null=True, then run makemigrations again."
            % (field_name, model_name))
