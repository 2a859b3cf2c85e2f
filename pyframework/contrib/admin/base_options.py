"""BaseModelAdmin: the options and hooks ModelAdmin and the inlines share (form fields and
their widgets, querysets, permissions, the lookups a change list may filter by).

Import the classes from ``pyframework.contrib.admin`` or ``.options``, as in Django.
"""
from __future__ import absolute_import, unicode_literals

import copy

from pyframework import forms
from pyframework.contrib.admin import widgets
from pyframework.contrib.admin.checks import BaseModelAdminChecks
from pyframework.contrib.admin.filters import SimpleListFilter
from pyframework.contrib.admin.utils import NotRelationField, get_fields_from_path
from pyframework.contrib.auth import get_permission_codename
from pyframework.core.exceptions import FieldDoesNotExist
from pyframework.db import models
from pyframework.utils.translation import gettext as _

HORIZONTAL, VERTICAL = 1, 2
TO_FIELD_VAR = "_to_field"
IS_POPUP_VAR = "_popup"

# Model-field classes -> form-field options the admin uses (overridable per ModelAdmin).
FORMFIELD_FOR_DBFIELD_DEFAULTS = {
    models.DateTimeField: {"widget": widgets.AdminSplitDateTime},
    models.DateField: {"widget": widgets.AdminDateWidget},
    models.TimeField: {"widget": widgets.AdminTimeWidget},
    models.TextField: {"widget": widgets.AdminTextareaWidget},
    models.URLField: {"widget": widgets.AdminURLFieldWidget},
    models.IntegerField: {"widget": widgets.AdminIntegerFieldWidget},
    models.BigIntegerField: {"widget": widgets.AdminBigIntegerFieldWidget},
    models.CharField: {"widget": widgets.AdminTextInputWidget},
    models.EmailField: {"widget": widgets.AdminEmailInputWidget},
}


def get_ul_class(radio_style):
    return "radiolist" if radio_style == VERTICAL else "radiolist inline"


class BaseModelAdmin(object):
    """What ModelAdmin and the inlines share: form options and permission hooks."""

    autocomplete_fields = ()
    raw_id_fields = ()
    fields = None
    exclude = None
    fieldsets = None
    form = forms.ModelForm
    filter_vertical = ()
    filter_horizontal = ()
    radio_fields = {}
    prepopulated_fields = {}
    formfield_overrides = {}
    readonly_fields = ()
    ordering = None
    sortable_by = None
    view_on_site = False
    show_full_result_count = True
    checks_class = BaseModelAdminChecks

    def __init__(self):
        overrides = copy.deepcopy(FORMFIELD_FOR_DBFIELD_DEFAULTS)
        for field_class, options in self.formfield_overrides.items():
            overrides.setdefault(field_class, {}).update(options)
        self.formfield_overrides = overrides

    def check(self, **kwargs):
        return self.checks_class().check(self, **kwargs)

    # --- form fields -------------------------------------------------------------------------
    def formfield_for_dbfield(self, db_field, request, **kwargs):
        """The form field of a model field, with the admin's widgets (raw id, autocomplete, radio...)."""
        if db_field.choices:
            return self.formfield_for_choice_field(db_field, request, **kwargs)
        if db_field.is_relation and (db_field.many_to_many or db_field.many_to_one or db_field.one_to_one):
            if db_field.many_to_many:
                return self.formfield_for_manytomany(db_field, request, **kwargs)
            return self.formfield_for_foreignkey(db_field, request, **kwargs)
        for klass in type(db_field).__mro__:
            if klass in self.formfield_overrides:
                kwargs = dict(copy.deepcopy(self.formfield_overrides[klass]), **kwargs)
                return db_field.formfield(**kwargs)
        return db_field.formfield(**kwargs)

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name in self.radio_fields:
            kwargs.setdefault("widget", widgets.AdminRadioSelect(
                attrs={"class": get_ul_class(self.radio_fields[db_field.name])}))
        return db_field.formfield(**kwargs)

    def get_field_queryset(self, db, db_field, request):
        """The choices of a relation: ordered as the related model's admin orders its list."""
        related_admin = self.admin_site._registry.get(db_field.remote_field.model)
        if related_admin is not None:
            ordering = related_admin.get_ordering(request)
            if ordering:
                return db_field.remote_field.model._default_manager.all().order_by(*ordering)
        return None

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs:
            if db_field.name in self.get_autocomplete_fields(request):
                kwargs["widget"] = widgets.AutocompleteSelect(db_field, self.admin_site)
            elif db_field.name in self.raw_id_fields:
                kwargs["widget"] = widgets.ForeignKeyRawIdWidget(db_field.remote_field, self.admin_site)
            elif db_field.name in self.radio_fields:
                kwargs["widget"] = widgets.AdminRadioSelect(
                    attrs={"class": get_ul_class(self.radio_fields[db_field.name])})
                kwargs["empty_label"] = _("None") if db_field.blank else None
        if "queryset" not in kwargs:
            queryset = self.get_field_queryset(None, db_field, request)
            if queryset is not None:
                kwargs["queryset"] = queryset
        return db_field.formfield(**kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if "widget" not in kwargs:
            autocomplete_fields = self.get_autocomplete_fields(request)
            if db_field.name in autocomplete_fields:
                kwargs["widget"] = widgets.AutocompleteSelectMultiple(db_field, self.admin_site)
            elif db_field.name in self.raw_id_fields:
                kwargs["widget"] = widgets.ManyToManyRawIdWidget(db_field.remote_field, self.admin_site)
            elif db_field.name in list(self.filter_vertical) + list(self.filter_horizontal):
                kwargs["widget"] = widgets.FilteredSelectMultiple(
                    db_field.verbose_name, db_field.name in self.filter_vertical)
        if "queryset" not in kwargs:
            queryset = self.get_field_queryset(None, db_field, request)
            if queryset is not None:
                kwargs["queryset"] = queryset
        return db_field.formfield(**kwargs)

    # --- configuration hooks -------------------------------------------------------------------
    def get_autocomplete_fields(self, request):
        return self.autocomplete_fields

    def get_empty_value_display(self):
        return getattr(self, "empty_value_display", None) or self.admin_site.empty_value_display

    def get_exclude(self, request, obj=None):
        return self.exclude

    def get_fields(self, request, obj=None):
        if self.fields:
            return self.fields
        form = self._get_form_for_get_fields(request, obj)
        # The form's own order (base_fields is a plain dict, unordered on Jython).
        names = [name for name in getattr(form, "_model_field_order", None) or list(form.base_fields)
                 if name in form.base_fields]
        return names + [f for f in self.get_readonly_fields(request, obj) if f not in form.base_fields]

    def get_fieldsets(self, request, obj=None):
        if self.fieldsets:
            return self.fieldsets
        return [(None, {"fields": self.get_fields(request, obj)})]

    def get_inlines(self, request, obj):
        return self.inlines

    def get_ordering(self, request):
        return self.ordering or ()

    def get_readonly_fields(self, request, obj=None):
        return self.readonly_fields

    def get_prepopulated_fields(self, request, obj=None):
        return self.prepopulated_fields

    def get_queryset(self, request):
        """The rows this admin shows and edits (restrict it to limit every page, the actions too)."""
        qs = self.model._default_manager.get_queryset()
        ordering = self.get_ordering(request)
        if ordering:
            qs = qs.order_by(*ordering)
        return qs

    def get_sortable_by(self, request):
        return self.sortable_by if self.sortable_by is not None else self.get_list_display(request)

    def lookup_allowed(self, lookup, value, request=None):
        """True for lookups on what the admin exposes: ``list_filter`` fields and ``date_hierarchy``.

        Stricter than Django, which also allows any lookup on a local field: here a query-string
        parameter can never filter by a field the admin does not show (``?password__startswith=``).
        """
        parts = lookup.split("__")
        valid = set()
        if getattr(self, "date_hierarchy", None):
            valid.add(self.date_hierarchy)
        for filter_item in self.get_list_filter(request) if hasattr(self, "get_list_filter") else ():
            if isinstance(filter_item, type) and issubclass(filter_item, SimpleListFilter):
                valid.add(filter_item.parameter_name)
            elif isinstance(filter_item, (list, tuple)):
                valid.add(filter_item[0])
            else:
                valid.add(filter_item)
        for index in range(len(parts), 0, -1):
            if "__".join(parts[:index]) in valid:
                return self._only_lookups_follow(parts[:index], parts[index:])
        return False

    def _only_lookups_follow(self, field_parts, rest):
        """After an exposed field, only lookups (``__exact``, ``__gte``...) or the related key may follow."""
        try:
            field = get_fields_from_path(self.model, "__".join(field_parts))[-1]
        except (FieldDoesNotExist, NotRelationField):
            return True  # a SimpleListFilter parameter, not a field
        related = getattr(field, "related_model", None)
        for part in rest:
            if related is not None:
                opts = related._meta
                target = getattr(getattr(field, "target_field", None), "name", None)
                if part in ("pk", opts.pk.name, target):
                    related = None
                    continue
                try:
                    opts.get_field(part)
                    return False  # another column of the related model: not exposed
                except FieldDoesNotExist:
                    related = None
            elif _names_a_field(field, part):
                return False
        return True

    def to_field_allowed(self, request, to_field):
        opts = self.model._meta
        try:
            field = opts.get_field(to_field)
        except FieldDoesNotExist:
            return False
        return field.primary_key or getattr(field, "unique", False)

    # --- permissions --------------------------------------------------------------------------
    def _perm(self, action, opts=None):
        opts = opts or self.opts
        return "%s.%s" % (opts.app_label, get_permission_codename(action, opts))

    def has_add_permission(self, request):
        return request.user.has_perm(self._perm("add"))

    def has_change_permission(self, request, obj=None):
        return request.user.has_perm(self._perm("change"))

    def has_delete_permission(self, request, obj=None):
        return request.user.has_perm(self._perm("delete"))

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm(self._perm("view")) or request.user.has_perm(self._perm("change"))

    def has_view_or_change_permission(self, request, obj=None):
        return self.has_view_permission(request, obj) or self.has_change_permission(request, obj)

    def has_module_permission(self, request):
        return request.user.has_module_perms(self.opts.app_label)


def _names_a_field(field, part):
    model = getattr(field, "model", None)
    if model is None:
        return False
    try:
        model._meta.get_field(part)
    except FieldDoesNotExist:
        return False
    return True
