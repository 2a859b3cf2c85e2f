"""Databases seen through requests: ATOMIC_REQUESTS, connection lifetime, a lost connection -> 503."""
from __future__ import unicode_literals

import threading
import time

import pytest

from pyframework.db import connection, connections, transaction
from pyframework.db.utils import ConnectionHandler
from pyframework.http import HttpResponse
from pyframework.test import Client
from pyframework.test.utils import override_settings
from pyframework.urls import path

TABLE = "req_items"


def qn(name):
    return connection.ops.quote_name(name)


def count_view(request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM %s" % qn(TABLE))
        return HttpResponse("%d" % cursor.fetchone()[0])


def insert_then_fail_view(request):
    with connection.cursor() as cursor:
        cursor.execute("INSERT INTO %s (%s) VALUES (%%s)" % (qn(TABLE), qn("id")), [1])
    raise ValueError("the view fails after writing")


def insert_view(request):
    with connection.cursor() as cursor:
        cursor.execute("INSERT INTO %s (%s) VALUES (%%s)" % (qn(TABLE), qn("id")), [int(request.GET["id"])])
    return HttpResponse("in atomic block: %s" % connection.in_atomic_block)


@transaction.non_atomic_requests
def non_atomic_insert_then_fail_view(request):
    with connection.cursor() as cursor:
        cursor.execute("INSERT INTO %s (%s) VALUES (%%s)" % (qn(TABLE), qn("id")), [2])
    raise ValueError("fails, but its write was committed")


urlpatterns = [
    path("count/", count_view),
    path("fail/", insert_then_fail_view),
    path("insert/", insert_view),
    path("non-atomic-fail/", non_atomic_insert_then_fail_view),
]


@pytest.fixture
def site(db):
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE %s (%s integer NOT NULL PRIMARY KEY)" % (qn(TABLE), qn("id")))
    yield db
    connections.close_all()
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE %s" % qn(TABLE))


def database_settings(db, **changes):
    conf = dict(db.settings_dict)
    conf.update(changes)
    return override_settings(DATABASES={"default": conf}, ROOT_URLCONF=__name__, MIDDLEWARE=[], DEBUG=False)


def stored_count():
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM %s" % qn(TABLE))
        return cursor.fetchone()[0]


def test_atomic_requests_roll_back_a_failing_view(site):
    with database_settings(site, ATOMIC_REQUESTS=True):
        client = Client(raise_request_exception=False)
        response = client.get("/fail/")
        assert response.status_code == 500
        assert stored_count() == 0
        response = client.get("/insert/", {"id": "5"})
        assert response.status_code == 200
        assert response.content == b"in atomic block: True"
        assert stored_count() == 1


def test_non_atomic_requests_opts_a_view_out(site):
    with database_settings(site, ATOMIC_REQUESTS=True):
        client = Client(raise_request_exception=False)
        assert client.get("/non-atomic-fail/").status_code == 500
        assert stored_count() == 1


def test_without_atomic_requests_writes_of_a_failing_view_stay(site):
    with database_settings(site):
        client = Client(raise_request_exception=False)
        assert client.get("/fail/").status_code == 500
        assert stored_count() == 1
        assert client.get("/insert/", {"id": "7"}).content == b"in atomic block: False"


def test_connection_is_closed_at_request_end_by_default(site):
    with database_settings(site):
        client = Client()
        assert client.get("/count/").content == b"0"
        if connection.vendor == "sqlite" and connection.settings_dict["ENGINE"].endswith("sqlite3") and \
                connection.is_in_memory_db():
            pytest.skip("an in-memory SQLite database lives as long as its connection")
        assert connection.connection is None


def _kill(wrapper):
    """Break the connection behind the wrapper's back, as a restarted database would."""
    raw = wrapper.connection
    if hasattr(raw, "jconn"):
        raw.jconn.close()
    else:
        raw.close()


def test_lost_connection_gives_503_then_the_next_request_reconnects(site):
    with database_settings(site, CONN_MAX_AGE=None):
        client = Client()
        assert client.get("/count/").status_code == 200
        kept = connection.connection
        assert kept is not None  # persistent: kept between requests
        _kill(connection)
        response = client.get("/count/")
        assert response.status_code == 503
        assert b"database is not reachable" in response.content
        response = client.get("/count/")
        assert response.status_code == 200
        assert response.content == b"0"
        assert connection.connection is not kept


def test_postgresql_backend_terminated_by_the_server(site):
    if site.name != "postgresql":
        pytest.skip("pg_terminate_backend is PostgreSQL's")
    with database_settings(site, CONN_MAX_AGE=None):
        client = Client()
        assert client.get("/count/").status_code == 200
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            pid = cursor.fetchone()[0]
        killer = connection.copy(alias="killer")
        try:
            with killer.cursor() as cursor:
                cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
        finally:
            killer.close()
        assert client.get("/count/").status_code == 503
        assert client.get("/count/").status_code == 200



# --- CONN_MAX_AGE and CONN_HEALTH_CHECKS (Django's semantics) -----------------------------

def _persistent_sqlite_memory():
    return connection.settings_dict["ENGINE"].endswith("sqlite3") and connection.is_in_memory_db()


def test_conn_max_age_none_keeps_one_connection_across_requests(site):
    with database_settings(site, CONN_MAX_AGE=None):
        client = Client()
        assert client.get("/count/").content == b"0"
        kept = connection.connection
        assert kept is not None
        assert client.get("/insert/", {"id": "3"}).status_code == 200
        assert client.get("/count/").content == b"1"
        assert connection.connection is kept


def test_conn_max_age_seconds_keeps_the_connection_until_it_is_too_old(site):
    if _persistent_sqlite_memory():
        pytest.skip("an in-memory SQLite database lives as long as its connection")
    with database_settings(site, CONN_MAX_AGE=1):
        client = Client()
        assert client.get("/count/").status_code == 200
        kept = connection.connection
        assert kept is not None and connection.close_at is not None
        assert client.get("/count/").status_code == 200
        assert connection.connection is kept  # younger than a second
        time.sleep(1.2)
        assert client.get("/count/").status_code == 200
        # Closed when the next request started; that request opened a new one.
        assert connection.connection is not None and connection.connection is not kept


def test_health_check_replaces_a_dead_kept_connection_before_the_first_query(site):
    with database_settings(site, CONN_MAX_AGE=None, CONN_HEALTH_CHECKS=True):
        client = Client()
        assert client.get("/count/").status_code == 200
        kept = connection.connection
        _kill(connection)
        # Without CONN_HEALTH_CHECKS this request gets a 503 (test above); with it, a new connection.
        response = client.get("/count/")
        assert response.status_code == 200
        assert response.content == b"0"
        assert connection.connection is not None and connection.connection is not kept


def test_health_check_runs_once_per_request(site):
    with database_settings(site, CONN_MAX_AGE=None, CONN_HEALTH_CHECKS=True):
        assert Client().get("/count/").status_code == 200
        connection.close_if_unusable_or_obsolete()  # what request_started does
        assert connection.health_check_done is False
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        assert connection.health_check_done is True


def test_shutdown_closes_the_connections_of_every_thread(site):
    conf = dict(site.settings_dict, CONN_MAX_AGE=None)
    if site.name == "h2":
        # Its own in-memory database: shutdown() sends H2 SHUTDOWN, which would drop the test's.
        conf["URL"] = "jdbc:h2:mem:threads_shutdown;DB_CLOSE_DELAY=-1"
    handler = ConnectionHandler({"default": conf})
    opened = []

    def request_thread():
        with handler["default"].cursor() as cursor:
            cursor.execute("SELECT 1")
        opened.append(handler["default"])  # left open, as on a pooled container thread

    workers = [threading.Thread(target=request_thread) for _ in range(2)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
    request_thread()
    assert len(opened) == 3 and len(set(id(conn) for conn in opened)) == 3
    assert all(conn.connection is not None for conn in opened)
    handler.shutdown()
    assert [conn.connection for conn in opened] == [None, None, None]
