"""atomic(), savepoints, autocommit and on_commit() on every test database."""
from __future__ import unicode_literals

import pytest

from pyframework.db import DatabaseError, IntegrityError, connection, transaction
from pyframework.db.transaction import TransactionManagementError

TABLE = "txn_items"


@pytest.fixture
def items(db):
    qn = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE %s (%s integer NOT NULL PRIMARY KEY)" % (qn(TABLE), qn("id")))
    yield
    connection.close()  # whatever a test left open
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE %s" % qn(TABLE))


def add(item_id):
    qn = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute("INSERT INTO %s (%s) VALUES (%%s)" % (qn(TABLE), qn("id")), [item_id])


def stored():
    qn = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute("SELECT %s FROM %s ORDER BY %s" % (qn("id"), qn(TABLE), qn("id")))
        return [row[0] for row in cursor.fetchall()]


class Boom(Exception):
    pass


def test_autocommit_is_on_by_default(items):
    assert transaction.get_autocommit() is True
    add(1)
    connection.rollback()  # nothing to undo: the insert was committed already
    assert stored() == [1]


def test_manual_transaction_with_autocommit_off(items):
    transaction.set_autocommit(False)
    try:
        add(1)
        transaction.rollback()
        add(2)
        transaction.commit()
        add(3)
        transaction.rollback()
    finally:
        transaction.set_autocommit(True)
    assert stored() == [2]


def test_atomic_commits(items):
    with transaction.atomic():
        add(1)
        add(2)
        assert transaction.get_autocommit() is False
    assert transaction.get_autocommit() is True
    assert stored() == [1, 2]


def test_exception_rolls_back_everything_written(items):
    with pytest.raises(Boom):
        with transaction.atomic():
            add(1)
            with transaction.atomic():
                add(2)
            raise Boom()
    assert stored() == []


def test_inner_block_rolls_back_to_its_savepoint(items):
    with transaction.atomic():
        add(1)
        with pytest.raises(Boom):
            with transaction.atomic():
                add(2)
                raise Boom()
        with transaction.atomic():
            add(3)
    assert stored() == [1, 3]


def test_integrity_error_inside_nested_block_keeps_outer_transaction(items):
    with transaction.atomic():
        add(1)
        with pytest.raises(IntegrityError):
            with transaction.atomic():
                add(1)
        add(2)
    assert stored() == [1, 2]


def test_without_savepoint_an_inner_error_dooms_the_outer_block(items):
    with pytest.raises(TransactionManagementError):
        with transaction.atomic():
            add(1)
            with pytest.raises(IntegrityError):
                with transaction.atomic(savepoint=False):
                    add(1)
            add(2)  # refused: the transaction must be rolled back first
    assert stored() == []


def test_set_rollback_discards_a_block_without_an_exception(items):
    with transaction.atomic():
        add(1)
        transaction.set_rollback(True)
    assert stored() == []


def test_decorator_forms(items):
    @transaction.atomic
    def plain(item_id):
        add(item_id)
        if item_id > 1:
            raise Boom()

    @transaction.atomic(using="default")
    def with_args(item_id):
        add(item_id)

    plain(1)
    with pytest.raises(Boom):
        plain(2)
    with_args(3)
    assert plain.__name__ == "plain"
    assert stored() == [1, 3]


def test_durable_block_cannot_nest(items):
    with transaction.atomic():
        with pytest.raises(RuntimeError):
            with transaction.atomic(durable=True):
                pass


def test_forbidden_inside_atomic(items):
    with transaction.atomic():
        with pytest.raises(TransactionManagementError):
            transaction.commit()
        with pytest.raises(TransactionManagementError):
            transaction.set_autocommit(False)


def test_on_commit_runs_after_commit_in_registration_order(items):
    calls = []
    with transaction.atomic():
        transaction.on_commit(lambda: calls.append("first"))
        with transaction.atomic():
            transaction.on_commit(lambda: calls.append("nested"))
        transaction.on_commit(lambda: calls.append("last"))
        assert calls == []
    assert calls == ["first", "nested", "last"]


def test_on_commit_hooks_dropped_on_rollback(items):
    calls = []
    with transaction.atomic():
        transaction.on_commit(lambda: calls.append("kept"))
        with pytest.raises(Boom):
            with transaction.atomic():
                transaction.on_commit(lambda: calls.append("dropped with the savepoint"))
                raise Boom()
    with pytest.raises(Boom):
        with transaction.atomic():
            transaction.on_commit(lambda: calls.append("dropped with the transaction"))
            raise Boom()
    assert calls == ["kept"]


def test_on_commit_outside_a_transaction_runs_at_once(items):
    calls = []
    transaction.on_commit(lambda: calls.append(1))
    assert calls == [1]


def test_robust_hook_failure_does_not_stop_the_others(items):
    calls = []

    def broken():
        raise Boom()

    with transaction.atomic():
        transaction.on_commit(broken, robust=True)
        transaction.on_commit(lambda: calls.append("after"))
    assert calls == ["after"]


def test_manual_savepoints(items):
    with transaction.atomic():
        add(1)
        sid = transaction.savepoint()
        add(2)
        transaction.savepoint_rollback(sid)
        sid = transaction.savepoint()
        add(3)
        transaction.savepoint_commit(sid)
    assert stored() == [1, 3]


def test_error_leaves_no_open_transaction_for_the_next_block(items):
    with pytest.raises(DatabaseError):
        with transaction.atomic():
            add(1)
            add(1)
    assert connection.in_atomic_block is False
    assert transaction.get_autocommit() is True
    with transaction.atomic():
        add(2)
    assert stored() == [2]
