"""Date, date-time and time fields: parse ISO text (what browsers send) or ``input_formats``."""
from __future__ import absolute_import, unicode_literals

import datetime
import re

from pyframework.core.exceptions import ValidationError
from pyframework.forms import widgets
from pyframework.forms.fields import Field
from pyframework.forms.utils import from_current_timezone, to_current_timezone
from pyframework.utils import formats
from pyframework.utils.compat import string_types
from pyframework.utils.timezone import FixedOffset, utc
from pyframework.utils.translation import gettext_lazy as _


# A trailing UTC offset ("Z", "+02:00", "-0530"): strptime on Python 2 has no %z.
_utc_offset = re.compile(r"(?:Z|([+-])(\d\d):?(\d\d))$")


class BaseTemporalField(Field):
    """Parses ``input_formats`` if given, else the active language's ``format_key`` formats
    (``get_format("DATE_INPUT_FORMATS")``: ``05.03.2026`` in German), ISO always included."""

    input_formats = None
    format_key = None
    # Python values taken as they are (converted by from_parsed), e.g. initial data.
    accepted_types = ()
    # The method of datetime giving this field's type ("date", "time").
    datetime_part = None

    def __init__(self, input_formats=None, **kwargs):
        super(BaseTemporalField, self).__init__(**kwargs)
        if input_formats is not None:
            self.input_formats = list(input_formats)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, self.accepted_types):
            return self.from_parsed(value)
        if not isinstance(value, string_types):
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        value = value.strip()
        input_formats = self.input_formats
        if input_formats is None:
            input_formats = formats.get_format(self.format_key)
        for input_format in input_formats:
            try:
                return self.from_parsed(datetime.datetime.strptime(value, str(input_format)))
            except (ValueError, TypeError):
                continue
        raise ValidationError(self.error_messages["invalid"], code="invalid")

    def from_parsed(self, value):
        """The field's type from a parsed datetime or from one of ``accepted_types``."""
        if isinstance(value, datetime.datetime):
            return getattr(value, self.datetime_part)()
        return value


class DateField(BaseTemporalField):
    widget = widgets.DateInput
    format_key = "DATE_INPUT_FORMATS"
    accepted_types = (datetime.date,)
    datetime_part = "date"
    default_error_messages = {
        "invalid": _("Enter a valid date."),
    }


class TimeField(BaseTemporalField):
    widget = widgets.TimeInput
    format_key = "TIME_INPUT_FORMATS"
    accepted_types = (datetime.time, datetime.datetime)
    datetime_part = "time"
    default_error_messages = {
        "invalid": _("Enter a valid time."),
    }


class DateTimeField(BaseTemporalField):
    """A date and time; with USE_TZ the result is aware (in TIME_ZONE unless the text gives an offset)."""

    widget = widgets.DateTimeInput
    format_key = "DATETIME_INPUT_FORMATS"
    accepted_types = (datetime.date,)
    default_error_messages = {
        "invalid": _("Enter a valid date/time."),
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
            return utc
        total = int(hours) * 60 + int(minutes)
        return FixedOffset(-total if sign == "-" else total, "UTC%s%s:%s" % (sign, hours, minutes))

    def from_parsed(self, value):
        if isinstance(value, datetime.datetime):
            return value
        return datetime.datetime(value.year, value.month, value.day)

    def has_changed(self, initial, data):
        if self.disabled:
            return False
        try:
            # Both sides aware (or both naive) so that Python 2 can compare them.
            return self.to_python(initial) != self.to_python(data)
        except ValidationError:
            return True
