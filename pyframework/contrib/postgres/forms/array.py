"""``SimpleArrayField``: a list typed as one delimited text (``a,b,c``), each item cleaned by a base field."""
from __future__ import absolute_import, unicode_literals

from pyframework.contrib.postgres.utils import item_error
from pyframework.core.exceptions import ValidationError
from pyframework.forms import CharField
from pyframework.utils.compat import string_types


class SimpleArrayField(CharField):
    """``SimpleArrayField(base_field, delimiter=",", max_length=None, min_length=None, **options)``.

    ``max_length``/``min_length`` count items, not characters, as in Django.
    """

    default_error_messages = {
        "item_invalid": "Item %(nth)s in the array did not validate:",
        "max_length": "List contains %(show_value)d items, it should contain no more than %(limit_value)d.",
        "min_length": "List contains %(show_value)d items, it should contain no fewer than %(limit_value)d.",
    }

    def __init__(self, base_field, delimiter=",", max_length=None, min_length=None, **kwargs):
        self.base_field = base_field
        self.delimiter = delimiter
        self.max_items, self.min_items = max_length, min_length
        super(SimpleArrayField, self).__init__(**kwargs)

    def clean(self, value):
        value = super(SimpleArrayField, self).clean(value)
        return [self.base_field.clean(item) for item in value]

    def prepare_value(self, value):
        if isinstance(value, (list, tuple)):
            return self.delimiter.join("%s" % (self.base_field.prepare_value(item),) for item in value)
        return value

    def to_python(self, value):
        if isinstance(value, (list, tuple)):
            items = list(value)
        elif isinstance(value, string_types) and value:
            items = value.split(self.delimiter)
        else:
            items = []
        values, errors = [], []
        for index, item in enumerate(items):
            try:
                values.append(self.base_field.to_python(item))
            except ValidationError as error:
                errors.append(self._item_error(index, error))
        if errors:
            raise ValidationError(errors)
        return values

    def validate(self, value):
        if self.required and not value:
            raise ValidationError(self.error_messages["required"], code="required")
        self._check_each(value, self.base_field.validate)
        if self.max_items is not None and len(value) > self.max_items:
            raise ValidationError(self.error_messages["max_length"], code="max_length",
                                  params={"show_value": len(value), "limit_value": self.max_items})
        if self.min_items is not None and len(value) < self.min_items:
            raise ValidationError(self.error_messages["min_length"], code="min_length",
                                  params={"show_value": len(value), "limit_value": self.min_items})

    def run_validators(self, value):
        super(SimpleArrayField, self).run_validators(value)
        self._check_each(value, self.base_field.run_validators)

    def _check_each(self, value, check):
        """``check(item)`` on every item; all failures together, each under "Item N ...:"."""
        errors = []
        for index, item in enumerate(value):
            try:
                check(item)
            except ValidationError as error:
                errors.append(self._item_error(index, error))
        if errors:
            raise ValidationError(errors)

    def has_changed(self, initial, data):
        try:
            data = self.to_python(data)
        except ValidationError:
            pass
        else:
            if initial in self.empty_values and data == []:
                return False
        return super(SimpleArrayField, self).has_changed(initial, data)

    def _item_error(self, index, error):
        return item_error(self.error_messages["item_invalid"], index, error)
