"""Testing utilities, as in ``django.test.utils``.

Settings overrides (``override_settings``, ``modify_settings``), model registries of
their own (``isolate_apps``), query capture (``CaptureQueriesContext``), the test
environment (``setup_test_environment``: locmem e-mail, template recording) and the
test databases (``setup_databases`` / ``teardown_databases``) used by the
``manage.py test`` runner and the pytest plugin.
"""
from __future__ import absolute_import, unicode_literals

import gc
import importlib
import inspect
import sys
import time
import unittest
import warnings
from contextlib import contextmanager
from functools import wraps

from pyframework.apps import apps
from pyframework.apps.registry import Apps
from pyframework.conf import UserSettingsHolder, settings
from pyframework.core import mail
from pyframework.core.exceptions import ImproperlyConfigured
from pyframework.core.signals import request_started, setting_changed
from pyframework.db import connections, reset_queries
from pyframework.db.models.options import Options
from pyframework.urls.base import get_script_prefix, set_script_prefix
from pyframework.utils.compat import NativeStringIO, string_types

__all__ = [
    "Approximate", "CaptureQueriesContext", "ContextList", "captured_stdin", "extend_sys_path", "ignore_warnings",
    "override_script_prefix", "register_lookup", "TestContextDecorator", "captured_stderr", "captured_stdout",
    "get_runner", "isolate_apps", "modify_settings", "override_settings", "setup_databases",
    "setup_test_environment", "tag", "teardown_databases", "teardown_test_environment",
]

_RESET_QUERIES_UID = "pyframework.db.reset_queries"


class ContextList(list):
    """The contexts of every template a response rendered; ``response.context["key"]`` searches them."""

    def __getitem__(self, key):
        if isinstance(key, string_types):
            for context in self:
                if key in context:
                    return context[key]
            raise KeyError(key)
        return super(ContextList, self).__getitem__(key)

    def get(self, key, default=None):
        try:
            return self.__getitem__(key)
        except KeyError:
            return default

    def __contains__(self, key):
        try:
            self[key]
        except KeyError:
            return False
        return True

    def keys(self):
        """Every key of every context."""
        found = set()
        for context in self:
            found.update(context.keys())
        return found


class TestContextDecorator(object):
    """Base of the helpers that work as context manager, function decorator and class decorator.

    ``attr_name``: the attribute that receives ``enable()``'s result on each test of a
    decorated class; ``kwarg_name``: the keyword argument that receives it in a
    decorated function.
    """

    def __init__(self, attr_name=None, kwarg_name=None):
        self.attr_name = attr_name
        self.kwarg_name = kwarg_name

    def enable(self):
        raise NotImplementedError

    def disable(self):
        raise NotImplementedError

    def __enter__(self):
        return self.enable()

    def __exit__(self, exc_type, exc_value, tb):
        self.disable()

    def decorate_class(self, cls):
        if issubclass(cls, unittest.TestCase):
            decorated_setUp = cls.setUp

            def setUp(inner_self):
                context = self.enable()
                inner_self.addCleanup(self.disable)
                if self.attr_name:
                    setattr(inner_self, self.attr_name, context)
                decorated_setUp(inner_self)

            cls.setUp = setUp
            return cls
        # A plain pytest class: each test method runs inside the context.
        for name in list(vars(cls)):
            method = vars(cls)[name]
            if name.startswith("test") and inspect.isfunction(method):
                setattr(cls, name, self.decorate_callable(method))
        return cls

    def decorate_callable(self, func):
        @wraps(func)
        def inner(*args, **kwargs):
            with self as context:
                if self.kwarg_name:
                    kwargs[self.kwarg_name] = context
                return func(*args, **kwargs)
        # Python 2's functools.wraps doesn't set __wrapped__; pytest needs it to see fixture arguments.
        inner.__wrapped__ = func
        return inner

    def __call__(self, decorated):
        if inspect.isclass(decorated):
            return self.decorate_class(decorated)
        if callable(decorated):
            return self.decorate_callable(decorated)
        raise TypeError("Cannot decorate object of type %s" % type(decorated))


class override_settings(TestContextDecorator):
    """Change settings for a block, a test function, or every test of a class.

    As a context manager (``with override_settings(DEBUG=True):``), as a function
    decorator, or as a class decorator: on a ``SimpleTestCase`` subclass the
    settings apply from ``setUpClass`` to ``tearDownClass`` (so ``setUpTestData``
    sees them); on a plain class each ``test*`` method is wrapped.
    ``setting_changed`` is sent for each setting on entry and again on exit, so
    caches derived from settings can reset themselves.
    """

    enable_exception = None

    def __init__(self, **kwargs):
        self.options = kwargs
        super(override_settings, self).__init__()

    def enable(self):
        if "INSTALLED_APPS" in self.options:
            _set_installed_apps(self.options["INSTALLED_APPS"])
        settings.DEBUG  # noqa: B018 - loads the settings if nothing has yet
        override = UserSettingsHolder(settings._wrapped)
        for key, new_value in self.options.items():
            setattr(override, key, new_value)
        self.wrapped = settings._wrapped
        settings._swap(override)
        for key, new_value in self.options.items():
            try:
                setting_changed.send(sender=settings._wrapped.__class__, setting=key, value=new_value, enter=True)
            except Exception as exc:  # noqa: BLE001 - restored below, then raised
                self.enable_exception = exc
                self.disable()
                break

    def disable(self):
        if "INSTALLED_APPS" in self.options:
            _unset_installed_apps()
        settings._swap(self.wrapped)
        del self.wrapped
        responses = []
        for key in self.options:
            responses.extend(setting_changed.send_robust(
                sender=settings._wrapped.__class__, setting=key, value=getattr(settings, key, None), enter=False))
        if self.enable_exception is not None:
            exc, self.enable_exception = self.enable_exception, None
            raise exc
        for _, response in responses:
            if isinstance(response, Exception):
                raise response

    def save_options(self, test_class):
        if test_class.__dict__.get("_overridden_settings") is None:
            inherited = getattr(test_class, "_overridden_settings", None) or {}
            test_class._overridden_settings = dict(inherited, **self.options)
        else:
            test_class._overridden_settings = dict(test_class._overridden_settings, **self.options)

    def decorate_class(self, cls):
        from pyframework.test.testcases import SimpleTestCase

        if isinstance(cls, type) and issubclass(cls, SimpleTestCase):
            self.save_options(cls)
            return cls
        if issubclass(cls, unittest.TestCase):
            raise ValueError("Only subclasses of SimpleTestCase can be decorated with override_settings")
        return super(override_settings, self).decorate_class(cls)


class modify_settings(override_settings):
    """Like override_settings, but appends, prepends or removes items of list settings::

        @modify_settings(MIDDLEWARE={"append": "x.Middleware", "remove": ["y.Middleware"]})
    """

    def __init__(self, *args, **kwargs):
        if args:
            # SimpleTestCase.setUpClass passes the class's collected operations.
            self.operations = args[0]
        else:
            self.operations = list(kwargs.items())
        TestContextDecorator.__init__(self)

    def save_options(self, test_class):
        inherited = list(getattr(test_class, "_modified_settings", None) or [])
        test_class._modified_settings = inherited + self.operations

    def enable(self):
        self.options = {}
        for name, operations in self.operations:
            value = self.options[name] if name in self.options else list(getattr(settings, name, []))
            for action, items in operations.items():
                if isinstance(items, string_types):
                    items = [items]
                if action == "append":
                    value = value + [item for item in items if item not in value]
                elif action == "prepend":
                    value = [item for item in items if item not in value] + value
                elif action == "remove":
                    value = [item for item in value if item not in items]
                else:
                    raise ValueError("Unsupported action: %s" % action)
            self.options[name] = value
        super(modify_settings, self).enable()


_installed_apps_stack = []


def _set_installed_apps(installed):
    """Swap the app registry's apps for ``installed`` (override_settings(INSTALLED_APPS=...))."""
    _installed_apps_stack.append((apps.app_configs, apps.ready))
    apps.ready = False
    try:
        apps.populate(installed)
    except Exception:
        _unset_installed_apps()
        raise


def _unset_installed_apps():
    apps.app_configs, apps.ready = _installed_apps_stack.pop()
    apps.apps_ready = apps.models_ready = apps.ready
    apps.clear_cache()


class isolate_apps(TestContextDecorator):
    """Models defined inside go to a registry of their own, not the project's.

    ``isolate_apps("app_label", ...)`` names the apps of that registry;
    ``attr_name`` / ``kwarg_name`` hand the registry to the test.
    """

    def __init__(self, *installed_apps, **kwargs):
        self.installed_apps = installed_apps
        super(isolate_apps, self).__init__(**kwargs)

    def enable(self):
        self.old_apps = Options.default_apps
        registry = Apps([label for label in self.installed_apps if _importable(label)])
        Options.default_apps = registry
        return registry

    def disable(self):
        Options.default_apps = self.old_apps


def _importable(name):
    try:
        __import__(name)
    except ImportError:
        # Django's test apps are labels of modules; ours are often bare labels of test models.
        return False
    return True


class CaptureQueriesContext(object):
    """Records the statements ``connection`` runs inside the block (``captured_queries``)."""

    def __init__(self, connection):
        self.connection = connection

    def __iter__(self):
        return iter(self.captured_queries)

    def __getitem__(self, index):
        return self.captured_queries[index]

    def __len__(self):
        return len(self.captured_queries)

    @property
    def captured_queries(self):
        return self.connection.queries[self.initial_queries:self.final_queries]

    def __enter__(self):
        self.force_debug_cursor = self.connection.force_debug_cursor
        self.connection.force_debug_cursor = True
        # Connection set-up statements are not the block's.
        self.connection.ensure_connection()
        self.initial_queries = len(self.connection.queries_log)
        self.final_queries = None
        request_started.disconnect(dispatch_uid=_RESET_QUERIES_UID)
        return self

    def __exit__(self, exc_type, exc_value, tb):
        self.connection.force_debug_cursor = self.force_debug_cursor
        request_started.connect(reset_queries, dispatch_uid=_RESET_QUERIES_UID)
        if exc_type is not None:
            return
        self.final_queries = len(self.connection.queries_log)


class Approximate(object):
    """Equal to numbers within ``places`` decimal places of ``val`` (``assertEqual(x, Approximate(1.0))``)."""

    def __init__(self, val, places=7):
        self.val = val
        self.places = places

    def __repr__(self):
        return repr(self.val)

    def __eq__(self, other):
        return self.val == other or round(abs(self.val - other), self.places) == 0

    def __ne__(self, other):
        return not self == other

    __hash__ = None


@contextmanager
def extend_sys_path(*paths):
    """``sys.path`` extended with ``paths`` for the block."""
    saved = list(sys.path)
    sys.path.extend(paths)
    try:
        yield
    finally:
        sys.path[:] = saved


@contextmanager
def register_lookup(field, *lookups, **kwargs):
    """``field`` (a Field or Transform class) has the lookups for the block only."""
    lookup_name = kwargs.pop("lookup_name", None)
    try:
        for lookup in lookups:
            field.register_lookup(lookup, lookup_name)
        yield
    finally:
        for lookup in lookups:
            field._unregister_lookup(lookup, lookup_name)


class override_script_prefix(TestContextDecorator):
    """``get_script_prefix()`` returns ``prefix`` inside (reverse() builds URLs under it)."""

    def __init__(self, prefix):
        self.prefix = prefix
        super(override_script_prefix, self).__init__()

    def enable(self):
        self.old_prefix = get_script_prefix()
        set_script_prefix(self.prefix)

    def disable(self):
        set_script_prefix(self.old_prefix)


def tag(*tags):
    """Give a test or test class tags that ``manage.py test --tag`` selects."""
    def decorator(obj):
        obj.tags = set(getattr(obj, "tags", set())) | set(tags)
        return obj
    return decorator


@contextmanager
def captured_output(stream_name):
    """Replace ``sys.<stream_name>`` by a StringIO for the block; yields it."""
    original = getattr(sys, stream_name)
    setattr(sys, stream_name, NativeStringIO())
    try:
        yield getattr(sys, stream_name)
    finally:
        setattr(sys, stream_name, original)


def captured_stdout():
    return captured_output("stdout")


def captured_stderr():
    return captured_output("stderr")


def captured_stdin():
    return captured_output("stdin")


# --- The test environment ----------------------------------------------------------------

class _TestState(object):
    saved = None


def setup_test_environment(debug=None):
    """Settings for a test run: locmem e-mail (``mail.outbox``), ``DEBUG`` (False unless ``debug``),
    ALLOWED_HOSTS accepting ``testserver``. Undo with teardown_test_environment()."""
    if _TestState.saved is not None:
        raise RuntimeError("setup_test_environment() was already called and can't be called again "
                           "without first calling teardown_test_environment().")
    debug = settings.DEBUG if debug is None else debug
    _TestState.saved = {"ALLOWED_HOSTS": settings.ALLOWED_HOSTS, "DEBUG": settings.DEBUG,
                        "EMAIL_BACKEND": settings.EMAIL_BACKEND, "outbox": mail.outbox}
    settings.ALLOWED_HOSTS = list(settings.ALLOWED_HOSTS) + ["testserver"]
    settings.DEBUG = debug
    settings.EMAIL_BACKEND = "pyframework.core.mail.backends.locmem.EmailBackend"
    mail.outbox = []


def teardown_test_environment():
    """Restore what setup_test_environment() changed."""
    saved, _TestState.saved = _TestState.saved, None
    if saved is None:
        return
    settings.ALLOWED_HOSTS = saved["ALLOWED_HOSTS"]
    settings.DEBUG = saved["DEBUG"]
    settings.EMAIL_BACKEND = saved["EMAIL_BACKEND"]
    mail.outbox = saved["outbox"]


def get_unique_databases(aliases=None):
    """The aliases whose test database must be created (those with the same signature share one)."""
    aliases = list(connections) if aliases is None else list(aliases)
    seen = {}
    for alias in aliases:
        connection = connections[alias]
        signature = connection.creation.test_db_signature()
        seen.setdefault(signature, []).append(alias)
    return list(seen.values())


def setup_databases(verbosity=1, interactive=False, keepdb=False, debug_sql=False, parallel=0, aliases=None,
                    serialized_aliases=None, **kwargs):
    """Create the test databases (and run migrate on them); returns what teardown_databases() needs."""
    old_names = []
    for group in get_unique_databases(aliases):
        first = connections[group[0]]
        old_settings = dict(first.settings_dict)
        first.creation.create_test_db(
            verbosity=verbosity, autoclobber=not interactive, keepdb=keepdb,
            serialize=serialized_aliases is None or group[0] in serialized_aliases)
        for mirror in group[1:]:
            connections[mirror].creation.set_as_test_mirror(first.settings_dict)
        old_names.append((first, old_settings, True))
        if debug_sql:
            first.force_debug_cursor = True
    return old_names


def teardown_databases(old_config, verbosity=1, parallel=0, keepdb=False):
    """Destroy the test databases setup_databases() created."""
    for connection, old_settings, destroy in old_config:
        if destroy:
            connection.creation.destroy_test_db(old_settings, verbosity=verbosity, keepdb=keepdb)


def get_runner(settings_obj=None, test_runner_class=None):
    """The test runner class named by ``test_runner_class`` or TEST_RUNNER."""
    path = test_runner_class or getattr(settings_obj or settings, "TEST_RUNNER",
                                        "pyframework.test.runner.DiscoverRunner")
    module_name, _, class_name = path.rpartition(".")
    try:
        return getattr(importlib.import_module(module_name), class_name)
    except (ImportError, AttributeError) as exc:
        raise ImproperlyConfigured("TEST_RUNNER = %r cannot be imported: %s" % (path, exc))


# Whether the process can switch time zones (time.tzset: POSIX CPython, not Windows or Jython).
TZ_SUPPORT = hasattr(time, "tzset")

requires_tz_support = unittest.skipUnless(
    TZ_SUPPORT, "This test relies on the ability to run a program in an arbitrary time zone, but "
                "your operating system isn't able to do that.")


class _Constant(object):
    def __init__(self, value):
        self.value = value

    def __call__(self):
        return self.value


@contextmanager
def freeze_time(t):
    """``time.time()`` answers ``t`` inside the block (signing and cookie expiry tests)."""
    real_time = time.time
    # A callable object, not a function: Jython's time module would bind a function as a method.
    time.time = _Constant(t)
    try:
        yield
    finally:
        time.time = real_time


@contextmanager
def isolate_lru_cache(lru_cache_object):
    """The cache of an ``lru_cache``-decorated function is empty inside the block and after."""
    lru_cache_object.cache_clear()
    try:
        yield
    finally:
        lru_cache_object.cache_clear()


def garbage_collect():
    """Collect garbage now, so that weak references to dropped objects are gone."""
    gc.collect()


class ignore_warnings(TestContextDecorator):
    """Silence warnings matching ``warnings.filterwarnings(**kwargs)`` in the block or test."""

    def __init__(self, **kwargs):
        self.ignore_kwargs = kwargs
        self.filter_func = warnings.filterwarnings if "message" in kwargs or "module" in kwargs \
            else warnings.simplefilter
        super(ignore_warnings, self).__init__()

    def enable(self):
        self.catch_warnings = warnings.catch_warnings()
        self.catch_warnings.__enter__()
        self.filter_func("ignore", **self.ignore_kwargs)

    def disable(self):
        self.catch_warnings.__exit__(*sys.exc_info())
