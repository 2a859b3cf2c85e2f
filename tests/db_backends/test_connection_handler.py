"""connections[alias]: one wrapper per thread, re-read when DATABASES changes."""
from __future__ import unicode_literals

import threading

import pytest

from pyframework.db import DEFAULT_DB_ALIAS, connection, connections


def test_each_thread_gets_its_own_wrapper(db):
    mine = connections[DEFAULT_DB_ALIAS]
    assert connections[DEFAULT_DB_ALIAS] is mine
    seen = []

    def other_thread():
        try:
            seen.append(connections[DEFAULT_DB_ALIAS])
            with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
                cursor.execute("SELECT 1")
                seen.append(cursor.fetchone()[0])
        finally:
            connections.close_all()

    worker = threading.Thread(target=other_thread)
    worker.start()
    worker.join(60)
    assert len(seen) == 2
    assert seen[0] is not mine
    assert seen[1] == 1


def test_default_connection_proxy_follows_the_settings(db):
    assert connection.vendor == db.vendor
    assert connection.settings_dict["ENGINE"] == db.settings_dict["ENGINE"]
    assert connection.settings_dict["AUTOCOMMIT"] is True  # defaults filled in
    assert connection.settings_dict["CONN_MAX_AGE"] == 0


def test_all_lists_wrappers_of_this_thread(db):
    connections.close_all()
    assert DEFAULT_DB_ALIAS in connections
    assert [c.alias for c in connections.all()] == [DEFAULT_DB_ALIAS]
    assert connections.atomic_request_aliases() == ()


@pytest.mark.usefixtures("db")
def test_close_all_closes_and_next_use_reconnects():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    connections.close_all()
    in_memory = getattr(connection, "is_in_memory_db", lambda: False)()
    assert connection.connection is None or in_memory
    with connection.cursor() as cursor:
        cursor.execute("SELECT 2")
        assert cursor.fetchone()[0] == 2


def test_an_unknown_alias_raises_connection_does_not_exist_from_its_django_place():
    from pyframework.db import ConnectionDoesNotExist as from_db
    from pyframework.utils.connection import ConnectionDoesNotExist

    assert from_db is ConnectionDoesNotExist
    with pytest.raises(ConnectionDoesNotExist) as info:
        connections["no-such-alias"]
    assert "no-such-alias" in str(info.value)
