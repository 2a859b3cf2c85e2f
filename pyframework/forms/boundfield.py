"""BoundField: one field of one form instance, with its data, errors and HTML."""
from __future__ import absolute_import, unicode_literals

from markupsafe import Markup, escape

from pyframework.forms.utils import flatatt, pretty_name
from pyframework.forms.widgets import TextInput
from pyframework.utils.compat import python_2_unicode_compatible, text_type


@python_2_unicode_compatible
class BoundField(object):
    """``form["name"]``: renders the widget with the submitted (or initial) value.

    Rendering adds ``id``, ``required``, ``disabled`` and, when the field has
    errors or help text, ``aria-invalid``/``aria-describedby`` pointing at the
    error list and help text so screen readers announce them.
    """

    def __init__(self, form, field, name):
        self.form = form
        self.field = field
        self.name = name
        self.html_name = form.add_prefix(name)
        self.html_initial_name = form.add_initial_prefix(name)
        # The id every other id (label, errors, help text) derives from.
        self.auto_id = self._auto_id()
        self.html_initial_id = form.add_initial_prefix(self.auto_id)
        self.label = pretty_name(name) if field.label is None else field.label
        self.help_text = field.help_text or ""
        self._initial = self._unset = object()

    # --- data ------------------------------------------------------------
    @property
    def errors(self):
        """This field's ErrorList (empty for unbound forms)."""
        return self.form.errors.get(self.name) or self.form.error_class(field_id=self.error_id)

    @property
    def data(self):
        return self.form._widget_data_value(self.field.widget, self.html_name)

    @property
    def initial(self):
        if self._initial is self._unset:
            self._initial = self.form.get_initial_for_field(self.field, self.name)
        return self._initial

    def value(self):
        """The value the widget shows: submitted data when bound, else the initial value."""
        data = self.initial
        if self.form.is_bound:
            data = self.field.bound_data(self.data, data)
        return self.field.prepare_value(data)

    # --- ids ---------------------------------------------------------------
    def _auto_id(self):
        auto_id = self.form.auto_id
        if auto_id and "%s" in text_type(auto_id):
            return text_type(auto_id) % self.html_name
        if auto_id:
            return self.html_name
        return ""

    @property
    def id_for_label(self):
        widget_id = self.field.widget.attrs.get("id") or self.auto_id
        return self.field.widget.id_for_label(widget_id)

    @property
    def error_id(self):
        return "%s_error" % self.auto_id if self.auto_id else None

    @property
    def help_text_id(self):
        return "%s_helptext" % self.auto_id if self.auto_id and self.help_text else None

    @property
    def is_hidden(self):
        return self.field.widget.is_hidden

    # --- HTML ---------------------------------------------------------------
    def build_widget_attrs(self, attrs, widget=None):
        widget = widget or self.field.widget
        attrs = dict(attrs)
        if (widget.use_required_attribute(self.initial) and self.field.required
                and self.form.use_required_attribute):
            attrs["required"] = True
        if self.field.disabled:
            attrs["disabled"] = True
        if not widget.is_hidden:
            described_by = [item for item in (self.help_text_id, self.form.errors.get(self.name) and self.error_id)
                            if item]
            if described_by and "aria-describedby" not in attrs and "aria-describedby" not in widget.attrs:
                attrs["aria-describedby"] = " ".join(described_by)
            if self.form.is_bound and self.name in self.form.errors:
                attrs["aria-invalid"] = "true"
        return attrs

    def as_widget(self, widget=None, attrs=None, only_initial=False):
        widget = widget or self.field.widget
        attrs = dict(attrs or {})
        if self.auto_id and "id" not in widget.attrs and "id" not in attrs:
            attrs["id"] = self.html_initial_id if only_initial else self.auto_id
        attrs = self.build_widget_attrs(attrs, widget)
        name = self.html_initial_name if only_initial else self.html_name
        return widget.render(name, self.value(), attrs)

    def as_hidden(self, attrs=None, only_initial=False):
        return self.as_widget(self.field.hidden_widget(), attrs, only_initial)

    def as_text(self, attrs=None):
        return self.as_widget(TextInput(), attrs)

    def label_tag(self, contents=None, attrs=None, label_suffix=None):
        """``<label for="id_name">Name:</label>`` (escaped); no ``for`` when the field has no id."""
        contents = self.label if contents is None else contents
        if label_suffix is None:
            label_suffix = self.field.label_suffix
            if label_suffix is None:
                label_suffix = self.form.label_suffix
        contents = escape(contents)
        if label_suffix and contents and contents[-1] not in ":?.!":
            contents += label_suffix  # Markup escapes what is added to it
        attrs = dict(attrs or {})
        if self.id_for_label:
            attrs.setdefault("for", self.id_for_label)
        if self.field.required and getattr(self.form, "required_css_class", None):
            attrs["class"] = " ".join(filter(None, [attrs.get("class"), self.form.required_css_class]))
        return Markup("<label%s>%s</label>" % (flatatt(attrs), contents))

    def help_text_html(self):
        if not self.help_text:
            return Markup("")
        id_attr = ' id="%s"' % escape(self.help_text_id) if self.help_text_id else ""
        return Markup('<span class="helptext"%s>%s</span>' % (id_attr, escape(self.help_text)))

    def css_classes(self, extra_classes=None):
        classes = set((extra_classes or "").split())
        if self.errors and getattr(self.form, "error_css_class", None):
            classes.add(self.form.error_css_class)
        if self.field.required and getattr(self.form, "required_css_class", None):
            classes.add(self.form.required_css_class)
        return " ".join(sorted(classes))

    def __html__(self):
        if self.field.show_hidden_initial:
            return self.as_widget() + self.as_hidden(only_initial=True)
        return self.as_widget()

    def __str__(self):
        return self.__html__()

    def __repr__(self):
        return "<BoundField %s>" % self.html_name
