"""models.Choices / IntegerChoices / TextChoices: Django's enumeration semantics, on both runtimes,
as field choices stored and read back on every database of the matrix."""
from __future__ import unicode_literals

import copy
import datetime
import pickle

import pytest

from pyframework import forms
from pyframework.core.exceptions import ValidationError
from pyframework.db import models
from pyframework.db.migrations.serializer import serialize


class Suit(models.IntegerChoices):
    DIAMOND = 1, "Diamond"
    SPADE = 2
    HEART = 3, "Heart"
    CLUB = 4, "Club"


class YearInSchool(models.TextChoices):
    FRESHMAN = "FR", "Freshman"
    SOPHOMORE = "SO", "Sophomore"
    GRADUATE = "GR"
    __empty__ = "(Unknown)"


class Landing(datetime.date, models.Choices):
    APOLLO_11 = 1969, 7, 20, "Apollo 11 (Eagle)"
    APOLLO_12 = 1969, 11, 19, "Apollo 12 (Intrepid)"


class Medal(models.Choices):
    GOLD = "g", "Gold"
    SILVER = ("s", 2), "Silver"


class Card(models.Model):
    suit = models.IntegerField(choices=Suit, default=Suit.SPADE)
    year = models.CharField(max_length=2, choices=YearInSchool.choices, blank=True)

    class Meta:
        app_label = "dbm_choices"


def test_choices_labels_values_names_in_definition_order():
    assert Suit.choices == [(1, "Diamond"), (2, "Spade"), (3, "Heart"), (4, "Club")]
    assert Suit.labels == ["Diamond", "Spade", "Heart", "Club"]
    assert Suit.values == [1, 2, 3, 4]
    assert Suit.names == ["DIAMOND", "SPADE", "HEART", "CLUB"]
    assert YearInSchool.choices == [(None, "(Unknown)"), ("FR", "Freshman"), ("SO", "Sophomore"), ("GR", "Graduate")]
    assert YearInSchool.names[0] == "__empty__"
    assert Landing.choices == [(datetime.date(1969, 7, 20), "Apollo 11 (Eagle)"),
                               (datetime.date(1969, 11, 19), "Apollo 12 (Intrepid)")]
    assert Medal.choices == [("g", "Gold"), (("s", 2), "Silver")]


def test_members_are_their_type_and_compare_as_values():
    assert isinstance(Suit.HEART, int) and Suit.HEART == 3 and Suit.HEART + 1 == 4
    assert isinstance(YearInSchool.FRESHMAN, type("")) and YearInSchool.FRESHMAN == "FR"
    assert "%s" % YearInSchool.GRADUATE == "GR" and str(Suit.CLUB) == "4"
    assert Landing.APOLLO_11.year == 1969 and Landing.APOLLO_11 < Landing.APOLLO_12
    assert (Suit.HEART.name, Suit.HEART.value, Suit.HEART.label) == ("HEART", 3, "Heart")
    assert repr(Suit.HEART) == "<Suit.HEART: 3>"
    assert {Suit.HEART: "x"}[3] == "x"
    assert Medal.GOLD != "g" and Medal.GOLD.value == "g"


def test_lookup_membership_and_iteration():
    assert Suit(2) is Suit.SPADE and Suit["CLUB"] is Suit.CLUB and Suit(Suit.CLUB) is Suit.CLUB
    assert 3 in Suit and Suit.HEART in Suit and 9 not in Suit and "FR" in YearInSchool
    assert list(Suit) == [Suit.DIAMOND, Suit.SPADE, Suit.HEART, Suit.CLUB] and len(Suit) == 4
    assert Medal(("s", 2)) is Medal.SILVER
    with pytest.raises(ValueError):
        Suit(9)
    with pytest.raises(KeyError):
        Suit["JOKER"]
    with pytest.raises(AttributeError):
        Suit.HEART = 5
    assert pickle.loads(pickle.dumps(Suit.HEART)) is Suit.HEART
    assert copy.deepcopy(YearInSchool.FRESHMAN) is YearInSchool.FRESHMAN
    with pytest.raises(TypeError):
        class MoreSuits(Suit):
            JOKER = 5


def test_model_field_and_form_field_take_the_class(db, create_tables):
    create_tables(Card)
    assert Card._meta.get_field("suit").choices == Suit.choices
    card = Card.objects.create(suit=Suit.HEART, year=YearInSchool.GRADUATE)
    card = Card.objects.get(pk=card.pk)
    assert (card.suit, card.year, card.get_suit_display(), card.get_year_display()) == (3, "GR", "Heart", "Graduate")
    assert Card.objects.filter(suit=Suit.HEART, year__in=[YearInSchool.GRADUATE]).count() == 1
    assert Card().suit == Suit.SPADE
    field = forms.ChoiceField(choices=Suit)
    assert field.clean("4") == "4"
    with pytest.raises(ValidationError):
        field.clean("9")
    with pytest.raises(ValidationError):
        Card(suit=9).full_clean()


def test_members_in_migrations_are_written_as_values():
    assert serialize(Suit.HEART)[0] == "3"
    assert serialize(YearInSchool.FRESHMAN)[0] in ("'FR'", "u'FR'")
