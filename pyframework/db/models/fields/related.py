"""Relation fields: ForeignKey, OneToOneField and ManyToManyField.

A relation may name its target before that model exists (``"self"``,
``"Author"``, ``"blog.Author"``); the app registry calls back once the target
class is registered, and only then are the reverse accessors installed.
"""
from __future__ import absolute_import, unicode_literals

import functools

from pyframework.core import exceptions
from pyframework.db.models.deletion import SET_DEFAULT, SET_NULL
from pyframework.db.models.fields import Field
from pyframework.db.models.fields.related_descriptors import (
    ForeignKeyDeferredAttribute, ForwardManyToOneDescriptor, ForwardOneToOneDescriptor,
    ReverseManyToOneDescriptor, ReverseOneToOneDescriptor,
)
from pyframework.db.models.fields.reverse_related import ManyToOneRel, OneToOneRel
from pyframework.db.models.utils import make_model_tuple, resolve_relation
from pyframework.utils.compat import string_types
from pyframework.utils.functional import cached_property

RECURSIVE_RELATIONSHIP_CONSTANT = "self"


def lazy_related_operation(function, model, *related_models, **kwargs):
    """Run ``function(model, *related_model_classes, **kwargs)`` once every model is registered."""
    models = [model] + [resolve_relation(model, rel) for rel in related_models]
    keys = [make_model_tuple(m) for m in models]
    model._meta.apps.lazy_model_operation(functools.partial(function, **kwargs), *keys)


def _check_target(to, field_class):
    if isinstance(to, string_types) or hasattr(to, "_meta"):
        return
    raise TypeError("%s(%r) is invalid. The first parameter to %s must be either a model, a model "
                    "name, or the string %r" % (field_class.__name__, to, field_class.__name__,
                                                RECURSIVE_RELATIONSHIP_CONSTANT))


class RelatedField(Field):
    """Common behaviour of fields that point at another model."""

    one_to_many = False
    one_to_one = False
    many_to_many = False
    many_to_one = False

    @cached_property
    def related_model(self):
        return self.remote_field.model

    def contribute_to_class(self, cls, name, private_only=False):
        super(RelatedField, self).contribute_to_class(cls, name, private_only=private_only)
        self.opts = cls._meta
        if cls._meta.abstract:
            return  # resolved on each concrete subclass, where %(class)s has a meaning
        names = {"class": cls.__name__.lower(), "model_name": cls._meta.model_name,
                 "app_label": cls._meta.app_label.lower()}
        if self.remote_field.related_name:
            self.remote_field.related_name = self.remote_field.related_name % names
        if self.remote_field.related_query_name:
            self.remote_field.related_query_name = self.remote_field.related_query_name % names

        def resolve_related_class(model, related, field):
            field.remote_field.model = related
            field.do_related_class(related, model)

        lazy_related_operation(resolve_related_class, cls, self.remote_field.model, field=self)

    def do_related_class(self, other, cls):
        self.__dict__.pop("related_model", None)
        if self.verbose_name is None:
            self.verbose_name = other._meta.verbose_name
        self.remote_field.set_field_name()
        self.contribute_to_related_class(other, self.remote_field)

    def contribute_to_related_class(self, cls, related):
        pass

    def related_query_name(self):
        """Name for lookups from the target model back to this one (``author__book__title``)."""
        rel = self.remote_field
        if rel.related_query_name:
            return rel.related_query_name
        if rel.related_name:
            return rel.related_name
        default = self.opts.default_related_name
        if default:
            return default % {"class": self.model.__name__.lower(), "model_name": self.opts.model_name,
                              "app_label": self.opts.app_label.lower()}
        return self.opts.model_name

    @property
    def target_field(self):
        return self.foreign_related_fields[0]

    def _deconstruct_target(self, kwargs):
        target = self.remote_field.model
        kwargs["to"] = target if isinstance(target, string_types) else target._meta.label
        rel = self.remote_field
        if rel.related_name is not None:
            kwargs["related_name"] = rel.related_name
        if rel.related_query_name is not None:
            kwargs["related_query_name"] = rel.related_query_name
        if rel.limit_choices_to:
            kwargs["limit_choices_to"] = rel.limit_choices_to


class ForeignKey(RelatedField):
    """Many-to-one: the ``<name>_id`` column holds the target row's key."""

    descriptor_class = ForeignKeyDeferredAttribute
    many_to_one = True
    rel_class = ManyToOneRel
    forward_descriptor_class = ForwardManyToOneDescriptor
    reverse_descriptor_class = ReverseManyToOneDescriptor
    empty_strings_allowed = False
    default_error_messages = {"invalid": "%(model)s instance with %(field)s %(value)r does not exist."}

    def __init__(self, to, on_delete=None, related_name=None, related_query_name=None,
                 limit_choices_to=None, parent_link=False, to_field=None, db_constraint=True, **kwargs):
        _check_target(to, type(self))
        if not callable(on_delete):
            raise TypeError("on_delete must be callable (CASCADE, PROTECT, SET_NULL, ...).")
        if on_delete is SET_NULL and not kwargs.get("null", False):
            raise exceptions.ImproperlyConfigured(
                "on_delete=SET_NULL needs null=True on the field (%s)." % (kwargs.get("name") or "ForeignKey"))
        if on_delete is SET_DEFAULT and "default" not in kwargs:
            raise exceptions.ImproperlyConfigured("on_delete=SET_DEFAULT needs a default on the field.")
        kwargs["rel"] = self.rel_class(self, to, to_field, related_name=related_name,
                                       related_query_name=related_query_name,
                                       limit_choices_to=limit_choices_to, parent_link=parent_link,
                                       on_delete=on_delete)
        kwargs.setdefault("db_index", True)
        super(ForeignKey, self).__init__(**kwargs)
        self.db_constraint = db_constraint
        self.to_fields = [to_field]

    def contribute_to_class(self, cls, name, private_only=False):
        super(ForeignKey, self).contribute_to_class(cls, name, private_only=private_only)
        setattr(cls, self.name, self.forward_descriptor_class(self))

    def contribute_to_related_class(self, cls, related):
        if not related.is_hidden():
            setattr(cls, related.get_accessor_name(), self.reverse_descriptor_class(related))

    def get_attname(self):
        return "%s_id" % self.name

    @property
    def foreign_related_fields(self):
        rel = self.remote_field
        if isinstance(rel.model, string_types):
            raise ValueError("Related model %r cannot be resolved" % rel.model)
        if rel.field_name:
            return (rel.model._meta.get_field(rel.field_name),)
        return (rel.model._meta.pk,)

    @property
    def local_related_fields(self):
        return (self,)

    @property
    def related_fields(self):
        return [(self, self.target_field)]

    def get_joining_columns(self, reverse_join=False):
        pairs = ((self.column, self.target_field.column),)
        return tuple((rhs, lhs) for lhs, rhs in pairs) if reverse_join else pairs

    def get_reverse_joining_columns(self):
        return self.get_joining_columns(reverse_join=True)

    def get_local_related_value(self, instance):
        return (getattr(instance, self.attname),)

    def get_foreign_related_value(self, instance):
        return (getattr(instance, self.target_field.attname),)

    # -- values go through the target field's conversions --------------------

    def get_default(self):
        value = super(ForeignKey, self).get_default()
        if hasattr(value, "_meta"):
            return getattr(value, self.target_field.attname)
        return value

    def to_python(self, value):
        return self.target_field.to_python(value)

    def get_prep_value(self, value):
        return self.target_field.get_prep_value(value)

    def get_db_prep_value(self, value, connection, prepared=False):
        if value is None or value == "" and not self.target_field.empty_strings_allowed:
            return None
        return self.target_field.get_db_prep_value(value, connection, prepared)

    def get_db_prep_save(self, value, connection):
        if value is None or value == "" and not self.target_field.empty_strings_allowed:
            return None
        return self.target_field.get_db_prep_save(value, connection)

    def get_db_converters(self, connection):
        return super(ForeignKey, self).get_db_converters(connection) + \
            self.target_field.get_db_converters(connection)

    def get_col(self, alias, output_field=None):
        if output_field is None:
            # Read the column as the target type (a UUID key converts like a UUIDField).
            output_field = self.target_field
            while isinstance(output_field, ForeignKey):
                output_field = output_field.target_field
        return super(ForeignKey, self).get_col(alias, output_field)

    def db_type(self, connection):
        return self.target_field.rel_db_type(connection)

    def db_parameters(self, connection):
        return {"type": self.db_type(connection), "check": self.db_check(connection)}

    def db_check(self, connection):
        return None

    def validate(self, value, model_instance):
        super(ForeignKey, self).validate(value, model_instance)
        if value is None:
            return
        manager = self.remote_field.model._base_manager
        using = getattr(model_instance, "_state", None) and model_instance._state.db
        queryset = manager.db_manager(using).filter(**{self.remote_field.field_name: value})
        if not queryset.exists():
            raise exceptions.ValidationError(
                self.error_messages["invalid"], code="invalid",
                params={"model": self.remote_field.model._meta.verbose_name, "pk": value,
                        "field": self.remote_field.field_name, "value": value})

    def deconstruct(self):
        name, path, args, kwargs = super(ForeignKey, self).deconstruct()
        if self.db_index:
            kwargs.pop("db_index", None)
        else:
            kwargs["db_index"] = False
        self._deconstruct_target(kwargs)
        kwargs["on_delete"] = self.remote_field.on_delete
        to_field = self.to_fields[0]
        if to_field:
            kwargs["to_field"] = to_field
        if not self.db_constraint:
            kwargs["db_constraint"] = False
        if self.remote_field.parent_link:
            kwargs["parent_link"] = True
        return name, path, args, kwargs

    def formfield(self, **kwargs):
        from pyframework.forms.models import ModelChoiceField

        defaults = {"form_class": ModelChoiceField, "queryset": self.remote_field.model._default_manager.all(),
                    "to_field_name": self.remote_field.field_name,
                    "limit_choices_to": self.remote_field.limit_choices_to, "blank": self.blank}
        defaults.update(kwargs)
        return super(ForeignKey, self).formfield(**defaults)


class OneToOneField(ForeignKey):
    """A unique ForeignKey whose reverse accessor returns one object, not a manager."""

    many_to_one = False
    one_to_one = True
    rel_class = OneToOneRel
    forward_descriptor_class = ForwardOneToOneDescriptor
    reverse_descriptor_class = ReverseOneToOneDescriptor

    def __init__(self, to, on_delete=None, to_field=None, **kwargs):
        kwargs["unique"] = True
        super(OneToOneField, self).__init__(to, on_delete, to_field=to_field, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super(OneToOneField, self).deconstruct()
        kwargs.pop("unique", None)
        return name, path, args, kwargs


from pyframework.db.models.fields.many_to_many import ManyToManyField  # noqa: E402,F401
