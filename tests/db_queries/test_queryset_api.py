"""QuerySet API over every test database: filters, lookups, ordering, slicing, values, aggregates, writes."""
from __future__ import absolute_import, unicode_literals

import datetime
import decimal

import pytest

from pyframework.db import models
from pyframework.db.models import Avg, Count, F, Max, Min, Q, Sum

from queries_models import ALL_MODELS, Author, Book, Publisher, Tag


@pytest.fixture
def library(db, create_tables):
    create_tables(*ALL_MODELS)
    ann = Author.objects.create(name="Ann", age=40, email="ann@example.com")
    bob = Author.objects.create(name="Bob", age=25)
    cid = Author.objects.create(name="Cid", age=33)
    pub = Publisher.objects.create(name="Pub")
    x, y = Tag.objects.create(label="x"), Tag.objects.create(label="y")
    b1 = Book.objects.create(title="First 100% true", author=ann, publisher=pub, pages=10,
                             price=decimal.Decimal("9.50"), published=datetime.date(2020, 5, 17))
    b2 = Book.objects.create(title="Second_one", author=ann, pages=20, price=decimal.Decimal("20.00"),
                             published=datetime.date(2021, 1, 2))
    b3 = Book.objects.create(title="third", author=bob, pages=30, price=decimal.Decimal("1.25"))
    b1.tags.add(x, y)
    b2.tags.add(x)
    return {"ann": ann, "bob": bob, "cid": cid, "pub": pub, "x": x, "y": y, "b1": b1, "b2": b2, "b3": b3}


def titles(queryset):
    return sorted(queryset.values_list("title", flat=True))


def test_all_filter_exclude_get(library):
    assert [a.name for a in Author.objects.all()] == ["Ann", "Bob", "Cid"]
    assert [a.name for a in Author.objects.filter(age__gte=33)] == ["Ann", "Cid"]
    assert [a.name for a in Author.objects.exclude(age__gte=33)] == ["Bob"]
    assert Author.objects.get(name="Bob").age == 25
    with pytest.raises(Author.DoesNotExist) as info:
        Author.objects.get(name="Nobody")
    assert "Author matching query does not exist" in str(info.value)
    with pytest.raises(Author.MultipleObjectsReturned) as info:
        Author.objects.get(age__gt=1)
    assert "returned 3" in str(info.value)


def test_lookups(library):
    assert titles(Book.objects.filter(title__iexact="THIRD")) == ["third"]
    assert titles(Book.objects.filter(title__contains="100%")) == ["First 100% true"]
    assert titles(Book.objects.filter(title__contains="%")) == ["First 100% true"]
    assert titles(Book.objects.filter(title__contains="_")) == ["Second_one"]
    assert titles(Book.objects.filter(title__icontains="SECOND")) == ["Second_one"]
    assert titles(Book.objects.filter(title__startswith="Fir")) == ["First 100% true"]
    assert titles(Book.objects.filter(title__istartswith="fir")) == ["First 100% true"]
    assert titles(Book.objects.filter(title__endswith="one")) == ["Second_one"]
    assert titles(Book.objects.filter(title__iendswith="IRD")) == ["third"]
    assert titles(Book.objects.filter(pages__in=[10, 30])) == ["First 100% true", "third"]
    assert list(Book.objects.filter(pages__in=[])) == []
    assert titles(Book.objects.filter(pages__range=(15, 30))) == ["Second_one", "third"]
    assert titles(Book.objects.filter(pages__lt=20)) == ["First 100% true"]
    assert titles(Book.objects.filter(pages__lte=20)) == ["First 100% true", "Second_one"]
    assert titles(Book.objects.filter(published__isnull=True)) == ["third"]
    assert titles(Book.objects.filter(published__year=2020)) == ["First 100% true"]
    assert titles(Book.objects.filter(published__month=1)) == ["Second_one"]
    assert titles(Book.objects.filter(published__day=17)) == ["First 100% true"]
    assert titles(Book.objects.filter(published__year__gte=2021)) == ["Second_one"]
    assert titles(Book.objects.filter(price__gt=decimal.Decimal("5"))) == ["First 100% true", "Second_one"]


def test_lookups_across_relations(library):
    assert titles(Book.objects.filter(author__name="Ann")) == ["First 100% true", "Second_one"]
    assert titles(Book.objects.filter(author=library["bob"])) == ["third"]
    assert titles(Book.objects.filter(author_id=library["bob"].pk)) == ["third"]
    assert titles(Book.objects.filter(author__in=[library["bob"]])) == ["third"]
    assert titles(Book.objects.filter(publisher__isnull=True)) == ["Second_one", "third"]
    assert titles(Book.objects.filter(tags__label="y")) == ["First 100% true"]
    names = Author.objects.filter(books__pages__gt=5).distinct().values_list("name", flat=True)
    assert sorted(names) == ["Ann", "Bob"]
    assert sorted(Tag.objects.filter(books__author__name="Ann").distinct().values_list(
        "label", flat=True)) == ["x", "y"]
    assert [a.name for a in Author.objects.filter(books__isnull=True)] == ["Cid"]


def test_exclude_multi_valued_and_nullable(library):
    # Authors without any book titled "third" (Cid has no books at all and stays).
    assert [a.name for a in Author.objects.exclude(books__title="third")] == ["Ann", "Cid"]
    # exclude() on a nullable column keeps the NULL rows.
    assert [a.name for a in Author.objects.exclude(email="ann@example.com")] == ["Bob", "Cid"]
    assert titles(Book.objects.exclude(publisher__name="Pub")) == ["Second_one", "third"]


def test_q_objects(library):
    assert titles(Book.objects.filter(Q(pages=10) | Q(pages=30))) == ["First 100% true", "third"]
    assert titles(Book.objects.filter(~Q(pages=10) & Q(author__name="Ann"))) == ["Second_one"]
    assert titles(Book.objects.filter(Q(publisher__name="Pub") | Q(pages=30))) == ["First 100% true", "third"]
    assert titles(Book.objects.filter(Q(pages=10), title__startswith="F")) == ["First 100% true"]


def test_f_expressions(library):
    assert [a.name for a in Author.objects.filter(age__gt=F("age") - 1)] == ["Ann", "Bob", "Cid"]
    assert titles(Book.objects.filter(pages__gt=F("author__age") - 15)) == ["third"]
    assert Book.objects.filter(author__name="Ann").update(pages=F("pages") * 2 + 1) == 2
    assert sorted(Book.objects.values_list("pages", flat=True)) == [21, 30, 41]


def test_ordering_and_slicing(library, assert_num_queries):
    assert [b.title for b in Book.objects.order_by("-pages")] == ["third", "Second_one", "First 100% true"]
    assert [b.title for b in Book.objects.order_by("author__name", "-pages")] == [
        "Second_one", "First 100% true", "third"]
    assert [a.name for a in Author.objects.all().reverse()] == ["Cid", "Bob", "Ann"]
    assert len(list(Book.objects.order_by("?"))) == 3
    with assert_num_queries(1) as captured:
        page = list(Author.objects.all()[1:3])
    assert [a.name for a in page] == ["Bob", "Cid"]
    sql = captured.captured[0][0]
    assert "LIMIT" in sql.upper() or "FETCH" in sql.upper() or "OFFSET" in sql.upper()
    assert Author.objects.all()[2].name == "Cid"
    with pytest.raises(IndexError):
        Author.objects.all()[10]
    with pytest.raises(ValueError):
        Author.objects.all()[-1]
    assert list(Author.objects.all()[2:2]) == []
    assert Author.objects.first().name == "Ann"
    assert Author.objects.last().name == "Cid"
    assert Book.objects.order_by("pages").first().pages == 10
    assert Book.objects.latest("pages").pages == 30
    assert Book.objects.earliest("pages").pages == 10


def test_values_and_values_list(library):
    assert list(Author.objects.values("name", "age")) == [
        {"name": "Ann", "age": 40}, {"name": "Bob", "age": 25}, {"name": "Cid", "age": 33}]
    rows = list(Book.objects.order_by("pages").values("title", "author__name"))
    assert rows[0] == {"title": "First 100% true", "author__name": "Ann"}
    assert list(Author.objects.values_list("name", "age"))[0] == ("Ann", 40)
    named = list(Author.objects.values_list("name", "age", named=True))
    assert named[1].name == "Bob" and named[1].age == 25
    assert set(Book.objects.values()[0]) >= set(["id", "title", "author_id", "pages"])
    with pytest.raises(TypeError):
        Author.objects.values_list("name", "age", flat=True)


def test_count_exists_in_bulk_none(library):
    assert Book.objects.count() == 3
    assert Book.objects.filter(pages__gt=100).count() == 0
    assert Book.objects.filter(pages=10).exists()
    assert not Book.objects.filter(pages=11).exists()
    bulk = Author.objects.in_bulk([library["ann"].pk, library["bob"].pk])
    assert sorted(a.name for a in bulk.values()) == ["Ann", "Bob"]
    assert Author.objects.in_bulk([]) == {}
    assert list(Author.objects.none()) == []
    assert Author.objects.none().count() == 0
    assert Author.objects.all()[:2].count() == 2
    assert Author.objects.order_by("age").distinct().count() == 3


def test_aggregate_and_annotate(library):
    result = Book.objects.aggregate(Sum("pages"), Max("pages"), Min("pages"), Avg("pages"), n=Count("id"))
    assert result == {"pages__sum": 60, "pages__max": 30, "pages__min": 10, "pages__avg": 20.0, "n": 3}
    assert Book.objects.filter(pages__gt=100).aggregate(Sum("pages"), c=Count("id")) == {
        "pages__sum": None, "c": 0}
    assert Book.objects.aggregate(total=Sum("price"))["total"] == decimal.Decimal("30.75")
    counts = dict(Author.objects.annotate(n=Count("books")).values_list("name", "n"))
    assert counts == {"Ann": 2, "Bob": 1, "Cid": 0}
    annotated = list(Author.objects.annotate(n=Count("books")).filter(n__gte=1).order_by("-n"))
    assert [(a.name, a.n) for a in annotated] == [("Ann", 2), ("Bob", 1)]
    assert Author.objects.aggregate(tags=Count("books__tags", distinct=True))["tags"] == 2
    assert Author.objects.aggregate(tags=Count("books__tags"))["tags"] == 3
    per_age = list(Author.objects.values("age").annotate(n=Count("id")).order_by("age"))
    assert per_age[0] == {"age": 25, "n": 1}
    assert Author.objects.annotate(n=Count("books")).aggregate(Max("n"))["n__max"] == 2
    assert Author.objects.annotate(double=F("age") * 2).get(name="Bob").double == 50


def test_select_related_and_prefetch(library, assert_num_queries):
    with assert_num_queries(1):
        books = list(Book.objects.select_related("author", "publisher").order_by("pages"))
        assert [b.author.name for b in books] == ["Ann", "Ann", "Bob"]
        assert [b.publisher and b.publisher.name for b in books] == ["Pub", None, None]
    with assert_num_queries(1):
        assert [b.author.name for b in Book.objects.select_related().order_by("pages")] == ["Ann", "Ann", "Bob"]
    with assert_num_queries(2):
        authors = list(Author.objects.prefetch_related("books"))
        assert [sorted(b.title for b in a.books.all()) for a in authors] == [
            ["First 100% true", "Second_one"], ["third"], []]
    with assert_num_queries(3):
        books = list(Book.objects.prefetch_related("tags", "author").order_by("pages"))
        assert [sorted(t.label for t in b.tags.all()) for b in books] == [["x", "y"], ["x"], []]
        assert [b.author.name for b in books] == ["Ann", "Ann", "Bob"]
    with assert_num_queries(2):
        authors = list(Author.objects.prefetch_related(
            models.Prefetch("books", queryset=Book.objects.filter(pages__gt=15), to_attr="long_books")))
        assert [[b.title for b in a.long_books] for a in authors] == [["Second_one"], ["third"], []]


def test_prefetch_is_ignored_for_rows_that_are_not_instances(library, assert_num_queries):
    # As in Django: a queryset with prefetch_related() still gives values (the admin's date hierarchy).
    books = Book.objects.prefetch_related("tags").order_by("pages")
    with assert_num_queries(1):
        assert list(books.values_list("pages", flat=True)) == [10, 20, 30]
    with assert_num_queries(1):
        assert [row["title"] for row in books.values("title")] == ["First 100% true", "Second_one", "third"]


def test_writes(library):
    tag, created = Tag.objects.get_or_create(label="x")
    assert not created and tag.pk == library["x"].pk
    tag, created = Tag.objects.get_or_create(label="z")
    assert created and Tag.objects.filter(label="z").exists()
    author, created = Author.objects.update_or_create(name="Bob", defaults={"age": 26})
    assert not created and Author.objects.get(name="Bob").age == 26
    author, created = Author.objects.update_or_create(name="Dee", defaults={"age": 50})
    assert created and author.pk is not None
    made = Tag.objects.bulk_create([Tag(label="b%d" % i) for i in range(5)], batch_size=2)
    assert len(made) == 5 and Tag.objects.filter(label__startswith="b").count() == 5
    assert Book.objects.filter(pages__lt=25).update(title="cheap") == 2
    deleted, per_model = Author.objects.filter(name="Ann").delete()
    assert per_model.get("db_queries.Author") == 1
    assert Book.objects.count() == 1


def test_iterator_and_raw(library):
    assert [a.name for a in Author.objects.iterator(chunk_size=2)] == ["Ann", "Bob", "Cid"]
    from pyframework.db import connection
    table, age = connection.ops.quote_name(Author._meta.db_table), connection.ops.quote_name("age")
    raw = list(Author.objects.raw("SELECT * FROM %s WHERE %s > %%s ORDER BY %s" % (table, age, age), [30]))
    assert [a.name for a in raw] == ["Cid", "Ann"]


def test_values_are_parameters(library):
    query = Book.objects.filter(title="Robert'); DROP TABLE x;--", pages__gt=3).query
    sql, params = query.sql_with_params()
    assert "DROP" not in sql and "Robert'); DROP TABLE x;--" in params and 3 in params
    sql, params = Book.objects.filter(title__contains="a%b").query.sql_with_params()
    assert params == ["%a\\%b%"]
    assert list(Book.objects.filter(title="Robert'); DROP TABLE x;--")) == []


def test_queryset_is_lazy_and_cached(library, assert_num_queries):
    with assert_num_queries(0):
        queryset = Author.objects.filter(age__gt=1).exclude(name="x").order_by("name")
    with assert_num_queries(1):
        assert len(queryset) == 3
        assert bool(queryset)
        assert [a.name for a in queryset] == ["Ann", "Bob", "Cid"]


def test_custom_queryset_manager(library):
    class AuthorQuerySet(models.QuerySet):
        def senior(self):
            return self.filter(age__gte=33)

    manager = AuthorQuerySet.as_manager()
    manager.model = Author
    assert [a.name for a in manager.senior()] == ["Ann", "Cid"]


def test_errors(library):
    from pyframework.db.models.query_utils import FieldError
    with pytest.raises(FieldError) as info:
        list(Author.objects.filter(nope=1))
    assert "nope" in str(info.value) and "name" in str(info.value)
    with pytest.raises(FieldError):
        Author.objects.order_by("nope")
    with pytest.raises(TypeError):
        Author.objects.all()[:1].filter(name="x")
