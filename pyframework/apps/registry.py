"""The registry of installed apps, filled once from INSTALLED_APPS by ``pyframework.setup()``."""
from __future__ import absolute_import, unicode_literals

import functools
import threading
import warnings
from collections import OrderedDict, defaultdict

from pyframework.apps.config import AppConfig
from pyframework.core.exceptions import AppRegistryNotReady, ImproperlyConfigured


class Apps(object):
    def __init__(self):
        self.app_configs = OrderedDict()
        self.ready = False
        self.apps_ready = self.models_ready = False
        self._lock = threading.RLock()
        # app_label -> {model_name: model class}; filled by ModelBase as model classes are
        # created, including models of labels that are not installed (test modules).
        self.all_models = defaultdict(OrderedDict)
        # (app_label, model_name) -> callbacks waiting for that model ("app.Model" references).
        self._pending_operations = defaultdict(list)

    def populate(self, installed_apps):
        """Import every installed app and call each one's ``ready()`` (idempotent)."""
        if self.ready:
            return
        with self._lock:
            if self.ready:
                return
            configs = OrderedDict()
            for entry in installed_apps:
                config = entry if isinstance(entry, AppConfig) else AppConfig.create(entry)
                if config.label in configs:
                    raise ImproperlyConfigured(
                        "Application labels aren't unique, duplicates: %s" % config.label)
                configs[config.label] = config
            self.app_configs = configs
            self.apps_ready = True
            for config in configs.values():
                config.apps = self
                config.import_models()
            self.clear_cache()
            self.models_ready = True
            for config in configs.values():
                config.ready()
            self.ready = True

    def check_ready(self):
        if not self.ready:
            raise AppRegistryNotReady("Apps aren't loaded yet: call pyframework.setup() first.")

    def check_apps_ready(self):
        """The app configs are known (true already while each app's ``ready()`` runs, as in Django)."""
        if not self.apps_ready:
            raise AppRegistryNotReady("Apps aren't loaded yet: call pyframework.setup() first.")

    def get_app_configs(self):
        self.check_apps_ready()
        return list(self.app_configs.values())

    def get_app_config(self, label):
        self.check_apps_ready()
        try:
            return self.app_configs[label]
        except KeyError:
            raise LookupError("No installed app with label %r." % label)

    def is_installed(self, name):
        self.check_apps_ready()
        return any(config.name == name for config in self.app_configs.values())

    # -- models ----------------------------------------------------------------

    def register_model(self, app_label, model):
        """Called by the model metaclass for every concrete model class."""
        model_name = model._meta.model_name
        app_models = self.all_models[app_label]
        existing = app_models.get(model_name)
        if existing is not None and existing is not model:
            if existing.__module__ == model.__module__ and existing.__name__ == model.__name__:
                warnings.warn("Model '%s.%s' was already registered; reloading it replaces the "
                              "earlier class." % (app_label, model_name), RuntimeWarning, stacklevel=2)
            else:
                raise RuntimeError("Conflicting '%s' models in application '%s': %s and %s."
                                   % (model_name, app_label, existing, model))
        app_models[model_name] = model
        self.do_pending_operations(model)
        self.clear_cache()

    def get_models(self, include_auto_created=False):
        """Every registered model class (auto-created M2M through models on request)."""
        result = []
        for app_models in list(self.all_models.values()):
            for model in list(app_models.values()):
                if model._meta.auto_created and not include_auto_created:
                    continue
                result.append(model)
        return result

    def get_model(self, app_label, model_name=None, require_ready=True):
        """``get_model("blog", "Post")`` or ``get_model("blog.Post")``; LookupError if unknown."""
        if model_name is None:
            app_label, _, model_name = app_label.partition(".")
        try:
            return self.all_models[app_label][model_name.lower()]
        except KeyError:
            raise LookupError("App '%s' doesn't have a '%s' model." % (app_label, model_name))

    def get_registered_model(self, app_label, model_name):
        return self.all_models.get(app_label, {}).get(model_name.lower())

    def get_containing_app_config(self, object_name):
        """The installed app whose package contains the module ``object_name`` (or None)."""
        best = None
        for config in self.app_configs.values():
            if object_name == config.name or object_name.startswith(config.name + "."):
                if best is None or len(config.name) > len(best.name):
                    best = config
        return best

    def lazy_model_operation(self, function, *model_keys):
        """Call ``function(*models)`` as soon as every ``(app_label, model_name)`` is registered."""
        if not model_keys:
            function()
            return
        first, rest = model_keys[0], model_keys[1:]

        def apply_next_model(model):
            self.lazy_model_operation(functools.partial(function, model), *rest)

        model = self.get_registered_model(*first)
        if model is None:
            self._pending_operations[(first[0], first[1].lower())].append(apply_next_model)
        else:
            apply_next_model(model)

    def do_pending_operations(self, model):
        key = (model._meta.app_label, model._meta.model_name)
        for function in self._pending_operations.pop(key, []):
            function(model)

    def clear_cache(self):
        """Forget every model's cached field lists (a new model may add reverse relations)."""
        for app_models in list(self.all_models.values()):
            for model in list(app_models.values()):
                model._meta._expire_cache()

    def clear(self):
        """Forget all apps (tests that set up several projects in one process)."""
        with self._lock:
            self.app_configs = OrderedDict()
            self.ready = self.apps_ready = self.models_ready = False


apps = Apps()
