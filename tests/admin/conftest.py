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
