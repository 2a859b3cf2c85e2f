"""Databases seen through requests: ATOMIC_REQUESTS, connection lifetime, a lost connection -> 503."""
from __future__ import unicode_literals

import pytest

from pyframework.db import connection, connections, transaction
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

