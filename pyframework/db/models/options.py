"""``Model._meta``: everything the ORM knows about one model class."""
from __future__ import absolute_import, unicode_literals

import bisect
import copy
import re
from collections import OrderedDict

from pyframework.core.exceptions import FieldDoesNotExist, ImproperlyConfigured
from pyframework.utils.compat import string_types
from pyframework.utils.functional import cached_property

DEFAULT_NAMES = (
    "verbose_name", "verbose_name_plural", "db_table", "ordering", "unique_together",
    "permissions", "get_latest_by", "order_with_respect_to", "app_label", "db_tablespace",
    "abstract", "managed", "proxy", "indexes", "constraints", "default_related_name",
    "base_manager_name", "default_manager_name", "required_db_vendor", "required_db_features",
    "index_together", "db_table_comment",
    "select_on_save", "default_permissions", "apps", "auto_created",
)

# Cached properties that depend on the set of fields; reset when a field is added.
FIELD_CACHES = (
    "fields", "many_to_many", "concrete_fields", "local_concrete_fields", "related_objects",
    "_forward_fields_map", "fields_map", "_reverse_fields_map", "db_returning_fields",
    "managers", "base_manager", "default_manager", "_property_names", "_concrete_attnames",
    "_attname_by_name", "managers_map",
)


def camel_case_to_spaces(value):
    return re.sub(r"(((?<=[a-z])[A-Z])|([A-Z](?![A-Z]|$)))", r" \1", value).strip().lower()


def normalize_together(option):
    """``unique_together = ("a", "b")`` is shorthand for ``(("a", "b"),)``."""
    if not option:
        return ()
    if not isinstance(option, (tuple, list)):
        raise ImproperlyConfigured("unique_together must be a tuple or list, not %r." % (option,))
    first = option[0]
    if isinstance(first, string_types):
        return (tuple(option),)
    return tuple(tuple(group) for group in option)


class Options(object):
    default_apps = None  # the registry models go to when Meta.apps is not set (None: the project's)

    def __init__(self, meta, app_label=None):
        self.meta = meta
        self.local_fields = []
        self.local_many_to_many = []
        self.private_fields = []
        self.local_managers = []
        self.model_name = None
        self.object_name = None
        self.verbose_name = None
        self.verbose_name_plural = None
        self.db_table = ""
        self.ordering = []
        self.indexes = []
        self.constraints = []
        self.unique_together = ()
        self.index_together = ()
        self.permissions = []
        self.default_permissions = ("add", "change", "delete", "view")
        self.get_latest_by = None
        self.order_with_respect_to = None
        self.db_tablespace = ""
        self.required_db_vendor = None
        self.required_db_features = ()
        self.db_table_comment = ""
        self.select_on_save = False
        self.app_label = app_label
        self.pk = None
        self.auto_field = None
        self.abstract = False
        self.managed = True
        self.proxy = False
        self.default_related_name = None
        self.base_manager_name = None
        self.default_manager_name = None
        self.model = None
        self.parents = OrderedDict()  # parent model -> parent-link field (None: a proxy's target)
        self.auto_created = False
        self.apps = None  # set by contribute_to_class (global registry unless Meta.apps)

    @property
    def label(self):
        return "%s.%s" % (self.app_label, self.object_name)

    @property
    def label_lower(self):
        return "%s.%s" % (self.app_label, self.model_name)

    @property
    def app_config(self):
        return self.apps.app_configs.get(self.app_label)

    def contribute_to_class(self, cls, name):
        from pyframework.apps import apps as global_apps

        cls._meta = self
        self.model = cls
        self.concrete_model = cls  # a proxy model's is set by setup_proxy()
        self.proxy_for_model = None
        self.object_name = cls.__name__
        self.model_name = self.object_name.lower()
        self.verbose_name = camel_case_to_spaces(self.object_name)
        self.original_attrs = {}
        meta = self.meta
        if meta:
            meta_attrs = dict((k, v) for k, v in meta.__dict__.items() if not k.startswith("_"))
            for attr_name in DEFAULT_NAMES:
                if attr_name in meta_attrs:
                    value = meta_attrs.pop(attr_name)
                elif hasattr(meta, attr_name):  # inherited: class Meta(Base.Meta)
                    value = getattr(meta, attr_name)
                else:
                    continue
                setattr(self, attr_name, value)
                self.original_attrs[attr_name] = value
            if meta_attrs:
                raise TypeError("'class Meta' got invalid attribute(s): %s" % ",".join(sorted(meta_attrs)))
        self.unique_together = normalize_together(self.unique_together)
        self.index_together = normalize_together(self.index_together)
        self.ordering = list(self.ordering or [])
        if self.verbose_name_plural is None:
            self.verbose_name_plural = "%ss" % self.verbose_name
        if self.apps is None:
            # isolate_apps() points default_apps at a throw-away registry.
            self.apps = self.default_apps or global_apps
        del self.meta
        # Index and constraint names may use %(app_label)s / %(class)s (abstract bases).
        if not self.abstract:
            self.indexes = [self._format_names(index) for index in self.indexes]
            self.constraints = [self._format_names(c) for c in self.constraints]

    def _format_names(self, obj):
        # Each model gets its own copy: abstract bases share their Meta lists.
        obj = obj.clone()
        if obj.name and "%(" in obj.name:
            obj.name = obj.name % {"app_label": self.app_label.lower(), "class": self.model_name}
        return obj

    def setup_proxy(self, target):
        """A proxy model: ``target``'s table, primary key and concrete model."""
        self.pk = target._meta.pk
        self.proxy_for_model = target
        self.concrete_model = target._meta.concrete_model
        self.db_table = target._meta.db_table

    def _prepare(self, model):
        """Called once the class is built: choose the table name and the primary key."""
        if not self.db_table:
            self.db_table = "%s_%s" % (self.app_label, self.model_name)
        if self.pk is None and self.parents:
            # Multi-table inheritance: the link to the first parent is the primary key.
            link = next(iter(self.parents.values()))
            if link is not None:
                link.primary_key = True
                link.serialize = False
                self.setup_pk(link)
        if self.pk is None:
            from pyframework.db.models.fields import AutoField

            auto = AutoField(verbose_name="ID", primary_key=True, auto_created=True)
            model.add_to_class("id", auto)
        for index in self.indexes:
            if not index.name:
                index.set_name_with_model(model)
        if self.order_with_respect_to:
            raise ImproperlyConfigured("%s: order_with_respect_to is not supported." % self.label)

    def add_field(self, field, private=False):
        if private:
            self.private_fields.append(field)
        elif field.is_relation and field.many_to_many:
            bisect.insort(self.local_many_to_many, field)
        else:
            bisect.insort(self.local_fields, field)
            self.setup_pk(field)
        self._expire_cache()

    def setup_pk(self, field):
        if self.pk is None and field.primary_key:
            self.pk = field
            field.serialize = False

    def add_manager(self, manager):
        self.local_managers.append(manager)
        self._expire_cache()

    def _expire_cache(self):
        for name in FIELD_CACHES:
            self.__dict__.pop(name, None)

    # -- field collections -------------------------------------------------

    # -- inheritance -------------------------------------------------------------

    def get_parent_list(self):
        """Every concrete ancestor, nearest first (multi-table inheritance; a proxy's target too)."""
        result = []
        for parent in self.parents:
            for ancestor in [parent] + parent._meta.get_parent_list():
                if ancestor not in result:
                    result.append(ancestor)
        return result

    def get_ancestor_link(self, ancestor):
        """The parent-link field through which this model reaches ``ancestor`` (None for a proxy)."""
        if ancestor in self.parents:
            return self.parents[ancestor]
        for parent in self.parents:
            link = parent._meta.get_ancestor_link(ancestor)
            if link is not None:
                return self.parents[parent] or link
        return None

    def _inherited(self, name):
        """The fields of ``name`` (``"fields"``, ``"many_to_many"``) this model gets from its parents."""
        result = []
        for parent in self.parents:
            for field in getattr(parent._meta, name):
                if field not in result and not (name == "fields" and field in parent._meta.private_fields):
                    result.append(field)
        return result

    @cached_property
    def fields(self):
        """Forward concrete fields and private fields (no M2M): the parents' first, in declaration order."""
        return tuple(self._inherited("fields")) + tuple(self.local_fields) + tuple(self.private_fields)

    @cached_property
    def concrete_fields(self):
        return tuple(f for f in self.fields if f.concrete)

    @cached_property
    def local_concrete_fields(self):
        return tuple(f for f in self.local_fields if f.concrete)

    @cached_property
    def _concrete_attnames(self):
        return tuple(f.attname for f in self.concrete_fields)

    @cached_property
    def _attname_by_name(self):
        result = {}
        for field in self.concrete_fields:
            result[field.name] = field.attname
            result[field.attname] = field.attname
        return result

    @cached_property
    def many_to_many(self):
        return tuple(self._inherited("many_to_many")) + tuple(self.local_many_to_many)

    @cached_property
    def db_returning_fields(self):
        return [f for f in self.local_concrete_fields if getattr(f, "db_returning", False)]

    @cached_property
    def related_objects(self):
        """Reverse relations (``ForeignObjectRel``) pointing at this model from any registered model."""
        related = []
        # A model and its proxies share their rows, so they share the relations pointing at them.
        concrete = self.concrete_model
        for model in self.apps.get_models(include_auto_created=True):
            opts = model._meta
            for field in opts.local_fields + opts.local_many_to_many + opts.private_fields:
                remote = field.remote_field
                if remote is None or not field.is_relation:
                    continue
                target = remote.model
                if isinstance(target, string_types):
                    continue
                shares_rows = target is self.model or getattr(target, "_meta", None) is not None and \
                    target._meta.concrete_model is concrete
                if shares_rows and (field.concrete or field.many_to_many or not remote.is_hidden()):
                    related.append(remote)
        return tuple(related)

    def get_fields(self, include_hidden=False):
        fields = list(self.fields) + list(self.many_to_many)
        for rel in self.related_objects:
            if include_hidden or not rel.is_hidden():
                fields.append(rel)
        return tuple(fields)

    @cached_property
    def _forward_fields_map(self):
        result = {}
        for field in self.fields + self.many_to_many:
            result[field.name] = field
            attname = getattr(field, "attname", None)
            if attname:
                result[attname] = field
        return result

    @cached_property
    def fields_map(self):
        result = {}
        for parent in self.parents:  # reverse relations to a parent are queried from here too
            if self.parents[parent] is not None:
                result.update(parent._meta.fields_map)
        for rel in self.related_objects:
            result[rel.name] = rel
            query_name = rel.related_query_name() if callable(getattr(rel, "related_query_name", None)) else None
            if query_name:
                result.setdefault(query_name, rel)
        return result

    def get_field(self, field_name):
        """Look a field up by name or attname, then among reverse relations by query name."""
        try:
            return self._forward_fields_map[field_name]
        except KeyError:
            pass
        try:
            return self.fields_map[field_name]
        except KeyError:
            raise FieldDoesNotExist("%s has no field named '%s'" % (self.object_name, field_name))

    # -- managers ------------------------------------------------------------

    @cached_property
    def managers(self):
        found = []
        seen = set()
        for depth, base in enumerate(self.model.__mro__):
            base_meta = getattr(base, "_meta", None)
            if base_meta is None:
                continue
            for manager in base_meta.local_managers:
                if manager.name in seen:
                    continue
                seen.add(manager.name)
                found.append((depth, manager.creation_counter, manager))
        found.sort(key=lambda item: (item[0], item[1]))
        result = []
        for _, _, manager in found:
            # Each model gets its own copy, bound to it (abstract bases share declarations).
            manager = copy.copy(manager)
            manager.model = self.model
            result.append(manager)
        return tuple(result)

    @cached_property
    def managers_map(self):
        return dict((manager.name, manager) for manager in self.managers)

    @cached_property
    def default_manager(self):
        if self.default_manager_name:
            try:
                return self.managers_map[self.default_manager_name]
            except KeyError:
                raise ValueError("%s has no manager named %r" % (self.object_name, self.default_manager_name))
        return self.managers[0] if self.managers else None

    @cached_property
    def base_manager(self):
        from pyframework.db.models.manager import Manager

        if self.base_manager_name:
            return self.managers_map[self.base_manager_name]
        manager = Manager()
        manager.name = "_base_manager"
        manager.model = self.model
        manager.auto_created = True
        return manager

    @cached_property
    def _property_names(self):
        names = set()
        for klass in self.model.__mro__:
            for name, value in vars(klass).items():
                if isinstance(value, property):
                    names.add(name)
        return frozenset(names)

    @cached_property
    def total_unique_constraints(self):
        from pyframework.db.models.constraints import UniqueConstraint

        return [c for c in self.constraints if isinstance(c, UniqueConstraint) and c.condition is None]

    def can_migrate(self, connection):
        """Whether the model gets a table on ``connection`` (a connection object).

        Managed concrete models do, unless ``required_db_vendor`` names another vendor or the
        database lacks one of the ``required_db_features``; with ``connection=None`` only the
        database-independent part is checked.
        """
        if not self.managed or self.proxy or self.abstract:
            return False
        if connection is None:
            return True
        if self.required_db_vendor:
            return self.required_db_vendor == connection.vendor
        return all(getattr(connection.features, feature, False) for feature in self.required_db_features)

    def __repr__(self):
        return "<Options for %s>" % self.object_name

    def __str__(self):
        return self.label_lower
