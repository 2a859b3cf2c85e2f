"""``ArrayField``: a list of one base field's values in a PostgreSQL array column.

Lookups, as Django's: ``contains`` (``@>``), ``contained_by`` (``<@``), ``overlap``
(``&&``), ``len`` (a transform: ``tags__len__gte=2``), an index (``tags__0``, zero-based
as in Python; SQL arrays start at 1) and a slice (``tags__0_2``). ``exact`` compares
whole arrays. Values are sent and read as array literals and each element goes
through the base field, so any base field that PostgreSQL has a type for works,
nested ``ArrayField`` included.
"""
from __future__ import absolute_import, unicode_literals

import datetime
import json

from pyframework.conf import settings
from pyframework.contrib.postgres.fields.literals import format_array, parse_array
from pyframework.contrib.postgres.forms import SimpleArrayField
from pyframework.contrib.postgres.utils import item_error, require_postgresql
from pyframework.core.exceptions import ValidationError
from pyframework.db.models import Field, IntegerField
from pyframework.db.models.lookups import Exact, Lookup, Transform
from pyframework.utils.compat import string_types
from pyframework.utils.timezone import utc


class ArrayField(Field):
    """``ArrayField(base_field, size=None, **options)``.

    ``base_field`` is an unbound field instance (``models.CharField(max_length=20)``);
    ``size`` is documentation for PostgreSQL (it does not enforce it) and a validation
    limit here, as in Django. The Python value is a list (nested lists for nested fields).
    """

    empty_strings_allowed = False
    default_error_messages = {
        "item_invalid": "Item %(nth)s in the array did not validate:",
        "nested_array_mismatch": "Nested arrays must have the same length.",
        "max_length": "List contains %(show_value)d items, it should contain no more than %(limit_value)d.",
    }

    def __init__(self, base_field, size=None, **kwargs):
        if base_field.is_relation:  # Django's check postgres.E002, raised where the model is defined
            raise TypeError("Base field for array cannot be a related field (%r)." % (base_field,))
        self.base_field = base_field
        self.size = size
        super(ArrayField, self).__init__(**kwargs)

    def contribute_to_class(self, cls, name, private_only=False):
        super(ArrayField, self).contribute_to_class(cls, name, private_only)
        self.base_field.model = cls  # its messages and checks name the model, as Django's do

    def deconstruct(self):
        name, path, args, kwargs = super(ArrayField, self).deconstruct()
        path = "pyframework.contrib.postgres.fields.ArrayField"
        kwargs["base_field"] = self.base_field.clone()
        if self.size is not None:
            kwargs["size"] = self.size
        return name, path, args, kwargs

    def get_internal_type(self):
        return "ArrayField"

    @property
    def description(self):
        return "Array of %s" % self.base_field.get_internal_type()

    def _what(self):
        if getattr(self, "model", None) is not None:
            return "ArrayField %s.%s.%s" % (self.model._meta.app_label, self.model.__name__, self.name)
        return "ArrayField"

    def db_type(self, connection):
        require_postgresql(connection, self._what())
        return "%s[%s]" % (self.base_field.db_type(connection), self.size or "")

    def cast_db_type(self, connection):
        require_postgresql(connection, self._what())
        return "%s[]" % self.base_field.cast_db_type(connection)

    def db_check(self, connection):
        return None

    # -- values ----------------------------------------------------------------

    def to_python(self, value):
        if isinstance(value, string_types):
            value = json.loads(value)  # the serializers' and value_to_string()'s form
        if value is None:
            return None
        return [self.base_field.to_python(item) for item in value]

    def get_prep_value(self, value):
        if value is None or hasattr(value, "resolve_expression"):
            return value
        return [self.base_field.get_prep_value(item) for item in value]

    def get_db_prep_value(self, value, connection, prepared=False):
        if value is None or hasattr(value, "resolve_expression"):
            return value
        require_postgresql(connection, self._what())
        if isinstance(value, (list, tuple)):
            return format_array([self.base_field.get_db_prep_value(item, connection, prepared=prepared)
                                 for item in value])
        return value

    def from_db_value(self, value, expression, connection):
        if value is None:
            return None
        if isinstance(value, string_types):
            value = parse_array(value)
        return self._from_texts(value, connection)

    def _from_texts(self, items, connection):
        base = self.base_field
        if isinstance(base, ArrayField):
            return [None if item is None else base._from_texts(item, connection) for item in items]
        reader = getattr(base, "from_db_value", None)
        values = []
        for item in items:
            if item is not None:
                item = reader(item, None, connection) if reader is not None else base.to_python(item)
                if isinstance(item, datetime.datetime) and item.tzinfo is None and settings.USE_TZ:
                    item = item.replace(tzinfo=utc)  # the column holds UTC, like DateTimeField's
            values.append(item)
        return values

    def value_to_string(self, obj):
        value = self.value_from_object(obj)
        if value is None:
            return None
        return json.dumps([_ItemHolder(self.base_field, item).text() for item in value])

    # -- validation and forms --------------------------------------------------

    def validate(self, value, model_instance):
        super(ArrayField, self).validate(value, model_instance)
        if value is None:
            return
        for index, item in enumerate(value):
            try:
                self.base_field.validate(item, model_instance)
            except ValidationError as error:
                raise self._item_error(index, error)
        if isinstance(self.base_field, ArrayField) and len(set(len(item or ()) for item in value)) > 1:
            raise ValidationError(self.error_messages["nested_array_mismatch"], code="nested_array_mismatch")
        if self.size is not None and len(value) > self.size:
            raise ValidationError(self.error_messages["max_length"], code="max_length",
                                  params={"show_value": len(value), "limit_value": self.size})

    def run_validators(self, value):
        super(ArrayField, self).run_validators(value)
        for index, item in enumerate(value or ()):
            try:
                self.base_field.run_validators(item)
            except ValidationError as error:
                raise self._item_error(index, error)

    def formfield(self, **kwargs):
        defaults = {"form_class": SimpleArrayField, "base_field": self.base_field.formfield(),
                    "max_length": self.size}
        defaults.update(kwargs)
        return super(ArrayField, self).formfield(**defaults)

    def _item_error(self, index, error):
        return item_error(self.error_messages["item_invalid"], index, error)

    # -- lookups ---------------------------------------------------------------

    def get_transform(self, name):
        transform = super(ArrayField, self).get_transform(name)
        if transform is not None:
            return transform
        if "_" in name:
            start, _, end = name.partition("_")
            if start.isdigit() and end.isdigit():
                return _Factory(SliceTransform, int(start), int(end))
        elif name.isdigit():
            return _Factory(IndexTransform, int(name), self.base_field)
        return None


class _ItemHolder(object):
    """An object whose attribute is one element, for the base field's value_to_string()."""

    def __init__(self, field, value):
        self.field = field
        setattr(self, field.attname or "value", value)

    def text(self):
        return self.field.value_to_string(self) if self.field.attname else self.field.to_python(self.value)


class _Factory(object):
    """Builds a transform with fixed arguments from the lhs, as query building expects of a class."""

    def __init__(self, transform, *args):
        self.transform, self.args = transform, args

    def __call__(self, lhs):
        return self.transform(*(self.args + (lhs,)))


class ArrayRHSMixin(object):
    """The value is cast to the column's array type, so PostgreSQL picks the array operator."""

    def process_rhs(self, compiler, connection):
        field = self.lhs.output_field
        require_postgresql(connection, field._what() if isinstance(field, ArrayField) else "ArrayField")
        sql, params = super(ArrayRHSMixin, self).process_rhs(compiler, connection)
        return "CAST(%s AS %s)" % (sql, field.cast_db_type(connection)), params


class _ArrayOperator(ArrayRHSMixin, Lookup):
    operator = None

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return "%s %s %s" % (lhs, self.operator, rhs), list(lhs_params) + list(rhs_params)


@ArrayField.register_lookup
class ArrayContains(_ArrayOperator):
    lookup_name = "contains"
    operator = "@>"


@ArrayField.register_lookup
class ArrayContainedBy(_ArrayOperator):
    lookup_name = "contained_by"
    operator = "<@"


@ArrayField.register_lookup
class ArrayOverlap(_ArrayOperator):
    lookup_name = "overlap"
    operator = "&&"


@ArrayField.register_lookup
class ArrayExact(ArrayRHSMixin, Exact):
    lookup_name = "exact"


@ArrayField.register_lookup
class ArrayLenTransform(Transform):
    """``tags__len``: the number of elements (0 for an empty array, NULL for NULL)."""

    lookup_name = "len"

    def __init__(self, *expressions, **extra):
        extra.setdefault("output_field", IntegerField())
        super(ArrayLenTransform, self).__init__(*expressions, **extra)

    def as_sql(self, compiler, connection):
        require_postgresql(connection, "The len lookup of ArrayField")
        lhs, params = compiler.compile(self.lhs)
        return ("CASE WHEN %s IS NULL THEN NULL ELSE coalesce(array_length(%s, 1), 0) END" % (lhs, lhs),
                list(params) * 2)


class IndexTransform(Transform):
    """``tags__0``: one element (zero-based, as Python), typed as the base field."""

    def __init__(self, index, base_field, *expressions, **extra):
        extra["output_field"] = base_field
        super(IndexTransform, self).__init__(*expressions, **extra)
        self.index = index

    def as_sql(self, compiler, connection):
        require_postgresql(connection, "An index lookup of ArrayField")
        lhs, params = compiler.compile(self.lhs)
        return "%s[%d]" % (lhs, self.index + 1), list(params)

    def get_lookup(self, name):
        return self.output_field.get_lookup(name)

    def get_transform(self, name):
        return self.output_field.get_transform(name)


class SliceTransform(Transform):
    """``tags__0_2``: the elements from index 0 up to (not including) 2, as a list."""

    def __init__(self, start, end, *expressions, **extra):
        super(SliceTransform, self).__init__(*expressions, **extra)
        self.start, self.end = start, end

    def as_sql(self, compiler, connection):
        require_postgresql(connection, "A slice lookup of ArrayField")
        lhs, params = compiler.compile(self.lhs)
        return "%s[%d:%d]" % (lhs, self.start + 1, self.end), list(params)

    def get_lookup(self, name):
        return self.output_field.get_lookup(name)
