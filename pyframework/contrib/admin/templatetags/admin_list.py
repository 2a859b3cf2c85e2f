"""What the change list template prints, computed in Python (Django's ``admin_list`` tags):
column headers with their sort links, the cells of each row, pagination and the date
hierarchy. ``changelist_context(cl)`` gathers it all for the template.
"""
from __future__ import absolute_import, unicode_literals

import datetime

from markupsafe import Markup, escape

from pyframework.contrib.admin.utils import (
    display_for_field, display_for_value, label_for_field, lookup_field)
from pyframework.contrib.admin.views.main import ALL_VAR, ORDER_VAR, PAGE_VAR, SEARCH_VAR
from pyframework.core.exceptions import ObjectDoesNotExist
from pyframework.db import models
from pyframework.db.models.expressions import F
from pyframework.db.models.lookups import Day, Month, Year
from pyframework.utils.compat import text_type
from pyframework.utils.text import capfirst
from pyframework.utils.translation import gettext as _

DOT = "."
ON_EACH_SIDE = 3
ON_ENDS = 2


def result_headers(cl):
    """One dict per column: ``text``, ``sortable``, ``sorted``, ``ascending`` and the ``?o=`` links."""
    ordering_field_columns = cl.get_ordering_field_columns()
    for i, field_name in enumerate(cl.list_display):
        text, attr = label_for_field(field_name, cl.model, model_admin=cl.model_admin, return_attr=True)
        text = capfirst(text)
        is_field_sortable = cl.sortable_by is None or field_name in cl.sortable_by or field_name == "action_checkbox"
        if attr:
            field_name = _coerce_field_name(field_name, i)
            if field_name == "action_checkbox":
                yield {"text": Markup('<input type="checkbox" id="action-toggle" aria-label="%s">'
                                      % escape(_("Select all objects on this page for an action"))),
                       "class_attrib": Markup(' class="action-checkbox-column"'), "sortable": False}
                continue
            admin_order_field = getattr(attr, "admin_order_field", None)
            if isinstance(attr, property) and hasattr(attr, "fget"):
                admin_order_field = getattr(attr.fget, "admin_order_field", None)
            if not admin_order_field:
                is_field_sortable = False
        if not is_field_sortable:
            yield {"text": text, "class_attrib": Markup(' class="column-%s"' % escape(field_name)),
                   "sortable": False}
            continue
        th_classes = ["sortable", "column-%s" % field_name]
        order_type = ""
        new_order_type = "asc"
        sort_priority = 0
        is_sorted = i in ordering_field_columns
        if is_sorted:
            order_type = ordering_field_columns.get(i).lower()
            sort_priority = list(ordering_field_columns).index(i) + 1
            th_classes.append("sorted %sending" % order_type)
            new_order_type = {"asc": "desc", "desc": "asc"}[order_type]
        o_list_primary, o_list_remove, o_list_toggle = [], [], []

        def make_qs_param(t, n):
            return ("-" if t == "desc" else "") + text_type(n)

        for j, ot in ordering_field_columns.items():
            if j == i:
                param = make_qs_param(new_order_type, j)
                o_list_primary.insert(0, param)
                o_list_toggle.append(param)
            else:
                param = make_qs_param(ot, j)
                o_list_primary.append(param)
                o_list_toggle.append(param)
                o_list_remove.append(param)
        if i not in ordering_field_columns:
            o_list_primary.insert(0, make_qs_param(new_order_type, i))
        yield {
            "text": text, "sortable": True, "sorted": is_sorted, "ascending": order_type == "asc",
            "sort_priority": sort_priority,
            "url_primary": cl.get_query_string({ORDER_VAR: ".".join(o_list_primary)}),
            "url_remove": cl.get_query_string({ORDER_VAR: ".".join(o_list_remove)}),
            "url_toggle": cl.get_query_string({ORDER_VAR: ".".join(o_list_toggle)}),
            "class_attrib": Markup(' class="%s"' % escape(" ".join(th_classes))),
        }


def _coerce_field_name(field_name, field_index):
    if callable(field_name):
        if field_name.__name__ == "<lambda>":
            return "lambda" + text_type(field_index)
        return field_name.__name__
    return field_name


def items_for_result(cl, result, form):
    """The ``<th>``/``<td>`` cells of one row (the first link column goes to the change page)."""
    first = True
    empty_value_display = cl.model_admin.get_empty_value_display()
    cells = []
    for field_index, field_name in enumerate(cl.list_display):
        row_classes = ["field-%s" % _coerce_field_name(field_name, field_index)]
        try:
            f, attr, value = lookup_field(field_name, result, cl.model_admin)
        except (ObjectDoesNotExist, AttributeError):
            result_repr = empty_value_display
        else:
            field_empty = getattr(attr, "empty_value_display", empty_value_display)
            if f is None or f.auto_created:
                if field_name == "action_checkbox":
                    row_classes = ["action-checkbox"]
                boolean = getattr(attr, "boolean", False)
                result_repr = display_for_value(value, field_empty, boolean)
                if isinstance(value, (datetime.date, datetime.time)):
                    row_classes.append("nowrap")
            else:
                if isinstance(f.remote_field, models.ManyToOneRel) or f.many_to_one or f.one_to_one:
                    result_repr = field_empty if value is None else text_type(value)
                else:
                    result_repr = display_for_field(value, f, field_empty)
                if isinstance(f, (models.DateField, models.TimeField, models.ForeignKey)):
                    row_classes.append("nowrap")
        row_class = Markup(' class="%s"' % escape(" ".join(row_classes)))
        if _is_link(cl, field_name, first):
            table_tag = "th" if first else "td"
            first = False
            url = cl.url_for_result(result)
            cells.append(Markup('<%s%s><a href="%s">%s</a></%s>' % (
                table_tag, row_class, escape(url), escape(result_repr), table_tag)))
        else:
            if form is not None and field_name in form.fields and not (
                    field_name == cl.model._meta.pk.name and form[cl.model._meta.pk.name].is_hidden):
                bf = form[field_name]
                result_repr = Markup("%s%s" % (bf.errors, bf))
            cells.append(Markup("<td%s>%s</td>" % (row_class, escape(result_repr))))
    if form is not None and form[cl.model._meta.pk.name].is_hidden:
        cells.append(Markup("<td>%s</td>" % form[cl.model._meta.pk.name]))
    return cells


def _is_link(cl, field_name, first):
    if cl.list_display_links is None:
        return False
    if field_name == "action_checkbox":
        return False
    if not cl.list_display_links:
        return first
    return field_name in cl.list_display_links


def results(cl):
    """The rows of the page: ``[{"cells": [...], "form": form or None, "pk": ...}]``."""
    forms_by_pk = {}
    if cl.formset is not None:
        forms_by_pk = dict((text_type(form.instance.pk), form) for form in cl.formset.forms)
    rows = []
    for result in cl.result_list:
        form = forms_by_pk.get(text_type(result.pk)) if cl.formset is not None else None
        rows.append({"cells": items_for_result(cl, result, form), "form": form, "pk": result.pk})
    return rows


def pagination(cl):
    """``{"page_range": [1, 2, "...", 9], "current": n, ...}`` (Django's elided page list)."""
    paginator, page_num = cl.paginator, cl.page_num
    pagination_required = (not cl.show_all or not cl.can_show_all) and cl.multi_page
    page_range = []
    if pagination_required:
        page_range = list(paginator.get_elided_page_range(page_num)) if hasattr(
            paginator, "get_elided_page_range") else list(paginator.page_range)
    need_show_all_link = cl.can_show_all and not cl.show_all and cl.multi_page
    links = []
    for item in page_range:
        if item == getattr(paginator, "ELLIPSIS", "\u2026"):
            links.append({"ellipsis": True, "text": item})
        else:
            links.append({"ellipsis": False, "text": text_type(item), "current": item == page_num,
                          "url": cl.get_query_string({PAGE_VAR: item}),
                          "is_end": item == paginator.num_pages})
    return {"pagination_required": pagination_required, "links": links,
            "show_all_url": need_show_all_link and cl.get_query_string({ALL_VAR: ""}),
            "result_count": cl.result_count}


def date_hierarchy(cl):
    """The year / month / day links above the list (``date_hierarchy``), or None."""
    if not cl.date_hierarchy:
        return None
    field_name = cl.date_hierarchy
    params = getattr(cl, "date_hierarchy_params", {})
    year, month, day = params.get("year"), params.get("month"), params.get("day")
    year_field, month_field, day_field = "%s__year" % field_name, "%s__month" % field_name, "%s__day" % field_name
    field_generic = "%s__" % field_name

    def link(filters):
        return cl.get_query_string(filters, [field_generic])

    queryset = cl.queryset.order_by()
    if year and month and day:
        when = datetime.date(year, month, day)
        return {"show": True, "back": {"link": link({year_field: year, month_field: month}),
                                       "title": when.strftime("%B %Y")},
                "choices": [{"title": when.strftime("%B %d")}]}
    if year and month:
        days = _distinct_parts(queryset, field_name, "day")
        return {"show": True, "back": {"link": link({year_field: year}), "title": text_type(year)},
                "choices": [{"link": link({year_field: year, month_field: month, day_field: d}),
                             "title": datetime.date(year, month, d).strftime("%B %d")} for d in days]}
    if year:
        months = _distinct_parts(queryset, field_name, "month")
        return {"show": True, "back": {"link": link({}), "title": _("All dates")},
                "choices": [{"link": link({year_field: year, month_field: m}),
                             "title": datetime.date(year, m, 1).strftime("%B %Y")} for m in months]}
    years = _distinct_parts(queryset, field_name, "year")
    return {"show": True, "back": None,
            "choices": [{"link": link({year_field: y}), "title": text_type(y)} for y in years]}


def _distinct_parts(queryset, field_name, part):
    """The distinct years, months or days of the field within ``queryset``: one grouped query."""
    transform = _DATE_PARTS[part]
    values = queryset.annotate(_admin_date_part=transform(F(field_name))).values_list(
        "_admin_date_part", flat=True).distinct().order_by("_admin_date_part")
    return [int(value) for value in values if value is not None]


_DATE_PARTS = {"year": Year, "month": Month, "day": Day}


def search_form(cl):
    return {"show_result_count": cl.result_count != cl.full_result_count, "search_var": SEARCH_VAR,
            "is_popup": cl.is_popup, "query": cl.query}


def changelist_context(cl):
    """Everything ``admin/change_list.html`` prints about ``cl``."""
    headers = list(result_headers(cl))
    return {
        "result_headers": headers,
        "num_sorted_fields": sum(1 for header in headers if header.get("sorted")),
        "results": results(cl),
        "pagination": pagination(cl),
        "date_hierarchy": date_hierarchy(cl),
        "search": search_form(cl),
        "filter_specs": [(spec, list(spec.choices(cl)), capfirst(spec.title)) for spec in cl.filter_specs],
    }
