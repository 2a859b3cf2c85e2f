"""ChangeList: the rows a change list shows, from the request's filter, search, sort and page.

Only what the ModelAdmin exposes reaches the query: filters of ``list_filter`` and
``date_hierarchy`` (any other lookup parameter is refused with 400), sorting by the
columns of ``list_display`` (an unknown ``?o=`` index is ignored) and the
``search_fields``. A page costs one COUNT and one query for the rows; the unfiltered
total is counted again only when filters are active (``show_full_result_count``).
"""
from __future__ import absolute_import, unicode_literals

from collections import OrderedDict

from pyframework.contrib.admin.exceptions import DisallowedModelAdminLookup, IncorrectLookupParameters
from pyframework.contrib.admin.filters import FieldListFilter, ListFilter
from pyframework.contrib.admin.utils import get_fields_from_path, lookup_spawns_duplicates, quote
from pyframework.core.exceptions import FieldDoesNotExist, ValidationError
from pyframework.core.paginator import InvalidPage
from pyframework.db import models
from pyframework.db.models.expressions import OrderBy
from pyframework.urls import reverse
from pyframework.utils.compat import text_type, urlencode
from pyframework.utils.text import capfirst
from pyframework.utils.translation import gettext as _

# Query-string parameters of a change list (Django's names).
ALL_VAR = "all"
ORDER_VAR = "o"
PAGE_VAR = "p"
SEARCH_VAR = "q"
ERROR_FLAG = "e"
IS_POPUP_VAR = "_popup"
TO_FIELD_VAR = "_to_field"
IS_FACETS_VAR = "_facets"
IGNORED_PARAMS = (ALL_VAR, ORDER_VAR, SEARCH_VAR, IS_POPUP_VAR, TO_FIELD_VAR, IS_FACETS_VAR)
LOOKUP_SEP = "__"


class ChangeList(object):
    """What ``changelist_view`` shows; built per request by ``ModelAdmin.get_changelist_instance``."""

    search_form_class = None

    def __init__(self, request, model, list_display, list_display_links, list_filter, date_hierarchy,
                 search_fields, list_select_related, list_per_page, list_max_show_all, list_editable,
                 model_admin, sortable_by, search_help_text=None):
        self.model = model
        self.opts = model._meta
        self.lookup_opts = self.opts
        self.root_queryset = model_admin.get_queryset(request)
        self.list_display = list_display
        self.list_display_links = list_display_links
        self.list_filter = list_filter
        self.has_filters = None
        self.has_active_filters = None
        self.clear_all_filters_qs = None
        self.date_hierarchy = date_hierarchy
        self.search_fields = search_fields
        self.list_select_related = list_select_related
        self.list_per_page = list_per_page
        self.list_max_show_all = list_max_show_all
        self.model_admin = model_admin
        self.preserved_filters = model_admin.get_preserved_filters(request)
        self.sortable_by = sortable_by
        self.search_help_text = search_help_text
        self.is_popup = False
        self.to_field = None
        self.add_facets = False
        try:
            self.page_num = int(request.GET.get(PAGE_VAR, 1))
        except ValueError:
            self.page_num = 1
        self.show_all = ALL_VAR in request.GET
        self.params = dict((key, list(values)) for key, values in request.GET.lists() if key not in (PAGE_VAR, ERROR_FLAG))
        self.filter_params = dict((key, values) for key, values in self.params.items() if key not in IGNORED_PARAMS)
        self.query = request.GET.get(SEARCH_VAR, "")
        self.list_editable = () if self.is_popup else list_editable
        self.queryset = self.get_queryset(request)
        self.get_results(request)
        self.title = (_("Select %s") if self.is_popup else (
            _("Select %s to change") if model_admin.has_change_permission(request) else _("Select %s to view"))) % (
            text_type(self.opts.verbose_name),)
        self.pk_attname = self.lookup_opts.pk.attname

    # --- filters ----------------------------------------------------------------------------
    def get_filters_params(self, params=None):
        return dict((key, list(values)) for key, values in (params or self.filter_params).items())

    def get_filters(self, request):
        """``(filter specs, has filters, remaining lookups, may have duplicates, has active filters)``."""
        lookup_params = self.get_filters_params()
        may_have_duplicates = False
        has_active_filters = False
        filter_specs = []
        for list_filter in self.list_filter:
            lookup_params_count = len(lookup_params)
            if isinstance(list_filter, type) and issubclass(list_filter, ListFilter):
                spec = list_filter(request, lookup_params, self.model, self.model_admin)
            else:
                field_path = None
                if isinstance(list_filter, (tuple, list)):
                    field, field_list_filter_class = list_filter
                else:
                    field, field_list_filter_class = list_filter, FieldListFilter.create
                if not isinstance(field, models.Field):
                    field_path = field
                    field = get_fields_from_path(self.model, field_path)[-1]
                spec = field_list_filter_class(field, request, lookup_params, self.model, self.model_admin,
                                               field_path=field_path)
                if lookup_params_count > len(lookup_params):
                    may_have_duplicates |= lookup_spawns_duplicates(self.lookup_opts, field_path or field.name)
            if spec and spec.has_output():
                filter_specs.append(spec)
                if lookup_params_count > len(lookup_params):
                    has_active_filters = True
        if self.date_hierarchy:
            year = lookup_params.pop("%s__year" % self.date_hierarchy, [None])[-1]
            month = lookup_params.pop("%s__month" % self.date_hierarchy, [None])[-1]
            day = lookup_params.pop("%s__day" % self.date_hierarchy, [None])[-1]
            self.date_hierarchy_params = {}
            for name, value in (("year", year), ("month", month), ("day", day)):
                if value is not None:
                    try:
                        self.date_hierarchy_params[name] = int(value)
                    except ValueError:
                        raise IncorrectLookupParameters("%s is not a number: %r" % (name, value))
            if self.date_hierarchy_params:
                has_active_filters = True
        # Whatever no filter consumed must be a lookup the admin exposes; anything else is refused.
        for key, value_list in lookup_params.items():
            for value in value_list:
                if not self.model_admin.lookup_allowed(key, value, request):
                    raise DisallowedModelAdminLookup("Filtering by %s not allowed" % key)
        return filter_specs, bool(filter_specs), lookup_params, may_have_duplicates, has_active_filters

    def get_query_string(self, new_params=None, remove=None):
        """This list's query string with ``new_params`` set and parameters starting with ``remove`` dropped."""
        new_params = new_params or {}
        remove = remove or []
        params = dict((key, list(values)) for key, values in self.params.items())
        for prefix in remove:
            for key in list(params):
                if key.startswith(prefix):
                    del params[key]
        for key, value in new_params.items():
            if value is None:
                params.pop(key, None)
            elif isinstance(value, (list, tuple)):
                params[key] = [text_type(item) for item in value]
            else:
                params[key] = [text_type(value)]
        pairs = [(key, value) for key in sorted(params) for value in params[key]]
        return "?" + urlencode([(key.encode("utf-8") if str is bytes else key,
                                 value.encode("utf-8") if str is bytes else value) for key, value in pairs])

    # --- rows --------------------------------------------------------------------------------
    def get_results(self, request):
        paginator = self.model_admin.get_paginator(request, self.queryset, self.list_per_page)
        result_count = paginator.count
        if self.model_admin.show_full_result_count and (self.has_active_filters or self.query):
            full_result_count = self.root_queryset.count()
        else:
            full_result_count = result_count
        can_show_all = result_count <= self.list_max_show_all
        multi_page = result_count > self.list_per_page
        if (self.show_all and can_show_all) or not multi_page:
            result_list = list(self.queryset._clone())
        else:
            try:
                result_list = list(paginator.page(self.page_num).object_list)
            except InvalidPage:
                raise IncorrectLookupParameters("page %s does not exist" % self.page_num)
        self.result_count = result_count
        self.show_full_result_count = self.model_admin.show_full_result_count
        self.show_admin_actions = not self.show_full_result_count or bool(full_result_count)
        self.full_result_count = full_result_count
        self.result_list = result_list
        self.can_show_all = can_show_all
        self.multi_page = multi_page
        self.paginator = paginator

    def _get_default_ordering(self):
        ordering = []
        if self.model_admin.ordering:
            ordering = self.model_admin.ordering
        elif self.lookup_opts.ordering:
            ordering = self.lookup_opts.ordering
        return ordering

    def get_ordering_field(self, field_name):
        """The model field (or expression) a ``list_display`` column sorts by, or None if it cannot sort."""
        try:
            field = self.lookup_opts.get_field(field_name)
            return field.name
        except FieldDoesNotExist:
            if callable(field_name):
                attr = field_name
            elif hasattr(self.model_admin, field_name):
                attr = getattr(self.model_admin, field_name)
            else:
                attr = getattr(self.model, field_name, None)
            if isinstance(attr, property) and hasattr(attr, "fget"):
                attr = attr.fget
            return getattr(attr, "admin_order_field", None)

    def get_ordering(self, request, queryset):
        """The ORDER BY of the list: the ``?o=`` columns, then the default ordering, then the key."""
        params = self.params
        ordering = list(self.model_admin.get_ordering(request) or self._get_default_ordering())
        if ORDER_VAR in params:
            ordering = []
            order_params = params[ORDER_VAR][-1].split(".")
            for param in order_params:
                try:
                    none, pfx, idx = param.rpartition("-")
                    field_name = self.list_display[int(idx)]
                    order_field = self.get_ordering_field(field_name)
                    if not order_field:
                        continue  # a column that cannot be sorted
                    if self.sortable_by is not None and field_name not in self.sortable_by:
                        continue
                    if hasattr(order_field, "as_sql"):
                        ordering.append(order_field.desc() if pfx == "-" else order_field.asc())
                    elif order_field.startswith("-") and pfx == "-":
                        ordering.append(order_field[1:])
                    elif order_field.startswith("-"):
                        ordering.append(order_field)
                    else:
                        ordering.append(pfx + order_field)
                except (IndexError, ValueError):
                    continue  # an invalid "o" parameter is ignored
        ordering.extend(queryset.query.order_by)
        return self._get_deterministic_ordering(ordering)

    def _get_deterministic_ordering(self, ordering):
        """``ordering`` ended with the primary key (descending) unless it already orders totally."""
        ordering = list(ordering)
        pk_name = self.lookup_opts.pk.name
        for part in ordering:
            name = part.lstrip("-") if isinstance(part, text_type) or isinstance(part, str) else None
            if name in ("pk", pk_name, "-pk"):
                return ordering
        return ordering + ["-pk"]

    def get_ordering_field_columns(self):
        """``{column index: "asc" | "desc"}`` of the sorted ``list_display`` columns."""
        ordering_fields = OrderedDict()  # the sort priority is the order
        if ORDER_VAR not in self.params:
            ordering = self._get_default_ordering()
            for field in ordering:
                if isinstance(field, OrderBy) or not isinstance(field, (text_type, str)):
                    continue
                order_type, field_name = ("desc", field[1:]) if field.startswith("-") else ("asc", field)
                for index, attr in enumerate(self.list_display):
                    if self.get_ordering_field(attr) == field_name:
                        ordering_fields[index] = order_type
                        break
        else:
            for param in self.params[ORDER_VAR][-1].split("."):
                none, pfx, idx = param.rpartition("-")
                try:
                    idx = int(idx)
                except ValueError:
                    continue
                if 0 <= idx < len(self.list_display) and idx not in ordering_fields:
                    ordering_fields[idx] = "desc" if pfx == "-" else "asc"
        return ordering_fields

    def get_queryset(self, request, exclude_parameters=None):
        (self.filter_specs, self.has_filters, remaining_lookup_params, filters_may_have_duplicates,
         self.has_active_filters) = self.get_filters(request)
        qs = self.root_queryset
        try:
            for filter_spec in self.filter_specs:
                new_qs = filter_spec.queryset(request, qs)
                if new_qs is not None:
                    qs = new_qs
            if remaining_lookup_params:
                qs = qs.filter(**dict((key, values[-1]) for key, values in remaining_lookup_params.items()))
            if self.date_hierarchy and self.date_hierarchy_params:
                qs = qs.filter(**dict(("%s__%s" % (self.date_hierarchy, part), value)
                                      for part, value in self.date_hierarchy_params.items()))
        except (ValueError, TypeError, ValidationError) as exc:
            raise IncorrectLookupParameters(exc)
        qs, search_may_have_duplicates = self.model_admin.get_search_results(request, qs, self.query)
        self.clear_all_filters_qs = self.get_query_string(
            new_params=dict((key, None) for key in list(self.filter_params)), remove=[])
        if self.date_hierarchy:
            self.clear_all_filters_qs = self.get_query_string(
                new_params=dict((key, None) for key in list(self.filter_params)),
                remove=["%s__" % self.date_hierarchy])
        if filters_may_have_duplicates or search_may_have_duplicates:
            qs = qs.distinct()
        ordering = self.get_ordering(request, qs)
        qs = qs.order_by(*ordering)
        return self.apply_select_related(qs)

    def apply_select_related(self, qs):
        if self.list_select_related is True:
            return qs.select_related()
        if self.list_select_related is False:
            related = [name for name in self.list_display if self.has_related_field_in_list_display(name)]
            return qs.select_related(*related) if related else qs
        if self.list_select_related:
            return qs.select_related(*self.list_select_related)
        return qs

    def has_related_field_in_list_display(self, field_name):
        try:
            field = self.lookup_opts.get_field(field_name)
        except (FieldDoesNotExist, TypeError):
            return False
        return bool(field.is_relation and (field.many_to_one or field.one_to_one) and field.concrete)

    def url_for_result(self, result):
        pk = getattr(result, self.pk_attname)
        return reverse("admin:%s_%s_change" % (self.opts.app_label, self.opts.model_name), args=(quote(pk),),
                       current_app=self.model_admin.admin_site.name)

    def verbose_name_plural(self):
        return capfirst(self.opts.verbose_name_plural)

