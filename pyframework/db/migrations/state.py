"""The project's models as plain data (ModelState/ProjectState), and historical model classes built from it.

Migrations never import the project's ``models.py``: each operation edits a
ProjectState, and ``ProjectState.apps`` renders real model classes from it in a
private registry (StateApps) whenever a schema editor or a data migration needs
them. Field instances kept in a ModelState are never attached to a class;
rendering gives every class fresh copies made from ``deconstruct()``.
"""
from __future__ import absolute_import, unicode_literals

import copy
from collections import OrderedDict

from pyframework.apps.config import AppConfig
from pyframework.apps.registry import Apps
from pyframework.db.migrations.exceptions import InvalidBasesError
from pyframework.db.migrations.utils import deep_deconstruct
from pyframework.utils.compat import native_str, string_types

# Meta options a migration keeps track of (those that shape the schema or how data is read).
STATE_OPTIONS = (
    "db_table", "ordering", "unique_together", "indexes", "constraints", "verbose_name",
    "verbose_name_plural", "get_latest_by", "default_related_name", "managed",
    "required_db_vendor", "required_db_features",
)


def clone_field(field):
    """A fresh, unattached copy of ``field`` whose relations name their models by label."""
    name, path, args, kwargs = field.deconstruct()
    kwargs = dict(kwargs)
    for key in ("to", "through"):
        target = kwargs.get(key)
        if target is not None and not isinstance(target, string_types):
            kwargs[key] = target._meta.label
    return field.__class__(*args, **kwargs)


def clone_deconstructible(value):
    """A fresh copy of an Index or a constraint (they remember which model they were set on)."""
    if hasattr(value, "clone"):
        return value.clone()
    path, args, kwargs = value.deconstruct()
    return value.__class__(*args, **kwargs)


def _migration_managers(model):
    """The (name, manager) pairs a historical model gets, as in Django.

    Managers marked ``use_in_migrations`` are copied; a custom default or base manager is
    shimmed by a plain Manager of the same name, so that the historical model has its manager
    under the right name (a model may have a *field* called ``objects``). A lone shim called
    ``objects`` is what every model gets anyway, so it is left out.
    """
    from pyframework.db.models.manager import Manager

    managers, names, default_shim = [], set(), None
    for manager in model._meta.managers:
        if manager.name in names:
            continue
        if manager.use_in_migrations:
            new_manager = copy.copy(manager)
        elif manager is model._base_manager or manager is model._default_manager:
            new_manager = Manager()
            new_manager.model = manager.model
            new_manager.name = manager.name
            if manager is model._default_manager:
                default_shim = new_manager
        else:
            continue
        names.add(manager.name)
        managers.append((manager.name, new_manager))
    if len(managers) == 1 and managers[0] == ("objects", default_shim):
        return []
    return managers


class ModelState(object):
    """One model at one point of the migration history: name, fields, Meta options, bases."""

    def __init__(self, app_label, name, fields, options=None, bases=None, managers=None):
        self.app_label = app_label
        self.name = name
        self.fields = OrderedDict(fields)
        self.options = dict(options or {})
        self.options.setdefault("indexes", [])
        self.options.setdefault("constraints", [])
        self.bases = tuple(bases) if bases else ()
        self.managers = list(managers or [])
        for index in self.options["indexes"]:
            if not getattr(index, "name", None):
                raise ValueError("Indexes in a migration need a name: %r on %s.%s" % (index, app_label, name))

    @property
    def name_lower(self):
        return self.name.lower()

    def get_field(self, name):
        return self.fields[name]

    def clone(self):
        """A copy sharing the (never mutated) field instances; options lists are copied."""
        options = dict((key, list(value) if isinstance(value, list) else value)
                       for key, value in self.options.items())
        return ModelState(self.app_label, self.name, list(self.fields.items()), options,
                          self.bases, list(self.managers))

    @classmethod
    def from_model(cls, model):
        """The state of a live model class (what ``makemigrations`` compares the history with)."""
        meta = model._meta
        fields = [(field.name, clone_field(field)) for field in meta.local_fields]
        fields.extend((field.name, clone_field(field)) for field in meta.local_many_to_many)
        options = {}
        original = getattr(meta, "original_attrs", None)
        for name in STATE_OPTIONS:
            if original is not None and name not in original:
                continue
            if name == "indexes":
                options[name] = [clone_deconstructible(index) for index in meta.indexes]
            elif name == "constraints":
                options[name] = [clone_deconstructible(c) for c in meta.constraints]
            elif name == "unique_together":
                options[name] = set(tuple(item) for item in meta.unique_together or ())
            elif original is not None:
                options[name] = original[name]
            elif name == "db_table" and meta.db_table != "%s_%s" % (meta.app_label, meta.model_name):
                options[name] = meta.db_table
            elif name == "ordering" and meta.ordering:
                options[name] = list(meta.ordering)
        if "unique_together" in options and not options["unique_together"]:
            del options["unique_together"]
        bases = tuple(
            base._meta.label_lower if hasattr(base, "_meta") and not base._meta.abstract else base
            for base in model.__bases__ if _is_concrete_base(base))
        return cls(meta.app_label, meta.object_name, fields, options, bases or None,
                   _migration_managers(model))

    def render(self, apps):
        """Build the historical model class inside the registry ``apps``."""
        from pyframework.db import models

        meta_attrs = {"app_label": self.app_label, "apps": apps}
        for key, value in self.options.items():
            if key == "indexes":
                value = [clone_deconstructible(index) for index in value]
            elif key == "constraints":
                value = [clone_deconstructible(constraint) for constraint in value]
            elif key == "unique_together":
                value = sorted(value)
            meta_attrs[native_str(key)] = value
        bases = []
        for base in self.bases or (models.Model,):
            if isinstance(base, string_types):
                try:
                    base = apps.get_model(*base.split(".", 1))
                except LookupError:
                    raise InvalidBasesError("Cannot resolve base %s of %s.%s" % (base, self.app_label, self.name))
            bases.append(base)
        body = dict((native_str(name), clone_field(field)) for name, field in self.fields.items())
        body[native_str("Meta")] = type(native_str("Meta"), (), meta_attrs)
        body[native_str("__module__")] = native_str("__fake__")
        for name, manager in self.managers:
            body[native_str(name)] = copy.copy(manager)
        return type(native_str(self.name), tuple(bases), body)

    def _comparable(self):
        options = dict(self.options)
        options["unique_together"] = set(options.get("unique_together") or ())
        return (self.app_label, self.name, [(name, deep_deconstruct(field)) for name, field in self.fields.items()],
                deep_deconstruct(options), self.bases)

    def __eq__(self, other):
        return isinstance(other, ModelState) and self._comparable() == other._comparable()

    def __ne__(self, other):
        return not self == other

    __hash__ = object.__hash__

    def __repr__(self):
        return "<ModelState: '%s.%s'>" % (self.app_label, self.name)


def _is_concrete_base(base):
    """Bases worth recording: not ``Model`` itself, not plain ``object``, not abstract models."""
    if base is object:
        return False
    meta = getattr(base, "_meta", None)
    if meta is None:
        return base.__name__ != "Model" or base.__module__.split(".")[0] != "pyframework"
    return not meta.abstract


class ProjectState(object):
    """All models of the project at one point of the history, keyed by ``(app_label, model_name)``."""

    def __init__(self, models=None, real_apps=None):
        self.models = models or {}
        # Apps without migrations: their live models are copied into the rendered registry.
        self.real_apps = set(real_apps or ())
        self._apps = None

    def add_model(self, model_state):
        self.models[(model_state.app_label, model_state.name_lower)] = model_state
        self.changed()

    def remove_model(self, app_label, model_name):
        del self.models[(app_label, model_name.lower())]
        self.changed()

    def get_model_state(self, app_label, model_name):
        try:
            return self.models[(app_label, model_name.lower())]
        except KeyError:
            raise LookupError("No model %s.%s in the migration state" % (app_label, model_name))

    def changed(self):
        """Forget the rendered classes after an edit; they are rebuilt on the next ``apps`` access."""
        self._apps = None

    def clone(self):
        return ProjectState(dict((key, model.clone()) for key, model in self.models.items()), self.real_apps)

    @property
    def apps(self):
        if self._apps is None:
            self._apps = StateApps(self.real_apps, self.models)
        return self._apps

    @classmethod
    def from_apps(cls, apps):
        """The state of the installed apps' models (auto-created M2M tables excluded).

        The registry also holds models declared under labels that are not
        installed (test modules): those have no migrations to compare with.
        """
        models = {}
        for model in apps.get_models():
            if getattr(model._meta, "auto_created", False) or model._meta.app_label not in apps.app_configs:
                continue
            if model._meta.proxy:
                continue  # no table of its own: migrations do not track proxy models (README)
            state = ModelState.from_model(model)
            models[(state.app_label, state.name_lower)] = state
        return cls(models)

    def __eq__(self, other):
        return isinstance(other, ProjectState) and self.models == other.models \
            and self.real_apps == other.real_apps

    def __ne__(self, other):
        return not self == other

    __hash__ = object.__hash__


class AppConfigStub(AppConfig):
    """Stands in for an app inside a StateApps: a label, no module."""

    def __init__(self, label, models):
        self.label = label
        self.name = label
        self.verbose_name = label.title()
        self.module = None
        self.models_module = None
        self.path = None
        self.models = models


class StateApps(Apps):
    """A registry holding the historical models rendered from a ProjectState."""

    def __init__(self, real_apps, models):
        super(StateApps, self).__init__()
        from pyframework.apps import apps as global_apps

        real_models = []
        for label in sorted(real_apps):
            for model in global_apps.get_app_config(label).get_models():
                real_models.append(ModelState.from_model(model))
        labels = set(label for label, _ in models) | set(real_apps)
        self.app_configs = OrderedDict(
            (label, AppConfigStub(label, self.all_models[label])) for label in sorted(labels))
        self.ready = self.apps_ready = self.models_ready = True
        for model_state in real_models:
            model_state.render(self)
        # A multi-table child renders after its parents (its bases name them).
        pending = [models[key] for key in sorted(models)]
        while pending:
            waiting = []
            for model_state in pending:
                try:
                    model_state.render(self)
                except InvalidBasesError:
                    waiting.append(model_state)
            if len(waiting) == len(pending):
                waiting[0].render(self)  # raises: a base that never appears
            pending = waiting
