"""Paginator and Page: page sizes, orphans, empty lists, bad page numbers, elided ranges, QuerySets."""
from __future__ import unicode_literals

import warnings

import pytest

from pyframework.core.paginator import (
    EmptyPage, InvalidPage, PageNotAnInteger, Paginator, UnorderedObjectListWarning,
)
from pyframework.db import models


class Entry(models.Model):
    n = models.IntegerField()

    class Meta:
        app_label = "paginator_tests"


class OrderedEntry(models.Model):
    n = models.IntegerField()

    class Meta:
        app_label = "paginator_tests"
        ordering = ["n"]


@pytest.mark.parametrize("count, per_page, orphans, allow_empty, num_pages", [
    (10, 5, 0, True, 2), (10, 3, 0, True, 4), (10, 3, 1, True, 3), (10, 3, 2, True, 3),
    (10, 4, 2, True, 2), (1, 4, 2, True, 1), (0, 4, 0, True, 1), (0, 4, 0, False, 0),
    (0, 4, 2, False, 0), (4, 4, 4, True, 1),
])
def test_num_pages(count, per_page, orphans, allow_empty, num_pages):
    paginator = Paginator(list(range(count)), per_page, orphans=orphans, allow_empty_first_page=allow_empty)
    assert paginator.count == count
    assert paginator.num_pages == num_pages
    assert list(paginator.page_range) == list(range(1, num_pages + 1))


def test_pages_with_orphans_merge_into_the_last():
    paginator = Paginator(list(range(1, 11)), 3, orphans=1)
    assert list(paginator.page(3)) == [7, 8, 9, 10]
    page = paginator.page(2)
    assert list(page) == [4, 5, 6] and len(page) == 3 and page[0] == 4 and page[-1] == 6
    assert (page.start_index(), page.end_index()) == (4, 6)
    assert (page.has_next(), page.has_previous(), page.has_other_pages()) == (True, True, True)
    assert (page.next_page_number(), page.previous_page_number()) == (3, 1)
    last = paginator.page(3)
    assert (last.start_index(), last.end_index()) == (7, 10)
    with pytest.raises(EmptyPage):
        last.next_page_number()
    with pytest.raises(EmptyPage):
        paginator.page(1).previous_page_number()
    assert repr(last) == "<Page 3 of 3>"
    assert [p.number for p in paginator] == [1, 2, 3]


@pytest.mark.parametrize("bad, error", [
    ("abc", PageNotAnInteger), (None, PageNotAnInteger), (1.5, PageNotAnInteger), ("1.0", PageNotAnInteger),
    (0, EmptyPage), (-1, EmptyPage), (5, EmptyPage), ("9" * 30, EmptyPage), (float("inf"), PageNotAnInteger),
])
def test_invalid_numbers(bad, error):
    paginator = Paginator([1, 2, 3], 2)
    with pytest.raises(error):
        paginator.page(bad)
    assert issubclass(error, InvalidPage)


def test_number_strings_and_floats_that_are_integers():
    paginator = Paginator([1, 2, 3], 2)
    assert paginator.page("2").number == 2
    assert paginator.page(2.0).number == 2


def test_get_page_falls_back_to_first_or_last():
    paginator = Paginator(list(range(10)), 3)
    assert paginator.get_page("x").number == 1
    assert paginator.get_page(None).number == 1
    assert paginator.get_page(99).number == 4
    assert paginator.get_page(0).number == 4
    assert Paginator([], 3).get_page(5).number == 1


def test_empty_list():
    paginator = Paginator([], 3)
    page = paginator.page(1)
    assert list(page) == [] and (page.start_index(), page.end_index()) == (0, 0)
    assert not page.has_other_pages()
    with pytest.raises(EmptyPage):
        Paginator([], 3, allow_empty_first_page=False).page(1)


def test_per_page_must_be_positive():
    with pytest.raises(ValueError):
        Paginator([1], 0)


def test_page_index_type():
    with pytest.raises(TypeError):
        Paginator([1, 2], 2).page(1)["x"]


@pytest.mark.parametrize("number, expected", [
    (1, [1, 2, 3, 4, "\u2026", 49, 50]),
    (10, [1, 2, "\u2026", 7, 8, 9, 10, 11, 12, 13, "\u2026", 49, 50]),
    (50, [1, 2, "\u2026", 47, 48, 49, 50]),
    (45, [1, 2, "\u2026", 42, 43, 44, 45, 46, 47, 48, 49, 50]),
])
def test_elided_page_range(number, expected):
    paginator = Paginator(list(range(100)), 2)
    assert list(paginator.get_elided_page_range(number)) == expected


def test_elided_page_range_short_is_complete():
    paginator = Paginator(list(range(20)), 2)
    assert list(paginator.get_elided_page_range(5)) == list(range(1, 11))
    assert list(Paginator(list(range(20)), 2).get_elided_page_range(3, on_each_side=1, on_ends=1)) == [
        1, 2, 3, 4, "\u2026", 10]


def test_queryset_is_counted_and_sliced(db, create_tables, assert_num_queries):
    create_tables(OrderedEntry)
    for n in range(7):
        OrderedEntry.objects.create(n=n)
    paginator = Paginator(OrderedEntry.objects.all(), 3)
    with assert_num_queries(2) as captured:
        page = paginator.page(3)
        values = [entry.n for entry in page]
    assert values == [6]
    assert "COUNT" in captured.captured[0][0].upper()
    with assert_num_queries(1):
        assert [entry.n for entry in paginator.page(2)] == [3, 4, 5]


def test_unordered_queryset_warns(db, create_tables):
    create_tables(Entry)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        Paginator(Entry.objects.all(), 2)
        Paginator(Entry.objects.order_by("n"), 2)
    relevant = [w for w in caught if issubclass(w.category, UnorderedObjectListWarning)]
    assert len(relevant) == 1
    assert "Entry" in str(relevant[0].message)
