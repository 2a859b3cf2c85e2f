"""ModelAdmin options and hooks outside the pages: widgets, forms, hooks, the unquoting of keys."""
from __future__ import unicode_literals

import pytest

from admin_support import make_articles
from adminapp.models import Article, Author
from pyframework import forms
from pyframework.contrib import admin
from pyframework.contrib.admin import widgets
from pyframework.contrib.admin.utils import get_deleted_objects, quote, unquote
from pyframework.contrib.auth.models import User
from pyframework.test import RequestFactory


@pytest.fixture
def request_(site):
    request = RequestFactory().get("/admin/")
    request.user = User.objects.get(username="root")
    return request


def scratch_site():
    from pyframework.contrib.admin.sites import all_sites

    site = admin.AdminSite(name="scratch")
    all_sites.remove(site)  # not part of the project's checks
    site.register(Author, search_fields=["name"])
    return site


def test_raw_id_and_autocomplete_and_filter_widgets(request_):
    site = scratch_site()

    class ArticleAdmin(admin.ModelAdmin):
        raw_id_fields = ["author"]
        filter_vertical = ["tags"]

    form_class = ArticleAdmin(Article, site).get_form(request_)
    assert isinstance(form_class.base_fields["author"].widget, widgets.ForeignKeyRawIdWidget)
    assert isinstance(form_class.base_fields["tags"].widget, widgets.FilteredSelectMultiple)
    author = Author.objects.create(name="Ann <b>")
    html = form_class(initial={"author": author.pk})["author"].__html__()
    assert 'class="vForeignKeyRawIdAdminField"' in html and "related-lookup" in html
    assert "<strong>Ann &lt;b&gt;</strong>" in html

    class AutoAdmin(admin.ModelAdmin):
        autocomplete_fields = ["author"]

    Author.objects.create(name="Other")
    html = AutoAdmin(Article, site).get_form(request_)(initial={"author": author.pk})["author"].__html__()
    assert "Ann &lt;b&gt;" in html and "Other" not in html  # only the chosen object is sent


def test_form_override_and_save_model_hook(request_):
    class ArticleForm(forms.ModelForm):
        def clean_title(self):
            if "spam" in self.cleaned_data["title"]:
                raise forms.ValidationError("No spam.")
            return self.cleaned_data["title"]

    saved = []

    class ArticleAdmin(admin.ModelAdmin):
        form = ArticleForm
        fields = ["title", "author", "pub_date"]

        def save_model(self, request, obj, form, change):
            obj.body = "saved by %s" % request.user.username
            saved.append(obj)
            super(ArticleAdmin, self).save_model(request, obj, form, change)

    model_admin = ArticleAdmin(Article, scratch_site())
    form_class = model_admin.get_form(request_)
    assert [field.name for field in form_class()] == ["title", "author", "pub_date"]
    author = Author.objects.create(name="Ann")
    bad = form_class({"title": "spam", "author": str(author.pk), "pub_date": "2026-01-01T00:00"})
    assert not bad.is_valid() and bad.errors["title"] == ["No spam."]
    good = form_class({"title": "ok", "author": str(author.pk), "pub_date": "2026-01-01T00:00"})
    assert good.is_valid(), good.errors
    obj = model_admin.save_form(request_, good, change=False)
    model_admin.save_model(request_, obj, good, False)
    assert Article.objects.get().body == "saved by root" and saved == [obj]


def test_get_deleted_objects_lists_the_cascade(request_):
    article = make_articles(1)[0]
    site = scratch_site()
    to_delete, model_count, perms_needed, protected = get_deleted_objects([article.author], request_, site)
    assert "Ann" in "%s" % to_delete[0] and "Article 0" in "%s" % to_delete[1]
    assert model_count == {"authors": 1, "articles": 1} and perms_needed == set() and protected == []


@pytest.mark.parametrize("key", ["plain", "with/slash", "under_score", "50%", "a?b#c"])
def test_quote_round_trip(key):
    assert unquote(quote(key)) == key and "/" not in quote(key)


def test_default_fields_follow_the_model(request_):
    model_admin = admin.ModelAdmin(Article, scratch_site())
    assert list(model_admin.get_fields(request_)) == ["title", "slug", "body", "author", "status", "published",
                                                       "pub_date", "rating", "tags"]
