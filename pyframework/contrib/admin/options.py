"""ModelAdmin and the inlines: how one model is listed, searched, edited and deleted.

The options and hooks are Django's (``list_display``, ``fieldsets``, ``get_queryset``,
``has_change_permission``, ``save_model``...). The views themselves live in
``views/changelist.py`` and ``views/edit.py`` as mixins of ModelAdmin.
"""
from __future__ import absolute_import, unicode_literals

import operator
from collections import OrderedDict
from functools import partial, reduce, update_wrapper

from pyframework import forms
from pyframework.contrib import messages
from pyframework.contrib.admin import helpers
from pyframework.contrib.admin.base_options import (  # noqa: F401  (Django's import path)
    FORMFIELD_FOR_DBFIELD_DEFAULTS, HORIZONTAL, VERTICAL, BaseModelAdmin, get_ul_class)
from pyframework.contrib.admin.checks import InlineModelAdminChecks, ModelAdminChecks
from pyframework.contrib.admin.exceptions import DisallowedModelAdminToField, IncorrectLookupParameters  # noqa: F401 (Django's import path)
from pyframework.contrib.admin.models import ADDITION, CHANGE, DELETION, LogEntry, get_content_type_for_model  # noqa: F401,E501
from pyframework.contrib.admin.utils import (
    construct_change_message, flatten_fieldsets, get_deleted_objects, lookup_spawns_duplicates, model_format_dict)
from pyframework.contrib.admin.views.changelist import ChangeListViewsMixin
from pyframework.contrib.admin.views.edit import ChangeFormViewsMixin
from pyframework.contrib.admin.views.main import ChangeList
from pyframework.core.exceptions import FieldDoesNotExist, ValidationError
from pyframework.core.paginator import Paginator
from pyframework.db.models.query_utils import Q
from pyframework.forms.model_formsets import BaseInlineFormSet, inlineformset_factory
from pyframework.forms.models import modelform_factory
from pyframework.http import HttpResponseRedirect
from pyframework.urls.conf import path
from pyframework.utils.compat import text_type
from pyframework.utils.text import capfirst
from pyframework.utils.translation import gettext as _


class ModelAdmin(ChangeListViewsMixin, ChangeFormViewsMixin, BaseModelAdmin):
    """How one model appears in the admin; register it with ``admin.site.register(Model, ThisAdmin)``."""

    list_display = ("__str__",)
    list_display_links = ()
    list_filter = ()
    list_select_related = False
    list_per_page = 100
    list_max_show_all = 200
    list_editable = ()
    search_fields = ()
    search_help_text = None
    date_hierarchy = None
    save_as = False
    save_as_continue = True
    save_on_top = False
    paginator = Paginator
    preserve_filters = True
    show_facets = None
    inlines = ()
    add_form_template = None
    change_form_template = None
    change_list_template = None
    delete_confirmation_template = None
    delete_selected_confirmation_template = None
    object_history_template = None
    popup_response_template = None
    actions = ()
    action_form = helpers.ActionForm
    actions_on_top = True
    actions_on_bottom = False
    actions_selection_counter = True
    checks_class = ModelAdminChecks

    def __init__(self, model, admin_site):
        self.model = model
        self.opts = model._meta
        self.admin_site = admin_site
        super(ModelAdmin, self).__init__()

    def __str__(self):
        return "%s.%s" % (self.opts.app_label, self.__class__.__name__)

    def __repr__(self):
        return "<%s: model=%s site=%s>" % (self.__class__.__name__, self.model.__name__, self.admin_site.name)

    def get_inline_instances(self, request, obj=None):
        instances = []
        for inline_class in self.get_inlines(request, obj):
            inline = inline_class(self.model, self.admin_site)
            if request is not None:
                if not (inline.has_view_or_change_permission(request, obj) or inline.has_add_permission(request, obj)
                        or inline.has_delete_permission(request, obj)):
                    continue
                if not inline.has_add_permission(request, obj):
                    inline.max_num = 0
            instances.append(inline)
        return instances

    # --- URLs ----------------------------------------------------------------------------------
    def get_urls(self):
        def wrap(view):
            def wrapper(*args, **kwargs):
                return self.admin_site.admin_view(view)(*args, **kwargs)
            wrapper.model_admin = self
            return update_wrapper(wrapper, view)

        info = self.opts.app_label, self.opts.model_name
        return [
            path("", wrap(self.changelist_view), name="%s_%s_changelist" % info),
            path("add/", wrap(self.add_view), name="%s_%s_add" % info),
            path("<path:object_id>/history/", wrap(self.history_view), name="%s_%s_history" % info),
            path("<path:object_id>/delete/", wrap(self.delete_view), name="%s_%s_delete" % info),
            path("<path:object_id>/change/", wrap(self.change_view), name="%s_%s_change" % info),
            path("<path:object_id>/", wrap(self.redirect_to_change)),
        ]

    def redirect_to_change(self, request, object_id):
        return HttpResponseRedirect("change/")

    @property
    def urls(self):
        return self.get_urls()

    @property
    def media(self):
        """The admin's JavaScript files this ModelAdmin's pages need (static paths)."""
        scripts = ["admin/js/actions.js", "admin/js/inlines.js", "admin/js/prepopulate.js",
                   "admin/js/SelectFilter.js", "admin/js/autocomplete.js"]
        return scripts

    def get_model_perms(self, request):
        return {"add": self.has_add_permission(request), "change": self.has_change_permission(request),
                "delete": self.has_delete_permission(request), "view": self.has_view_permission(request)}

    # --- forms --------------------------------------------------------------------------------
    def _get_form_for_get_fields(self, request, obj):
        return self.get_form(request, obj, fields=None)

    def get_form(self, request, obj=None, change=False, **kwargs):
        """The ModelForm class of the add/change page (``self.form`` narrowed to the shown fields)."""
        if "fields" in kwargs:
            fields = kwargs.pop("fields")
        else:
            fields = flatten_fieldsets(self.get_fieldsets(request, obj))
        excluded = self.get_exclude(request, obj)
        exclude = [] if excluded is None else list(excluded)
        readonly_fields = self.get_readonly_fields(request, obj)
        exclude.extend(readonly_fields)
        if excluded is None and hasattr(self.form, "_meta") and self.form._meta.exclude:
            exclude.extend(self.form._meta.exclude)
        exclude = exclude or None
        new_attrs = dict((name, None) for name in readonly_fields if name in getattr(self.form, "declared_fields", {}))
        form = type(self.form.__name__, (self.form,), new_attrs)
        if fields is not None:
            fields = [name for name in fields if not exclude or name not in exclude]
        defaults = {"form": form, "fields": fields if fields is not None else "__all__", "exclude": exclude,
                    "formfield_callback": partial(self.formfield_for_dbfield, request=request)}
        defaults.update(kwargs)
        return modelform_factory(self.model, **defaults)

    def get_changelist(self, request, **kwargs):
        return ChangeList

    def get_changelist_instance(self, request):
        list_display = list(self.get_list_display(request))
        list_display_links = self.get_list_display_links(request, list_display)
        if self.get_actions(request):
            list_display = ["action_checkbox"] + list_display
        sortable_by = self.get_sortable_by(request)
        ChangeList = self.get_changelist(request)
        return ChangeList(
            request, self.model, list_display, list_display_links, self.get_list_filter(request),
            self.date_hierarchy, self.get_search_fields(request), self.get_list_select_related(request),
            self.list_per_page, self.list_max_show_all, self.list_editable, self, sortable_by,
            self.search_help_text)

    def get_object(self, request, object_id, from_field=None):
        """The object ``object_id`` names among ``get_queryset()``, or None (unknown or malformed id)."""
        queryset = self.get_queryset(request)
        model = queryset.model
        field = model._meta.pk if from_field is None else model._meta.get_field(from_field)
        try:
            object_id = field.to_python(object_id)
            return queryset.get(**{field.name: object_id})
        except (model.DoesNotExist, ValidationError, ValueError, TypeError, OverflowError):
            return None

    def get_changelist_form(self, request, **kwargs):
        defaults = {"formfield_callback": partial(self.formfield_for_dbfield, request=request)}
        defaults.update(kwargs)
        if defaults.get("fields") is None and not (hasattr(self.form, "_meta") and self.form._meta.fields):
            defaults["fields"] = list(self.list_editable)
        return modelform_factory(self.model, **defaults)

    def get_changelist_formset(self, request, **kwargs):
        defaults = {"formfield_callback": partial(self.formfield_for_dbfield, request=request)}
        defaults.update(kwargs)
        return forms.modelformset_factory(self.model, self.get_changelist_form(request), extra=0,
                                          fields=self.list_editable, **defaults)

    def get_formsets_with_inlines(self, request, obj=None):
        for inline in self.get_inline_instances(request, obj):
            yield inline.get_formset(request, obj), inline

    def get_paginator(self, request, queryset, per_page, orphans=0, allow_empty_first_page=True):
        return self.paginator(queryset, per_page, orphans, allow_empty_first_page)

    # --- history -------------------------------------------------------------------------------
    def log_addition(self, request, obj, message):
        return LogEntry.objects.log_actions(request.user.pk, [obj], ADDITION, change_message=message,
                                            single_object=True)

    def log_change(self, request, obj, message):
        return LogEntry.objects.log_actions(request.user.pk, [obj], CHANGE, change_message=message,
                                            single_object=True)

    def log_deletions(self, request, queryset):
        return LogEntry.objects.log_actions(request.user.pk, queryset, DELETION)

    def log_deletion(self, request, obj, object_repr):
        return LogEntry.objects.log_actions(request.user.pk, [obj], DELETION, single_object=True)

    # --- actions -------------------------------------------------------------------------------
    def action_checkbox(self, obj):
        """The checkbox column of the change list (``input[name=_selected_action]``)."""
        from markupsafe import Markup, escape

        return Markup('<input type="checkbox" name="%s" value="%s" class="action-select" aria-label="%s">' % (
            helpers.ACTION_CHECKBOX_NAME, escape(obj.pk), escape(_("Select this object for an action - %(obj)s")
                                                                    % {"obj": obj})))

    action_checkbox.short_description = "action_checkbox"

    @staticmethod
    def _get_action_description(func, name):
        return getattr(func, "short_description", capfirst(name.replace("_", " ")))

    def _get_base_actions(self):
        actions = []
        base_actions = (self.get_action(action) for action in self.actions or [])
        base_actions = [action for action in base_actions if action]
        base_action_names = set(name for _func, name, _desc in base_actions)
        for name, func in self.admin_site.actions:
            if name in base_action_names:
                continue
            actions.append((func, name, self._get_action_description(func, name)))
        actions.extend(base_actions)
        return actions

    def _filter_actions_by_permissions(self, request, actions):
        filtered = []
        for action in actions:
            callable_ = action[0]
            if not hasattr(callable_, "allowed_permissions"):
                filtered.append(action)
                continue
            if all(getattr(self, "has_%s_permission" % permission)(request)
                   for permission in callable_.allowed_permissions):
                filtered.append(action)
        return filtered

    def get_actions(self, request):
        """``{name: (function, name, description)}`` of the actions this user may run here."""
        if self.actions is None:
            return {}
        actions = self._filter_actions_by_permissions(request, self._get_base_actions())
        return OrderedDict((name, (func, name, desc)) for func, name, desc in actions)  # the order offered

    def get_action_choices(self, request, default_choices=(("", "---------"),)):
        choices = list(default_choices)
        for func, name, description in self.get_actions(request).values():
            choices.append((name, description % model_format_dict(self.opts)))
        return choices

    def get_action(self, action):
        """``(function, name, description)`` for an action name or callable, or None."""
        if callable(action):
            func = action
            action = action.__name__
        elif hasattr(self.__class__, action):
            func = getattr(self.__class__, action)  # called as func(modeladmin, request, queryset)
        else:
            try:
                func = self.admin_site.get_action(action)
            except KeyError:
                return None
        return func, action, self._get_action_description(func, action)

    # --- change list options ------------------------------------------------------------------
    def get_list_display(self, request):
        return self.list_display

    def get_list_display_links(self, request, list_display):
        if self.list_display_links or self.list_display_links is None or not list_display:
            return self.list_display_links
        return list(list_display)[:1]

    def get_list_filter(self, request):
        return self.list_filter

    def get_list_select_related(self, request):
        return self.list_select_related

    def get_search_fields(self, request):
        return self.search_fields

    def get_search_results(self, request, queryset, search_term):
        """``(queryset, may_have_duplicates)`` narrowed by ``search_term`` over ``search_fields``.

        Prefixes: ``^`` starts with, ``=`` exact (case-insensitive), ``@`` full text (a
        case-insensitive contains here), none: contains. Every word must match some field.
        """
        def construct_search(field_name):
            if field_name.startswith("^"):
                return "%s__istartswith" % field_name[1:]
            if field_name.startswith("="):
                return "%s__iexact" % field_name[1:]
            if field_name.startswith("@"):
                return "%s__icontains" % field_name[1:]
            opts = queryset.model._meta
            lookup_fields = field_name.split("__")
            prev_field = None
            for path_part in lookup_fields:
                if path_part == "pk":
                    path_part = opts.pk.name
                try:
                    field = opts.get_field(path_part)
                except FieldDoesNotExist:
                    if prev_field and path_part in ("exact", "iexact", "contains", "icontains", "startswith",
                                                    "istartswith", "endswith", "iendswith", "regex", "iregex"):
                        return field_name
                    break
                prev_field = field
                if getattr(field, "related_model", None) is not None:
                    opts = field.related_model._meta
            return "%s__icontains" % field_name

        may_have_duplicates = False
        search_fields = self.get_search_fields(request)
        if search_fields and search_term:
            orm_lookups = [construct_search(text_type(search_field)) for search_field in search_fields]
            for bit in _smart_split(search_term):
                or_queries = [Q(**{orm_lookup: bit}) for orm_lookup in orm_lookups]
                queryset = queryset.filter(reduce(operator.or_, or_queries))
            may_have_duplicates |= any(lookup_spawns_duplicates(self.opts, search_spec)
                                       for search_spec in orm_lookups)
        return queryset, may_have_duplicates

    def get_preserved_filters(self, request):
        """The change list's filters (``_changelist_filters=...``) carried through the edit pages."""
        from pyframework.utils.compat import urlencode

        match = getattr(request, "resolver_match", None)
        if not (self.preserve_filters and match):
            return ""
        current_url = "%s:%s" % (match.app_name, match.url_name)
        changelist_url = "admin:%s_%s_changelist" % (self.opts.app_label, self.opts.model_name)
        if current_url == changelist_url:
            preserved_filters = request.GET.urlencode()
        else:
            preserved_filters = request.GET.get("_changelist_filters")
        if preserved_filters:
            return urlencode({"_changelist_filters": preserved_filters})
        return ""

    # --- saving ---------------------------------------------------------------------------------
    def construct_change_message(self, request, form, formsets, add=False):
        return construct_change_message(form, formsets, add)

    def message_user(self, request, message, level=messages.INFO, extra_tags="", fail_silently=False):
        """Show ``message`` on the next page (the messages framework)."""
        if not isinstance(level, int):
            try:
                level = getattr(messages.constants, level.upper())
            except AttributeError:
                levels = messages.constants.DEFAULT_TAGS.values()
                raise ValueError("Bad message level string: `%s`. Possible values are: %s"
                                 % (level, ", ".join("`%s`" % name for name in levels)))
        messages.add_message(request, level, message, extra_tags=extra_tags, fail_silently=fail_silently)

    def save_form(self, request, form, change):
        return form.save(commit=False)

    def save_model(self, request, obj, form, change):
        obj.save()

    def delete_model(self, request, obj):
        obj.delete()

    def delete_queryset(self, request, queryset):
        queryset.delete()

    def save_formset(self, request, form, formset, change):
        formset.save()

    def save_related(self, request, form, formsets, change):
        form.save_m2m()
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)

    def get_deleted_objects(self, objs, request):
        return get_deleted_objects(objs, request, self.admin_site)

    def get_changeform_initial_data(self, request):
        initial = dict(request.GET.items())
        for key in list(initial):
            try:
                field = self.opts.get_field(key)
            except FieldDoesNotExist:
                initial.pop(key)
                continue
            if field.many_to_many:
                initial[key] = initial[key].split(",")
        return initial


def _smart_split(text):
    """Words of a search, a "quoted phrase" counting as one word."""
    import shlex

    try:
        return [bit for bit in shlex.split(text) if bit]
    except ValueError:  # an unbalanced quote
        return [bit for bit in text.split() if bit]


class InlineModelAdmin(BaseModelAdmin):
    """Edit the rows of a related model on the parent's change page (``inlines = [BookInline]``)."""

    model = None
    fk_name = None
    formset = BaseInlineFormSet
    extra = 3
    min_num = None
    max_num = None
    template = None
    verbose_name = None
    verbose_name_plural = None
    can_delete = True
    show_change_link = False
    checks_class = InlineModelAdminChecks
    classes = None

    def __init__(self, parent_model, admin_site):
        self.admin_site = admin_site
        self.parent_model = parent_model
        self.opts = self.model._meta
        self.has_registered_model = admin_site.is_registered(self.model)
        super(InlineModelAdmin, self).__init__()
        if self.verbose_name_plural is None:
            if self.verbose_name is None:
                self.verbose_name_plural = self.opts.verbose_name_plural
            else:
                self.verbose_name_plural = "%ss" % self.verbose_name
        if self.verbose_name is None:
            self.verbose_name = self.opts.verbose_name

    def get_extra(self, request, obj=None, **kwargs):
        return self.extra

    def get_min_num(self, request, obj=None, **kwargs):
        return self.min_num

    def get_max_num(self, request, obj=None, **kwargs):
        return self.max_num

    def _get_form_for_get_fields(self, request, obj=None):
        return self.get_formset(request, obj, fields=None).form

    def get_formset(self, request, obj=None, **kwargs):
        """The inline formset class (``inlineformset_factory`` with the inline's options)."""
        if "fields" in kwargs:
            fields = kwargs.pop("fields")
        else:
            fields = flatten_fieldsets(self.get_fieldsets(request, obj))
        excluded = self.get_exclude(request, obj)
        exclude = [] if excluded is None else list(excluded)
        exclude.extend(self.get_readonly_fields(request, obj))
        if excluded is None and hasattr(self.form, "_meta") and self.form._meta.exclude:
            exclude.extend(self.form._meta.exclude)
        can_delete = self.can_delete and self.has_delete_permission(request, obj)
        if fields is not None:
            fields = [name for name in fields if name not in exclude]
        defaults = {
            "form": self.form, "formset": self.formset, "fk_name": self.fk_name,
            "fields": fields if fields is not None else "__all__", "exclude": exclude or None,
            "formfield_callback": partial(self.formfield_for_dbfield, request=request),
            "extra": self.get_extra(request, obj, **kwargs), "min_num": self.get_min_num(request, obj, **kwargs),
            "max_num": self.get_max_num(request, obj, **kwargs), "can_delete": can_delete,
            # min_num/max_num hold for every submission, not only in the browser's script.
            "validate_min": True, "validate_max": True,
        }
        defaults.update(kwargs)
        return inlineformset_factory(self.parent_model, self.model, **defaults)

    def get_queryset(self, request):
        queryset = super(InlineModelAdmin, self).get_queryset(request)
        if not self.has_view_or_change_permission(request):
            queryset = queryset.none()
        return queryset

    def _has_any_perms_for_target_model(self, request, perms):
        """For an auto-created (many-to-many link) model: the permissions on the other end."""
        opts = self.opts
        for field in opts.fields:
            if field.remote_field and field.remote_field.model != self.parent_model:
                opts = field.remote_field.model._meta
                break
        return any(request.user.has_perm(self._perm(perm, opts)) for perm in perms)

    def has_add_permission(self, request, obj=None):
        if self.opts.auto_created:
            return self._has_any_perms_for_target_model(request, ["change"])
        return super(InlineModelAdmin, self).has_add_permission(request)

    def has_change_permission(self, request, obj=None):
        if self.opts.auto_created:
            return self._has_any_perms_for_target_model(request, ["change"])
        return super(InlineModelAdmin, self).has_change_permission(request)

    def has_delete_permission(self, request, obj=None):
        if self.opts.auto_created:
            return self._has_any_perms_for_target_model(request, ["change"])
        return super(InlineModelAdmin, self).has_delete_permission(request, obj)

    def has_view_permission(self, request, obj=None):
        if self.opts.auto_created:
            return self._has_any_perms_for_target_model(request, ["view", "change"])
        return super(InlineModelAdmin, self).has_view_permission(request)


class StackedInline(InlineModelAdmin):
    """Each related object as a stacked block of fields."""

    template = "admin/edit_inline/stacked.html"


class TabularInline(InlineModelAdmin):
    """The related objects as a table, one row each."""

    template = "admin/edit_inline/tabular.html"

