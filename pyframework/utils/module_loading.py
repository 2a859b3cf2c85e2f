"""Importing by dotted path, as ``django.utils.module_loading``: ``import_string``,
``cached_import``, ``module_has_submodule``, ``module_dir`` and ``autodiscover_modules``."""
from __future__ import absolute_import, unicode_literals

import importlib
import os
import pkgutil
import sys


def cached_import(module_path, class_name):
    """``getattr(import_module(module_path), class_name)``, without re-running the import
    machinery when the module is already fully imported (on Jython an import costs milliseconds)."""
    module = sys.modules.get(module_path)
    spec = getattr(module, "__spec__", None)
    if module is None or (spec is not None and getattr(spec, "_initializing", False)):
        module = importlib.import_module(module_path)
    return getattr(module, class_name)


def import_string(dotted_path):
    """The attribute named by ``"package.module.name"``; ImportError says what failed."""
    module_path, _, attribute = dotted_path.rpartition(".")
    if not module_path:
        raise ImportError("'%s' is not a dotted path of the form 'module.name'." % dotted_path)
    try:
        return cached_import(module_path, attribute)
    except AttributeError:
        raise ImportError("Module '%s' does not define a '%s' attribute/class." % (module_path, attribute))


def module_has_submodule(package, module_name):
    """True if the package ``package`` (a module object) has a submodule ``module_name``,
    without importing it."""
    try:
        package_name = package.__name__
        package_path = package.__path__
    except AttributeError:
        return False  # not a package
    full_module_name = package_name + "." + module_name
    if full_module_name in sys.modules:
        return True
    finder = getattr(importlib, "util", None)
    if finder is not None and hasattr(finder, "find_spec"):
        try:
            return finder.find_spec(full_module_name) is not None
        except (ImportError, ValueError):
            return False
    # Python 2 (Jython): look in the package's folders.
    return any(loader.find_module(full_module_name) is not None
               for loader in [pkgutil.get_importer(path) for path in package_path] if loader is not None)


def module_dir(module):
    """The folder of a module or package (ValueError for a namespace package spread over several)."""
    paths = list(getattr(module, "__path__", []))
    if len(paths) == 1:
        return paths[0]
    filename = getattr(module, "__file__", None)
    if filename is not None:
        return os.path.dirname(filename)
    raise ValueError("Cannot determine directory containing %s" % module)


def autodiscover_modules(*args, **kwargs):
    """Import ``<app>.<name>`` for each name in ``args`` in every installed app that has it
    (``register_to=site`` restores the site's registry when an import fails, as Django's)."""
    from pyframework.apps import apps  # utils sit below the app registry: imported when called (rarely)

    register_to = kwargs.get("register_to")
    for app_config in apps.get_app_configs():
        for module_to_search in args:
            before = None
            if register_to is not None:
                before = dict(getattr(register_to, "_registry", {}))
            try:
                importlib.import_module("%s.%s" % (app_config.name, module_to_search))
            except Exception:
                if register_to is not None and before is not None:
                    register_to._registry = before
                if module_has_submodule(app_config.module, module_to_search):
                    raise
