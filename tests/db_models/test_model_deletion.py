"""Deleting objects: every on_delete behaviour, ordering, counts and signals."""
from __future__ import unicode_literals

import pytest

from pyframework.db import models
from pyframework.db.models import signals


class Country(models.Model):
    name = models.CharField(max_length=20)

    class Meta:
        app_label = "dbm_del"


def fallback_country_id():
    return Country.objects.get(name="fallback").pk


class City(models.Model):
    name = models.CharField(max_length=20)
    country = models.ForeignKey(Country, on_delete=models.CASCADE)

    class Meta:
        app_label = "dbm_del"


class Street(models.Model):
    name = models.CharField(max_length=20)
    city = models.ForeignKey(City, on_delete=models.CASCADE)

    class Meta:
        app_label = "dbm_del"


class Monument(models.Model):
    name = models.CharField(max_length=20)
    country = models.ForeignKey(Country, on_delete=models.PROTECT)

    class Meta:
        app_label = "dbm_del"


class Visitor(models.Model):
    name = models.CharField(max_length=20)
    home = models.ForeignKey(Country, null=True, on_delete=models.SET_NULL, related_name="residents")
    visa = models.ForeignKey(Country, null=True, default=None, on_delete=models.SET_DEFAULT, related_name="+")
    passport = models.ForeignKey(Country, null=True, on_delete=models.SET(fallback_country_id),
                                 related_name="passport_holders")
    note = models.ForeignKey(Country, null=True, on_delete=models.DO_NOTHING, db_constraint=False,
                             related_name="notes")

    class Meta:
        app_label = "dbm_del"


class Museum(models.Model):
    name = models.CharField(max_length=20)
    city = models.ForeignKey(City, on_delete=models.CASCADE)
    # Restricted: the country can only go if the museum goes too (through its city).
    country = models.ForeignKey(Country, on_delete=models.RESTRICT, related_name="museums")

    class Meta:
        app_label = "dbm_del"


class Tagged(models.Model):
    countries = models.ManyToManyField(Country)

    class Meta:
        app_label = "dbm_del"


ALL = (Country, City, Street, Monument, Visitor, Museum, Tagged)


def test_cascade_deletes_children_and_grandchildren(db, create_tables):
    create_tables(*ALL)
    france = Country.objects.create(name="France")
    paris = City.objects.create(name="Paris", country=france)
    City.objects.create(name="Lyon", country=france)
    Street.objects.create(name="Rivoli", city=paris)
    spain = Country.objects.create(name="Spain")
    City.objects.create(name="Madrid", country=spain)
    total, per_model = france.delete()
    assert total == 4
    assert per_model == {"dbm_del.Country": 1, "dbm_del.City": 2, "dbm_del.Street": 1}
    assert [c.name for c in City.objects.all()] == ["Madrid"]
    assert Street.objects.count() == 0


def test_protect_refuses_and_lists_objects(db, create_tables):
    create_tables(*ALL)
    italy = Country.objects.create(name="Italy")
    City.objects.create(name="Rome", country=italy)
    colosseum = Monument.objects.create(name="Colosseum", country=italy)
    with pytest.raises(models.ProtectedError) as info:
        italy.delete()
    assert info.value.protected_objects == [colosseum]
    assert "protected foreign keys" in str(info.value)
    assert Country.objects.count() == 1 and City.objects.count() == 1  # nothing was deleted
    colosseum.delete()
    italy.delete()
    assert Country.objects.count() == 0


def test_set_null_set_default_set_and_do_nothing(db, create_tables):
    create_tables(*ALL)
    gone = Country.objects.create(name="gone")
    fallback = Country.objects.create(name="fallback")
    visitor = Visitor.objects.create(name="v", home=gone, visa=gone, passport=gone)
    noted = Visitor.objects.create(name="n", note=gone)
    gone.delete()
    visitor = Visitor.objects.get(pk=visitor.pk)
    assert visitor.home_id is None
    assert visitor.visa_id is None
    assert visitor.passport_id == fallback.pk
    assert Visitor.objects.get(pk=noted.pk).note_id is not None  # DO_NOTHING left it dangling


def test_restrict_allows_deletion_through_another_cascade_only(db, create_tables):
    create_tables(*ALL)
    uk = Country.objects.create(name="UK")
    other = Country.objects.create(name="Other")
    london = City.objects.create(name="London", country=uk)
    museum = Museum.objects.create(name="British", city=london, country=uk)
    # The museum's city is in another country: deleting "Other" would orphan it.
    elsewhere = City.objects.create(name="Elsewhere", country=other)
    stray = Museum.objects.create(name="Stray", city=elsewhere, country=uk)
    with pytest.raises(models.RestrictedError) as info:
        uk.delete()
    assert info.value.restricted_objects == [stray]
    stray.delete()
    total, per_model = uk.delete()  # the museum goes with London
    assert per_model["dbm_del.Museum"] == 1
    assert not Museum.objects.filter(pk=museum.pk).exists()


def test_signals_for_every_deleted_object(db, create_tables):
    create_tables(*ALL)
    country = Country.objects.create(name="c")
    city = City.objects.create(name="x", country=country)
    deleted = []

    def record(sender, instance, origin, **kwargs):
        deleted.append((sender, instance.name, origin))

    signals.post_delete.connect(record)
    try:
        country.delete()
    finally:
        signals.post_delete.disconnect(record)
    assert (City, "x", None) in deleted and (Country, "c", None) in deleted
    assert deleted.index((City, "x", None)) < deleted.index((Country, "c", None))
    assert city.pk is None or City.objects.count() == 0


def test_m2m_links_go_with_the_object(db, create_tables):
    create_tables(*ALL)
    country = Country.objects.create(name="c")
    tagged = Tagged.objects.create()
    tagged.countries.add(country)
    through = Tagged.countries.through
    assert through.objects.count() == 1
    country.delete()
    assert through.objects.count() == 0
    assert Tagged.objects.count() == 1


def test_queryset_delete_uses_the_collector(db, create_tables):
    create_tables(*ALL)
    a = Country.objects.create(name="a")
    Country.objects.create(name="b")
    City.objects.create(name="in a", country=a)
    total, per_model = Country.objects.filter(name="a").delete()
    assert total == 2 and per_model["dbm_del.City"] == 1
    assert [c.name for c in Country.objects.all()] == ["b"]


def test_failure_inside_delete_rolls_everything_back(db, create_tables):
    create_tables(*ALL)
    country = Country.objects.create(name="c")
    City.objects.create(name="x", country=country)

    def explode(sender, instance, **kwargs):
        if sender is Country:
            raise RuntimeError("stop")

    signals.post_delete.connect(explode)
    try:
        with pytest.raises(RuntimeError):
            country.delete()
    finally:
        signals.post_delete.disconnect(explode)
    assert City.objects.count() == 1 and Country.objects.count() == 1
