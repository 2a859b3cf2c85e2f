"""Misconfigured databases fail at the first query with a message naming the setting to fix."""
from __future__ import unicode_literals

import pytest

from dbtesting import jdbc_unavailable_reason
from pyframework.core.exceptions import ImproperlyConfigured
from pyframework.db import OperationalError, connection, connections
from pyframework.db.utils import ConnectionDoesNotExist, ConnectionHandler
from pyframework.test.utils import override_settings
from pyframework.utils.compat import JYTHON

H2 = {"ENGINE": "pyframework.db.backends.jdbc", "DRIVER": "org.h2.Driver",
      "URL": "jdbc:h2:mem:settings_checks;DB_CLOSE_DELAY=-1"}

needs_jdbc = pytest.mark.skipif(jdbc_unavailable_reason() is not None, reason=str(jdbc_unavailable_reason()))


def first_query():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone()[0]


def databases(**conf):
    return override_settings(DATABASES={"default": conf})


def test_unknown_engine_names_the_engine_setting():
    with databases(ENGINE="pyframework.db.backends.nosuchdb"):
        with pytest.raises(ImproperlyConfigured) as info:
            first_query()
    assert "DATABASES['default']['ENGINE']" in str(info.value).replace("u'", "'")


def test_missing_engine_is_reported():
    with databases(NAME="x"):
        with pytest.raises(ImproperlyConfigured) as info:
            first_query()
    assert "ENGINE" in str(info.value)


def test_unknown_alias():
    with pytest.raises(ConnectionDoesNotExist):
        connections["nope"]


@pytest.mark.skipif(JYTHON, reason="Python's sqlite3 module exists on CPython only")
def test_sqlite3_without_name_names_the_name_setting():
    with databases(ENGINE="pyframework.db.backends.sqlite3", NAME=""):
        with pytest.raises(ImproperlyConfigured) as info:
            first_query()
    assert "['NAME']" in str(info.value)


@needs_jdbc
def test_wrong_driver_class_names_the_driver_setting():
    with databases(**dict(H2, DRIVER="org.example.NoSuchDriver")):
        with pytest.raises(ImproperlyConfigured) as info:
            first_query()
    message = str(info.value).replace("u'", "'")
    assert "DATABASES['default']['DRIVER']" in message
    assert "org.example.NoSuchDriver" in message


@needs_jdbc
def test_url_the_driver_does_not_accept_names_the_url_setting():
    with databases(**dict(H2, URL="jdbc:sqlite:/tmp/not-for-h2")):
        with pytest.raises(ImproperlyConfigured) as info:
            first_query()
    assert "DATABASES['default']['URL']" in str(info.value).replace("u'", "'")


def test_unsupported_url_prefix_names_the_url_setting():
    with databases(**dict(H2, URL="jdbc:oracle:thin:@x")):
        with pytest.raises(ImproperlyConfigured) as info:
            first_query()
    assert "DATABASES['default']['URL']" in str(info.value).replace("u'", "'")


@needs_jdbc
def test_unreachable_server_is_an_operational_error_naming_the_url():
    conf = dict(H2, DRIVER="org.postgresql.Driver", URL="jdbc:postgresql://127.0.0.1:1/nothing?connectTimeout=2")
    with databases(**conf):
        with pytest.raises(OperationalError) as info:
            first_query()
    assert "DATABASES['default']['URL']" in str(info.value).replace("u'", "'")


@pytest.mark.skipif(JYTHON, reason="on Jython the name is looked up in the container's JNDI context")
def test_jndi_name_outside_a_container_is_refused_clearly():
    with databases(ENGINE="pyframework.db.backends.jdbc", JNDI_NAME="java:comp/env/jdbc/app", DIALECT="h2"):
        with pytest.raises(ImproperlyConfigured) as info:
            first_query()
    assert "JNDI_NAME" in str(info.value)


def test_jndi_name_needs_a_dialect():
    with databases(ENGINE="pyframework.db.backends.jdbc", JNDI_NAME="java:comp/env/jdbc/app"):
        with pytest.raises(ImproperlyConfigured) as info:
            first_query()
    assert "DIALECT" in str(info.value)


@needs_jdbc
def test_jdbc_dialect_is_chosen_from_the_url():
    with databases(**H2):
        assert connection.vendor == "h2"
        assert first_query() == 1
        assert connection.ops.quote_name("x") == '"x"'


@pytest.mark.parametrize("max_age", [-1, "60", True])
def test_conn_max_age_must_be_none_or_seconds(max_age):
    with databases(ENGINE="pyframework.db.backends.sqlite3", NAME=":memory:", CONN_MAX_AGE=max_age):
        with pytest.raises(ImproperlyConfigured) as info:
            first_query()
    assert "DATABASES['default']['CONN_MAX_AGE']" in str(info.value).replace("u'", "'")


def test_jndi_data_source_refuses_a_conn_max_age():
    with databases(ENGINE="pyframework.db.backends.jdbc", JNDI_NAME="java:comp/env/jdbc/app", DIALECT="h2",
                   CONN_MAX_AGE=None):
        with pytest.raises(ImproperlyConfigured) as info:
            first_query()
    message = str(info.value).replace("u'", "'")
    assert "DATABASES['default']['CONN_MAX_AGE']" in message and "back to the pool" in message


@needs_jdbc
def test_shutdown_shuts_an_embedded_h2_down():
    """ConnectionHandler.shutdown() (the servlet's destroy()) sends H2 SHUTDOWN: a kept-open
    in-memory database disappears with it, so a file database would release its lock.
    A handler of its own: the global one also holds the test session's H2 database."""
    url = "jdbc:h2:mem:shutdown_check;DB_CLOSE_DELAY=-1"
    handler = ConnectionHandler({"default": {"ENGINE": "pyframework.db.backends.jdbc", "DRIVER": "org.h2.Driver",
                                             "URL": url, "CONN_MAX_AGE": None}})
    wrapper = handler["default"]
    with wrapper.cursor() as cursor:
        cursor.execute("CREATE TABLE kept (id INT PRIMARY KEY)")
    wrapper.close()
    with wrapper.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM kept")  # DB_CLOSE_DELAY=-1: still there
    assert wrapper.shutdown_signature() == ("h2", url)
    handler.shutdown()
    assert wrapper.connection is None
    try:
        with wrapper.cursor() as cursor:
            cursor.execute("SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'KEPT'")
            assert cursor.fetchone()[0] == 0
    finally:
        handler.close_all()
