"""The db, create_tables and assert_num_queries fixtures, on every database of the matrix."""
from __future__ import unicode_literals

import pytest

from dbtesting import create_tables
from pyframework.db import connections, models


class Shelf(models.Model):
    label = models.CharField(max_length=20)

    class Meta:
        app_label = "db_infra_fixtures"


class Tag(models.Model):
    name = models.CharField(max_length=20)

    class Meta:
        app_label = "db_infra_fixtures"


class Book(models.Model):
    title = models.CharField(max_length=50)
    shelf = models.ForeignKey(Shelf, on_delete=models.CASCADE)
    tags = models.ManyToManyField(Tag)

    class Meta:
        app_label = "db_infra_fixtures"


BOOK_TABLES = set(["db_infra_fixtures_shelf", "db_infra_fixtures_tag", "db_infra_fixtures_book",
                   "db_infra_fixtures_book_tags"])


def table_names(connection):
    return set(name.lower() for name in connection.introspection.table_names())


def insert_name(connection, table, column, value):
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute("INSERT INTO %s (%s) VALUES (%%s)" % (quote(table), quote(column)), [value])


def scalar(connection, sql, params=None):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()[0]


def test_db_makes_the_selected_database_the_default_connection(db):
    connection = connections["default"]
    assert db.connection is connection
    for key, value in db.settings_dict.items():
        assert connection.settings_dict[key] == value
    assert int(scalar(connection, "SELECT 42")) == 42


def test_every_test_gets_a_fresh_connection(db):
    # The previous test's connection was closed: this one opens on first use.
    assert db.connection.connection is None
    db.connection.ensure_connection()
    assert db.connection.connection is not None


@pytest.mark.usefixtures("db")
def test_create_tables_context_manager_creates_and_drops_with_many_to_many_tables():
    connection = connections["default"]
    with create_tables(Shelf, Tag, Book):
        assert BOOK_TABLES <= table_names(connection)
        insert_name(connection, "db_infra_fixtures_shelf", "label", "fiction")
        quote = connection.ops.quote_name
        assert scalar(connection, "SELECT %s FROM %s" % (quote("label"), quote("db_infra_fixtures_shelf"))) == "fiction"
    assert not (BOOK_TABLES & table_names(connection))


def test_create_tables_fixture_keeps_tables_until_the_test_ends(db, create_tables):
    create_tables(Shelf, Tag, Book)
    insert_name(db.connection, "db_infra_fixtures_tag", "name", "left-over")
    assert BOOK_TABLES <= table_names(db.connection)


def test_tables_of_the_previous_test_are_gone(db):
    assert not (BOOK_TABLES & table_names(db.connection))


def test_tables_are_dropped_even_after_a_failed_statement(db, create_tables):
    from pyframework.db import DatabaseError, transaction

    create_tables(Shelf)
    with pytest.raises(DatabaseError):
        with transaction.atomic():
            insert_name(db.connection, "db_infra_fixtures_shelf", "no_such_column", "x")
    # The fixture's teardown drops the table on a new connection: the next test checks it is gone.


def test_no_table_survives_a_failed_statement(db):
    assert "db_infra_fixtures_shelf" not in table_names(db.connection)


def test_leaves_a_table_and_an_open_transaction_behind(db):
    with db.connection.schema_editor() as editor:
        editor.create_model(Shelf)
    db.connection.set_autocommit(False)
    insert_name(db.connection, "db_infra_fixtures_shelf", "label", "uncommitted")


def test_left_over_tables_are_dropped_before_the_next_test(db):
    assert "db_infra_fixtures_shelf" not in table_names(db.connection)


def test_assert_num_queries_counts_statements_and_captures_them(db, assert_num_queries):
    db.connection.ensure_connection()
    with assert_num_queries(2) as counter:
        scalar(db.connection, "SELECT 1")
        scalar(db.connection, "SELECT 2")
    assert len(counter) == 2
    assert counter.captured[0] == ("SELECT 1", None)


def test_assert_num_queries_fails_with_the_statements_listed(db, assert_num_queries):
    db.connection.ensure_connection()
    with pytest.raises(AssertionError) as info:
        with assert_num_queries(1):
            scalar(db.connection, "SELECT 11")
            scalar(db.connection, "SELECT 12")
    message = str(info.value)
    assert "2 queries executed on default, 1 expected" in message
    assert "1. SELECT 11" in message and "2. SELECT 12" in message


def test_server_databases_are_throw_away_databases(db):
    if db.name not in ("postgresql", "mariadb"):
        pytest.skip("%s is not a server database" % db.name)
    current = "SELECT current_database()" if db.name == "postgresql" else "SELECT DATABASE()"
    name = scalar(db.connection, current)
    assert name.startswith("test_")
    assert db.settings_dict["URL"].split("?")[0].endswith("/" + name)
