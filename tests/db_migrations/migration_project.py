"""A throw-away app in a temporary directory, installed alone while a migrations test runs.

``MigrationProject.write_models(source)`` (re)writes its models.py and re-imports
it, as a developer editing models between two ``makemigrations`` would.
"""
from __future__ import unicode_literals

import contextlib
import glob
import io
import os
import shutil
import sys
import uuid
from collections import OrderedDict

from pyframework.apps import apps
from pyframework.apps.config import AppConfig
from pyframework.core.management import call_command
from pyframework.utils.compat import NativeStringIO, PY2, text_type

HEADER = "from __future__ import unicode_literals\n\nfrom pyframework.db import models\n\n"


def forget_compiled(directory):
    """Stale bytecode would shadow a models.py rewritten within the same second."""
    for cached in glob.glob(os.path.join(directory, "*$py.class")) + glob.glob(os.path.join(directory, "*.pyc")):
        os.remove(cached)
    shutil.rmtree(os.path.join(directory, "__pycache__"), ignore_errors=True)


class MigrationProject(object):
    def __init__(self, base_dir, labels):
        self.base_dir = base_dir
        self.labels = list(labels)

    def app_dir(self, label):
        return os.path.join(self.base_dir, label)

    def migrations_dir(self, label):
        return os.path.join(self.app_dir(label), "migrations")

    def write(self, path, text):
        with io.open(path, "w", encoding="utf-8") as handle:
            handle.write(text_type(text))
        forget_compiled(os.path.dirname(path))

    def write_models(self, label, body):
        self.write(os.path.join(self.app_dir(label), "models.py"), HEADER + body)
        for name in [key for key in sys.modules if key == label + ".models"]:
            del sys.modules[name]
        apps.all_models.pop(label, None)
        config = apps.app_configs[label]
        config.import_models()
        apps.clear_cache()

    def migration_files(self, label):
        directory = self.migrations_dir(label)
        if not os.path.isdir(directory):
            return []
        return sorted(name for name in os.listdir(directory) if name.endswith(".py") and name[0].isdigit())

    def read_migration(self, label, name):
        with io.open(os.path.join(self.migrations_dir(label), name), encoding="utf-8") as handle:
            return handle.read()

    def model(self, label, name):
        return apps.get_model(label, name)

    def call(self, *args, **options):
        """Run a command; return what it printed."""
        out = NativeStringIO()
        options.setdefault("verbosity", 1)
        call_command(*args, stdout=out, stderr=NativeStringIO(), **options)
        value = out.getvalue()
        return value.decode("utf-8") if PY2 and isinstance(value, bytes) else value


def install_project(tmpdir, count=1):
    """Create ``count`` empty apps, install them alone in the registry; returns (project, restore)."""
    base_dir = str(tmpdir)
    labels = ["migapp%s_%s" % (uuid.uuid4().hex[:8], index) for index in range(count)]
    for label in labels:
        os.mkdir(os.path.join(base_dir, label))
        io.open(os.path.join(base_dir, label, "__init__.py"), "w").close()
        io.open(os.path.join(base_dir, label, "models.py"), "w").close()
    sys.path.insert(0, base_dir)
    saved = (apps.app_configs, apps.ready, apps.apps_ready, apps.models_ready)
    saved_dont_write = sys.dont_write_bytecode
    sys.dont_write_bytecode = True
    apps.app_configs = OrderedDict()
    apps.ready = apps.apps_ready = apps.models_ready = False
    apps.populate([AppConfig.create(label) for label in labels])

    def restore():
        apps.app_configs, apps.ready, apps.apps_ready, apps.models_ready = saved
        sys.dont_write_bytecode = saved_dont_write
        for label in labels:
            apps.all_models.pop(label, None)
            for name in [key for key in sys.modules if key == label or key.startswith(label + ".")]:
                del sys.modules[name]
        sys.path.remove(base_dir)
        apps.clear_cache()

    return MigrationProject(base_dir, labels), restore


@contextlib.contextmanager
def installed_project(db, tmpdir):
    """One throw-away app installed for the block; its migrations are unapplied afterwards."""
    project, restore = install_project(tmpdir)
    project.label = project.labels[0]
    try:
        yield project
    finally:
        try:
            if os.path.isdir(project.migrations_dir(project.label)) and project.migration_files(project.label):
                project.call("migrate", project.label, "zero", verbosity=0)
        finally:
            drop_recorder_table(db.connection)
            restore()


def table_names(connection):
    with connection.cursor() as cursor:
        return set(name.lower() for name in connection.introspection.table_names(cursor))


def column_names(connection, table):
    with connection.cursor() as cursor:
        return set(column.name.lower() for column in connection.introspection.get_table_description(cursor, table))


def drop_recorder_table(connection):
    """Leave the shared test database as found: the recorder table is created by migrate."""
    from pyframework.db.migrations.recorder import MigrationRecorder

    recorder = MigrationRecorder(connection)
    if recorder.has_table():
        with connection.schema_editor() as editor:
            editor.delete_model(recorder.Migration)
