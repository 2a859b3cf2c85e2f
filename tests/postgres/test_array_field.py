"""contrib.postgres ArrayField: round trips, lookups, nesting, validation, forms; a clear error elsewhere."""
from __future__ import unicode_literals

import datetime
import decimal

import pytest

from pyframework.contrib.postgres.fields import ArrayField
from pyframework.contrib.postgres.fields.literals import format_array, parse_array
from pyframework.contrib.postgres.forms import SimpleArrayField
from pyframework.core.exceptions import ValidationError
from pyframework.db import models
from pyframework.db.utils import NotSupportedError
from pyframework import forms
from pyframework.test.utils import override_settings
from pyframework.utils import timezone


class Tagged(models.Model):
    name = models.CharField(max_length=20)
    tags = ArrayField(models.CharField(max_length=40), default=list, blank=True)
    scores = ArrayField(models.IntegerField(), null=True, size=3)
    grid = ArrayField(ArrayField(models.IntegerField()), null=True)
    prices = ArrayField(models.DecimalField(max_digits=6, decimal_places=2), null=True)
    moments = ArrayField(models.DateTimeField(), null=True)

    class Meta:
        app_label = "postgres_array_tests"


def postgresql_only(db):
    if db.vendor != "postgresql":
        pytest.skip("ArrayField is PostgreSQL's; test_other_databases_refuse_clearly covers the rest")


def test_literals_round_trip_awkward_text():
    items = ["a,b", 'say "hi"', "back\\slash", "", "NULL", None, "{brace}", " padded "]
    text = format_array(items)
    assert parse_array(text) == [item if item is None else item for item in items]
    assert parse_array("{1,2,NULL}") == ["1", "2", None]
    assert parse_array("{{1,2},{3,4}}") == [["1", "2"], ["3", "4"]]
    assert parse_array("[0:1]={7,8}") == ["7", "8"]
    assert parse_array("{}") == []
    with pytest.raises(ValueError):
        parse_array("1,2")


def test_round_trip_of_every_element_type(db, create_tables):
    postgresql_only(db)
    create_tables(Tagged)
    when = datetime.datetime(2026, 12, 2, 15, 30, 0, tzinfo=timezone.utc)
    hostile = ['a,b', 'quote " and \\ backslash', "'); DROP TABLE x; --", "NULL", ""]
    with override_settings(USE_TZ=True):
        row = Tagged.objects.create(name="one", tags=hostile, scores=[1, None, 3], grid=[[1, 2], [3, 4]],
                                    prices=[decimal.Decimal("1.50"), decimal.Decimal("-2.25")], moments=[when])
        fetched = Tagged.objects.get(pk=row.pk)
    assert fetched.tags == hostile
    assert fetched.scores == [1, None, 3]
    assert fetched.grid == [[1, 2], [3, 4]]
    assert fetched.prices == [decimal.Decimal("1.50"), decimal.Decimal("-2.25")]
    assert fetched.moments == [when]
    empty = Tagged.objects.create(name="empty")
    assert Tagged.objects.get(pk=empty.pk).tags == []
    assert Tagged.objects.get(pk=empty.pk).scores is None
    Tagged.objects.filter(pk=empty.pk).update(tags=["x"])
    assert Tagged.objects.get(pk=empty.pk).tags == ["x"]


def test_lookups(db, create_tables):
    postgresql_only(db)
    create_tables(Tagged)
    Tagged.objects.create(name="ab", tags=["a", "b"], scores=[1, 2])
    Tagged.objects.create(name="bc", tags=["b", "c"], scores=[2, 3, 4])
    Tagged.objects.create(name="none", tags=[])

    def names(**lookup):
        return sorted(Tagged.objects.filter(**lookup).values_list("name", flat=True))

    assert names(tags__contains=["b"]) == ["ab", "bc"]
    assert names(tags__contains=["a", "b"]) == ["ab"]
    assert names(tags__contained_by=["a", "b", "z"]) == ["ab", "none"]
    assert names(tags__overlap=["c", "z"]) == ["bc"]
    assert names(tags=["a", "b"]) == ["ab"]
    assert names(tags__len=0) == ["none"]
    assert names(scores__len__gte=3) == ["bc"]
    assert names(tags__0="b") == ["bc"]
    assert names(scores__1__gt=2) == ["bc"]
    assert names(tags__0_1=["a"]) == ["ab"]
    assert names(scores__isnull=True) == ["none"]
    # A hostile value is a parameter, never SQL.
    assert names(tags__contains=["'); DROP TABLE x; --"]) == []
    assert list(Tagged.objects.order_by("name").values_list("tags", flat=True)) == [["a", "b"], ["b", "c"], []]


def test_validation_and_form_field():
    field = Tagged._meta.get_field("scores")
    with pytest.raises(ValidationError) as raised:
        field.clean([1, 2, 3, 4], None)
    assert "no more than 3" in " ".join(raised.value.messages)
    with pytest.raises(ValidationError) as raised:
        Tagged._meta.get_field("tags").clean(["x" * 41], None)
    assert "Item 1 in the array did not validate:" in " ".join(raised.value.messages)

    form_field = field.formfield()
    assert isinstance(form_field, SimpleArrayField)
    assert form_field.clean("1,2,3") == [1, 2, 3]
    with pytest.raises(ValidationError) as raised:
        form_field.clean("1,x")
    assert "Item 2 in the array did not validate:" in " ".join(raised.value.messages)
    with pytest.raises(ValidationError):
        form_field.clean("1,2,3,4")
    assert form_field.prepare_value([1, 2]) == "1,2"
    assert SimpleArrayField(forms.CharField(), delimiter="|", min_length=2).clean("a|b") == ["a", "b"]

    name, path, args, kwargs = Tagged._meta.get_field("grid").deconstruct()
    assert path == "pyframework.contrib.postgres.fields.ArrayField"
    assert isinstance(kwargs["base_field"], ArrayField)
    assert kwargs["base_field"].base_field.get_internal_type() == "IntegerField"
    with pytest.raises(TypeError):
        ArrayField(models.ForeignKey("auth.User", on_delete=models.CASCADE))


def test_other_databases_refuse_clearly(db, create_tables):
    if db.vendor == "postgresql":
        pytest.skip("PostgreSQL has arrays")
    with pytest.raises(NotSupportedError) as raised:
        create_tables(Tagged)
    message = str(raised.value)
    assert "ArrayField postgres_array_tests.Tagged." in message and "needs PostgreSQL" in message
    with pytest.raises(NotSupportedError):
        list(Tagged.objects.filter(tags__contains=["a"]))
