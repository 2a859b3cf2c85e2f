"""Date, date-time and time fields: parse ISO text (what browsers send) or ``input_formats``."""
from __future__ import unicode_literals

import datetime
import re

from pyframework.core.exceptions import ValidationError
from pyframework.forms import widgets
from pyframework.forms.fields import Field
from pyframework.forms.utils import UTC, FixedOffset, from_current_timezone, to_current_timezone
from pyframework.utils.compat import string_types, text_type


DATE_INPUT_FORMATS = ["%Y-%m-%d", "%m/%d/%Y", "%m/%d/%y", "%d.%m.%Y"]
TIME_INPUT_FORMATS = ["%H:%M:%S", "%H:%M:%S.%f", "%H:%M"]
DATETIME_INPUT_FORMATS = (
    ["%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M:%S.%f", "%Y-%m-%d %H:%M"]
    + ["%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M:%S.%f", "%Y-%m-%dT%H:%M"]
    + ["%m/%d/%Y %H:%M:%S", "%m/%d/%Y %H:%M", "%m/%d/%Y"]
    + DATE_INPUT_FORMATS[:1]
)

# A trailing UTC offset ("Z", "+02:00", "-0530"): strptime on Python 2 has no %z.
_utc_offset = re.compile(r"(?:Z|([+-])(\d\d):?(\d\d))$")


class BaseTemporalField(Field):
    input_formats = ()

    def __init__(self, input_formats=None, **kwargs):
        super(BaseTemporalField, self).__init__(**kwargs)
        if input_formats is not None:
            self.input_formats = list(input_formats)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if not isinstance(value, string_types):
            return self.from_object(value)
        value = value.strip()
        for input_format in self.input_formats:
            try:
                return self.from_parsed(datetime.datetime.strptime(value, str(input_format)))
            except (ValueError, TypeError):
                continue
        raise ValidationError(self.error_messages["invalid"], code="invalid")

    def from_object(self, value):
        raise ValidationError(self.error_messages["invalid"], code="invalid")


class DateField(BaseTemporalField):
    widget = widgets.DateInput
    input_formats = DATE_INPUT_FORMATS
    default_error_messages = {
        "invalid": "Enter a valid date.",
    }

    def from_object(self, value):
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        return super(DateField, self).from_object(value)

    def from_parsed(self, parsed):
        return parsed.date()


class TimeField(BaseTemporalField):
    widget = widgets.TimeInput
    input_formats = TIME_INPUT_FORMATS
    default_error_messages = {
        "invalid": "Enter a valid time.",
    }

    def from_object(self, value):
        if isinstance(value, datetime.time):
            return value
        return super(TimeField, self).from_object(value)

    def from_parsed(self, parsed):
        return parsed.time()


class DateTimeField(BaseTemporalField):
    """A date and time; with USE_TZ the result is aware (in TIME_ZONE unless the text gives an offset)."""

    widget = widgets.DateTimeInput
    input_formats = DATETIME_INPUT_FORMATS
    default_error_messages = {
        "invalid": "Enter a valid date/time.",
    }

    def prepare_value(self, value):
        return to_current_timezone(value)

    def to_python(self, value):
        offset = None
        if isinstance(value, string_types):
            value = value.strip()
            match = _utc_offset.search(value)
            if match and len(value) > 10:  # not the "-dd" of a bare date
                offset = self._parse_offset(match)
                value = value[:match.start()]
        result = super(DateTimeField, self).to_python(value)
        if result is None:
            return None
        if offset is not None:
            return result.replace(tzinfo=offset)
        return from_current_timezone(result)

    def _parse_offset(self, match):
        sign, hours, minutes = match.groups()
        if sign is None:
            return UTC
        total = int(hours) * 60 + int(minutes)
        return FixedOffset(-total if sign == "-" else total, "UTC%s%s:%s" % (sign, hours, minutes))

    def from_object(self, value):
        if isinstance(value, datetime.datetime):
            return value
        if isinstance(value, datetime.date):
            return datetime.datetime(value.year, value.month, value.day)
        return super(DateTimeField, self).from_object(value)

    def from_parsed(self, parsed):
        return parsed

    def has_changed(self, initial, data):
        try:
            data = self.to_python(data)
        except ValidationError:
            return True
        if isinstance(initial, string_types):
            initial = self.to_python(text_type(initial))
        return not self.disabled and initial != data
