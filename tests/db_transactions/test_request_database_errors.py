"""Which database errors a request answers with 503 and which with 500, on every database.

503 "not reachable" only when the database cannot be reached (connection refused, lost, closed);
503 "busy" with Retry-After when a lock wait times out; every other database error (a syntax
error, a missing column or table) is a bug: 500, with the technical page when DEBUG is on.
"""
from __future__ import unicode_literals

import os
import tempfile

import pytest

from pyframework.db import DatabaseError, connection, connections
from pyframework.db.utils import CONNECTION_LOST, LOCK_TIMEOUT
from pyframework.http import HttpResponse
from pyframework.test import Client
from pyframework.test.utils import override_settings
from pyframework.urls import path

TABLE = "req_errors"


def qn(name):
    return connection.ops.quote_name(name)


def run_view(sql):
    def view(request):
        with connection.cursor() as cursor:
            cursor.execute(sql % {"table": qn(TABLE), "id": qn("id")})
        return HttpResponse("ran")
    return view


# Per database: make this session give up on a lock after a short wait.
SHORT_LOCK_WAIT = {
    "sqlite": "PRAGMA busy_timeout = 50",
    "h2": "SET LOCK_TIMEOUT 100",
    "postgresql": "SET lock_timeout = '100ms'",
    "mysql": "SET SESSION innodb_lock_wait_timeout = 1",
}


def update_view(request):
    with connection.cursor() as cursor:
        cursor.execute(SHORT_LOCK_WAIT[connection.vendor])
        cursor.execute("UPDATE %s SET %s = 2 WHERE %s = 1" % (qn(TABLE), qn("n"), qn("id")))
    return HttpResponse("updated")


urlpatterns = [
    path("syntax/", run_view("SELEC nothing FROM %(table)s")),
    path("no-column/", run_view("SELECT no_such_column FROM %(table)s")),
    path("no-table/", run_view("SELECT %(id)s FROM no_such_table_here")),
    path("count/", run_view("SELECT COUNT(*) FROM %(table)s")),
    path("update/", update_view),
]


@pytest.fixture
def site(db):
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE %s (%s integer NOT NULL PRIMARY KEY, %s integer)" % (qn(TABLE), qn("id"), qn("n")))
        cursor.execute("INSERT INTO %s (%s, %s) VALUES (1, 1)" % (qn(TABLE), qn("id"), qn("n")))
    yield db
    connections.close_all()
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE %s" % qn(TABLE))


def settings_for(db, debug=False, **changes):
    conf = dict(db.settings_dict)
    conf.update(changes)
    return override_settings(DATABASES={"default": conf}, ROOT_URLCONF=__name__, MIDDLEWARE=[], DEBUG=debug)


@pytest.mark.parametrize("url", ["/syntax/", "/no-column/", "/no-table/"])
def test_statement_errors_are_500_not_503(site, url):
    with settings_for(site):
        response = Client(raise_request_exception=False).get(url)
        assert response.status_code == 500
        assert b"not reachable" not in response.content
        # The connection was fine: the next request uses the database normally.
        assert Client().get("/count/").status_code == 200


def test_statement_error_shows_the_technical_page_in_debug(site):
    with settings_for(site, debug=True):
        response = Client(raise_request_exception=False).get("/no-column/")
    assert response.status_code == 500
    assert b"no_such_column" in response.content.lower()
    assert b"Traceback" in response.content or b"traceback" in response.content


def test_statement_errors_have_no_condition(site):
    with pytest.raises(DatabaseError) as info:
        with connection.cursor() as cursor:
            cursor.execute("SELECT no_such_column FROM %s" % qn(TABLE))
    assert info.value.condition is None


def _unreachable(db):
    """DATABASES changes that point ``db``'s backend at a database that cannot be reached."""
    missing_dir = os.path.join(tempfile.gettempdir(), "pyframework-no-such-dir-%d" % os.getpid(), "db.sqlite3")
    if db.name == "sqlite3":
        return {"NAME": missing_dir}
    if db.name == "sqlite_jdbc":
        return {"URL": "jdbc:sqlite:" + missing_dir}
    if db.name == "h2":
        return {"URL": "jdbc:h2:tcp://127.0.0.1:1/nothing", "USER": "sa", "PASSWORD": ""}
    if db.name == "postgresql":
        return {"URL": "jdbc:postgresql://127.0.0.1:1/nothing?connectTimeout=2"}
    return {"URL": "jdbc:mariadb://127.0.0.1:1/nothing?connectTimeout=2000"}


def test_unreachable_database_is_503(site):
    with settings_for(site, **_unreachable(site)):
        response = Client(raise_request_exception=False).get("/count/")
        assert response.status_code == 503
        assert b"database is not reachable" in response.content
        with pytest.raises(DatabaseError) as info:
            connection.ensure_connection()
        assert info.value.condition == CONNECTION_LOST


def test_lock_timeout_is_503_busy_with_retry_after(site):
    locker = connection.copy(alias="locker")
    try:
        locker.set_autocommit(False)
        with locker.cursor() as cursor:
            if locker.vendor == "sqlite":
                cursor.execute("UPDATE %s SET %s = 3" % (qn(TABLE), qn("n")))  # holds the write lock
            else:
                cursor.execute("UPDATE %s SET %s = 3 WHERE %s = 1" % (qn(TABLE), qn("n"), qn("id")))
        with settings_for(site):
            response = Client(raise_request_exception=False).get("/update/")
        assert response.status_code == 503
        assert response["Retry-After"] == "1"
        assert b"database is busy" in response.content
    finally:
        locker.rollback()
        locker.close()
    with settings_for(site):
        assert Client().get("/update/").status_code == 200


def test_lock_timeout_error_carries_its_condition(site):
    locker = connection.copy(alias="locker")
    try:
        locker.set_autocommit(False)
        with locker.cursor() as cursor:
            cursor.execute("UPDATE %s SET %s = 3" % (qn(TABLE), qn("n")))
        with pytest.raises(DatabaseError) as info:
            with connection.cursor() as cursor:
                cursor.execute(SHORT_LOCK_WAIT[connection.vendor])
                cursor.execute("UPDATE %s SET %s = 4" % (qn(TABLE), qn("n")))
        assert info.value.condition == LOCK_TIMEOUT
    finally:
        locker.rollback()
        locker.close()
        connection.close()
