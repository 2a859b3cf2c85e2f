"""Model formsets: edit a queryset's rows, add new ones, delete, reject duplicates and foreign keys."""
from __future__ import unicode_literals

import pytest

from pyframework import forms
from pyframework.core.exceptions import ImproperlyConfigured
from pyframework.db import models
from pyframework.utils.compat import python_2_unicode_compatible


@python_2_unicode_compatible
class Crew(models.Model):
    name = models.CharField(max_length=30, unique=True)
    role = models.CharField(max_length=30, blank=True)

    class Meta:
        app_label = "model_formsets_tests"
        ordering = ["name"]

    def __str__(self):
        return self.name


CrewFormSet = forms.modelformset_factory(Crew, fields=["name", "role"], extra=1, can_delete=True)


def _management(total, initial):
    return {"form-TOTAL_FORMS": str(total), "form-INITIAL_FORMS": str(initial),
            "form-MIN_NUM_FORMS": "0", "form-MAX_NUM_FORMS": "1000"}


def test_fields_or_exclude_required():
    with pytest.raises(ImproperlyConfigured):
        forms.modelformset_factory(Crew)


def test_unbound_formset_lists_rows_then_extra(db, create_tables):
    create_tables(Crew)
    ann = Crew.objects.create(name="Ann", role="pilot")
    Crew.objects.create(name="Bob")
    formset = CrewFormSet()
    assert len(formset.forms) == 3 and formset.initial_form_count() == 2
    first = formset.forms[0]
    assert first.instance == ann and first.initial["name"] == "Ann"
    html = str(first)
    assert 'type="hidden" name="form-0-id" value="%s"' % ann.pk in html
    assert formset.forms[2].instance.pk is None
    only_ann = CrewFormSet(queryset=Crew.objects.filter(name="Ann"))
    assert [form.instance for form in only_ann.initial_forms] == [ann]


def test_edit_add_and_delete(db, create_tables):
    create_tables(Crew)
    ann = Crew.objects.create(name="Ann", role="pilot")
    bob = Crew.objects.create(name="Bob")
    data = _management(3, 2)
    data.update({"form-0-id": str(ann.pk), "form-0-name": "Ann", "form-0-role": "captain",
                 "form-1-id": str(bob.pk), "form-1-name": "Bob", "form-1-role": "", "form-1-DELETE": "on",
                 "form-2-name": "Cy", "form-2-role": "cook"})
    formset = CrewFormSet(data)
    assert formset.is_valid(), (formset.errors, formset.non_form_errors())
    saved = formset.save()
    assert sorted(obj.name for obj in saved) == ["Ann", "Cy"]
    assert [(obj.name, changed) for obj, changed in formset.changed_objects] == [("Ann", ["role"])]
    assert [obj.name for obj in formset.deleted_objects] == ["Bob"]
    assert [obj.name for obj in formset.new_objects] == ["Cy"]
    assert sorted((c.name, c.role) for c in Crew.objects.all()) == [("Ann", "captain"), ("Cy", "cook")]


def test_rows_are_read_once_for_the_whole_formset(db, create_tables, assert_num_queries):
    create_tables(Crew)
    rows = [Crew.objects.create(name=name) for name in ("Ann", "Bob", "Cy")]
    data = _management(3, 3)
    for index, row in enumerate(rows):
        data.update({"form-%d-id" % index: str(row.pk), "form-%d-name" % index: row.name})
    formset = CrewFormSet(data)
    # The rows, then the unique name checks of each form against the database.
    with assert_num_queries(1 + len(rows)):
        assert formset.is_valid(), formset.errors
    assert [form.cleaned_data["id"] for form in formset.forms] == rows


def test_commit_false(db, create_tables):
    create_tables(Crew)
    data = _management(1, 0)
    data.update({"form-0-name": "Dee", "form-0-role": ""})
    formset = CrewFormSet(data)
    assert formset.is_valid()
    instances = formset.save(commit=False)
    assert Crew.objects.count() == 0
    for obj in instances:
        obj.save()
    formset.save_m2m()
    assert Crew.objects.get().name == "Dee"


def test_duplicates_across_forms_and_against_the_database(db, create_tables):
    create_tables(Crew)
    Crew.objects.create(name="Ann")
    data = _management(2, 0)
    data.update({"form-0-name": "Zed", "form-1-name": "Zed"})
    formset = CrewFormSet(data, queryset=Crew.objects.none())
    assert not formset.is_valid()
    assert formset.non_form_errors() == ["Please correct the duplicate data for name, which must be unique."]
    data = _management(1, 0)
    data.update({"form-0-name": "Ann"})
    formset = CrewFormSet(data, queryset=Crew.objects.none())
    assert not formset.is_valid()
    assert formset.errors[0]["name"] == ["Crew with this Name already exists."]


def test_tampered_key_outside_the_queryset_is_rejected(db, create_tables):
    create_tables(Crew)
    ann = Crew.objects.create(name="Ann")
    bob = Crew.objects.create(name="Bob")
    data = _management(1, 1)
    data.update({"form-0-id": str(bob.pk), "form-0-name": "Hacked"})
    formset = CrewFormSet(data, queryset=Crew.objects.filter(pk=ann.pk))
    assert not formset.is_valid()
    assert formset.errors[0]["id"]
    assert Crew.objects.get(pk=bob.pk).name == "Bob"
    data["form-0-id"] = "not-a-key"
    assert not CrewFormSet(data, queryset=Crew.objects.filter(pk=ann.pk)).is_valid()


def test_edit_only_ignores_extra_forms(db, create_tables):
    create_tables(Crew)
    ann = Crew.objects.create(name="Ann")
    formset_class = forms.modelformset_factory(Crew, fields=["name"], edit_only=True)
    data = _management(2, 1)
    data.update({"form-0-id": str(ann.pk), "form-0-name": "Anna", "form-1-name": "New"})
    formset = formset_class(data)
    assert formset.is_valid()
    formset.save()
    assert [c.name for c in Crew.objects.all()] == ["Anna"]
