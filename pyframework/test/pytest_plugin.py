"""The pytest plugin: a project's ``TestCase`` classes and plain pytest tests under pytest.

Installed with pyframework (entry point ``pytest11``), active when a settings module is
named: ``pytest --ds=mysite.settings``, ``PYFRAMEWORK_SETTINGS_MODULE`` in the environment,
or ``pyframework_settings_module = mysite.settings`` in the pytest ini file. Then:

- ``pyframework.setup()`` and the test environment (locmem e-mail, template recording)
  before collection;
- the test databases are created once per session, the first time a test needs them,
  and destroyed at the end (``--keepdb`` keeps them, as with ``manage.py test``);
- ``SimpleTestCase`` / ``TestCase`` / ``TransactionTestCase`` subclasses run as they do
  under ``manage.py test``;
- fixtures for plain tests: ``db`` (the test runs in a transaction rolled back at its
  end, like TestCase), ``transactional_db`` (real commits, tables flushed afterwards),
  ``client`` (a test Client), ``rf`` (a RequestFactory), ``settings`` (assignments are
  undone after the test), ``mailoutbox`` and ``pyframework_assert_num_queries``.
"""
from __future__ import absolute_import, unicode_literals

import os
from contextlib import contextmanager

import pytest

import pyframework
from pyframework.conf import settings as project_settings
from pyframework.core import mail
from pyframework.db import connections
from pyframework.test.client import Client, RequestFactory
from pyframework.test.testcases import SimpleTestCase, TestCase, TransactionTestCase
from pyframework.test.utils import (
    CaptureQueriesContext, override_settings, setup_databases, setup_test_environment, teardown_databases,
    teardown_test_environment,
)

SETTINGS_ENV = "PYFRAMEWORK_SETTINGS_MODULE"
_state = {"active": False}


def pytest_addoption(parser):
    group = parser.getgroup("pyframework")
    group.addoption("--ds", action="store", dest="pyframework_settings", default=None,
                    help="Settings module of the project under test (else PYFRAMEWORK_SETTINGS_MODULE).")
    group.addoption("--keepdb", action="store_true", dest="pyframework_keepdb", default=False,
                    help="Keep the test databases between runs (pyframework).")
    parser.addini("pyframework_settings_module", "Settings module of the project under test.", default="")


def _settings_module(config):
    return (config.getoption("pyframework_settings") or os.environ.get(SETTINGS_ENV)
            or config.getini("pyframework_settings_module") or None)


def pytest_configure(config):
    module = _settings_module(config)
    if not module:
        return
    os.environ[str(SETTINGS_ENV)] = str(module)
    project_settings.DEBUG  # noqa: B018 - imports the settings module: a wrong name fails here, named
    pyframework.setup()
    setup_test_environment()
    _state["active"] = True


def pytest_unconfigure(config):
    if _state.pop("active", False):
        teardown_test_environment()


def _require_active():
    if not _state.get("active"):
        pytest.fail("pyframework's pytest plugin is not active: name the settings module with --ds, "
                    "PYFRAMEWORK_SETTINGS_MODULE or the pyframework_settings_module ini option.", pytrace=False)


@pytest.fixture(scope="session")
def pyframework_db_setup(request):
    """The test databases, created once per session."""
    _require_active()
    keepdb = request.config.getoption("pyframework_keepdb")
    verbosity = request.config.option.verbose
    old_config = setup_databases(verbosity=max(verbosity, 0), interactive=False, keepdb=keepdb)
    yield
    teardown_databases(old_config, verbosity=max(verbosity, 0), keepdb=keepdb)


@pytest.fixture(autouse=True, scope="class")
def _pyframework_unittest_databases(request):
    """TransactionTestCase classes need the test databases before their setUpClass."""
    cls = request.cls
    if cls is None or not _state.get("active"):
        yield
        return
    if issubclass(cls, SimpleTestCase) and getattr(cls, "databases", None):
        request.getfixturevalue("pyframework_db_setup")
    yield


class _NoDatabase(SimpleTestCase):
    """What a plain test without the db fixtures gets: database access refused, with the fix named."""

    _disallowed_database_msg = ("Database %(operation)s to '%(alias)s' are not allowed in this test: use the "
                                "db or transactional_db fixture (pyframework's pytest plugin).")


@pytest.fixture(autouse=True)
def _pyframework_block_database(request):
    if not _state.get("active") or request.cls is not None and issubclass(request.cls, SimpleTestCase) or \
            set(request.fixturenames) & {"db", "transactional_db"}:
        yield
        return
    _NoDatabase.databases = set()
    _NoDatabase._add_databases_failures()
    try:
        yield
    finally:
        _NoDatabase._remove_databases_failures()


class _FunctionTestCase(object):
    """Runs a pytest function inside TestCase's (or TransactionTestCase's) database handling."""

    def __init__(self, transactional):
        base = TransactionTestCase if transactional else TestCase

        class PytestFunction(base):
            databases = "__all__"

            def runTest(self):
                pass

        self.case = PytestFunction("runTest")
        self.transactional = transactional

    def start(self):
        if not self.transactional:
            self.case.__class__.setUpClass()
        self.case._pre_setup()

    def stop(self):
        try:
            self.case._post_teardown()
        finally:
            if not self.transactional:
                self.case.__class__.tearDownClass()


@pytest.fixture
def db(request, pyframework_db_setup):
    """Database access; the test's writes are rolled back at its end."""
    if "transactional_db" in request.fixturenames:
        request.getfixturevalue("transactional_db")
        return
    wrapper = _FunctionTestCase(transactional=False)
    wrapper.start()
    request.addfinalizer(wrapper.stop)


@pytest.fixture
def transactional_db(request, pyframework_db_setup):
    """Database access with real commits; every table is emptied after the test."""
    wrapper = _FunctionTestCase(transactional=True)
    wrapper.start()
    request.addfinalizer(wrapper.stop)


@pytest.fixture
def client():
    return Client()


@pytest.fixture
def rf():
    return RequestFactory()


class SettingsWrapper(object):
    """``settings.X = value`` inside a test, undone when it ends (each assignment is an override)."""

    def __init__(self):
        self.__dict__["_overrides"] = []

    def __getattr__(self, name):
        return getattr(project_settings, name)

    def __setattr__(self, name, value):
        override = override_settings(**{name: value})
        override.enable()
        self._overrides.append(override)

    def __delattr__(self, name):
        override = override_settings()
        override.enable()
        delattr(project_settings, name)
        self._overrides.append(override)

    def finalize(self):
        while self._overrides:
            self._overrides.pop().disable()


@pytest.fixture
def settings():
    wrapper = SettingsWrapper()
    yield wrapper
    wrapper.finalize()


@pytest.fixture
def mailoutbox():
    mail.outbox = []
    return mail.outbox


@pytest.fixture
def pyframework_assert_num_queries(pyframework_db_setup):
    """``with pyframework_assert_num_queries(2): ...`` (``using=`` names the alias)."""
    @contextmanager
    def assert_num_queries(num, using="default"):
        with CaptureQueriesContext(connections[using]) as context:
            yield context
        if len(context) != num:
            raise AssertionError("%d queries executed, %d expected\nCaptured queries were:\n%s" % (
                len(context), num, "\n".join(query["sql"] for query in context.captured_queries)))

    return assert_num_queries
