"""migrate under the database's lock: two migrate runs started together (two nodes booting)
apply each migration once; the second waits, then finds nothing left to do."""
from __future__ import unicode_literals

import os
import threading

from pyframework.core.management import call_command
from pyframework.db import connections
from pyframework.db.migrations.lock import migration_lock
from pyframework.utils.compat import NativeStringIO
from migration_project import installed_project

# A migration slow enough (its RunPython sleeps) that the second migrate starts while the
# first is in the middle of it; the RunPython also counts how often it ran, in the database.
SLOW_MIGRATION = '''
from __future__ import unicode_literals

import time

from pyframework.db import migrations, models


def record_run(apps, schema_editor):
    time.sleep(1.5)
    apps.get_model("%(label)s", "Run").objects.create(note="applied")


class Migration(migrations.Migration):
    initial = True
    dependencies = []
    operations = [
        migrations.CreateModel("Run", [
            ("id", models.AutoField(primary_key=True)),
            ("note", models.CharField(max_length=20)),
        ]),
        migrations.RunPython(record_run, migrations.RunPython.noop),
    ]
'''

LOCKING_VENDORS = ("postgresql", "mysql")


def test_two_concurrent_migrates_apply_once(db, tmpdir):
    if db.connection.vendor not in LOCKING_VENDORS:
        # SQLite and H2 are one-process databases: no lock, migrate runs as before.
        assert db.connection.ops.migration_lock_sql() is None
        with migration_lock(db.connection) as locked:
            assert locked is False
        return
    with installed_project(db, tmpdir) as project:
        directory = project.migrations_dir(project.label)
        os.mkdir(directory)
        project.write(os.path.join(directory, "__init__.py"), "")
        project.write(os.path.join(directory, "0001_initial.py"), SLOW_MIGRATION % {"label": project.label})
        outputs, errors = {}, []
        applying = threading.Event()

        class Output(NativeStringIO):
            """The first node's stdout: tells when its migration is under way."""

            def write(self, text):
                if "Applying" in text:
                    applying.set()
                return NativeStringIO.write(self, text)

        def node(name, out):
            try:
                call_command("migrate", project.label, stdout=out, stderr=NativeStringIO(), verbosity=1)
                outputs[name] = out.getvalue()
            except Exception as exc:  # pragma: no cover - reported below
                errors.append((name, exc))
            finally:
                connections.close_all()

        first = threading.Thread(target=node, args=("first", Output()))
        second = threading.Thread(target=node, args=("second", NativeStringIO()))
        first.start()
        # The second node starts while the first is in the middle of its (slow) migration.
        assert applying.wait(30)
        second.start()
        for thread in (first, second):
            thread.join(60)
        assert not errors, errors
        assert "Applying %s.0001_initial... OK" % project.label in outputs["first"]
        assert "Waiting for the migration lock" in outputs["second"]
        assert "No migrations to apply." in outputs["second"] and "Applying" not in outputs["second"]
        with db.connection.cursor() as cursor:
            cursor.execute("SELECT COUNT(*) FROM %s" % db.connection.ops.quote_name("%s_run" % project.label), [])
            assert cursor.fetchone()[0] == 1
            cursor.execute("SELECT COUNT(*) FROM pyframework_migrations WHERE app = %s", [project.label])
            assert cursor.fetchone()[0] == 1


def _lock_is_free(connection):
    """Whether ``connection`` could take the lock now (it lets go at once)."""
    try_sql, _, release_sql = connection.ops.migration_lock_sql()
    with connection.cursor() as cursor:
        cursor.execute(try_sql, [])
        free = bool(cursor.fetchone()[0])
        if free:
            cursor.execute(release_sql, [])
    return free


def _try_in_another_session():
    """Whether another connection (another thread's) could take the lock now; it lets go at once."""
    result = []

    def attempt():
        try:
            result.append(_lock_is_free(connections["default"]))
        finally:
            connections.close_all()

    thread = threading.Thread(target=attempt)
    thread.start()
    thread.join(30)
    return result[0]


def test_lock_is_held_reentrant_and_released(db):
    if db.connection.vendor not in LOCKING_VENDORS:
        return
    waited = []
    with migration_lock(db.connection, on_wait=lambda: waited.append(1)) as locked:
        assert locked is True
        assert _try_in_another_session() is False
        # The same session may take it again (migrate calling migrate, the test runner's set-up).
        with migration_lock(db.connection, on_wait=lambda: waited.append(1)):
            pass
        assert _try_in_another_session() is False
    assert not waited
    assert _try_in_another_session() is True
