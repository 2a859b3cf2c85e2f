"""ModelForm: fields generated from a model, validation through the model, save()."""
from __future__ import unicode_literals

import datetime
import decimal

import pytest

from pyframework import forms
from pyframework.core.exceptions import ImproperlyConfigured
from pyframework.core.validators import MinLengthValidator
from pyframework.db import models
from pyframework.utils.compat import python_2_unicode_compatible
from pyframework.forms.json_field import JSONField as JSONFormField
from pyframework.forms.models import ModelChoiceField, ModelMultipleChoiceField, model_to_dict

STATUS_CHOICES = [("d", "Draft"), ("p", "Published")]


@python_2_unicode_compatible
class Writer(models.Model):
    name = models.CharField(max_length=40, unique=True)
    email = models.EmailField(blank=True)

    class Meta:
        app_label = "model_forms_tests"
        ordering = ["name"]

    def __str__(self):
        return self.name


@python_2_unicode_compatible
class Label(models.Model):
    name = models.CharField(max_length=20)

    class Meta:
        app_label = "model_forms_tests"
        ordering = ["name"]

    def __str__(self):
        return self.name


class Story(models.Model):
    title = models.CharField(max_length=30, validators=[MinLengthValidator(3)])
    slug = models.SlugField(unique=True)
    body = models.TextField(blank=True)
    status = models.CharField(max_length=1, choices=STATUS_CHOICES, default="d")
    rating = models.PositiveIntegerField(default=0)
    price = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    published = models.DateField(null=True, blank=True)
    featured = models.BooleanField(default=False)
    created = models.DateTimeField(auto_now_add=True)
    writer = models.ForeignKey(Writer, on_delete=models.CASCADE)
    labels = models.ManyToManyField(Label, blank=True)

    class Meta:
        app_label = "model_forms_tests"
        unique_together = [("writer", "title")]


class Gadget(models.Model):
    ident = models.UUIDField(null=True, blank=True)
    settings = models.JSONField(default=dict, blank=True)
    site = models.URLField(blank=True)
    weight = models.FloatField(null=True, blank=True)
    at = models.TimeField(null=True, blank=True)

    class Meta:
        app_label = "model_forms_tests"


class StoryForm(forms.ModelForm):
    class Meta:
        model = Story
        fields = "__all__"


class StoryFormOnWriter(forms.ModelForm):
    class Meta:
        model = Writer
        fields = ["name", "email"]
        labels = {"name": "Pen name"}


def test_fields_map_to_form_fields_in_model_order():
    fields = StoryForm.base_fields
    assert list(StoryForm()._ordered_names()) == [
        "title", "slug", "body", "status", "rating", "price", "published", "featured", "writer", "labels"]
    assert "id" not in fields and "created" not in fields  # auto and non-editable fields stay out
    assert isinstance(fields["title"], forms.CharField) and fields["title"].max_length == 30
    assert isinstance(fields["slug"], forms.SlugField)
    assert isinstance(fields["body"].widget, forms.Textarea) and fields["body"].required is False
    assert isinstance(fields["status"], forms.TypedChoiceField)
    assert list(fields["status"].choices) == STATUS_CHOICES  # a default: no blank choice
    assert isinstance(fields["rating"], forms.IntegerField) and fields["rating"].initial == 0
    assert isinstance(fields["price"], forms.DecimalField) and fields["price"].required is False
    assert isinstance(fields["published"], forms.DateField)
    assert isinstance(fields["featured"], forms.BooleanField) and fields["featured"].required is False
    assert isinstance(fields["writer"], ModelChoiceField) and fields["writer"].required is True
    assert isinstance(fields["labels"], ModelMultipleChoiceField) and fields["labels"].required is False
    assert fields["title"].label == "Title"


def test_other_field_types():
    form_class = forms.modelform_factory(Gadget, fields="__all__")
    fields = form_class.base_fields
    assert isinstance(fields["settings"], JSONFormField)
    assert isinstance(fields["site"], forms.URLField)
    assert isinstance(fields["weight"], forms.FloatField)
    assert isinstance(fields["at"], forms.TimeField)
    assert isinstance(fields["ident"], forms.CharField)


def test_fields_or_exclude_is_required():
    with pytest.raises(ImproperlyConfigured) as info:
        class NoFields(forms.ModelForm):
            class Meta:
                model = Writer
    assert "Meta.fields" in str(info.value)
    with pytest.raises(ImproperlyConfigured):
        forms.modelform_factory(Writer)


def test_the_factory_extends_a_forms_own_meta():
    # On Jython a nested "class Meta:" is a classic class: the factory's Meta must still extend it.
    form_class = forms.modelform_factory(Writer, form=StoryFormOnWriter, fields=["name"])
    assert list(form_class.base_fields) == ["name"]
    assert form_class._meta.labels == {"name": "Pen name"}


def test_unknown_and_non_editable_fields_are_rejected():
    with pytest.raises(ImproperlyConfigured) as info:
        forms.modelform_factory(Writer, fields=["name", "nickname"])
    assert "nickname" in str(info.value)
    with pytest.raises(ImproperlyConfigured) as info:
        forms.modelform_factory(Story, fields=["created"])
    assert "non-editable" in str(info.value)


def test_meta_options_fields_order_exclude_widgets_labels_help_texts():
    class WriterForm(forms.ModelForm):
        extra = forms.CharField(required=False)

        class Meta:
            model = Writer
            fields = ["email", "name"]
            widgets = {"name": forms.Textarea}
            labels = {"email": "Mail"}
            help_texts = {"name": "Pen name"}
            error_messages = {"name": {"required": "Name please"}}

    form = WriterForm()
    assert [bf.name for bf in form] == ["email", "name", "extra"]
    assert isinstance(form.fields["name"].widget, forms.Textarea)
    assert form.fields["email"].label == "Mail"
    assert form.fields["name"].help_text == "Pen name"
    assert WriterForm({"email": ""}).errors["name"] == ["Name please"]
    excluded = forms.modelform_factory(Story, exclude=["body", "labels"])
    assert "body" not in excluded.base_fields and "labels" not in excluded.base_fields


def test_declared_field_overrides_generated_one():
    class WriterForm(forms.ModelForm):
        name = forms.CharField(max_length=5)

        class Meta:
            model = Writer
            fields = "__all__"

    assert WriterForm.base_fields["name"].max_length == 5
    assert not WriterForm({"name": "toolongname"}).is_valid()


def test_xss_in_field_values_renders_escaped(db, create_tables):
    create_tables(Writer)
    form = forms.modelform_factory(Writer, fields=["name"])({"name": '"><script>alert(1)</script>'})
    html = str(form)
    assert "<script>" not in html
    assert "&lt;script&gt;" in html


def _writer(name="Ann"):
    return Writer.objects.create(name=name, email="%s@example.com" % name.lower())


def test_save_creates_and_commit_false_defers(db, create_tables):
    create_tables(Writer, Label, Story)
    ann = _writer()
    red, blue = Label.objects.create(name="red"), Label.objects.create(name="blue")
    data = {"title": "First", "slug": "first", "status": "p", "rating": "3", "price": "1.50",
            "published": "2024-02-03", "featured": "on", "writer": str(ann.pk),
            "labels": [str(red.pk), str(blue.pk)]}
    form = StoryForm(data)
    assert form.is_valid(), form.errors
    story = form.save()
    assert story.pk is not None
    story = Story.objects.get(pk=story.pk)
    assert (story.title, story.status, story.rating, story.featured) == ("First", "p", 3, True)
    assert story.price == decimal.Decimal("1.50") and story.published == datetime.date(2024, 2, 3)
    assert story.writer_id == ann.pk
    assert sorted(label.name for label in story.labels.all()) == ["blue", "red"]

    data.update(title="Second", slug="second", labels=[str(red.pk)])
    form = StoryForm(data)
    assert form.is_valid(), form.errors
    story = form.save(commit=False)
    assert story.pk is None and Story.objects.count() == 1
    story.save()
    form.save_m2m()
    assert [label.name for label in Story.objects.get(slug="second").labels.all()] == ["red"]


def test_instance_edit_prefills_and_updates(db, create_tables):
    create_tables(Writer)
    ann = _writer()
    form_class = forms.modelform_factory(Writer, fields=["name", "email"])
    form = form_class(instance=ann)
    assert form.initial == {"name": "Ann", "email": "ann@example.com"}
    assert 'value="Ann"' in str(form)
    form = form_class({"name": "Anne", "email": ""}, instance=ann)
    assert form.is_valid(), form.errors
    form.save()
    assert Writer.objects.get(pk=ann.pk).name == "Anne" and Writer.objects.count() == 1
    assert model_to_dict(ann, fields=["name"]) == {"name": "Anne"}


def test_unique_and_unique_together_become_form_errors(db, create_tables):
    create_tables(Writer, Label, Story)
    ann = _writer()
    Story.objects.create(title="Taken", slug="taken", writer=ann)
    form = StoryForm({"title": "Taken", "slug": "taken", "status": "d", "rating": "0", "writer": str(ann.pk)})
    assert not form.is_valid()
    assert form.errors["slug"] == ["Story with this Slug already exists."]
    assert form.non_field_errors() == ["Story with this Writer and Title already exists."]
    with pytest.raises(ValueError):
        form.save()
    # Editing the row itself is no clash.
    story = Story.objects.get(slug="taken")
    form = StoryForm({"title": "Taken", "slug": "taken", "status": "d", "rating": "1", "writer": str(ann.pk)},
                     instance=story)
    assert form.is_valid(), form.errors


def test_model_validators_and_choices_run(db, create_tables):
    create_tables(Writer, Label, Story)
    ann = _writer()
    form = StoryForm({"title": "ab", "slug": "not a slug", "status": "x", "rating": "-1", "writer": str(ann.pk)})
    assert not form.is_valid()
    assert form.has_error("title", "min_length")
    assert form.has_error("slug", "invalid")
    assert form.has_error("status", "invalid_choice")
    assert form.has_error("rating", "min_value")


def test_model_choice_field_validates_by_pk(db, create_tables, assert_num_queries):
    create_tables(Writer)
    ann, bob = _writer("Ann"), _writer("Bob")
    field = ModelChoiceField(Writer.objects.all())
    assert field.clean(str(bob.pk)) == bob
    for bad in ("999999", "abc", "99999999999999999999999", "1.5"):
        with pytest.raises(forms.ValidationError) as info:
            field.clean(bad)
        assert info.value.code == "invalid_choice"
    with pytest.raises(forms.ValidationError) as info:
        field.clean("")
    assert info.value.code == "required"
    with assert_num_queries(1):
        choices = list(field.choices)
    assert choices == [("", "---------"), (ann.pk, "Ann"), (bob.pk, "Bob")], choices
    with assert_num_queries(1):
        html = field.widget.render("writer", bob.pk)
    assert '<option value="%s" selected>Bob</option>' % bob.pk in html
    # Rows added later show up: the queryset is read at each render, not cached.
    _writer("Cy")
    assert len(list(field.choices)) == 4


def test_model_choice_field_limit_and_to_field_name(db, create_tables):
    create_tables(Writer)
    ann, bob = _writer("Ann"), _writer("Bob")
    field = ModelChoiceField(Writer.objects.filter(name="Ann"), to_field_name="name", required=False)
    assert field.clean("Ann") == ann
    assert field.clean("") is None
    with pytest.raises(forms.ValidationError):
        field.clean("Bob")


def test_model_multiple_choice_field(db, create_tables):
    create_tables(Writer)
    ann, bob = _writer("Ann"), _writer("Bob")
    field = ModelMultipleChoiceField(Writer.objects.all())
    assert sorted(w.name for w in field.clean([str(ann.pk), str(bob.pk), str(ann.pk)])) == ["Ann", "Bob"]
    with pytest.raises(forms.ValidationError) as info:
        field.clean([str(ann.pk), "424242"])
    assert info.value.code == "invalid_choice"
    with pytest.raises(forms.ValidationError) as info:
        field.clean(["x"])
    assert info.value.code == "invalid_pk_value"
    with pytest.raises(forms.ValidationError) as info:
        field.clean("%s" % ann.pk)
    assert info.value.code == "invalid_list"
    with pytest.raises(forms.ValidationError) as info:
        field.clean([])
    assert info.value.code == "required"
    optional = ModelMultipleChoiceField(Writer.objects.all(), required=False)
    assert list(optional.clean([])) == []
    assert optional.has_changed([ann], [str(ann.pk)]) is False
    assert optional.has_changed([ann], [str(bob.pk)]) is True


def test_json_form_field_round_trip():
    field = JSONFormField(required=False)
    assert field.clean('{"a": [1, 2]}') == {"a": [1, 2]}
    with pytest.raises(forms.ValidationError):
        field.clean("{nope")
    assert field.prepare_value({"a": 1}) == '{"a": 1}'
    assert field.has_changed({"a": 1, "b": 2}, '{"b": 2, "a": 1}') is False


class Profile(models.Model):
    email = models.EmailField()
    nickname = models.CharField(max_length=10, null=True, blank=True, unique=True)
    kind = models.CharField(max_length=1, choices=STATUS_CHOICES)
    rank = models.IntegerField(choices=[(1, "One"), (2, "Two")], null=True, blank=True)
    subscribed = models.BooleanField(null=True)
    balance = models.DecimalField(max_digits=6, decimal_places=2, default=0)
    mentor = models.ForeignKey(Writer, on_delete=models.CASCADE, null=True, blank=True,
                               limit_choices_to={"name__startswith": "A"})

    class Meta:
        app_label = "model_forms_tests"


ProfileForm = forms.modelform_factory(Profile, fields="__all__",
                                      error_messages={"nickname": {"unique": "Nickname taken"}})


def test_more_field_mappings():
    fields = ProfileForm.base_fields
    assert isinstance(fields["email"], forms.EmailField) and fields["email"].max_length == 254
    assert fields["nickname"].empty_value is None and fields["nickname"].required is False
    assert 'maxlength="10"' in str(ProfileForm()["nickname"])
    assert list(fields["kind"].choices) == [("", "---------")] + STATUS_CHOICES  # no default: blank first
    assert fields["rank"].coerce("2") == 2 and fields["rank"].empty_value is None
    assert isinstance(fields["subscribed"], forms.NullBooleanField)
    assert fields["balance"].max_digits == 6 and fields["balance"].decimal_places == 2
    assert isinstance(fields["mentor"], ModelChoiceField) and fields["mentor"].required is False
    assert fields["mentor"].to_field_name == "id"


def test_typed_choice_and_null_values_reach_the_instance(db, create_tables):
    create_tables(Writer, Profile)
    form = ProfileForm({"email": "a@example.com", "nickname": "", "kind": "p", "rank": "2", "subscribed": "",
                        "balance": "3.10", "mentor": ""})
    assert form.is_valid(), form.errors
    profile = form.save()
    profile = Profile.objects.get(pk=profile.pk)
    assert profile.nickname is None and profile.rank == 2 and profile.subscribed is None
    assert profile.mentor is None and profile.balance == decimal.Decimal("3.10")


def test_limit_choices_to_narrows_the_foreign_key(db, create_tables):
    create_tables(Writer, Profile)
    ann, bob = _writer("Ann"), _writer("Bob")
    form = ProfileForm({"email": "a@example.com", "kind": "d", "balance": "0", "mentor": str(bob.pk)})
    assert [label for _, label in form.fields["mentor"].choices] == ["---------", "Ann"]
    assert form.has_error("mentor", "invalid_choice")
    form = ProfileForm({"email": "a@example.com", "kind": "d", "balance": "0", "mentor": str(ann.pk)})
    assert form.is_valid(), form.errors
    assert form.save().mentor_id == ann.pk


def test_meta_error_messages_reword_unique_errors(db, create_tables):
    create_tables(Writer, Profile)
    Profile.objects.create(email="a@example.com", nickname="zed", kind="d")
    form = ProfileForm({"email": "b@example.com", "nickname": "zed", "kind": "d", "balance": "0"})
    assert form.errors["nickname"] == ["Nickname taken"]
