"""Which databases the matrix runs on, and how each test database is named and set up."""
from __future__ import unicode_literals

import os

import pytest

import dbtesting
from dbtesting import (
    DatabaseRegistry, DatabaseUnavailable, MariaDBServer, PostgreSQLServer, selected_databases,
)

SERVER_VARIABLES = ("PYFRAMEWORK_TEST_POSTGRES_URL", "PYFRAMEWORK_TEST_MARIADB_URL")


class Environment(object):
    """monkeypatch.setenv with native strings (pytest 4 on Jython warns about unicode)."""

    def __init__(self, monkeypatch):
        self.monkeypatch = monkeypatch

    def setenv(self, name, value):
        self.monkeypatch.setenv(str(name), str(value))


@pytest.fixture
def clean_environment(monkeypatch):
    for name in ("PYFRAMEWORK_TEST_DATABASES", "CI") + SERVER_VARIABLES:
        monkeypatch.delenv(str(name), raising=False)
    return Environment(monkeypatch)


def test_explicit_list_is_taken_as_given(clean_environment):
    clean_environment.setenv("PYFRAMEWORK_TEST_DATABASES", " h2, postgresql ")
    assert selected_databases() == ["h2", "postgresql"]


def test_unknown_name_is_a_usage_error_listing_the_choices(clean_environment):
    clean_environment.setenv("PYFRAMEWORK_TEST_DATABASES", "h2,oracle")
    with pytest.raises(pytest.UsageError) as info:
        selected_databases()
    message = str(info.value)
    assert "oracle" in message
    assert "sqlite_jdbc" in message and "postgresql" in message


def test_ci_requires_postgresql_even_without_a_server(clean_environment):
    clean_environment.setenv("CI", "true")
    names = selected_databases()
    assert "postgresql" in names
    assert "h2" in names and "sqlite_jdbc" in names
    assert "mariadb" not in names


def test_ci_adds_mariadb_when_a_server_is_named(clean_environment):
    clean_environment.setenv("CI", "true")
    clean_environment.setenv("PYFRAMEWORK_TEST_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/mysql")
    assert "mariadb" in selected_databases()


def test_local_default_leaves_out_servers_that_are_not_configured(clean_environment):
    names = selected_databases()
    assert "postgresql" not in names and "mariadb" not in names
    assert ("sqlite3" in names) == (not dbtesting.JYTHON)


def test_local_default_takes_a_configured_postgresql(clean_environment):
    clean_environment.setenv("PYFRAMEWORK_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/postgres")
    assert "postgresql" in selected_databases()


@pytest.mark.parametrize("server_url, expected", [
    ("jdbc:postgresql://127.0.0.1:5432/postgres", "jdbc:postgresql://127.0.0.1:5432/test_abc"),
    ("jdbc:postgresql://127.0.0.1:5432/", "jdbc:postgresql://127.0.0.1:5432/test_abc"),
    ("jdbc:postgresql://localhost/postgres?ssl=false&connectTimeout=5",
     "jdbc:postgresql://localhost/test_abc?ssl=false&connectTimeout=5"),
])
def test_postgresql_test_database_url_keeps_host_and_properties(server_url, expected):
    assert PostgreSQLServer().database_url(server_url, "test_abc") == expected


def test_mariadb_test_database_url():
    url = MariaDBServer().database_url("jdbc:mariadb://127.0.0.1:33061/mysql?useUnicode=true", "test_x")
    assert url == "jdbc:mariadb://127.0.0.1:33061/test_x?useUnicode=true"


def test_a_url_of_another_database_is_refused_naming_the_variable():
    with pytest.raises(DatabaseUnavailable) as info:
        PostgreSQLServer().database_url("jdbc:h2:mem:x", "test_x")
    assert "PYFRAMEWORK_TEST_POSTGRES_URL" in str(info.value)


def test_missing_server_url_says_how_to_start_one(clean_environment):
    with pytest.raises(DatabaseUnavailable) as info:
        PostgreSQLServer().create()
    message = str(info.value)
    assert "PYFRAMEWORK_TEST_POSTGRES_URL is not set" in message
    assert "tests/dbservers.sh" in message


class BrokenDatabase(object):
    name = "broken"
    attempts = 0

    def setup(self):
        BrokenDatabase.attempts += 1
        raise DatabaseUnavailable("no such server")


def test_a_failed_setup_fails_every_test_of_that_database_without_retrying(monkeypatch):
    monkeypatch.setitem(dbtesting.DATABASE_CLASSES, "broken", BrokenDatabase)
    BrokenDatabase.attempts = 0
    registry = DatabaseRegistry()
    for _ in range(2):
        with pytest.raises(pytest.fail.Exception) as info:
            registry.settings_for("broken")
        assert "database broken unavailable: no such server" in str(info.value)
    assert BrokenDatabase.attempts == 1
    assert registry.created == []


def test_jdbc_jars_come_from_the_environment_first(monkeypatch, tmpdir):
    first, second = tmpdir.join("a.jar"), tmpdir.join("b.jar")
    Environment(monkeypatch).setenv("PYFRAMEWORK_JDBC_JARS", os.pathsep.join([str(first), str(second)]))
    assert dbtesting.jdbc_jars() == [str(first), str(second)]
