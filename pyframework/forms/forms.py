"""Form: declarative fields, validation of submitted data and HTML rendering."""
from __future__ import absolute_import, unicode_literals

import copy

from pyframework.core.exceptions import NON_FIELD_ERRORS, ValidationError
from pyframework.forms.fields import Field, FileField
from pyframework.forms.renderers import render_form
from pyframework.forms.utils import ErrorDict, ErrorList, error_messages_dict, error_messages_list
from pyframework.utils.compat import python_2_unicode_compatible, text_type, with_metaclass


class DeclarativeFieldsMetaclass(type):
    """Collects Field class attributes into ``base_fields``, in declaration order, parents first.

    A subclass may remove an inherited field by setting its name to None.
    """

    def __new__(mcs, name, bases, attrs):
        declared = [(key, value) for key, value in list(attrs.items()) if isinstance(value, Field)]
        # Python 2 class bodies are unordered: the fields' creation counters give the order.
        declared.sort(key=lambda item: item[1].creation_counter)
        for key, _ in declared:
            attrs.pop(key)
        new_class = super(DeclarativeFieldsMetaclass, mcs).__new__(mcs, name, bases, attrs)

        fields = {}
        order = []
        for base in reversed(new_class.__mro__):
            if hasattr(base, "declared_fields") and base is not new_class:
                for key, value in base.declared_fields_order:
                    if key not in fields:
                        order.append(key)
                    fields[key] = value
            for key, value in base.__dict__.items():
                if value is None and key in fields:
                    del fields[key]
                    order.remove(key)
        for key, value in declared:
            if key not in fields:
                order.append(key)
            fields[key] = value
        new_class.declared_fields_order = [(key, fields[key]) for key in order]
        new_class.declared_fields = dict(new_class.declared_fields_order)
        new_class.base_fields = new_class.declared_fields
        return new_class


@python_2_unicode_compatible
class BaseForm(object):
    """A form without declared fields; ``Form`` adds the declarative syntax.

    Bound (``data`` given) forms validate; unbound ones only render. After
    ``is_valid()``, ``cleaned_data`` holds the converted values of the fields
    that passed and ``errors`` maps field names (``__all__`` for the form) to
    their messages.
    """

    default_renderer = None
    field_order = None
    prefix = None
    use_required_attribute = True
    error_css_class = None
    required_css_class = None
    template_layout = "div"

    def __init__(self, data=None, files=None, auto_id="id_%s", prefix=None, initial=None, error_class=ErrorList,
                 label_suffix=None, empty_permitted=False, field_order=None, use_required_attribute=None,
                 renderer=None):
        self.is_bound = data is not None or files is not None
        self.data = {} if data is None else data
        self.files = {} if files is None else files
        self.auto_id = auto_id
        if prefix is not None:
            self.prefix = prefix
        self.initial = initial or {}
        self.error_class = error_class
        self.label_suffix = label_suffix if label_suffix is not None else ":"
        self.empty_permitted = empty_permitted
        self._errors = None
        self.fields = copy.deepcopy(self.base_fields)
        self._field_names = [name for name, _ in getattr(self, "declared_fields_order", ())
                             if name in self.fields]
        self._field_names += sorted(name for name in self.fields if name not in self._field_names)
        self._bound_fields_cache = {}
        self.order_fields(self.field_order if field_order is None else field_order)
        if use_required_attribute is not None:
            self.use_required_attribute = use_required_attribute
        if self.empty_permitted and self.use_required_attribute:
            raise ValueError("The empty_permitted and use_required_attribute arguments may not both be True.")
        self.renderer = renderer

    def order_fields(self, field_order):
        """Put the named fields first, in that order; unknown names are ignored."""
        if field_order is None:
            return
        leading = [name for name in field_order if name in self.fields]
        self._field_names = leading + [name for name in self._field_names if name not in leading]

    # --- access to fields ------------------------------------------------------
    def _ordered_names(self):
        # Fields added to self.fields after construction come last.
        names = [name for name in self._field_names if name in self.fields]
        return names + [name for name in self.fields if name not in names]

    def __iter__(self):
        for name in self._ordered_names():
            yield self[name]

    def __getitem__(self, name):
        try:
            field = self.fields[name]
        except KeyError:
            raise KeyError("Key '%s' not found in '%s'. Choices are: %s." % (
                name, type(self).__name__, ", ".join(sorted(self.fields))))
        if name not in self._bound_fields_cache:
            self._bound_fields_cache[name] = field.get_bound_field(self, name)
        return self._bound_fields_cache[name]

    def hidden_fields(self):
        return [field for field in self if field.is_hidden]

    def visible_fields(self):
        return [field for field in self if not field.is_hidden]

    def add_prefix(self, field_name):
        return "%s-%s" % (self.prefix, field_name) if self.prefix else field_name

    def add_initial_prefix(self, field_name):
        return "initial-%s" % self.add_prefix(field_name)

    def get_initial_for_field(self, field, field_name):
        """Form ``initial`` wins over the field's; callables are called."""
        value = self.initial.get(field_name, field.initial)
        if callable(value):
            value = value()
        return value

    def _widget_data_value(self, widget, html_name):
        return widget.value_from_datadict(self.data, self.files, html_name)

    # --- validation --------------------------------------------------------------
    @property
    def errors(self):
        if self._errors is None:
            self.full_clean()
        return self._errors

    def is_valid(self):
        return self.is_bound and not self.errors

    def full_clean(self):
        self._errors = ErrorDict()
        if not self.is_bound:
            return
        self.cleaned_data = {}
        if self.empty_permitted and not self.has_changed():
            return
        self._clean_fields()
        self._clean_form()
        self._post_clean()

    def _clean_fields(self):
        for name in self._ordered_names():
            bound_field = self[name]
            field = bound_field.field
            value = bound_field.initial if field.disabled else bound_field.data
            try:
                if isinstance(field, FileField):
                    value = field.clean(value, bound_field.initial)
                else:
                    value = field.clean(value)
                self.cleaned_data[name] = value
                clean_hook = getattr(self, "clean_%s" % name, None)
                if clean_hook is not None:
                    self.cleaned_data[name] = clean_hook()
            except ValidationError as exc:
                self.add_error(name, exc)

    def _clean_form(self):
        try:
            cleaned_data = self.clean()
        except ValidationError as exc:
            self.add_error(None, exc)
        else:
            if cleaned_data is not None:
                self.cleaned_data = cleaned_data

    def _post_clean(self):
        """Hook run after clean(); model forms validate the instance here."""

    def clean(self):
        """Form-wide validation; raise ValidationError for errors not tied to one field."""
        return self.cleaned_data

    def add_error(self, field, error):
        """Record ``error`` against ``field`` (None: the whole form) and drop its cleaned value.

        ``error`` may be a message, a list, a ValidationError, or (with
        ``field=None``) a dict mapping field names to errors.
        """
        if not isinstance(error, ValidationError):
            error = ValidationError(error)
        by_field = error_messages_dict(error)
        if by_field is None:
            by_field = {field or NON_FIELD_ERRORS: error_messages_list(error)}
        elif field is not None:
            raise TypeError("add_error() got a dict of errors and field '%s': pass field=None "
                            "with a dict of errors." % field)
        if self._errors is None:
            self._errors = ErrorDict()
        for name, errors in by_field.items():
            if name != NON_FIELD_ERRORS and name not in self.fields:
                raise ValueError("'%s' has no field named '%s'." % (type(self).__name__, name))
            if name not in self._errors:
                if name == NON_FIELD_ERRORS:
                    self._errors[name] = self.error_class(error_class="nonfield")
                else:
                    self._errors[name] = self.error_class(field_id=self[name].error_id)
            self._errors[name].extend(errors)
            if hasattr(self, "cleaned_data"):
                self.cleaned_data.pop(name, None)

    def has_error(self, field, code=None):
        return any(field == name and (code is None or error.code == code)
                   for name, errors in self.errors.items() for error in errors.as_data())

    def non_field_errors(self):
        return self.errors.get(NON_FIELD_ERRORS) or self.error_class(error_class="nonfield")

    # --- changes -----------------------------------------------------------------
    def has_changed(self):
        return bool(self.changed_data)

    @property
    def changed_data(self):
        """Names of the fields whose submitted value differs from the initial one."""
        return [name for name in self._ordered_names() if self._field_has_changed(self[name])]

    def _field_has_changed(self, bound_field):
        field = bound_field.field
        initial = bound_field.initial
        if field.show_hidden_initial:
            # The page carried the initial value along in a hidden input: compare with that.
            hidden = field.hidden_widget()
            try:
                initial = field.to_python(self._widget_data_value(hidden, bound_field.html_initial_name))
            except ValidationError:
                return True
        return field.has_changed(initial, bound_field.data)

    def is_multipart(self):
        """True when the form needs ``enctype="multipart/form-data"`` (it has a file input)."""
        return any(field.widget.needs_multipart_form for field in self.fields.values())

    # --- HTML ---------------------------------------------------------------------
    def as_div(self):
        return render_form(self, "div")

    def as_p(self):
        return render_form(self, "p")

    def as_ul(self):
        return render_form(self, "ul")

    def as_table(self):
        return render_form(self, "table")

    def __html__(self):
        return render_form(self, self.template_layout)

    def __str__(self):
        return self.__html__()

    def __repr__(self):
        if self._errors is None:
            validity = "Unknown"
        else:
            validity = text_type(self.is_bound and not self._errors)
        return "<%s bound=%s, valid=%s, fields=(%s)>" % (
            type(self).__name__, self.is_bound, validity, ";".join(self._ordered_names()))


class Form(with_metaclass(DeclarativeFieldsMetaclass, BaseForm)):
    """Subclass and declare fields as class attributes::

        class ContactForm(Form):
            subject = CharField(max_length=100)
            sender = EmailField()
    """
