"""Text fields: CharField and the validated kinds of text built on it."""
from __future__ import absolute_import, unicode_literals

from pyframework.core import validators
from pyframework.db.models.fields import Field
from pyframework.utils.compat import PY2, string_types, text_type


class CharField(Field):
    def __init__(self, *args, **kwargs):
        super(CharField, self).__init__(*args, **kwargs)
        if self.max_length is not None:
            self._add_option_validator(validators.MaxLengthValidator(self.max_length))
        self._add_option_validator(validators.ProhibitNullCharactersValidator())

    def db_type(self, connection):
        if self.max_length is None and "CharField" not in connection.data_types:
            return connection.data_types.get("TextField")
        return super(CharField, self).db_type(connection)

    def to_python(self, value):
        if isinstance(value, string_types) or value is None:
            if PY2 and isinstance(value, bytes):
                return value.decode("utf-8")
            return value
        return text_type(value)

    def get_prep_value(self, value):
        return self.to_python(value)

    def formfield(self, **kwargs):
        defaults = {"max_length": self.max_length}
        if self.null:
            defaults["empty_value"] = None  # NULL, not "", when the column allows it
        defaults.update(kwargs)
        return super(CharField, self).formfield(**defaults)


class TextField(CharField):
    def __init__(self, *args, **kwargs):
        # max_length on a TextField only limits validation, never the column type.
        super(TextField, self).__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        from pyframework.forms.widgets import Textarea

        defaults = {"widget": Textarea}
        defaults.update(kwargs)
        return super(TextField, self).formfield(**defaults)


class EmailField(CharField):
    form_class_name = "EmailField"
    default_validators = [validators.validate_email]

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 254)
        super(EmailField, self).__init__(*args, **kwargs)

    def get_internal_type(self):
        return "CharField"


class SlugField(CharField):
    form_class_name = "SlugField"
    default_validators = [validators.validate_slug]

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 50)
        self.allow_unicode = kwargs.pop("allow_unicode", False)
        if self.allow_unicode:
            self.default_validators = [validators.validate_unicode_slug]
        kwargs.setdefault("db_index", True)
        super(SlugField, self).__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super(SlugField, self).deconstruct()
        if kwargs.get("max_length") == 50:
            del kwargs["max_length"]
        if self.db_index:
            kwargs.pop("db_index", None)
        else:
            kwargs["db_index"] = False
        if self.allow_unicode:
            kwargs["allow_unicode"] = True
        return name, path, args, kwargs

    def get_internal_type(self):
        return "CharField"

    def formfield(self, **kwargs):
        defaults = {"allow_unicode": self.allow_unicode}
        defaults.update(kwargs)
        return super(SlugField, self).formfield(**defaults)


class URLField(CharField):
    form_class_name = "URLField"
    default_validators = [validators.URLValidator()]

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 200)
        super(URLField, self).__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super(URLField, self).deconstruct()
        if kwargs.get("max_length") == 200:
            del kwargs["max_length"]
        return name, path, args, kwargs

    def get_internal_type(self):
        return "CharField"
