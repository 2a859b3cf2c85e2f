"""The admin site through the test client: login, index, app index, logout, several sites."""
from __future__ import unicode_literals

import pytest

from admin_support import PASSWORD, csrf_token, logged_in_client, post
from pyframework.contrib.auth.models import User
from pyframework.test import Client


@pytest.fixture
def users(site):
    User.objects.create_user("staff", "staff@example.com", PASSWORD, is_staff=True)
    User.objects.create_user("joe", "joe@example.com", PASSWORD)


def test_anonymous_user_goes_to_the_login_page_with_next(users):
    response = Client().get("/admin/adminapp/article/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/login/?next=/admin/adminapp/article/"


def test_login_page_has_django_markup(users):
    response = Client().get("/admin/login/?next=/admin/")
    page = response.content.decode("utf-8")
    assert response.status_code == 200
    for marker in ('id="login-form"', 'id="id_username"', 'id="id_password"', 'name="next" value="/admin/"'):
        assert marker in page
    assert response["X-Frame-Options"] == "DENY"


def test_superuser_logs_in_and_sees_every_model_on_the_index(users):
    client = logged_in_client("root")
    response = client.get("/admin/")
    page = response.content.decode("utf-8")
    assert response.status_code == 200
    assert 'href="/admin/adminapp/article/"' in page and 'href="/admin/adminapp/article/add/"' in page
    # contrib.auth is installed: autodiscovery registered its UserAdmin and GroupAdmin, as in Django.
    assert 'href="/admin/auth/user/"' in page and 'href="/admin/auth/group/"' in page
    assert 'id="recent-actions-module"' in page
    assert "no-cache" in response["Cache-Control"]


def test_non_staff_user_cannot_log_in(users):
    client = Client(enforce_csrf_checks=True)
    page = client.get("/admin/login/")
    response = client.post("/admin/login/", {"username": "joe", "password": PASSWORD,
                                            "csrfmiddlewaretoken": csrf_token(page)})
    assert response.status_code == 200
    assert b'class="errornote"' in response.content and b"staff account" in response.content


def test_staff_without_permissions_sees_nothing_and_gets_403(users):
    client = logged_in_client("staff")
    assert "permission to view or edit anything" in client.get("/admin/").content.decode("utf-8")
    assert client.get("/admin/adminapp/article/").status_code == 403
    assert client.get("/admin/adminapp/article/add/").status_code == 403
    assert client.get("/admin/adminapp/").status_code == 404


def test_logout_is_a_post(users):
    client = logged_in_client("root")
    assert client.get("/admin/logout/").status_code == 405
    response = post(client, "/admin/", {})  # the index ignores the POST body; the token is what matters
    response = client.post("/admin/logout/", {"csrfmiddlewaretoken": csrf_token(client.get("/admin/"))})
    assert response.status_code == 200
    assert client.get("/admin/").status_code == 302


def test_app_index_and_second_site(users):
    client = logged_in_client("root")
    page = client.get("/admin/adminapp/").content.decode("utf-8")
    assert "/admin/adminapp/author/" in page
    other = client.get("/other/").content.decode("utf-8")
    assert "Other administration" in other
    assert 'href="/other/adminapp/tag/"' in other and "/other/adminapp/article/" not in other
    assert client.get("/other/adminapp/article/").status_code == 404


def test_templates_are_overridable_per_model(users):
    client = logged_in_client("root")
    page = client.get("/admin/adminapp/tag/").content.decode("utf-8")
    assert '<li class="tag-tools">Tags of this project</li>' in page and 'id="changelist"' in page
    assert "tag-tools" not in client.get("/admin/adminapp/author/").content.decode("utf-8")


def test_password_change(users):
    client = logged_in_client("root")
    url = "/admin/password_change/"
    page = client.get(url).content.decode("utf-8")
    assert 'id="id_old_password"' in page
    response = client.post(url, {"csrfmiddlewaretoken": csrf_token(client.get(url)), "old_password": PASSWORD,
                                 "new_password1": "a-new-secret-77", "new_password2": "a-new-secret-77"})
    assert response.status_code == 302 and response["Location"] == "/admin/password_change/done/"
    assert User.objects.get(username="root").check_password("a-new-secret-77")
