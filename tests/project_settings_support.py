"""Run tests against a whole project (its settings module and apps), then restore the test settings."""
from __future__ import unicode_literals

import contextlib
import importlib
import sys

from pyframework.apps import apps
from pyframework.test.utils import override_settings


@contextlib.contextmanager
def project_settings(module_name, **overrides):
    """Load every setting of ``module_name`` and its INSTALLED_APPS for the duration of the block."""
    module = importlib.import_module(module_name)
    values = dict((name, getattr(module, name)) for name in dir(module) if name.isupper())
    values.update(overrides)
    saved_apps = apps.get_app_configs()
    with override_settings(**values):
        apps.clear()
        try:
            apps.populate(values.get("INSTALLED_APPS", []))
            yield module
        finally:
            apps.clear()
            apps.populate(saved_apps)


@contextlib.contextmanager
def installed_apps(app_names, **overrides):
    """INSTALLED_APPS (and other ``overrides``) set and the app registry populated for the block."""
    saved_apps = apps.get_app_configs()
    with override_settings(INSTALLED_APPS=list(app_names), **overrides):
        apps.clear()
        try:
            apps.populate(list(app_names))
            yield apps
        finally:
            apps.clear()
            apps.populate(saved_apps)


def forget_modules(*packages):
    """Drop ``packages`` and their submodules from sys.modules (projects built in a temp dir)."""
    for name in list(sys.modules):
        if name.split(".")[0] in packages:
            del sys.modules[name]
