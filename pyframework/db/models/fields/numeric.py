"""Numeric fields: integers, automatic primary keys, floats and decimals."""
from __future__ import absolute_import, unicode_literals

import decimal

from pyframework.core import validators
from pyframework.core.exceptions import ValidationError
from pyframework.db.models.fields import AdaptedValueMixin, Field
from pyframework.utils.compat import integer_types
from pyframework.utils.functional import cached_property


class IntegerField(Field):
    form_class_name = "IntegerField"
    empty_strings_allowed = False
    default_error_messages = {"invalid": "\u201c%(value)s\u201d value must be an integer."}
    # Range of the column type; the database would reject anything outside.
    integer_range = (-2147483648, 2147483647)

    @cached_property
    def validators(self):
        low, high = self.integer_range
        extra = []
        user_min = [v.limit_value for v in self._validators if isinstance(v, validators.MinValueValidator)]
        user_max = [v.limit_value for v in self._validators if isinstance(v, validators.MaxValueValidator)]
        if low is not None and not any(not callable(m) and m >= low for m in user_min):
            extra.append(validators.MinValueValidator(low))
        if high is not None and not any(not callable(m) and m <= high for m in user_max):
            extra.append(validators.MaxValueValidator(high))
        return list(self.default_validators) + self._validators + extra

    def get_prep_value(self, value):
        if value is None or hasattr(value, "resolve_expression"):
            return value
        try:
            return int(value)
        except (TypeError, ValueError) as exc:
            raise exc.__class__("Field '%s' expected a number but got %r." % (self.name, value))

    def to_python(self, value):
        if value is None or isinstance(value, integer_types) and not isinstance(value, bool):
            return value
        try:
            return int(value)
        except (TypeError, ValueError):
            try:
                as_float = float(value)
            except (TypeError, ValueError):
                as_float = None
            if as_float is not None and as_float.is_integer():
                return int(as_float)
            raise ValidationError(self.error_messages["invalid"], code="invalid", params={"value": value})


class BigIntegerField(IntegerField):
    integer_range = (-9223372036854775808, 9223372036854775807)


class SmallIntegerField(IntegerField):
    integer_range = (-32768, 32767)


class PositiveIntegerField(IntegerField):
    integer_range = (0, 2147483647)

    def rel_db_type(self, connection):
        return IntegerField().db_type(connection)

    def formfield(self, **kwargs):
        defaults = {"min_value": 0}
        defaults.update(kwargs)
        return super(PositiveIntegerField, self).formfield(**defaults)


class PositiveBigIntegerField(PositiveIntegerField):
    integer_range = (0, 9223372036854775807)

    def rel_db_type(self, connection):
        return BigIntegerField().db_type(connection)


class PositiveSmallIntegerField(PositiveIntegerField):
    integer_range = (0, 32767)

    def rel_db_type(self, connection):
        return SmallIntegerField().db_type(connection)


class AutoFieldMixin(object):
    """A primary key the database fills in on INSERT."""

    db_returning = True

    def __init__(self, *args, **kwargs):
        kwargs["blank"] = True
        super(AutoFieldMixin, self).__init__(*args, **kwargs)
        if not self.primary_key:
            raise ValueError("%s must be created with primary_key=True." % type(self).__name__)

    def deconstruct(self):
        name, path, args, kwargs = super(AutoFieldMixin, self).deconstruct()
        kwargs.pop("blank", None)
        kwargs["primary_key"] = True
        return name, path, args, kwargs

    def validate(self, value, model_instance):
        pass

    def get_db_prep_value(self, value, connection, prepared=False):
        if not prepared:
            value = self.get_prep_value(value)
        return value

    def contribute_to_class(self, cls, name, **kwargs):
        if cls._meta.auto_field is not None:
            raise ValueError("Model %s can't have more than one auto-generated field." % cls._meta.label)
        super(AutoFieldMixin, self).contribute_to_class(cls, name, **kwargs)
        cls._meta.auto_field = self

    def formfield(self, **kwargs):
        return None  # the database assigns it: never a form input


class AutoField(AutoFieldMixin, IntegerField):
    def rel_db_type(self, connection):
        return IntegerField().db_type(connection)


class BigAutoField(AutoFieldMixin, BigIntegerField):
    def rel_db_type(self, connection):
        return BigIntegerField().db_type(connection)


class SmallAutoField(AutoFieldMixin, SmallIntegerField):
    def rel_db_type(self, connection):
        return SmallIntegerField().db_type(connection)


class FloatField(Field):
    form_class_name = "FloatField"
    empty_strings_allowed = False
    default_error_messages = {"invalid": "\u201c%(value)s\u201d value must be a float."}

    def get_prep_value(self, value):
        if value is None or hasattr(value, "resolve_expression"):
            return value
        return float(value)

    def to_python(self, value):
        if value is None:
            return value
        try:
            return float(value)
        except (TypeError, ValueError):
            raise ValidationError(self.error_messages["invalid"], code="invalid", params={"value": value})


class DecimalField(AdaptedValueMixin, Field):
    form_class_name = "DecimalField"
    empty_strings_allowed = False
    default_error_messages = {"invalid": "\u201c%(value)s\u201d value must be a decimal number."}

    def __init__(self, verbose_name=None, name=None, max_digits=None, decimal_places=None, **kwargs):
        self.max_digits, self.decimal_places = max_digits, decimal_places
        super(DecimalField, self).__init__(verbose_name, name, **kwargs)
        self._add_option_validator(validators.DecimalValidator(max_digits, decimal_places))

    @cached_property
    def context(self):
        return decimal.Context(prec=self.max_digits)

    def deconstruct(self):
        name, path, args, kwargs = super(DecimalField, self).deconstruct()
        if self.max_digits is not None:
            kwargs["max_digits"] = self.max_digits
        if self.decimal_places is not None:
            kwargs["decimal_places"] = self.decimal_places
        return name, path, args, kwargs

    def to_python(self, value):
        if value is None:
            return value
        try:
            if isinstance(value, float):
                return self.context.create_decimal_from_float(value).quantize(
                    decimal.Decimal(1).scaleb(-self.decimal_places), context=self.context) \
                    if self.decimal_places is not None and self.max_digits else decimal.Decimal(repr(value))
            return decimal.Decimal(value)
        except (decimal.InvalidOperation, TypeError, ValueError):
            raise ValidationError(self.error_messages["invalid"], code="invalid", params={"value": value})

    def adapt_for_database(self, value, connection):
        return connection.ops.adapt_decimalfield_value(value, self.max_digits, self.decimal_places)

    def formfield(self, **kwargs):
        defaults = {"max_digits": self.max_digits, "decimal_places": self.decimal_places}
        defaults.update(kwargs)
        return super(DecimalField, self).formfield(**defaults)
