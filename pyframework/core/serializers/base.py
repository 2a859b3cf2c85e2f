"""What every serialization format shares: the Serializer loop over models and fields,
DeserializedObject, and resolving foreign keys and natural keys when loading."""
from __future__ import absolute_import, unicode_literals

import datetime
import decimal

from pyframework.core.exceptions import ObjectDoesNotExist
from pyframework.db import models
from pyframework.utils.compat import NativeStringIO, integer_types, string_types


class SerializerDoesNotExist(KeyError):
    """No serializer is registered for that format."""


class SerializationError(Exception):
    """Something bad happened during serialization."""


class DeserializationError(Exception):
    """Something bad happened during deserialization."""

    @classmethod
    def WithData(cls, original_exc, model, fk, field_value):
        """The error with the object and value it happened on."""
        return cls("%s: (%s:pk=%s) field_value was '%s'" % (original_exc, model, fk, field_value))


class M2MDeserializationError(Exception):
    """A many-to-many value could not be resolved."""

    def __init__(self, original_exc, pk):
        super(M2MDeserializationError, self).__init__(original_exc, pk)
        self.original_exc = original_exc
        self.pk = pk


_PROTECTED_TYPES = integer_types + (type(None), float, decimal.Decimal, datetime.datetime, datetime.date,
                                    datetime.time)


def is_protected_type(value):
    """Values the formats write themselves (numbers, dates, None) rather than as field text."""
    return isinstance(value, _PROTECTED_TYPES)


class Serializer(object):
    """Walks the objects; formats implement start/end_serialization, start/end_object and
    handle_field / handle_fk_field / handle_m2m_field."""

    internal_use_only = False
    stream_class = NativeStringIO

    def serialize(self, queryset, stream=None, fields=None, use_natural_foreign_keys=False,
                  use_natural_primary_keys=False, progress_output=None, object_count=0, **options):
        self.options = options
        self.stream = stream if stream is not None else self.stream_class()
        self.selected_fields = fields
        self.use_natural_foreign_keys = use_natural_foreign_keys
        self.use_natural_primary_keys = use_natural_primary_keys
        self.start_serialization()
        self.first = True
        for obj in queryset:
            self.start_object(obj)
            concrete_model = obj._meta.concrete_model
            if use_natural_primary_keys:
                pk = concrete_model._meta.pk
                pk_parent = pk if pk.remote_field and pk.remote_field.parent_link else None
            else:
                pk_parent = None
            for field in concrete_model._meta.local_fields:
                if not field.serialize and field is not pk_parent:
                    continue
                if field.remote_field is None:
                    if self.selected_fields is None or field.attname in self.selected_fields:
                        self.handle_field(obj, field)
                elif self.selected_fields is None or field.attname[:-3] in self.selected_fields:
                    self.handle_fk_field(obj, field)
            for field in concrete_model._meta.local_many_to_many:
                if field.serialize and (self.selected_fields is None or field.attname in self.selected_fields):
                    self.handle_m2m_field(obj, field)
            self.end_object(obj)
            self.first = False
        self.end_serialization()
        return self.getvalue()

    def start_serialization(self):
        raise NotImplementedError("subclasses of Serializer must provide a start_serialization() method")

    def end_serialization(self):
        pass

    def start_object(self, obj):
        raise NotImplementedError("subclasses of Serializer must provide a start_object() method")

    def end_object(self, obj):
        pass

    def handle_field(self, obj, field):
        raise NotImplementedError("subclasses of Serializer must provide a handle_field() method")

    def handle_fk_field(self, obj, field):
        raise NotImplementedError("subclasses of Serializer must provide a handle_fk_field() method")

    def handle_m2m_field(self, obj, field):
        raise NotImplementedError("subclasses of Serializer must provide a handle_m2m_field() method")

    def getvalue(self):
        """The serialized text, when the stream keeps it (not for a file)."""
        if callable(getattr(self.stream, "getvalue", None)):
            return self.stream.getvalue()


class Deserializer(object):
    """An iterator of DeserializedObject read from a stream or a string."""

    def __init__(self, stream_or_string, **options):
        self.options = options
        if isinstance(stream_or_string, string_types):
            self.stream = NativeStringIO(stream_or_string)
        else:
            self.stream = stream_or_string

    def __iter__(self):
        return self

    def __next__(self):
        raise NotImplementedError("subclasses of Deserializer must provide a __next__() method")

    next = __next__  # Python 2


class DeserializedObject(object):
    """A model instance read from serialized data, with its many-to-many values, not yet saved.

    ``save()`` writes the row as it is (``save_base(raw=True)``: no ``save()`` override and
    no ``pre_save`` side effects such as ``auto_now``) and then the many-to-many rows.
    """

    def __init__(self, obj, m2m_data=None, deferred_fields=None):
        self.object = obj
        self.m2m_data = m2m_data
        self.deferred_fields = deferred_fields

    def __repr__(self):
        return "<%s: %s(pk=%s)>" % (self.__class__.__name__, self.object._meta.label, self.object.pk)

    def save(self, save_m2m=True, using=None, **kwargs):
        models.Model.save_base(self.object, using=using, raw=True, **kwargs)
        if self.m2m_data and save_m2m:
            for accessor_name, object_list in self.m2m_data.items():
                getattr(self.object, accessor_name).set(object_list)
        # The m2m data are written; don't let them be written again.
        self.m2m_data = None

    def save_deferred_fields(self, using=None):
        """Resolve the forward references remembered while loading, now that their targets exist."""
        self.m2m_data = {}
        for field, field_value in self.deferred_fields.items():
            opts = self.object._meta
            label = opts.app_label + "." + opts.model_name
            if isinstance(field.remote_field, models.ManyToManyRel):
                try:
                    values = deserialize_m2m_values(field, field_value, using, handle_forward_references=False)
                except M2MDeserializationError as exc:
                    raise DeserializationError.WithData(exc.original_exc, label, self.object.pk, exc.pk)
                self.m2m_data[field.name] = values
            elif isinstance(field.remote_field, models.ManyToOneRel):
                try:
                    value = deserialize_fk_value(field, field_value, using, handle_forward_references=False)
                except Exception as exc:
                    raise DeserializationError.WithData(exc, label, self.object.pk, field_value)
                setattr(self.object, field.attname, value)
        self.save()


def build_instance(Model, data, db):
    """A Model instance from field values; without a pk, its natural key finds the existing row."""
    default_manager = Model._meta.default_manager
    pk = data.get(Model._meta.pk.attname)
    if pk is None and hasattr(default_manager, "get_by_natural_key") and hasattr(Model, "natural_key"):
        obj = Model(**data)
        obj._state.db = db
        natural_key = obj.natural_key()
        try:
            data[Model._meta.pk.attname] = Model._meta.pk.to_python(
                default_manager.db_manager(db).get_by_natural_key(*natural_key).pk)
        except Model.DoesNotExist:
            pass
    return Model(**data)


def deserialize_m2m_values(field, field_value, using, handle_forward_references):
    model = field.remote_field.model
    if hasattr(model._default_manager, "get_by_natural_key"):
        def m2m_convert(value):
            if hasattr(value, "__iter__") and not isinstance(value, string_types):
                return model._default_manager.db_manager(using).get_by_natural_key(*value).pk
            return model._meta.pk.to_python(value)
    else:
        def m2m_convert(value):
            return model._meta.pk.to_python(value)
    try:
        values = []
        for pk in field_value:
            values.append(m2m_convert(pk))
        return values
    except Exception as exc:
        if isinstance(exc, ObjectDoesNotExist) and handle_forward_references:
            return DEFER_FIELD
        raise M2MDeserializationError(exc, locals().get("pk"))


def deserialize_fk_value(field, field_value, using, handle_forward_references):
    if field_value is None:
        return None
    model = field.remote_field.model
    default_manager = model._default_manager
    field_name = field.remote_field.field_name
    if (hasattr(default_manager, "get_by_natural_key") and hasattr(field_value, "__iter__")
            and not isinstance(field_value, string_types)):
        try:
            obj = default_manager.db_manager(using).get_by_natural_key(*field_value)
        except ObjectDoesNotExist:
            if handle_forward_references:
                return DEFER_FIELD
            raise
        value = getattr(obj, field_name)
        # A foreign key to a model whose pk is itself a foreign key: use the related pk.
        if model._meta.pk.remote_field:
            value = value.pk
        return value
    return model._meta.get_field(field_name).to_python(field_value)


DEFER_FIELD = object()
