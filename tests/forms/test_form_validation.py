"""The validation flow of a Form: bound/unbound, hooks, errors, prefixes, initial data, changes."""
from __future__ import unicode_literals

import json

import pytest

from pyframework import forms
from pyframework.core.exceptions import ValidationError
from pyframework.core.files.uploadedfile import SimpleUploadedFile
from pyframework.http import QueryDict


class SignupForm(forms.Form):
    username = forms.CharField(max_length=20)
    email = forms.EmailField()
    password = forms.CharField(widget=forms.PasswordInput)
    confirm = forms.CharField(widget=forms.PasswordInput)
    age = forms.IntegerField(required=False)

    def clean_username(self):
        username = self.cleaned_data["username"]
        if username.lower() == "admin":
            raise ValidationError("That name is reserved.", code="reserved")
        return username.lower()

    def clean(self):
        cleaned_data = super(SignupForm, self).clean()
        if cleaned_data.get("password") != cleaned_data.get("confirm"):
            raise ValidationError("Passwords differ.", code="mismatch")
        return cleaned_data


VALID = {"username": "Ann", "email": "ann@example.com", "password": "pw", "confirm": "pw", "age": "30"}


def test_unbound_form_is_not_valid_and_has_no_errors():
    form = SignupForm()
    assert not form.is_bound
    assert not form.is_valid()
    assert form.errors == {}
    assert not hasattr(form, "cleaned_data")


def test_valid_form_has_cleaned_data_from_hooks():
    form = SignupForm(VALID)
    assert form.is_bound and form.is_valid()
    assert form.cleaned_data == {"username": "ann", "email": "ann@example.com", "password": "pw",
                                 "confirm": "pw", "age": 30}


def test_querydict_data_is_accepted():
    data = QueryDict("username=bob&email=bob%40example.com&password=a&confirm=a")
    form = SignupForm(data)
    assert form.is_valid(), form.errors.as_text()
    assert form.cleaned_data["age"] is None


def test_field_errors_and_clean_field_hook():
    form = SignupForm(dict(VALID, username="admin", email="nope", age="x"))
    assert not form.is_valid()
    assert sorted(form.errors) == ["age", "email", "username"]
    assert form.errors["username"] == ["That name is reserved."]
    assert form["email"].errors == ["Enter a valid email address."]
    assert form.has_error("username", "reserved")
    assert not form.has_error("username", "other")
    assert "username" not in form.cleaned_data
    assert form.cleaned_data["password"] == "pw"


def test_clean_raises_non_field_error():
    form = SignupForm(dict(VALID, confirm="other"))
    assert not form.is_valid()
    assert form.non_field_errors() == ["Passwords differ."]
    assert form.errors.get_json_data() == {"__all__": [{"message": "Passwords differ.", "code": "mismatch"}]}


def test_errors_as_json_and_text():
    form = SignupForm(dict(VALID, email="", age="x"))
    data = json.loads(form.errors.as_json())
    assert data == {"age": [{"message": "Enter a whole number.", "code": "invalid"}],
                    "email": [{"message": "This field is required.", "code": "required"}]}
    assert form.errors.as_text() == "* age\n  * Enter a whole number.\n* email\n  * This field is required."
    assert form.errors["age"].as_data()[0].code == "invalid"


class ShippingForm(forms.Form):
    street = forms.CharField()
    city = forms.CharField()
    country = forms.CharField(required=False)

    def clean(self):
        cleaned_data = super(ShippingForm, self).clean()
        if cleaned_data.get("city") == "Atlantis":
            self.add_error("city", "No deliveries there.")
            self.add_error(None, {"street": ["Check the street."], "country": "And the country."})
        return cleaned_data


def test_add_error_for_fields_and_dicts():
    form = ShippingForm({"street": "Main", "city": "Atlantis"})
    assert not form.is_valid()
    assert form.errors["city"] == ["No deliveries there."]
    assert form.errors["street"] == ["Check the street."]
    assert form.errors["country"] == ["And the country."]
    assert "city" not in form.cleaned_data and "street" not in form.cleaned_data


def test_add_error_rejects_unknown_field_and_dict_with_field():
    form = ShippingForm({"street": "a", "city": "b"})
    assert form.is_valid()
    with pytest.raises(ValueError):
        form.add_error("nothing", "x")
    with pytest.raises(TypeError):
        form.add_error("city", ValidationError({"street": "x"}))


def test_validation_error_list_in_clean_field():
    class TagForm(forms.Form):
        tags = forms.CharField()

        def clean_tags(self):
            raise ValidationError([ValidationError("First.", code="a"), "Second."])
    form = TagForm({"tags": "x"})
    assert form.errors["tags"] == ["First.", "Second."]
    assert [error.code for error in form.errors["tags"].as_data()] == ["a", None]


def test_error_params_are_interpolated():
    class AgeForm(forms.Form):
        age = forms.IntegerField()

        def clean_age(self):
            raise ValidationError("%(value)s is too old.", code="old", params={"value": self.cleaned_data["age"]})
    assert AgeForm({"age": "120"}).errors["age"] == ["120 is too old."]


def test_prefix_namespaces_data_and_ids():
    form = ShippingForm({"ship-street": "Main", "ship-city": "Oslo", "street": "ignored"}, prefix="ship")
    assert form.is_valid()
    assert form.cleaned_data["street"] == "Main"
    assert form["street"].html_name == "ship-street"
    assert form["street"].auto_id == "id_ship-street"
    assert 'name="ship-street"' in form["street"].__html__()


def test_initial_values_form_over_field_and_callables():
    class Profile(forms.Form):
        name = forms.CharField(initial="field")
        city = forms.CharField(initial="Paris")
        code = forms.CharField(initial=lambda: "generated")
    form = Profile(initial={"name": "form"})
    assert form["name"].value() == "form"
    assert form["city"].value() == "Paris"
    assert form["code"].value() == "generated"
    bound = Profile({"name": "typed", "city": "", "code": "c"}, initial={"name": "form"})
    assert bound["name"].value() == "typed"
    assert bound["city"].value() == ""


def test_has_changed_and_changed_data():
    form = ShippingForm({"street": "Main", "city": "Oslo", "country": ""},
                        initial={"street": "Main", "city": "Bergen"})
    assert form.has_changed()
    assert form.changed_data == ["city"]
    same = ShippingForm({"street": "Main", "city": "Bergen"}, initial={"street": "Main", "city": "Bergen"})
    assert not same.has_changed()


def test_empty_permitted_unchanged_form_is_valid():
    form = ShippingForm({}, empty_permitted=True, use_required_attribute=False)
    assert form.is_valid()
    assert form.cleaned_data == {}


def test_disabled_field_ignores_submitted_data():
    class Account(forms.Form):
        username = forms.CharField(disabled=True)
        bio = forms.CharField(required=False)
    form = Account({"username": "hacker", "bio": "hi"}, initial={"username": "ann"})
    assert form.is_valid()
    assert form.cleaned_data["username"] == "ann"
    assert form.changed_data == ["bio"]


def test_declared_order_inheritance_and_field_removal():
    class Base(forms.Form):
        zeta = forms.CharField()
        alpha = forms.CharField()
        middle = forms.CharField()

    class Child(Base):
        beta = forms.CharField()
        middle = None

    assert [field.name for field in Base()] == ["zeta", "alpha", "middle"]
    assert [field.name for field in Child()] == ["zeta", "alpha", "beta"]
    assert [field.name for field in Child(field_order=["beta", "missing"])] == ["beta", "zeta", "alpha"]


def test_fields_are_copied_per_instance():
    first, second = ShippingForm(), ShippingForm()
    first.fields["city"].label = "Town"
    first.fields["city"].widget.attrs["class"] = "wide"
    assert second.fields["city"].label is None
    assert "class" not in second.fields["city"].widget.attrs
    assert ShippingForm.base_fields["city"].label is None


def test_unknown_field_lookup_names_the_choices():
    with pytest.raises(KeyError) as info:
        ShippingForm()["nothing"]
    assert "city, country, street" in str(info.value)


def test_file_fields_come_from_files_and_form_is_multipart():
    class Upload(forms.Form):
        title = forms.CharField()
        attachment = forms.FileField()
    assert Upload().is_multipart()
    assert not ShippingForm().is_multipart()
    upload = SimpleUploadedFile("a.txt", b"data")
    form = Upload({"title": "t"}, {"attachment": upload})
    assert form.is_valid()
    assert form.cleaned_data["attachment"] is upload
    missing = Upload({"title": "t"}, {})
    assert missing.errors["attachment"] == ["This field is required."]


def test_multiple_choice_reads_every_value_of_querydict():
    class Pick(forms.Form):
        colours = forms.MultipleChoiceField(choices=[("r", "Red"), ("g", "Green"), ("b", "Blue")])
    form = Pick(QueryDict("colours=r&colours=b"))
    assert form.is_valid()
    assert form.cleaned_data["colours"] == ["r", "b"]


def test_checkbox_absent_means_false():
    class Terms(forms.Form):
        accept = forms.BooleanField()
        newsletter = forms.BooleanField(required=False)
    form = Terms({"accept": "on"})
    assert form.is_valid()
    assert form.cleaned_data == {"accept": True, "newsletter": False}
    assert Terms({}).errors["accept"] == ["This field is required."]


def test_repr_reports_validity():
    assert repr(ShippingForm()) == "<ShippingForm bound=False, valid=Unknown, fields=(street;city;country)>"
    form = ShippingForm({"street": "a", "city": "b"})
    form.is_valid()
    assert repr(form) == "<ShippingForm bound=True, valid=True, fields=(street;city;country)>"


def test_show_hidden_initial_renders_and_compares_the_initial_value():
    class Price(forms.Form):
        amount = forms.IntegerField(show_hidden_initial=True)
    html = Price(initial={"amount": 5})["amount"].__html__()
    assert html == ('<input type="number" name="amount" value="5" id="id_amount" required>'
                    '<input type="hidden" name="initial-amount" value="5" id="initial-id_amount">')
    assert Price({"amount": "7", "initial-amount": "7"}, initial={"amount": 5}).changed_data == []
    assert Price({"amount": "7", "initial-amount": "5"}, initial={"amount": 5}).changed_data == ["amount"]
    assert Price({"amount": "7", "initial-amount": "x"}, initial={"amount": 5}).changed_data == ["amount"]


def test_error_list_compares_with_lists_only():
    errors = SignupForm(dict(VALID, email="x")).errors["email"]
    assert errors == ["Enter a valid email address."]
    assert errors != ["Other."]
    assert errors != None  # noqa: E711
    assert errors != "Enter a valid email address."
    assert "Enter a valid email address." in errors
    assert len(errors) == 1 and errors[0] == "Enter a valid email address."
    assert errors.as_text() == "* Enter a valid email address."
