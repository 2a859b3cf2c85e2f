"""only(), defer() and deferred fields loaded on first access, on every database of the matrix."""
from __future__ import absolute_import, unicode_literals

import pytest

from pyframework.core.exceptions import FieldDoesNotExist, FieldError

from queries_models import ALL_MODELS, Author, Book


@pytest.fixture
def library(db, create_tables):
    create_tables(*ALL_MODELS)
    ann = Author.objects.create(name="Ann", age=40, email="ann@example.com")
    Book.objects.create(title="One", author=ann, pages=120)
    return ann


def test_only_and_defer_select_fewer_columns(library, assert_num_queries):
    with assert_num_queries(1) as captured:
        author = Author.objects.only("name").get()
    select = captured.captured[0][0].split("FROM")[0]
    assert "name" in select and "email" not in select and "age" not in select
    assert author.get_deferred_fields() == set(["age", "email"])
    with assert_num_queries(1):
        assert author.age == 40  # loaded on first access
    with assert_num_queries(0):
        assert (author.name, author.age) == ("Ann", 40)
    with assert_num_queries(1) as captured:
        author = Author.objects.defer("email", "age").get()
    assert "email" not in captured.captured[0][0].split("FROM")[0]
    assert author.get_deferred_fields() == set(["age", "email"])
    assert Author.objects.defer("email").defer(None).get().get_deferred_fields() == set()
    # As in Django, fields deferred before only() stay deferred.
    assert Author.objects.defer("email").only("email", "name").get().get_deferred_fields() == set(["age", "email"])
    assert Author.objects.only("name", "age").defer("age").get().get_deferred_fields() == set(["age", "email"])


def test_deferred_foreign_key_and_save(library, assert_num_queries):
    book = Book.objects.only("title").get()
    assert book.get_deferred_fields() >= set(["author_id", "pages"])
    assert book.author.name == "Ann"
    book = Book.objects.defer("pages").get()
    book.title = "Uno"
    book.save()  # writes the loaded fields only
    fresh = Book.objects.get()
    assert (fresh.title, fresh.pages) == ("Uno", 120)


def test_only_and_defer_refuse_what_they_cannot_do(library):
    with pytest.raises(FieldDoesNotExist):
        Author.objects.only("nope")
    with pytest.raises(FieldError):
        Book.objects.only("author__name")
    with pytest.raises(TypeError):
        Author.objects.only(None)
    with pytest.raises(TypeError):
        Author.objects.values("name").defer("age")
