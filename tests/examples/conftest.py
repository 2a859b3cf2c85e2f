"""Fixtures of the example project's tests: its folder on sys.path, its database."""
from __future__ import unicode_literals

import pytest

from mysite_site_support import migrated_mysite, mysite_on_path


@pytest.fixture(scope="module")
def mysite_path():
    with mysite_on_path() as path:
        yield path


@pytest.fixture
def blog(db, mysite_path):
    """The example project on the test database, all its apps migrated for the test's duration;
    returns the blog's models module."""
    with migrated_mysite(db):
        from blog import models
        yield models
