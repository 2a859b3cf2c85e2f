"""Paginator: splits a list or QuerySet into numbered pages.

A QuerySet is only counted (``count()``) and sliced per page, so a page of a
large table costs two small queries, never a full fetch.
"""
from __future__ import absolute_import, division, unicode_literals

import math
import warnings

from pyframework.utils.compat import integer_types, range, text_type
from pyframework.utils.functional import cached_property


class UnorderedObjectListWarning(RuntimeWarning):
    """Pages of an unordered QuerySet may overlap or skip rows between requests."""


class InvalidPage(Exception):
    pass


class PageNotAnInteger(InvalidPage):
    pass


class EmptyPage(InvalidPage):
    pass


class Paginator(object):
    """``per_page`` objects a page; a last page of ``orphans`` objects or fewer joins the one before."""

    ELLIPSIS = "\u2026"

    def __init__(self, object_list, per_page, orphans=0, allow_empty_first_page=True, error_messages=None):
        self.object_list = object_list
        self._check_object_list_is_ordered()
        self.per_page = int(per_page)
        self.orphans = int(orphans)
        if self.per_page <= 0:
            raise ValueError("per_page must be a positive number, not %r." % (per_page,))
        self.allow_empty_first_page = allow_empty_first_page
        self.error_messages = {
            "invalid_page": "That page number is not an integer",
            "min_page": "That page number is less than 1",
            "no_results": "That page contains no results",
        }
        self.error_messages.update(error_messages or {})

    def __iter__(self):
        for number in self.page_range:
            yield self.page(number)

    def validate_number(self, number):
        """``number`` as an int within the page range; PageNotAnInteger or EmptyPage otherwise."""
        try:
            if isinstance(number, float) and not number.is_integer():
                raise ValueError
            number = int(number)
        except (TypeError, ValueError, OverflowError):
            raise PageNotAnInteger(self.error_messages["invalid_page"])
        if number < 1:
            raise EmptyPage(self.error_messages["min_page"])
        if number > self.num_pages:
            if number == 1 and self.allow_empty_first_page:
                return number
            raise EmptyPage(self.error_messages["no_results"])
        return number

    def get_page(self, number):
        """Like page(), but a bad number gives the first page and one past the end the last."""
        try:
            number = self.validate_number(number)
        except PageNotAnInteger:
            number = 1
        except EmptyPage:
            number = max(self.num_pages, 1)
        return self.page(number)

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        return self._get_page(self.object_list[bottom:top], number, self)

    def _get_page(self, *args, **kwargs):
        """The Page class to build; subclasses may return their own."""
        return Page(*args, **kwargs)

    @cached_property
    def count(self):
        """Total number of objects: ``count()`` when the list has one (QuerySet), else ``len()``."""
        count = getattr(self.object_list, "count", None)
        if callable(count) and not isinstance(self.object_list, (list, tuple)):
            return count()
        return len(self.object_list)

    @cached_property
    def num_pages(self):
        if self.count == 0 and not self.allow_empty_first_page:
            return 0
        hits = max(1, self.count - self.orphans)
        return int(math.ceil(hits / self.per_page))

    @property
    def page_range(self):
        """The 1-based page numbers."""
        return range(1, self.num_pages + 1)

    def _check_object_list_is_ordered(self):
        ordered = getattr(self.object_list, "ordered", None)
        if ordered is not None and not ordered:
            model = getattr(self.object_list, "model", None)
            label = "%s %s" % (model.__name__, type(self.object_list).__name__) if model is not None else \
                text_type(type(self.object_list).__name__)
            warnings.warn("Pagination may yield inconsistent results with an unordered object_list: %s. "
                          "Add order_by() or Meta.ordering." % label, UnorderedObjectListWarning, stacklevel=3)

    def get_elided_page_range(self, number=1, on_each_side=3, on_ends=2):
        """Page numbers around ``number`` and at both ends, with ``ELLIPSIS`` for the gaps.

        For long ranges: 1 2 ... 7 8 9 10 11 12 13 ... 49 50.
        """
        number = self.validate_number(number)
        if self.num_pages <= (on_each_side + on_ends) * 2:
            for page_number in self.page_range:
                yield page_number
            return
        if number > 1 + on_each_side + on_ends + 1:
            for page_number in range(1, on_ends + 1):
                yield page_number
            yield self.ELLIPSIS
            start = number - on_each_side
        else:
            start = 1
        if number < self.num_pages - on_each_side - on_ends - 1:
            for page_number in range(start, number + on_each_side + 1):
                yield page_number
            yield self.ELLIPSIS
            for page_number in range(self.num_pages - on_ends + 1, self.num_pages + 1):
                yield page_number
        else:
            for page_number in range(start, self.num_pages + 1):
                yield page_number


class Page(object):
    """One page: a sequence of its objects plus navigation helpers."""

    def __init__(self, object_list, number, paginator):
        self.object_list = object_list
        self.number = number
        self.paginator = paginator

    def __repr__(self):
        return "<Page %s of %s>" % (self.number, self.paginator.num_pages)

    def __len__(self):
        return len(self.object_list)

    def __getitem__(self, index):
        if not isinstance(index, integer_types + (slice,)):
            raise TypeError("Page indices must be integers or slices, not %s." % type(index).__name__)
        # A sliced QuerySet runs its query once here, then indexing is in memory.
        if not isinstance(self.object_list, list):
            self.object_list = list(self.object_list)
        return self.object_list[index]

    def __iter__(self):
        return iter(self.object_list)

    def has_next(self):
        return self.number < self.paginator.num_pages

    def has_previous(self):
        return self.number > 1

    def has_other_pages(self):
        return self.has_previous() or self.has_next()

    def next_page_number(self):
        return self.paginator.validate_number(self.number + 1)

    def previous_page_number(self):
        return self.paginator.validate_number(self.number - 1)

    def start_index(self):
        """1-based index of the page's first object (0 for an empty list)."""
        if self.paginator.count == 0:
            return 0
        return (self.paginator.per_page * (self.number - 1)) + 1

    def end_index(self):
        """1-based index of the page's last object."""
        if self.number == self.paginator.num_pages:
            return self.paginator.count
        return self.number * self.paginator.per_page
