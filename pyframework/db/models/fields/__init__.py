"""Model fields: how one attribute of a model maps to a database column and back."""
from __future__ import absolute_import, unicode_literals

import copy
import uuid

from pyframework.core import validators
from pyframework.core.exceptions import ValidationError
from pyframework.db.models.query_utils import DeferredAttribute, RegisterLookupMixin
from pyframework.db.models.validation import _capfirst
from pyframework.utils.choices import normalize_choices
from pyframework.utils.compat import PY2, integer_types, text_type
from pyframework.utils.datastructures import DictWrapper
from pyframework.utils.functional import cached_property


class NOT_PROVIDED(object):
    """Marker for "no default given" (``None`` is a valid default)."""


BLANK_CHOICE_DASH = [("", "---------")]


# Keyword arguments a choice form field accepts (see Field.formfield).
_CHOICE_FIELD_OPTIONS = frozenset([
    "coerce", "empty_value", "choices", "required", "widget", "label", "initial", "help_text",
    "error_messages", "show_hidden_initial", "disabled", "validators", "localize", "label_suffix",
])


def return_None():
    return None


def _database_default(field):
    from pyframework.db.models.expressions import DatabaseDefault  # expressions import fields

    return DatabaseDefault(field.db_default_expression, output_field=field)


def _make_display_method(field):
    def display(self):
        return self._get_FIELD_display(field)
    display.__name__ = str("get_%s_display" % field.name)
    display.short_description = field.verbose_name
    return display


# Where the built-in field classes live; a subclass defined elsewhere keeps its base's column type.
_BUILTIN_FIELD_MODULES = ("pyframework.db.models.fields",)


class Field(RegisterLookupMixin):
    """Base class of every field; subclasses say how values convert and validate."""

    empty_strings_allowed = True
    empty_values = list(validators.EMPTY_VALUES)
    # Declaration order (sorts _meta.fields); auto-created fields count down from -1.
    creation_counter = 0
    auto_creation_counter = -1
    default_validators = []
    default_error_messages = {
        "invalid_choice": "Value %(value)r is not a valid choice.",
        "null": "This field cannot be null.",
        "blank": "This field cannot be blank.",
        "unique": "%(model_name)s with this %(field_label)s already exists.",
    }
    system_check_deprecated_details = None
    descriptor_class = DeferredAttribute

    # Relation flags (overridden by relation fields).
    is_relation = False
    many_to_many = None
    many_to_one = None
    one_to_many = None
    one_to_one = None
    related_model = None
    hidden = False
    db_returning = False
    # The pyframework.forms field ModelForm uses when formfield() gets no form_class.
    form_class_name = "CharField"

    def __init__(self, verbose_name=None, name=None, primary_key=False, max_length=None,
                 unique=False, blank=False, null=False, db_index=False, rel=None,
                 default=NOT_PROVIDED, editable=True, serialize=True, unique_for_date=None,
                 unique_for_month=None, unique_for_year=None, choices=None, help_text="",
                 db_column=None, db_tablespace=None, auto_created=False, validators=(),
                 error_messages=None, db_comment=None, db_default=NOT_PROVIDED):
        self.name = name
        self.verbose_name = verbose_name
        self._verbose_name = verbose_name  # as given, for deconstruct()
        self.primary_key = primary_key
        self.max_length = max_length
        self._unique = unique
        self.blank = blank
        self.null = null
        self.remote_field = rel
        self.is_relation = self.remote_field is not None
        self.default = default
        self.editable = editable
        self.serialize = serialize
        self.unique_for_date = unique_for_date
        self.unique_for_month = unique_for_month
        self.unique_for_year = unique_for_year
        if choices is not None and not isinstance(choices, (list, tuple)):
            choices = normalize_choices(choices)  # a models.Choices class, or any iterable
        self.choices = choices
        self.help_text = help_text
        self.db_index = db_index
        self.db_column = db_column
        self.db_tablespace = db_tablespace
        self.db_comment = db_comment
        # A default the database applies (DEFAULT in the column definition), e.g. Now().
        self.db_default = db_default
        self.auto_created = auto_created
        if auto_created:
            self.creation_counter = Field.auto_creation_counter
            Field.auto_creation_counter -= 1
        else:
            self.creation_counter = Field.creation_counter
            Field.creation_counter += 1
        self._validators = list(validators)
        self._option_validators = []  # added from options such as max_length; not deconstructed
        messages = {}
        for klass in reversed(type(self).__mro__):
            messages.update(getattr(klass, "default_error_messages", {}))
        messages.update(error_messages or {})
        self._error_messages = error_messages
        self.error_messages = messages
        self.model = None
        self.attname = self.column = None
        self.concrete = False

    def __str__(self):
        if self.model is None:
            return "<unbound %s>" % type(self).__name__
        return "%s.%s" % (self.model._meta.label, self.name)

    def __repr__(self):
        path = "%s.%s" % (type(self).__module__, type(self).__name__)
        if self.name is not None:
            return "<%s: %s>" % (path, self.name)
        return "<%s>" % path

    # Fields sort by declaration order; two fields are equal only on the same model.
    def __eq__(self, other):
        if isinstance(other, Field):
            return self.creation_counter == other.creation_counter and self.model is other.model
        return NotImplemented

    def __ne__(self, other):
        result = self.__eq__(other)
        return result if result is NotImplemented else not result

    def __lt__(self, other):
        if isinstance(other, Field):
            if self.creation_counter != other.creation_counter:
                return self.creation_counter < other.creation_counter
            return id(self.model) < id(other.model)
        return NotImplemented

    def __hash__(self):
        return hash((self.creation_counter, id(self.model)))

    def __deepcopy__(self, memodict):
        # Fields are copied when abstract models are inherited: share remote_field
        # structure but not the bound model.
        obj = copy.copy(self)
        if self.remote_field:
            obj.remote_field = copy.copy(self.remote_field)
            if hasattr(self.remote_field, "field") and self.remote_field.field is self:
                obj.remote_field.field = obj
        memodict[id(self)] = obj
        return obj

    def __copy__(self):
        obj = Empty()
        obj.__class__ = self.__class__
        obj.__dict__ = self.__dict__.copy()
        return obj

    def __reduce__(self):
        if self.model is None:
            return object.__reduce__(self)
        return _load_field, (self.model._meta.app_label, self.model._meta.object_name, self.name)

    # -- properties ----------------------------------------------------------

    @property
    def unique(self):
        return self._unique or self.primary_key

    @property
    def flatchoices(self):
        if self.choices is None:
            return []
        flat = []
        for choice, value in self.choices:
            if isinstance(value, (list, tuple)):
                flat.extend(value)
            else:
                flat.append((choice, value))
        return flat

    @cached_property
    def validators(self):
        return list(self.default_validators) + self._validators

    @cached_property
    def _get_default(self):
        """A callable returning the default: built once so saves don't re-inspect ``default``."""
        if self.has_default():
            if callable(self.default):
                return self.default
            value = self.default
            return lambda: value
        if self.has_db_default():
            # The INSERT lets the database fill the column (see DatabaseDefault).
            return lambda: _database_default(self)
        if not self.empty_strings_allowed or self.null:
            return return_None
        return text_type  # "" for string-ish columns, like the database would

    def has_default(self):
        return self.default is not NOT_PROVIDED

    def has_db_default(self):
        return self.db_default is not NOT_PROVIDED

    @property
    def db_default_expression(self):
        """``db_default`` as an expression (a plain value becomes a Value of this field)."""
        from pyframework.db.models.expressions import Value  # expressions import fields

        if hasattr(self.db_default, "resolve_expression"):
            return self.db_default
        return Value(self.db_default, output_field=self)

    def get_default(self):
        return self._get_default()

    # -- class wiring --------------------------------------------------------

    def get_attname(self):
        return self.name

    def get_attname_column(self):
        attname = self.get_attname()
        return attname, self.db_column or attname

    def set_attributes_from_name(self, name):
        self.name = self.name or name
        self.attname, self.column = self.get_attname_column()
        self.concrete = self.column is not None
        if self.verbose_name is None and self.name:
            self.verbose_name = self.name.replace("_", " ")

    def contribute_to_class(self, cls, name, private_only=False):
        self.set_attributes_from_name(name)
        self.model = cls
        cls._meta.add_field(self, private=private_only)
        if self.column:
            setattr(cls, self.attname, self.descriptor_class(self))
        if self.choices is not None and "get_%s_display" % self.name not in cls.__dict__:
            setattr(cls, str("get_%s_display" % self.name), _make_display_method(self))

    def get_internal_type(self):
        """The name of the built-in field this one stores like: ``class MarkdownField(TextField)``
        is a ``"TextField"`` column. A direct subclass of ``Field`` answers its own class name
        (and usually overrides ``db_type()``), as in Django."""
        for klass in type(self).__mro__:
            if klass.__module__.startswith(_BUILTIN_FIELD_MODULES):
                return type(self).__name__ if klass is Field else klass.__name__
        return type(self).__name__

    # -- database types ------------------------------------------------------

    def db_type_parameters(self, connection):
        # "%(qn_column)s" in a type template is the quoted column name.
        return DictWrapper(self.__dict__, connection.ops.quote_name, "qn_")

    def db_type(self, connection):
        """The column type, from the backend's ``data_types`` table (None: no column)."""
        template = connection.data_types.get(self.get_internal_type())
        if template is None:
            return None
        return template % self.db_type_parameters(connection)

    def db_check(self, connection):
        template = getattr(connection, "data_type_check_constraints", {}).get(self.get_internal_type())
        if template is None:
            return None
        return template % self.db_type_parameters(connection)

    def rel_db_type(self, connection):
        """Type of a column that references this one (foreign keys)."""
        return self.db_type(connection)

    def cast_db_type(self, connection):
        return self.db_type(connection)

    def db_parameters(self, connection):
        return {"type": self.db_type(connection), "check": self.db_check(connection)}

    def db_type_suffix(self, connection):
        return getattr(connection, "data_types_suffix", {}).get(self.get_internal_type())

    def get_db_converters(self, connection):
        if hasattr(self, "from_db_value"):
            return [self.from_db_value]
        return []

    # -- value conversion ----------------------------------------------------

    def to_python(self, value):
        return value

    def get_prep_value(self, value):
        """Python value -> value for a query parameter (backend independent)."""
        return value

    def get_db_prep_value(self, value, connection, prepared=False):
        """Python value -> value the backend driver takes."""
        if not prepared:
            value = self.get_prep_value(value)
        return value

    def get_db_prep_save(self, value, connection):
        return self.get_db_prep_value(value, connection=connection, prepared=False)

    def pre_save(self, model_instance, add):
        return getattr(model_instance, self.attname)

    def value_from_object(self, obj):
        return getattr(obj, self.attname)

    def value_to_string(self, obj):
        return text_type(self.value_from_object(obj))

    def _add_option_validator(self, validator):
        self._validators.append(validator)
        self._option_validators.append(validator)

    def get_col(self, alias, output_field=None):
        from pyframework.db.models.expressions import Col

        if output_field is None:
            output_field = self
        if alias == self.model._meta.db_table and output_field is self:
            return self.cached_col
        return Col(alias, self, output_field)

    @cached_property
    def cached_col(self):
        from pyframework.db.models.expressions import Col

        return Col(self.model._meta.db_table, self)

    def select_format(self, compiler, sql, params):
        return sql, params

    # -- validation ----------------------------------------------------------

    def run_validators(self, value):
        if value in self.empty_values:
            return
        errors = []
        for validator in self.validators:
            try:
                validator(value)
            except ValidationError as exc:
                if hasattr(exc, "code") and exc.code in self.error_messages:
                    exc.message = self.error_messages[exc.code]
                errors.extend(exc.error_list)
        if errors:
            raise ValidationError(errors)

    def validate(self, value, model_instance):
        if not self.editable:
            return
        if self.choices is not None and value not in self.empty_values:
            if not any(value == key for key, _ in self.flatchoices):
                raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice",
                                      params={"value": value})
        if value is None and not self.null:
            raise ValidationError(self.error_messages["null"], code="null")
        if not self.blank and value in self.empty_values:
            raise ValidationError(self.error_messages["blank"], code="blank")

    def clean(self, value, model_instance):
        value = self.to_python(value)
        self.validate(value, model_instance)
        self.run_validators(value)
        return value

    def get_choices(self, include_blank=True, blank_choice=BLANK_CHOICE_DASH):
        choices = list(self.choices or [])
        if include_blank and not any(key in ("", None) for key, _ in self.flatchoices):
            choices = list(blank_choice) + choices
        return choices

    # -- forms ---------------------------------------------------------------

    def formfield(self, form_class=None, choices_form_class=None, **kwargs):
        """The form field a ModelForm shows for this model field (keyword arguments win).

        Fields with ``choices`` become a TypedChoiceField that converts the
        submitted text with this field's ``to_python``.
        """
        from pyframework import forms  # forms never import models: no cycle, resolved once per form class

        defaults = {"required": not self.blank, "label": _capfirst(self.verbose_name or ""), "help_text": self.help_text}
        if self.has_default():
            if callable(self.default):
                defaults["initial"] = self.default
                defaults["show_hidden_initial"] = True
            else:
                defaults["initial"] = self.get_default()
        if self.choices is not None:
            include_blank = self.blank or not (self.has_default() or "initial" in kwargs)
            defaults["choices"] = self.get_choices(include_blank=include_blank)
            defaults["coerce"] = self.to_python
            if self.null:
                defaults["empty_value"] = None
            form_class = choices_form_class or forms.TypedChoiceField
            # Options of the plain form field (max_length...) mean nothing to a choice field.
            for name in list(kwargs):
                if name not in _CHOICE_FIELD_OPTIONS:
                    del kwargs[name]
        defaults.update(kwargs)
        return (form_class or getattr(forms, self.form_class_name))(**defaults)

    # -- migrations ----------------------------------------------------------

    # Constructor arguments and their defaults, for deconstruct().
    _deconstruct_defaults = (
        ("verbose_name", None), ("primary_key", False), ("max_length", None), ("unique", False),
        ("blank", False), ("null", False), ("db_index", False), ("default", NOT_PROVIDED),
        ("editable", True), ("serialize", True), ("unique_for_date", None),
        ("unique_for_month", None), ("unique_for_year", None), ("choices", None),
        ("help_text", ""), ("db_column", None), ("db_tablespace", None), ("auto_created", False),
        ("validators", []), ("error_messages", None), ("db_comment", None), ("db_default", NOT_PROVIDED),
    )
    _deconstruct_attrs = {"unique": "_unique", "error_messages": "_error_messages",
                          "validators": "_validators", "verbose_name": "_verbose_name"}

    def deconstruct(self):
        """``(name, import path, args, kwargs)`` that rebuild this field (written into migrations)."""
        kwargs = {}
        for name, default in self._deconstruct_defaults:
            value = getattr(self, self._deconstruct_attrs.get(name, name))
            if name == "choices" and value is not None:
                value = list(value)
            elif name == "validators":
                value = [v for v in value if not any(v is own for own in self._option_validators)]
            if value is default or (default is not NOT_PROVIDED and value == default
                                    and not callable(value) and type(value) is type(default)):
                continue
            kwargs[name] = value
        module = type(self).__module__
        class_name = type(self).__name__ if PY2 else type(self).__qualname__
        if module.startswith("pyframework.db.models.fields"):
            module = "pyframework.db.models"  # every built-in field is exported there
        path = "%s.%s" % (module, class_name)
        return self.name, path, [], kwargs

    def clone(self):
        name, path, args, kwargs = self.deconstruct()
        return type(self)(*args, **kwargs)


class AdaptedValueMixin(object):
    """Fields whose query parameter is the ``to_python()`` value, handed to the backend's
    ``ops.adapt_*`` method (dates, times, decimals: each database wants its own form)."""

    def get_prep_value(self, value):
        if hasattr(value, "resolve_expression"):
            return value
        return self.to_python(value)

    def get_db_prep_value(self, value, connection, prepared=False):
        if not prepared:
            value = self.get_prep_value(value)
        if value is None or hasattr(value, "resolve_expression"):
            return value
        return self.adapt_for_database(value, connection)

    def adapt_for_database(self, value, connection):
        raise NotImplementedError

    def parse_text(self, value, parser, invalid_code):
        """``parser(value)``; a malformed value is a ValidationError with ``invalid_code``."""
        try:
            parsed = parser(value)
        except ValueError:
            raise ValidationError(self.error_messages[invalid_code], code=invalid_code, params={"value": value})
        if parsed is None:
            raise ValidationError(self.error_messages["invalid"], code="invalid", params={"value": value})
        return parsed


class Empty(object):
    pass


def _load_field(app_label, model_name, field_name):
    from pyframework.apps import apps

    return apps.get_model(app_label, model_name)._meta.get_field(field_name)


class BooleanField(Field):
    empty_strings_allowed = False
    default_error_messages = {"invalid": "\u201c%(value)s\u201d value must be either True or False."}
    _truthy = (True, 1, "t", "True", "true", "1")
    _falsy = (False, 0, "f", "False", "false", "0")

    def to_python(self, value):
        if self.null and value in self.empty_values:
            return None
        if value in self._truthy:
            return True
        if value in self._falsy:
            return False
        raise ValidationError(self.error_messages["invalid"], code="invalid", params={"value": value})

    def get_prep_value(self, value):
        if value is None:
            return None
        return self.to_python(value)

    def formfield(self, **kwargs):
        from pyframework import forms

        if self.choices is not None:
            include_blank = not (self.has_default() or "initial" in kwargs)
            defaults = {"choices": self.get_choices(include_blank=include_blank)}
        else:
            # An unticked checkbox submits nothing: "required" would forbid False.
            defaults = {"form_class": forms.NullBooleanField if self.null else forms.BooleanField,
                        "required": False}
        defaults.update(kwargs)
        return super(BooleanField, self).formfield(**defaults)


class BinaryField(Field):
    empty_values = [None, b""]

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("editable", False)
        super(BinaryField, self).__init__(*args, **kwargs)
        if self.max_length is not None:
            self._add_option_validator(validators.MaxLengthValidator(self.max_length))

    def deconstruct(self):
        name, path, args, kwargs = super(BinaryField, self).deconstruct()
        if self.editable:
            kwargs["editable"] = True
        else:
            kwargs.pop("editable", None)
        return name, path, args, kwargs

    def get_default(self):
        if self.has_default() and not callable(self.default):
            return self.default
        default = super(BinaryField, self).get_default()
        return b"" if default == "" else default

    def to_python(self, value):
        if isinstance(value, text_type):
            import base64
            return bytes(base64.b64decode(value.encode("ascii")))
        if isinstance(value, (bytearray, memoryview)):
            return bytes(value)
        return value

    def get_db_prep_value(self, value, connection, prepared=False):
        value = super(BinaryField, self).get_db_prep_value(value, connection, prepared)
        if value is None:
            return None
        return connection.ops.adapt_binaryfield_value(value)


class UUIDField(Field):
    default_error_messages = {"invalid": "\u201c%(value)s\u201d is not a valid UUID."}
    empty_strings_allowed = False

    def __init__(self, verbose_name=None, **kwargs):
        kwargs["max_length"] = 32
        super(UUIDField, self).__init__(verbose_name, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super(UUIDField, self).deconstruct()
        del kwargs["max_length"]
        return name, path, args, kwargs

    def get_prep_value(self, value):
        return self.to_python(value)

    def get_db_prep_value(self, value, connection, prepared=False):
        if value is None:
            return None
        if not isinstance(value, uuid.UUID):
            value = self.to_python(value)
        if connection.features.has_native_uuid_field:
            return value  # the driver binds a UUID to the native column type
        return connection.ops.adapt_uuidfield_value(value)

    def to_python(self, value):
        if value is not None and not isinstance(value, uuid.UUID):
            try:
                if isinstance(value, integer_types):
                    return uuid.UUID(int=value)
                return uuid.UUID(text_type(value))
            except (AttributeError, ValueError):
                raise ValidationError(self.error_messages["invalid"], code="invalid", params={"value": value})
        return value


# The concrete field families live in their own modules; this is their public home.
from pyframework.db.models.fields.numeric import (  # noqa: E402,F401
    AutoField, AutoFieldMixin, BigAutoField, BigIntegerField, DecimalField, FloatField,
    IntegerField, PositiveBigIntegerField, PositiveIntegerField, PositiveSmallIntegerField,
    SmallAutoField, SmallIntegerField,
)
from pyframework.db.models.fields.text import (  # noqa: E402,F401
    CharField, EmailField, GenericIPAddressField, SlugField, TextField, URLField,
)
from pyframework.db.models.fields.temporal import (  # noqa: E402,F401
    DateField, DateTimeField, DurationField, TimeField,
)
