"""Text fields: CharField, the validated kinds of text built on it, and IP addresses."""
from __future__ import absolute_import, unicode_literals

from pyframework.core import validators
from pyframework.core.exceptions import ValidationError
from pyframework.db.models.fields import Field
from pyframework.utils.compat import PY2, string_types, text_type
from pyframework.utils.ipv6 import MAX_IPV6_ADDRESS_LENGTH, clean_ipv6_address


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


class GenericIPAddressField(Field):
    """An IPv4 or IPv6 address (``protocol``: "both", "IPv4", "IPv6"), stored as text (inet on
    PostgreSQL); IPv6 is stored in its short form, IPv4-mapped as IPv4 with ``unpack_ipv4``.
    Empty means NULL: use ``null=True`` with ``blank=True``."""

    empty_strings_allowed = False
    form_class_name = "GenericIPAddressField"

    def __init__(self, verbose_name=None, name=None, protocol="both", unpack_ipv4=False, *args, **kwargs):
        self.unpack_ipv4 = unpack_ipv4
        self.protocol = protocol
        self.default_validators = validators.ip_address_validators(protocol, unpack_ipv4)
        kwargs["max_length"] = MAX_IPV6_ADDRESS_LENGTH
        super(GenericIPAddressField, self).__init__(verbose_name, name, *args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super(GenericIPAddressField, self).deconstruct()
        if self.unpack_ipv4 is not False:
            kwargs["unpack_ipv4"] = self.unpack_ipv4
        if self.protocol != "both":
            kwargs["protocol"] = self.protocol
        if kwargs.get("max_length") == MAX_IPV6_ADDRESS_LENGTH:
            del kwargs["max_length"]
        return name, path, args, kwargs

    def get_internal_type(self):
        return "GenericIPAddressField"

    def to_python(self, value):
        if value is None:
            return None
        value = text_type(value).strip()
        if ":" in value:
            # error_messages={"invalid": ...} replaces the message for a malformed IPv6 address.
            custom = self.error_messages.get("invalid")
            options = {"error_message": custom} if custom else {}
            return clean_ipv6_address(value, self.unpack_ipv4, **options)
        return value

    def get_prep_value(self, value):
        value = super(GenericIPAddressField, self).get_prep_value(value)
        if value is None or hasattr(value, "resolve_expression"):
            return value
        if value and ":" in value:
            try:
                return clean_ipv6_address(value, self.unpack_ipv4)
            except ValidationError:
                pass  # not an address: validation reports it, the query just finds nothing
        return text_type(value)

    def get_db_prep_value(self, value, connection, prepared=False):
        if not prepared:
            value = self.get_prep_value(value)
        if hasattr(value, "resolve_expression"):
            return value
        return connection.ops.adapt_ipaddressfield_value(value)

    def formfield(self, **kwargs):
        defaults = {"protocol": self.protocol}
        defaults.update(kwargs)
        return super(GenericIPAddressField, self).formfield(**defaults)
