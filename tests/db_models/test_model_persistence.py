"""Saving, loading and validating model instances, on every test database."""
from __future__ import unicode_literals

import datetime
import decimal
import uuid

import pytest

from pyframework.core.exceptions import ValidationError
from pyframework.db import DatabaseError, IntegrityError, models, transaction
from pyframework.db.models import signals
from pyframework.utils import timezone
from pyframework.utils.compat import integer_types


class Gadget(models.Model):
    name = models.CharField(max_length=30, unique=True)
    size = models.IntegerField(default=1)
    created = models.DateTimeField(auto_now_add=True)
    touched = models.DateTimeField(auto_now=True)
    colour = models.CharField(max_length=10, choices=[("r", "Red"), ("g", "Green")], blank=True)

    class Meta:
        app_label = "dbm_persist"
        unique_together = [("size", "colour")]


class Token(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4)
    label = models.CharField(max_length=20)

    class Meta:
        app_label = "dbm_persist"


class Everything(models.Model):
    """One column of every type, for round-trips through each database."""
    char = models.CharField(max_length=100, null=True)
    text = models.TextField(null=True)
    integer = models.IntegerField(null=True)
    big = models.BigIntegerField(null=True)
    small = models.SmallIntegerField(null=True)
    positive = models.PositiveIntegerField(null=True)
    floating = models.FloatField(null=True)
    money = models.DecimalField(max_digits=12, decimal_places=4, null=True)
    flag = models.BooleanField(null=True)
    day = models.DateField(null=True)
    moment = models.DateTimeField(null=True)
    clock = models.TimeField(null=True)
    email = models.EmailField(null=True)
    slug = models.SlugField(null=True)
    url = models.URLField(null=True)
    uid = models.UUIDField(null=True)
    blob = models.BinaryField(null=True)
    data = models.JSONField(null=True)

    class Meta:
        app_label = "dbm_persist"


SAMPLE = dict(
    char="h\u00e9llo \U0001F600 \u4e16\u754c",
    text="line1\nline2 \U0001F680" * 50,
    integer=-2147483648,
    big=9223372036854775807,
    small=-32768,
    positive=2147483647,
    floating=1.5,
    money=decimal.Decimal("12345678.9012"),
    flag=False,
    day=datetime.date(2024, 2, 29),
    moment=datetime.datetime(2024, 3, 1, 23, 59, 58, 123456, tzinfo=timezone.utc),
    clock=datetime.time(13, 14, 15, 160000),
    email="ann@example.com",
    slug="a-slug",
    url="https://example.com/\u00e9",
    uid=uuid.UUID("0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"),
    blob=b"\x00\x01\xfe\xffbinary",
    data={"list": [1, 2.5, None, True], "text": "\U0001F600", "nested": {"k": "v"}},
)


def test_every_type_round_trips_exactly(db, create_tables):
    create_tables(Everything)
    obj = Everything.objects.create(**SAMPLE)
    loaded = Everything.objects.get(pk=obj.pk)
    for name, expected in SAMPLE.items():
        value = getattr(loaded, name)
        if name == "blob":
            value = bytes(value)
        assert value == expected, name
        if isinstance(expected, integer_types) and not isinstance(expected, bool):
            assert isinstance(value, integer_types) and not isinstance(value, bool), name  # int or long on Python 2
        else:
            assert type(value) is type(expected), name
    assert loaded.moment.utcoffset() == datetime.timedelta(0)


def test_nulls_round_trip(db, create_tables):
    create_tables(Everything)
    obj = Everything.objects.create()
    loaded = Everything.objects.get(pk=obj.pk)
    for name in SAMPLE:
        assert getattr(loaded, name) is None, name


def test_aware_datetime_in_another_zone_is_stored_as_the_same_instant(db, create_tables):
    from pyframework.utils.dateparse import FixedOffset

    create_tables(Everything)
    moment = datetime.datetime(2024, 6, 1, 12, 0, tzinfo=FixedOffset(120))
    obj = Everything.objects.create(moment=moment)
    loaded = Everything.objects.get(pk=obj.pk)
    assert loaded.moment == moment
    assert loaded.moment.hour == 10


def test_save_inserts_then_updates(db, create_tables):
    create_tables(Gadget)
    gadget = Gadget(name="a")
    assert gadget._state.adding
    gadget.save()
    assert gadget.pk is not None
    assert not gadget._state.adding and gadget._state.db == "default"
    first_pk = gadget.pk
    gadget.size = 5
    gadget.save()
    assert gadget.pk == first_pk
    assert Gadget.objects.get(pk=first_pk).size == 5
    assert Gadget.objects.filter(name="a").count() == 1


def test_save_with_unknown_pk_inserts(db, create_tables):
    create_tables(Gadget)
    Gadget(id=40, name="explicit").save()
    assert Gadget.objects.get(pk=40).name == "explicit"


def test_auto_now_and_auto_now_add(db, create_tables):
    create_tables(Gadget)
    before = timezone.now()
    gadget = Gadget.objects.create(name="t")
    assert gadget.created >= before - datetime.timedelta(seconds=1)
    created, touched = gadget.created, gadget.touched
    gadget.save()
    fresh = Gadget.objects.get(pk=gadget.pk)
    assert fresh.created == created
    assert fresh.touched >= touched


def test_update_fields_writes_only_those_columns(db, create_tables):
    create_tables(Gadget)
    gadget = Gadget.objects.create(name="u", size=1)
    Gadget.objects.filter(pk=gadget.pk).update(name="renamed")
    gadget.size = 9
    gadget.save(update_fields=["size"])
    fresh = Gadget.objects.get(pk=gadget.pk)
    assert (fresh.name, fresh.size) == ("renamed", 9)
    with pytest.raises(ValueError):
        gadget.save(update_fields=["nope"])


def test_forced_insert_and_update(db, create_tables):
    create_tables(Gadget)
    gadget = Gadget.objects.create(name="f")
    with pytest.raises(IntegrityError):
        with transaction.atomic():
            gadget.save(force_insert=True)
    ghost = Gadget(id=999, name="ghost")
    with pytest.raises(DatabaseError):
        ghost.save(force_update=True)
    with pytest.raises(ValueError):
        Gadget(name="x").save(force_update=True)


def test_uuid_primary_key_default_inserts_directly(db, create_tables, assert_num_queries):
    create_tables(Token)
    token = Token(label="t")
    with assert_num_queries(1):
        token.save()
    assert isinstance(token.pk, uuid.UUID)
    assert Token.objects.get(pk=token.pk).label == "t"
    token.label = "changed"
    with assert_num_queries(1):
        token.save()
    assert Token.objects.get(pk=token.pk).label == "changed"


def test_refresh_from_db(db, create_tables):
    create_tables(Gadget)
    gadget = Gadget.objects.create(name="r", size=1)
    Gadget.objects.filter(pk=gadget.pk).update(size=7, name="r2")
    gadget.refresh_from_db(fields=["size"])
    assert (gadget.size, gadget.name) == (7, "r")
    gadget.refresh_from_db()
    assert gadget.name == "r2"
    Gadget.objects.filter(pk=gadget.pk).delete()
    with pytest.raises(Gadget.DoesNotExist):
        gadget.refresh_from_db()


def test_signals_around_save_and_delete(db, create_tables):
    create_tables(Gadget)
    seen = []

    def record(signal, sender, **kwargs):
        seen.append((signal, kwargs.get("created"), kwargs["instance"].name))

    for signal in (signals.pre_save, signals.post_save, signals.pre_delete, signals.post_delete):
        signal.connect(record, sender=Gadget)
    try:
        gadget = Gadget.objects.create(name="s")
        gadget.save()
        gadget.delete()
    finally:
        for signal in (signals.pre_save, signals.post_save, signals.pre_delete, signals.post_delete):
            signal.disconnect(record, sender=Gadget)
    assert seen == [
        (signals.pre_save, None, "s"), (signals.post_save, True, "s"),
        (signals.pre_save, None, "s"), (signals.post_save, False, "s"),
        (signals.pre_delete, None, "s"), (signals.post_delete, None, "s"),
    ]


def test_delete_returns_counts_and_clears_pk(db, create_tables):
    create_tables(Gadget)
    gadget = Gadget.objects.create(name="d")
    assert gadget.delete() == (1, {"dbm_persist.Gadget": 1})
    assert gadget.pk is None
    with pytest.raises(ValueError):
        gadget.delete()


def test_full_clean_collects_errors_per_field(db, create_tables):
    create_tables(Gadget)
    gadget = Gadget(name="", size="many", colour="x")
    with pytest.raises(ValidationError) as info:
        gadget.full_clean()
    errors = info.value.message_dict
    assert set(errors) == {"name", "size", "colour"}
    assert errors["name"] == ["This field cannot be blank."]
    assert errors["colour"] == ["Value %r is not a valid choice." % "x"]


def test_full_clean_converts_values_and_calls_clean(db, create_tables):
    create_tables(Gadget)

    gadget = Gadget(name="ok", size="3")
    gadget.full_clean()
    assert gadget.size == 3


def test_validate_unique(db, create_tables):
    create_tables(Gadget)
    Gadget.objects.create(name="taken", size=2, colour="r")
    duplicate = Gadget(name="taken", size=2, colour="r")
    with pytest.raises(ValidationError) as info:
        duplicate.full_clean()
    errors = info.value.message_dict
    assert errors["name"] == ["Gadget with this Name already exists."]
    assert errors["__all__"] == ["Gadget with this Size and Colour already exists."]
    existing = Gadget.objects.get(name="taken")
    existing.full_clean()  # an object never clashes with itself


def test_integrity_error_keeps_the_connection_usable(db, create_tables):
    create_tables(Gadget)
    Gadget.objects.create(name="one", size=1)
    with pytest.raises(IntegrityError):
        with transaction.atomic():
            Gadget.objects.create(name="one", size=2)
    Gadget.objects.create(name="two", size=3)
    assert sorted(Gadget.objects.values_list("name", flat=True)) == ["one", "two"]


def test_deferred_field_loads_on_access(db, create_tables):
    create_tables(Gadget)
    gadget = Gadget.objects.create(name="lazy", size=4)
    partial = Gadget.from_db("default", ["id", "name"], [gadget.pk, "lazy"])
    assert partial.get_deferred_fields() == {"size", "created", "touched", "colour"}
    assert partial.size == 4


class MarkdownField(models.TextField):
    """A project's own field: stored like its base class."""

    def from_db_value(self, value, expression, connection):
        return value


class Slug2Field(models.CharField):
    pass


class CustomColumns(models.Model):
    body = MarkdownField()
    code = Slug2Field(max_length=5)

    class Meta:
        app_label = "dbm_persist"


def test_subclasses_of_built_in_fields_get_their_bases_column(db, create_tables):
    assert MarkdownField().get_internal_type() == "TextField"
    assert Slug2Field(max_length=5).get_internal_type() == "CharField"
    assert MarkdownField().db_type(db.connection) == models.TextField().db_type(db.connection)
    create_tables(CustomColumns)
    CustomColumns.objects.create(body="# title\n" * 300, code="ab")
    row = CustomColumns.objects.get()
    assert (row.body, row.code) == ("# title\n" * 300, "ab")
