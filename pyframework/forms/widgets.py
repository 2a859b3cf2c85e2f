"""Widgets: render a field as escaped HTML and read its value back from submitted data.

Markup is built in Python rather than through templates: a form renders many
widgets per request and string building is the cheapest way on Jython.
"""
from __future__ import absolute_import, unicode_literals

import copy
import datetime

from markupsafe import Markup, escape

from pyframework.forms.utils import flatatt
from pyframework.utils import formats
from pyframework.utils.compat import string_types, text_type
from pyframework.utils.translation import gettext_lazy as _



def _getlist(data, name):
    """All values submitted under ``name`` (QueryDict/MultiValueDict or a plain dict)."""
    getlist = getattr(data, "getlist", None)
    if getlist is not None:
        return getlist(name)
    value = data.get(name)
    if value is None:
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]


class Widget(object):
    is_hidden = False
    # Set by a field with localize=True: values are shown as the active language writes them.
    is_localized = False
    needs_multipart_form = False
    is_required = False
    allow_multiple_selected = False

    def __init__(self, attrs=None):
        self.attrs = dict(attrs or {})

    def __deepcopy__(self, memo):
        result = copy.copy(self)
        result.attrs = self.attrs.copy()
        memo[id(self)] = result
        return result

    def format_value(self, value):
        """The value as text for the ``value`` attribute; None renders nothing."""
        if value == "" or value is None:
            return None
        if self.is_localized:
            return formats.localize_input(value)
        return text_type(value)

    def build_attrs(self, base_attrs, extra_attrs=None):
        attrs = dict(base_attrs)
        if extra_attrs:
            attrs.update(extra_attrs)
        return attrs

    def render(self, name, value, attrs=None):
        """The widget's HTML as Markup (safe to print in an autoescaping template)."""
        raise NotImplementedError("%s must define render()" % type(self).__name__)

    def value_from_datadict(self, data, files, name):
        return data.get(name)

    def value_omitted_from_data(self, data, files, name):
        return name not in data

    def id_for_label(self, id_):
        return id_

    def use_required_attribute(self, initial):
        return not self.is_hidden


class Input(Widget):
    """``<input type="...">``; subclasses set ``input_type``."""

    input_type = None

    def __init__(self, attrs=None):
        if attrs is not None:
            attrs = dict(attrs)
            self.input_type = attrs.pop("type", self.input_type)
        super(Input, self).__init__(attrs)

    def render(self, name, value, attrs=None):
        return self.render_input(name, self.format_value(value), self.build_attrs(self.attrs, attrs))

    def render_input(self, name, text_value, attrs):
        value_attr = "" if text_value is None else ' value="%s"' % escape(text_value)
        return Markup('<input type="%s" name="%s"%s%s>' % (
            escape(self.get_input_type()), escape(name), value_attr, flatatt(attrs)))

    def get_input_type(self):
        return self.input_type


class TextInput(Input):
    input_type = "text"


class NumberInput(Input):
    input_type = "number"


class EmailInput(Input):
    input_type = "email"


class URLInput(Input):
    input_type = "url"


class PasswordInput(Input):
    """Never echoes the password back unless ``render_value=True``."""

    input_type = "password"

    def __init__(self, attrs=None, render_value=False):
        super(PasswordInput, self).__init__(attrs)
        self.render_value = render_value

    def render(self, name, value, attrs=None):
        if not self.render_value:
            value = None
        return super(PasswordInput, self).render(name, value, attrs)


class HiddenInput(Input):
    input_type = "hidden"
    is_hidden = True


class MultipleHiddenInput(HiddenInput):
    """One hidden input per value, for fields holding a list."""

    allow_multiple_selected = True

    def render(self, name, value, attrs=None):
        attrs = self.build_attrs(self.attrs, attrs)
        base_id = attrs.get("id")
        inputs = []
        for index, item in enumerate(value or []):
            item_attrs = dict(attrs)
            if base_id:
                item_attrs["id"] = "%s_%s" % (base_id, index)
            inputs.append(self.render_input(name, self.format_value(item), item_attrs))
        return Markup("\n".join(inputs))

    def value_from_datadict(self, data, files, name):
        return _getlist(data, name)

    def format_value(self, value):
        return None if value is None else text_type(value)


class FileInput(Input):
    """``<input type="file">``: the value comes from ``request.FILES`` and is never rendered."""

    input_type = "file"
    needs_multipart_form = True

    def format_value(self, value):
        return None

    def value_from_datadict(self, data, files, name):
        return files.get(name) if files is not None else None

    def value_omitted_from_data(self, data, files, name):
        return files is None or name not in files

    def use_required_attribute(self, initial):
        # A file already stored (initial) need not be chosen again.
        return super(FileInput, self).use_required_attribute(initial) and not initial


class Textarea(Widget):
    def __init__(self, attrs=None):
        default_attrs = {"cols": "40", "rows": "10"}
        if attrs:
            default_attrs.update(attrs)
        super(Textarea, self).__init__(default_attrs)

    def render(self, name, value, attrs=None):
        # The newline after the opening tag is dropped by browsers, so a value
        # that starts with a newline keeps it.
        text = self.format_value(value) or ""
        return Markup('<textarea name="%s"%s>\n%s</textarea>' % (
            escape(name), flatatt(self.build_attrs(self.attrs, attrs)), escape(text)))


class _TemporalInput(Input):
    """Date/time inputs: ISO text by default, which is what the browser pickers send.

    A localized one (field ``localize=True``) is a text input showing the active
    language's first input format (``05.03.2026`` in German).
    """

    format = None
    format_key = None

    def _localized_format(self):
        return formats.get_format(self.format_key)[0]

    def get_input_type(self):
        return "text" if self.is_localized else self.input_type

    def __init__(self, attrs=None, format=None):
        super(_TemporalInput, self).__init__(attrs)
        if format is not None:
            self.format = format

    def format_value(self, value):
        if isinstance(value, (datetime.date, datetime.time)):
            if self.is_localized and not self.format:
                return formats.localize_input(value, self._localized_format())
            if self.format:
                return value.strftime(str(self.format))
            return self.iso_text(value)
        return super(_TemporalInput, self).format_value(value)


class DateInput(_TemporalInput):
    input_type = "date"
    format_key = "DATE_INPUT_FORMATS"

    def iso_text(self, value):
        if isinstance(value, datetime.datetime):
            value = value.date()
        return value.isoformat()


class DateTimeInput(_TemporalInput):
    input_type = "datetime-local"
    format_key = "DATETIME_INPUT_FORMATS"

    def iso_text(self, value):
        if not isinstance(value, datetime.datetime):
            return value.isoformat()
        return value.replace(microsecond=0, tzinfo=None).isoformat()


class TimeInput(_TemporalInput):
    input_type = "time"
    format_key = "TIME_INPUT_FORMATS"

    def iso_text(self, value):
        return value.replace(microsecond=0, tzinfo=None).isoformat()


def _boolean_value(value):
    if isinstance(value, string_types):
        return {"true": True, "false": False, "on": True, "1": True, "0": False}.get(value.lower(), bool(value))
    return bool(value)


class CheckboxInput(Input):
    """A checkbox: checked when ``check_test(value)`` is true; absent from the data means False."""

    input_type = "checkbox"

    def __init__(self, attrs=None, check_test=None):
        super(CheckboxInput, self).__init__(attrs)
        self.check_test = _boolean_value if check_test is None else check_test

    def format_value(self, value):
        if value is True or value is False or value is None or value == "":
            return None
        return text_type(value)

    def render(self, name, value, attrs=None):
        attrs = self.build_attrs(self.attrs, attrs)
        if value not in (None, "") and self.check_test(value):
            attrs["checked"] = True
        return self.render_input(name, self.format_value(value), attrs)

    def value_from_datadict(self, data, files, name):
        if name not in data:
            # Browsers send nothing for an unchecked box.
            return False
        return _boolean_value(data.get(name))

    def value_omitted_from_data(self, data, files, name):
        return False


class ChoiceWidget(Widget):
    """Base of widgets offering ``choices``: (value, label) pairs or (group, [pairs]) groups."""

    def __init__(self, attrs=None, choices=()):
        super(ChoiceWidget, self).__init__(attrs)
        self.choices = choices

    def __deepcopy__(self, memo):
        result = super(ChoiceWidget, self).__deepcopy__(memo)
        result.choices = copy.copy(self.choices)
        return result

    def format_value(self, value):
        """The selected values as a list of texts."""
        if value is None and self.allow_multiple_selected:
            return []
        if not isinstance(value, (tuple, list)):
            value = [value]
        return [text_type(item) if item is not None else "" for item in value]

    def groups(self):
        """(group label or None, [(value, label), ...]) for every group of choices."""
        for value, label in self.choices:
            if isinstance(label, (list, tuple)):
                yield value, list(label)
            else:
                yield None, [(value, label)]

    def value_from_datadict(self, data, files, name):
        if self.allow_multiple_selected:
            return _getlist(data, name)
        return data.get(name)


class Select(ChoiceWidget):
    def render(self, name, value, attrs=None):
        attrs = self.build_attrs(self.attrs, attrs)
        if self.allow_multiple_selected:
            attrs["multiple"] = True
        selected = set(self.format_value(value))
        parts = ['<select name="%s"%s>' % (escape(name), flatatt(attrs))]
        for group, options in self.groups():
            if group is not None:
                parts.append('<optgroup label="%s">' % escape(group))
            for option_value, label in options:
                option_value = "" if option_value is None else text_type(option_value)
                is_selected = option_value in selected
                if is_selected and not self.allow_multiple_selected:
                    selected = ()  # only the first match of a single select is selected
                parts.append('<option value="%s"%s>%s</option>' % (
                    escape(option_value), " selected" if is_selected else "", escape(label)))
            if group is not None:
                parts.append("</optgroup>")
        parts.append("</select>")
        return Markup("\n".join(parts))

    def use_required_attribute(self, initial):
        """``required`` is only valid HTML when the first option is an empty placeholder."""
        if not super(Select, self).use_required_attribute(initial):
            return False
        if self.allow_multiple_selected:
            return True
        first = next(iter(self.choices), None)
        return first is not None and not isinstance(first[1], (list, tuple)) and first[0] in ("", None)


class NullBooleanSelect(Select):
    """Unknown / Yes / No, for a field that may be left undecided."""

    def __init__(self, attrs=None):
        super(NullBooleanSelect, self).__init__(attrs, (("unknown", _("Unknown")), ("true", _("Yes")), ("false", _("No"))))

    def format_value(self, value):
        return [{True: "true", False: "false", "true": "true", "false": "false"}.get(value, "unknown")]

    def value_from_datadict(self, data, files, name):
        return {True: True, "True": True, "true": True, "2": True,
                False: False, "False": False, "false": False, "3": False}.get(data.get(name))


class SelectMultiple(Select):
    allow_multiple_selected = True

    def value_omitted_from_data(self, data, files, name):
        # An empty multiple select sends nothing, which means "none selected".
        return False


class RadioSelect(ChoiceWidget):
    """A list of radio buttons, each inside its label; ``id`` gets ``_0``, ``_1``... suffixes."""

    input_type = "radio"

    def render(self, name, value, attrs=None):
        attrs = self.build_attrs(self.attrs, attrs)
        base_id = attrs.pop("id", None)
        selected = set(self.format_value(value))
        parts = ["<div%s>" % (' id="%s"' % escape(base_id) if base_id else "")]
        index = 0
        for group, options in self.groups():
            if group is not None:
                parts.append("<div><label>%s</label>" % escape(group))
            for option_value, label in options:
                option_value = "" if option_value is None else text_type(option_value)
                option_attrs = dict(attrs)
                if base_id:
                    option_attrs["id"] = "%s_%s" % (base_id, index)
                if option_value in selected:
                    option_attrs["checked"] = True
                label_for = ' for="%s"' % escape(option_attrs["id"]) if base_id else ""
                parts.append('<div><label%s><input type="%s" name="%s" value="%s"%s> %s</label></div>' % (
                    label_for, self.input_type, escape(name), escape(option_value), flatatt(option_attrs),
                    escape(label)))
                index += 1
            if group is not None:
                parts.append("</div>")
        parts.append("</div>")
        return Markup("\n".join(parts))

    def id_for_label(self, id_):
        # The group's own label points at the first option.
        return "%s_0" % id_ if id_ else id_


class CheckboxSelectMultiple(RadioSelect):
    input_type = "checkbox"
    allow_multiple_selected = True

    def use_required_attribute(self, initial):
        # "required" on each box would demand that every box be checked.
        return False

    def value_omitted_from_data(self, data, files, name):
        return False
