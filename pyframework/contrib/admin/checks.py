"""System checks of the admin: the ModelAdmin options (Django's ids and messages, e.g.
``admin.E108`` for an unknown ``list_display`` entry) and the apps and middleware it needs.
"""
from __future__ import absolute_import, unicode_literals

from pyframework.apps import apps
from pyframework.contrib.admin.filters import FieldListFilter, ListFilter
from pyframework.contrib.admin.utils import flatten, get_fields_from_path
from pyframework.conf import settings
from pyframework.core import checks
from pyframework.core.exceptions import FieldDoesNotExist
from pyframework.db import models
from pyframework.forms.model_formsets import get_foreign_key
from pyframework.utils.compat import string_types


def _is_list(value):
    return isinstance(value, (list, tuple))


def _error(msg, obj, id):
    return checks.Error(msg, obj=obj.__class__, id=id)


def _must_be(type_name, option, obj, id):
    return [_error("The value of '%s' must be a %s." % (option, type_name), obj, id)]


def _not_field(option, field_name, obj, id):
    return [_error("The value of '%s' refers to '%s', which is not a field of '%s'."
                   % (option, field_name, obj.model._meta.label), obj, id)]


def check_dependencies(**kwargs):
    """The apps, middleware and template context processors the admin needs."""
    if not apps.is_installed("pyframework.contrib.admin"):
        return []
    errors = []
    for app, id in (("pyframework.contrib.contenttypes", "admin.E401"), ("pyframework.contrib.auth", "admin.E405"),
                    ("pyframework.contrib.messages", "admin.E406")):
        if not apps.is_installed(app):
            errors.append(checks.Error("'%s' must be in INSTALLED_APPS in order to use the admin application." % app,
                                       id=id))
    if not any(engine.get("BACKEND") == "pyframework.template.backends.jinja2.Jinja2" and engine.get("APP_DIRS")
               for engine in settings.TEMPLATES):
        errors.append(checks.Error(
            "A 'pyframework.template.backends.jinja2.Jinja2' instance with APP_DIRS = True must be configured in "
            "TEMPLATES in order to use the admin application.", id="admin.E403"))
    else:
        processors = [p for engine in settings.TEMPLATES for p in engine.get("OPTIONS", {}).get("context_processors", [])]
        if "pyframework.contrib.auth.context_processors.auth" not in processors:
            errors.append(checks.Error(
                "'pyframework.contrib.auth.context_processors.auth' must be enabled in TEMPLATES in order to use "
                "the admin application.", id="admin.E402"))
        if "pyframework.contrib.messages.context_processors.messages" not in processors:
            errors.append(checks.Error(
                "'pyframework.contrib.messages.context_processors.messages' must be enabled in TEMPLATES in order "
                "to use the admin application.", id="admin.E404"))
    middleware = list(settings.MIDDLEWARE)
    for path, id in (("pyframework.contrib.auth.middleware.AuthenticationMiddleware", "admin.E408"),
                     ("pyframework.contrib.messages.middleware.MessageMiddleware", "admin.E409"),
                     ("pyframework.contrib.sessions.middleware.SessionMiddleware", "admin.E410")):
        if path not in middleware:
            errors.append(checks.Error("'%s' must be in MIDDLEWARE in order to use the admin application." % path,
                                       id=id))
    return errors


def check_admin_app(app_configs, **kwargs):
    from pyframework.contrib.admin.sites import all_sites  # sites imports options, which imports this module

    if not apps.is_installed("pyframework.contrib.admin"):
        return []
    errors = []
    for site in all_sites:
        errors.extend(site.check(app_configs))
    return errors


class BaseModelAdminChecks(object):
    """Checks of the options ModelAdmin and the inlines share."""

    def check(self, admin_obj, **kwargs):
        errors = []
        for method in (self._check_autocomplete_fields, self._check_raw_id_fields, self._check_fields,
                       self._check_fieldsets, self._check_exclude, self._check_filter_horizontal,
                       self._check_prepopulated_fields, self._check_ordering, self._check_readonly_fields):
            errors.extend(method(admin_obj))
        return errors

    def _field(self, obj, name):
        return obj.model._meta.get_field(name)

    def _check_autocomplete_fields(self, obj):
        if not _is_list(obj.autocomplete_fields):
            return _must_be("list or tuple", "autocomplete_fields", obj, "admin.E036")
        errors = []
        for index, name in enumerate(obj.autocomplete_fields):
            label = "autocomplete_fields[%d]" % index
            try:
                field = self._field(obj, name)
            except FieldDoesNotExist:
                errors.extend(_not_field(label, name, obj, "admin.E037"))
                continue
            if not (field.many_to_many or field.many_to_one or field.one_to_one):
                errors.extend(_must_be("foreign key or a many-to-many field", label, obj, "admin.E038"))
                continue
            related_admin = obj.admin_site._registry.get(field.remote_field.model)
            if related_admin is None:
                errors.append(_error(
                    'An admin for model "%s" has to be registered to be referenced by %s.autocomplete_fields.'
                    % (field.remote_field.model.__name__, type(obj).__name__), obj, "admin.E039"))
            elif not related_admin.search_fields:
                errors.append(_error(
                    '%s must define "search_fields", because it\'s referenced by %s.autocomplete_fields.'
                    % (type(related_admin).__name__, type(obj).__name__), obj, "admin.E040"))
        return errors

    def _check_raw_id_fields(self, obj):
        if not _is_list(obj.raw_id_fields):
            return _must_be("list or tuple", "raw_id_fields", obj, "admin.E001")
        errors = []
        for index, name in enumerate(obj.raw_id_fields):
            label = "raw_id_fields[%d]" % index
            try:
                field = self._field(obj, name)
            except FieldDoesNotExist:
                errors.extend(_not_field(label, name, obj, "admin.E002"))
                continue
            if not (field.many_to_many or field.many_to_one or field.one_to_one):
                errors.extend(_must_be("foreign key or a many-to-many field", label, obj, "admin.E003"))
        return errors

    def _check_fields(self, obj):
        if obj.fields is None:
            return []
        if not _is_list(obj.fields):
            return _must_be("list or tuple", "fields", obj, "admin.E004")
        if obj.fieldsets:
            return [_error("Both 'fieldsets' and 'fields' are specified.", obj, "admin.E005")]
        names = flatten(obj.fields)
        if len(names) != len(set(names)):
            return [_error("The value of 'fields' contains duplicate field(s).", obj, "admin.E006")]
        return []

    def _check_fieldsets(self, obj):
        if obj.fieldsets is None:
            return []
        if not _is_list(obj.fieldsets):
            return _must_be("list or tuple", "fieldsets", obj, "admin.E007")
        errors = []
        seen = []
        for index, fieldset in enumerate(obj.fieldsets):
            label = "fieldsets[%d]" % index
            if not _is_list(fieldset):
                errors.extend(_must_be("list or tuple", label, obj, "admin.E008"))
            elif len(fieldset) != 2:
                errors.append(_error("The value of '%s' must be of length 2." % label, obj, "admin.E009"))
            elif not isinstance(fieldset[1], dict):
                errors.extend(_must_be("dictionary", "%s[1]" % label, obj, "admin.E010"))
            elif "fields" not in fieldset[1]:
                errors.append(_error("The value of '%s[1]' must contain the key 'fields'." % label, obj,
                                     "admin.E011"))
            else:
                names = flatten(fieldset[1]["fields"])
                if len(names) != len(set(names)) or set(names) & set(seen):
                    errors.append(_error("There are duplicate field(s) in '%s[1]'." % label, obj, "admin.E012"))
                seen.extend(names)
        return errors

    def _check_exclude(self, obj):
        if obj.exclude is None:
            return []
        if not _is_list(obj.exclude):
            return _must_be("list or tuple", "exclude", obj, "admin.E014")
        if len(obj.exclude) > len(set(obj.exclude)):
            return [_error("The value of 'exclude' contains duplicate field(s).", obj, "admin.E015")]
        return []

    def _check_filter_horizontal(self, obj):
        errors = []
        for option, ids in (("filter_vertical", ("admin.E017", "admin.E019", "admin.E020")),
                            ("filter_horizontal", ("admin.E018", "admin.E019", "admin.E020"))):
            value = getattr(obj, option)
            if not _is_list(value):
                errors.extend(_must_be("list or tuple", option, obj, ids[0]))
                continue
            for index, name in enumerate(value):
                label = "%s[%d]" % (option, index)
                try:
                    field = self._field(obj, name)
                except FieldDoesNotExist:
                    errors.extend(_not_field(label, name, obj, ids[1]))
                    continue
                if not field.many_to_many:
                    errors.extend(_must_be("many-to-many field", label, obj, ids[2]))
        return errors

    def _check_prepopulated_fields(self, obj):
        if not isinstance(obj.prepopulated_fields, dict):
            return _must_be("dictionary", "prepopulated_fields", obj, "admin.E026")
        errors = []
        for name, sources in obj.prepopulated_fields.items():
            try:
                field = self._field(obj, name)
            except FieldDoesNotExist:
                errors.extend(_not_field("prepopulated_fields", name, obj, "admin.E027"))
                continue
            if isinstance(field, (models.DateTimeField, models.ForeignKey, models.ManyToManyField)):
                errors.append(_error(
                    "The value of 'prepopulated_fields' refers to '%s', which must not be a DateTimeField, a "
                    "ForeignKey, a OneToOneField, or a ManyToManyField." % name, obj, "admin.E028"))
            if not _is_list(sources):
                errors.extend(_must_be("list or tuple", 'prepopulated_fields["%s"]' % name, obj, "admin.E029"))
                continue
            for index, source in enumerate(sources):
                try:
                    self._field(obj, source)
                except FieldDoesNotExist:
                    errors.extend(_not_field('prepopulated_fields["%s"][%d]' % (name, index), source, obj,
                                             "admin.E030"))
        return errors

    def _check_ordering(self, obj):
        if obj.ordering is None:
            return []
        if not _is_list(obj.ordering):
            return _must_be("list or tuple", "ordering", obj, "admin.E031")
        errors = []
        for index, name in enumerate(obj.ordering):
            if not isinstance(name, string_types) or name == "?" or name in ("pk", "-pk"):
                continue
            bare = name.lstrip("-")
            if "__" in bare:
                continue  # a lookup through a relation is checked by the query itself
            try:
                self._field(obj, bare)
            except FieldDoesNotExist:
                errors.extend(_not_field("ordering[%d]" % index, bare, obj, "admin.E033"))
        return errors

    def _check_readonly_fields(self, obj):
        if not _is_list(obj.readonly_fields):
            return _must_be("list or tuple", "readonly_fields", obj, "admin.E034")
        errors = []
        for index, name in enumerate(obj.readonly_fields):
            if callable(name) or hasattr(obj, name) or hasattr(obj.model, name):
                continue
            try:
                self._field(obj, name)
            except FieldDoesNotExist:
                errors.append(_error(
                    "The value of 'readonly_fields[%d]' refers to '%s', which is not a callable, an attribute of "
                    "'%s', or an attribute of '%s'." % (index, name, type(obj).__name__, obj.model._meta.label),
                    obj, "admin.E035"))
        return errors


class ModelAdminChecks(BaseModelAdminChecks):
    """Checks of the change-list options and the inlines of a ModelAdmin."""

    def check(self, admin_obj, **kwargs):
        errors = super(ModelAdminChecks, self).check(admin_obj)
        for method in (self._check_inlines, self._check_list_display, self._check_list_display_links,
                       self._check_list_filter, self._check_list_select_related, self._check_list_per_page,
                       self._check_list_editable, self._check_search_fields, self._check_date_hierarchy,
                       self._check_actions):
            errors.extend(method(admin_obj))
        return errors

    def _check_inlines(self, obj):
        if not _is_list(obj.inlines):
            return _must_be("list or tuple", "inlines", obj, "admin.E103")
        from pyframework.contrib.admin.options import InlineModelAdmin

        errors = []
        for index, inline in enumerate(obj.inlines):
            if not (isinstance(inline, type) and issubclass(inline, InlineModelAdmin)):
                errors.append(_error("'%s' must inherit from 'InlineModelAdmin'." % getattr(inline, "__name__", inline),
                                     obj, "admin.E104"))
            elif not inline.model:
                errors.append(_error("'%s' must have a 'model' attribute." % inline.__name__, obj, "admin.E105"))
            else:
                errors.extend(inline(obj.model, obj.admin_site).check())
        return errors

    def _check_list_display(self, obj):
        if not _is_list(obj.list_display):
            return _must_be("list or tuple", "list_display", obj, "admin.E107")
        errors = []
        for index, item in enumerate(obj.list_display):
            label = "list_display[%d]" % index
            if callable(item) or hasattr(obj, item):
                continue
            try:
                field = obj.model._meta.get_field(item)
            except FieldDoesNotExist:
                if hasattr(obj.model, item):
                    continue
                errors.append(_error(
                    "The value of '%s' refers to '%s', which is not a callable or attribute of '%s', or an "
                    "attribute, method, or field on '%s'." % (label, item, type(obj).__name__, obj.model._meta.label),
                    obj, "admin.E108"))
                continue
            if field.many_to_many or (field.is_relation and not field.concrete):
                errors.append(_error("The value of '%s' must not be a many-to-many field or a reverse foreign key."
                                     % label, obj, "admin.E109"))
        return errors

    def _check_list_display_links(self, obj):
        if obj.list_display_links is None:
            return []
        if not _is_list(obj.list_display_links):
            return _must_be("list, a tuple, or None", "list_display_links", obj, "admin.E110")
        errors = []
        for index, name in enumerate(obj.list_display_links):
            if name not in obj.list_display:
                errors.append(_error("The value of 'list_display_links[%d]' refers to '%s', which is not defined in "
                                     "'list_display'." % (index, name), obj, "admin.E111"))
        return errors

    def _check_list_filter(self, obj):
        if not _is_list(obj.list_filter):
            return _must_be("list or tuple", "list_filter", obj, "admin.E112")
        errors = []
        for index, item in enumerate(obj.list_filter):
            label = "list_filter[%d]" % index
            if isinstance(item, type):
                if not issubclass(item, ListFilter):
                    errors.append(_error("The value of '%s' must inherit from 'ListFilter'." % label, obj,
                                         "admin.E113"))
                elif issubclass(item, FieldListFilter):
                    errors.append(_error("The value of '%s' must not inherit from 'FieldListFilter'." % label, obj,
                                         "admin.E114"))
                continue
            if _is_list(item):
                item = item[0]
            try:
                get_fields_from_path(obj.model, item)
            except (FieldDoesNotExist, Exception):  # noqa: B902 NotRelationField too
                errors.append(_error("The value of '%s' refers to '%s', which does not refer to a Field."
                                     % (label, item), obj, "admin.E116"))
        return errors

    def _check_list_select_related(self, obj):
        if not isinstance(obj.list_select_related, (bool, list, tuple)):
            return _must_be("boolean, tuple or list", "list_select_related", obj, "admin.E117")
        return []

    def _check_list_per_page(self, obj):
        if not isinstance(obj.list_per_page, int) or isinstance(obj.list_per_page, bool):
            return _must_be("integer", "list_per_page", obj, "admin.E118")
        if not isinstance(obj.list_max_show_all, int):
            return _must_be("integer", "list_max_show_all", obj, "admin.E119")
        return []

    def _check_list_editable(self, obj):
        if not _is_list(obj.list_editable):
            return _must_be("list or tuple", "list_editable", obj, "admin.E120")
        errors = []
        for index, name in enumerate(obj.list_editable):
            label = "list_editable[%d]" % index
            try:
                field = obj.model._meta.get_field(name)
            except FieldDoesNotExist:
                errors.extend(_not_field(label, name, obj, "admin.E121"))
                continue
            if name not in obj.list_display:
                errors.append(_error("The value of '%s' refers to '%s', which is not contained in 'list_display'."
                                     % (label, name), obj, "admin.E122"))
            elif obj.list_display_links and name in obj.list_display_links:
                errors.append(_error("The value of '%s' cannot be in both 'list_editable' and 'list_display_links'."
                                     % name, obj, "admin.E123"))
            elif (obj.list_display and obj.list_display[0] == name and not obj.list_display_links
                  and obj.list_display_links is not None):
                errors.append(_error(
                    "The value of '%s' refers to the first field in 'list_display' ('%s'), which cannot be used "
                    "unless 'list_display_links' is set." % (label, name), obj, "admin.E124"))
            elif not field.editable or field.primary_key:
                errors.append(_error("The value of '%s' refers to '%s', which is not editable through the admin."
                                     % (label, name), obj, "admin.E125"))
        return errors

    def _check_search_fields(self, obj):
        if not _is_list(obj.search_fields):
            return _must_be("list or tuple", "search_fields", obj, "admin.E126")
        return []

    def _check_date_hierarchy(self, obj):
        if obj.date_hierarchy is None:
            return []
        try:
            field = get_fields_from_path(obj.model, obj.date_hierarchy)[-1]
        except Exception:  # noqa: B902 unknown field or not a relation
            return [_error("The value of 'date_hierarchy' refers to '%s', which does not refer to a Field."
                           % obj.date_hierarchy, obj, "admin.E127")]
        if not isinstance(field, models.DateField):
            return _must_be("DateField or DateTimeField", "date_hierarchy", obj, "admin.E128")
        return []

    def _check_actions(self, obj):
        errors = []
        for func, name, _description in obj._get_base_actions():
            for permission in getattr(func, "allowed_permissions", ()):
                if not hasattr(obj, "has_%s_permission" % permission):
                    errors.append(_error("%s must define a has_%s_permission() method for the %s action."
                                         % (type(obj).__name__, permission, func.__name__), obj, "admin.E129"))
        names = [name for _func, name, _description in obj._get_base_actions()]
        duplicates = set(name for name in names if names.count(name) > 1)
        if duplicates:
            errors.append(_error("__name__ attributes of actions defined in %s must be unique. Name %s is not "
                                 "unique." % (type(obj).__name__, ", ".join(repr(n) for n in sorted(duplicates))),
                                 obj, "admin.E130"))
        return errors


class InlineModelAdminChecks(BaseModelAdminChecks):
    def check(self, inline_obj, **kwargs):
        errors = super(InlineModelAdminChecks, self).check(inline_obj)
        try:
            get_foreign_key(inline_obj.parent_model, inline_obj.model, fk_name=inline_obj.fk_name)
        except ValueError as exc:
            errors.append(checks.Error(exc.args[0], obj=inline_obj.__class__, id="admin.E202"))
        for option, id in (("extra", "admin.E203"), ("max_num", "admin.E204"), ("min_num", "admin.E205")):
            value = getattr(inline_obj, option)
            if value is not None and not isinstance(value, int):
                errors.extend(_must_be("integer", option, inline_obj, id))
        return errors
