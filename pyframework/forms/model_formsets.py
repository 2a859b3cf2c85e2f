"""Model formsets: one model form per row of a queryset, plus extra forms for new rows;
inline formsets: the rows of a child model pointing at one parent instance.

Each form over an existing row carries the row's primary key in a hidden
field; on submission the row is looked up again in the formset's queryset,
so a key edited in the browser can never reach a row outside it.
"""
from __future__ import absolute_import, unicode_literals

from pyframework.core.exceptions import ImproperlyConfigured, ValidationError
from pyframework.forms.formsets import BaseFormSet, formset_factory
from pyframework.forms.models import ModelChoiceField, ModelForm, modelform_factory
from pyframework.forms.widgets import HiddenInput
from pyframework.utils.compat import text_type


class BaseModelFormSet(BaseFormSet):
    """Edits ``queryset`` (default: every row of ``model``) and creates rows from the extra forms."""

    model = None
    edit_only = False
    default_error_messages = {
        "duplicate": "Please correct the duplicate data for %(fields)s, which must be unique.",
    }

    def __init__(self, data=None, files=None, auto_id="id_%s", prefix=None, queryset=None, initial=None, **kwargs):
        self.queryset = queryset
        self.initial_extra = initial
        super(BaseModelFormSet, self).__init__(data, files, auto_id=auto_id, prefix=prefix, **kwargs)

    def get_queryset(self):
        """The rows being edited, read once; ordered by key when unordered so forms keep their place."""
        if not hasattr(self, "_queryset"):
            queryset = self.queryset if self.queryset is not None else self.model._default_manager.all()
            if not queryset.ordered:
                queryset = queryset.order_by(self.model._meta.pk.name)
            self._queryset = list(queryset)
            self._objects_by_key = dict((text_type(obj.pk), obj) for obj in self._queryset)
        return self._queryset

    def initial_form_count(self):
        if not self.is_bound:
            return len(self.get_queryset())
        return super(BaseModelFormSet, self).initial_form_count()

    def total_form_count(self):
        total = super(BaseModelFormSet, self).total_form_count()
        if self.edit_only:
            return min(total, self.initial_form_count())
        return total

    def _existing_object(self, key):
        self.get_queryset()
        return self._objects_by_key.get(text_type(key))

    def _construct_form(self, index, **kwargs):
        is_existing = index < self.initial_form_count()
        if is_existing:
            if self.is_bound:
                key = self.data.get("%s-%s" % (self.add_prefix(index), self.model._meta.pk.name))
                # Unknown key: a blank instance, which save_existing_objects() skips.
                kwargs.setdefault("instance", self._existing_object(key))
            else:
                kwargs.setdefault("instance", self.get_queryset()[index])
        elif self.initial_extra:
            extra_index = index - self.initial_form_count()
            if extra_index < len(self.initial_extra):
                kwargs.setdefault("initial", self.initial_extra[extra_index])
        return super(BaseModelFormSet, self)._construct_form(index, **kwargs)

    def add_fields(self, form, index):
        """The hidden primary key field, then ORDER/DELETE."""
        pk_name = self.model._meta.pk.name
        is_existing = index is not None and index < self.initial_form_count()
        rows = self.queryset if self.queryset is not None else self.model._default_manager.all()
        form.fields[pk_name] = _RowKeyField(
            self, rows, required=is_existing, widget=HiddenInput,
            initial=form.instance.pk if is_existing else None)
        super(BaseModelFormSet, self).add_fields(form, index)

    def clean(self):
        self.validate_unique()

    def validate_unique(self):
        """No two forms may submit the same values for a unique field or unique_together group."""
        valid_forms = [form for form in self.forms
                       if form.is_valid() and not (self.can_delete and self._should_delete_form(form))]
        seen = {}
        errors = []
        for form in valid_forms:
            exclude = form._get_validation_exclusions()
            for check in form.instance._unique_checks(exclude):
                if not all(name in form.cleaned_data for name in check):
                    continue
                values = tuple(_comparable(form.cleaned_data[name]) for name in check)
                if any(value is None for value in values):
                    continue  # NULLs never clash
                if values in seen.setdefault(check, set()):
                    errors.append(ValidationError(self.error_messages["duplicate"], code="duplicate",
                                                  params={"fields": " and ".join(check)}))
                    for name in check:
                        form.cleaned_data.pop(name, None)
                else:
                    seen[check].add(values)
        if errors:
            raise ValidationError(errors)

    # --- saving ------------------------------------------------------------------
    def save_new(self, form, commit=True):
        return form.save(commit=commit)

    def save_existing(self, form, obj, commit=True):
        return form.save(commit=commit)

    def delete_existing(self, obj, commit=True):
        if commit:
            obj.delete()

    def save(self, commit=True):
        """Save changed and new rows, delete the ones marked for deletion; return the saved instances.

        Afterwards ``new_objects``, ``changed_objects`` ((instance, changed field names)) and
        ``deleted_objects`` say what happened. With ``commit=False`` nothing is written:
        save the instances yourself, then call ``save_m2m()``.
        """
        if not commit:
            self.saved_forms = []

            def save_m2m():
                for form in self.saved_forms:
                    form.save_m2m()
            self.save_m2m = save_m2m
        return self.save_existing_objects(commit) + self.save_new_objects(commit)

    def save_existing_objects(self, commit=True):
        self.changed_objects = []
        self.deleted_objects = []
        saved = []
        deleted_forms = self.deleted_forms if self.can_delete else []
        for form in self.initial_forms:
            obj = form.instance
            if obj.pk is None:
                continue
            if form in deleted_forms:
                self.deleted_objects.append(obj)
                self.delete_existing(obj, commit=commit)
            elif form.has_changed():
                self.changed_objects.append((obj, form.changed_data))
                saved.append(self.save_existing(form, obj, commit=commit))
                if not commit:
                    self.saved_forms.append(form)
        return saved

    def save_new_objects(self, commit=True):
        self.new_objects = []
        for form in self.extra_forms:
            if not form.has_changed():
                continue
            if self.can_delete and self._should_delete_form(form):
                continue
            self.new_objects.append(self.save_new(form, commit=commit))
            if not commit:
                self.saved_forms.append(form)
        return self.new_objects


class _RowKeyField(ModelChoiceField):
    """The hidden key of a formset form, found among the rows the formset already read.

    One query for the whole formset instead of one per form; a key outside
    the formset's queryset is an invalid choice.
    """

    def __init__(self, formset, queryset, **kwargs):
        self.formset = formset
        super(_RowKeyField, self).__init__(queryset, **kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        obj = self.formset._existing_object(value)
        if obj is None:
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice",
                                  params={"value": value})
        return obj


def _comparable(value):
    """Model instances compare by key; text compares as text."""
    if hasattr(value, "_meta"):
        return (value._meta.label, value.pk)
    return value


def modelformset_factory(model, form=ModelForm, formfield_callback=None, formset=BaseModelFormSet, extra=1,
                         can_delete=False, can_order=False, max_num=None, fields=None, exclude=None,
                         widgets=None, validate_max=False, labels=None, help_texts=None, error_messages=None,
                         min_num=None, validate_min=False, field_classes=None, absolute_max=None,
                         can_delete_extra=True, edit_only=False):
    """A model formset class for ``model`` (``fields`` or ``exclude`` required, as for model forms)."""
    meta = getattr(form, "Meta", None)
    if getattr(meta, "fields", fields) is None and getattr(meta, "exclude", exclude) is None:
        raise ImproperlyConfigured(
            "modelformset_factory(%s) needs 'fields' or 'exclude' (or a form whose Meta has them)."
            % model.__name__)
    form = modelform_factory(model, form=form, fields=fields, exclude=exclude, formfield_callback=formfield_callback,
                             widgets=widgets, labels=labels, help_texts=help_texts, error_messages=error_messages,
                             field_classes=field_classes)
    formset_class = formset_factory(form, formset, extra=extra, min_num=min_num, max_num=max_num,
                                    can_order=can_order, can_delete=can_delete, validate_min=validate_min,
                                    validate_max=validate_max, absolute_max=absolute_max,
                                    can_delete_extra=can_delete_extra)
    formset_class.model = model
    formset_class.edit_only = edit_only
    return formset_class


class BaseInlineFormSet(BaseModelFormSet):
    """The ``model`` rows whose foreign key ``fk`` points at ``instance`` (none for an unsaved parent).

    The key is not a form field: it is set on every form's instance from the parent, so a
    submitted form can never move a row to another parent. The default prefix is the
    reverse accessor's name (``book_set``, or the ``related_name``), as in Django.
    """

    fk = None

    def __init__(self, data=None, files=None, instance=None, save_as_new=False, prefix=None, queryset=None,
                 **kwargs):
        self.instance = self.fk.remote_field.model() if instance is None else instance
        self.save_as_new = save_as_new
        if queryset is None:
            queryset = self.model._default_manager.all()
        if self.instance.pk is not None:
            queryset = queryset.filter(**{self.fk.name: self.instance})
        else:
            queryset = queryset.none()
        self.unique_fields = set([self.fk.name])
        super(BaseInlineFormSet, self).__init__(data, files, prefix=prefix, queryset=queryset, **kwargs)

    @classmethod
    def get_default_prefix(cls):
        return cls.fk.remote_field.get_accessor_name(model=cls.model).replace("+", "")

    def initial_form_count(self):
        if self.save_as_new:
            return 0
        return super(BaseInlineFormSet, self).initial_form_count()

    def _construct_form(self, index, **kwargs):
        form = super(BaseInlineFormSet, self)._construct_form(index, **kwargs)
        if self.save_as_new:
            form.instance.pk = None
        self._set_parent(form.instance)
        return form

    def _set_parent(self, obj):
        target = self.fk.remote_field.field_name or self.fk.related_model._meta.pk.name
        setattr(obj, self.fk.attname, getattr(self.instance, target, None))

    def save_new(self, form, commit=True):
        setattr(form.instance, self.fk.name, self.instance)
        return super(BaseInlineFormSet, self).save_new(form, commit=commit)

    def save_existing_objects(self, commit=True):
        for form in self.initial_forms:
            self._set_parent(form.instance)
        return super(BaseInlineFormSet, self).save_existing_objects(commit)


def get_foreign_key(parent_model, model, fk_name=None):
    """The ForeignKey of ``model`` pointing at ``parent_model`` (named ``fk_name`` when there are several)."""
    opts = model._meta
    if fk_name:
        matches = [field for field in opts.concrete_fields if field.name == fk_name]
        if not matches:
            raise ValueError("'%s' has no field named '%s'." % (opts.label, fk_name))
        fk = matches[0]
        if not fk.is_relation or not (fk.many_to_one or fk.one_to_one) or fk.related_model is not parent_model:
            raise ValueError("fk_name '%s' is not a ForeignKey to '%s'." % (fk_name, parent_model._meta.label))
        return fk
    matches = [field for field in opts.concrete_fields
               if field.is_relation and (field.many_to_one or field.one_to_one) and field.related_model is parent_model]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise ValueError("'%s' has no ForeignKey to '%s'." % (opts.label, parent_model._meta.label))
    raise ValueError("'%s' has more than one ForeignKey to '%s'. You must specify a 'fk_name' attribute."
                     % (opts.label, parent_model._meta.label))


def inlineformset_factory(parent_model, model, form=ModelForm, formset=BaseInlineFormSet, fk_name=None,
                          fields=None, exclude=None, extra=3, can_order=False, can_delete=True, max_num=None,
                          formfield_callback=None, widgets=None, validate_max=False, labels=None, help_texts=None,
                          error_messages=None, min_num=None, validate_min=False, field_classes=None,
                          absolute_max=None, can_delete_extra=True, edit_only=False):
    """An inline formset class editing the ``model`` rows of one ``parent_model`` instance."""
    fk = get_foreign_key(parent_model, model, fk_name=fk_name)
    exclude = list(exclude or [])
    if fk.name not in exclude:
        exclude.append(fk.name)
    if fields is not None and not isinstance(fields, text_type):
        fields = [name for name in fields if name != fk.name]
    formset_class = modelformset_factory(
        model, form=form, formfield_callback=formfield_callback, formset=formset, extra=extra,
        can_delete=can_delete, can_order=can_order, fields=fields, exclude=exclude, widgets=widgets,
        min_num=min_num, max_num=max_num, validate_max=validate_max, labels=labels, help_texts=help_texts,
        error_messages=error_messages, validate_min=validate_min, field_classes=field_classes,
        absolute_max=absolute_max, can_delete_extra=can_delete_extra, edit_only=edit_only)
    formset_class.fk = fk
    return formset_class
