"""ListView, DetailView, CreateView, UpdateView and DeleteView through the test client."""
from __future__ import unicode_literals

import os

import pytest

from pyframework.core.exceptions import ImproperlyConfigured
from pyframework.test import Client, override_settings

from generic_views_urls import Book

TEMPLATES_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "generic_templates")


@pytest.fixture
def client(db, create_tables):
    create_tables(Book)
    with override_settings(ROOT_URLCONF="generic_views_urls", TEMPLATES=[{"DIRS": [TEMPLATES_DIR]}]):
        yield Client()


def _books(*titles):
    return [Book.objects.create(title=title, slug=title.lower(), pages=50 * (i + 1))
            for i, title in enumerate(titles)]


def _text(response):
    return response.content.decode("utf-8")


def test_list_paginates_with_context(client):
    _books("Alpha", "Beta", "Gamma")
    response = client.get("/books/")
    assert response.status_code == 200
    assert _text(response).strip() == "[Alpha][Beta] page 1 of 2 n=2"
    context = response.context_data
    assert context["is_paginated"] is True and context["page_obj"].number == 1
    assert context["paginator"].count == 3
    assert response.template_name == ["generic_views_tests/book_list.html"]
    assert _text(client.get("/books/?page=2")).strip() == "[Gamma] page 2 of 2 n=1"
    assert _text(client.get("/books/?page=last")).strip() == "[Gamma] page 2 of 2 n=1"
    assert _text(client.get("/books/page/2/")).strip() == "[Gamma] page 2 of 2 n=1"


@pytest.mark.parametrize("page", ["3", "0", "abc", "99999999999999999999999"])
def test_list_invalid_page_is_404(client, page):
    _books("Alpha", "Beta", "Gamma")
    assert client.get("/books/", {"page": page}).status_code == 404


def test_list_empty(client):
    response = client.get("/books/")
    assert response.status_code == 200
    assert response.context_data["is_paginated"] is False
    assert client.get("/short/").status_code == 404  # allow_empty = False
    _books("Alpha")
    response = client.get("/short/")
    assert _text(response).strip() == "<Alpha> n=1"
    assert response.context_data["paginator"] is None


def test_detail_by_pk_and_slug(client):
    alpha, = _books("Alpha")
    response = client.get("/books/%s/" % alpha.pk)
    assert response.status_code == 200
    assert _text(response).strip() == "detail: Alpha / alpha"
    assert response.template_name == ["generic_views_tests/book_detail.html"]
    assert _text(client.get("/by-slug/alpha/")).strip() == "detail: Alpha / alpha"
    assert client.get("/by-slug/nope/").status_code == 404
    assert client.get("/books/%s/" % (alpha.pk + 100)).status_code == 404
    assert client.get("/books/not-a-number/raw/").status_code == 404
    assert client.get("/books/99999999999999999999999/raw/").status_code == 404
    assert client.get("/books/99999999999999999999999/").status_code == 404


def test_create_shows_form_then_saves_and_redirects(client):
    response = client.get("/books/new/")
    assert response.status_code == 200
    assert response.template_name == ["generic_views_tests/book_form.html"]
    html = _text(response)
    assert 'name="title"' in html and 'name="slug"' in html and 'value="100"' in html
    response = client.post("/books/new/", {"title": "Delta", "slug": "delta", "pages": "12"})
    assert response.status_code == 302
    book = Book.objects.get(slug="delta")
    assert response["Location"] == "/books/%s/" % book.pk
    assert (book.title, book.pages) == ("Delta", 12)


def test_create_invalid_rerenders_escaped_errors(client):
    _books("Alpha")
    response = client.post("/books/new/", {"title": "<script>x</script>", "slug": "alpha", "pages": "-3"})
    assert response.status_code == 200
    html = _text(response)
    assert "<script>x" not in html and "&lt;script&gt;x" in html
    form = response.context_data["form"]
    assert form.has_error("slug", "unique") and form.has_error("pages", "min_value")
    assert Book.objects.count() == 1


def test_create_without_fields_is_misconfigured(client):
    with pytest.raises(ImproperlyConfigured):
        client.get("/books/new-bad/")


def test_update(client):
    alpha, = _books("Alpha")
    response = client.get("/books/%s/edit/" % alpha.pk)
    assert response.status_code == 200
    assert 'value="Alpha"' in _text(response) and "editing Alpha" in _text(response)
    response = client.post("/books/%s/edit/" % alpha.pk, {"title": "Alpha 2", "pages": "7"})
    assert response.status_code == 302
    assert response["Location"] == "/books/%s/updated/" % alpha.pk
    alpha = Book.objects.get(pk=alpha.pk)
    assert (alpha.title, alpha.pages, alpha.slug) == ("Alpha 2", 7, "alpha")
    assert client.post("/books/%s/edit/" % (alpha.pk + 1), {"title": "x", "pages": "1"}).status_code == 404


def test_delete_confirms_on_get_and_deletes_on_post(client):
    alpha, = _books("Alpha")
    response = client.get("/books/%s/delete/" % alpha.pk)
    assert response.status_code == 200
    assert _text(response).strip() == '<form method="post">Delete Alpha?</form>'
    assert Book.objects.count() == 1
    response = client.post("/books/%s/delete/" % alpha.pk)
    assert response.status_code == 302 and response["Location"] == "/books/"
    assert Book.objects.count() == 0
    assert client.post("/books/%s/delete/" % alpha.pk).status_code == 404
