"""The schema editor on every test database, checked through introspection."""
from __future__ import unicode_literals

import pytest

from pyframework.db import DataError, IntegrityError, connection, models

APP = "dbschema_tests"


class Writer(models.Model):
    name = models.CharField(max_length=40, unique=True)
    age = models.IntegerField(null=True)
    slug = models.SlugField(max_length=30, db_index=True)

    class Meta:
        app_label = APP


class Essay(models.Model):
    writer = models.ForeignKey(Writer, on_delete=models.CASCADE)
    title = models.CharField(max_length=60)
    words = models.PositiveIntegerField(default=0)

    class Meta:
        app_label = APP
        unique_together = [("writer", "title")]
        indexes = [models.Index(fields=["title"], name="essay_title_idx")]


def qn(name):
    return connection.ops.quote_name(name)


def table_name(model):
    return connection.introspection.identifier_converter(model._meta.db_table)


def columns(model):
    with connection.cursor() as cursor:
        return dict((info.name.lower(), info) for info in
                    connection.introspection.get_table_description(cursor, table_name(model)))


def constraints(model):
    with connection.cursor() as cursor:
        return connection.introspection.get_constraints(cursor, table_name(model))


def find(model, columns_, **kinds):
    found = []
    for name, info in constraints(model).items():
        if [c.lower() for c in info["columns"]] != columns_:
            continue
        if all(bool(info[kind]) == bool(value) for kind, value in kinds.items()):
            found.append(name)
    return found


def new_field(field, name, model):
    field.set_attributes_from_name(name)
    field.model = model
    return field


@pytest.fixture
def tables(db):
    with connection.schema_editor() as editor:
        editor.create_model(Writer)
        editor.create_model(Essay)
    yield
    with connection.schema_editor() as editor:
        for model in (Essay, Writer):
            if table_name(model) in connection.introspection.table_names():
                editor.delete_model(model)


def insert(model, **values):
    names = sorted(values)
    with connection.cursor() as cursor:
        cursor.execute("INSERT INTO %s (%s) VALUES (%s)" % (
            qn(model._meta.db_table), ", ".join(qn(n) for n in names), ", ".join(["%s"] * len(names))),
            [values[n] for n in names])


def select(model, *names):
    with connection.cursor() as cursor:
        cursor.execute("SELECT %s FROM %s ORDER BY %s" % (", ".join(qn(n) for n in names),
                                                           qn(model._meta.db_table), qn("id")))
        return cursor.fetchall()


def test_create_model_builds_columns_keys_and_indexes(tables):
    assert set([table_name(Writer), table_name(Essay)]) <= set(connection.introspection.table_names())
    described = columns(Essay)
    assert sorted(described) == ["id", "title", "words", "writer_id"]
    assert described["title"].null_ok is False
    assert columns(Writer)["age"].null_ok is True
    assert find(Writer, ["id"], primary_key=True)
    assert find(Writer, ["name"], unique=True)
    assert find(Writer, ["slug"], index=True, unique=False)
    fks = [info["foreign_key"] for info in constraints(Essay).values() if info["foreign_key"]]
    assert [(t.lower(), c.lower()) for t, c in fks] == [(Writer._meta.db_table, "id")]
    assert find(Essay, ["writer_id", "title"], unique=True)
    assert any(name.lower() == "essay_title_idx" for name in find(Essay, ["title"], index=True))
    assert find(Essay, ["writer_id"], index=True, unique=False)


def test_constraints_are_enforced(tables):
    insert(Writer, id=1, name="Ann", slug="ann")
    insert(Essay, id=1, writer_id=1, title="One", words=10)
    with pytest.raises(IntegrityError):
        insert(Writer, id=2, name="Ann", slug="ann2")
    with pytest.raises(IntegrityError):
        insert(Essay, id=2, writer_id=1, title="One", words=3)
    with pytest.raises(IntegrityError):
        insert(Essay, id=3, writer_id=42, title="Two", words=3)
    with pytest.raises((IntegrityError, DataError)):  # MySQL: out of range for an UNSIGNED column
        insert(Essay, id=4, writer_id=1, title="Three", words=-1)  # PositiveIntegerField check


def test_add_field_fills_existing_rows_with_the_default(tables):
    insert(Writer, id=1, name="Ann", slug="ann")
    rank = new_field(models.IntegerField(default=3), "rank", Writer)
    with connection.schema_editor() as editor:
        editor.add_field(Writer, rank)
    assert columns(Writer)["rank"].null_ok is False
    assert select(Writer, "rank") == [(3,)]
    insert(Writer, id=2, name="Bob", slug="bob", rank=7)
    assert select(Writer, "rank") == [(3,), (7,)]


def test_add_nullable_field_and_remove_field(tables):
    insert(Writer, id=1, name="Ann", slug="ann")
    nickname = new_field(models.CharField(max_length=20, null=True), "nickname", Writer)
    with connection.schema_editor() as editor:
        editor.add_field(Writer, nickname)
    assert select(Writer, "nickname") == [(None,)]
    with connection.schema_editor() as editor:
        editor.remove_field(Writer, Writer._meta.get_field("age"))
    assert "age" not in columns(Writer)
    assert select(Writer, "name") == [("Ann",)]


def test_alter_field_null_to_not_null_with_default_and_type(tables):
    insert(Writer, id=1, name="Ann", slug="ann")
    old = Writer._meta.get_field("age")
    new = new_field(models.BigIntegerField(default=18), "age", Writer)
    with connection.schema_editor() as editor:
        editor.alter_field(Writer, old, new)
    assert columns(Writer)["age"].null_ok is False
    assert select(Writer, "age") == [(18,)]
    insert(Writer, id=2, name="Bob", slug="bob", age=2 ** 40)
    assert select(Writer, "age")[1] == (2 ** 40,)


def test_alter_field_drops_unique_and_index(tables):
    # Each call describes one change against the model as declared (as a migration would).
    insert(Writer, id=1, name="Ann", slug="ann")
    plain_slug = new_field(models.SlugField(max_length=30, db_index=False), "slug", Writer)
    with connection.schema_editor() as editor:
        editor.alter_field(Writer, Writer._meta.get_field("slug"), plain_slug)
    assert not find(Writer, ["slug"], index=True, unique=False)
    not_unique = new_field(models.CharField(max_length=40), "name", Writer)
    with connection.schema_editor() as editor:
        editor.alter_field(Writer, Writer._meta.get_field("name"), not_unique)
    assert not find(Writer, ["name"], unique=True)
    insert(Writer, id=2, name="Ann", slug="ann2")
    assert select(Writer, "name") == [("Ann",), ("Ann",)]


def test_alter_field_renames_a_column_and_adds_unique(tables):
    insert(Writer, id=1, name="Ann", slug="ann", age=30)
    years = new_field(models.IntegerField(null=True, unique=True, db_column="years"), "age", Writer)
    with connection.schema_editor() as editor:
        editor.alter_field(Writer, Writer._meta.get_field("age"), years)
    assert "years" in columns(Writer) and "age" not in columns(Writer)
    assert select(Writer, "years") == [(30,)]
    assert find(Writer, ["years"], unique=True)
    with pytest.raises(IntegrityError):
        insert(Writer, id=2, name="Bob", slug="bob", years=30)


def test_add_and_remove_index_and_unique_constraint(tables):
    index = models.Index(fields=["-age"], name="writer_age_idx")
    unique = models.UniqueConstraint(fields=["age", "slug"], name="writer_age_slug_uniq")
    with connection.schema_editor() as editor:
        editor.add_index(Writer, index)
        editor.add_constraint(Writer, unique)
    assert any(n.lower() == "writer_age_idx" for n in find(Writer, ["age"], index=True))
    assert find(Writer, ["age", "slug"], unique=True)
    insert(Writer, id=1, name="Ann", slug="s", age=1)
    with pytest.raises(IntegrityError):
        insert(Writer, id=2, name="Bob", slug="s", age=1)
    with connection.schema_editor() as editor:
        editor.remove_index(Writer, index)
        editor.remove_constraint(Writer, unique)
    assert not find(Writer, ["age"], index=True)
    assert not find(Writer, ["age", "slug"], unique=True)
    insert(Writer, id=2, name="Bob", slug="s", age=1)


def test_alter_unique_together(tables):
    with connection.schema_editor() as editor:
        editor.alter_unique_together(Essay, [("writer", "title")], [("title", "words")])
    assert not find(Essay, ["writer_id", "title"], unique=True)
    assert find(Essay, ["title", "words"], unique=True)


def test_alter_db_table_and_delete_model(tables):
    with connection.schema_editor() as editor:
        editor.alter_db_table(Essay, Essay._meta.db_table, "dbschema_renamed")
    names = [n.lower() for n in connection.introspection.table_names()]
    assert "dbschema_renamed" in names and Essay._meta.db_table not in names
    with connection.schema_editor() as editor:
        editor.alter_db_table(Essay, "dbschema_renamed", Essay._meta.db_table)
        editor.delete_model(Essay)
    assert Essay._meta.db_table not in [n.lower() for n in connection.introspection.table_names()]


def test_collect_sql_runs_nothing(db):
    with connection.schema_editor(collect_sql=True) as editor:
        editor.create_model(Writer)
    assert editor.collected_sql[0].startswith("CREATE TABLE %s" % qn(Writer._meta.db_table))
    assert all(statement.endswith(";") for statement in editor.collected_sql)
    assert Writer._meta.db_table not in [n.lower() for n in connection.introspection.table_names()]
