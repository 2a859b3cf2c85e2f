"""The change list's sidebar filters: ``list_filter`` entries as in Django.

A filter consumes its own query-string parameters from ``params`` (so the change
list knows which ones were handled), offers ``choices(changelist)`` for the sidebar
and narrows the queryset in ``queryset(request, queryset)``. Field filters are chosen
by the field's type: relations, booleans, choices, dates, else every distinct value.
"""
from __future__ import absolute_import, unicode_literals

import datetime

from pyframework.conf import settings
from pyframework.contrib.admin.exceptions import IncorrectLookupParameters
from pyframework.contrib.admin.utils import get_model_from_relation
from pyframework.core.exceptions import ImproperlyConfigured, ValidationError
from pyframework.db import models
from pyframework.utils import timezone
from pyframework.utils.compat import text_type
from pyframework.utils.dateparse import parse_date, parse_datetime
from pyframework.utils.translation import gettext_lazy as _


class ListFilter(object):
    """Base of every filter: ``title``, ``template``, ``has_output()``, ``choices()``, ``queryset()``."""

    title = None
    template = "admin/filter.html"

    def __init__(self, request, params, model, model_admin):
        self.request = request
        self.used_parameters = {}
        if self.title is None:
            raise ImproperlyConfigured("The list filter '%s' does not specify a 'title'." % self.__class__.__name__)

    def has_output(self):
        raise NotImplementedError("subclasses of ListFilter must provide a has_output() method")

    def choices(self, changelist):
        raise NotImplementedError("subclasses of ListFilter must provide a choices() method")

    def queryset(self, request, queryset):
        raise NotImplementedError("subclasses of ListFilter must provide a queryset() method")

    def expected_parameters(self):
        raise NotImplementedError("subclasses of ListFilter must provide an expected_parameters() method")


class SimpleListFilter(ListFilter):
    """A filter of your own: ``parameter_name``, ``lookups(request, model_admin)`` and ``queryset()``."""

    parameter_name = None

    def __init__(self, request, params, model, model_admin):
        super(SimpleListFilter, self).__init__(request, params, model, model_admin)
        if self.parameter_name is None:
            raise ImproperlyConfigured(
                "The list filter '%s' does not specify a 'parameter_name'." % self.__class__.__name__)
        if self.parameter_name in params:
            value = params.pop(self.parameter_name)
            self.used_parameters[self.parameter_name] = value[-1]
        lookup_choices = self.lookups(request, model_admin)
        self.lookup_choices = list(lookup_choices) if lookup_choices is not None else []

    def has_output(self):
        return len(self.lookup_choices) > 0

    def value(self):
        """The selected lookup (text), or None."""
        return self.used_parameters.get(self.parameter_name)

    def lookups(self, request, model_admin):
        raise NotImplementedError("The SimpleListFilter.lookups() method must be overridden to return a list of "
                                  "tuples (value, verbose value).")

    def expected_parameters(self):
        return [self.parameter_name]

    def choices(self, changelist):
        yield {"selected": self.value() is None,
               "query_string": changelist.get_query_string(remove=[self.parameter_name]),
               "display": _("All")}
        for lookup, title in self.lookup_choices:
            yield {"selected": self.value() == text_type(lookup),
                   "query_string": changelist.get_query_string({self.parameter_name: lookup}),
                   "display": title}


class FieldListFilter(ListFilter):
    """A filter over one model field (or a ``a__b`` path); ``create()`` picks the class for the field."""

    _field_list_filters = []
    _take_priority_index = 0
    list_separator = ","

    def __init__(self, field, request, params, model, model_admin, field_path):
        self.field = field
        self.field_path = field_path
        self.title = getattr(field, "verbose_name", field_path)
        super(FieldListFilter, self).__init__(request, params, model, model_admin)
        for param in self.expected_parameters():
            if param in params:
                self.used_parameters[param] = params.pop(param)[-1]

    def has_output(self):
        return True

    def queryset(self, request, queryset):
        try:
            return queryset.filter(**self.used_parameters)
        except (ValueError, TypeError, ValidationError) as exc:
            raise IncorrectLookupParameters(exc)

    @classmethod
    def register(cls, test, list_filter_class, take_priority=False):
        if take_priority:
            cls._field_list_filters.insert(cls._take_priority_index, (test, list_filter_class))
            cls._take_priority_index += 1
        else:
            cls._field_list_filters.append((test, list_filter_class))

    @classmethod
    def create(cls, field, request, params, model, model_admin, field_path):
        for test, list_filter_class in cls._field_list_filters:
            if test(field):
                return list_filter_class(field, request, params, model, model_admin, field_path=field_path)
        raise ImproperlyConfigured("No list filter for field %r." % (field_path,))


class RelatedFieldListFilter(FieldListFilter):
    """Filter by a related object (``author``): one link per object, plus "empty" when nullable."""

    def __init__(self, field, request, params, model, model_admin, field_path):
        other_model = get_model_from_relation(field)
        self.lookup_kwarg = "%s__%s__exact" % (field_path, field.target_field.name)
        self.lookup_kwarg_isnull = "%s__isnull" % field_path
        super(RelatedFieldListFilter, self).__init__(field, request, params, model, model_admin, field_path)
        self.lookup_val = self.used_parameters.get(self.lookup_kwarg)
        self.lookup_val_isnull = self.used_parameters.get(self.lookup_kwarg_isnull)
        self.lookup_choices = self.field_choices(field, request, model_admin)
        self.title = getattr(field, "verbose_name", None) or other_model._meta.verbose_name
        if self.lookup_val_isnull is not None:
            self.used_parameters[self.lookup_kwarg_isnull] = self.lookup_val_isnull in ("1", "True", "true")
        self.empty_value_display = model_admin.get_empty_value_display()

    @property
    def include_empty_choice(self):
        return self.field.null or (self.field.is_relation and self.field.many_to_many)

    def has_output(self):
        extra = 1 if self.include_empty_choice else 0
        return len(self.lookup_choices) + extra > 1

    def expected_parameters(self):
        return [self.lookup_kwarg, self.lookup_kwarg_isnull]

    def field_admin_ordering(self, field, request, model_admin):
        related_admin = model_admin.admin_site._registry.get(field.remote_field.model)
        if related_admin is not None:
            return related_admin.get_ordering(request)
        return ()

    def field_choices(self, field, request, model_admin):
        ordering = self.field_admin_ordering(field, request, model_admin)
        queryset = field.related_model._default_manager.all()
        if ordering:
            queryset = queryset.order_by(*ordering)
        return [(getattr(obj, field.target_field.attname), text_type(obj)) for obj in queryset]

    def choices(self, changelist):
        yield {"selected": self.lookup_val is None and not self.lookup_val_isnull,
               "query_string": changelist.get_query_string(remove=[self.lookup_kwarg, self.lookup_kwarg_isnull]),
               "display": _("All")}
        for pk_val, val in self.lookup_choices:
            yield {"selected": self.lookup_val == text_type(pk_val),
                   "query_string": changelist.get_query_string({self.lookup_kwarg: pk_val},
                                                               [self.lookup_kwarg_isnull]),
                   "display": val}
        if self.include_empty_choice:
            yield {"selected": bool(self.lookup_val_isnull),
                   "query_string": changelist.get_query_string({self.lookup_kwarg_isnull: "True"},
                                                               [self.lookup_kwarg]),
                   "display": self.empty_value_display}


FieldListFilter.register(lambda f: f.remote_field is not None, RelatedFieldListFilter)


class BooleanFieldListFilter(FieldListFilter):
    """All / Yes / No (/ Unknown when nullable)."""

    def __init__(self, field, request, params, model, model_admin, field_path):
        self.lookup_kwarg = "%s__exact" % field_path
        self.lookup_kwarg2 = "%s__isnull" % field_path
        super(BooleanFieldListFilter, self).__init__(field, request, params, model, model_admin, field_path)
        self.lookup_val = self.used_parameters.get(self.lookup_kwarg)
        self.lookup_val2 = self.used_parameters.get(self.lookup_kwarg2)
        if self.lookup_val is not None:
            if self.lookup_val not in ("0", "1", "True", "False", "true", "false"):
                raise IncorrectLookupParameters("%s must be 0 or 1" % self.lookup_kwarg)
            self.used_parameters[self.lookup_kwarg] = self.lookup_val in ("1", "True", "true")
        if self.lookup_val2 is not None:
            self.used_parameters[self.lookup_kwarg2] = self.lookup_val2 in ("1", "True", "true")

    def expected_parameters(self):
        return [self.lookup_kwarg, self.lookup_kwarg2]

    def choices(self, changelist):
        field_choices = dict(self.field.flatchoices or [])
        for lookup, title in ((None, _("All")), ("1", field_choices.get(True, _("Yes"))),
                              ("0", field_choices.get(False, _("No")))):
            yield {"selected": self.lookup_val == lookup and not self.lookup_val2,
                   "query_string": changelist.get_query_string({self.lookup_kwarg: lookup}, [self.lookup_kwarg2]),
                   "display": title}
        if self.field.null:
            yield {"selected": self.lookup_val2 == "True",
                   "query_string": changelist.get_query_string({self.lookup_kwarg2: "True"}, [self.lookup_kwarg]),
                   "display": field_choices.get(None, _("Unknown"))}


FieldListFilter.register(lambda f: isinstance(f, models.BooleanField), BooleanFieldListFilter)


class ChoicesFieldListFilter(FieldListFilter):
    """One link per choice of a field with ``choices``."""

    def __init__(self, field, request, params, model, model_admin, field_path):
        self.lookup_kwarg = "%s__exact" % field_path
        self.lookup_kwarg_isnull = "%s__isnull" % field_path
        super(ChoicesFieldListFilter, self).__init__(field, request, params, model, model_admin, field_path)
        self.lookup_val = self.used_parameters.get(self.lookup_kwarg)
        self.lookup_val_isnull = self.used_parameters.get(self.lookup_kwarg_isnull)
        if self.lookup_val_isnull is not None:
            self.used_parameters[self.lookup_kwarg_isnull] = self.lookup_val_isnull in ("1", "True", "true")

    def expected_parameters(self):
        return [self.lookup_kwarg, self.lookup_kwarg_isnull]

    def choices(self, changelist):
        yield {"selected": self.lookup_val is None,
               "query_string": changelist.get_query_string(remove=[self.lookup_kwarg, self.lookup_kwarg_isnull]),
               "display": _("All")}
        none_title = ""
        for lookup, title in self.field.flatchoices:
            if lookup is None:
                none_title = title
                continue
            yield {"selected": text_type(lookup) == self.lookup_val,
                   "query_string": changelist.get_query_string({self.lookup_kwarg: lookup},
                                                               [self.lookup_kwarg_isnull]),
                   "display": title}
        if none_title:
            yield {"selected": bool(self.lookup_val_isnull),
                   "query_string": changelist.get_query_string({self.lookup_kwarg_isnull: "True"},
                                                               [self.lookup_kwarg]),
                   "display": none_title}


FieldListFilter.register(lambda f: bool(f.choices), ChoicesFieldListFilter)


class DateFieldListFilter(FieldListFilter):
    """Any date / Today / Past 7 days / This month / This year (/ No date, Has date when nullable)."""

    def __init__(self, field, request, params, model, model_admin, field_path):
        self.field_generic = "%s__" % field_path
        self.date_params = dict((k, v[-1]) for k, v in params.items() if k.startswith(self.field_generic))
        now = timezone.now()
        if timezone.is_aware(now):  # "today" is the user's day: the current time zone's, as Django's
            now = timezone.localtime(now)
        if isinstance(field, models.DateTimeField):
            today = now.replace(hour=0, minute=0, second=0, microsecond=0)
        else:
            today = now.date()
        tomorrow = today + datetime.timedelta(days=1)
        if today.month == 12:
            next_month = today.replace(year=today.year + 1, month=1, day=1)
        else:
            next_month = today.replace(month=today.month + 1, day=1)
        next_year = today.replace(year=today.year + 1, month=1, day=1)
        self.lookup_kwarg_since = "%s__gte" % field_path
        self.lookup_kwarg_until = "%s__lt" % field_path
        self.links = [
            (_("Any date"), {}),
            (_("Today"), {self.lookup_kwarg_since: text_type(today), self.lookup_kwarg_until: text_type(tomorrow)}),
            (_("Past 7 days"), {self.lookup_kwarg_since: text_type(today - datetime.timedelta(days=7)),
                                self.lookup_kwarg_until: text_type(tomorrow)}),
            (_("This month"), {self.lookup_kwarg_since: text_type(today.replace(day=1)),
                               self.lookup_kwarg_until: text_type(next_month)}),
            (_("This year"), {self.lookup_kwarg_since: text_type(today.replace(month=1, day=1)),
                              self.lookup_kwarg_until: text_type(next_year)}),
        ]
        if field.null:
            self.lookup_kwarg_isnull = "%s__isnull" % field_path
            self.links += [(_("No date"), {self.field_generic + "isnull": "True"}),
                           (_("Has date"), {self.field_generic + "isnull": "False"})]
        super(DateFieldListFilter, self).__init__(field, request, params, model, model_admin, field_path)
        for key in (self.lookup_kwarg_since, self.lookup_kwarg_until):
            if key in self.used_parameters:
                self.used_parameters[key] = self._parse(field, self.used_parameters[key])
        isnull = "%s__isnull" % field_path
        if isnull in self.used_parameters:
            self.used_parameters[isnull] = self.used_parameters[isnull] in ("1", "True", "true")

    @staticmethod
    def _parse(field, value):
        text = text_type(value).strip()
        try:
            if isinstance(field, models.DateTimeField):
                parsed = parse_datetime(text)
                if parsed is None:
                    day = parse_date(text)
                    if day is None:
                        raise ValueError(text)
                    parsed = datetime.datetime(day.year, day.month, day.day)
                if timezone.is_naive(parsed) and settings.USE_TZ:
                    parsed = timezone.make_aware(parsed)  # wall-clock time in the current time zone
                return parsed
            day = parse_date(text[:10])
            if day is None:
                raise ValueError(text)
            return day
        except ValueError:
            raise IncorrectLookupParameters("%r is not a date" % (text,))

    def expected_parameters(self):
        params = [self.lookup_kwarg_since, self.lookup_kwarg_until]
        if self.field.null:
            params.append(self.lookup_kwarg_isnull)
        return params

    def choices(self, changelist):
        for title, param_dict in self.links:
            yield {"selected": self.date_params == param_dict,
                   "query_string": changelist.get_query_string(param_dict, [self.field_generic]),
                   "display": title}


FieldListFilter.register(lambda f: isinstance(f, models.DateField), DateFieldListFilter)


class AllValuesFieldListFilter(FieldListFilter):
    """One link per distinct value of the field in the table."""

    def __init__(self, field, request, params, model, model_admin, field_path):
        self.lookup_kwarg = field_path
        self.lookup_kwarg_isnull = "%s__isnull" % field_path
        super(AllValuesFieldListFilter, self).__init__(field, request, params, model, model_admin, field_path)
        self.lookup_val = self.used_parameters.get(self.lookup_kwarg)
        self.lookup_val_isnull = self.used_parameters.get(self.lookup_kwarg_isnull)
        if self.lookup_val_isnull is not None:
            self.used_parameters[self.lookup_kwarg_isnull] = self.lookup_val_isnull in ("1", "True", "true")
        self.empty_value_display = model_admin.get_empty_value_display()
        queryset = model_admin.get_queryset(request)
        self.lookup_choices = list(queryset.order_by(field_path).values_list(field_path, flat=True).distinct())

    def expected_parameters(self):
        return [self.lookup_kwarg, self.lookup_kwarg_isnull]

    def choices(self, changelist):
        yield {"selected": self.lookup_val is None and self.lookup_val_isnull is None,
               "query_string": changelist.get_query_string(remove=[self.lookup_kwarg, self.lookup_kwarg_isnull]),
               "display": _("All")}
        include_none = False
        for val in self.lookup_choices:
            if val is None:
                include_none = True
                continue
            val = text_type(val)
            yield {"selected": self.lookup_val == val,
                   "query_string": changelist.get_query_string({self.lookup_kwarg: val}, [self.lookup_kwarg_isnull]),
                   "display": val}
        if include_none:
            yield {"selected": bool(self.lookup_val_isnull),
                   "query_string": changelist.get_query_string({self.lookup_kwarg_isnull: "True"},
                                                               [self.lookup_kwarg]),
                   "display": self.empty_value_display}


FieldListFilter.register(lambda f: True, AllValuesFieldListFilter)
