"""Date and time fields.

With ``USE_TZ`` a DateTimeField holds aware datetimes and the database stores
UTC. A naive datetime (or a date) given to such a field is read as wall-clock
time in the default time zone, ``TIME_ZONE``, as Django does; a RuntimeWarning
says so for datetimes, since the naive value is usually a bug.
"""
from __future__ import absolute_import, unicode_literals

import datetime
import warnings

from pyframework.core.exceptions import ValidationError
from pyframework.db.models.fields import AdaptedValueMixin, Field
from pyframework.utils import timezone
from pyframework.utils.dateparse import parse_date, parse_datetime, parse_time
from pyframework.utils.compat import string_types

class DateTimeCheckMixin(object):
    def __init__(self, verbose_name=None, name=None, auto_now=False, auto_now_add=False, **kwargs):
        self.auto_now, self.auto_now_add = auto_now, auto_now_add
        if auto_now or auto_now_add:
            kwargs["editable"] = False
            kwargs["blank"] = True
        super(DateTimeCheckMixin, self).__init__(verbose_name, name, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super(DateTimeCheckMixin, self).deconstruct()
        if self.auto_now:
            kwargs["auto_now"] = True
        if self.auto_now_add:
            kwargs["auto_now_add"] = True
        if self.auto_now or self.auto_now_add:
            kwargs.pop("editable", None)
            kwargs.pop("blank", None)
        return name, path, args, kwargs

    def pre_save(self, model_instance, add):
        if self.auto_now or (self.auto_now_add and add):
            value = self._now()
            setattr(model_instance, self.attname, value)
            return value
        return super(DateTimeCheckMixin, self).pre_save(model_instance, add)


class DateField(AdaptedValueMixin, DateTimeCheckMixin, Field):
    form_class_name = "DateField"
    empty_strings_allowed = False
    default_error_messages = {
        "invalid": "\u201c%(value)s\u201d value has an invalid date format. It must be in YYYY-MM-DD format.",
        "invalid_date": "\u201c%(value)s\u201d value has the correct format (YYYY-MM-DD) but it is an invalid date.",
    }

    def _now(self):
        return datetime.date.today() if not _use_tz() else timezone.now().date()

    def to_python(self, value):
        if value is None:
            return value
        if isinstance(value, datetime.datetime):
            if _use_tz() and timezone.is_aware(value):
                value = timezone.to_utc(value)
            return value.date()
        if isinstance(value, datetime.date):
            return value
        if isinstance(value, string_types):
            return self.parse_text(value, parse_date, "invalid_date")
        raise ValidationError(self.error_messages["invalid"], code="invalid", params={"value": value})

    def adapt_for_database(self, value, connection):
        return connection.ops.adapt_datefield_value(value)

    def value_to_string(self, obj):
        value = self.value_from_object(obj)
        return "" if value is None else value.isoformat()


class DateTimeField(DateField):
    form_class_name = "DateTimeField"
    default_error_messages = {
        "invalid": "\u201c%(value)s\u201d value has an invalid format. It must be in "
                   "YYYY-MM-DD HH:MM[:ss[.uuuuuu]][TZ] format.",
        "invalid_date": "\u201c%(value)s\u201d value has the correct format (YYYY-MM-DD) "
                        "but it is an invalid date.",
        "invalid_datetime": "\u201c%(value)s\u201d value has the correct format "
                            "(YYYY-MM-DD HH:MM[:ss[.uuuuuu]][TZ]) but it is an invalid date/time.",
    }

    def _now(self):
        return timezone.now()

    def to_python(self, value):
        if value is None:
            return value
        if isinstance(value, datetime.datetime):
            return value
        if isinstance(value, datetime.date):
            value = datetime.datetime(value.year, value.month, value.day)
            return timezone.make_aware(value, timezone.get_default_timezone()) if _use_tz() else value
        if isinstance(value, string_types):
            return self.parse_text(value, _parse_datetime_or_date, "invalid_datetime")
        raise ValidationError(self.error_messages["invalid"], code="invalid", params={"value": value})

    def get_prep_value(self, value):
        if hasattr(value, "resolve_expression"):
            return value
        value = self.to_python(value)
        if value is not None and _use_tz() and timezone.is_naive(value):
            name = "%s.%s" % (self.model.__name__, self.name) if self.model is not None else self.name
            warnings.warn("DateTimeField %s received a naive datetime (%s) while time zone support is "
                          "active; it is read in TIME_ZONE (%s)." % (name, value, timezone.get_default_timezone_name()),
                          RuntimeWarning)
            value = timezone.make_aware(value, timezone.get_default_timezone())
        return value

    def adapt_for_database(self, value, connection):
        return connection.ops.adapt_datetimefield_value(value)


class TimeField(AdaptedValueMixin, DateTimeCheckMixin, Field):
    form_class_name = "TimeField"
    empty_strings_allowed = False
    default_error_messages = {
        "invalid": "\u201c%(value)s\u201d value has an invalid format. It must be in HH:MM[:ss[.uuuuuu]] format.",
        "invalid_time": "\u201c%(value)s\u201d value has the correct format (HH:MM[:ss[.uuuuuu]]) "
                        "but it is an invalid time.",
    }

    def _now(self):
        return datetime.datetime.now().time() if not _use_tz() else timezone.now().time()

    def to_python(self, value):
        if value is None:
            return None
        if isinstance(value, datetime.time):
            return value
        if isinstance(value, datetime.datetime):
            return value.time()
        if isinstance(value, string_types):
            return self.parse_text(value, parse_time, "invalid_time")
        raise ValidationError(self.error_messages["invalid"], code="invalid", params={"value": value})

    def adapt_for_database(self, value, connection):
        return connection.ops.adapt_timefield_value(value)


class DurationField(Field):
    """A timedelta, stored as a bigint of microseconds where there is no interval type."""

    empty_strings_allowed = False
    default_error_messages = {"invalid": "\u201c%(value)s\u201d value has an invalid format."}

    def to_python(self, value):
        if value is None or isinstance(value, datetime.timedelta):
            return value
        try:
            return datetime.timedelta(microseconds=int(value))
        except (TypeError, ValueError):
            raise ValidationError(self.error_messages["invalid"], code="invalid", params={"value": value})

    def get_db_prep_value(self, value, connection, prepared=False):
        if getattr(connection.features, "has_native_duration_field", False) or value is None:
            return value
        if hasattr(value, "resolve_expression"):
            return value
        return (value.days * 86400 + value.seconds) * 1000000 + value.microseconds

    def from_db_value(self, value, expression, connection):
        if value is None or isinstance(value, datetime.timedelta):
            return value
        return datetime.timedelta(microseconds=int(value))


def _parse_datetime_or_date(value):
    parsed = parse_datetime(value)
    if parsed is None:
        day = parse_date(value)
        if day is not None:
            parsed = datetime.datetime(day.year, day.month, day.day)
    return parsed


def _use_tz():
    from pyframework.conf import settings

    return settings.USE_TZ
