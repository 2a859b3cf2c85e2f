"""Generic relations: a row that points at a row of any model, and the way back.

``GenericForeignKey`` combines a ForeignKey to ContentType and a column holding
the other row's primary key (``object_id``)::

    class TaggedItem(models.Model):
        tag = models.SlugField()
        content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
        object_id = models.PositiveIntegerField()
        content_object = GenericForeignKey("content_type", "object_id")

``GenericRelation`` on the pointed-at model is the reverse side: a manager
(``bookmark.tags.all()``, ``.add()``, ``.create()``...), lookups across it
(``Bookmark.objects.filter(tags__tag="django")``), and deleting a bookmark
deletes its tagged items, as in Django. Neither adds a column or a migration.
"""
from __future__ import absolute_import, unicode_literals

from pyframework.contrib.contenttypes.models import ContentType
from pyframework.core import checks
from pyframework.core.exceptions import FieldDoesNotExist, ObjectDoesNotExist
from pyframework.db import DEFAULT_DB_ALIAS, models, transaction
from pyframework.db.models.fields.reverse_related import ForeignObjectRel
from pyframework.db.models.query_utils import PathInfo
from pyframework.utils.compat import string_types
from pyframework.utils.functional import cached_property


def _content_type_id(model, for_concrete_model, using=None):
    return ContentType.objects.db_manager(using).get_for_model(model, for_concrete_model=for_concrete_model).pk


class GenericForeignKey(object):
    """The object named by a content type and an object id (``content_object`` above).

    Reading it loads the object (once; then it is cached on the instance), assigning
    an object sets both columns. It cannot be used in filters: query the two
    fields, or declare a ``GenericRelation`` on the target model.
    """

    auto_created = False
    concrete = False
    editable = False
    hidden = False
    is_relation = True
    many_to_many = False
    many_to_one = True
    one_to_many = False
    one_to_one = False
    primary_key = False
    null = True
    remote_field = None
    related_model = None
    column = None
    choices = None
    unique = False
    blank = True

    def __init__(self, ct_field="content_type", fk_field="object_id", for_concrete_model=True):
        self.ct_field = ct_field
        self.fk_field = fk_field
        self.for_concrete_model = for_concrete_model
        self.name = None
        self.model = None

    def contribute_to_class(self, cls, name, **kwargs):
        self.name = self.attname = name
        self.model = cls
        cls._meta.add_field(self, private=True)
        setattr(cls, name, self)

    def __lt__(self, other):
        return id(self) < id(other)  # Options keeps fields sorted; private fields are only appended

    def __repr__(self):
        return "<%s: %s.%s>" % (type(self).__name__, self.model._meta.label if self.model else "?", self.name)

    def check(self, **kwargs):
        """contenttypes.E001-E004: the two fields exist and one is a ForeignKey to ContentType."""
        opts = self.model._meta
        try:
            opts.get_field(self.fk_field)
        except FieldDoesNotExist:
            return [checks.Error("The GenericForeignKey object ID references the nonexistent field '%s'."
                                 % self.fk_field, obj=self, id="contenttypes.E001")]
        try:
            field = opts.get_field(self.ct_field)
        except FieldDoesNotExist:
            return [checks.Error("The GenericForeignKey content type references the nonexistent field '%s.%s'."
                                 % (opts.object_name, self.ct_field), obj=self, id="contenttypes.E002")]
        if not isinstance(field, models.ForeignKey):
            return [checks.Error("'%s.%s' is not a ForeignKey." % (opts.object_name, self.ct_field),
                                 hint="GenericForeignKeys must use a ForeignKey to "
                                      "'contenttypes.ContentType' as the 'content_type' field.",
                                 obj=self, id="contenttypes.E003")]
        if field.remote_field.model is not ContentType:
            return [checks.Error("'%s.%s' is not a ForeignKey to 'contenttypes.ContentType'."
                                 % (opts.object_name, self.ct_field),
                                 hint="GenericForeignKeys must use a ForeignKey to "
                                      "'contenttypes.ContentType' as the 'content_type' field.",
                                 obj=self, id="contenttypes.E004")]
        return []

    @cached_property
    def _ct_attname(self):
        return self.model._meta.get_field(self.ct_field).attname

    def get_content_type(self, obj=None, id=None, using=None):
        if obj is not None:
            return ContentType.objects.db_manager(obj._state.db).get_for_model(
                obj, for_concrete_model=self.for_concrete_model)
        if id is not None:
            return ContentType.objects.db_manager(using).get_for_id(id)
        raise ValueError("get_content_type() needs an object or a content type id.")

    def _matches(self, instance, obj):
        """Whether the cached ``obj`` is still the one the instance's two columns name."""
        ct_id = getattr(instance, self._ct_attname)
        if ct_id != self.get_content_type(obj=obj).pk:
            return False
        pk_field = obj._meta.pk
        return pk_field.to_python(getattr(instance, self.fk_field)) == obj.pk

    def __get__(self, instance, cls=None):
        if instance is None:
            return self
        cache = instance._state.fields_cache
        obj = cache.get(self.name)
        if obj is not None and self._matches(instance, obj):
            return obj
        obj = None
        ct_id = getattr(instance, self._ct_attname)
        pk_val = getattr(instance, self.fk_field)
        if ct_id is not None and pk_val is not None:
            ct = self.get_content_type(id=ct_id, using=instance._state.db)
            try:
                obj = ct.get_object_for_this_type(using=instance._state.db or DEFAULT_DB_ALIAS, pk=pk_val)
            except (ObjectDoesNotExist, AttributeError):
                obj = None  # the row is gone, or its model (AttributeError: model_class() is None)
        cache[self.name] = obj
        return obj

    def __set__(self, instance, value):
        ct, fk = None, None
        if value is not None:
            ct = self.get_content_type(obj=value)
            fk = value.pk
        setattr(instance, self.ct_field, ct)
        setattr(instance, self.fk_field, fk)
        instance._state.fields_cache[self.name] = value

    def prepare_instance_for_save(self, instance, operation_name):
        """Refuse to save a row pointing at an unsaved object; pick up a pk assigned since."""
        obj = instance._state.fields_cache.get(self.name)
        if obj is None:
            return
        if obj.pk is None:
            raise ValueError("%s() prohibited to prevent data loss due to unsaved related object '%s'."
                             % (operation_name, self.name))
        if getattr(instance, self.fk_field) is None:
            setattr(instance, self.fk_field, obj.pk)

    def prefetch(self, instances, queryset, to_attr):
        """``prefetch_related("content_object")``: one query per content type among ``instances``."""
        if queryset is not None:
            raise ValueError("Custom queryset can't be used for this lookup.")
        keys_by_ct = {}
        for instance in instances:
            ct_id = getattr(instance, self._ct_attname)
            if ct_id is not None and getattr(instance, self.fk_field) is not None:
                keys_by_ct.setdefault(ct_id, set()).add(getattr(instance, self.fk_field))
        found = {}
        fetched = []
        for ct_id, keys in keys_by_ct.items():
            ct = self.get_content_type(id=ct_id, using=instances[0]._state.db)
            model = ct.model_class()
            if model is None:
                continue
            pk_field = model._meta.pk
            for obj in ct.get_all_objects_for_this_type(pk__in=[pk_field.to_python(k) for k in keys]):
                found[(ct_id, obj.pk)] = obj
                fetched.append(obj)
        for instance in instances:
            ct_id = getattr(instance, self._ct_attname)
            obj = None
            if ct_id is not None and ct_id in keys_by_ct:
                model = self.get_content_type(id=ct_id, using=instance._state.db).model_class()
                if model is not None:
                    obj = found.get((ct_id, model._meta.pk.to_python(getattr(instance, self.fk_field))))
            if to_attr:
                setattr(instance, to_attr, obj)
            else:
                instance._state.fields_cache[self.name] = obj
        return fetched


class GenericRel(ForeignObjectRel):
    """The far side of a GenericRelation: lookups from the generic rows back (``bookmark__url``)."""

    auto_created = False
    multiple = True

    def __init__(self, field, to, related_query_name=None, limit_choices_to=None):
        super(GenericRel, self).__init__(field, to, related_name=related_query_name or "+",
                                         related_query_name=related_query_name,
                                         limit_choices_to=limit_choices_to, on_delete=models.DO_NOTHING)

    many_to_many = False
    many_to_one = True
    one_to_many = False
    one_to_one = False

    @property
    def related_model(self):
        return self.field.model

    def get_join_path(self):
        """generic row -> the row it names, for this model's content type only."""
        field = self.field
        target = field.related_model
        extra = (("lhs", field.content_type_column, field.content_type_id()),)
        return [PathInfo(target, field.model, ((field.object_id_column, field.model._meta.pk.column),),
                         field, field.model._meta.pk, True, False, False, extra)]


class GenericRelation(models.Field):
    """The generic rows (of the model ``to``) that point at this row.

    ``bookmark.tags`` is a manager; ``object_id_field``/``content_type_field`` name the
    GenericForeignKey's two fields on ``to``; ``related_query_name`` enables lookups
    from ``to`` back to this model. Deleting a row deletes the generic rows pointing
    at it.
    """

    auto_created = False
    many_to_many = False
    many_to_one = False
    one_to_many = True
    one_to_one = False
    empty_strings_allowed = False

    def __init__(self, to, object_id_field="object_id", content_type_field="content_type",
                 for_concrete_model=True, related_query_name=None, limit_choices_to=None, **kwargs):
        kwargs["rel"] = GenericRel(self, to, related_query_name=related_query_name,
                                   limit_choices_to=limit_choices_to)
        kwargs["blank"] = True
        kwargs["editable"] = False
        kwargs["serialize"] = False
        super(GenericRelation, self).__init__(**kwargs)
        self.is_relation = True
        self.object_id_field_name = object_id_field
        self.content_type_field_name = content_type_field
        self.for_concrete_model = for_concrete_model

    def get_attname_column(self):
        return self.name, None  # no column of its own

    def contribute_to_class(self, cls, name, **kwargs):
        super(GenericRelation, self).contribute_to_class(cls, name, private_only=True)
        setattr(cls, self.name, ReverseGenericManyToOneDescriptor(self))
        if cls._meta.abstract:
            return
        from pyframework.db.models.fields.related import lazy_related_operation

        def resolve(model, related, field):
            field.remote_field.model = related
            field.__dict__.pop("related_model", None)

        lazy_related_operation(resolve, cls, self.remote_field.model, field=self)

    @cached_property
    def related_model(self):
        return self.remote_field.model

    def related_query_name(self):
        return self.remote_field.related_query_name or "+"

    def check(self, **kwargs):
        target = self.remote_field.model
        if isinstance(target, string_types) or not hasattr(target, "_meta"):
            return [checks.Error("Field defines a relation with model '%s', which is either not installed, "
                                 "or is abstract." % (target,), obj=self, id="fields.E300")]
        if not any(isinstance(f, GenericForeignKey) and f.ct_field == self.content_type_field_name
                   and f.fk_field == self.object_id_field_name for f in target._meta.private_fields):
            return [checks.Error("The GenericRelation defines a relation with the model '%s', but that model "
                                 "does not have a GenericForeignKey." % target._meta.label,
                                 obj=self, id="contenttypes.E004")]
        return []

    # -- joins ---------------------------------------------------------------

    @property
    def object_id_column(self):
        return self.related_model._meta.get_field(self.object_id_field_name).column

    @property
    def content_type_column(self):
        return self.related_model._meta.get_field(self.content_type_field_name).column

    def content_type_id(self, using=None):
        return _content_type_id(self.model, self.for_concrete_model, using)

    def get_join_path(self):
        """this row -> the generic rows naming it (its pk in object_id, its content type)."""
        target = self.related_model
        extra = (("rhs", self.content_type_column, self.content_type_id()),)
        return [PathInfo(self.model, target, ((self.model._meta.pk.column, self.object_id_column),),
                         self, target._meta.pk, True, True, False, extra)]

    # -- deletion and prefetching ----------------------------------------------

    def _filter_for(self, objs, using):
        ct_id = self.content_type_id(using)
        return self.related_model._base_manager.db_manager(using).filter(**{
            "%s__pk" % self.content_type_field_name: ct_id,
            "%s__in" % self.object_id_field_name: [obj.pk for obj in objs]})

    def bulk_related_objects(self, objs, using=DEFAULT_DB_ALIAS):
        """The generic rows pointing at ``objs``: the Collector deletes them with ``objs``."""
        return self._filter_for(objs, using)

    def prefetch(self, instances, queryset, to_attr):
        """``prefetch_related("tags")``: one query for the generic rows of every instance."""
        using = instances[0]._state.db
        base = queryset._chain() if queryset is not None else self.related_model._base_manager.db_manager(using).all()
        related = list(base.filter(**{
            "%s__pk" % self.content_type_field_name: self.content_type_id(using),
            "%s__in" % self.object_id_field_name: [obj.pk for obj in instances]}))
        pk_field = self.model._meta.pk
        groups = {}
        for rel_obj in related:
            groups.setdefault(pk_field.to_python(getattr(rel_obj, self.object_id_field_name)), []).append(rel_obj)
        for obj in instances:
            found = groups.get(obj.pk, [])
            if to_attr:
                setattr(obj, to_attr, found)
                continue
            cached = base._chain()
            cached._result_cache = found
            cached._prefetch_done = True
            obj.__dict__.setdefault("_prefetched_objects_cache", {})[self.name] = cached
        return related


class ReverseGenericManyToOneDescriptor(object):
    """``bookmark.tags``: a manager over the generic rows pointing at the bookmark."""

    def __init__(self, field):
        self.field = field

    @cached_property
    def related_manager_cls(self):
        return create_generic_related_manager(self.field.related_model._default_manager.__class__, self.field)

    def __get__(self, instance, cls=None):
        if instance is None:
            return self
        return self.related_manager_cls(instance)

    def __set__(self, instance, value):
        raise TypeError("Direct assignment to the reverse side of a related set is prohibited. Use %s.set() "
                        "instead." % self.field.name)


def create_generic_related_manager(superclass, field):
    """A manager class over the generic rows of ``field.related_model`` pointing at one instance."""

    class GenericRelatedObjectManager(superclass):
        def __init__(self, instance):
            super(GenericRelatedObjectManager, self).__init__()
            if instance.pk is None:
                raise ValueError("%r instance needs a primary key value before a generic relation can be used."
                                 % type(instance).__name__)
            self.instance = instance
            self.model = field.related_model
            self.content_type = ContentType.objects.db_manager(instance._state.db).get_for_model(
                instance, for_concrete_model=field.for_concrete_model)
            self.ct_field = field.content_type_field_name
            self.fk_field = field.object_id_field_name
            self.pk_val = instance.pk
            self.core_filters = {"%s__pk" % self.ct_field: self.content_type.pk, self.fk_field: self.pk_val}

        @property
        def _using(self):
            return self._db or self.instance._state.db

        def _forget_prefetched(self):
            cache = self.instance.__dict__.get("_prefetched_objects_cache")
            if cache:
                cache.pop(field.name, None)

        def get_queryset(self):
            try:
                return self.instance._prefetched_objects_cache[field.name]
            except (AttributeError, KeyError):
                pass
            queryset = super(GenericRelatedObjectManager, self).get_queryset()
            if self._using:
                queryset = queryset.using(self._using)
            return queryset.filter(**self.core_filters)

        def _point(self, obj):
            if not isinstance(obj, self.model):
                raise TypeError("'%s' instance expected, got %r" % (self.model._meta.object_name, obj))
            setattr(obj, self.ct_field, self.content_type)
            setattr(obj, self.fk_field, self.pk_val)

        def add(self, *objs, **kwargs):
            bulk = kwargs.pop("bulk", True)
            _no_more_kwargs(kwargs, "add")
            self._forget_prefetched()
            db = self._using
            for obj in objs:
                self._point(obj)
            if bulk:
                pks = []
                for obj in objs:
                    if obj._state.adding or (db and obj._state.db != db):
                        raise ValueError("%r instance isn't saved. Use bulk=False or save the object first." % obj)
                    pks.append(obj.pk)
                if pks:
                    self.model._base_manager.db_manager(db).filter(pk__in=pks).update(**{
                        self.ct_field: self.content_type, self.fk_field: self.pk_val})
            else:
                with transaction.atomic(using=db, savepoint=False):
                    for obj in objs:
                        obj.save(using=db)

        add.alters_data = True

        def remove(self, *objs, **kwargs):
            """Delete ``objs`` (a generic row cannot exist without its target, as in Django)."""
            bulk = kwargs.pop("bulk", True)
            _no_more_kwargs(kwargs, "remove")
            if objs:
                self._clear(self.filter(pk__in=[obj.pk for obj in objs]), bulk)

        remove.alters_data = True

        def clear(self, **kwargs):
            bulk = kwargs.pop("bulk", True)
            _no_more_kwargs(kwargs, "clear")
            self._clear(self, bulk)

        clear.alters_data = True

        def _clear(self, queryset, bulk):
            self._forget_prefetched()
            db = self._using
            queryset = queryset.using(db)
            if bulk:
                queryset.delete()
            else:
                with transaction.atomic(using=db, savepoint=False):
                    for obj in queryset:
                        obj.delete()

        def set(self, objs, **kwargs):
            bulk = kwargs.pop("bulk", True)
            clear = kwargs.pop("clear", False)
            _no_more_kwargs(kwargs, "set")
            objs = tuple(objs)
            db = self._using
            with transaction.atomic(using=db, savepoint=False):
                if clear:
                    self.clear(bulk=bulk)
                    self.add(*objs, bulk=bulk)
                    return
                old = set(self.using(db).all())
                new = []
                for obj in objs:
                    if obj in old:
                        old.remove(obj)
                    else:
                        new.append(obj)
                self.remove(*old, bulk=bulk)
                self.add(*new, bulk=bulk)

        set.alters_data = True

        def _with_target(self, kwargs):
            self._forget_prefetched()
            kwargs[self.ct_field] = self.content_type
            kwargs[self.fk_field] = self.pk_val
            return super(GenericRelatedObjectManager, self.db_manager(self._using))

        def create(self, **kwargs):
            return self._with_target(kwargs).create(**kwargs)

        create.alters_data = True

        def get_or_create(self, **kwargs):
            return self._with_target(kwargs).get_or_create(**kwargs)

        get_or_create.alters_data = True

        def update_or_create(self, **kwargs):
            return self._with_target(kwargs).update_or_create(**kwargs)

        update_or_create.alters_data = True

    return GenericRelatedObjectManager


def _no_more_kwargs(kwargs, name):
    if kwargs:
        raise TypeError("%s() got unexpected keyword arguments: %s" % (name, ", ".join(sorted(kwargs))))
