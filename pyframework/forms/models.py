"""Model forms: forms whose fields come from a model, and fields choosing model instances.

A ModelForm declares ``Meta.model`` and which fields to show (``fields`` or
``exclude``; one is required so a newly added model field is never exposed
by accident). Validation runs the form fields, then the model's own
``full_clean()`` on the instance the form builds, so model validators and
unique constraints report as form errors. ``save()`` writes the instance.
"""
from __future__ import absolute_import, unicode_literals

from pyframework.core.exceptions import ImproperlyConfigured, ObjectDoesNotExist, ValidationError
from pyframework.forms import widgets
from pyframework.forms.fields import ChoiceField, Field
from pyframework.forms.forms import NON_FIELD_ERRORS, BaseForm, DeclarativeFieldsMetaclass
from pyframework.forms.utils import ErrorList
from pyframework.utils.compat import string_types, text_type, with_metaclass
from pyframework.utils.translation import gettext_lazy as _

ALL_FIELDS = "__all__"


def _editable_model_fields(opts):
    """The model's fields in declaration order, many-to-many ones included."""
    fields = list(opts.concrete_fields) + list(opts.many_to_many)
    return sorted(fields, key=lambda field: field.creation_counter)


def _selected(name, fields, exclude):
    return (fields is None or name in fields) and not (exclude and name in exclude)


def model_to_dict(instance, fields=None, exclude=None):
    """``{field name: value}`` of an instance's editable fields (form ``initial`` data)."""
    data = {}
    for field in _editable_model_fields(instance._meta):
        if field.editable and _selected(field.name, fields, exclude):
            data[field.name] = field.value_from_object(instance)
    return data


def construct_instance(form, instance, fields=None, exclude=None):
    """Copy a valid form's cleaned data onto ``instance`` (not saved; many-to-many left out)."""
    cleaned_data = form.cleaned_data
    opts = instance._meta
    for field in opts.concrete_fields:
        name = field.name
        # The database assigns the auto field (a model formset's hidden "id" only finds the row).
        if not field.editable or field is opts.auto_field or name not in cleaned_data:
            continue
        if not _selected(name, fields, exclude):
            continue
        # A field the browser did not submit at all (not even empty) keeps the model's default.
        if field.has_default() and name in form.fields and form[name].field.widget.value_omitted_from_data(
                form.data, form.files, form.add_prefix(name)):
            continue
        setattr(instance, name, cleaned_data[name])
    return instance


def fields_for_model(model, fields=None, exclude=None, widgets=None, formfield_callback=None, labels=None,
                     help_texts=None, error_messages=None, field_classes=None):
    """``[(name, form field)]`` for the model's editable fields, in ``fields`` order when given."""
    opts = model._meta
    found = {}
    for model_field in _editable_model_fields(opts):
        name = model_field.name
        if not _selected(name, fields, exclude):
            continue
        if not model_field.editable:
            if fields is not None and name in fields:
                raise ImproperlyConfigured(
                    "'%s' cannot be specified for %s model form as it is a non-editable field."
                    % (name, model.__name__))
            continue
        kwargs = {}
        for option, values in (("widget", widgets), ("label", labels), ("help_text", help_texts),
                               ("error_messages", error_messages), ("form_class", field_classes)):
            if values and name in values:
                kwargs[option] = values[name]
        if formfield_callback is not None:
            form_field = formfield_callback(model_field, **kwargs)
        else:
            form_field = model_field.formfield(**kwargs)
        if form_field is not None:
            found[name] = form_field
    if fields is None:
        return [(field.name, found[field.name]) for field in _editable_model_fields(opts) if field.name in found]
    return [(name, found[name]) for name in fields if name in found]


class ModelFormOptions(object):
    """The ``Meta`` of a ModelForm, with defaults for what it leaves out."""

    def __init__(self, options=None):
        self.model = getattr(options, "model", None)
        self.fields = getattr(options, "fields", None)
        self.exclude = getattr(options, "exclude", None)
        for name in ("widgets", "labels", "help_texts", "error_messages", "field_classes"):
            setattr(self, name, getattr(options, name, None))
        self.formfield_callback = getattr(options, "formfield_callback", None)
        for name in ("fields", "exclude"):
            if isinstance(getattr(self, name), string_types) and getattr(self, name) != ALL_FIELDS:
                raise TypeError("%s.Meta.%s must be a list or tuple of field names, not a string."
                                % (self.model.__name__ if self.model else "ModelForm", name))


class ModelFormMetaclass(DeclarativeFieldsMetaclass):
    """Adds the model's fields to the declared ones (declared fields win)."""

    def __new__(mcs, name, bases, attrs):
        new_class = super(ModelFormMetaclass, mcs).__new__(mcs, name, bases, attrs)
        opts = new_class._meta = ModelFormOptions(getattr(new_class, "Meta", None))
        new_class._model_field_order = [key for key, _ in new_class.declared_fields_order]
        if opts.model is None:
            return new_class
        if opts.fields is None and opts.exclude is None:
            raise ImproperlyConfigured(
                "ModelForm %s needs Meta.fields (a list of names, or '__all__') or Meta.exclude: "
                "listing them keeps new model fields from appearing in forms by accident." % name)
        fields = None if opts.fields == ALL_FIELDS else opts.fields
        model_fields = fields_for_model(
            opts.model, fields, opts.exclude, opts.widgets, opts.formfield_callback, opts.labels,
            opts.help_texts, opts.error_messages, opts.field_classes)
        generated = dict(model_fields)
        if fields is not None:
            missing = [field for field in fields if field not in generated and field not in new_class.declared_fields]
            if missing:
                raise ImproperlyConfigured("Unknown field(s) (%s) specified for %s." % (
                    ", ".join(missing), opts.model.__name__))
        generated.update(new_class.declared_fields)
        order = [key for key, _ in model_fields]
        order += [key for key in new_class._model_field_order if key not in order]
        new_class.base_fields = generated
        new_class._model_field_order = order
        return new_class


class BaseModelForm(BaseForm):
    """A form bound to a model instance: ``instance=`` edits one, none creates one."""

    def __init__(self, data=None, files=None, auto_id="id_%s", prefix=None, initial=None, error_class=ErrorList,
                 label_suffix=None, empty_permitted=False, instance=None, use_required_attribute=None,
                 renderer=None, field_order=None):
        opts = self._meta
        if opts.model is None:
            raise ValueError("%s has no model class specified (set Meta.model)." % type(self).__name__)
        if instance is None:
            self.instance = opts.model()
            object_data = {}
        else:
            self.instance = instance
            object_data = model_to_dict(instance, opts.fields if opts.fields != ALL_FIELDS else None,
                                        opts.exclude)
        if initial is not None:
            object_data.update(initial)
        # validate_unique() runs inside _post_clean unless a subclass defers it (formsets do).
        self._validate_unique = False
        super(BaseModelForm, self).__init__(
            data, files, auto_id=auto_id, prefix=prefix, initial=object_data, error_class=error_class,
            label_suffix=label_suffix, empty_permitted=empty_permitted, use_required_attribute=use_required_attribute,
            renderer=renderer)
        self.order_fields(self._model_field_order)
        self.order_fields(self.field_order if field_order is None else field_order)
        for form_field in self.fields.values():
            apply_limit_choices_to(form_field)

    def _meta_fields(self):
        return None if self._meta.fields == ALL_FIELDS else self._meta.fields

    def _get_validation_exclusions(self):
        """Model fields the model's own validation should skip.

        Those the form does not show, those that already failed as form
        fields, and empty optional form fields over a model field that
        requires a value (the form chose to make it optional).
        """
        exclude = set()
        for model_field in _editable_model_fields(self.instance._meta):
            name = model_field.name
            if name not in self.fields or not _selected(name, self._meta_fields(), self._meta.exclude):
                exclude.add(name)
            elif self._errors and name in self._errors:
                exclude.add(name)
            else:
                form_field = self.fields[name]
                value = self.cleaned_data.get(name)
                if not form_field.required and not model_field.blank and value in form_field.empty_values:
                    exclude.add(name)
        return exclude

    def clean(self):
        self._validate_unique = True
        return self.cleaned_data

    def _update_errors(self, errors):
        """Report model validation errors on the form; Meta.error_messages may reword them by code."""
        messages = self._meta.error_messages or {}
        if hasattr(errors, "error_dict"):
            error_dict = errors.error_dict
        else:
            error_dict = {NON_FIELD_ERRORS: errors.error_list}
        by_field = {}
        for name, error_list in error_dict.items():
            target = name if name in self.fields else NON_FIELD_ERRORS
            reworded = messages.get(name, {})
            for error in error_list:
                if getattr(error, "code", None) in reworded:
                    error = ValidationError(reworded[error.code], code=error.code, params=error.params)
                by_field.setdefault(target, []).append(error)
        self.add_error(None, by_field)

    def _post_clean(self):
        opts = self._meta
        exclude = self._get_validation_exclusions()
        try:
            self.instance = construct_instance(self, self.instance, self._meta_fields(), opts.exclude)
        except ValidationError as exc:
            self._update_errors(exc)
        try:
            self.instance.full_clean(exclude=exclude, validate_unique=False)
        except ValidationError as exc:
            self._update_errors(exc)
        if self._validate_unique:
            self.validate_unique()

    def validate_unique(self):
        """Check the instance's unique fields and unique_together against the database."""
        exclude = self._get_validation_exclusions()
        try:
            self.instance.validate_unique(exclude=exclude)
        except ValidationError as exc:
            self._update_errors(exc)

    def _save_m2m(self):
        cleaned_data = self.cleaned_data
        for model_field in self.instance._meta.many_to_many:
            name = model_field.name
            if name in cleaned_data and _selected(name, self._meta_fields(), self._meta.exclude):
                model_field.save_form_data(self.instance, cleaned_data[name])

    def save(self, commit=True):
        """Save the instance (and its many-to-many values) and return it.

        With ``commit=False`` nothing is written: save the instance yourself,
        then call ``form.save_m2m()``.
        """
        if self.errors:
            raise ValueError("The %s could not be %s because the data didn't validate." % (
                self.instance._meta.object_name, "created" if self.instance._state.adding else "changed"))
        if commit:
            self.instance.save()
            self._save_m2m()
        else:
            self.save_m2m = self._save_m2m
        return self.instance


class ModelForm(with_metaclass(ModelFormMetaclass, BaseModelForm)):
    """Subclass with an inner ``Meta`` naming ``model`` and ``fields`` (or ``exclude``)."""


def modelform_factory(model, form=ModelForm, fields=None, exclude=None, formfield_callback=None, widgets=None,
                      labels=None, help_texts=None, error_messages=None, field_classes=None):
    """A ModelForm class for ``model`` built at run time (generic views use it)."""
    attrs = {"model": model}
    for name, value in (("fields", fields), ("exclude", exclude), ("widgets", widgets), ("labels", labels),
                        ("help_texts", help_texts), ("error_messages", error_messages),
                        ("field_classes", field_classes), ("formfield_callback", formfield_callback)):
        if value is not None:
            attrs[name] = staticmethod(value) if name == "formfield_callback" else value
    # (form.Meta, object): on Python 2 a form's "class Meta:" is a classic class, which type() cannot extend alone.
    parent_meta = (form.Meta, object) if hasattr(form, "Meta") else (object,)
    meta = type(str("Meta"), parent_meta, attrs)
    if getattr(meta, "fields", None) is None and getattr(meta, "exclude", None) is None:
        raise ImproperlyConfigured(
            "modelform_factory(%s) needs 'fields' or 'exclude' (or a form whose Meta has them)." % model.__name__)
    return type(form)(str("%sForm" % model.__name__), (form,), {"Meta": meta})


def apply_limit_choices_to(form_field):
    """Narrow a model choice field's queryset by its ``limit_choices_to`` (a dict, Q or callable)."""
    limit = getattr(form_field, "get_limit_choices_to", None)
    if limit is None:
        return
    condition = limit()
    if isinstance(condition, dict):
        form_field.queryset = form_field.queryset.filter(**condition)
    elif condition:
        form_field.queryset = form_field.queryset.filter(condition)  # a Q object


class ModelChoiceIterator(object):
    """The (value, label) choices of a ModelChoiceField, read from its queryset when iterated.

    Each iteration runs the query once; the empty label comes first without
    touching the database, so checking the first option costs nothing.
    """

    def __init__(self, field):
        self.field = field
        self.queryset = field.queryset

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        queryset = self.queryset
        if queryset._result_cache is None:
            queryset = queryset.iterator()  # no cache kept: each render sees current rows
        for obj in queryset:
            yield self.choice(obj)

    # No __len__: list() would ask for it first and cost a COUNT query per render.

    def __bool__(self):
        return self.field.empty_label is not None or self.queryset.exists()

    __nonzero__ = __bool__

    def choice(self, obj):
        return (self.field.prepare_value(obj), self.field.label_from_instance(obj))


class ModelChoiceField(ChoiceField):
    """Chooses one instance of ``queryset``; the submitted value is its primary key (or ``to_field_name``)."""

    default_error_messages = {
        "invalid_choice": _("Select a valid choice. That choice is not one of the available choices."),
    }
    iterator = ModelChoiceIterator

    def __init__(self, queryset, empty_label="---------", required=True, widget=None, label=None, initial=None,
                 help_text="", to_field_name=None, limit_choices_to=None, blank=False, **kwargs):
        # ChoiceField.__init__ would store a static list of choices: skip it.
        Field.__init__(self, required=required, widget=widget, label=label, initial=initial,
                       help_text=help_text, **kwargs)
        # No blank option when a value is required and preselected, or for radio buttons
        # over a non-blank model field.
        if (required and initial is not None) or (isinstance(self.widget, widgets.RadioSelect) and not blank):
            self.empty_label = None
        else:
            self.empty_label = empty_label
        self.queryset = queryset
        self.limit_choices_to = limit_choices_to
        self.to_field_name = to_field_name

    def get_limit_choices_to(self):
        if callable(self.limit_choices_to):
            return self.limit_choices_to()
        return self.limit_choices_to

    def __deepcopy__(self, memo):
        result = Field.__deepcopy__(self, memo)
        if self.queryset is not None:
            result.queryset = self.queryset.all()  # each form gets its own, unevaluated queryset
        return result

    def _get_queryset(self):
        return self._queryset

    def _set_queryset(self, queryset):
        self._queryset = None if queryset is None else queryset.all()
        self.widget.choices = self.choices

    queryset = property(_get_queryset, _set_queryset)

    def _get_choices(self):
        return self.iterator(self)

    choices = property(_get_choices, ChoiceField._set_choices)

    def label_from_instance(self, obj):
        """The option text for ``obj``; override to show something else than ``str(obj)``."""
        return text_type(obj)

    def _key_name(self):
        return self.to_field_name or "pk"

    def prepare_value(self, value):
        if hasattr(value, "_meta"):
            if self.to_field_name:
                return value.serializable_value(self.to_field_name)
            return value.pk
        return value

    def _key_field(self):
        opts = self.queryset.model._meta
        return opts.get_field(self.to_field_name) if self.to_field_name else opts.pk

    def _check_key(self, value):
        """The submitted key converted and range-checked, so the query never sees a malformed value.

        Raises ValidationError (or ValueError/TypeError) for a value that
        cannot be a key at all.
        """
        key_field = self._key_field()
        value = key_field.to_python(value)
        key_field.run_validators(value)
        return value

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, self.queryset.model):
            value = getattr(value, self._key_name())
        try:
            value = self._check_key(value)
            return self.queryset.get(**{self._key_name(): value})
        except (ValueError, TypeError, ValidationError, ObjectDoesNotExist):
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice",
                                  params={"value": value})

    def validate(self, value):
        Field.validate(self, value)

    def has_changed(self, initial, data):
        if self.disabled:
            return False
        initial_value = initial if initial is not None else ""
        data_value = data if data is not None else ""
        return text_type(self.prepare_value(initial_value)) != text_type(data_value)


class ModelMultipleChoiceField(ModelChoiceField):
    """Chooses any number of instances; cleans to a queryset of them."""

    widget = widgets.SelectMultiple
    hidden_widget = widgets.MultipleHiddenInput
    default_error_messages = {
        "invalid_list": _("Enter a list of values."),
        "invalid_choice": _("Select a valid choice. %(value)s is not one of the available choices."),
        "invalid_pk_value": "\u201c%(pk)s\u201d is not a valid value.",
    }

    def __init__(self, queryset, **kwargs):
        super(ModelMultipleChoiceField, self).__init__(queryset, empty_label=None, **kwargs)

    def to_python(self, value):
        if not value:
            return []
        return list(self._check_values(value))

    def clean(self, value):
        value = self.prepare_value(value)
        if self.required and not value:
            raise ValidationError(self.error_messages["required"], code="required")
        if not self.required and not value:
            return self.queryset.none()
        if not isinstance(value, (list, tuple)):
            raise ValidationError(self.error_messages["invalid_list"], code="invalid_list")
        queryset = self._check_values(value)
        self.run_validators(value)
        return queryset

    def _check_values(self, values):
        """The queryset of the chosen objects; every value must be a valid key of one of them."""
        key = self._key_name()
        keys = []
        for value in values:
            try:
                checked = self._check_key(value)
            except (ValueError, TypeError, ValidationError):
                raise ValidationError(self.error_messages["invalid_pk_value"], code="invalid_pk_value",
                                      params={"pk": value})
            if checked not in keys:
                keys.append(checked)
        queryset = self.queryset.filter(**{"%s__in" % key: keys})
        found = set(text_type(getattr(obj, key)) for obj in queryset)
        for value in keys:
            if text_type(value) not in found:
                raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice",
                                      params={"value": value})
        return queryset

    def prepare_value(self, value):
        if hasattr(value, "__iter__") and not isinstance(value, string_types) and not hasattr(value, "_meta"):
            prepare = super(ModelMultipleChoiceField, self).prepare_value
            return [prepare(item) for item in value]
        return super(ModelMultipleChoiceField, self).prepare_value(value)

    def has_changed(self, initial, data):
        if self.disabled:
            return False
        initial_set = set(text_type(value) for value in self.prepare_value(initial or []))
        data_set = set(text_type(value) for value in (data or []))
        return initial_set != data_set
