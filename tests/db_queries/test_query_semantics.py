"""Multi-valued join semantics, database functions, expression values() and queryset odds and ends."""
from __future__ import absolute_import, unicode_literals

import copy

import pytest

from pyframework.db import models
from pyframework.db.models import Count, F, Q
from pyframework.db.models.functions import Coalesce, Length, Lower, Upper
from pyframework.db.models.query import EmptyQuerySet

from queries_models import ALL_MODELS, Author, Book, Publisher


@pytest.fixture
def shelf(db, create_tables):
    create_tables(*ALL_MODELS)
    ann = Author.objects.create(name="Ann", age=40)
    bob = Author.objects.create(name="Bob", age=25, email="BOB@example.com")
    Book.objects.create(title="red", author=ann, pages=10)
    Book.objects.create(title="blue", author=ann, pages=200)
    Book.objects.create(title="red", author=bob, pages=300)
    return ann, bob


def names(queryset):
    return sorted(a.name for a in queryset)


def test_multi_valued_filter_chaining(shelf):
    # One filter() call: the same book must match both conditions.
    assert names(Author.objects.filter(books__title="red", books__pages__gt=100)) == ["Bob"]
    # Chained filter() calls: each condition may match a different book.
    assert names(Author.objects.filter(books__title="red").filter(books__pages__gt=100).distinct()) == [
        "Ann", "Bob"]


def test_ordering_by_relation_uses_related_meta_ordering(shelf):
    aaron = Author.objects.create(name="Aaron")
    Book.objects.create(title="green", author=aaron, pages=1)
    assert [b.author.name for b in Book.objects.order_by("author", "pages")] == ["Aaron", "Ann", "Ann", "Bob"]
    assert [b.author.name for b in Book.objects.order_by("-author", "pages")] == ["Bob", "Ann", "Ann", "Aaron"]
    assert [b.author_id for b in Book.objects.order_by("author_id", "pages")][0] == shelf[0].pk


def test_functions(shelf):
    assert list(Author.objects.annotate(low=Lower("name")).values_list("low", flat=True)) == ["ann", "bob"]
    assert list(Author.objects.values_list(Upper("name"), flat=True)) == ["ANN", "BOB"]
    assert names(Author.objects.annotate(n=Length("name")).filter(n=3)) == ["Ann", "Bob"]
    emails = dict(Author.objects.annotate(e=Coalesce("email", models.Value("none"))).values_list("name", "e"))
    assert emails == {"Ann": "none", "Bob": "BOB@example.com"}
    assert list(Author.objects.values(shout=Upper("name")).order_by("shout")) == [
        {"shout": "ANN"}, {"shout": "BOB"}]
    with pytest.raises(ValueError):
        Coalesce("email")


def test_transform_lookup_registration(shelf):
    models.CharField.register_lookup(Lower)
    try:
        assert names(Author.objects.filter(name__lower="bob")) == ["Bob"]
        assert names(Author.objects.filter(email__lower__startswith="bob")) == ["Bob"]
    finally:
        models.CharField._unregister_lookup(Lower)
    from pyframework.db.models.query_utils import FieldError
    with pytest.raises(FieldError):
        list(Author.objects.filter(name__lower="bob"))


def test_values_with_expressions_and_f(shelf):
    rows = list(Book.objects.order_by("pages").values("title", double=F("pages") * 2))
    assert rows[0] == {"title": "red", "double": 20}
    assert list(Book.objects.order_by("pages").values_list("author__name", flat=True)) == ["Ann", "Ann", "Bob"]


def test_empty_and_copies(shelf):
    assert isinstance(Author.objects.none(), EmptyQuerySet)
    assert not isinstance(Author.objects.all(), EmptyQuerySet)
    queryset = Author.objects.filter(age__gt=30)
    clone = copy.deepcopy(queryset)
    assert names(clone) == ["Ann"] and names(queryset) == ["Ann"]
    assert not Author.objects.filter(pk__in=[]).exists()
    assert names(Author.objects.exclude(pk__in=[])) == ["Ann", "Bob"]
    assert names(Author.objects.filter(Q(pk__in=[]) | Q(name="Bob"))) == ["Bob"]


def test_sql_uses_parameters_for_every_value(shelf):
    queryset = Book.objects.filter(title__in=["x", "y"], pages__range=(1, 5)).exclude(
        author__name__icontains="it's").order_by("title")[:3]
    sql, params = queryset.query.sql_with_params()
    for value in ("x", "y", "it's", "'x'"):
        assert value not in sql
    assert "x" in params and "y" in params and 1 in params and 5 in params
    assert list(queryset) == []


def test_get_latest_by_and_first_without_ordering(shelf):
    assert Book.objects.order_by().first().title == "red"
    assert Book.objects.order_by().last().pages == 300
    with pytest.raises(ValueError):
        Book.objects.latest()
    assert Book.objects.filter(pages__gt=1000).first() is None


def test_annotation_name_conflicts(shelf):
    with pytest.raises(ValueError):
        Author.objects.annotate(name=Count("books"))
    with pytest.raises(TypeError):
        Author.objects.annotate(Count("books") + 1)
    assert Publisher.objects.aggregate(n=Count("id")) == {"n": 0}
