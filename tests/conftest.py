"""Test-wide settings: every test starts from these; tests change them with override_settings."""
from __future__ import unicode_literals

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
for path in (ROOT, HERE):
    if path not in sys.path:
        sys.path.insert(0, path)

from pyframework.conf import settings  # noqa: E402

if not settings.configured:
    settings.configure(
        DEBUG=False,
        SECRET_KEY="tests-only-secret-key",
        ALLOWED_HOSTS=["testserver", "localhost", "127.0.0.1", ".example.com"],
        INSTALLED_APPS=[],
        ROOT_URLCONF=None,
        TEMPLATES=[],
        MIDDLEWARE=[],
        # No app is installed here, so no session table exists: tests that use
        # the database backend (the default) install the sessions app themselves.
        SESSION_ENGINE="pyframework.contrib.sessions.backends.signed_cookies",
        # As Django's own test settings do: a fast hasher makes users cheap to create; the PBKDF2
        # hashers stay listed (they verify and are tested in tests/auth/test_auth_hashers.py).
        PASSWORD_HASHERS=["pyframework.contrib.auth.hashers.MD5PasswordHasher",
                          "pyframework.contrib.auth.hashers.PBKDF2PasswordHasher",
                          "pyframework.contrib.auth.hashers.PBKDF2SHA1PasswordHasher"],
    )
    import pyframework  # noqa: E402

    pyframework.setup()


# Tests marked cpython_only drive subprocesses, Gradle or real servers from the
# CPython side; on Jython they are reported as skipped with that reason.
def pytest_configure(config):
    config.addinivalue_line(
        "markers", "cpython_only(reason): runs on CPython only (subprocesses, Gradle, servers); skipped on Jython")


def pytest_collection_modifyitems(config, items):
    if not sys.platform.startswith("java"):
        return
    import pytest

    for item in items:
        marker = item.get_closest_marker("cpython_only")
        if marker is not None:
            reason = marker.kwargs.get("reason") or (marker.args[0] if marker.args else "CPython only")
            item.add_marker(pytest.mark.skip(reason="CPython only: %s" % reason))


# --- Database test matrix (tests/dbtesting.py): the db, create_tables and assert_num_queries fixtures.
from dbtesting import (  # noqa: E402,F401
    _database_registry, assert_num_queries_fixture, create_tables_fixture, db, pytest_report_header)
