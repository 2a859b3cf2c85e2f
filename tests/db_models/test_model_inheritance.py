"""Multi-table inheritance and proxy models on every test database."""
from __future__ import unicode_literals

import pytest

from pyframework.db import IntegrityError, models, transaction
from pyframework.db.models import Count
from pyframework.db.models.query_utils import FieldError


class Owner(models.Model):
    name = models.CharField(max_length=50)

    class Meta:
        app_label = "inheritance_tests"


class Place(models.Model):
    name = models.CharField(max_length=50)
    address = models.CharField(max_length=80, blank=True)
    owner = models.ForeignKey(Owner, models.SET_NULL, null=True, related_name="places")

    class Meta:
        app_label = "inheritance_tests"
        ordering = ["name"]

    def describe(self):
        return "place %s" % self.name


class Restaurant(Place):
    serves_pizza = models.BooleanField(default=False)
    licence = models.CharField(max_length=20, null=True, unique=True)

    class Meta:
        app_label = "inheritance_tests"


class ItalianRestaurant(Restaurant):
    chef = models.CharField(max_length=50)

    class Meta:
        app_label = "inheritance_tests"


class Review(models.Model):
    place = models.ForeignKey(Place, models.CASCADE, related_name="reviews")
    stars = models.IntegerField()

    class Meta:
        app_label = "inheritance_tests"


class Supplier(Place):
    # An explicit parent link instead of the generated place_ptr.
    place_link = models.OneToOneField(Place, models.CASCADE, parent_link=True, primary_key=True,
                                      related_name="as_supplier")
    customers = models.ManyToManyField(Restaurant, related_name="suppliers", blank=True)

    class Meta:
        app_label = "inheritance_tests"


class OpenPlaceManager(models.Manager):
    def get_queryset(self):
        return super(OpenPlaceManager, self).get_queryset().exclude(address="")


class AddressedPlace(Place):
    objects = OpenPlaceManager()

    class Meta:
        app_label = "inheritance_tests"
        proxy = True
        ordering = ["-name"]

    def describe(self):
        return "addressed %s at %s" % (self.name, self.address)


TABLES = (Owner, Place, Restaurant, ItalianRestaurant, Review, Supplier)


@pytest.fixture
def tables(db, create_tables):
    create_tables(*TABLES)
    return db


def test_parent_links_and_meta():
    opts = Restaurant._meta
    link = opts.get_field("place_ptr")
    assert opts.pk is link and link.remote_field.parent_link and link.one_to_one
    assert opts.parents == {Place: link} and opts.concrete_model is Restaurant
    assert [f.name for f in opts.local_fields] == ["place_ptr", "serves_pizza", "licence"]
    assert [f.name for f in opts.concrete_fields] == ["id", "name", "address", "owner", "place_ptr", "serves_pizza",
                                                      "licence"]
    assert opts.get_field("name").model is Place
    assert ItalianRestaurant._meta.get_parent_list() == [Restaurant, Place]
    assert ItalianRestaurant._meta.get_ancestor_link(Place) is ItalianRestaurant._meta.get_field("restaurant_ptr")
    assert opts.ordering == ["name"]  # inherited from the parent's Meta, as in Django
    assert Supplier._meta.pk.name == "place_link" and Supplier._meta.parents[Place].name == "place_link"
    assert AddressedPlace._meta.proxy and AddressedPlace._meta.concrete_model is Place
    assert AddressedPlace._meta.db_table == Place._meta.db_table and AddressedPlace._meta.pk is Place._meta.pk


@pytest.mark.usefixtures("tables")
def test_save_writes_both_rows_and_queries_join_them(assert_num_queries):
    owner = Owner.objects.create(name="Ann")
    r = Restaurant.objects.create(name="Luigi's", address="1 Main St", serves_pizza=True, owner=owner)
    assert r.pk is not None and r.pk == r.id == r.place_ptr_id
    Restaurant.objects.create(name="Burger Barn", serves_pizza=False)
    Place.objects.create(name="Park")
    assert Place.objects.count() == 3 and Restaurant.objects.count() == 2
    with assert_num_queries(1):
        found = Restaurant.objects.get(name="Luigi's")
    assert (found.name, found.address, found.serves_pizza, found.owner_id) == ("Luigi's", "1 Main St", True, owner.pk)
    assert [x.name for x in Restaurant.objects.all()] == ["Burger Barn", "Luigi's"]  # parent's ordering
    assert [x.name for x in Restaurant.objects.order_by("-name")] == ["Luigi's", "Burger Barn"]
    assert list(Restaurant.objects.filter(serves_pizza=True, name__startswith="L").values_list("name", "serves_pizza")) \
        == [("Luigi's", True)]
    assert list(Restaurant.objects.values("name").order_by("name"))[0] == {"name": "Burger Barn"}
    assert [x.name for x in Restaurant.objects.filter(owner__name="Ann")] == ["Luigi's"]
    assert [x.name for x in Restaurant.objects.select_related("owner").filter(owner__isnull=False)] == ["Luigi's"]
    assert Restaurant.objects.filter(id=r.pk).get() == r and Restaurant.objects.filter(pk=r.pk).exists()
    park = Place.objects.get(name="Park")
    assert Place.objects.get(pk=r.pk).restaurant == r  # the parent reaches its child
    with pytest.raises(Restaurant.DoesNotExist):
        park.restaurant
    assert [p.name for p in owner.places.all()] == ["Luigi's"]
    found.name = "Luigi's Pizzeria"
    found.serves_pizza = False
    found.save()
    again = Restaurant.objects.get(pk=r.pk)
    assert (again.name, again.serves_pizza) == ("Luigi's Pizzeria", False)
    assert Place.objects.get(pk=r.pk).name == "Luigi's Pizzeria"
    again.name = "Only the name"
    again.save(update_fields=["name"])
    assert Restaurant.objects.get(pk=r.pk).name == "Only the name"
    assert Restaurant.objects.filter(serves_pizza=False).update(address="moved", serves_pizza=True) == 2
    assert set(Place.objects.filter(address="moved").values_list("name", flat=True)) == {"Only the name", "Burger Barn"}
    assert Restaurant.objects.filter(serves_pizza=True).count() == 2
    with pytest.raises(ValueError):
        Restaurant.objects.bulk_create([Restaurant(name="x")])


@pytest.mark.usefixtures("tables")
def test_reverse_relations_and_aggregates_through_the_parent():
    r = Restaurant.objects.create(name="Trattoria")
    other = Restaurant.objects.create(name="Diner")
    Review.objects.create(place=r, stars=5)
    Review.objects.create(place=r, stars=4)
    Review.objects.create(place=other, stars=2)
    assert [x.name for x in Restaurant.objects.filter(reviews__stars=5)] == ["Trattoria"]
    counts = dict(Restaurant.objects.annotate(n=Count("reviews")).values_list("name", "n"))
    assert counts == {"Trattoria": 2, "Diner": 1}
    assert sorted(rv.stars for rv in r.reviews.all()) == [4, 5]  # the parent's accessor, inherited


@pytest.mark.usefixtures("tables")
def test_three_levels_and_an_explicit_parent_link():
    it = ItalianRestaurant.objects.create(name="Da Mario", serves_pizza=True, chef="Mario")
    assert it.pk == it.restaurant_ptr_id == it.place_ptr_id == it.id
    assert ItalianRestaurant.objects.get(chef="Mario", serves_pizza=True, name="Da Mario") == it
    assert Restaurant.objects.get(pk=it.pk).italianrestaurant == it
    assert [x.chef for x in ItalianRestaurant.objects.filter(name__contains="Mario")] == ["Mario"]
    supplier = Supplier.objects.create(name="Flour Co")
    assert supplier.pk == supplier.place_link_id and Place.objects.get(pk=supplier.pk).as_supplier == supplier
    supplier.customers.add(it.restaurant_ptr)
    assert [s.name for s in Supplier.objects.filter(customers__name="Da Mario")] == ["Flour Co"]
    assert [c.name for c in supplier.customers.all()] == ["Da Mario"]


@pytest.mark.usefixtures("tables")
def test_delete_removes_every_row_in_one_transaction():
    it = ItalianRestaurant.objects.create(name="Da Mario", chef="Mario")
    Review.objects.create(place=it, stars=3)
    plain = Restaurant.objects.create(name="Plain")
    total, per_model = it.delete()
    assert per_model == {"inheritance_tests.ItalianRestaurant": 1, "inheritance_tests.Restaurant": 1,
                         "inheritance_tests.Place": 1, "inheritance_tests.Review": 1}
    assert total == 4 and not Place.objects.filter(name="Da Mario").exists()
    Place.objects.get(pk=plain.pk).delete()  # deleting the parent cascades to the child
    assert Restaurant.objects.count() == 0 and Place.objects.count() == 0
    kept = Restaurant.objects.create(name="Keeps its place")
    kept.delete(keep_parents=True)
    assert Restaurant.objects.count() == 0 and Place.objects.filter(name="Keeps its place").exists()


@pytest.mark.usefixtures("tables")
def test_a_failed_child_insert_leaves_no_parent_row():
    Restaurant.objects.create(name="First", licence="L-1")
    with pytest.raises(IntegrityError):
        Restaurant(name="Second", licence="L-1").save()  # the parent row goes in, the child's fails
    assert Place.objects.count() == 1 and Restaurant.objects.count() == 1
    with transaction.atomic():
        Restaurant.objects.create(name="Inside", licence="L-2")
    assert Place.objects.count() == 2


@pytest.mark.usefixtures("tables")
def test_proxy_models_share_the_table_with_their_own_behaviour():
    Place.objects.create(name="Alpha", address="1 A St")
    Place.objects.create(name="Beta", address="")
    Place.objects.create(name="Gamma", address="3 G St")
    assert [p.name for p in AddressedPlace.objects.all()] == ["Gamma", "Alpha"]  # own manager and ordering
    proxy = AddressedPlace.objects.get(name="Alpha")
    assert proxy.describe() == "addressed Alpha at 1 A St" and Place.objects.get(name="Alpha").describe() == "place Alpha"
    assert proxy == Place.objects.get(name="Alpha")
    created = AddressedPlace.objects.create(name="Delta", address="4 D St")
    assert Place.objects.get(pk=created.pk).name == "Delta"
    created.address = "moved"
    created.save()
    assert Place.objects.get(pk=created.pk).address == "moved"
    Review.objects.create(place=created, stars=1)
    assert [p.name for p in AddressedPlace.objects.filter(reviews__stars=1)] == ["Delta"]
    total, per_model = created.delete()
    assert per_model == {"inheritance_tests.AddressedPlace": 1, "inheritance_tests.Review": 1}
    assert not Place.objects.filter(name="Delta").exists()


def test_bad_proxies_are_refused():
    with pytest.raises(TypeError) as info:
        class NoBase(models.Model):
            class Meta:
                app_label = "inheritance_bad"
                proxy = True
    assert "has no non-abstract model base class" in "%s" % info.value
    with pytest.raises(FieldError):
        class WithField(Place):
            extra = models.IntegerField()

            class Meta:
                app_label = "inheritance_bad"
                proxy = True
