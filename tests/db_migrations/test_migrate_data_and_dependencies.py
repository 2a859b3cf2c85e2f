"""RunPython data migrations with historical models, dependencies between apps, history checks."""
from __future__ import unicode_literals

import os

import pytest

from pyframework.core.management import CommandError
from migration_project import drop_recorder_table, install_project, table_names

AUTHOR_MODELS = '''
class Author(models.Model):
    name = models.CharField(max_length=100)
'''

BOOK_MODELS = '''
class Book(models.Model):
    title = models.CharField(max_length=100)
    author = models.ForeignKey("%s.Author", on_delete=models.PROTECT)
'''

DATA_MIGRATION = '''from __future__ import unicode_literals

from pyframework.db import migrations


def add_authors(apps, schema_editor):
    Author = apps.get_model("%(label)s", "Author")
    assert Author.__module__ == "__fake__"
    for name in ("Ada", "Grace"):
        Author.objects.using(schema_editor.connection.alias).create(name=name)


def remove_authors(apps, schema_editor):
    apps.get_model("%(label)s", "Author").objects.using(schema_editor.connection.alias).filter(
        name__in=["Ada", "Grace"]).delete()


class Migration(migrations.Migration):

    dependencies = [
        ("%(label)s", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(add_authors, remove_authors),
    ]
'''


@pytest.fixture
def two_apps(db, tmpdir):
    project, restore = install_project(tmpdir, count=2)
    try:
        yield project
    finally:
        try:
            for label in reversed(project.labels):
                if project.migration_files(label):
                    project.call("migrate", label, "zero", verbosity=0)
        finally:
            drop_recorder_table(db.connection)
            restore()


def test_run_python_uses_historical_models_both_ways(two_apps, db):
    label = two_apps.labels[0]
    two_apps.write_models(label, AUTHOR_MODELS)
    two_apps.call("makemigrations", label)
    out = two_apps.call("makemigrations", label, empty=True, name="seed_authors")
    assert "0002_seed_authors.py" in out
    path = os.path.join(two_apps.migrations_dir(label), "0002_seed_authors.py")
    generated = two_apps.read_migration(label, "0002_seed_authors.py")
    assert "('%s', '0001_initial')" % label in generated and "operations = []" in generated
    two_apps.write(path, DATA_MIGRATION % {"label": label})

    out = two_apps.call("migrate", label)
    assert "Applying %s.0002_seed_authors... OK" % label in out
    Author = two_apps.model(label, "Author")
    assert sorted(Author.objects.values_list("name", flat=True)) == ["Ada", "Grace"]
    assert "RAW PYTHON" not in out.upper()

    sql = two_apps.call("sqlmigrate", label, "0002")
    assert "CANNOT BE WRITTEN AS SQL" in sql

    two_apps.call("migrate", label, "0001")
    assert Author.objects.count() == 0
    assert ("%s_author" % label) in table_names(db.connection)


def test_foreign_key_across_apps_orders_the_migrations(two_apps, db):
    authors, books = two_apps.labels
    two_apps.write_models(authors, AUTHOR_MODELS)
    two_apps.write_models(books, BOOK_MODELS % authors)
    out = two_apps.call("makemigrations", authors, books)
    assert "Migrations for '%s':" % authors in out and "Migrations for '%s':" % books in out
    book_source = two_apps.read_migration(books, "0001_initial.py")
    assert "('%s', '0001_initial')" % authors in book_source
    assert "to='%s.author'" % authors in book_source.lower()

    out = two_apps.call("migrate")
    assert out.index("Applying %s.0001_initial" % authors) < out.index("Applying %s.0001_initial" % books)
    plan = two_apps.call("showmigrations", format="plan")
    assert plan.index("[X]  %s.0001_initial" % authors) < plan.index("[X]  %s.0001_initial" % books)

    # Unapplying the authors app takes the dependent books migration with it.
    out = two_apps.call("migrate", authors, "zero")
    assert out.index("Unapplying %s.0001_initial" % books) < out.index("Unapplying %s.0001_initial" % authors)
    assert not any(name.startswith((authors, books)) for name in table_names(db.connection))


def test_inconsistent_history_is_refused(two_apps, db):
    authors, books = two_apps.labels
    two_apps.write_models(authors, AUTHOR_MODELS)
    two_apps.write_models(books, BOOK_MODELS % authors)
    two_apps.call("makemigrations", authors, books)
    from pyframework.db.migrations.recorder import MigrationRecorder

    MigrationRecorder(db.connection).record_applied(books, "0001_initial")
    with pytest.raises(CommandError) as info:
        two_apps.call("migrate")
    message = "%s" % info.value
    assert "%s.0001_initial" % books in message and "%s.0001_initial" % authors in message
    MigrationRecorder(db.connection).record_unapplied(books, "0001_initial")


def test_app_without_migrations_is_named(two_apps):
    label = two_apps.labels[0]
    with pytest.raises(CommandError) as info:
        two_apps.call("migrate", label)
    assert "App '%s' does not have migrations." % label in "%s" % info.value
    assert "%s\n (no migrations)" % label in two_apps.call("showmigrations", label)


FAILING_MIGRATION = '''from __future__ import unicode_literals

from pyframework.db import migrations, models


def fail(apps, schema_editor):
    apps.get_model("%(label)s", "Note").objects.create(text="written before the failure")
    raise RuntimeError("data migration failed")


class Migration(migrations.Migration):

    dependencies = [
        ("%(label)s", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="Note",
            fields=[
                ("id", models.AutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("text", models.CharField(max_length=50)),
            ],
        ),
        migrations.RunSQL(
            [('INSERT INTO %(note_table)s (%(text_column)s) VALUES (%%s)', ['from RunSQL'])],
            reverse_sql=migrations.RunSQL.noop,
        ),
        migrations.RunPython(fail),
    ]
'''


def test_failed_migration_is_not_recorded_and_rolls_back_where_ddl_can(two_apps, db):
    from pyframework.db.migrations.recorder import MigrationRecorder

    label = two_apps.labels[0]
    two_apps.write_models(label, AUTHOR_MODELS)
    two_apps.call("makemigrations", label)
    quote = db.connection.ops.quote_name
    source = FAILING_MIGRATION % {"label": label, "note_table": quote("%s_note" % label), "text_column": quote("text")}
    two_apps.write(os.path.join(two_apps.migrations_dir(label), "0002_notes.py"), source)
    with pytest.raises(RuntimeError) as info:
        two_apps.call("migrate", label)
    assert "data migration failed" in "%s" % info.value
    applied = MigrationRecorder(db.connection).applied_migrations()
    assert (label, "0001_initial") in applied and (label, "0002_notes") not in applied
    note_table = "%s_note" % label
    if db.connection.features.can_rollback_ddl:
        assert note_table not in table_names(db.connection)
    elif note_table in table_names(db.connection):
        # Without transactional DDL the table stays; drop it so the app can be unmigrated cleanly.
        with db.connection.cursor() as cursor:
            cursor.execute("DROP TABLE %s" % db.connection.ops.quote_name(note_table))
