from __future__ import unicode_literals

import pytest

from pyframework.core.exceptions import ObjectDoesNotExist
from pyframework.http import Http404
from pyframework.shortcuts import get_list_or_404, get_object_or_404, redirect, render
from pyframework.urls import NoReverseMatch, reverse_lazy

from views_support import make_request, view_env  # noqa: F401


class Book(object):
    class DoesNotExist(ObjectDoesNotExist):
        pass

    def __init__(self, pk):
        self.pk = pk

    def get_absolute_url(self):
        return "/books/%d/" % self.pk


class BookQuerySet(object):
    model = Book

    def __init__(self, pks):
        self.pks = pks

    def all(self):
        return self

    def get(self, pk):
        if pk not in self.pks:
            raise Book.DoesNotExist()
        return Book(pk)

    def filter(self, pk__in):
        return [Book(pk) for pk in self.pks if pk in pk__in]


Book._default_manager = BookQuerySet([1, 2])


def test_render_returns_response_with_request_context(view_env):
    response = render(make_request(path="/p/"), "shortcut_page.html", {"title": "T", "pk": 4}, status=202)
    assert response.status_code == 202
    assert response.content.decode("utf-8") == "<h1>T</h1>|4|/p/"


def test_render_default_status(view_env):
    assert render(make_request(), "other_page.html", {"title": "x"}).status_code == 200


def test_redirect_to_url_view_name_and_object(view_env):
    assert redirect("/somewhere/")["Location"] == "/somewhere/"
    assert redirect("https://example.com/x")["Location"] == "https://example.com/x"
    assert redirect("view-article", pk=3)["Location"] == "/articles/3/"
    assert redirect("view-article", 3)["Location"] == "/articles/3/"
    assert redirect(Book(7))["Location"] == "/books/7/"
    assert redirect(reverse_lazy("view-article", kwargs={"pk": 8}))["Location"] == "/articles/8/"


def test_redirect_permanent(view_env):
    response = redirect("view-article", pk=3, permanent=True)
    assert response.status_code == 301
    assert redirect("/x/", permanent=False).status_code == 302


def test_redirect_unknown_name_raises(view_env):
    with pytest.raises(NoReverseMatch):
        redirect("no-such-view")


@pytest.mark.parametrize("klass", [Book, Book._default_manager, BookQuerySet([1, 2])])
def test_get_object_or_404_duck_types(klass):
    assert get_object_or_404(klass, pk=2).pk == 2
    with pytest.raises(Http404) as info:
        get_object_or_404(klass, pk=5)
    assert "Book" in str(info.value)


def test_get_object_or_404_rejects_non_querysets():
    with pytest.raises(ValueError):
        get_object_or_404("Book", pk=1)


def test_get_list_or_404():
    assert [book.pk for book in get_list_or_404(Book, pk__in=[1, 3])] == [1]
    with pytest.raises(Http404):
        get_list_or_404(Book, pk__in=[9])
