"""HTML forms: fields that validate submitted data, widgets that render it, formsets."""
from __future__ import absolute_import, unicode_literals

from pyframework.core.exceptions import ValidationError  # noqa: F401
from pyframework.forms.boundfield import BoundField  # noqa: F401
from pyframework.forms.fields import (  # noqa: F401
    BooleanField, CharField, ChoiceField, DecimalField, EmailField, Field, FileField, FloatField,
    GenericIPAddressField, ImageField, IntegerField, MultipleChoiceField, NullBooleanField, RegexField,
    SlugField, TypedChoiceField, TypedMultipleChoiceField, URLField,
)
from pyframework.forms.filepath import FilePathField  # noqa: F401
from pyframework.forms.forms import BaseForm, DeclarativeFieldsMetaclass, Form  # noqa: F401
from pyframework.forms.json_field import JSONField  # noqa: F401
from pyframework.forms.model_formsets import (  # noqa: F401
    BaseInlineFormSet, BaseModelFormSet, inlineformset_factory, modelformset_factory,
)
from pyframework.forms.models import (  # noqa: F401
    BaseModelForm, ModelChoiceField, ModelForm, ModelMultipleChoiceField, fields_for_model, model_to_dict,
    modelform_factory,
)
from pyframework.forms.formsets import BaseFormSet, all_valid, formset_factory  # noqa: F401
from pyframework.forms.temporal import DateField, DateTimeField, TimeField  # noqa: F401
from pyframework.forms.utils import ErrorDict, ErrorList  # noqa: F401
from pyframework.forms.widgets import (  # noqa: F401
    CheckboxInput, CheckboxSelectMultiple, DateInput, DateTimeInput, EmailInput, FileInput, HiddenInput, Input,
    MultipleHiddenInput, NullBooleanSelect, NumberInput, PasswordInput, RadioSelect, Select, SelectMultiple,
    Textarea, TextInput, TimeInput, URLInput, Widget,
)
