"""The test case classes of ``django.test``: SimpleTestCase, TransactionTestCase, TestCase.

- ``SimpleTestCase``: a test client per test (``self.client``), the response, HTML,
  JSON and form assertions, class-wide ``override_settings`` / ``modify_settings``;
  database queries are refused (``databases`` names the aliases a test may use).
- ``TransactionTestCase``: real commits; after each test the tables are flushed.
  ``reset_sequences``, ``serialized_rollback``, ``available_apps``, ``fixtures``.
- ``TestCase``: one transaction per class (``setUpTestData`` and ``fixtures`` load
  once), a savepoint per test rolled back at its end; class attributes made in
  ``setUpTestData`` are deep-copied for each test. ``captureOnCommitCallbacks()``.
- ``LiveServerTestCase`` (in ``pyframework.test.live``) serves the project on a real socket.

They run under ``manage.py test`` (``pyframework.test.runner.DiscoverRunner``), plain
``unittest`` and pytest (``pyframework.test.pytest_plugin``), on CPython and Jython.
"""
from __future__ import absolute_import, unicode_literals

import copy
import json
import logging
import sys
import unittest
from collections import Counter
from contextlib import contextmanager
from functools import wraps

from pyframework.apps import apps
from pyframework.core import mail
from pyframework.core.exceptions import ImproperlyConfigured
from pyframework.core.management import call_command
from pyframework.core.signals import setting_changed
from pyframework.db import DEFAULT_DB_ALIAS, connections, transaction
from pyframework.test.assertions import ResponseAssertionsMixin
from pyframework.test.client import Client
from pyframework.test.compat import HAS_NATIVE_CLASS_CLEANUPS, UnittestBackports
from pyframework.test.utils import CaptureQueriesContext, modify_settings, override_settings
from pyframework.utils.compat import text_type

__all__ = ["SimpleTestCase", "TestCase", "TransactionTestCase", "skipIfDBFeature", "skipUnlessAnyDBFeature",
           "skipUnlessDBFeature"]

logger = logging.getLogger("pyframework.test")


class DatabaseOperationForbidden(AssertionError):
    pass


class _DatabaseFailure(object):
    def __init__(self, wrapped, message):
        self.wrapped = wrapped
        self.message = message

    def __call__(self, *args, **kwargs):
        raise DatabaseOperationForbidden(self.message)


class SimpleTestCase(UnittestBackports, ResponseAssertionsMixin, unittest.TestCase):
    """A unittest TestCase with a test client, Django's assertions, and no database access."""

    client_class = Client
    _overridden_settings = None
    _modified_settings = None
    databases = set()
    _disallowed_database_msg = ("Database %(operation)s to '%(alias)s' are not allowed in SimpleTestCase "
                                "subclasses. Either subclass TestCase or TransactionTestCase to ensure proper "
                                "test isolation or add '%(alias)s' to %(test)s.databases to silence this failure.")
    _disallowed_connection_methods = [("connect", "connections"), ("temporary_connection", "connections"),
                                      ("cursor", "queries"), ("chunked_cursor", "queries")]

    @classmethod
    def setUpClass(cls):
        super(SimpleTestCase, cls).setUpClass()
        try:
            if cls._overridden_settings:
                cls._cls_overridden_context = override_settings(**cls._overridden_settings)
                cls._cls_overridden_context.enable()
                cls.addClassCleanup(cls._cls_overridden_context.disable)
            if cls._modified_settings:
                cls._cls_modified_context = modify_settings(cls._modified_settings)
                cls._cls_modified_context.enable()
                cls.addClassCleanup(cls._cls_modified_context.disable)
            cls._add_databases_failures()
            cls.addClassCleanup(cls._remove_databases_failures)
        except Exception:
            if not HAS_NATIVE_CLASS_CLEANUPS:
                cls.doClassCleanups()
            raise

    @classmethod
    def tearDownClass(cls):
        super(SimpleTestCase, cls).tearDownClass()
        if not HAS_NATIVE_CLASS_CLEANUPS:
            cls.doClassCleanups()

    @classmethod
    def _validate_databases(cls):
        if cls.databases == "__all__":
            return frozenset(connections)
        for alias in cls.databases:
            if alias not in connections:
                raise ImproperlyConfigured(
                    "%s.%s.databases refers to %r which is not defined in settings.DATABASES."
                    % (cls.__module__, cls.__name__, alias))
        return frozenset(cls.databases)

    @classmethod
    def _add_databases_failures(cls):
        cls.databases = cls._validate_databases()
        for alias in connections:
            if alias in cls.databases:
                continue
            connection = connections[alias]
            for name, operation in cls._disallowed_connection_methods:
                message = cls._disallowed_database_msg % {"test": "%s.%s" % (cls.__module__, cls.__name__),
                                                          "alias": alias, "operation": operation}
                method = getattr(connection, name)
                setattr(connection, name, _DatabaseFailure(method, message))

    @classmethod
    def _remove_databases_failures(cls):
        for alias in connections:
            if alias in cls.databases:
                continue
            connection = connections[alias]
            for name, _ in cls._disallowed_connection_methods:
                method = connection.__dict__.get(name)
                if isinstance(method, _DatabaseFailure):
                    delattr(connection, name)

    def __call__(self, result=None):
        """Wrap the test (setUp and tearDown included) in _pre_setup / _post_teardown."""
        skipped = getattr(self.__class__, "__unittest_skip__", False) or getattr(
            getattr(self, self._testMethodName), "__unittest_skip__", False)
        if not skipped:
            try:
                self._pre_setup()
            except Exception:  # noqa: BLE001 - reported as the test's error, as unittest would
                if result is not None:
                    result.addError(self, sys.exc_info())
                    return
                raise
        super(SimpleTestCase, self).__call__(result)
        if not skipped:
            try:
                self._post_teardown()
            except Exception:  # noqa: BLE001
                if result is not None:
                    result.addError(self, sys.exc_info())
                    return
                raise

    @classmethod
    def _pre_setup(cls):
        """A fresh client, an empty ``mail.outbox`` (a classmethod, as in Django 5.2)."""
        cls.client = cls.client_class()
        mail.outbox = []

    def _post_teardown(self):
        pass

    def settings(self, **kwargs):
        """``with self.settings(DEBUG=True):`` is override_settings as a context manager."""
        return override_settings(**kwargs)

    def modify_settings(self, **kwargs):
        return modify_settings(**kwargs)

    # -- exceptions and warnings ---------------------------------------------------------

    @contextmanager
    def _assert_raises_or_warns_cm(self, func, cm_attr, expected_exception, expected_message):
        with func(expected_exception) as cm:
            yield cm
        self.assertIn(expected_message, text_type(getattr(cm, cm_attr)))

    def _assertFooMessage(self, func, cm_attr, expected_exception, expected_message, *args, **kwargs):
        callable_obj = None
        if args:
            callable_obj, args = args[0], args[1:]
        cm = self._assert_raises_or_warns_cm(func, cm_attr, expected_exception, expected_message)
        if callable_obj is None:
            return cm
        with cm:
            callable_obj(*args, **kwargs)

    def assertRaisesMessage(self, expected_exception, expected_message, *args, **kwargs):
        """The exception is raised and its text contains ``expected_message``
        (a context manager without a callable)."""
        return self._assertFooMessage(self.assertRaises, "exception", expected_exception, expected_message,
                                      *args, **kwargs)

    def assertWarnsMessage(self, expected_warning, expected_message, *args, **kwargs):
        return self._assertFooMessage(self.assertWarns, "warning", expected_warning, expected_message,
                                      *args, **kwargs)

    def assertJSONEqual(self, raw, expected_data, msg=None):
        """``raw`` (JSON text) decodes to ``expected_data`` (a value, or JSON text)."""
        try:
            data = json.loads(raw)
        except ValueError:
            self.fail("First argument is not valid JSON: %r" % raw)
        if isinstance(expected_data, text_type) or isinstance(expected_data, str):
            try:
                expected_data = json.loads(expected_data)
            except ValueError:
                self.fail("Second argument is not valid JSON: %r" % expected_data)
        self.assertEqual(data, expected_data, msg=msg)

    def assertJSONNotEqual(self, raw, expected_data, msg=None):
        try:
            data = json.loads(raw)
        except ValueError:
            self.fail("First argument is not valid JSON: %r" % raw)
        if isinstance(expected_data, (text_type, str)):
            try:
                expected_data = json.loads(expected_data)
            except ValueError:
                self.fail("Second argument is not valid JSON: %r" % expected_data)
        self.assertNotEqual(data, expected_data, msg=msg)


class _AssertNumQueriesContext(CaptureQueriesContext):
    def __init__(self, test_case, num, connection):
        self.test_case = test_case
        self.num = num
        super(_AssertNumQueriesContext, self).__init__(connection)

    def __exit__(self, exc_type, exc_value, tb):
        super(_AssertNumQueriesContext, self).__exit__(exc_type, exc_value, tb)
        if exc_type is not None:
            return
        executed = len(self)
        self.test_case.assertEqual(
            executed, self.num, "%d queries executed, %d expected\nCaptured queries were:\n%s" % (
                executed, self.num,
                "\n".join("%d. %s" % (i, query["sql"]) for i, query in enumerate(self.captured_queries, start=1))))


class TransactionTestCase(SimpleTestCase):
    """Tests that commit: each test's writes are removed by flushing every table afterwards.

    ``available_apps``: the only apps the tests need (faster flush, post_migrate not re-run);
    ``reset_sequences``: primary keys start at 1 in each test; ``serialized_rollback``: the
    rows the migrations created are put back after the flush; ``fixtures``: loaded before
    each test.
    """

    reset_sequences = False
    available_apps = None
    fixtures = None
    databases = {DEFAULT_DB_ALIAS}
    serialized_rollback = False

    @classmethod
    def _pre_setup(cls):
        super(TransactionTestCase, cls)._pre_setup()
        if cls.available_apps is not None:
            apps.set_available_apps(cls.available_apps)
            setting_changed.send(sender=cls, setting="INSTALLED_APPS", value=cls.available_apps, enter=True)
        try:
            cls._fixture_setup()
        except Exception:
            if cls.available_apps is not None:
                apps.unset_available_apps()
                setting_changed.send(sender=cls, setting="INSTALLED_APPS",
                                     value=[config.name for config in apps.get_app_configs()], enter=False)
            raise
        for db_name in cls._databases_names(include_mirrors=False):
            connections[db_name].queries_log.clear()

    @classmethod
    def _databases_names(cls, include_mirrors=True):
        return [alias for alias in connections if alias in cls.databases and (
            include_mirrors or not connections[alias].settings_dict["TEST"].get("MIRROR"))]

    @classmethod
    def _fixture_setup(cls):
        for db_name in cls._databases_names(include_mirrors=False):
            if cls.reset_sequences:
                cls._flush(db_name, reset_sequences=True, inhibit_post_migrate=True)
            connection = connections[db_name]
            if cls.serialized_rollback and getattr(connection, "_test_serialized_contents", None):
                connection.creation.deserialize_db_from_string(connection._test_serialized_contents)
            if cls.fixtures:
                call_command("loaddata", *cls.fixtures, verbosity=0, database=db_name)

    def _should_reload_connections(self):
        return True

    def _post_teardown(self):
        try:
            self._fixture_teardown()
            super(TransactionTestCase, self)._post_teardown()
            if self._should_reload_connections():
                # Leave no connection in a state the next test could see.
                for conn in connections.all(initialized_only=True):
                    conn.close()
        finally:
            if self.available_apps is not None:
                apps.unset_available_apps()
                setting_changed.send(sender=self.__class__, setting="INSTALLED_APPS",
                                     value=[config.name for config in apps.get_app_configs()], enter=False)

    def _fixture_teardown(self):
        for db_name in self._databases_names(include_mirrors=False):
            inhibit_post_migrate = self.available_apps is not None or (
                self.serialized_rollback and getattr(connections[db_name], "_test_serialized_contents", None))
            self._flush(db_name, reset_sequences=False, inhibit_post_migrate=bool(inhibit_post_migrate))

    @classmethod
    def _flush(cls, db_name, reset_sequences, inhibit_post_migrate):
        connection = connections[db_name]
        if connection.in_atomic_block or connection.needs_rollback:
            connection.close()  # the test died inside atomic(): start from a clean connection
        call_command("flush", verbosity=0, interactive=False, database=db_name, reset_sequences=reset_sequences,
                     allow_cascade=cls.available_apps is not None, inhibit_post_migrate=inhibit_post_migrate)

    def assertQuerySetEqual(self, qs, values, transform=None, ordered=True, msg=None):
        """``qs`` (a QuerySet or any iterable), mapped by ``transform``, equals ``values``."""
        values = list(values)
        items = qs if transform is None else [transform(item) for item in qs]
        if not ordered:
            return self.assertDictEqual(dict(Counter(items)), dict(Counter(values)), msg=msg)
        if len(values) > 1 and hasattr(qs, "ordered") and not qs.ordered:
            raise ValueError("Trying to compare non-ordered queryset against more than one ordered value.")
        return self.assertEqual(list(items), values, msg=msg)

    def assertNumQueries(self, num, func=None, *args, **kwargs):
        """Exactly ``num`` statements run in ``func(*args, **kwargs)`` or in the ``with`` block
        (``using=`` names the alias)."""
        using = kwargs.pop("using", DEFAULT_DB_ALIAS)
        context = _AssertNumQueriesContext(self, num, connections[using])
        if func is None:
            return context
        with context:
            func(*args, **kwargs)


class TestData(object):
    """A class attribute made by setUpTestData: each test sees its own deep copy."""

    memo_attr = "_testdata_memo"

    def __init__(self, name, data):
        self.name = name
        self.data = data

    def get_memo(self, testcase):
        try:
            memo = getattr(testcase, self.memo_attr)
        except AttributeError:
            memo = {}
            setattr(testcase, self.memo_attr, memo)
        return memo

    def __get__(self, instance, owner):
        if instance is None:
            return self.data
        memo = self.get_memo(instance)
        data = copy.deepcopy(self.data, memo)
        setattr(instance, self.name, data)
        return data

    def __repr__(self):
        return "<TestData: name=%r, data=%r>" % (self.name, self.data)


class TestCase(TransactionTestCase):
    """Each class runs in a transaction and each test in a savepoint, both rolled back."""

    @classmethod
    def _enter_atomics(cls):
        atomics = {}
        for db_name in cls._databases_names():
            atomic = transaction.atomic(using=db_name)
            atomic._from_testcase = True
            atomic.__enter__()
            atomics[db_name] = atomic
        return atomics

    @classmethod
    def _rollback_atomics(cls, atomics):
        for db_name in reversed(cls._databases_names()):
            transaction.set_rollback(True, using=db_name)
            atomics[db_name].__exit__(None, None, None)

    @classmethod
    def _databases_support_transactions(cls):
        return all(connections[alias].features.supports_transactions for alias in cls.databases)

    @classmethod
    def setUpClass(cls):
        super(TestCase, cls).setUpClass()
        if not cls._databases_support_transactions():
            return
        cls.cls_atomics = cls._enter_atomics()
        if cls.fixtures:
            for db_name in cls._databases_names(include_mirrors=False):
                try:
                    call_command("loaddata", *cls.fixtures, verbosity=0, database=db_name)
                except Exception:
                    cls._rollback_atomics(cls.cls_atomics)
                    raise
        pre_attrs = dict(cls.__dict__)
        try:
            cls.setUpTestData()
        except Exception:
            cls._rollback_atomics(cls.cls_atomics)
            raise
        for name, value in list(cls.__dict__.items()):
            if value is not pre_attrs.get(name):
                setattr(cls, name, TestData(name, value))

    @classmethod
    def tearDownClass(cls):
        if cls._databases_support_transactions():
            cls._rollback_atomics(cls.cls_atomics)
            for conn in connections.all(initialized_only=True):
                conn.close()
        super(TestCase, cls).tearDownClass()

    @classmethod
    def setUpTestData(cls):
        """Load the data every test of the class starts from (once per class)."""

    def _should_reload_connections(self):
        if self._databases_support_transactions():
            return False
        return super(TestCase, self)._should_reload_connections()

    @classmethod
    def _fixture_setup(cls):
        if not cls._databases_support_transactions():
            # No transactions: behave like TransactionTestCase, setUpTestData before each test.
            cls.setUpTestData()
            return super(TestCase, cls)._fixture_setup()
        if cls.reset_sequences:
            raise TypeError("reset_sequences cannot be used on TestCase instances")
        cls.atomics = cls._enter_atomics()

    def _fixture_teardown(self):
        if not self._databases_support_transactions():
            return super(TestCase, self)._fixture_teardown()
        try:
            for db_name in reversed(self._databases_names()):
                connection = connections[db_name]
                check = getattr(connection, "check_constraints", None)
                if check is not None and not connection.needs_rollback:
                    check()
        finally:
            self._rollback_atomics(self.atomics)

    @classmethod
    @contextmanager
    def captureOnCommitCallbacks(cls, using=DEFAULT_DB_ALIAS, execute=False):
        """Collects the on_commit() callbacks registered in the block (the test's transaction
        never commits); ``execute=True`` runs them when the block ends."""
        callbacks = []
        start_count = len(connections[using].run_on_commit)
        try:
            yield callbacks
        finally:
            while True:
                callback_count = len(connections[using].run_on_commit)
                for _, callback, robust in connections[using].run_on_commit[start_count:]:
                    callbacks.append(callback)
                    if execute:
                        if robust:
                            try:
                                callback()
                            except Exception:  # noqa: BLE001 - robust callbacks only log, as on commit
                                logger.exception("Error calling %r in on_commit() (ignored: robust=True).",
                                                 callback)
                        else:
                            callback()
                if callback_count == len(connections[using].run_on_commit):
                    break
                start_count = callback_count


# --- skipIfDBFeature / skipUnlessDBFeature ---------------------------------------------------

class _CheckCondition(object):
    """A class's ``__unittest_skip__`` evaluated when the runner asks (databases are set up by then)."""

    def __init__(self, *conditions):
        self.conditions = conditions

    def add_condition(self, condition, reason):
        return self.__class__(*self.conditions + ((condition, reason),))

    def __bool__(self):
        return any(condition() for condition, _ in self.conditions)

    __nonzero__ = __bool__


def _databases_of(test_item):
    databases = getattr(test_item, "databases", None) or {DEFAULT_DB_ALIAS}
    return [alias for alias in connections if databases == "__all__" or alias in databases]


def _deferred_skip(condition, reason, name):
    def decorator(test_item):
        if isinstance(test_item, type) and issubclass(test_item, unittest.TestCase):
            skip = test_item.__dict__.get("__unittest_skip__")
            if isinstance(skip, _CheckCondition):
                test_item.__unittest_skip__ = skip.add_condition(lambda: condition(test_item), reason)
            elif skip is not True:
                test_item.__unittest_skip__ = _CheckCondition((lambda: condition(test_item), reason))
            # unittest reads the reason only for a skipped class, and only once.
            test_item.__unittest_skip_why__ = reason
            return test_item
        if isinstance(test_item, type):
            raise TypeError("%s cannot be used on %s as it doesn't subclass unittest.TestCase."
                            % (name, test_item.__name__))

        @wraps(test_item)
        def skip_wrapper(*args, **kwargs):
            owner = args[0] if args and isinstance(args[0], unittest.TestCase) else None
            if condition(owner):
                raise unittest.SkipTest(reason)
            return test_item(*args, **kwargs)
        skip_wrapper.__wrapped__ = test_item
        return skip_wrapper
    return decorator


def _features_check(features, want, combine):
    def condition(test_item):
        for alias in _databases_of(test_item):
            values = [getattr(connections[alias].features, feature) for feature in features]
            if combine(bool(value) == want for value in values):
                return True
        return False
    return condition


def skipIfDBFeature(*features):
    """Skip the test (or class) if any of its databases has any of the named features."""
    return _deferred_skip(_features_check(features, True, any), "Database has feature(s) %s" % ", ".join(features),
                          "skipIfDBFeature")


def skipUnlessDBFeature(*features):
    """Skip the test (or class) unless every one of its databases has all the named features."""
    return _deferred_skip(_features_check(features, False, any),
                          "Database doesn't support feature(s): %s" % ", ".join(features), "skipUnlessDBFeature")


def skipUnlessAnyDBFeature(*features):
    """Skip the test unless its databases have at least one of the named features."""
    return _deferred_skip(_features_check(features, False, all),
                          "Database doesn't support any of the feature(s): %s" % ", ".join(features),
                          "skipUnlessAnyDBFeature")
