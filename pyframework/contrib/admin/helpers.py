"""What the change form's templates iterate over: fieldsets of lines of fields, read-only
values, inline formsets and their forms, and the action form of the change list.
"""
from __future__ import absolute_import, unicode_literals

import json

from markupsafe import Markup, escape

from pyframework import forms
from pyframework.contrib.admin.utils import (
    display_for_field, display_for_value, flatten_fieldsets, help_text_for_field, label_for_field,
    lookup_field, quote)
from pyframework.core.exceptions import ObjectDoesNotExist
from pyframework.db.models.fields.related import ManyToManyField
from pyframework.forms.utils import ErrorList, flatatt
from pyframework.urls import NoReverseMatch, reverse
from pyframework.utils.compat import text_type
from pyframework.utils.text import capfirst
from pyframework.utils.translation import gettext as _
from pyframework.utils.translation import gettext_lazy

ACTION_CHECKBOX_NAME = "_selected_action"


class ActionForm(forms.Form):
    """The change list's action chooser: ``select[name=action]`` and ``button[name=index]``."""

    action = forms.ChoiceField(label=gettext_lazy("Action:"))
    select_across = forms.BooleanField(label="", required=False, initial=0,
                                       widget=forms.HiddenInput({"class": "select-across"}))


class AdminForm(object):
    """The main form of a change page, as fieldsets (``for fieldset in adminform``)."""

    def __init__(self, form, fieldsets, prepopulated_fields, readonly_fields=None, model_admin=None):
        self.form, self.fieldsets = form, fieldsets
        self.prepopulated_fields = [{"field": form[field_name], "dependencies": [form[f] for f in dependencies]}
                                    for field_name, dependencies in prepopulated_fields.items()
                                    if field_name in form.fields]
        self.model_admin = model_admin
        self.readonly_fields = readonly_fields or ()

    def __iter__(self):
        for name, options in self.fieldsets:
            yield Fieldset(self.form, name, readonly_fields=self.readonly_fields, model_admin=self.model_admin,
                           **options)

    @property
    def errors(self):
        return self.form.errors

    @property
    def non_field_errors(self):
        return self.form.non_field_errors

    @property
    def is_bound(self):
        return self.form.is_bound

    def prepopulated_json(self):
        """``[{"id": ..., "dependency_ids": [...], "maxLength": ...}]`` for prepopulate.js."""
        return prepopulated_fields_json(self.prepopulated_fields)


def prepopulated_fields_json(prepopulated_fields):
    data = []
    for entry in prepopulated_fields:
        field = entry["field"]
        data.append({
            "id": "#%s" % field.auto_id, "name": field.name,
            "dependency_ids": ["#%s" % dep.auto_id for dep in entry["dependencies"]],
            "dependency_list": [dep.name for dep in entry["dependencies"]],
            "maxLength": getattr(field.field, "max_length", None) or 50,
            "allowUnicode": getattr(field.field, "allow_unicode", False),
        })
    return json.dumps(data)


class Fieldset(object):
    """One ``fieldsets`` entry: a name, CSS classes, a description and its lines of fields."""

    def __init__(self, form, name=None, readonly_fields=(), fields=(), classes=(), description=None,
                 model_admin=None):
        self.form = form
        self.name, self.fields = name, fields
        self.classes = " ".join(classes)
        self.description = description
        self.model_admin = model_admin
        self.readonly_fields = readonly_fields

    @property
    def is_collapsible(self):
        return "collapse" in self.classes

    def __iter__(self):
        for field in self.fields:
            yield Fieldline(self.form, field, self.readonly_fields, model_admin=self.model_admin)


class Fieldline(object):
    """One line of a fieldset: one field, or a tuple of fields shown side by side."""

    def __init__(self, form, field, readonly_fields=None, model_admin=None):
        self.form = form
        self.fields = [field] if not hasattr(field, "__iter__") or isinstance(field, text_type) else field
        self.has_visible_field = not all(name in form.fields and form.fields[name].widget.is_hidden
                                         for name in self.fields)
        self.model_admin = model_admin
        self.readonly_fields = readonly_fields or ()

    def __iter__(self):
        for index, field in enumerate(self.fields):
            if field in self.readonly_fields:
                yield AdminReadonlyField(self.form, field, is_first=(index == 0), model_admin=self.model_admin)
            else:
                yield AdminField(self.form, field, is_first=(index == 0))

    def errors(self):
        return Markup("\n".join(text_type(self.form[f].errors.as_ul()) for f in self.fields
                                if f not in self.readonly_fields).strip("\n"))


class AdminField(object):
    """A form field on a change page (``field.field`` is the BoundField)."""

    is_readonly = False

    def __init__(self, form, field, is_first):
        self.field = form[field]
        self.is_first = is_first
        self.is_checkbox = isinstance(self.field.field.widget, forms.CheckboxInput)

    def label_tag(self):
        classes = []
        contents = escape(self.field.label)
        if self.is_checkbox:
            classes.append("vCheckboxLabel")
        if self.field.field.required:
            classes.append("required")
        if not self.is_first:
            classes.append("inline")
        attrs = {"class": " ".join(classes)} if classes else {}
        # Checkboxes come before their label: no colon after it.
        return self.field.label_tag(contents=contents, attrs=attrs, label_suffix="" if self.is_checkbox else None)

    def errors(self):
        return self.field.errors.as_ul()


class AdminReadonlyField(object):
    """A ``readonly_fields`` entry on a change page: its label and displayed value."""

    is_readonly = True
    is_checkbox = False

    def __init__(self, form, field, is_first, model_admin=None):
        if callable(field):
            class_name = field.__name__ if field.__name__ != "<lambda>" else ""
        else:
            class_name = field
        if form._meta.labels and class_name in form._meta.labels:
            label = form._meta.labels[class_name]
        else:
            label = label_for_field(field, form._meta.model, model_admin, form=form)
        if form._meta.help_texts and class_name in form._meta.help_texts:
            help_text = form._meta.help_texts[class_name]
        else:
            help_text = help_text_for_field(class_name, form._meta.model)
        self.field = {"name": class_name, "label": label, "help_text": help_text, "field": field,
                      "is_hidden": False}
        self.form = form
        self.model_admin = model_admin
        self.is_first = is_first
        self.empty_value_display = model_admin.get_empty_value_display() if model_admin else "-"

    def label_tag(self):
        attrs = {} if self.is_first else {"class": "inline"}
        label = self.field["label"]
        suffix = self.form.label_suffix if self.form.label_suffix is not None else ":"
        return Markup("<label%s>%s%s</label>" % (flatatt(attrs), escape(capfirst(label)), escape(suffix)))

    def contents(self):
        field, obj, model_admin = self.field["field"], self.form.instance, self.model_admin
        try:
            f, attr, value = lookup_field(field, obj, model_admin)
        except (AttributeError, ValueError, ObjectDoesNotExist):
            return self.empty_value_display
        if f is None:
            if getattr(attr, "boolean", False):
                return display_for_value(value, self.empty_value_display, boolean=True)
            if hasattr(value, "__html__"):
                return value
            return escape(display_for_value(value, self.empty_value_display)).replace("\n", Markup("<br>"))
        if isinstance(f, ManyToManyField) and value is not None:
            return ", ".join(text_type(item) for item in value.all()) or self.empty_value_display
        if f.is_relation and value is not None and self.model_admin is not None:
            return self._related_link(value)
        return display_for_field(value, f, self.empty_value_display)

    def _related_link(self, value):
        opts = value._meta
        try:
            url = reverse("admin:%s_%s_change" % (opts.app_label, opts.model_name), args=(quote(value.pk),),
                          current_app=self.model_admin.admin_site.name)
        except NoReverseMatch:
            return text_type(value)
        return Markup('<a href="%s">%s</a>' % (escape(url), escape(value)))

    def errors(self):
        return ""


class InlineAdminFormSet(object):
    """An inline formset on a change page, with its fieldsets and the inline's options."""

    def __init__(self, inline, formset, fieldsets, prepopulated_fields=None, readonly_fields=None,
                 model_admin=None, has_add_permission=True, has_change_permission=True,
                 has_delete_permission=True, has_view_permission=True):
        self.opts = inline
        self.formset = formset
        self.fieldsets = fieldsets
        self.model_admin = model_admin
        self.readonly_fields = readonly_fields or ()
        self.prepopulated_fields = prepopulated_fields or {}
        self.classes = " ".join(inline.classes) if inline.classes else ""
        self.has_add_permission = has_add_permission
        self.has_change_permission = has_change_permission
        self.has_delete_permission = has_delete_permission
        self.has_view_permission = has_view_permission

    def __iter__(self):
        readonly_fields_for_editing = self.readonly_fields if self.has_change_permission else \
            tuple(self.readonly_fields) + tuple(flatten_fieldsets(self.fieldsets))
        for form in self.formset.initial_forms:
            yield InlineAdminForm(self.formset, form, self.fieldsets, self.prepopulated_fields, form.instance,
                                  readonly_fields_for_editing, model_admin=self.opts)
        for form in self.formset.extra_forms:
            yield InlineAdminForm(self.formset, form, self.fieldsets, self.prepopulated_fields, None,
                                  self.readonly_fields, model_admin=self.opts)
        if self.has_add_permission:
            yield InlineAdminForm(self.formset, self.formset.empty_form, self.fieldsets, self.prepopulated_fields,
                                  None, self.readonly_fields, model_admin=self.opts)

    def fields(self):
        """The column headers of a tabular inline: ``{"name", "label", "required", "help_text"}``."""
        fk = getattr(self.formset, "fk", None)
        empty_form = self.formset.empty_form
        for name in flatten_fieldsets(self.fieldsets):
            if fk and fk.name == name:
                continue
            if name in self.readonly_fields or not self.has_change_permission and name not in empty_form.fields:
                yield {"name": name, "label": label_for_field(name, self.opts.model, self.opts, form=empty_form),
                       "widget": {"is_hidden": False}, "required": False,
                       "help_text": help_text_for_field(name, self.opts.model)}
            elif name in empty_form.fields:
                form_field = empty_form.fields[name]
                label = form_field.label
                if label is None:
                    label = label_for_field(name, self.opts.model, self.opts, form=empty_form)
                yield {"name": name, "label": label, "widget": {"is_hidden": form_field.widget.is_hidden},
                       "required": form_field.required, "help_text": form_field.help_text}

    def inline_formset_data(self):
        verbose_name = self.opts.verbose_name
        return json.dumps({
            "name": "#%s" % self.formset.prefix,
            "options": {
                "prefix": self.formset.prefix,
                "addText": _("Add another %(verbose_name)s") % {"verbose_name": capfirst(verbose_name)},
                "deleteText": _("Remove"),
            },
        })

    @property
    def forms(self):
        return self.formset.forms

    def non_form_errors(self):
        return self.formset.non_form_errors()

    @property
    def is_bound(self):
        return self.formset.is_bound

    @property
    def total_form_count(self):
        return self.formset.total_form_count()


class InlineAdminForm(AdminForm):
    """One form of an inline formset: its fieldsets, the object it edits, its hidden fields."""

    def __init__(self, formset, form, fieldsets, prepopulated_fields, original, readonly_fields=None,
                 model_admin=None):
        self.formset = formset
        self.model_admin = model_admin
        self.original = original
        self.show_url = original is not None and getattr(model_admin, "show_change_link", False)
        self.absolute_url = None
        super(InlineAdminForm, self).__init__(form, fieldsets, prepopulated_fields, readonly_fields, model_admin)

    def __iter__(self):
        for name, options in self.fieldsets:
            yield InlineFieldset(self.formset, self.form, name, self.readonly_fields, model_admin=self.model_admin,
                                 **options)

    def needs_explicit_pk_field(self):
        return True

    def pk_field(self):
        return AdminField(self.form, self.formset.model._meta.pk.name, False)

    def deletion_field(self):
        return AdminField(self.form, "DELETE", False)

    def hidden_fields(self):
        """The hidden inputs of the form (its primary key...), rendered outside the visible cells."""
        return [self.form[name] for name, field in self.form.fields.items()
                if field.widget.is_hidden and name != "DELETE"]


class InlineFieldset(Fieldset):
    def __init__(self, formset, *args, **kwargs):
        self.formset = formset
        super(InlineFieldset, self).__init__(*args, **kwargs)

    def __iter__(self):
        fk = getattr(self.formset, "fk", None)
        for field in self.fields:
            if not fk or fk.name != field:
                yield Fieldline(self.form, field, self.readonly_fields, model_admin=self.model_admin)


class AdminErrorList(ErrorList):
    """Every error of the change form and its inline formsets, for the "please correct" note."""

    def __init__(self, form, inline_formsets):
        super(AdminErrorList, self).__init__()
        if form.is_bound:
            for errors in form.errors.values():
                self.extend(errors)
            for inline_formset in inline_formsets:
                self.extend(inline_formset.non_form_errors())
                for errors_in_inline_form in inline_formset.errors:
                    for errors in errors_in_inline_form.values():
                        self.extend(errors)
