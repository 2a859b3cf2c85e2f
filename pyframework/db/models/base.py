"""``Model`` and its metaclass: a class per table, an instance per row."""
from __future__ import absolute_import, unicode_literals

import copy

from pyframework.core.exceptions import (
    NON_FIELD_ERRORS, FieldDoesNotExist, ImproperlyConfigured, MultipleObjectsReturned, ObjectDoesNotExist,
)
from pyframework.db.models import signals
from pyframework.db.models.options import Options
from pyframework.db.models.validation import ModelValidationMixin
from pyframework.utils.compat import PY2, native_str, text_type, with_metaclass


def subclass_exception(name, bases, module, attached_to):
    """An exception class named ``name`` nested in ``attached_to`` (``Book.DoesNotExist``)."""
    return type(str(name), bases, {
        "__module__": module,
        "__qualname__": str("%s.%s" % (attached_to.__qualname__ if not PY2 else attached_to.__name__, name)),
    })


def _has_contribute_to_class(value):
    # Only instances: a class (e.g. a nested Meta) may have the method too.
    return not isinstance(value, type) and hasattr(value, "contribute_to_class")


class ModelBase(type):
    """Builds ``_meta``, attaches fields and managers and registers the model."""

    def __new__(cls, name, bases, attrs):
        parents = [b for b in bases if isinstance(b, ModelBase)]
        if not parents:
            return super(ModelBase, cls).__new__(cls, name, bases, attrs)

        module = attrs.pop("__module__")
        new_attrs = {"__module__": module}
        for special in ("__qualname__", "__classcell__", "__doc__"):
            if special in attrs:
                new_attrs[special] = attrs.pop(special)
        attr_meta = attrs.pop("Meta", None)
        contributable = {}
        for obj_name, obj in list(attrs.items()):
            if _has_contribute_to_class(obj):
                contributable[obj_name] = obj
            else:
                new_attrs[obj_name] = obj
        if PY2 and "__str__" in new_attrs and "__unicode__" not in new_attrs:  # pragma: no cover - Jython
            # A model's __str__ returns text; unicode(obj) (text_type: form labels, the admin) must use
            # it rather than the "X object (pk)" of Model.__unicode__.
            new_attrs["__unicode__"] = new_attrs["__str__"]
        new_class = super(ModelBase, cls).__new__(cls, name, bases, new_attrs)

        abstract = getattr(attr_meta, "abstract", False)
        meta = attr_meta or getattr(new_class, "Meta", None)
        concrete_parents = [p for p in parents if hasattr(p, "_meta") and not p._meta.abstract]

        app_label = getattr(meta, "app_label", None)
        if app_label is None:
            app_config = _containing_app_config(module)
            if app_config is None:
                if not abstract:
                    raise RuntimeError(
                        "Model class %s.%s doesn't declare an explicit app_label and isn't in an "
                        "application in INSTALLED_APPS." % (module, name))
            else:
                app_label = app_config.label

        new_class.add_to_class("_meta", Options(meta, app_label))
        if not abstract:
            new_class.add_to_class("DoesNotExist", subclass_exception(
                "DoesNotExist", (ObjectDoesNotExist,), module, new_class))
            new_class.add_to_class("MultipleObjectsReturned", subclass_exception(
                "MultipleObjectsReturned", (MultipleObjectsReturned,), module, new_class))

        for obj_name, obj in contributable.items():
            new_class.add_to_class(obj_name, obj)
        opts = new_class._meta
        if not abstract and concrete_parents:
            _inherit_meta(opts, concrete_parents[0]._meta)
        if opts.proxy:
            _setup_proxy(new_class, concrete_parents, contributable)
        elif not abstract:
            for parent in concrete_parents:
                opts.parents[parent] = _parent_link(new_class, parent, contributable,
                                                    first=parent is concrete_parents[0])

        # Fields of abstract bases are copied into each concrete subclass (those above a concrete
        # parent live in that parent's table).
        covered = set()
        for parent in concrete_parents:
            covered.update(parent.__mro__)
        own_names = set(f.name for f in new_class._meta.local_fields + new_class._meta.local_many_to_many)
        own_names.update(f.name for parent in concrete_parents for f in parent._meta.fields + parent._meta.many_to_many)
        for base in new_class.__mro__[1:]:
            base_meta = base.__dict__.get("_meta")
            if base_meta is None or not base_meta.abstract or base in covered:
                continue
            for field in base_meta.local_fields + base_meta.local_many_to_many:
                if field.name in own_names or field.name in new_attrs:
                    continue  # overridden (or removed with ``name = None``) by the subclass
                own_names.add(field.name)
                new_class.add_to_class(field.name, copy.deepcopy(field))

        if abstract:
            # Subclasses inherit this Meta but are concrete unless they say otherwise.
            if attr_meta is not None:
                attr_meta.abstract = False
            new_class.Meta = attr_meta
            new_class._meta.model = new_class
            return new_class

        new_class._prepare()
        new_class._meta.apps.register_model(new_class._meta.app_label, new_class)
        return new_class

    def add_to_class(cls, name, value):
        if _has_contribute_to_class(value):
            value.contribute_to_class(cls, name)
        else:
            setattr(cls, name, value)

    def _prepare(cls):
        from pyframework.db.models.manager import Manager

        opts = cls._meta
        opts._prepare(cls)
        if not opts.managers:
            if any(f.name == "objects" for f in opts.fields):
                raise ValueError("Model %s must specify a custom Manager, because it has a field "
                                 "named 'objects'." % cls.__name__)
            manager = Manager()
            manager.auto_created = True
            cls.add_to_class("objects", manager)
        if cls.__doc__ is None:
            cls.__doc__ = "%s(%s)" % (cls.__name__, ", ".join(f.name for f in opts.fields))
        signals.class_prepared.send(sender=cls)

    @property
    def _base_manager(cls):
        return cls._meta.base_manager

    @property
    def _default_manager(cls):
        return cls._meta.default_manager


def _inherit_meta(opts, parent_opts):
    # As in Django: a concrete child keeps its parent's ordering and get_latest_by unless it sets them.
    if "ordering" not in opts.original_attrs:
        opts.ordering = list(parent_opts.ordering)
    if "get_latest_by" not in opts.original_attrs:
        opts.get_latest_by = parent_opts.get_latest_by


def _setup_proxy(new_class, concrete_parents, contributable):
    opts = new_class._meta
    name = "%s.%s" % (new_class.__module__, new_class.__name__)
    targets = set(p._meta.concrete_model for p in concrete_parents)
    if not concrete_parents:
        raise TypeError("Proxy model '%s' has no non-abstract model base class." % name)
    if len(targets) > 1:
        raise TypeError("Proxy model '%s' has more than one non-abstract model base class." % name)
    if opts.local_fields or opts.local_many_to_many:
        from pyframework.db.models.query_utils import FieldError

        raise FieldError("Proxy model '%s' contains model fields." % name)
    opts.parents[concrete_parents[0]] = None
    opts.setup_proxy(concrete_parents[0])


def _parent_link(new_class, parent, contributable, first):
    """The OneToOneField(parent_link=True) to ``parent``: declared, or ``<parent>_ptr`` made here."""
    from pyframework.db.models.deletion import CASCADE
    from pyframework.db.models.fields.related import OneToOneField

    for field in new_class._meta.local_fields:
        rel = getattr(field, "remote_field", None)
        if rel is None or not rel.parent_link:
            continue
        target = rel.model
        if target is parent or (not isinstance(target, type) and "%s" % target in (
                parent._meta.label, parent._meta.label_lower, parent.__name__)):
            return field
    attr_name = "%s_ptr" % parent._meta.model_name
    if attr_name in contributable or attr_name in new_class.__dict__:
        raise ImproperlyConfigured(
            "Auto-generated field '%s' in class %r for parent_link to base class %r clashes with declared "
            "field of the same name." % (attr_name, new_class.__name__, parent.__name__))
    has_pk = any(f.primary_key for f in new_class._meta.local_fields)
    link = OneToOneField(parent, on_delete=CASCADE, name=attr_name, auto_created=True, parent_link=True,
                         primary_key=first and not has_pk, serialize=False)
    new_class.add_to_class(attr_name, link)
    return link


def _containing_app_config(module):
    from pyframework.apps import apps

    return apps.get_containing_app_config(module)


class ModelState(object):
    """Per-instance bookkeeping: which database it came from, whether it is saved yet."""

    __slots__ = ("db", "adding", "fields_cache")

    def __init__(self, db=None, adding=True):
        self.db = db
        self.adding = adding
        self.fields_cache = {}  # related objects loaded through forward relations

    def __getstate__(self):
        return {"db": self.db, "adding": self.adding, "fields_cache": self.fields_cache.copy()}

    def __setstate__(self, state):
        self.db = state["db"]
        self.adding = state["adding"]
        self.fields_cache = state["fields_cache"]


class Model(with_metaclass(ModelBase, ModelValidationMixin)):

    def __init__(self, *args, **kwargs):
        cls = self.__class__
        opts = self._meta
        if signals.pre_init._receivers:
            signals.pre_init.send(sender=cls, args=args, kwargs=kwargs)
        self._state = ModelState()
        data = self.__dict__
        fields = opts.concrete_fields
        if len(args) > len(fields):
            raise IndexError("Number of args exceeds number of fields")
        fields_iter = iter(fields)
        for value, field in zip(args, fields_iter):
            if kwargs and field.name in kwargs:
                raise TypeError("%s() got both positional and keyword arguments for field '%s'."
                                % (cls.__name__, field.name))
            data[field.attname] = value
        for field in fields_iter:
            if not kwargs:
                data[field.attname] = field.get_default()
                continue
            if field.attname in kwargs:
                data[field.attname] = kwargs.pop(field.attname)
            elif field.is_relation and field.name in kwargs:
                setattr(self, field.name, kwargs.pop(field.name))
            else:
                data[field.attname] = field.get_default()
        if kwargs:
            for name in list(kwargs):
                if name in opts._property_names:
                    setattr(self, name, kwargs.pop(name))
                    continue
                try:
                    field = opts.get_field(name)
                except FieldDoesNotExist:
                    continue
                if field in opts.private_fields and not field.one_to_many:
                    setattr(self, name, kwargs.pop(name))  # a GenericForeignKey sets its two fields
                    continue
                if field.many_to_many and not field.auto_created:
                    raise TypeError("Direct assignment to the forward side of a many-to-many set is "
                                    "prohibited. Use %s.set() instead." % name)
            if kwargs:
                raise TypeError("%s() got unexpected keyword arguments: %s"
                                % (cls.__name__, ", ".join("'%s'" % k for k in sorted(kwargs))))
        if signals.post_init._receivers:
            signals.post_init.send(sender=cls, instance=self)

    @classmethod
    def from_db(cls, db, field_names, values):
        """Build an instance from a database row without running ``__init__``'s argument handling."""
        new = cls.__new__(cls)
        opts = cls._meta
        if field_names is None or len(values) == len(opts.concrete_fields):
            new.__dict__.update(zip(opts._concrete_attnames, values))
        else:
            attnames = opts._attname_by_name
            new.__dict__.update((attnames.get(name, name), value) for name, value in zip(field_names, values))
        new._state = ModelState(db, False)
        if signals.post_init._receivers:
            signals.post_init.send(sender=cls, instance=new)
        return new

    def __repr__(self):
        return native_str("<%s: %s>" % (self.__class__.__name__, text_type(self)), "utf-8")

    def __str__(self):
        return "%s object (%s)" % (self.__class__.__name__, self.pk)

    if PY2:  # pragma: no cover - Jython
        def __unicode__(self):
            return "%s object (%s)" % (self.__class__.__name__, self.pk)

    def __eq__(self, other):
        if not isinstance(other, Model):
            return NotImplemented
        if self._meta.concrete_model is not other._meta.concrete_model:
            return False
        pk = self.pk
        if pk is None:
            return self is other
        return pk == other.pk

    def __ne__(self, other):
        result = self.__eq__(other)
        return result if result is NotImplemented else not result

    def __hash__(self):
        pk = self.pk
        if pk is None:
            raise TypeError("Model instances without primary key value are unhashable")
        return hash(pk)

    def __getstate__(self):
        state = self.__dict__.copy()
        state["_state"] = copy.copy(state["_state"])
        return state

    def __reduce__(self):
        return _model_unpickle, ((self._meta.app_label, self._meta.object_name),), self.__getstate__()

    # -- primary key -----------------------------------------------------------

    def _get_pk_val(self, meta=None):
        meta = meta or self._meta
        return getattr(self, meta.pk.attname)

    def _set_pk_val(self, value):
        setattr(self, self._meta.pk.attname, value)

    pk = property(_get_pk_val, _set_pk_val)

    def get_deferred_fields(self):
        """attnames of concrete fields not loaded from the database."""
        data = self.__dict__
        return set(f.attname for f in self._meta.concrete_fields if f.attname not in data)

    def serializable_value(self, field_name):
        try:
            field = self._meta.get_field(field_name)
        except FieldDoesNotExist:
            return getattr(self, field_name)
        return getattr(self, field.attname)

    def _get_FIELD_display(self, field):
        value = getattr(self, field.attname)
        for key, label in field.flatchoices:
            if key == value:
                return text_type(label)
        return value if value is None else text_type(value)

    # -- persistence ---------------------------------------------------------

    def refresh_from_db(self, using=None, fields=None, from_queryset=None):
        """Reload field values from the database (all of them, or only ``fields``)."""
        if fields is not None:
            fields = list(fields)
            if not fields:
                return
        opts = self._meta
        db = using or self._state.db
        if from_queryset is None:
            from_queryset = self.__class__._base_manager.db_manager(db).all()
        elif db:
            from_queryset = from_queryset.using(db)
        if fields is not None:
            from_queryset = from_queryset.only(*fields)
        fresh = from_queryset.filter(pk=self.pk).get()
        if fields is None:
            attnames = [f.attname for f in opts.concrete_fields]
        else:
            attnames = [opts.get_field(name).attname for name in fields]
        data = self.__dict__
        cache = self._state.fields_cache
        for field in opts.concrete_fields:
            if field.attname not in attnames:
                continue
            value = fresh.__dict__[field.attname]
            if field.is_relation and data.get(field.attname) != value:
                cache.pop(field.name, None)
            data[field.attname] = value
        if fields is None:
            cache.clear()
            self.__dict__.pop("_prefetched_objects_cache", None)
        self._state.db = fresh._state.db

    def save(self, force_insert=False, force_update=False, using=None, update_fields=None):
        """INSERT or UPDATE this row (UPDATE when the primary key is set and a row matches)."""
        from pyframework.db import DEFAULT_DB_ALIAS, DatabaseError

        self._prepare_related_fields_for_save("save")
        using = using or self._state.db or DEFAULT_DB_ALIAS
        if force_insert and (force_update or update_fields):
            raise ValueError("Cannot force both insert and updating in model saving.")
        if update_fields is not None:
            if not update_fields:
                return
            update_fields = frozenset(update_fields)
            known = self._meta._forward_fields_map
            missing = [name for name in update_fields
                       if name not in known or not known[name].concrete or known[name].primary_key]
            if missing:
                raise ValueError("The following fields do not exist in this model, are m2m fields, "
                                 "or are non-concrete fields: %s" % ", ".join(sorted(missing)))
        elif not force_insert and not self._state.adding and self._state.db == using:
            deferred = self.get_deferred_fields()
            if deferred:
                update_fields = frozenset(f.attname for f in self._meta.concrete_fields
                                          if not f.primary_key and f.attname not in deferred)
        self.save_base(using=using, force_insert=force_insert, force_update=force_update,
                       update_fields=update_fields, _database_error=DatabaseError)

    save.alters_data = True

    def save_base(self, raw=False, force_insert=False, force_update=False, using=None,
                  update_fields=None, _database_error=None):
        cls = self.__class__
        meta = cls._meta
        if _database_error is None:
            from pyframework.db import DatabaseError as _database_error
        if not meta.auto_created and signals.pre_save._receivers:
            signals.pre_save.send(sender=cls, instance=self, raw=raw, using=using, update_fields=update_fields)
        if meta.proxy:
            cls = meta.concrete_model  # a proxy's rows are its concrete model's
        if cls._meta.parents:
            # Multi-table inheritance: the parents' rows first, all of it or nothing.
            from pyframework.db import transaction

            with transaction.atomic(using=using, savepoint=False):
                parent_inserted = self._save_parents(cls, using, update_fields, _database_error)
                updated = self._save_table(raw, cls, force_insert or parent_inserted, force_update, using,
                                           update_fields, _database_error)
        else:
            updated = self._save_table(raw, cls, force_insert, force_update, using, update_fields,
                                       _database_error)
        self._state.db = using
        self._state.adding = False
        if not meta.auto_created and signals.post_save._receivers:
            signals.post_save.send(sender=cls, instance=self, created=not updated,
                                   update_fields=update_fields, raw=raw, using=using)

    save_base.alters_data = True

    def _save_parents(self, cls, using, update_fields, database_error):
        """Save the rows of ``cls``'s parent models (recursively); True if one was inserted."""
        inserted = False
        for parent, link in cls._meta.parents.items():
            if link is None:
                continue
            parent_pk = parent._meta.pk.attname
            # The link and the parent's primary key hold the same value: fill whichever is missing.
            if getattr(self, parent_pk) is None and getattr(self, link.attname) is not None:
                setattr(self, parent_pk, getattr(self, link.attname))
            parent_inserted = self._save_parents(parent, using, update_fields, database_error)
            updated = self._save_table(False, parent, parent_inserted, False, using, update_fields,
                                       database_error)
            if not updated:
                inserted = True
            setattr(self, link.attname, getattr(self, parent_pk))
            cached = self._state.fields_cache.get(link.name)
            if cached is not None and cached.pk != getattr(self, parent_pk):
                del self._state.fields_cache[link.name]
        return inserted

    def _save_table(self, raw, cls, force_insert, force_update, using, update_fields, database_error):
        meta = cls._meta
        pk_field = meta.pk
        non_pks = [f for f in meta.local_concrete_fields if not f.primary_key]
        if update_fields:
            non_pks = [f for f in non_pks if f.name in update_fields or f.attname in update_fields]
        pk_val = getattr(self, pk_field.attname)
        if pk_val is None:
            pk_val = pk_field.get_default()
            setattr(self, pk_field.attname, pk_val)
        pk_set = pk_val is not None
        if not pk_set and (force_update or update_fields):
            raise ValueError("Cannot force an update in save() with no primary key.")
        # A new instance whose pk comes from a default (UUIDs) cannot match a row: skip the UPDATE.
        if not raw and not force_insert and self._state.adding and (
                pk_field.has_default() or pk_field.has_db_default()):
            force_insert = True
        updated = False
        if pk_set and not force_insert:
            values = [(f, None, getattr(self, f.attname) if raw else f.pre_save(self, False)) for f in non_pks]
            forced_update = update_fields or force_update
            updated = self._do_update(cls._base_manager.using(using), pk_val, values, forced_update)
            if force_update and not updated:
                raise database_error("Forced update did not affect any rows.")
            if update_fields and not updated:
                raise database_error("Save with update_fields did not affect any rows.")
        if not updated:
            fields = meta.local_concrete_fields
            if not pk_set:
                fields = [f for f in fields if f is not meta.auto_field]
            returning_fields = meta.db_returning_fields
            db_defaulted = [f for f in fields if _is_database_default(self.__dict__.get(f.attname))]
            if db_defaulted and _can_return_columns(using):
                returning_fields = returning_fields + [f for f in db_defaulted if f not in returning_fields]
            results = cls._base_manager._insert([self], fields=fields, returning_fields=returning_fields,
                                                using=using, raw=raw)
            if results:
                for value, field in zip(results[0], returning_fields):
                    setattr(self, field.attname, value)
            for field in db_defaulted:
                if _is_database_default(self.__dict__.get(field.attname)):
                    # Not returned by this database: read from the row on first access.
                    del self.__dict__[field.attname]
        return updated

    def _do_update(self, base_qs, pk_val, values, forced_update):
        filtered = base_qs.filter(pk=pk_val)
        if not values:
            return bool(forced_update) or filtered.exists()
        return filtered._update(values) > 0

    def _prepare_related_fields_for_save(self, operation_name):
        """Refuse to save a row pointing at an unsaved object; pick up pks assigned since."""
        cache = self._state.fields_cache
        if not cache:
            return
        for field in self._meta.private_fields:
            hook = getattr(field, "prepare_instance_for_save", None)
            if hook is not None:
                hook(self, operation_name)
        for field in self._meta.concrete_fields:
            if not field.is_relation or field.name not in cache:
                continue
            obj = cache[field.name]
            if obj is None:
                continue
            if obj.pk is None:
                raise ValueError("%s() prohibited to prevent data loss due to unsaved related object '%s'."
                                 % (operation_name, field.name))
            target_value = getattr(obj, field.target_field.attname)
            if getattr(self, field.attname) in (None, ""):
                setattr(self, field.attname, target_value)
            elif getattr(self, field.attname) != target_value:
                cache.pop(field.name, None)

    def delete(self, using=None, keep_parents=False):
        """Delete this row and, per ``on_delete``, the rows that depend on it."""
        from pyframework.db import DEFAULT_DB_ALIAS
        from pyframework.db.models.deletion import Collector

        if self.pk is None:
            raise ValueError("%s object can't be deleted because its %s attribute is set to None."
                             % (self._meta.object_name, self._meta.pk.attname))
        collector = Collector(using=using or self._state.db or DEFAULT_DB_ALIAS)
        collector.collect([self], keep_parents=keep_parents)
        return collector.delete()

    delete.alters_data = True


def _model_unpickle(model_id):
    from pyframework.apps import apps

    model = apps.get_model(*model_id)
    return model.__new__(model)


def _is_database_default(value):
    from pyframework.db.models.expressions import DatabaseDefault  # expressions import the model layer

    return isinstance(value, DatabaseDefault)


def _can_return_columns(using):
    from pyframework.db import connections

    return connections[using].features.can_return_columns_from_insert
