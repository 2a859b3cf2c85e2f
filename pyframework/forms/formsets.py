"""Formsets: several copies of one form on a page, counted by a hidden management form."""
from __future__ import absolute_import, unicode_literals

from markupsafe import Markup

from pyframework.core.exceptions import ValidationError
from pyframework.forms import fields
from pyframework.forms.forms import Form
from pyframework.forms.utils import ErrorList, error_messages_list
from pyframework.forms.widgets import HiddenInput, NumberInput
from pyframework.utils.compat import python_2_unicode_compatible, range
from pyframework.utils.translation import gettext_lazy as _
from pyframework.utils.translation import ngettext_lazy


TOTAL_FORM_COUNT = "TOTAL_FORMS"
INITIAL_FORM_COUNT = "INITIAL_FORMS"
MIN_NUM_FORM_COUNT = "MIN_NUM_FORMS"
MAX_NUM_FORM_COUNT = "MAX_NUM_FORMS"
ORDERING_FIELD_NAME = "ORDER"
DELETION_FIELD_NAME = "DELETE"

DEFAULT_MIN_NUM = 0
DEFAULT_MAX_NUM = 1000


class ManagementForm(Form):
    """Hidden counters telling the server how many forms the page submitted."""

    TOTAL_FORMS = fields.IntegerField(widget=HiddenInput, min_value=0)
    INITIAL_FORMS = fields.IntegerField(widget=HiddenInput, min_value=0)
    MIN_NUM_FORMS = fields.IntegerField(required=False, widget=HiddenInput)
    MAX_NUM_FORMS = fields.IntegerField(required=False, widget=HiddenInput)

    def clean(self):
        cleaned_data = super(ManagementForm, self).clean()
        # Missing or broken counters mean "no forms" rather than a crash.
        cleaned_data.setdefault(TOTAL_FORM_COUNT, 0)
        cleaned_data.setdefault(INITIAL_FORM_COUNT, 0)
        return cleaned_data


@python_2_unicode_compatible
class BaseFormSet(object):
    """A list of forms of class ``form`` plus a management form; build one with formset_factory()."""

    ordering_widget = NumberInput
    deletion_widget = fields.BooleanField.widget
    default_error_messages = {
        "missing_management_form": (
            "The form's management data is missing or was altered (check: %(field_names)s). "
            "Reload the page and submit it again."),
        "too_many_forms": ngettext_lazy(
            "Please submit at most %(num)d form.", "Please submit at most %(num)d forms.", "num"),
        "too_few_forms": ngettext_lazy(
            "Please submit at least %(num)d form.", "Please submit at least %(num)d forms.", "num"),
    }

    def __init__(self, data=None, files=None, auto_id="id_%s", prefix=None, initial=None, error_class=ErrorList,
                 form_kwargs=None, error_messages=None):
        self.is_bound = data is not None or files is not None
        self.prefix = prefix or self.get_default_prefix()
        self.auto_id = auto_id
        self.data = data or {}
        self.files = files or {}
        self.initial = initial
        self.form_kwargs = form_kwargs or {}
        self.error_class = error_class
        self._errors = None
        self._non_form_errors = None
        self._forms = None
        self._management_form = None
        messages = {}
        for cls in reversed(type(self).__mro__):
            messages.update(getattr(cls, "default_error_messages", {}))
        messages.update(error_messages or {})
        self.error_messages = messages

    @classmethod
    def get_default_prefix(cls):
        return "form"

    def __iter__(self):
        return iter(self.forms)

    def __getitem__(self, index):
        return self.forms[index]

    def __len__(self):
        return len(self.forms)

    def __bool__(self):
        return True

    __nonzero__ = __bool__

    # --- the management form and counts ---------------------------------------------
    @property
    def management_form(self):
        if self._management_form is None:
            self._management_form = self._build_management_form()
        return self._management_form

    def _build_management_form(self):
        if self.is_bound:
            form = ManagementForm(self.data, auto_id=self.auto_id, prefix=self.prefix)
            form.full_clean()
        else:
            form = ManagementForm(auto_id=self.auto_id, prefix=self.prefix, initial={
                TOTAL_FORM_COUNT: self.total_form_count(),
                INITIAL_FORM_COUNT: self.initial_form_count(),
                MIN_NUM_FORM_COUNT: self.min_num,
                MAX_NUM_FORM_COUNT: self.max_num,
            })
        return form

    def total_form_count(self):
        if self.is_bound:
            # Never more than absolute_max forms, whatever the client claims.
            return min(self.management_form.cleaned_data[TOTAL_FORM_COUNT], self.absolute_max)
        initial_forms = self.initial_form_count()
        total = max(initial_forms, self.min_num) + self.extra
        if initial_forms > self.max_num >= 0:
            return initial_forms
        return min(total, self.max_num) if total > self.max_num >= 0 else total

    def initial_form_count(self):
        if self.is_bound:
            return self.management_form.cleaned_data[INITIAL_FORM_COUNT]
        return len(self.initial) if self.initial else 0

    # --- the forms ------------------------------------------------------------------
    @property
    def forms(self):
        if self._forms is None:
            self._forms = [self._construct_form(index, **self.get_form_kwargs(index))
                           for index in range(self.total_form_count())]
        return self._forms

    def get_form_kwargs(self, index):
        return self.form_kwargs.copy()

    def _construct_form(self, index, **kwargs):
        defaults = {"auto_id": self.auto_id, "prefix": self.add_prefix(index), "error_class": self.error_class,
                    "use_required_attribute": False}
        if self.is_bound:
            defaults["data"] = self.data
            defaults["files"] = self.files
        if self.initial and "initial" not in kwargs:
            try:
                defaults["initial"] = self.initial[index]
            except IndexError:
                pass
        # Extra forms left blank are fine; the first min_num ones must be filled in.
        if index >= self.initial_form_count() and index >= self.min_num:
            defaults["empty_permitted"] = True
        defaults.update(kwargs)
        form = self.form(**defaults)
        self.add_fields(form, index)
        return form

    @property
    def initial_forms(self):
        return self.forms[:self.initial_form_count()]

    @property
    def extra_forms(self):
        return self.forms[self.initial_form_count():]

    @property
    def empty_form(self):
        """A blank form with ``__prefix__`` in its names, for adding forms in the browser."""
        form = self.form(auto_id=self.auto_id, prefix=self.add_prefix("__prefix__"), empty_permitted=True,
                         use_required_attribute=False, **self.get_form_kwargs(None))
        self.add_fields(form, None)
        return form

    def add_prefix(self, index):
        return "%s-%s" % (self.prefix, index)

    def add_fields(self, form, index):
        """Add the ORDER and DELETE fields when the formset asks for them."""
        initial_count = self.initial_form_count()
        if self.can_order:
            initial = index + 1 if index is not None and index < initial_count else None
            form.fields[ORDERING_FIELD_NAME] = fields.IntegerField(
                label=_("Order"), required=False, initial=initial, widget=self.ordering_widget)
        if self.can_delete and (self.can_delete_extra or (index is not None and index < initial_count)):
            form.fields[DELETION_FIELD_NAME] = fields.BooleanField(
                label=_("Delete"), required=False, widget=self.deletion_widget)

    # --- validation ------------------------------------------------------------------
    @property
    def errors(self):
        """One ErrorDict per form."""
        if self._errors is None:
            self.full_clean()
        return self._errors

    def non_form_errors(self):
        """Errors about the formset as a whole (counts, management form, clean())."""
        if self._non_form_errors is None:
            self.full_clean()
        return self._non_form_errors

    def total_error_count(self):
        return len(self.non_form_errors()) + sum(len(form_errors) for form_errors in self.errors)

    def _should_delete_form(self, form):
        form.errors  # noqa: B018 - cleans the form, which fills cleaned_data
        return bool(getattr(form, "cleaned_data", {}).get(DELETION_FIELD_NAME, False))

    def is_valid(self):
        if not self.is_bound:
            return False
        self.errors  # noqa: B018 - runs full_clean once
        forms_valid = all(form.is_valid() for form in self.forms if not (self.can_delete and
                                                                        self._should_delete_form(form)))
        return forms_valid and not self.non_form_errors()

    def full_clean(self):
        self._errors = []
        self._non_form_errors = self.error_class(error_class="nonform")
        if not self.is_bound:
            return
        management = self.management_form
        if not management.is_valid():
            missing = sorted(name for name in management.errors)
            self._non_form_errors.append(ValidationError(
                self.error_messages["missing_management_form"], code="missing_management_form",
                params={"field_names": ", ".join(missing)}))
        empty_forms = 0
        for index, form in enumerate(self.forms):
            if not form.has_changed() and index >= self.initial_form_count():
                empty_forms += 1
            self._errors.append(form.errors)
        try:
            submitted = self.total_form_count() - len(self.deleted_forms) - empty_forms
            if self.validate_max and submitted > self.max_num:
                raise ValidationError(self.error_messages["too_many_forms"], code="too_many_forms",
                                      params={"num": self.max_num})
            if self.management_form.cleaned_data[TOTAL_FORM_COUNT] > self.absolute_max:
                raise ValidationError(self.error_messages["too_many_forms"], code="too_many_forms",
                                      params={"num": self.absolute_max})
            if self.validate_min and submitted < self.min_num:
                raise ValidationError(self.error_messages["too_few_forms"], code="too_few_forms",
                                      params={"num": self.min_num})
            self.clean()
        except ValidationError as exc:
            self._non_form_errors.extend(error_messages_list(exc))

    def clean(self):
        """Hook for formset-wide checks (e.g. no two forms with the same title)."""

    def has_changed(self):
        return any(form.has_changed() for form in self)

    @property
    def cleaned_data(self):
        if not self.is_valid():
            raise AttributeError("'%s' object has no attribute 'cleaned_data'" % type(self).__name__)
        return [form.cleaned_data for form in self.forms]

    @property
    def deleted_forms(self):
        if not self.is_bound or not self.can_delete:
            return []
        initial_count = self.initial_form_count()
        return [form for index, form in enumerate(self.forms)
                if (index < initial_count or form.has_changed()) and self._should_delete_form(form)]

    @property
    def ordered_forms(self):
        """Valid, not deleted forms sorted by their ORDER value (blank ones last)."""
        if not self.is_valid() or not self.can_order:
            raise AttributeError("'%s' object has no attribute 'ordered_forms'" % type(self).__name__)
        kept = [(index, form) for index, form in enumerate(self.forms)
                if index < self.initial_form_count() or form.has_changed()]
        kept = [(index, form) for index, form in kept if not (self.can_delete and self._should_delete_form(form))]

        def sort_key(item):
            order = item[1].cleaned_data.get(ORDERING_FIELD_NAME)
            return (order is None, order if order is not None else 0, item[0])
        return [form for _, form in sorted(kept, key=sort_key)]

    def is_multipart(self):
        forms = self.forms or [self.empty_form]
        return forms[0].is_multipart()

    # --- HTML ---------------------------------------------------------------------------
    def _render(self, method):
        parts = [self.management_form.__html__()]
        parts.extend(getattr(form, method)() for form in self)
        return Markup("\n".join(parts))

    def as_div(self):
        return self._render("as_div")

    def as_p(self):
        return self._render("as_p")

    def as_ul(self):
        return self._render("as_ul")

    def as_table(self):
        return self._render("as_table")

    def __html__(self):
        return self.as_div()

    def __str__(self):
        return self.__html__()


def formset_factory(form, formset=BaseFormSet, extra=1, can_order=False, can_delete=False, max_num=None,
                    validate_max=False, min_num=None, validate_min=False, absolute_max=None, can_delete_extra=True):
    """A FormSet class for ``form``; ``absolute_max`` caps how many forms a request may create."""
    if min_num is None:
        min_num = DEFAULT_MIN_NUM
    if max_num is None:
        max_num = DEFAULT_MAX_NUM
    if absolute_max is None:
        absolute_max = max_num + DEFAULT_MAX_NUM
    if max_num > absolute_max:
        raise ValueError("'absolute_max' must be greater or equal to 'max_num'.")
    attrs = {
        "form": form, "extra": extra, "can_order": can_order, "can_delete": can_delete,
        "can_delete_extra": can_delete_extra, "min_num": min_num, "max_num": max_num,
        "absolute_max": absolute_max, "validate_min": validate_min, "validate_max": validate_max,
    }
    return type(str("%sFormSet" % form.__name__), (formset,), attrs)


def all_valid(formsets):
    """Validate every formset (so all show their errors), then report whether all passed."""
    results = [formset.is_valid() for formset in formsets]
    return all(results)
