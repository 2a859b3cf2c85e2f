"""Raw cursors on every test database: value round-trips, placeholders, errors."""
from __future__ import unicode_literals

import datetime
import decimal
import uuid

import pytest

from pyframework.db import IntegrityError, ProgrammingError, connection, transaction
from pyframework.db.backends.base.operations import convert_datetime, convert_uuid
from pyframework.utils.timezone import utc

TABLE = "backend_values"


def column(internal_type, **params):
    return connection.data_types[internal_type] % params


@pytest.fixture
def values_table(db):
    columns = [
        ("id", "integer NOT NULL PRIMARY KEY"),
        ("amount", column("DecimalField", max_digits=12, decimal_places=3)),
        ("moment", column("DateTimeField")),
        ("day", column("DateField")),
        ("clock", column("TimeField")),
        ("token", column("UUIDField")),
        ("flag", column("BooleanField")),
        ("blob", column("BinaryField")),
        ("label", column("CharField", max_length=40)),
        ("body", column("TextField")),
        ("big", column("BigIntegerField")),
        ("ratio", column("FloatField")),
    ]
    qn = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE %s (%s)" % (qn(TABLE), ", ".join("%s %s" % (qn(n), t) for n, t in columns)))
    yield [name for name, _ in columns]
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE %s" % qn(TABLE))


def insert(names, row):
    qn = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute("INSERT INTO %s (%s) VALUES (%s)" % (
            qn(TABLE), ", ".join(qn(n) for n in names), ", ".join(["%s"] * len(names))), row)


def select_one(names, row_id=None):
    qn = connection.ops.quote_name
    sql = "SELECT %s FROM %s" % (", ".join(qn(n) for n in names), qn(TABLE))
    with connection.cursor() as cursor:
        if row_id is None:
            cursor.execute(sql)
        else:
            cursor.execute(sql + " WHERE %s = %%s" % qn("id"), [row_id])
        return cursor.fetchone()


def test_every_type_round_trips(values_table):
    token = uuid.UUID("12345678-1234-5678-1234-567812345678")
    aware = datetime.datetime(2024, 2, 29, 23, 30, 15, 123456, tzinfo=utc)
    row = [1, decimal.Decimal("123456789.125"), aware, datetime.date(1999, 12, 31),
           datetime.time(7, 8, 9, 654321), token, True, bytearray(b"\x00\xff\x80bytes"), "h\xe9llo \u2713",
           "non-BMP \U0001F600 \U00010348 text", 9007199254740993, 0.25]
    insert(values_table, row)
    got = select_one(values_table)
    assert got[0] == 1
    assert got[1] == decimal.Decimal("123456789.125")
    # Stored as UTC without offset; the converter the query layer applies makes it aware again.
    assert got[2] == datetime.datetime(2024, 2, 29, 23, 30, 15, 123456)
    assert convert_datetime(got[2], None, connection) == aware
    assert got[3] == datetime.date(1999, 12, 31)
    assert got[4] == datetime.time(7, 8, 9, 654321)
    assert convert_uuid(got[5], None, connection) == token
    assert got[6] is True
    assert bytes(got[7]) == b"\x00\xff\x80bytes"
    assert got[8] == "h\xe9llo \u2713"
    assert got[9] == "non-BMP \U0001F600 \U00010348 text"
    assert got[10] == 9007199254740993
    assert got[11] == 0.25


def test_nulls_and_false_round_trip(values_table):
    insert(values_table, [2] + [None] * 5 + [False] + [None] * 5)
    got = select_one(values_table)
    assert got[0] == 2
    assert got[6] is False
    assert [v for i, v in enumerate(got) if i not in (0, 6)] == [None] * 10


def test_non_utc_datetime_is_stored_in_utc(values_table):
    from pyframework.utils.dateparse import FixedOffset
    local = datetime.datetime(2024, 1, 1, 12, 0, tzinfo=FixedOffset(120))
    insert(["id", "moment"], [3, local])
    assert select_one(["moment"])[0] == datetime.datetime(2024, 1, 1, 10, 0)


def test_params_are_bound_not_formatted(values_table):
    nasty = "x'); DROP TABLE backend_values; --"
    insert(["id", "label"], [4, nasty])
    assert select_one(["label"], 4) == (nasty,)


def test_literal_percent_needs_doubling_only_with_params(db):
    with connection.cursor() as cursor:
        cursor.execute("SELECT '100%'")
        assert cursor.fetchone()[0] == "100%"
        cursor.execute("SELECT '%%', %s", ["x"])
        assert cursor.fetchone() == ("%", "x")
        cursor.execute("SELECT %s", ["%s and %%"])
        assert cursor.fetchone()[0] == "%s and %%"


def test_like_patterns_with_escaped_wildcards(values_table):
    insert(["id", "label"], [5, "50% off"])
    insert(["id", "label"], [6, "500 off"])
    pattern = "%%%s%%" % connection.ops.prep_for_like_query("0%")
    qn = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute("SELECT %s FROM %s WHERE %s %s" % (qn("id"), qn(TABLE), qn("label"),
                                                         connection.operators["contains"]), [pattern])
        assert cursor.fetchall() == [(5,)]


def test_fetchmany_and_description(values_table):
    for i in range(5):
        insert(["id", "label"], [10 + i, "row%d" % i])
    qn = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute("SELECT %s, %s FROM %s ORDER BY %s" % (qn("id"), qn("label"), qn(TABLE), qn("id")))
        assert [d[0].lower() for d in cursor.description] == ["id", "label"]
        assert cursor.fetchmany(2) == [(10, "row0"), (11, "row1")]
        assert cursor.fetchone() == (12, "row2")
        assert cursor.fetchall() == [(13, "row3"), (14, "row4")]


def test_executemany_and_rowcount(values_table):
    qn = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.executemany("INSERT INTO %s (%s, %s) VALUES (%%s, %%s)" % (qn(TABLE), qn("id"), qn("label")),
                           [(20, "a"), (21, "b"), (22, "c")])
        cursor.execute("UPDATE %s SET %s = %%s WHERE %s >= %%s" % (qn(TABLE), qn("label"), qn("id")), ["z", 21])
        assert cursor.rowcount == 2
    assert select_one(["label"], 22) == ("z",)


def test_unique_violation_is_integrity_error_and_connection_still_works(values_table):
    insert(["id"], [30])
    with pytest.raises(IntegrityError) as info:
        insert(["id"], [30])
    assert str(info.value)  # the database's own message
    insert(["id"], [31])
    assert select_one(["id"], 31) == (31,)


def test_not_null_violation_is_integrity_error(db):
    qn = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE %s (%s integer NOT NULL)" % (qn("backend_notnull"), qn("n")))
        try:
            with pytest.raises(IntegrityError):
                cursor.execute("INSERT INTO %s (%s) VALUES (%%s)" % (qn("backend_notnull"), qn("n")), [None])
            cursor.execute("INSERT INTO %s (%s) VALUES (%%s)" % (qn("backend_notnull"), qn("n")), [1])
            cursor.execute("SELECT COUNT(*) FROM %s" % qn("backend_notnull"))
            assert cursor.fetchone()[0] == 1
        finally:
            cursor.execute("DROP TABLE %s" % qn("backend_notnull"))


def test_foreign_key_violation_inside_atomic_leaves_transaction_usable(db):
    qn = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE %s (%s integer NOT NULL PRIMARY KEY)" % (qn("backend_parent"), qn("id")))
        cursor.execute("CREATE TABLE %s (%s integer NOT NULL PRIMARY KEY, %s integer REFERENCES %s (%s))" % (
            qn("backend_child"), qn("id"), qn("parent_id"), qn("backend_parent"), qn("id")))
    try:
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("INSERT INTO %s (%s) VALUES (%%s)" % (qn("backend_parent"), qn("id")), [1])
                with pytest.raises(IntegrityError):
                    with transaction.atomic():
                        cursor.execute("INSERT INTO %s (%s, %s) VALUES (%%s, %%s)" % (
                            qn("backend_child"), qn("id"), qn("parent_id")), [1, 99])
                        if connection.vendor == "sqlite":
                            # SQLite checks deferrable keys at commit; this one is immediate.
                            cursor.execute("PRAGMA foreign_key_check")
                            if cursor.fetchall():
                                raise IntegrityError("FOREIGN KEY constraint failed")
                cursor.execute("INSERT INTO %s (%s, %s) VALUES (%%s, %%s)" % (
                    qn("backend_child"), qn("id"), qn("parent_id")), [2, 1])
        with connection.cursor() as cursor:
            cursor.execute("SELECT %s FROM %s" % (qn("id"), qn("backend_child")))
            assert cursor.fetchall() == [(2,)]
    finally:
        with connection.cursor() as cursor:
            cursor.execute("DROP TABLE %s" % qn("backend_child"))
            cursor.execute("DROP TABLE %s" % qn("backend_parent"))


def test_syntax_error_is_a_database_error(db):
    with pytest.raises(ProgrammingError if connection.vendor != "sqlite" else Exception) as info:
        with connection.cursor() as cursor:
            cursor.execute("SELEC nonsense")
    from pyframework.db import DatabaseError
    assert isinstance(info.value, DatabaseError)
