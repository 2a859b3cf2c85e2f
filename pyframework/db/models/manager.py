"""Managers: the ``Model.objects`` entry point that hands out QuerySets."""
from __future__ import absolute_import, unicode_literals

import copy
import inspect

from pyframework.db.models.query import QuerySet


class BaseManager(object):
    # Declaration order: the first manager of a model is its default manager.
    creation_counter = 0
    auto_created = False
    use_in_migrations = False

    def __new__(cls, *args, **kwargs):
        obj = super(BaseManager, cls).__new__(cls)
        obj._constructor_args = (args, kwargs)  # for deconstruct()
        return obj

    def __init__(self):
        super(BaseManager, self).__init__()
        self.creation_counter = BaseManager.creation_counter
        BaseManager.creation_counter += 1
        self.model = None
        self.name = None
        self._db = None
        self._hints = {}

    def __str__(self):
        return "%s.%s" % (self.model._meta.label, self.name)

    def __repr__(self):
        return "<%s: %s>" % (type(self).__name__, self if self.model is not None else "unbound")

    def deconstruct(self):
        module = type(self).__module__
        qs_class = getattr(self, "_queryset_class", None)
        if getattr(self, "_built_with_as_manager", False):
            return True, None, "%s.%s" % (qs_class.__module__, qs_class.__name__), None, None
        args, kwargs = self._constructor_args
        return False, "%s.%s" % (module, type(self).__name__), None, args, kwargs

    @classmethod
    def _get_queryset_methods(cls, queryset_class):
        """Manager methods that forward to a fresh QuerySet (public ones, plus ``_insert``/``_update``)."""
        def make_proxy(name):
            def proxy(self, *args, **kwargs):
                return getattr(self.get_queryset(), name)(*args, **kwargs)
            proxy.__name__ = str(name)
            return proxy

        methods = {}
        for klass in reversed(inspect.getmro(queryset_class)):
            for name, value in vars(klass).items():
                if not callable(value) or isinstance(value, (staticmethod, classmethod, type)):
                    continue
                if name in ("_insert", "_update"):
                    pass
                elif name.startswith("_"):
                    continue
                elif getattr(value, "queryset_only", False):
                    continue
                if hasattr(cls, name) and name not in methods:
                    continue
                methods[name] = make_proxy(name)
        return methods

    @classmethod
    def from_queryset(cls, queryset_class, class_name=None):
        if class_name is None:
            class_name = "%sFrom%s" % (cls.__name__, queryset_class.__name__)
        attrs = {"_queryset_class": queryset_class}
        attrs.update(cls._get_queryset_methods(queryset_class))
        return type(str(class_name), (cls,), attrs)

    def contribute_to_class(self, cls, name):
        self.name = self.name or name
        self.model = cls
        setattr(cls, name, ManagerDescriptor(self))
        cls._meta.add_manager(self)

    def db_manager(self, using=None, hints=None):
        obj = copy.copy(self)
        obj._db = using or self._db
        obj._hints = hints or self._hints
        return obj

    @property
    def db(self):
        from pyframework.db import DEFAULT_DB_ALIAS

        return self._db or DEFAULT_DB_ALIAS

    def get_queryset(self):
        """The QuerySet every manager method starts from; override to pre-filter."""
        return self._queryset_class(model=self.model, using=self._db)

    def all(self):
        # Not a proxy: a subclass overriding get_queryset() must see its filter here.
        return self.get_queryset()

    def __eq__(self, other):
        return isinstance(other, self.__class__) and self._constructor_args == other._constructor_args

    def __ne__(self, other):
        return not self == other

    def __hash__(self):
        return id(self)


class Manager(BaseManager.from_queryset(QuerySet)):
    pass


class ManagerDescriptor(object):
    """``Model.objects``: the model's own copy of the manager; not reachable from instances."""

    def __init__(self, manager):
        self.manager = manager

    def __get__(self, instance, cls=None):
        if instance is not None:
            raise AttributeError("Manager isn't accessible via %s instances" % cls.__name__)
        if cls._meta.abstract:
            raise AttributeError("Manager isn't available; %s is abstract" % cls._meta.object_name)
        return cls._meta.managers_map[self.manager.name]


class EmptyManager(Manager):
    def __init__(self, model):
        super(EmptyManager, self).__init__()
        self.model = model

    def get_queryset(self):
        return super(EmptyManager, self).get_queryset().none()
