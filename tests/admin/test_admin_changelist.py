"""The change list: columns, sorting, search, filters, date hierarchy, pagination, actions, bad input."""
from __future__ import unicode_literals

import re

import pytest

from admin_support import PASSWORD, csrf_token, logged_in_client, make_articles
from adminapp.models import Article, Tag
from pyframework.contrib.admin.models import LogEntry
from pyframework.contrib.auth.models import User

URL = "/admin/adminapp/article/"



def titles(response):
    assert response.status_code == 200, response.content[:2000]
    return re.findall(r'<th class="field-title"><a href="[^"]+">([^<]+)</a></th>', response.content.decode("utf-8"))


def test_list_shows_columns_links_and_markup(client):
    make_articles(3)
    response = client.get(URL)
    page = response.content.decode("utf-8")
    for marker in ('id="changelist"', 'id="changelist-form"', 'id="result_list"', 'id="searchbar"',
                   'id="changelist-filter"', 'class="paginator"', 'select name="action"', 'name="index"',
                   'name="_selected_action"', 'th scope="col" class="sortable column-title"', "?o=1",
                   'id="content-main"'):
        assert marker in page, marker
    assert re.search(r'<a href="/admin/adminapp/article/\d+/change/">Article 0</a>', page)
    assert 'icon-yes.svg' in page or 'icon-no.svg' in page  # the boolean columns
    assert "3 articles" in page


@pytest.mark.every_database
def test_sorting_by_column_headers_and_bad_order_parameters(client):
    make_articles(3)
    assert titles(client.get(URL + "?o=1")) == ["Article 0", "Article 1", "Article 2"]
    assert titles(client.get(URL + "?o=-1")) == ["Article 2", "Article 1", "Article 0"]
    assert titles(client.get(URL + "?o=6")) == ["Article 2", "Article 1", "Article 0"]  # is_recent: pub_date
    page = client.get(URL + "?o=-1.3").content.decode("utf-8")
    assert "sorted descending" in page and 'class="sortpriority"' in page
    for bad in ("99", "abc", "-", "1.x.-99"):
        assert client.get(URL + "?o=" + bad).status_code == 200


@pytest.mark.every_database
def test_search_with_prefixes_across_relations(client):
    make_articles(2, author_name="Ann")
    make_articles(1, author_name="Bob")
    assert len(titles(client.get(URL + "?q=Article"))) == 3
    assert len(titles(client.get(URL + "?q=bo"))) == 1          # ^author__name
    assert titles(client.get(URL + "?q=nn")) == []               # ^ means starts with
    assert titles(client.get(URL + "?q=article-1")) == ["Article 1"]  # =slug, exact
    page = client.get(URL + "?q=Bob").content.decode("utf-8")
    assert "1 result" in page and "3 total" in page


@pytest.mark.every_database
def test_filters(client):
    articles = make_articles(4)
    assert len(titles(client.get(URL + "?status__exact=live"))) == 2
    assert len(titles(client.get(URL + "?published__exact=1"))) == 0
    assert len(titles(client.get(URL + "?author__id__exact=%d" % articles[0].author_id))) == 4
    assert titles(client.get(URL + "?rated=high")) == ["Article 3", "Article 2"]
    page = client.get(URL + "?status__exact=live").content.decode("utf-8")
    assert 'class="selected"' in page and "Clear all filters" in page


@pytest.mark.every_database
def test_date_hierarchy(client):
    articles = make_articles(2)
    year = articles[0].pub_date.year
    page = client.get(URL).content.decode("utf-8")
    assert "pub_date__year=%d" % year in page
    assert len(titles(client.get(URL + "?pub_date__year=%d" % year))) >= 1
    assert client.get(URL + "?pub_date__year=abc").status_code == 400


@pytest.mark.parametrize("query", ["password__startswith=x", "title__startswith=A", "author__email=ann@example.com",
                                   "body__regex=.*"])
def test_lookups_on_fields_not_exposed_are_refused(client, query):
    make_articles(1)
    assert client.get(URL + "?" + query).status_code == 400


@pytest.mark.parametrize("query", ["status__exact=live&published__exact=maybe", "author__id__exact=abc",
                                   "pub_date__gte=notadate", "p=abc", "p=999"])
def test_malformed_filter_values_are_a_clear_error_not_a_500(client, query):
    make_articles(1)
    assert client.get(URL + "?" + query).status_code in (200, 400, 404)


@pytest.mark.every_database
def test_pagination_and_show_all(client):
    make_articles(7)
    first = client.get(URL)
    assert len(titles(first)) == 5
    page = first.content.decode("utf-8")
    assert 'class="paginator"' in page and "?p=2" in page and "Show all" in page
    assert len(titles(client.get(URL + "?p=2"))) == 2
    assert len(titles(client.get(URL + "?all="))) == 7


def test_custom_action_and_message(client):
    articles = make_articles(3)
    token = csrf_token(client.get(URL))
    response = client.post(URL, {"action": "publish", "index": "0", "csrfmiddlewaretoken": token,
                                 "_selected_action": [str(articles[0].pk), str(articles[1].pk)]})
    assert response.status_code == 302
    assert Article.objects.filter(published=True).count() == 2
    page = client.get(URL).content.decode("utf-8")
    assert re.search(r'<ul class="messagelist">\s*<li class="info">2 articles published.</li>', page)


def test_action_without_selection_and_with_malformed_ids(client):
    make_articles(1)
    token = csrf_token(client.get(URL))
    response = client.post(URL, {"action": "publish", "index": "0", "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert "Items must be selected" in client.get(URL).content.decode("utf-8")
    response = client.post(URL, {"action": "publish", "index": "0", "csrfmiddlewaretoken": token,
                                 "_selected_action": ["1 OR 1=1"]})
    assert response.status_code == 400


@pytest.mark.every_database
def test_delete_selected_confirms_then_deletes_and_logs(client):
    articles = make_articles(2)
    token = csrf_token(client.get(URL))
    selected = [str(article.pk) for article in articles]
    confirm = client.post(URL, {"action": "delete_selected", "index": "0", "csrfmiddlewaretoken": token,
                                "_selected_action": selected})
    page = confirm.content.decode("utf-8")
    assert confirm.status_code == 200
    assert 'name="post" value="yes"' in page and "Article 0" in page and "Articles: 2" in page
    assert Article.objects.count() == 2
    done = client.post(URL, {"action": "delete_selected", "post": "yes", "csrfmiddlewaretoken": token,
                             "_selected_action": selected})
    assert done.status_code == 302
    assert Article.objects.count() == 0
    assert LogEntry.objects.filter(action_flag=3).count() == 2
    assert "Successfully deleted 2 articles." in client.get(URL).content.decode("utf-8")


@pytest.mark.every_database
def test_list_editable(client):
    first, second = Tag.objects.create(name="java"), Tag.objects.create(name="jython")
    url = "/admin/adminapp/tag/"
    page = client.get(url).content.decode("utf-8")
    assert 'name="form-0-name"' in page and 'name="form-TOTAL_FORMS"' in page
    data = {"csrfmiddlewaretoken": csrf_token(client.get(url)), "_save": "Save",
            "form-TOTAL_FORMS": "2", "form-INITIAL_FORMS": "2", "form-MIN_NUM_FORMS": "0",
            "form-MAX_NUM_FORMS": "1000"}
    forms = re.findall(r'name="(form-\d+)-id" value="(\d+)"', page)
    for prefix, pk in forms:
        data["%s-id" % prefix] = pk
        data["%s-name" % prefix] = "JVM" if int(pk) == first.pk else "jython"
    response = client.post(url, data)
    assert response.status_code == 302, response.content[:3000]
    assert Tag.objects.get(pk=first.pk).name == "JVM" and Tag.objects.get(pk=second.pk).name == "jython"
    assert "1 tag was changed successfully." in client.get(url).content.decode("utf-8")
