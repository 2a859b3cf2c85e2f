"""The serializer and MigrationWriter: readable, deterministic, importable migration source."""
from __future__ import unicode_literals

import __future__
import datetime
import decimal
import functools
import uuid

import pytest

from pyframework.db import migrations
from pyframework.db.migrations.serializer import serialize
from pyframework.db.migrations.writer import MigrationWriter
from pyframework.utils import timezone
from pyframework.utils.compat import PY2

UNICODE_LITERALS_FLAG = __future__.unicode_literals.compiler_flag


def forwards(apps, schema_editor):
    return None


def evaluate(source, imports):
    """Evaluate as a migration file would: with unicode_literals, after its imports."""
    namespace = {}
    exec("\n".join(sorted(imports)), namespace)
    return eval(compile(source, "<value>", "eval", UNICODE_LITERALS_FLAG, True), namespace)


@pytest.mark.parametrize("value", [
    None, True, False, 0, -7, 2 ** 70, 1.5, "text", "quote ' and \\ and\nnewline", "caf\u00e9 \U0001F600",
    decimal.Decimal("12.340"), datetime.date(2024, 2, 29), datetime.time(13, 5, 7, 120),
    datetime.datetime(2024, 1, 2, 3, 4, 5), datetime.datetime(2024, 1, 2, 3, 4, 5, tzinfo=timezone.utc),
    datetime.timedelta(days=2, seconds=5), uuid.UUID("12345678-1234-5678-1234-567812345678"),
    [1, "a"], (1,), ("x", "y"), set(["b", "a"]), frozenset([3]), {"b": 1, "a": [2]}, set(),
])
def test_values_round_trip(value):
    source, imports = serialize(value)
    assert evaluate(source, imports) == value
    assert not source.startswith("u'")


def test_output_is_deterministic_and_sorted():
    assert serialize({"b": 1, "a": 2})[0] == "{'a': 2, 'b': 1}"
    assert serialize(set(["zeta", "alpha", "mid"]))[0] == "{'alpha', 'mid', 'zeta'}"
    assert serialize(2 ** 70)[0] == "1180591620717411303424"
    assert serialize("caf\u00e9")[0] == "'caf\u00e9'"


def test_functions_and_partials_serialize_by_import_path():
    source, imports = serialize(forwards)
    assert source.endswith("test_migration_writer.forwards")
    assert evaluate(source, imports) is forwards
    source, imports = serialize(functools.partial(forwards, 1))
    assert evaluate(source, imports).func is forwards
    source, imports = serialize(migrations.RunPython.noop)
    assert source == "migrations.RunPython.noop"


def test_lambdas_are_refused_with_a_reason():
    with pytest.raises(ValueError) as info:
        serialize(lambda apps, editor: None)
    assert "lambda" in "%s" % info.value


def test_unserializable_value_names_its_type():
    with pytest.raises(ValueError) as info:
        serialize(object())
    assert "object" in "%s" % info.value


def make_migration(name, app_label, operations, dependencies=(), initial=None):
    migration = migrations.Migration(name, app_label)
    migration.operations = list(operations)
    migration.dependencies = list(dependencies)
    migration.initial = initial
    return migration


def load_source(source):
    namespace = {}
    if PY2:  # a coding declaration is only allowed in byte source on Python 2
        source = source.encode("utf-8")
    exec(compile(source, "<migration>", "exec"), namespace)
    return namespace["Migration"]


def test_writer_output_imports_and_equals_the_operations():
    operations = [
        migrations.RunPython(forwards, migrations.RunPython.noop),
        migrations.RunSQL("UPDATE t SET a = %s", reverse_sql=[("UPDATE t SET a = %s", [1])]),
        migrations.AlterModelOptions(name="Post", options={"ordering": ["-id"], "verbose_name": "entry"}),
        migrations.AlterUniqueTogether(name="Post", unique_together=[("a", "b")]),
        migrations.AlterModelTable(name="Post", table="custom_posts"),
        migrations.RemoveIndex(model_name="Post", name="post_idx"),
        migrations.RenameField(model_name="Post", old_name="title", new_name="headline"),
    ]
    migration = make_migration("0002_auto", "blog", operations, [("blog", "0001_initial")])
    source = MigrationWriter(migration).as_string()
    assert source.startswith("# -*- coding: utf-8 -*-\n")
    assert "from __future__ import unicode_literals" in source
    assert "        ('blog', '0001_initial'),\n" in source
    assert "        migrations.RenameField(\n            model_name='Post',\n" in source
    loaded = load_source(source)
    assert loaded.dependencies == [("blog", "0001_initial")]
    assert loaded.operations == operations
    assert MigrationWriter(migration).as_string() == source


def test_initial_flag_and_empty_operations():
    source = MigrationWriter(make_migration("0001_initial", "blog", [], initial=True)).as_string()
    assert "    initial = True\n" in source
    loaded = load_source(source)
    assert loaded.initial is True and loaded.operations == []


def test_suggested_names():
    assert make_migration("x", "blog", [], initial=True).suggest_name() == "initial"
    remove = migrations.RemoveIndex(model_name="Post", name="Post_Idx")
    assert make_migration("x", "blog", [remove]).suggest_name() == "remove_post_post_idx"
    assert make_migration("x", "blog", [migrations.RunPython(forwards)]).suggest_name().startswith("auto_")


def test_model_operations_with_fields_round_trip():
    from pyframework.db import models

    operations = [
        migrations.CreateModel(
            name="Post",
            fields=[
                ("id", models.AutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("title", models.CharField(max_length=10, default="x", choices=[("x", "Ex"), ("y", "Why")])),
                ("author", models.ForeignKey("blog.Author", on_delete=models.SET_NULL, null=True)),
                ("price", models.DecimalField(max_digits=5, decimal_places=2, default=decimal.Decimal("1.50"))),
                ("tags", models.ManyToManyField("blog.Tag", blank=True)),
            ],
            options={
                "indexes": [models.Index(fields=["title"], name="post_title_idx")],
                "constraints": [models.UniqueConstraint(fields=["title", "author"], name="post_title_uniq")],
                "unique_together": set([("title", "price")]),
                "ordering": ["-id"],
            },
        ),
        migrations.AddField(model_name="Post", name="created",
                            field=models.DateTimeField(default=timezone.now), preserve_default=False),
        migrations.AlterField(model_name="Post", name="title", field=models.CharField(max_length=20)),
    ]
    source = MigrationWriter(make_migration("0001_initial", "blog", operations, initial=True)).as_string()
    assert "from pyframework.db import migrations, models\n" in source
    assert "on_delete=models.SET_NULL" in source and "default=Decimal('1.50')" in source
    assert "default=timezone.now" in source and "from pyframework.utils import timezone\n" in source
    assert "            options={\n                'constraints': [" in source
    assert load_source(source).operations == operations
    changed = migrations.AlterField(model_name="Post", name="title", field=models.CharField(max_length=21))
    assert load_source(source).operations[2] != changed
