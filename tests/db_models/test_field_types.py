"""Field classes on their own: conversion, validation and deconstruction."""
from __future__ import unicode_literals

import datetime
import decimal
import uuid
import warnings

import pytest

from pyframework.core import validators
from pyframework.core.exceptions import ValidationError
from pyframework.db import models
from pyframework.test.utils import override_settings
from pyframework.utils import timezone


def errors_of(field, value):
    with pytest.raises(ValidationError) as info:
        field.clean(value, None)
    return info.value.messages


def test_char_field_validation():
    field = models.CharField(max_length=3)
    field.set_attributes_from_name("code")
    assert field.clean("abc", None) == "abc"
    assert field.to_python(12) == "12"
    assert errors_of(field, "abcd") == ["Ensure this value has at most 3 characters (it has 4)."]
    assert errors_of(field, "") == ["This field cannot be blank."]
    assert errors_of(field, None) == ["This field cannot be null."]
    assert "Null characters are not allowed." in errors_of(field, "a\x00")


def test_choices_validation():
    field = models.IntegerField(choices=[(1, "one"), ("Group", [(2, "two"), (3, "three")])])
    field.set_attributes_from_name("n")
    assert field.clean("2", None) == 2
    assert errors_of(field, 5) == ["Value 5 is not a valid choice."]
    assert field.flatchoices == [(1, "one"), (2, "two"), (3, "three")]


def test_integer_fields():
    field = models.IntegerField()
    assert field.to_python("42") == 42
    assert field.to_python(4.0) == 4
    with pytest.raises(ValidationError):
        field.to_python("x")
    assert errors_of(models.SmallIntegerField(), 40000) == ["Ensure this value is less than or equal to 32767."]
    assert errors_of(models.PositiveIntegerField(), -1) == ["Ensure this value is greater than or equal to 0."]
    big = models.BigIntegerField()
    assert big.clean(2 ** 62, None) == 2 ** 62
    assert errors_of(models.IntegerField(validators=[validators.MaxValueValidator(10)]), 11) == [
        "Ensure this value is less than or equal to 10."]


def test_float_and_boolean_fields():
    assert models.FloatField().to_python("1.5") == 1.5
    boolean = models.BooleanField()
    assert boolean.to_python("t") is True and boolean.to_python(0) is False
    with pytest.raises(ValidationError):
        boolean.to_python("maybe")
    assert models.BooleanField(null=True).to_python(None) is None


def test_decimal_field():
    field = models.DecimalField(max_digits=5, decimal_places=2)
    assert field.to_python("3.14") == decimal.Decimal("3.14")
    assert field.to_python(1.1) == decimal.Decimal("1.10")
    assert field.clean("123.45", None) == decimal.Decimal("123.45")
    assert errors_of(field, "1234.5") == ["Ensure that there are no more than 3 digits before the decimal point."]
    assert errors_of(field, "1.234") == ["Ensure that there are no more than 2 decimal places."]
    with pytest.raises(ValidationError):
        field.to_python("abc")


def test_email_slug_url_fields():
    email = models.EmailField()
    assert email.max_length == 254
    assert email.clean("ann@example.com", None) == "ann@example.com"
    assert errors_of(email, "not-an-email") == ["Enter a valid email address."]
    slug = models.SlugField()
    assert slug.db_index and slug.max_length == 50
    assert slug.clean("a-b_c1", None) == "a-b_c1"
    assert len(errors_of(slug, "a b")) == 1
    unicode_slug = models.SlugField(allow_unicode=True)
    assert unicode_slug.clean("\u00e9t\u00e9", None) == "\u00e9t\u00e9"
    url = models.URLField()
    assert url.clean("https://example.com/a?b=1", None) == "https://example.com/a?b=1"
    assert errors_of(url, "javascript:alert(1)") == ["Enter a valid URL."]
    assert errors_of(url, "http://") == ["Enter a valid URL."]


def test_uuid_field():
    field = models.UUIDField(default=uuid.uuid4)
    value = uuid.UUID("12345678123456781234567812345678")
    assert field.to_python("12345678-1234-5678-1234-567812345678") == value
    assert field.to_python(value.int) == value
    with pytest.raises(ValidationError):
        field.to_python("zzz")
    assert field.get_default() != field.get_default()


def test_binary_field():
    field = models.BinaryField()
    assert not field.editable
    assert field.to_python(bytearray(b"ab")) == b"ab"
    assert field.to_python("AAE=") == b"\x00\x01"
    assert models.BinaryField(null=True).get_default() is None
    assert models.BinaryField().get_default() == b""


def test_date_and_time_parsing():
    date = models.DateField()
    assert date.to_python("2024-02-29") == datetime.date(2024, 2, 29)
    with pytest.raises(ValidationError) as info:
        date.to_python("2023-02-29")
    assert info.value.code == "invalid_date"
    with pytest.raises(ValidationError):
        date.to_python("29/02/2024")
    time = models.TimeField()
    assert time.to_python("13:45:01.5") == datetime.time(13, 45, 1, 500000)
    moment = models.DateTimeField()
    parsed = moment.to_python("2024-01-02T03:04:05.123456+02:00")
    assert parsed.utcoffset() == datetime.timedelta(hours=2)
    assert timezone.to_utc(parsed).hour == 1
    assert moment.to_python("2024-01-02 03:04Z").tzinfo is not None


def test_naive_datetime_is_read_in_time_zone_with_a_warning():
    field = models.DateTimeField()
    field.set_attributes_from_name("when")
    with override_settings(USE_TZ=True, TIME_ZONE="UTC"):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            value = field.get_prep_value(datetime.datetime(2024, 1, 1, 12, 0))
    assert value == datetime.datetime(2024, 1, 1, 12, 0, tzinfo=timezone.utc)
    assert any("naive datetime" in str(w.message) for w in caught)
    # As Django: the wall-clock time of TIME_ZONE, not UTC (Berlin is UTC+1 in January, +2 in July).
    with override_settings(USE_TZ=True, TIME_ZONE="Europe/Berlin"):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            winter = field.get_prep_value(datetime.datetime(2024, 1, 1, 12, 0))
            summer = field.get_prep_value(datetime.datetime(2024, 7, 1, 12, 0))
            midnight = field.to_python(datetime.date(2024, 7, 1))
    assert timezone.to_utc(winter).replace(tzinfo=None) == datetime.datetime(2024, 1, 1, 11, 0)
    assert timezone.to_utc(summer).replace(tzinfo=None) == datetime.datetime(2024, 7, 1, 10, 0)
    assert timezone.to_utc(midnight).replace(tzinfo=None) == datetime.datetime(2024, 6, 30, 22, 0)
    assert any("Europe/Berlin" in str(w.message) for w in caught)
    with override_settings(USE_TZ=False):
        naive = datetime.datetime(2024, 1, 1, 12, 0)
        assert field.get_prep_value(naive) == naive


def test_auto_now_fields_are_not_editable():
    field = models.DateTimeField(auto_now=True)
    assert not field.editable and field.blank
    assert field.deconstruct()[3] == {"auto_now": True}


def test_duration_field():
    field = models.DurationField()
    assert field.to_python(1500000) == datetime.timedelta(seconds=1.5)


def test_json_field_validation():
    field = models.JSONField()
    field.set_attributes_from_name("data")
    assert field.clean({"a": [1, 2]}, None) == {"a": [1, 2]}
    with pytest.raises(ValidationError):
        field.clean({"a": object()}, None)
    assert field.from_db_value('{"x": "\\ud83d\\ude00"}', None, None) == {"x": "\U0001F600"}


def test_auto_field_requires_primary_key():
    with pytest.raises(ValueError):
        models.AutoField()


def test_defaults():
    assert not models.IntegerField().has_default()
    assert models.IntegerField().get_default() is None
    assert models.CharField().get_default() == ""
    assert models.CharField(null=True).get_default() is None
    assert models.IntegerField(default=3).get_default() == 3
    counter = iter(range(10))
    field = models.IntegerField(default=lambda: next(counter))
    assert [field.get_default(), field.get_default()] == [0, 1]


@pytest.mark.parametrize("field, expected", [
    (models.CharField(max_length=10), ("pyframework.db.models.CharField", {"max_length": 10})),
    (models.CharField(max_length=10, null=True, blank=True, default="x", db_column="c", unique=True),
     ("pyframework.db.models.CharField",
      {"max_length": 10, "null": True, "blank": True, "default": "x", "db_column": "c", "unique": True})),
    (models.TextField(help_text="h"), ("pyframework.db.models.TextField", {"help_text": "h"})),
    (models.IntegerField(choices=[(1, "a")]), ("pyframework.db.models.IntegerField", {"choices": [(1, "a")]})),
    (models.DecimalField(max_digits=5, decimal_places=2),
     ("pyframework.db.models.DecimalField", {"max_digits": 5, "decimal_places": 2})),
    (models.SlugField(), ("pyframework.db.models.SlugField", {})),
    (models.SlugField(max_length=20, db_index=False),
     ("pyframework.db.models.SlugField", {"max_length": 20, "db_index": False})),
    (models.EmailField(), ("pyframework.db.models.EmailField", {"max_length": 254})),
    (models.URLField(), ("pyframework.db.models.URLField", {})),
    (models.UUIDField(), ("pyframework.db.models.UUIDField", {})),
    (models.BinaryField(), ("pyframework.db.models.BinaryField", {})),
    (models.BooleanField(default=False), ("pyframework.db.models.BooleanField", {"default": False})),
    (models.DateTimeField(auto_now_add=True), ("pyframework.db.models.DateTimeField", {"auto_now_add": True})),
    (models.BigAutoField(primary_key=True), ("pyframework.db.models.BigAutoField", {"primary_key": True})),
    (models.JSONField(default=dict), ("pyframework.db.models.JSONField", {"default": dict})),
    (models.CharField(max_length=5, validators=[validators.validate_slug]),
     ("pyframework.db.models.CharField", {"max_length": 5, "validators": [validators.validate_slug]})),
])
def test_deconstruct(field, expected):
    name, path, args, kwargs = field.deconstruct()
    assert (path, kwargs) == expected
    assert args == []
    rebuilt = field.clone()
    assert rebuilt.deconstruct()[1:] == (path, args, kwargs)


def test_fields_sort_by_declaration_order():
    first, second = models.IntegerField(), models.CharField()
    assert first < second
    assert sorted([second, first]) == [first, second]
