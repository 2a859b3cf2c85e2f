"""Add, change, delete and history pages: inlines, save buttons, errors, cascades, PROTECT, bad ids."""
from __future__ import unicode_literals

import json
import re

import pytest

from admin_support import PASSWORD, csrf_token, logged_in_client, make_articles
from adminapp.models import Article, Author, Comment, Pin, Tag
from pyframework.contrib.admin.models import ADDITION, CHANGE, LogEntry
from pyframework.contrib.auth.models import User

ADD = "/admin/adminapp/article/add/"



def article_data(client, url, author, **extra):
    data = {
        "csrfmiddlewaretoken": csrf_token(client.get(url)),
        "title": "Jython in a WAR", "slug": "jython-in-a-war", "author": str(author.pk), "status": "live",
        "pub_date": "2026-11-01T10:00", "body": "Text", "comments-TOTAL_FORMS": "1", "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0", "comments-MAX_NUM_FORMS": "5", "comments-0-text": "First!",
        "_save": "Save",
    }
    data.update(extra)
    return data


def test_add_form_markup(client):
    page = client.get(ADD).content.decode("utf-8")
    for marker in ('id="article_form"', 'id="id_title"', 'name="_save"', 'name="_addanother"', 'name="_continue"',
                   'inline-group"', 'name="comments-TOTAL_FORMS"', 'name="comments-0-text"',
                   'id="comments-empty"', 'name="comments-__prefix__-text"', 'data-prepopulated-fields=',
                   'class="selectfilter"', 'data-ajax--url="/admin/autocomplete/"', 'fieldset class="module aligned collapse"'):
        assert marker in page, marker
    assert 'name="rating"' not in page  # read-only: shown, not editable


@pytest.mark.every_database
def test_add_with_inline_logs_the_addition(client):
    author = Author.objects.create(name="Ann")
    response = client.post(ADD, article_data(client, ADD, author))
    assert response.status_code == 302 and response["Location"] == "/admin/adminapp/article/"
    article = Article.objects.get()
    assert article.title == "Jython in a WAR" and article.author == author
    assert [c.text for c in Comment.objects.filter(article=article)] == ["First!"]
    entry = LogEntry.objects.get()
    assert entry.action_flag == ADDITION and entry.object_id == str(article.pk)
    assert json.loads(entry.change_message)[0] == {"added": {}}
    assert "Added comment" in entry.get_change_message()
    index = client.get("/admin/").content.decode("utf-8")
    assert 'href="/admin/adminapp/article/%d/change/">Jython in a WAR</a>' % article.pk in index


def test_save_and_continue_and_add_another(client):
    author = Author.objects.create(name="Ann")
    response = client.post(ADD, article_data(client, ADD, author, _continue="1"))
    article = Article.objects.get()
    assert response["Location"] == "/admin/adminapp/article/%d/change/" % article.pk
    response = client.post(ADD, article_data(client, ADD, author, _addanother="1", title="Second", slug="second"))
    assert response["Location"] == ADD
    assert "was added successfully. You may add another" in client.get(ADD).content.decode("utf-8")


def test_validation_errors_next_to_the_fields(client):
    author = Author.objects.create(name="Ann")
    response = client.post(ADD, article_data(client, ADD, author, title="", pub_date="not a date"))
    page = response.content.decode("utf-8")
    assert response.status_code == 200
    assert 'class="errornote"' in page and page.count('class="errorlist"') >= 2
    assert re.search(r'form-row errors field-title', page)
    assert Article.objects.count() == 0 and Comment.objects.count() == 0


@pytest.mark.every_database
def test_change_with_inline_edit_and_deletion(client):
    article = make_articles(1)[0]
    comment = Comment.objects.create(article=article, text="old")
    url = "/admin/adminapp/article/%d/change/" % article.pk
    page = client.get(url).content.decode("utf-8")
    assert 'value="old"' in page and 'class="historylink"' in page and 'class="deletelink"' in page
    data = article_data(client, url, article.author, **{
        "title": "Renamed", "comments-TOTAL_FORMS": "2", "comments-INITIAL_FORMS": "1",
        "comments-0-id": str(comment.pk), "comments-0-text": "old", "comments-0-DELETE": "on",
        "comments-1-text": "new"})
    response = client.post(url, data)
    assert response.status_code == 302, response.content[:3000]
    assert Article.objects.get().title == "Renamed"
    assert [c.text for c in Comment.objects.all()] == ["new"]
    entry = LogEntry.objects.get(action_flag=CHANGE)
    message = entry.get_change_message()
    assert "Changed Title" in message and "Deleted comment" in message and "Added comment" in message
    history = client.get("/admin/adminapp/article/%d/history/" % article.pk).content.decode("utf-8")
    assert 'id="change-history"' in history and "root" in history and "Changed Title" in history


def test_inline_max_num_is_enforced(client):
    author = Author.objects.create(name="Ann")
    data = article_data(client, ADD, author, **{"comments-TOTAL_FORMS": "7"})
    for i in range(7):
        data["comments-%d-text" % i] = "c%d" % i
    response = client.post(ADD, data)
    assert response.status_code == 200 and Article.objects.count() == 0


@pytest.mark.parametrize("object_id", ["999", "abc", "1%27%20OR%201=1"])
def test_unknown_or_malformed_ids_redirect_with_a_message(client, object_id):
    for suffix in ("change/", "delete/", "history/"):
        response = client.get("/admin/adminapp/article/%s/%s" % (object_id, suffix))
        assert response.status_code == 302 and response["Location"] == "/admin/adminapp/article/"
    assert "doesn\u2019t exist" in client.get("/admin/adminapp/article/").content.decode("utf-8")


@pytest.mark.every_database
def test_delete_page_lists_the_cascade_then_deletes(client):
    article = make_articles(1)[0]
    Comment.objects.create(article=article, text="bye")
    author_url = "/admin/adminapp/author/%d/delete/" % article.author_id
    page = client.get(author_url).content.decode("utf-8")
    assert 'id="deleted-objects"' in page
    assert "Article 0" in page and "Comment: " in page and "bye" in page
    assert "Articles: 1" in page and "Comments: 1" in page
    response = client.post(author_url, {"post": "yes", "csrfmiddlewaretoken": csrf_token(client.get(author_url))})
    assert response.status_code == 302
    assert Author.objects.count() == 0 and Article.objects.count() == 0 and Comment.objects.count() == 0


@pytest.mark.every_database
def test_delete_is_refused_on_protect(client):
    author = Author.objects.create(name="Ann")
    Pin.objects.create(author=author, note="keep")
    url = "/admin/adminapp/author/%d/delete/" % author.pk
    page = client.get(url).content.decode("utf-8")
    assert 'id="deleted-protected"' in page and "keep" in page and 'name="post"' not in page
    response = client.post(url, {"post": "yes", "csrfmiddlewaretoken": csrf_token(client.get(url))})
    assert response.status_code == 200 and Author.objects.count() == 1


def test_autocomplete_endpoint(client):
    Author.objects.create(name="Ann")
    Author.objects.create(name="Bob")
    response = client.get("/admin/autocomplete/?term=an&app_label=adminapp&model_name=article&field_name=author")
    data = json.loads(response.content.decode("utf-8"))
    assert [item["text"] for item in data["results"]] == ["Ann"] and data["pagination"] == {"more": False}
    denied = client.get("/admin/autocomplete/?term=a&app_label=adminapp&model_name=article&field_name=title")
    assert denied.status_code == 403
    assert client.get("/admin/autocomplete/?term=a&app_label=auth&model_name=user&field_name=groups").status_code == 403


def test_escaping_everywhere(client):
    author = Author.objects.create(name="<script>alert(1)</script>")
    page = client.get("/admin/adminapp/author/").content.decode("utf-8")
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    page = client.get("/admin/adminapp/author/%d/change/" % author.pk).content.decode("utf-8")
    assert "<script>alert(1)</script>" not in page


def test_post_without_csrf_token_is_refused(client):
    author = Author.objects.create(name="Ann")
    data = article_data(client, ADD, author)
    del data["csrfmiddlewaretoken"]
    assert client.post(ADD, data).status_code == 403
    assert Article.objects.count() == 0


def test_m2m_selection(client):
    author = Author.objects.create(name="Ann")
    tags = [Tag.objects.create(name="a"), Tag.objects.create(name="b")]
    data = article_data(client, ADD, author, tags=[str(tags[1].pk)])
    assert client.post(ADD, data).status_code == 302
    assert [tag.name for tag in Article.objects.get().tags.all()] == ["b"]
