"""The admin's form widgets: raw-id and autocomplete relations, the filtered M2M selector,
and the admin's CSS classes on the plain inputs. Every widget works without JavaScript;
the scripts of ``static/admin/js`` only make them nicer.
"""
from __future__ import absolute_import, unicode_literals

from markupsafe import Markup, escape

from pyframework import forms
from pyframework.urls import NoReverseMatch, reverse
from pyframework.utils.compat import text_type
from pyframework.utils.translation import gettext as _


def _with_class(attrs, css_class):
    attrs = dict(attrs or {})
    attrs["class"] = " ".join(filter(None, [css_class, attrs.get("class")]))
    return attrs


class FilteredSelectMultiple(forms.SelectMultiple):
    """``filter_horizontal`` / ``filter_vertical``: a multiple select that SelectFilter.js turns into
    two lists with a filter box; without JavaScript it stays a plain multiple select."""

    def __init__(self, verbose_name, is_stacked, attrs=None, choices=()):
        self.verbose_name = verbose_name
        self.is_stacked = is_stacked
        attrs = _with_class(attrs, "selectfilterstacked" if is_stacked else "selectfilter")
        attrs["data-field-name"] = text_type(verbose_name)
        attrs["data-is-stacked"] = int(is_stacked)
        attrs.setdefault("size", 10)
        super(FilteredSelectMultiple, self).__init__(attrs, choices)


class AdminDateWidget(forms.DateInput):
    def __init__(self, attrs=None, format=None):
        super(AdminDateWidget, self).__init__(attrs=_with_class(attrs, "vDateField"), format=format)


class AdminTimeWidget(forms.TimeInput):
    def __init__(self, attrs=None, format=None):
        super(AdminTimeWidget, self).__init__(attrs=_with_class(attrs, "vTimeField"), format=format)


class AdminSplitDateTime(forms.DateTimeInput):
    """A date-and-time input (one ``datetime-local`` field; Django splits it in two)."""

    def __init__(self, attrs=None, format=None):
        super(AdminSplitDateTime, self).__init__(attrs=_with_class(attrs, "vDateTimeField"), format=format)


class AdminRadioSelect(forms.RadioSelect):
    pass


class AdminTextareaWidget(forms.Textarea):
    def __init__(self, attrs=None):
        super(AdminTextareaWidget, self).__init__(attrs=_with_class(attrs, "vLargeTextField"))


class AdminTextInputWidget(forms.TextInput):
    def __init__(self, attrs=None):
        super(AdminTextInputWidget, self).__init__(attrs=_with_class(attrs, "vTextField"))


class AdminEmailInputWidget(forms.EmailInput):
    def __init__(self, attrs=None):
        super(AdminEmailInputWidget, self).__init__(attrs=_with_class(attrs, "vTextField"))


class AdminURLFieldWidget(forms.URLInput):
    def __init__(self, attrs=None):
        super(AdminURLFieldWidget, self).__init__(attrs=_with_class(attrs, "vURLField"))


class AdminIntegerFieldWidget(forms.NumberInput):
    class_name = "vIntegerField"

    def __init__(self, attrs=None):
        super(AdminIntegerFieldWidget, self).__init__(attrs=_with_class(attrs, self.class_name))


class AdminBigIntegerFieldWidget(AdminIntegerFieldWidget):
    class_name = "vBigIntegerField"


def _changelist_url(model, admin_site):
    opts = model._meta
    try:
        return reverse("admin:%s_%s_changelist" % (opts.app_label, opts.model_name), current_app=admin_site.name)
    except NoReverseMatch:
        return None


class ForeignKeyRawIdWidget(forms.TextInput):
    """``raw_id_fields``: the key typed in a text box, a lookup link to the related change list and
    the current object's name next to it."""

    def __init__(self, rel, admin_site, attrs=None, using=None):
        self.rel = rel
        self.admin_site = admin_site
        self.db = using
        super(ForeignKeyRawIdWidget, self).__init__(_with_class(attrs, "vForeignKeyRawIdAdminField"))

    def _lookup_link(self, name):
        url = _changelist_url(self.rel.model, self.admin_site)
        if url is None:
            return ""
        return '<a href="%s" class="related-lookup" id="lookup_id_%s" title="%s">%s</a>' % (
            escape(url), escape(name), escape(_("Lookup")), escape(_("Lookup")))

    def label_for_value(self, value):
        if value in (None, ""):
            return ""
        key = self.rel.field_name or self.rel.model._meta.pk.name
        try:
            obj = self.rel.model._default_manager.get(**{key: value})
        except (self.rel.model.DoesNotExist, ValueError, TypeError, Exception):  # noqa: B902 any bad key
            return ""
        return "<strong>%s</strong>" % escape(obj)

    def format_value(self, value):
        if hasattr(value, "pk"):
            value = value.pk
        return super(ForeignKeyRawIdWidget, self).format_value(value)

    def render(self, name, value, attrs=None):
        html = super(ForeignKeyRawIdWidget, self).render(name, value, attrs)
        return Markup("%s%s %s" % (html, self._lookup_link(name), self.label_for_value(self.format_value(value))))


class ManyToManyRawIdWidget(ForeignKeyRawIdWidget):
    """``raw_id_fields`` for a many-to-many field: comma-separated keys."""

    allow_multiple_selected = True

    def __init__(self, rel, admin_site, attrs=None, using=None):
        super(ManyToManyRawIdWidget, self).__init__(rel, admin_site, attrs, using)
        self.attrs["class"] = "vManyToManyRawIdAdminField"

    def format_value(self, value):
        if value in (None, ""):
            return None
        if isinstance(value, (list, tuple)) or hasattr(value, "__iter__") and not isinstance(value, text_type):
            return ",".join(text_type(getattr(item, "pk", item)) for item in value)
        return text_type(value)

    def label_for_value(self, value):
        return ""

    def value_from_datadict(self, data, files, name):
        value = data.get(name)
        if value:
            return [item.strip() for item in value.split(",") if item.strip()]
        return []

    def value_omitted_from_data(self, data, files, name):
        return False


class AutocompleteMixin(object):
    """``autocomplete_fields``: a select holding only the chosen options; autocomplete.js asks
    ``/admin/autocomplete/?term=...&app_label=...&model_name=...&field_name=...`` for the rest."""

    def __init__(self, field, admin_site, attrs=None, choices=(), using=None):
        self.field = field
        self.admin_site = admin_site
        self.db = using
        super(AutocompleteMixin, self).__init__(attrs, choices)

    def get_url(self):
        return reverse("admin:autocomplete", current_app=self.admin_site.name)

    def build_attrs(self, base_attrs, extra_attrs=None):
        attrs = super(AutocompleteMixin, self).build_attrs(base_attrs, extra_attrs)
        attrs["class"] = " ".join(filter(None, [attrs.get("class"), "admin-autocomplete"]))
        attrs.update({
            "data-ajax--url": self.get_url(),
            "data-app-label": self.field.model._meta.app_label,
            "data-model-name": self.field.model._meta.model_name,
            "data-field-name": self.field.name,
            "data-placeholder": "",
            "lang": "en",
        })
        return attrs

    def render(self, name, value, attrs=None):
        # Only the selected objects become options: the full table is never sent to the page.
        selected = self.format_value(value)
        selected = [item for item in selected if item not in ("", None)]
        remote = self.field.remote_field
        key = remote.field_name or remote.model._meta.pk.name
        options = []
        if not self.allow_multiple_selected:
            options.append(("", "---------"))
        if selected:
            try:
                options.extend((getattr(obj, key), text_type(obj)) for obj in
                               remote.model._default_manager.filter(**{"%s__in" % key: selected}))
            except (ValueError, TypeError):
                pass
        self.choices = options
        return super(AutocompleteMixin, self).render(name, value, attrs)


class AutocompleteSelect(AutocompleteMixin, forms.Select):
    pass


class AutocompleteSelectMultiple(AutocompleteMixin, forms.SelectMultiple):
    pass
