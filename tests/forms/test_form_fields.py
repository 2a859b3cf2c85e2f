# -*- coding: utf-8 -*-
"""Each form field's clean(): conversions, validation and error messages."""
from __future__ import unicode_literals

import datetime
from decimal import Decimal

import pytest

from pyframework import forms
from pyframework.core.exceptions import ImproperlyConfigured, ValidationError
from pyframework.core.files.uploadedfile import SimpleUploadedFile
from pyframework.forms.utils import error_messages_list, message_text
from pyframework.test import override_settings


def messages_of(field, value):
    with pytest.raises(ValidationError) as info:
        field.clean(value)
    return [message_text(error) for error in error_messages_list(info.value)]


def codes_of(field, value):
    with pytest.raises(ValidationError) as info:
        field.clean(value)
    return [error.code for error in error_messages_list(info.value)]


# --- CharField and its text relatives -------------------------------------------------
def test_char_field_strips_and_checks_lengths():
    field = forms.CharField(max_length=5, min_length=2)
    assert field.clean("  abc ") == "abc"
    assert messages_of(field, "abcdef") == ["Ensure this value has at most 5 characters (it has 6)."]
    assert messages_of(field, "a") == ["Ensure this value has at least 2 characters (it has 1)."]
    assert messages_of(field, "   ") == ["This field is required."]
    assert messages_of(field, None) == ["This field is required."]


def test_char_field_optional_empty_value_and_no_strip():
    assert forms.CharField(required=False).clean("") == ""
    assert forms.CharField(required=False, empty_value=None).clean("  ") is None
    assert forms.CharField(strip=False).clean(" a ") == " a "
    assert forms.CharField().clean(12) == "12"


def test_char_field_rejects_null_characters():
    assert codes_of(forms.CharField(), "a\x00b") == ["null_characters_not_allowed"]


def test_custom_error_messages_replace_defaults():
    field = forms.CharField(max_length=2, error_messages={"required": "Name please", "max_length": "Too long!"})
    assert messages_of(field, "") == ["Name please"]
    assert messages_of(field, "abc") == ["Too long!"]


def test_extra_validators_run_and_collect_all_errors():
    def no_x(value):
        if "x" in value:
            raise ValidationError("No x allowed.", code="no_x")

    def no_y(value):
        if "y" in value:
            raise ValidationError("No y allowed.", code="no_y")
    field = forms.CharField(validators=[no_x, no_y])
    assert field.clean("ab") == "ab"
    assert messages_of(field, "xy") == ["No x allowed.", "No y allowed."]


def test_email_field():
    field = forms.EmailField()
    assert field.clean(" ann@example.com ") == "ann@example.com"
    assert messages_of(field, "ann@") == ["Enter a valid email address."]
    assert messages_of(field, "no-at-sign") == ["Enter a valid email address."]
    assert field.widget.input_type == "email"


@pytest.mark.parametrize("value, expected", [
    ("https://example.com/a?b=1", "https://example.com/a?b=1"),
    ("example.com", "https://example.com"),
    ("example.com/path", "https://example.com/path"),
    ("http://localhost:8000/", "http://localhost:8000/"),
])
def test_url_field_accepts_and_assumes_https(value, expected):
    assert forms.URLField().clean(value) == expected


@pytest.mark.parametrize("value", ["javascript:alert(1)", "http://", "http://exa mple.com", "https://exa<mple.com/"])
def test_url_field_rejects(value):
    assert messages_of(forms.URLField(), value) == ["Enter a valid URL."]


def test_url_field_assume_scheme_option():
    assert forms.URLField(assume_scheme="http").clean("example.com") == "http://example.com"


def test_slug_field():
    assert forms.SlugField().clean("a-b_c1") == "a-b_c1"
    assert codes_of(forms.SlugField(), "a b") == ["invalid"]
    assert codes_of(forms.SlugField(), "caf\u00e9") == ["invalid"]
    assert forms.SlugField(allow_unicode=True).clean("caf\u00e9") == "caf\u00e9"


def test_regex_field():
    field = forms.RegexField(r"^\d{3}$")
    assert field.clean("123") == "123"
    assert codes_of(field, "12a") == ["invalid"]


# --- numbers ----------------------------------------------------------------------------------
def test_integer_field():
    field = forms.IntegerField(min_value=1, max_value=10)
    assert field.clean(" 7 ") == 7
    assert field.clean("3.0") == 3
    assert field.clean(5) == 5
    assert messages_of(field, "3.5") == ["Enter a whole number."]
    assert messages_of(field, "abc") == ["Enter a whole number."]
    assert messages_of(field, "11") == ["Ensure this value is less than or equal to 10."]
    assert messages_of(field, "0") == ["Ensure this value is greater than or equal to 1."]
    assert forms.IntegerField(required=False).clean("") is None


def test_float_field():
    field = forms.FloatField()
    assert field.clean("1.5") == 1.5
    assert messages_of(field, "1.5.2") == ["Enter a number."]
    assert messages_of(field, "inf") == ["Enter a number."]
    assert messages_of(field, "nan") == ["Enter a number."]


def test_decimal_field():
    field = forms.DecimalField(max_digits=4, decimal_places=2, min_value=Decimal("0"))
    assert field.clean("12.34") == Decimal("12.34")
    assert messages_of(field, "1.234") == ["Ensure that there are no more than 2 decimal places."]
    assert messages_of(field, "123.4") == ["Ensure that there are no more than 2 digits before the decimal point."]
    assert messages_of(field, "12345") == ["Ensure that there are no more than 4 digits in total."]
    assert messages_of(field, "-1") == ["Ensure this value is greater than or equal to 0."]
    assert messages_of(field, "Infinity") == ["Enter a number."]
    assert messages_of(field, "1,5") == ["Enter a number."]


def test_number_widgets_carry_limits():
    assert forms.IntegerField(min_value=1, max_value=9).widget.attrs == {"min": "1", "max": "9"}
    assert forms.DecimalField(decimal_places=2).widget.attrs == {"step": "0.01"}
    assert forms.FloatField().widget.attrs == {"step": "any"}


# --- booleans -------------------------------------------------------------------------------
def test_boolean_field():
    field = forms.BooleanField()
    assert field.clean(True) is True
    assert field.clean("on") is True
    assert messages_of(field, False) == ["This field is required."]
    assert messages_of(field, "false") == ["This field is required."]
    optional = forms.BooleanField(required=False)
    assert optional.clean("0") is False
    assert optional.clean("") is False


def test_null_boolean_field():
    field = forms.NullBooleanField()
    assert field.clean("true") is True
    assert field.clean("false") is False
    assert field.clean("unknown") is None


# --- dates and times ---------------------------------------------------------------------------
def test_date_field_formats():
    field = forms.DateField()
    assert field.clean("2024-02-29") == datetime.date(2024, 2, 29)
    assert field.clean("02/29/2024") == datetime.date(2024, 2, 29)
    assert field.clean(datetime.datetime(2024, 1, 2, 3, 4)) == datetime.date(2024, 1, 2)
    assert messages_of(field, "2023-02-29") == ["Enter a valid date."]
    assert messages_of(field, "tomorrow") == ["Enter a valid date."]
    assert forms.DateField(input_formats=["%d %m %Y"]).clean("02 01 2024") == datetime.date(2024, 1, 2)


def test_time_field():
    field = forms.TimeField()
    assert field.clean("13:45") == datetime.time(13, 45)
    assert field.clean("13:45:10") == datetime.time(13, 45, 10)
    assert messages_of(field, "25:00") == ["Enter a valid time."]


def test_datetime_field_is_aware_in_utc_by_default():
    field = forms.DateTimeField()
    value = field.clean("2024-01-02T10:30")
    assert value.utcoffset() == datetime.timedelta(0)
    assert value.replace(tzinfo=None) == datetime.datetime(2024, 1, 2, 10, 30)
    assert field.clean("2024-01-02 10:30:15").second == 15
    assert messages_of(field, "2024-13-02 10:30") == ["Enter a valid date/time."]


def test_datetime_field_keeps_a_given_offset():
    value = forms.DateTimeField().clean("2024-01-02T10:30:00-05:30")
    assert value.utcoffset() == datetime.timedelta(hours=-5, minutes=-30)
    value = forms.DateTimeField().clean("2024-01-02T10:30:00Z")
    assert value.utcoffset() == datetime.timedelta(0)


def test_datetime_field_uses_time_zone_setting():
    with override_settings(TIME_ZONE="Europe/Paris", USE_TZ=True):
        value = forms.DateTimeField().clean("2024-07-01T12:00")
        assert value.utcoffset() == datetime.timedelta(hours=2)
        winter = forms.DateTimeField().clean("2024-01-01T12:00")
        assert winter.utcoffset() == datetime.timedelta(hours=1)


def test_datetime_field_naive_without_use_tz():
    with override_settings(USE_TZ=False):
        assert forms.DateTimeField().clean("2024-01-02T10:30").tzinfo is None


# --- choices -----------------------------------------------------------------------------------
COLOURS = [("", "---"), ("r", "Red"), ("Cold", [("b", "Blue"), ("g", "Green")])]


def test_choice_field_with_groups():
    field = forms.ChoiceField(choices=COLOURS)
    assert field.clean("r") == "r"
    assert field.clean("g") == "g"
    assert messages_of(field, "x") == ["Select a valid choice. x is not one of the available choices."]
    assert messages_of(field, "") == ["This field is required."]


def test_choice_field_callable_choices_are_read_each_time():
    available = [("a", "A")]
    field = forms.ChoiceField(choices=lambda: list(available))
    assert field.clean("a") == "a"
    available.append(("b", "B"))
    assert field.clean("b") == "b"


def test_typed_choice_field_coerces():
    field = forms.TypedChoiceField(choices=[(1, "One"), (2, "Two")], coerce=int)
    assert field.clean("2") == 2
    assert codes_of(field, "3") == ["invalid_choice"]
    assert forms.TypedChoiceField(choices=[(1, "One")], coerce=int, required=False, empty_value=None).clean("") is None


def test_multiple_choice_field():
    field = forms.MultipleChoiceField(choices=COLOURS)
    assert field.clean(["r", "b"]) == ["r", "b"]
    assert messages_of(field, []) == ["This field is required."]
    assert messages_of(field, ["r", "z"]) == ["Select a valid choice. z is not one of the available choices."]
    assert messages_of(field, "r") == ["Enter a list of values."]
    typed = forms.TypedMultipleChoiceField(choices=[(1, "One"), (2, "Two")], coerce=int)
    assert typed.clean(["1", "2"]) == [1, 2]


# --- files --------------------------------------------------------------------------------------
def test_file_field_accepts_uploaded_file():
    upload = SimpleUploadedFile("notes.txt", b"hello")
    assert forms.FileField().clean(upload) is upload


def test_file_field_errors():
    field = forms.FileField(max_length=5)
    assert messages_of(field, None) == ["This field is required."]
    assert messages_of(field, SimpleUploadedFile("e.txt", b"")) == ["The submitted file is empty."]
    assert messages_of(field, SimpleUploadedFile("toolong.txt", b"x")) == [
        "Ensure this filename has at most 5 characters (it has 11)."]
    assert messages_of(field, "not-a-file") == ["No file was submitted. Check the encoding type on the form."]
    assert forms.FileField(allow_empty_file=True).clean(SimpleUploadedFile("e", b"")).name == "e"


def test_file_field_keeps_initial_when_nothing_uploaded():
    assert forms.FileField().clean(None, "stored.txt") == "stored.txt"
    assert forms.FileField(required=False).clean(None) is None


# --- has_changed ------------------------------------------------------------------------------------
@pytest.mark.parametrize("field, initial, data, changed", [
    (forms.CharField(), "a", "a", False),
    (forms.CharField(), None, "", False),
    (forms.CharField(), "a", "b", True),
    (forms.IntegerField(), 5, "5", False),
    (forms.IntegerField(), 5, "x", True),
    (forms.BooleanField(required=False), False, False, False),
    (forms.BooleanField(required=False), False, True, True),
    (forms.MultipleChoiceField(choices=[("a", "A"), ("b", "B")]), ["a", "b"], ["b", "a"], False),
    (forms.CharField(disabled=True), "a", "b", False),
])
def test_field_has_changed(field, initial, data, changed):
    assert field.has_changed(initial, data) is changed


def test_datetime_initial_is_shown_in_the_current_time_zone():
    class Meeting(forms.Form):
        start = forms.DateTimeField()
    utc_value = forms.DateTimeField().clean("2024-07-01T10:00Z")
    with override_settings(TIME_ZONE="Europe/Paris", USE_TZ=True):
        html = Meeting(initial={"start": utc_value})["start"].__html__()
        assert 'value="2024-07-01T12:00:00"' in html
        unchanged = Meeting({"start": "2024-07-01T12:00"}, initial={"start": utc_value})
        assert unchanged.changed_data == []
        moved = Meeting({"start": "2024-07-01T13:00"}, initial={"start": utc_value})
        assert moved.changed_data == ["start"]


def test_temporal_fields_accept_python_values():
    moment = datetime.datetime(2024, 1, 2, 3, 4)
    assert forms.TimeField().clean(moment) == datetime.time(3, 4)
    assert forms.DateField().clean(moment.date()) == moment.date()
    with override_settings(USE_TZ=False):
        assert forms.DateTimeField().clean(moment.date()) == datetime.datetime(2024, 1, 2)
    assert messages_of(forms.DateField(), 12) == ["Enter a valid date."]


@pytest.mark.parametrize("choices", [["a", "b"], [("a", "A", "extra")], [("Group", [("a",)])]])
def test_malformed_choices_fail_when_the_field_is_declared(choices):
    with pytest.raises(ImproperlyConfigured) as info:
        forms.ChoiceField(choices=choices)
    assert "choices must be (value, label) pairs" in str(info.value)
