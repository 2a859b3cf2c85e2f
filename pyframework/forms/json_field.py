"""JSONField: a textarea whose content must be JSON; cleaned to the decoded value."""
from __future__ import absolute_import, unicode_literals

import json

from pyframework.core.exceptions import ValidationError
from pyframework.forms.fields import CharField
from pyframework.forms.widgets import Textarea
from pyframework.utils.compat import string_types, text_type
from pyframework.utils.translation import gettext_lazy as _


class _InvalidJSONInput(text_type):
    """Submitted text that did not parse: shown back to the user as typed."""


class JSONField(CharField):
    default_error_messages = {"invalid": _("Enter a valid JSON.")}
    widget = Textarea

    def __init__(self, encoder=None, decoder=None, **kwargs):
        self.encoder, self.decoder = encoder, decoder
        super(JSONField, self).__init__(**kwargs)

    def to_python(self, value):
        if self.disabled:
            return value
        if value in self.empty_values:
            return None
        if not isinstance(value, string_types):
            return value  # already decoded (initial data)
        try:
            return json.loads(value, cls=self.decoder)
        except ValueError:
            raise ValidationError(self.error_messages["invalid"], code="invalid", params={"value": value})

    def bound_data(self, data, initial):
        if self.disabled:
            return initial
        if data is None:
            return None
        try:
            return json.loads(data, cls=self.decoder)
        except ValueError:
            return _InvalidJSONInput(data)

    def prepare_value(self, value):
        if isinstance(value, _InvalidJSONInput):
            return value
        return json.dumps(value, ensure_ascii=False, cls=self.encoder)

    def has_changed(self, initial, data):
        if self.disabled:
            return False
        try:
            data = self.to_python(data)
        except ValidationError:
            return True
        # Key order and spacing do not matter.
        return json.dumps(initial, sort_keys=True, cls=self.encoder) != json.dumps(
            data, sort_keys=True, cls=self.encoder)
