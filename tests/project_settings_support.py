"""Run tests against a whole project (its settings module and apps), then restore the test settings.

Every change of the app registry here also brings ``admin.site`` in line with the apps
installed (``sync_admin_site``): an app's ``admin.py`` registers its models once, when first
imported, but the tests install and uninstall apps many times in one process.
"""
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
    restore_admin_site()
    with override_settings(**values):
        apps.clear()
        try:
            apps.populate(values.get("INSTALLED_APPS", []))
            sync_admin_site()
            yield module
        finally:
            apps.clear()
            apps.populate(saved_apps)
            sync_admin_site()


@contextlib.contextmanager
def installed_apps(app_names, **overrides):
    """INSTALLED_APPS (and other ``overrides``) set and the app registry populated for the block."""
    saved_apps = apps.get_app_configs()
    restore_admin_site()
    with override_settings(INSTALLED_APPS=list(app_names), **overrides):
        apps.clear()
        try:
            apps.populate(list(app_names))
            sync_admin_site()
            yield apps
        finally:
            apps.clear()
            apps.populate(saved_apps)
            sync_admin_site()


# Every (model, ModelAdmin) ever seen on admin.site, in the order first seen.
_ADMIN_REGISTRATIONS = []


def _registered_by_installed_app(model_admin):
    """False for a ModelAdmin defined in the ``admin`` module of an app that is not installed."""
    module = type(model_admin).__module__
    if not module.endswith(".admin"):
        return True  # e.g. made by ``register(Model, **options)``: the model's app decides
    return apps.is_installed(module[:-len(".admin")])


def _default_site_registry():
    """admin.site's registry after remembering what it holds, or None if the admin was never imported."""
    sites = sys.modules.get("pyframework.contrib.admin.sites")
    if sites is None:
        return None
    registry = sites.site._registry
    for model, model_admin in registry.items():
        if not any(seen is model_admin for _model, seen in _ADMIN_REGISTRATIONS):
            _ADMIN_REGISTRATIONS.append((model, model_admin))
    return registry


def restore_admin_site():
    """Before installing apps: every model remembered back on admin.site (its latest ModelAdmin),
    so an ``admin.py`` imported for the first time finds what it unregisters or extends."""
    registry = _default_site_registry()
    if registry is not None:
        registry.update(_ADMIN_REGISTRATIONS)


def sync_admin_site():
    """After installing apps: ``admin.site`` as autodiscovery would leave it for them.

    For each model of an installed app the site holds the latest registration made by an
    installed app's ``admin.py``: the example project's ``UserAdmin`` while the project is
    installed, contrib.auth's own otherwise.
    """
    registry = _default_site_registry()
    if registry is None:
        return
    installed = set(config.label for config in apps.get_app_configs())
    registry.clear()
    for model, model_admin in _ADMIN_REGISTRATIONS:
        if model._meta.app_label in installed and _registered_by_installed_app(model_admin):
            registry[model] = model_admin


def forget_modules(*packages):
    """Drop ``packages`` and their submodules from sys.modules (projects built in a temp dir)."""
    for name in list(sys.modules):
        if name.split(".")[0] in packages:
            del sys.modules[name]
