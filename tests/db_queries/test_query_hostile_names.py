"""Caller-supplied names never reach SQL as SQL: alias validation and quote_name escaping.

Every entry point that turns a name into an identifier is tried with hostile names on every
database of the matrix: the alias keywords of annotate()/aggregate()/values() and the names of
values()/values_list() are refused with Django's ValueError; order_by()/distinct()/F() names must be
model fields or annotations; and quote_name() doubles the quote character, so even a table or
column whose name contains quotes (the schema editor, introspection, INSERT/UPDATE/SELECT) stays one
identifier.
"""
from __future__ import absolute_import, unicode_literals

import pytest

from pyframework.db import models
from pyframework.db.models import Count, F, Max
from pyframework.db.models.query_utils import FieldError

ALIAS_ERROR = ("Column aliases cannot contain whitespace characters, hashes, control characters, "
               "quotation marks, semicolons, or SQL comments.")


class Account(models.Model):
    username = models.CharField(max_length=40)
    password = models.CharField(max_length=128)

    class Meta:
        app_label = "db_hostile_names"
        db_table = "hostile_account"


class Note(models.Model):
    title = models.CharField(max_length=40)

    class Meta:
        app_label = "db_hostile_names"
        db_table = "hostile_note"


class Weird(models.Model):
    """A table and columns whose names contain both quote characters (``"`` and the backtick)."""
    label = models.CharField(max_length=40, db_column='la"bel`col', db_index=True)
    size = models.IntegerField(default=0, db_column="si``ze\"\"")

    class Meta:
        app_label = "db_hostile_names"
        db_table = 'we"ird`tab'


# The probe from the security review: a column label taken from the query string.
UNION_EXPLOIT = 'x" FROM hostile_note UNION ALL SELECT username, password FROM hostile_account --'
HOSTILE_ALIASES = [
    UNION_EXPLOIT,
    "x` FROM hostile_note UNION ALL SELECT username, password FROM hostile_account #",
    'a"b',
    "a'b",
    "a`b",
    "a[b]",
    "a;b",
    "a b",
    "a\tb",
    "a\nb",
    "a--b",
    "a/*b",
    "a*/b",
    "a#b",
    "a\x00b",
    "a\x7fb",
    "a\x85b",
]


@pytest.fixture
def accounts(db, create_tables):
    create_tables(Account, Note)
    Account.objects.create(username="alice", password="pbkdf2_sha256$secret-hash")
    Note.objects.create(title="hello")
    return db


def _no_secret(rows):
    assert "secret-hash" not in repr(list(rows))


@pytest.mark.parametrize("alias", HOSTILE_ALIASES)
def test_annotate_refuses_hostile_alias(accounts, alias):
    with pytest.raises(ValueError) as info:
        list(Note.objects.annotate(**{alias: F("title")}).values_list(alias))
    assert str(info.value) == ALIAS_ERROR


@pytest.mark.parametrize("alias", HOSTILE_ALIASES)
def test_aggregate_refuses_hostile_alias(accounts, alias):
    with pytest.raises(ValueError) as info:
        Note.objects.aggregate(**{alias: Max("title")})
    assert str(info.value) == ALIAS_ERROR


@pytest.mark.parametrize("alias", HOSTILE_ALIASES)
def test_values_expression_refuses_hostile_alias(accounts, alias):
    with pytest.raises(ValueError) as info:
        list(Note.objects.values(**{alias: F("title")}))
    assert str(info.value) == ALIAS_ERROR


@pytest.mark.parametrize("name", [UNION_EXPLOIT, "title; DROP TABLE hostile_note", "title--"])
def test_values_and_values_list_refuse_hostile_names(accounts, name):
    for call in (Note.objects.values, Note.objects.values_list):
        with pytest.raises(ValueError) as info:
            list(call(name))
        assert str(info.value) == ALIAS_ERROR


def test_union_all_exploit_returns_no_password(accounts):
    """The review's probe, end to end: refused before any SQL runs; the notes table is intact."""
    with pytest.raises(ValueError):
        rows = Note.objects.annotate(**{UNION_EXPLOIT: F("title")}).values_list(UNION_EXPLOIT)
        _no_secret(rows)
    assert list(Note.objects.values_list("title", flat=True)) == ["hello"]


@pytest.mark.parametrize("name", [UNION_EXPLOIT, "title DESC, (SELECT password FROM hostile_account)",
                                  "-title; DROP TABLE hostile_note"])
def test_order_by_distinct_and_f_take_only_fields(accounts, name):
    with pytest.raises(FieldError):
        list(Note.objects.order_by(name))
    with pytest.raises(FieldError):
        list(Note.objects.filter(title=F(name)))
    with pytest.raises(FieldError):
        list(Note.objects.distinct(name).values_list("title"))
    assert Note.objects.count() == 1


def test_legitimate_aliases_still_work(accounts):
    rows = list(Note.objects.annotate(**{"n$1": Count("id"), "label.x": F("title")}).values("n$1", "label.x"))
    assert rows == [{"n$1": 1, "label.x": "hello"}]
    assert Note.objects.aggregate(**{"most_Recent2": Max("title")}) == {"most_Recent2": "hello"}
    assert list(Note.objects.annotate(t=F("title")).order_by("-t").values_list("t", flat=True)) == ["hello"]


@pytest.mark.parametrize("name", HOSTILE_ALIASES[:3] + ['"already"', '"x" FROM hostile_account --"'])
def test_quote_name_keeps_any_name_one_identifier(accounts, name):
    """Even past the alias check (quote_name is public API), a name cannot break out of its quotes."""
    connection = accounts.connection
    qn = connection.ops.quote_name
    name = name.replace("\x00", "")
    with connection.cursor() as cursor:
        cursor.execute("SELECT %s AS %s FROM %s" % (qn("title"), qn(name), qn(Note._meta.db_table)))
        rows = cursor.fetchall()
        description = [d[0] for d in cursor.description]
    assert [tuple(r) for r in rows] == [("hello",)]
    assert len(description) == 1
    _no_secret(rows)
    assert qn(qn(name)) == qn(name)


def test_quoted_names_round_trip_through_schema_orm_and_introspection(db, create_tables):
    """Table, column and index names with quotes: CREATE, INSERT, UPDATE, SELECT, DELETE, introspect."""
    create_tables(Weird)
    Weird.objects.create(label="a", size=1)
    obj = Weird.objects.create(label="b", size=2)
    Weird.objects.filter(pk=obj.pk).update(size=F("size") + 10)
    rows = list(Weird.objects.annotate(double=F("size") * 2).order_by("-size").values_list("label", "double"))
    assert rows == [("b", 24), ("a", 2)]
    assert Weird.objects.filter(label__startswith="b").count() == 1
    connection = db.connection
    with connection.cursor() as cursor:
        tables = [info.name for info in connection.introspection.get_table_list(cursor)]
        assert any(name.lower() == Weird._meta.db_table.lower() for name in tables)
        columns = [c.name.lower() for c in connection.introspection.get_table_description(cursor,
                                                                                         _stored(tables))]
    assert 'la"bel`col' in columns and 'si``ze""' in columns
    Weird.objects.filter(label="a").delete()
    assert list(Weird.objects.values_list("label", flat=True)) == ["b"]


def _stored(tables):
    return [name for name in tables if name.lower() == Weird._meta.db_table.lower()][0]


@pytest.mark.parametrize("name", [UNION_EXPLOIT, "title = 1 OR 1=1 --"])
def test_filter_update_and_other_name_taking_methods_take_only_fields(accounts, name):
    from pyframework.core.exceptions import FieldDoesNotExist

    with pytest.raises(FieldError):
        list(Note.objects.filter(**{name: "x"}))
    with pytest.raises((FieldError, FieldDoesNotExist)):
        Note.objects.update(**{name: "x"})
    with pytest.raises((FieldError, FieldDoesNotExist)):
        Note.objects.in_bulk(["x"], field_name=name)
    with pytest.raises(FieldError):
        Note.objects.latest(name)
    assert list(Note.objects.values_list("title", flat=True)) == ["hello"]
