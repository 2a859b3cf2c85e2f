"""Form fields: turn submitted text into Python values and validate them.

A field's ``clean(value)`` runs ``to_python()`` (conversion), ``validate()``
(the field's own rules) and ``run_validators()`` (reusable validators), and
raises ValidationError with every message it found.
"""
from __future__ import absolute_import, unicode_literals

import copy
import io
import itertools
import math
import re
from decimal import Decimal, DecimalException

from pyframework.core import validators
from pyframework.core.exceptions import ImproperlyConfigured, ValidationError
from pyframework.forms import widgets
from pyframework.forms.boundfield import BoundField
from pyframework.forms.utils import error_messages_list
from pyframework.utils import formats
from pyframework.utils.choices import is_choices_class, normalize_choices
from pyframework.utils.compat import integer_types, string_types, text_type, urlsplit, urlunsplit
from pyframework.utils.ipv6 import MAX_IPV6_ADDRESS_LENGTH, clean_ipv6_address
from pyframework.utils.translation import gettext_lazy as _
from pyframework.utils.translation import ngettext_lazy


EMPTY_VALUES = validators.EMPTY_VALUES

# Declaration order of fields: class bodies are unordered dicts on Python 2.
_creation_counter = itertools.count()


class Field(object):
    widget = widgets.TextInput
    hidden_widget = widgets.HiddenInput
    default_validators = []
    default_error_messages = {
        "required": _("This field is required."),
    }
    empty_values = list(EMPTY_VALUES)

    def __init__(self, required=True, widget=None, label=None, initial=None, help_text="", error_messages=None,
                 validators=(), disabled=False, label_suffix=None, localize=False, show_hidden_initial=False):
        self.required, self.label, self.initial = required, label, initial
        self.help_text = help_text
        self.disabled = disabled
        self.label_suffix = label_suffix
        self.localize = localize
        self.show_hidden_initial = show_hidden_initial
        widget = widget or self.widget
        if isinstance(widget, type):
            widget = widget()
        else:
            widget = copy.deepcopy(widget)
        widget.is_required = self.required
        if self.localize:
            widget.is_localized = True  # the widget shows values as the active language writes them
        extra_attrs = self.widget_attrs(widget)
        if extra_attrs:
            widget.attrs.update(extra_attrs)
        self.widget = widget
        self.creation_counter = next(_creation_counter)

        messages = {}
        for cls in reversed(type(self).__mro__):
            messages.update(getattr(cls, "default_error_messages", {}))
        messages.update(error_messages or {})
        self.error_messages = messages
        self.validators = list(self.default_validators) + list(validators)

    def prepare_value(self, value):
        """The value as handed to the widget for display."""
        return value

    def to_python(self, value):
        return value

    def validate(self, value):
        if value in self.empty_values and self.required:
            raise ValidationError(self.error_messages["required"], code="required")

    def run_validators(self, value):
        if value in self.empty_values:
            return
        errors = []
        for validator in self.validators:
            try:
                validator(value)
            except ValidationError as exc:
                for error in error_messages_list(exc):
                    # A field may reword a validator's message through error_messages.
                    if error.code in self.error_messages:
                        error = ValidationError(self.error_messages[error.code], code=error.code,
                                                params=error.params)
                    errors.append(error)
        if errors:
            raise ValidationError(errors)

    def clean(self, value):
        value = self.to_python(value)
        self.validate(value)
        self.run_validators(value)
        return value

    def bound_data(self, data, initial):
        """The value to show for bound forms: the initial one for disabled fields."""
        if self.disabled:
            return initial
        return data

    def widget_attrs(self, widget):
        """Extra HTML attributes this field asks of its widget (e.g. maxlength)."""
        return {}

    def has_changed(self, initial, data):
        if self.disabled:
            return False
        try:
            data = self.to_python(data)
        except ValidationError:
            return True
        initial_value = initial if initial is not None else ""
        data_value = data if data is not None else ""
        return initial_value != data_value

    def get_bound_field(self, form, field_name):
        return BoundField(form, self, field_name)

    def __deepcopy__(self, memo):
        result = copy.copy(self)
        memo[id(self)] = result
        result.widget = copy.deepcopy(self.widget, memo)
        result.error_messages = self.error_messages.copy()
        result.validators = self.validators[:]
        return result


class CharField(Field):
    def __init__(self, max_length=None, min_length=None, strip=True, empty_value="", **kwargs):
        self.max_length, self.min_length = max_length, min_length
        self.strip = strip
        self.empty_value = empty_value
        super(CharField, self).__init__(**kwargs)
        if min_length is not None:
            self.validators.append(validators.MinLengthValidator(int(min_length)))
        if max_length is not None:
            self.validators.append(validators.MaxLengthValidator(int(max_length)))
        self.validators.append(validators.ProhibitNullCharactersValidator())

    def to_python(self, value):
        if value not in self.empty_values:
            value = text_type(value)
            if self.strip:
                value = value.strip()
        if value in self.empty_values:
            return self.empty_value
        return value

    def widget_attrs(self, widget):
        attrs = super(CharField, self).widget_attrs(widget)
        if widget.is_hidden:
            return attrs
        if self.max_length is not None:
            attrs["maxlength"] = text_type(self.max_length)
        if self.min_length is not None:
            attrs["minlength"] = text_type(self.min_length)
        return attrs


class _NumberField(Field):
    """Shared by integer, float and decimal fields: limits and the ``number`` widget."""

    widget = widgets.NumberInput
    default_error_messages = {
        "invalid": _("Enter a number."),
    }

    def __init__(self, max_value=None, min_value=None, **kwargs):
        self.max_value, self.min_value = max_value, min_value
        if kwargs.get("localize") and self.widget is widgets.NumberInput:
            # <input type="number"> only takes "1234.5": localized text needs a text input.
            kwargs.setdefault("widget", widgets.TextInput)
        super(_NumberField, self).__init__(**kwargs)
        if max_value is not None:
            self.validators.append(validators.MaxValueValidator(max_value))
        if min_value is not None:
            self.validators.append(validators.MinValueValidator(min_value))

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, string_types):
            value = value.strip()
            if self.localize:
                value = formats.sanitize_separators(value)
        try:
            return self.convert(value)
        except (ValueError, TypeError, ArithmeticError, DecimalException):
            raise ValidationError(self.error_messages["invalid"], code="invalid")

    def widget_attrs(self, widget):
        attrs = super(_NumberField, self).widget_attrs(widget)
        if isinstance(widget, widgets.NumberInput):
            if self.min_value is not None:
                attrs["min"] = text_type(self.min_value)
            if self.max_value is not None:
                attrs["max"] = text_type(self.max_value)
        return attrs


class IntegerField(_NumberField):
    default_error_messages = {
        "invalid": _("Enter a whole number."),
    }
    _trailing_zeros = re.compile(r"\.0*\s*$")

    def convert(self, value):
        if isinstance(value, integer_types) and not isinstance(value, bool):
            return value
        # "3.0" is a whole number; "3.5" is not.
        return int(self._trailing_zeros.sub("", text_type(value)))


class FloatField(_NumberField):
    def convert(self, value):
        result = float(value)
        if math.isinf(result) or math.isnan(result):
            raise ValueError("not a finite number")
        return result

    def widget_attrs(self, widget):
        attrs = super(FloatField, self).widget_attrs(widget)
        if isinstance(widget, widgets.NumberInput) and "step" not in widget.attrs:
            attrs["step"] = "any"
        return attrs


class DecimalField(_NumberField):
    def __init__(self, max_value=None, min_value=None, max_digits=None, decimal_places=None, **kwargs):
        self.max_digits, self.decimal_places = max_digits, decimal_places
        super(DecimalField, self).__init__(max_value=max_value, min_value=min_value, **kwargs)
        self.validators.append(validators.DecimalValidator(max_digits, decimal_places))

    def convert(self, value):
        result = Decimal(text_type(value))
        if not result.is_finite():
            raise ValueError("not a finite number")
        return result

    def widget_attrs(self, widget):
        attrs = super(DecimalField, self).widget_attrs(widget)
        if isinstance(widget, widgets.NumberInput) and "step" not in widget.attrs:
            if self.decimal_places is not None:
                attrs["step"] = text_type(Decimal(1).scaleb(-self.decimal_places)).lower()
            else:
                attrs["step"] = "any"
        return attrs


class BooleanField(Field):
    """A checkbox; ``required=True`` means it must be ticked (e.g. "I accept the terms")."""

    widget = widgets.CheckboxInput

    def to_python(self, value):
        if isinstance(value, string_types) and value.lower() in ("false", "0", ""):
            return False
        return bool(value)

    def validate(self, value):
        if not value and self.required:
            raise ValidationError(self.error_messages["required"], code="required")

    def has_changed(self, initial, data):
        if self.disabled:
            return False
        return self.to_python(initial) != self.to_python(data)


class NullBooleanField(BooleanField):
    """True, False or None (unknown)."""

    widget = widgets.NullBooleanSelect

    def to_python(self, value):
        if value in (True, "True", "true", "1", "on"):
            return True
        if value in (False, "False", "false", "0"):
            return False
        return None

    def validate(self, value):
        pass


class EmailField(CharField):
    widget = widgets.EmailInput
    default_validators = [validators.validate_email]

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 320)
        super(EmailField, self).__init__(**kwargs)


class URLField(CharField):
    """A URL; text without a scheme ("example.com") gets ``assume_scheme`` (https)."""

    widget = widgets.URLInput
    default_error_messages = {
        "invalid": _("Enter a valid URL."),
    }
    default_validators = [validators.URLValidator()]

    def __init__(self, assume_scheme="https", **kwargs):
        self.assume_scheme = assume_scheme
        super(URLField, self).__init__(**kwargs)

    def to_python(self, value):
        value = super(URLField, self).to_python(value)
        if not value:
            return value
        try:
            parts = list(urlsplit(value))
        except ValueError:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        if not parts[0]:
            parts[0] = self.assume_scheme
        if not parts[1]:
            # "example.com/path" parses as a path: the host is its first segment.
            parts[1], _, parts[2] = parts[2].partition("/")
            parts[2] = "/" + parts[2] if parts[2] else ""
        return urlunsplit(parts)


class GenericIPAddressField(CharField):
    """An IPv4 or IPv6 address (``protocol``: "both", "IPv4" or "IPv6"); IPv6 is cleaned to
    its short form, and an IPv4-mapped one to plain IPv4 with ``unpack_ipv4``."""

    def __init__(self, protocol="both", unpack_ipv4=False, **kwargs):
        self.unpack_ipv4 = unpack_ipv4
        self.default_validators = validators.ip_address_validators(protocol, unpack_ipv4)
        kwargs.setdefault("max_length", MAX_IPV6_ADDRESS_LENGTH)
        super(GenericIPAddressField, self).__init__(**kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return ""
        value = value.strip()
        if value and ":" in value:
            return clean_ipv6_address(value, self.unpack_ipv4, max_length=self.max_length)
        return value


class SlugField(CharField):
    def __init__(self, allow_unicode=False, **kwargs):
        self.allow_unicode = allow_unicode
        if allow_unicode:
            self.default_validators = [validators.validate_unicode_slug]
        else:
            self.default_validators = [validators.validate_slug]
        super(SlugField, self).__init__(**kwargs)


class RegexField(CharField):
    def __init__(self, regex, **kwargs):
        kwargs.setdefault("strip", False)
        super(RegexField, self).__init__(**kwargs)
        self.regex = regex
        self.validators.append(validators.RegexValidator(regex=regex))


class _CallableChoices(object):
    """Choices computed each time they are iterated (e.g. read from a database)."""

    def __init__(self, choices_func):
        self.choices_func = choices_func

    def __iter__(self):
        return iter(self.choices_func())


def _check_choices(choices):
    """Fail when the form class is defined, not when a page first renders it."""
    for choice in choices:
        if isinstance(choice, (list, tuple)) and len(choice) == 2:
            if not isinstance(choice[1], (list, tuple)):
                continue
            if all(isinstance(inner, (list, tuple)) and len(inner) == 2 for inner in choice[1]):
                continue
        raise ImproperlyConfigured(
            "choices must be (value, label) pairs or (group label, [(value, label), ...]) groups; "
            "got %r." % (choice,))


class ChoiceField(Field):
    widget = widgets.Select
    default_error_messages = {
        "invalid_choice": _("Select a valid choice. %(value)s is not one of the available choices."),
    }

    def __init__(self, choices=(), **kwargs):
        super(ChoiceField, self).__init__(**kwargs)
        self.choices = choices

    def __deepcopy__(self, memo):
        result = super(ChoiceField, self).__deepcopy__(memo)
        # (value, label) pairs are immutable: a new list is enough, and much
        # cheaper than a deep copy for every form instance.
        choices = self._choices
        result._choices = result.widget.choices = (
            choices if isinstance(choices, _CallableChoices) else list(choices))
        return result

    def _get_choices(self):
        return self._choices

    def _set_choices(self, value):
        if callable(value) and not is_choices_class(value):
            value = _CallableChoices(value)
        else:
            value = list(normalize_choices(value))
            _check_choices(value)
        self._choices = self.widget.choices = value

    choices = property(_get_choices, _set_choices)

    def to_python(self, value):
        if value in self.empty_values:
            return ""
        return text_type(value)

    def validate(self, value):
        super(ChoiceField, self).validate(value)
        if value and not self.valid_value(value):
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice",
                                  params={"value": value})

    def valid_value(self, value):
        text_value = text_type(value)
        for key, label in self.choices:
            if isinstance(label, (list, tuple)):
                if any(value == inner or text_value == text_type(inner) for inner, _ in label):
                    return True
            elif value == key or text_value == text_type(key):
                return True
        return False


class _TypedChoiceMixin(object):
    def _init_coercion(self, coerce, empty_value):
        self.coerce = coerce or (lambda value: value)
        self.empty_value = empty_value

    def _coerce_one(self, value):
        try:
            return self.coerce(value)
        except (ValueError, TypeError, ValidationError):
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice",
                                  params={"value": value})


class TypedChoiceField(_TypedChoiceMixin, ChoiceField):
    """A choice converted by ``coerce`` (e.g. ``int``) after validation."""

    def __init__(self, coerce=None, empty_value="", **kwargs):
        self._init_coercion(coerce, empty_value)
        super(TypedChoiceField, self).__init__(**kwargs)

    def clean(self, value):
        value = super(TypedChoiceField, self).clean(value)
        if value == self.empty_value or value in self.empty_values:
            return self.empty_value
        return self._coerce_one(value)


class MultipleChoiceField(ChoiceField):
    hidden_widget = widgets.MultipleHiddenInput
    widget = widgets.SelectMultiple
    default_error_messages = {
        "invalid_list": _("Enter a list of values."),
    }

    def to_python(self, value):
        if not value:
            return []
        if not isinstance(value, (list, tuple)):
            raise ValidationError(self.error_messages["invalid_list"], code="invalid_list")
        return [text_type(item) for item in value]

    def validate(self, value):
        if self.required and not value:
            raise ValidationError(self.error_messages["required"], code="required")
        for item in value:
            if not self.valid_value(item):
                raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice",
                                      params={"value": item})

    def has_changed(self, initial, data):
        if self.disabled:
            return False
        initial = [text_type(item) for item in (initial or [])]
        data = [text_type(item) for item in (data or [])]
        return set(initial) != set(data)


class TypedMultipleChoiceField(_TypedChoiceMixin, MultipleChoiceField):
    def __init__(self, coerce=None, empty_value=None, **kwargs):
        self._init_coercion(coerce, [] if empty_value is None else empty_value)
        super(TypedMultipleChoiceField, self).__init__(**kwargs)

    def clean(self, value):
        value = super(TypedMultipleChoiceField, self).clean(value)
        if value == self.empty_value or value in self.empty_values:
            return self.empty_value
        return [self._coerce_one(item) for item in value]


class FileField(Field):
    """An uploaded file from ``request.FILES`` (an UploadedFile); ``initial`` is the file kept if none is sent."""

    widget = widgets.FileInput
    default_error_messages = {
        "invalid": _("No file was submitted. Check the encoding type on the form."),
        "missing": _("No file was submitted."),
        "empty": _("The submitted file is empty."),
        "max_length": ngettext_lazy(
            "Ensure this filename has at most %(max)d character (it has %(length)d).",
            "Ensure this filename has at most %(max)d characters (it has %(length)d).", "max"),
    }

    def __init__(self, max_length=None, allow_empty_file=False, **kwargs):
        self.max_length = max_length
        self.allow_empty_file = allow_empty_file
        super(FileField, self).__init__(**kwargs)

    def to_python(self, data):
        if data in self.empty_values:
            return None
        try:
            file_name, file_size = data.name, data.size
        except AttributeError:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        if self.max_length is not None and len(file_name) > self.max_length:
            raise ValidationError(self.error_messages["max_length"], code="max_length",
                                  params={"max": self.max_length, "length": len(file_name)})
        if not file_name:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        if not self.allow_empty_file and not file_size:
            raise ValidationError(self.error_messages["empty"], code="empty")
        return data

    def clean(self, data, initial=None):
        if data in self.empty_values and initial:
            # Nothing uploaded, but a file is already stored: keep it.
            return initial
        return super(FileField, self).clean(data)

    def bound_data(self, data, initial):
        return initial if data in self.empty_values else data

    def has_changed(self, initial, data):
        return not self.disabled and data is not None



class ImageField(FileField):
    """A FileField whose upload must be an image Pillow can read (Pillow is required, as in
    Django); the cleaned file gets ``image`` (the verified Pillow image) and ``content_type``."""

    default_error_messages = {
        "invalid_image": _("Upload a valid image. The file you uploaded was either not an image or a "
                           "corrupted image."),
    }

    def to_python(self, data):
        uploaded = super(ImageField, self).to_python(data)
        if uploaded is None:
            return None
        from PIL import Image  # optional dependency: only image uploads need it

        if hasattr(data, "temporary_file_path"):
            source = data.temporary_file_path()
        else:
            source = io.BytesIO(data.read())
        try:
            image = Image.open(source)
            image.verify()  # a truncated or forged file fails here
        except Exception:
            raise ValidationError(self.error_messages["invalid_image"], code="invalid_image")
        uploaded.image = image
        uploaded.content_type = Image.MIME.get(image.format)
        if hasattr(uploaded, "seek") and callable(uploaded.seek):
            uploaded.seek(0)
        return uploaded

    def widget_attrs(self, widget):
        attrs = super(ImageField, self).widget_attrs(widget)
        if isinstance(widget, widgets.FileInput) and "accept" not in widget.attrs:
            attrs.setdefault("accept", "image/*")
        return attrs

# The date and time fields live in their own module; importable from here as well.
from pyframework.forms.temporal import DateField, DateTimeField, TimeField  # noqa: E402,F401
