"""JSONField: any JSON-serialisable value, stored as JSON text (or the database's JSON type)."""
from __future__ import absolute_import, unicode_literals

import json

from pyframework.core.exceptions import ValidationError
from pyframework.db.models.fields import Field
from pyframework.utils.compat import string_types


class JSONField(Field):
    empty_strings_allowed = False
    default_error_messages = {"invalid": "Value must be valid JSON."}

    def __init__(self, verbose_name=None, name=None, encoder=None, decoder=None, **kwargs):
        if encoder and not callable(encoder):
            raise ValueError("The encoder parameter must be a callable object.")
        if decoder and not callable(decoder):
            raise ValueError("The decoder parameter must be a callable object.")
        self.encoder = encoder
        self.decoder = decoder
        super(JSONField, self).__init__(verbose_name, name, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super(JSONField, self).deconstruct()
        if self.encoder is not None:
            kwargs["encoder"] = self.encoder
        if self.decoder is not None:
            kwargs["decoder"] = self.decoder
        return name, path, args, kwargs

    def _dumps(self, value):
        # ensure_ascii=False keeps non-BMP text readable; the backend stores unicode text.
        return json.dumps(value, cls=self.encoder, ensure_ascii=False, sort_keys=False)

    def from_db_value(self, value, expression, connection):
        if value is None:
            return None
        if not isinstance(value, string_types):
            if isinstance(value, (bytes, bytearray)):
                value = bytes(value).decode("utf-8")
            else:
                return value  # the driver already decoded a native JSON column
        try:
            return json.loads(value, cls=self.decoder)
        except ValueError:
            return value

    def get_db_prep_value(self, value, connection, prepared=False):
        # The backend serialises (it knows whether the column is text or a JSON type).
        if not prepared:
            value = self.get_prep_value(value)
        if value is None or hasattr(value, "resolve_expression"):
            return value
        return connection.ops.adapt_json_value(value, self.encoder)

    def validate(self, value, model_instance):
        super(JSONField, self).validate(value, model_instance)
        try:
            self._dumps(value)
        except (TypeError, ValueError):
            raise ValidationError(self.error_messages["invalid"], code="invalid", params={"value": value})

    def value_to_string(self, obj):
        return self.value_from_object(obj)

    def formfield(self, **kwargs):
        from pyframework.forms.json_field import JSONField as JSONFormField

        defaults = {"form_class": JSONFormField, "encoder": self.encoder, "decoder": self.decoder}
        defaults.update(kwargs)
        return super(JSONField, self).formfield(**defaults)
