"""The ``python`` format: lists of ``{"model": "app.model", "pk": ..., "fields": {...}}`` dicts.

The other formats build on it: they turn these dicts into text and back.
"""
from __future__ import absolute_import, unicode_literals

from pyframework.apps import apps
from pyframework.core.serializers import base
from pyframework.db import DEFAULT_DB_ALIAS, models
from pyframework.utils.compat import text_type


class Serializer(base.Serializer):
    """Serializes a QuerySet to basic Python objects."""

    internal_use_only = True

    def start_serialization(self):
        self._current = None
        self.objects = []

    def end_serialization(self):
        pass

    def start_object(self, obj):
        self._current = {}

    def end_object(self, obj):
        self.objects.append(self.get_dump_object(obj))
        self._current = None

    def get_dump_object(self, obj):
        data = {"model": text_type(obj._meta.label_lower)}
        if not self.use_natural_primary_keys or not hasattr(obj, "natural_key"):
            data["pk"] = self._value_from_field(obj, obj._meta.pk)
        data["fields"] = self._current
        return data

    def _value_from_field(self, obj, field):
        value = field.value_from_object(obj)
        # Numbers, dates and None are written by the format itself; everything else as text.
        if base.is_protected_type(value):
            return value
        return field.value_to_string(obj)

    def handle_field(self, obj, field):
        self._current[field.name] = self._value_from_field(obj, field)

    def handle_fk_field(self, obj, field):
        if self.use_natural_foreign_keys and hasattr(field.remote_field.model, "natural_key"):
            related = getattr(obj, field.name)
            value = related.natural_key() if related else None
            if value is not None:
                value = list(value)
        else:
            value = self._value_from_field(obj, field)
        self._current[field.name] = value

    def handle_m2m_field(self, obj, field):
        if not field.remote_field.through._meta.auto_created:
            return  # rows of an explicit through model are serialized as that model's objects
        if self.use_natural_foreign_keys and hasattr(field.remote_field.model, "natural_key"):
            def m2m_value(value):
                return list(value.natural_key())
        else:
            def m2m_value(value):
                return self._value_from_field(value, value._meta.pk)
        self._current[field.name] = [m2m_value(related) for related in getattr(obj, field.name).all()]

    def getvalue(self):
        return self.objects


def Deserializer(object_list, **options):
    """DeserializedObjects from a list of dicts.

    ``using``: the database natural keys are looked up in; ``ignorenonexistent``: skip
    fields and models that don't exist (instead of raising); ``handle_forward_references``:
    a natural key not found yet is deferred (``DeserializedObject.deferred_fields``).
    """
    using = options.pop("using", DEFAULT_DB_ALIAS)
    ignorenonexistent = options.pop("ignorenonexistent", False)
    handle_forward_references = options.pop("handle_forward_references", False)
    field_names_cache = {}
    for d in object_list:
        try:
            Model = _get_model(d["model"])
        except base.DeserializationError:
            if ignorenonexistent:
                continue
            raise
        data = {}
        if "pk" in d:
            try:
                data[Model._meta.pk.attname] = Model._meta.pk.to_python(d.get("pk"))
            except Exception as exc:
                raise base.DeserializationError.WithData(exc, d["model"], d.get("pk"), None)
        m2m_data = {}
        deferred_fields = {}
        if Model not in field_names_cache:
            field_names_cache[Model] = set(field.name for field in Model._meta.get_fields())
        field_names = field_names_cache[Model]
        for field_name, field_value in (d.get("fields") or {}).items():
            if ignorenonexistent and field_name not in field_names:
                continue
            field = Model._meta.get_field(field_name)
            if field.remote_field and isinstance(field.remote_field, models.ManyToManyRel):
                try:
                    values = base.deserialize_m2m_values(field, field_value, using, handle_forward_references)
                except base.M2MDeserializationError as exc:
                    raise base.DeserializationError.WithData(exc.original_exc, d["model"], d.get("pk"), exc.pk)
                if values is base.DEFER_FIELD:
                    deferred_fields[field] = field_value
                else:
                    m2m_data[field.name] = values
            elif field.remote_field and isinstance(field.remote_field, models.ManyToOneRel):
                try:
                    value = base.deserialize_fk_value(field, field_value, using, handle_forward_references)
                except Exception as exc:
                    raise base.DeserializationError.WithData(exc, d["model"], d.get("pk"), field_value)
                if value is base.DEFER_FIELD:
                    deferred_fields[field] = field_value
                else:
                    data[field.attname] = value
            else:
                try:
                    data[field.name] = field.to_python(field_value)
                except Exception as exc:
                    raise base.DeserializationError.WithData(exc, d["model"], d.get("pk"), field_value)
        obj = base.build_instance(Model, data, using)
        yield base.DeserializedObject(obj, m2m_data, deferred_fields)


def _get_model(model_identifier):
    """The model class of ``app_label.model_name``."""
    try:
        return apps.get_model(model_identifier)
    except (LookupError, TypeError, ValueError):
        raise base.DeserializationError("Invalid model identifier: '%s'" % model_identifier)
