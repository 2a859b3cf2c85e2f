"""Fixtures of the admin tests: the apps installed once per module, the tables once per test."""
from __future__ import unicode_literals

import pytest

from admin_support import PASSWORD, admin_apps, create_admin_tables, logged_in_client


@pytest.fixture(scope="module")
def installed():
    with admin_apps():
        yield


@pytest.fixture
def site(installed, db, create_tables):
    """Every table created; a superuser "root" exists."""
    from pyframework.contrib.auth.models import User

    create_admin_tables(create_tables)
    User.objects.create_superuser("root", "root@example.com", PASSWORD)


@pytest.fixture
def client(site):
    return logged_in_client("root")


# Time budget: the tests whose outcome depends on the database (queries built from filters,
# search, sorting, dates, cascades, formsets) run on every selected database and are marked
# ``every_database``; the page-markup and permission tests run on the first one only.
def pytest_configure(config):
    config.addinivalue_line("markers", "every_database: an admin test run on every database of the matrix")


def pytest_collection_modifyitems(config, items):
    from dbtesting import selected_databases

    databases = selected_databases()
    if len(databases) < 2:
        return
    first = databases[0]
    keep, dropped = [], []
    for item in items:
        callspec = getattr(item, "callspec", None)
        database = callspec.params.get("db") if callspec is not None else None
        in_admin = "tests/admin/" in str(item.fspath).replace("\\", "/")
        if (in_admin and database is not None and database != first
                and item.get_closest_marker("every_database") is None):
            dropped.append(item)
        else:
            keep.append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = keep
