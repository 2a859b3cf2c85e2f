"""inlineformset_factory: the rows of one parent, its key set from the parent, never from the form."""
from __future__ import unicode_literals

import pytest

from pyframework.db import models
from pyframework.forms import BaseInlineFormSet, inlineformset_factory


class Shelf(models.Model):
    name = models.CharField(max_length=20)

    class Meta:
        app_label = "inline_formsets_test"


class Book(models.Model):
    shelf = models.ForeignKey(Shelf, on_delete=models.CASCADE, related_name="books")
    title = models.CharField(max_length=50)

    class Meta:
        app_label = "inline_formsets_test"


BookFormSet = inlineformset_factory(Shelf, Book, fields=["title"], extra=1)


def management(total, initial):
    return {"books-TOTAL_FORMS": str(total), "books-INITIAL_FORMS": str(initial), "books-MIN_NUM_FORMS": "0",
            "books-MAX_NUM_FORMS": "1000"}


def test_prefix_fields_and_unsaved_parent(db):
    assert issubclass(BookFormSet, BaseInlineFormSet) and BookFormSet.get_default_prefix() == "books"
    formset = BookFormSet(instance=Shelf(name="new"))
    assert len(formset.forms) == 1 and "shelf" not in formset.forms[0].fields


def test_create_edit_delete_rows_of_one_parent(db, create_tables):
    create_tables(Shelf, Book)
    shelf, other = Shelf.objects.create(name="a"), Shelf.objects.create(name="b")
    formset = BookFormSet(dict(management(1, 0), **{"books-0-title": "Dune"}), instance=shelf)
    assert formset.is_valid(), formset.errors
    formset.save()
    book = Book.objects.get()
    assert book.shelf == shelf
    foreign = Book.objects.create(shelf=other, title="Elsewhere")
    data = dict(management(2, 1), **{"books-0-id": str(book.pk), "books-0-title": "Dune II", "books-1-title": ""})
    formset = BookFormSet(data, instance=shelf)
    assert formset.is_valid(), formset.errors
    formset.save()
    assert Book.objects.get(pk=book.pk).title == "Dune II"
    # A key of another parent's row is not among this formset's rows.
    data = dict(management(1, 1), **{"books-0-id": str(foreign.pk), "books-0-title": "stolen"})
    formset = BookFormSet(data, instance=shelf)
    assert not formset.is_valid()
    assert Book.objects.get(pk=foreign.pk).title == "Elsewhere"
    DeletingFormSet = inlineformset_factory(Shelf, Book, fields=["title"], extra=0, can_delete=True)
    data = dict(management(1, 1), **{"books-0-id": str(book.pk), "books-0-title": "Dune II", "books-0-DELETE": "on"})
    formset = DeletingFormSet(data, instance=shelf)
    assert formset.is_valid(), formset.errors
    formset.save()
    assert list(Book.objects.values_list("title", flat=True)) == ["Elsewhere"]


def test_fk_name_errors():
    with pytest.raises(ValueError):
        inlineformset_factory(Book, Shelf, fields=["name"])
