"""Per-model permissions on every page and action; the change list's query count; system checks."""
from __future__ import unicode_literals

import pytest

from admin_support import PASSWORD, csrf_token, grant, logged_in_client, make_articles
from adminapp.admin import ArticleAdmin
from adminapp.models import Article, Author
from pyframework.contrib import admin
from pyframework.contrib.auth.models import User
from pyframework.core import checks

URL = "/admin/adminapp/article/"


@pytest.fixture
def staff(site):
    return User.objects.create_user("editor", "editor@example.com", PASSWORD, is_staff=True)


def test_view_permission_shows_a_read_only_form(staff):
    grant(staff, "adminapp.view_article")
    article = make_articles(1)[0]
    client = logged_in_client("editor")
    index = client.get("/admin/").content.decode("utf-8")
    assert 'class="viewlink"' in index and "/admin/adminapp/article/add/" not in index
    page = client.get(URL).content.decode("utf-8")
    assert "Article 0" in page and 'name="_selected_action"' not in page  # no action allowed
    change_url = "%s%d/change/" % (URL, article.pk)
    form = client.get(change_url).content.decode("utf-8")
    assert 'class="readonly"' in form and 'name="title"' not in form and 'name="_save"' not in form
    token = csrf_token(client.get(URL))
    assert client.post(change_url, {"title": "hacked", "csrfmiddlewaretoken": token}).status_code == 403
    assert client.get(URL + "add/").status_code == 403
    assert client.get("%s%d/delete/" % (URL, article.pk)).status_code == 403
    assert client.post(URL, {"action": "delete_selected", "post": "yes", "index": "0", "csrfmiddlewaretoken": token,
                             "_selected_action": [str(article.pk)]}).status_code == 200
    assert Article.objects.filter(title="Article 0").count() == 1  # the action was not offered, nothing ran


def test_change_permission_allows_custom_action_but_not_delete(staff):
    grant(staff, "adminapp.change_article")
    articles = make_articles(2)
    client = logged_in_client("editor")
    page = client.get(URL).content.decode("utf-8")
    assert 'value="publish"' in page and 'value="delete_selected"' not in page
    token = csrf_token(client.get(URL))
    client.post(URL, {"action": "publish", "index": "0", "csrfmiddlewaretoken": token,
                      "_selected_action": [str(articles[0].pk)]})
    assert Article.objects.filter(published=True).count() == 1
    client.post(URL, {"action": "delete_selected", "post": "yes", "index": "0", "csrfmiddlewaretoken": token,
                      "_selected_action": [str(articles[0].pk)]})
    assert Article.objects.count() == 2
    assert "No action selected" in client.get(URL).content.decode("utf-8")


def test_delete_confirmation_needs_permission_on_cascaded_models(staff):
    grant(staff, "adminapp.delete_author", "adminapp.view_author")
    article = make_articles(1)[0]
    client = logged_in_client("editor")
    url = "/admin/adminapp/author/%d/delete/" % article.author_id
    page = client.get(url).content.decode("utf-8")
    assert 'id="deleted-perms-lacking"' in page and "article" in page
    assert client.post(url, {"post": "yes", "csrfmiddlewaretoken": csrf_token(client.get(url))}).status_code == 403
    assert Author.objects.count() == 1


def test_add_permission_only(staff):
    grant(staff, "adminapp.add_author")
    client = logged_in_client("editor")
    assert client.get("/admin/adminapp/author/").status_code == 403
    url = "/admin/adminapp/author/add/"
    data = {"csrfmiddlewaretoken": csrf_token(client.get(url)), "name": "Cy", "email": "",
            "pins-TOTAL_FORMS": "0", "pins-INITIAL_FORMS": "0", "pins-MIN_NUM_FORMS": "0", "pins-MAX_NUM_FORMS": "1000"}
    response = client.post(url, data)
    assert response.status_code == 302 and response["Location"] == "/admin/"  # cannot see the list afterwards
    assert Author.objects.filter(name="Cy").exists()


@pytest.mark.every_database
def test_change_list_costs_the_same_queries_for_any_page_size(client):
    """One COUNT and one page query with the authors joined: no query per row (list_select_related)."""
    make_articles(2, author_name="Ann")
    client.get(URL)  # warm the caches (content types, the session)
    counts = []
    for author_name in ("Bob", "Cy"):
        with _Counter() as counter:
            assert client.get(URL + "?all=").status_code == 200
        counts.append(counter.statements)
        make_articles(3, author_name=author_name)
    assert len(counts[0]) == len(counts[1])
    statements = [sql.lower() for sql in counts[1]]
    selects = [sql for sql in statements if "adminapp_article" in sql and "distinct" not in sql]  # not the dates
    assert len(selects) == 2 and "count(" in selects[0] and "adminapp_author" in selects[1]


class _Counter(object):
    """Counts the statements run inside the block."""

    def __enter__(self):
        from pyframework.db import connection

        self.statements = []

        def wrapper(execute, sql, params, many, context):
            self.statements.append(sql)
            return execute(sql, params, many, context)
        self._wrapper = connection.execute_wrapper(wrapper)
        self._wrapper.__enter__()
        return self

    def __exit__(self, *exc_info):
        self._wrapper.__exit__(*exc_info)


def test_system_checks_report_django_ids(installed):
    class BrokenAdmin(admin.ModelAdmin):
        list_display = ["title", "nonexistent"]
        list_filter = ["nope"]
        list_editable = ["status"]
        ordering = ["missing"]
        search_fields = "title"
        date_hierarchy = "title"
        raw_id_fields = ["title"]

    site = admin.AdminSite(name="broken")
    site.register(Article, BrokenAdmin)
    ids = sorted(message.id for message in site.check(None))
    assert ids == ["admin.E003", "admin.E033", "admin.E108", "admin.E116", "admin.E122", "admin.E126",
                   "admin.E128"]
    message = [m for m in site.check(None) if m.id == "admin.E108"][0]
    assert message.msg == ("The value of 'list_display[1]' refers to 'nonexistent', which is not a callable or "
                           "attribute of 'BrokenAdmin', or an attribute, method, or field on 'adminapp.Article'.")
    assert message.obj is BrokenAdmin
    from pyframework.contrib.admin.sites import all_sites
    all_sites.remove(site)


def test_the_registered_admins_and_the_settings_pass_the_checks(installed):
    messages = [m for m in checks.run_checks(tags=["admin"])]
    assert messages == []
    assert ArticleAdmin(Article, admin.site).check() == []


def test_register_errors(installed):
    site = admin.AdminSite(name="scratch")
    site.register(Author)
    with pytest.raises(admin.sites.AlreadyRegistered):
        site.register(Author)
    site.unregister(Author)
    with pytest.raises(admin.sites.NotRegistered):
        site.unregister(Author)
    from pyframework.contrib.admin.sites import all_sites
    all_sites.remove(site)
