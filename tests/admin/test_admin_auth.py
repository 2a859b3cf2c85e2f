"""contrib.auth's UserAdmin and GroupAdmin through the test client, registered by autodiscovery:
the two-step add form, the password page, the permissions it needs, the group permissions widget.
(contrib/auth/admin.py; its forms are tested in tests/auth/test_auth_forms.py.)"""
from __future__ import unicode_literals

import re

import pytest

from admin_support import PASSWORD, grant, logged_in_client, post
from dbtesting import QueryCounter
from pyframework.contrib import admin
from pyframework.contrib.admin.models import LogEntry
from pyframework.contrib.auth.admin import GroupAdmin, UserAdmin
from pyframework.contrib.auth.models import Group, Permission, User

NEW_PASSWORD = "plum-orchard-42-lantern"


@pytest.fixture
def root(site):
    return User.objects.get(username="root")


def page(response):
    return response.content.decode("utf-8")


def staff(username, *perms):
    user = User.objects.create_user(username, "%s@example.com" % username, PASSWORD, is_staff=True)
    grant(user, *perms)
    return logged_in_client(username)


def test_autodiscovery_registers_contrib_auths_admins(root):
    assert type(admin.site.get_model_admin(User)) is UserAdmin
    assert type(admin.site.get_model_admin(Group)) is GroupAdmin


def test_a_user_is_added_in_two_steps(client):
    form = page(client.get("/admin/auth/user/add/"))
    assert "First, enter a username and password." in form
    for name in ("username", "password1", "password2"):
        assert 'name="%s"' % name in form
    assert 'name="usable_password" value="true"' in form and 'name="email"' not in form

    added = post(client, "/admin/auth/user/add/", {"username": "ada", "usable_password": "true",
                                                   "password1": NEW_PASSWORD, "password2": NEW_PASSWORD,
                                                   "_save": "Save"})
    ada = User.objects.get(username="ada")
    # "Save" goes on to step two, the full change form.
    assert added.status_code == 302 and added["Location"] == "/admin/auth/user/%d/change/" % ada.pk
    assert ada.check_password(NEW_PASSWORD) and not ada.is_staff
    assert LogEntry.objects.get(object_id=str(ada.pk)).is_addition()

    change = page(client.get(added["Location"]))
    assert 'name="email"' in change and 'name="groups"' in change
    # The password: its hasher's masked summary and the button to the password page, never the hash.
    assert "<strong>algorithm</strong>: <bdi>" in change and ada.password not in change
    assert re.search(r'<a role="button" class="button" href="\.\./password/">Reset password</a>', change), change
    assert 'name="password"' not in change


def test_the_change_form_ignores_a_submitted_password_hash(client):
    ada = User.objects.create_user("ada", "ada@example.com", NEW_PASSWORD)
    url = "/admin/auth/user/%d/change/" % ada.pk
    saved = post(client, url, {"username": "ada", "password": "md5$x$forged", "email": "ada@example.org",
                               "is_active": "on", "date_joined": "2024-01-02T03:04", "_save": "Save"})
    assert saved.status_code == 302, page(saved)
    ada = User.objects.get(pk=ada.pk)
    assert ada.email == "ada@example.org" and ada.check_password(NEW_PASSWORD)


def test_a_user_can_be_added_without_password_logins(client):
    added = post(client, "/admin/auth/user/add/", {"username": "sso", "usable_password": "false",
                                                   "password1": "", "password2": "", "_save": "Save"})
    assert added.status_code == 302, page(added)
    sso = User.objects.get(username="sso")
    assert not sso.has_usable_password()
    change = page(client.get(added["Location"]))
    assert "No password set." in change and ">Set password</a>" in change


def test_the_add_form_requires_matching_passwords(client):
    missing = post(client, "/admin/auth/user/add/", {"username": "bob", "usable_password": "true",
                                                     "password1": "", "password2": "", "_save": "Save"})
    mismatch = post(client, "/admin/auth/user/add/", {"username": "bob", "usable_password": "true",
                                                      "password1": NEW_PASSWORD, "password2": "other-one-9-lantern",
                                                      "_save": "Save"})
    assert missing.status_code == mismatch.status_code == 200
    assert "This field is required." in page(missing)
    assert "The two passwords do not match." in page(mismatch)
    assert not User.objects.filter(username="bob").exists()


def test_a_password_is_changed_through_the_admin(client):
    ada = User.objects.create_user("ada", "ada@example.com", NEW_PASSWORD)
    url = "/admin/auth/user/%d/password/" % ada.pk
    form = page(client.get(url))
    assert "Enter a new password for the user ada." in form
    assert 'name="password1"' in form and 'name="usable_password"' not in form  # ada has a usable one

    mismatch = post(client, url, {"password1": "new-secret-42-tulip", "password2": "new-secret-42-tuLip"})
    assert mismatch.status_code == 200 and "The two passwords do not match." in page(mismatch)
    done = post(client, url, {"password1": "new-secret-42-tulip", "password2": "new-secret-42-tulip",
                              "set-password": "Change password"})
    assert done.status_code == 302 and done["Location"] == "/admin/auth/user/%d/change/" % ada.pk
    assert User.objects.get(pk=ada.pk).check_password("new-secret-42-tulip")
    entry = LogEntry.objects.filter(object_id=str(ada.pk)).get()
    assert entry.is_change() and entry.get_change_message() == "Changed password."
    assert "Password changed successfully." in page(client.get(done["Location"]))


def test_changing_ones_own_password_keeps_the_session(client, root):
    elsewhere = logged_in_client("root")
    url = "/admin/auth/user/%d/password/" % root.pk
    done = post(client, url, {"password1": "new-secret-42-tulip", "password2": "new-secret-42-tulip"})
    assert done.status_code == 302
    assert client.get("/admin/").status_code == 200  # still logged in: the session hash was updated
    assert User.objects.get(pk=root.pk).check_password("new-secret-42-tulip")
    # root's other session, logged in before the change, is logged out.
    assert elsewhere.get("/admin/").status_code == 302


def test_password_logins_are_disabled_only_by_their_own_button(client):
    sso = User.objects.create_user("sso", "sso@example.com", None)
    url = "/admin/auth/user/%d/password/" % sso.pk
    form = page(client.get(url))
    assert 'name="usable_password"' in form and 'name="unset-password"' in form
    conflicting = post(client, url, {"usable_password": "false", "set-password": "Enable"})
    assert conflicting.status_code == 302 and conflicting["Location"] == url
    assert "Conflicting form data submitted." in page(client.get(url))
    disabled = post(client, url, {"usable_password": "false", "unset-password": "Disable"})
    assert disabled.status_code == 302 and not User.objects.get(pk=sso.pk).has_usable_password()
    enabled = post(client, url, {"usable_password": "true", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD,
                                 "set-password": "Enable"})
    assert enabled.status_code == 302 and User.objects.get(pk=sso.pk).check_password(NEW_PASSWORD)


def test_the_password_page_of_an_unknown_or_malformed_id_is_404(client):
    assert client.get("/admin/auth/user/999999/password/").status_code == 404
    assert client.get("/admin/auth/user/not-a-number/password/").status_code == 404


def test_without_change_user_permission_there_is_no_password_page_and_no_add(root):
    ada = User.objects.create_user("ada", "ada@example.com", NEW_PASSWORD)
    viewer = staff("viewer", "auth.view_user", "auth.add_user")
    url = "/admin/auth/user/%d/password/" % ada.pk
    assert viewer.get("/admin/auth/user/").status_code == 200
    assert viewer.get(url).status_code == 403
    assert viewer.post(url, {"password1": "x-secret-42-tulip", "password2": "x-secret-42-tulip"}).status_code == 403
    # Adding users needs "change user" too: otherwise one could add a superuser.
    assert viewer.get("/admin/auth/user/add/").status_code == 403
    assert User.objects.get(pk=ada.pk).check_password(NEW_PASSWORD)

    changer = staff("changer", "auth.change_user")
    assert changer.get(url).status_code == 200
    assert post(changer, url, {"password1": "x-secret-42-tulip", "password2": "x-secret-42-tulip"}).status_code == 302
    assert User.objects.get(pk=ada.pk).check_password("x-secret-42-tulip")


def test_the_user_list_is_searched_and_filtered_but_never_by_password(client):
    User.objects.create_user("ada", "ada@lovelace.example", NEW_PASSWORD, is_staff=True)
    User.objects.create_user("bob", "bob@example.com", NEW_PASSWORD)
    found = page(client.get("/admin/auth/user/?q=lovelace"))
    assert 'href="/admin/auth/user/%d/change/"' % User.objects.get(username="ada").pk in found
    assert ">bob</a>" not in found
    staff_only = page(client.get("/admin/auth/user/?is_staff__exact=1"))
    assert ">ada</a>" in staff_only and ">bob</a>" not in staff_only
    # UserAdmin.lookup_allowed refuses any lookup on the password, whatever list_filter says.
    assert client.get("/admin/auth/user/?password__startswith=pbkdf2").status_code == 400
    class PasswordFilteringAdmin(UserAdmin):
        list_filter = ("password",)

    leaky = PasswordFilteringAdmin(User, admin.site)
    assert not leaky.lookup_allowed("password__startswith", "pbkdf2", None)


def _permission(codename, model):
    from pyframework.contrib.contenttypes.models import ContentType

    return Permission.objects.create(codename=codename, name="Can %s" % codename.replace("_", " "),
                                     content_type=ContentType.objects.get_for_model(model))


def test_group_permissions_are_chosen_in_the_filtered_selector(client):
    chosen = [_permission("change_user", User), _permission("view_group", Group)]
    _permission("delete_user", User)
    form = page(client.get("/admin/auth/group/add/"))
    select = re.search(r'<select[^>]*name="permissions"[^>]*>', form).group(0)
    assert "selectfilter" in select and 'data-field-name="permissions"' in select and "multiple" in select
    assert "Authentication and Authorization | user | Can change user</option>" in form

    saved = post(client, "/admin/auth/group/add/", {"name": "editors", "_save": "Save",
                                                    "permissions": [str(p.pk) for p in chosen]})
    assert saved.status_code == 302, page(saved)
    editors = Group.objects.get(name="editors")
    assert sorted(p.codename for p in editors.permissions.all()) == ["change_user", "view_group"]
    assert "editors" in page(client.get("/admin/auth/group/?q=edit"))


def test_the_permission_options_cost_the_same_queries_however_many(client):
    from pyframework.db import connection

    def queries_of_the_group_form():
        counter = QueryCounter(connection)
        with connection.execute_wrapper(counter):
            assert client.get("/admin/auth/group/add/").status_code == 200
        return len(counter)

    _permission("add_user", User)
    queries_of_the_group_form()  # the first page creates the group's content type
    few = queries_of_the_group_form()
    for number in range(15):
        _permission("extra_%d_user" % number, User)
    assert queries_of_the_group_form() == few  # the content types come in the same query
