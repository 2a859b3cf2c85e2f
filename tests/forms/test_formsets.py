"""Formsets: management form, counts, min/max, deletion, ordering, rendering."""
from __future__ import unicode_literals

import pytest

from pyframework import forms
from pyframework.forms.formsets import all_valid


class ItemForm(forms.Form):
    name = forms.CharField(max_length=20)
    quantity = forms.IntegerField(min_value=1)


ItemFormSet = forms.formset_factory(ItemForm, extra=2)


def formset_data(forms_data, total=None, initial=0, prefix="form"):
    data = {
        "%s-TOTAL_FORMS" % prefix: str(len(forms_data) if total is None else total),
        "%s-INITIAL_FORMS" % prefix: str(initial),
    }
    for index, values in enumerate(forms_data):
        for key, value in values.items():
            data["%s-%d-%s" % (prefix, index, key)] = value
    return data


def test_unbound_formset_renders_management_form_and_extra_forms():
    formset = ItemFormSet()
    assert len(formset) == 2
    assert formset.total_form_count() == 2
    html = formset.as_div()
    assert '<input type="hidden" name="form-TOTAL_FORMS" value="2" id="id_form-TOTAL_FORMS">' in html
    assert '<input type="hidden" name="form-INITIAL_FORMS" value="0" id="id_form-INITIAL_FORMS">' in html
    assert 'name="form-1-quantity"' in html
    # Extra forms may be left blank: no "required" attribute on them.
    assert " required" not in html


def test_initial_data_makes_initial_forms():
    formset = ItemFormSet(initial=[{"name": "tea", "quantity": 2}])
    assert formset.initial_form_count() == 1
    assert formset.total_form_count() == 3
    assert formset.forms[0]["name"].value() == "tea"
    assert formset.initial_forms == formset.forms[:1]
    assert len(formset.extra_forms) == 2


def test_valid_formset_ignores_blank_extra_forms():
    formset = ItemFormSet(formset_data([{"name": "tea", "quantity": "2"}, {"name": "", "quantity": ""}]))
    assert formset.is_valid(), formset.errors
    assert formset.cleaned_data == [{"name": "tea", "quantity": 2}, {}]
    assert formset.has_changed()


def test_form_errors_are_listed_per_form():
    formset = ItemFormSet(formset_data([{"name": "tea", "quantity": "0"}, {"name": "x", "quantity": ""}]))
    assert not formset.is_valid()
    assert formset.errors[0]["quantity"] == ["Ensure this value is greater than or equal to 1."]
    assert formset.errors[1]["quantity"] == ["This field is required."]
    assert formset.total_error_count() == 2


def test_missing_management_form_is_a_validation_error_not_a_crash():
    formset = ItemFormSet({"form-0-name": "tea", "form-0-quantity": "1"})
    assert not formset.is_valid()
    errors = formset.non_form_errors()
    assert errors.as_data()[0].code == "missing_management_form"
    assert errors[0] == ("The form's management data is missing or was altered (check: INITIAL_FORMS, "
                         "TOTAL_FORMS). Reload the page and submit it again.")
    assert len(formset.forms) == 0


def test_tampered_management_form_is_rejected():
    data = formset_data([{"name": "tea", "quantity": "1"}])
    data["form-TOTAL_FORMS"] = "lots"
    formset = ItemFormSet(data)
    assert not formset.is_valid()
    assert "TOTAL_FORMS" in formset.non_form_errors()[0]


def test_max_num_and_validate_max():
    Limited = forms.formset_factory(ItemForm, extra=5, max_num=2, validate_max=True)
    assert Limited().total_form_count() == 2
    data = formset_data([{"name": "a", "quantity": "1"}] * 3)
    formset = Limited(data)
    assert not formset.is_valid()
    assert formset.non_form_errors() == ["Please submit at most 2 forms."]


def test_absolute_max_caps_forms_built_from_a_request():
    Capped = forms.formset_factory(ItemForm, max_num=2, absolute_max=3)
    formset = Capped(formset_data([], total=100000))
    assert len(formset.forms) == 3
    assert not formset.is_valid()
    assert formset.non_form_errors() == ["Please submit at most 3 forms."]
    with pytest.raises(ValueError):
        forms.formset_factory(ItemForm, max_num=10, absolute_max=5)


def test_min_num_and_validate_min():
    AtLeastTwo = forms.formset_factory(ItemForm, extra=0, min_num=2, validate_min=True)
    assert AtLeastTwo().total_form_count() == 2
    formset = AtLeastTwo(formset_data([{"name": "a", "quantity": "1"}, {"name": "", "quantity": ""}]))
    assert not formset.is_valid()
    # The first min_num forms are required.
    assert formset.errors[1]["name"] == ["This field is required."]


def test_can_delete_skips_validation_of_deleted_forms():
    Deletable = forms.formset_factory(ItemForm, can_delete=True, extra=0)
    data = formset_data([{"name": "tea", "quantity": "1"}, {"name": "cake", "quantity": "3", "DELETE": "on"}],
                        initial=2)
    formset = Deletable(data)
    assert formset.is_valid()
    assert [form.cleaned_data["name"] for form in formset.deleted_forms] == ["cake"]
    assert 'name="form-0-DELETE"' in formset.as_p()
    broken = dict(data, **{"form-1-quantity": "0"})
    assert Deletable(broken).is_valid()


def test_can_order_sorts_forms():
    Orderable = forms.formset_factory(ItemForm, can_order=True, extra=0)
    data = formset_data([{"name": "a", "quantity": "1", "ORDER": "2"}, {"name": "b", "quantity": "1", "ORDER": "1"},
                         {"name": "c", "quantity": "1", "ORDER": ""}], initial=3)
    formset = Orderable(data)
    assert formset.is_valid(), formset.errors
    assert [form.cleaned_data["name"] for form in formset.ordered_forms] == ["b", "a", "c"]


def test_formset_clean_hook_adds_non_form_errors():
    class UniqueNames(forms.BaseFormSet):
        def clean(self):
            names = [form.cleaned_data.get("name") for form in self.forms if form.cleaned_data]
            if len(names) != len(set(names)):
                raise forms.ValidationError("Names must be unique.", code="duplicate")
    Unique = forms.formset_factory(ItemForm, formset=UniqueNames, extra=0)
    formset = Unique(formset_data([{"name": "a", "quantity": "1"}, {"name": "a", "quantity": "2"}]))
    assert not formset.is_valid()
    assert formset.non_form_errors() == ["Names must be unique."]
    assert not all_valid([formset, ItemFormSet(formset_data([]))])


def test_custom_prefix_and_empty_form():
    formset = ItemFormSet(prefix="items")
    assert 'name="items-TOTAL_FORMS"' in formset.management_form.as_div()
    assert formset.empty_form["name"].html_name == "items-__prefix__-name"
    bound = ItemFormSet(formset_data([{"name": "x", "quantity": "4"}], prefix="items"), prefix="items")
    assert bound.is_valid()
    assert bound.cleaned_data == [{"name": "x", "quantity": 4}]
