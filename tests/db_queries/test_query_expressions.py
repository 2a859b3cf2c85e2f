"""Subqueries, Exists/OuterRef, set operations, nested joins, regex, locking and write helpers."""
from __future__ import absolute_import, unicode_literals

import pytest

from pyframework.db import IntegrityError, connection, models, transaction
from pyframework.db.models import Count, Exists, F, OuterRef, Q, Subquery, Sum

from queries_models import ALL_MODELS, Author, Book, Tag


class Country(models.Model):
    name = models.CharField(max_length=40)

    class Meta:
        app_label = "db_queries_more"


class City(models.Model):
    name = models.CharField(max_length=40)
    country = models.ForeignKey(Country, on_delete=models.CASCADE, null=True)

    class Meta:
        app_label = "db_queries_more"


class Person(models.Model):
    name = models.CharField(max_length=40)
    city = models.ForeignKey(City, on_delete=models.SET_NULL, null=True)
    boss = models.ForeignKey("self", on_delete=models.SET_NULL, null=True, related_name="staff")

    class Meta:
        app_label = "db_queries_more"
        ordering = ["name"]


class Profile(models.Model):
    person = models.OneToOneField(Person, on_delete=models.CASCADE, related_name="profile")
    bio = models.TextField(default="")

    class Meta:
        app_label = "db_queries_more"


@pytest.fixture
def people(db, create_tables):
    create_tables(Country, City, Person, Profile)
    fr = Country.objects.create(name="France")
    paris = City.objects.create(name="Paris", country=fr)
    nowhere = City.objects.create(name="Nowhere")
    alice = Person.objects.create(name="Alice", city=paris)
    bert = Person.objects.create(name="Bert", city=nowhere, boss=alice)
    carl = Person.objects.create(name="Carl", boss=alice)
    Profile.objects.create(person=alice, bio="chief")
    return {"fr": fr, "paris": paris, "nowhere": nowhere, "alice": alice, "bert": bert, "carl": carl}


@pytest.fixture
def books(db, create_tables):
    create_tables(*ALL_MODELS)
    ann = Author.objects.create(name="Ann", age=40)
    bob = Author.objects.create(name="Bob", age=25)
    Author.objects.create(name="Cid", age=33)
    Book.objects.create(title="a1", author=ann, pages=10)
    Book.objects.create(title="a2", author=ann, pages=50)
    Book.objects.create(title="b1", author=bob, pages=30)
    return ann, bob


def names(queryset):
    return [obj.name for obj in queryset]


def test_nested_select_related_and_nullable_chain(people, assert_num_queries):
    with assert_num_queries(1):
        rows = [(p.name, p.city and p.city.name, p.city and p.city.country and p.city.country.name)
                for p in Person.objects.select_related("city__country")]
    assert rows == [("Alice", "Paris", "France"), ("Bert", "Nowhere", None), ("Carl", None, None)]
    with assert_num_queries(1):
        assert [(p.name, p.boss and p.boss.name) for p in Person.objects.select_related("boss")] == [
            ("Alice", None), ("Bert", "Alice"), ("Carl", "Alice")]
    from pyframework.db.models.query_utils import FieldError
    with pytest.raises(FieldError):
        list(Person.objects.select_related("nope"))


def test_self_and_reverse_relations(people, assert_num_queries):
    assert names(Person.objects.filter(boss__name="Alice")) == ["Bert", "Carl"]
    assert names(Person.objects.filter(staff__name="Carl")) == ["Alice"]
    assert names(Person.objects.filter(city__country__name="France")) == ["Alice"]
    assert names(Person.objects.filter(city__country__isnull=True)) == ["Bert", "Carl"]
    assert names(Person.objects.filter(profile__bio="chief")) == ["Alice"]
    assert names(Person.objects.filter(profile__isnull=True)) == ["Bert", "Carl"]
    assert names(Person.objects.exclude(city__name="Paris")) == ["Bert", "Carl"]
    assert names(Person.objects.filter(Q(city__name="Paris") | Q(boss__name="Alice"))) == ["Alice", "Bert", "Carl"]
    assert names(Person.objects.filter(~Q(city__name="Paris") & ~Q(name="Carl"))) == ["Bert"]
    with assert_num_queries(2):
        staff = dict((p.name, sorted(s.name for s in p.staff.all())) for p in Person.objects.prefetch_related("staff"))
    assert staff == {"Alice": ["Bert", "Carl"], "Bert": [], "Carl": []}
    with assert_num_queries(2):
        bios = [getattr(p.profile, "bio", None) if hasattr(p, "profile") else None
                for p in Person.objects.prefetch_related("profile")]
    assert bios[0] == "chief"
    with assert_num_queries(3):
        countries = [(p.name, p.city and p.city.country and p.city.country.name)
                     for p in Person.objects.prefetch_related("city__country")]
    assert countries[0] == ("Alice", "France")


def test_in_subquery_exists_and_outer_ref(books):
    old = Author.objects.filter(age__gt=30)
    assert sorted(Book.objects.filter(author__in=old).values_list("title", flat=True)) == ["a1", "a2"]
    assert sorted(Book.objects.filter(author__in=old.values("pk")).values_list("title", flat=True)) == ["a1", "a2"]
    has_books = Exists(Book.objects.filter(author=OuterRef("pk")))
    assert names(Author.objects.filter(has_books)) == ["Ann", "Bob"]
    assert names(Author.objects.filter(~has_books)) == ["Cid"]
    flags = dict(Author.objects.annotate(has=has_books).values_list("name", "has"))
    assert flags == {"Ann": True, "Bob": True, "Cid": False}
    longest = Book.objects.filter(author=OuterRef("pk")).order_by("-pages").values("title")[:1]
    assert list(Author.objects.annotate(longest=Subquery(longest)).values_list("name", "longest")) == [
        ("Ann", "a2"), ("Bob", "b1"), ("Cid", None)]
    big = Book.objects.filter(author=OuterRef("pk"), pages__gt=F("author__age"))
    assert names(Author.objects.filter(Exists(big))) == ["Ann", "Bob"]


def test_combining_querysets(books):
    assert names(Author.objects.filter(name="Ann") | Author.objects.filter(age__lt=30)) == ["Ann", "Bob"]
    assert names(Author.objects.filter(age__gt=20) & Author.objects.filter(name__startswith="C")) == ["Cid"]
    union = Author.objects.filter(name="Ann").union(Author.objects.filter(name="Cid"))
    assert sorted(union.values_list("name", flat=True)) == ["Ann", "Cid"]
    assert sorted(a.name for a in union) == ["Ann", "Cid"]
    assert names(Author.objects.none() | Author.objects.filter(name="Bob")) == ["Bob"]


def test_annotation_ordering_and_filters(books):
    ranked = Author.objects.annotate(total=Sum("books__pages")).order_by(F("total").desc(nulls_last=True))
    assert [(a.name, a.total) for a in ranked] == [("Ann", 60), ("Bob", 30), ("Cid", None)]
    assert list(Author.objects.annotate(n=Count("books")).filter(n=0).values_list("name", flat=True)) == ["Cid"]
    assert list(Author.objects.annotate(n=Count("books")).filter(Q(n__gt=1) | Q(name="Cid")).values_list(
        "name", flat=True)) == ["Ann", "Cid"]
    assert [b.title for b in Book.objects.order_by("-author__name", "title")] == ["b1", "a1", "a2"]
    values = list(Author.objects.values("name").annotate(pages=Sum("books__pages")).order_by("name"))
    assert values[0] == {"name": "Ann", "pages": 60}
    assert Author.objects.annotate(n=Count("books")).count() == 3
    assert Author.objects.filter(books__pages__gt=5).count() == 3
    assert Author.objects.filter(books__pages__gt=5).distinct().count() == 2


def test_regex_lookup(books):
    from pyframework.db import NotSupportedError
    try:
        found = sorted(Book.objects.filter(title__regex=r"^a[0-9]$").values_list("title", flat=True))
        found_i = sorted(Book.objects.filter(title__iregex=r"^B").values_list("title", flat=True))
    except (NotSupportedError, NotImplementedError):
        pytest.skip("%s has no regular expressions" % connection.vendor)
    assert found == ["a1", "a2"]
    assert found_i == ["b1"]


def test_select_for_update_in_atomic(books, assert_num_queries):
    with transaction.atomic():
        with assert_num_queries(1) as captured:
            locked = list(Author.objects.select_for_update().filter(name="Ann"))
        assert names(locked) == ["Ann"]
        sql = captured.captured[0][0].upper()
        assert ("FOR UPDATE" in sql) == bool(connection.features.has_select_for_update)
        if connection.features.has_select_for_update and not connection.features.has_select_for_update_skip_locked:
            from pyframework.db import NotSupportedError
            with pytest.raises(NotSupportedError):
                list(Author.objects.select_for_update(skip_locked=True))
    if connection.features.has_select_for_update:
        from pyframework.db.transaction import TransactionManagementError
        with pytest.raises(TransactionManagementError):
            list(Author.objects.select_for_update())


def test_bulk_create_sets_pks_and_get_or_create_retries(books, monkeypatch):
    tags = Tag.objects.bulk_create([Tag(label="t%d" % i) for i in range(4)])
    assert Tag.objects.count() == 4
    if connection.features.can_return_rows_from_bulk_insert:
        assert all(t.pk is not None for t in tags)
        assert sorted(t.pk for t in tags) == sorted(Tag.objects.values_list("pk", flat=True))
    Tag.objects.create(label="dup")
    # Simulate losing a race: the first get() misses, the INSERT then hits the unique constraint.
    real_get = type(Tag.objects.all()).get
    calls = []

    def flaky_get(self, *args, **kwargs):
        calls.append(kwargs)
        if len(calls) == 1:
            raise Tag.DoesNotExist("missed")
        return real_get(self, *args, **kwargs)

    monkeypatch.setattr(type(Tag.objects.all()), "get", flaky_get)
    tag, created = Tag.objects.get_or_create(label="dup")
    assert not created and tag.label == "dup" and len(calls) == 2
    monkeypatch.undo()
    with pytest.raises(IntegrityError):
        Tag.objects.create(label="dup")
    assert Tag.objects.filter(label="dup").count() == 1


def test_update_and_delete_across_joins(books):
    assert Book.objects.filter(author__name="Ann").update(pages=F("pages") + 1) == 2
    assert sorted(Book.objects.values_list("pages", flat=True)) == [11, 30, 51]
    deleted, per_model = Book.objects.filter(author__age__lt=30).delete()
    assert deleted == 1 and Book.objects.count() == 2
    assert Book.objects.filter(pk__in=[]).update(pages=0) == 0


def test_iterator_streams_in_chunks(books):
    for i in range(7):
        Tag.objects.create(label="it%d" % i)
    labels = [t.label for t in Tag.objects.order_by("label").iterator(chunk_size=3)]
    assert labels == ["it%d" % i for i in range(7)]
    assert list(Tag.objects.filter(label="none").iterator()) == []
    with pytest.raises(ValueError):
        Tag.objects.iterator(chunk_size=0)
