"""AppConfig: what the framework knows about one entry of INSTALLED_APPS."""
from __future__ import absolute_import, unicode_literals

import importlib
import os
import sys

from pyframework.core.exceptions import ImproperlyConfigured


class AppConfig(object):
    """One installed application: its module, label and directory on disk.

    An app may define ``apps.py`` with an ``AppConfig`` subclass (as in Django);
    ``ready()`` is called once every app is loaded.
    """

    name = None
    label = None
    verbose_name = None

    def __init__(self, app_name, app_module):
        self.name = app_name
        self.module = app_module
        if self.label is None:
            self.label = app_name.rpartition(".")[2]
        if self.verbose_name is None:
            self.verbose_name = self.label.title()
        self.path = self._path_from_module(app_module)

    @staticmethod
    def _path_from_module(module):
        paths = list(getattr(module, "__path__", []))
        if not paths and getattr(module, "__file__", None):
            paths = [os.path.dirname(module.__file__)]
        if not paths:
            raise ImproperlyConfigured("Cannot find the directory of app %r." % module.__name__)
        return os.path.abspath(paths[0])

    models_module = None
    models = None
    apps = None  # the registry that loaded this app (set by Apps.populate)

    def import_models(self):
        """Import ``<app>.models`` if the app has one (its model classes register themselves)."""
        self.models = self.apps.all_models[self.label]
        models_name = "%s.models" % self.name
        try:
            self.models_module = importlib.import_module(models_name)
        except ImportError as exc:
            # No models module is fine; an ImportError raised inside it is a real error.
            if models_name in sys.modules or not _names_missing_module(exc, models_name):
                raise

    def get_models(self, include_auto_created=False):
        return [model for model in list((self.models or {}).values())
                if include_auto_created or not model._meta.auto_created]

    def get_model(self, model_name):
        try:
            return self.models[model_name.lower()]
        except (KeyError, TypeError):
            raise LookupError("App '%s' doesn't have a '%s' model." % (self.label, model_name))

    def ready(self):
        """Hook for start-up work, run once after all apps are registered."""

    @classmethod
    def create(cls, entry):
        """Build the AppConfig for an INSTALLED_APPS entry (a module or an AppConfig path)."""
        try:
            module = importlib.import_module(entry)
        except ImportError as exc:
            module = None
            import_error = exc
        if module is not None:
            config_class = cls._find_config_class(entry)
            return config_class(entry, module)
        # Maybe "app.apps.SomeConfig".
        mod_path, _, cls_name = entry.rpartition(".")
        if mod_path:
            try:
                config_class = getattr(importlib.import_module(mod_path), cls_name)
            except (ImportError, AttributeError):
                config_class = None
            if isinstance(config_class, type) and issubclass(config_class, AppConfig):
                if not config_class.name:
                    raise ImproperlyConfigured("%s must supply a name attribute." % entry)
                return config_class(config_class.name, importlib.import_module(config_class.name))
        raise ImproperlyConfigured(
            "INSTALLED_APPS entry %r cannot be imported (%s). Check the spelling and sys.path."
            % (entry, import_error))

    @classmethod
    def _find_config_class(cls, entry):
        try:
            apps_module = importlib.import_module(entry + ".apps")
        except ImportError:
            return cls
        candidates = [
            value for value in vars(apps_module).values()
            if isinstance(value, type) and issubclass(value, AppConfig) and value is not AppConfig
            and getattr(value, "default", True) and value.__module__ == apps_module.__name__
        ]
        return candidates[0] if len(candidates) == 1 else cls

    def __repr__(self):
        return "<%s: %s>" % (self.__class__.__name__, self.label)


def _names_missing_module(exc, module_name):
    missing = getattr(exc, "name", None)  # Python 3
    if missing is not None:
        return missing == module_name
    message = str(exc)  # Python 2: "No module named models"
    return message.startswith("No module named") and module_name.endswith(message.split()[-1])
