"""The compiled-SQL cache of SQLCompiler.as_sql: a query shape seen before reuses its SELECT list,
FROM and ORDER BY/LIMIT; only the WHERE clause (the parameters) is compiled again.

Every check compares the cached compilation with a compilation that bypasses the cache, for the
same query, so a stale or wrongly keyed entry shows up as different SQL or parameters.
"""
from __future__ import absolute_import, unicode_literals

import datetime

import pytest

from pyframework.db.models import Count, F, Q
from pyframework.db.models.sql import compiler as sql_compiler

from queries_models import ALL_MODELS, Author, Book, Publisher


@pytest.fixture
def shelf(db, create_tables):
    create_tables(*ALL_MODELS)
    ann = Author.objects.create(name="Ann", age=40)
    bob = Author.objects.create(name="Bob", age=25, email="bob@example.com")
    press = Publisher.objects.create(name="Press")
    for number in range(6):
        Book.objects.create(title="Book %d" % number, author=ann if number % 2 else bob, pages=100 + number,
                            publisher=press if number < 3 else None, published=datetime.date(2020, 1, 1 + number))
    return db


def compiled(queryset, cached=True):
    compiler = queryset.query.get_compiler(using=queryset.db)
    compiler.use_shape_cache = cached
    return compiler.as_sql()


def _current():
    from pyframework.db import connections
    return connections["default"]


QUERIES = [
    lambda: Book.objects.all(),
    lambda: Book.objects.order_by("id")[:20],
    lambda: Book.objects.order_by("-pages", "title")[2:4],
    lambda: Book.objects.filter(pages__gte=102).order_by("pk"),
    lambda: Book.objects.filter(Q(title__startswith="Book") | Q(pages=100)).exclude(published=None),
    lambda: Book.objects.filter(author__name="Ann").order_by("title"),
    lambda: Book.objects.filter(publisher__isnull=True),
    lambda: Book.objects.filter(pages__in=[100, 101, 105]),
    lambda: Book.objects.defer("price").order_by("id"),
    lambda: Book.objects.only("title").order_by("id")[:3],
    lambda: Author.objects.all(),  # Meta.ordering
    lambda: Author.objects.filter(books__pages__gt=103).distinct(),
    lambda: Book.objects.select_related("author").order_by("id"),
    lambda: Book.objects.order_by("author__name", "id"),
    lambda: Book.objects.annotate(n=Count("tags")).order_by("id"),
    lambda: Book.objects.filter(pages__gt=F("author__age")),
    lambda: Book.objects.values("title").order_by("title"),
    lambda: Book.objects.reverse().order_by("id"),
]


@pytest.mark.parametrize("make", QUERIES, ids=["q%d" % n for n in range(len(QUERIES))])
def test_cached_sql_equals_a_fresh_compilation(shelf, make):
    fresh = compiled(make(), cached=False)
    first = compiled(make())
    again = compiled(make())  # a hit when the shape qualifies
    assert first == fresh
    assert again == fresh
    # The rows too: the cached parts drive how rows become objects.
    assert [repr(row) for row in make()] == [repr(row) for row in make()]


def test_a_shape_is_compiled_once_and_parameters_still_differ(shelf):
    conn = _current()
    sql_compiler._compiled_shapes(conn).clear()
    ann = compiled(Book.objects.filter(author__name="Ann", pages__gte=101).order_by("id")[:2])
    assert len(sql_compiler._compiled_shapes(conn)) == 1
    bob = compiled(Book.objects.filter(author__name="Bob", pages__gte=100).order_by("id")[:2])
    assert len(sql_compiler._compiled_shapes(conn)) == 1  # the same shape: reused
    assert ann[0] == bob[0]
    assert list(ann[1]) == ["Ann", 101] and list(bob[1]) == ["Bob", 100]
    assert [b.title for b in Book.objects.filter(author__name="Ann", pages__gte=101).order_by("id")[:2]] == \
        ["Book 1", "Book 3"]
    assert [b.title for b in Book.objects.filter(author__name="Bob", pages__gte=100).order_by("id")[:2]] == \
        ["Book 0", "Book 2"]
    # Another slice, another ordering: other shapes with their own SQL.
    other = compiled(Book.objects.filter(author__name="Bob", pages__gte=100).order_by("id")[2:4])
    assert other[0] != bob[0]
    assert compiled(Book.objects.filter(author__name="Bob").order_by("-id"))[0] != bob[0]
    assert len(sql_compiler._compiled_shapes(conn)) == 3


def test_shapes_that_add_joins_or_parameters_outside_where_are_not_cached(shelf):
    conn = _current()
    sql_compiler._compiled_shapes(conn).clear()
    for queryset in (Book.objects.select_related("author"), Book.objects.order_by("author__name"),
                     Book.objects.annotate(n=Count("tags")), Book.objects.values("title"),
                     Author.objects.distinct()):
        compiled(queryset)
    assert sql_compiler._compiled_shapes(conn) == {}


def test_the_page_query_costs_one_statement_per_evaluation(shelf, assert_num_queries):
    for _ in range(3):
        with assert_num_queries(1) as captured:
            titles = [book.title for book in Book.objects.order_by("id")[:4]]
        assert titles == ["Book 0", "Book 1", "Book 2", "Book 3"]
    assert captured.captured[0][0] == compiled(Book.objects.order_by("id")[:4], cached=False)[0]
