"""auth 0002: permissions move from app_label/model columns to content types, grants kept, and back."""
from __future__ import unicode_literals

import pytest

from auth_testing import FAST_HASHERS
from project_settings_support import installed_apps
from pyframework.apps import apps
from pyframework.contrib.auth.checks import check_contenttypes_installed
from pyframework.contrib.auth.management import create_permissions
from pyframework.contrib.auth.models import Group, Permission, User
from pyframework.contrib.contenttypes.models import ContentType
from pyframework.core.management import call_command
from pyframework.db import connection, models

AUTH_APPS = ["pyframework.contrib.contenttypes", "pyframework.contrib.auth"]


def _old_permissions():
    """``{id: (app_label, model, codename)}`` read with SQL from the 0001-shaped table."""
    qn = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute("SELECT %s, %s, %s, %s FROM %s" % (qn("id"), qn("app_label"), qn("model"), qn("codename"),
                                                          qn("auth_permission")))
        return dict((row[0], tuple(row[1:])) for row in cursor.fetchall())


def _insert_old_permission(app_label, model, codename, name):
    qn = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute("INSERT INTO %s (%s, %s, %s, %s) VALUES (%%s, %%s, %%s, %%s)" % (
            qn("auth_permission"), qn("name"), qn("app_label"), qn("model"), qn("codename")),
            [name, app_label, model, codename])
    return [pk for pk, value in _old_permissions().items() if value == (app_label, model, codename)][0]


@pytest.mark.usefixtures("db")
def test_existing_grants_survive_the_move_to_content_types_and_back():
    with installed_apps(AUTH_APPS, PASSWORD_HASHERS=FAST_HASHERS):
        call_command("migrate", "auth", "0001", verbosity=0)  # a database of before contenttypes
        view_user = _insert_old_permission("auth", "user", "view_user", "Can view user")
        publish = _insert_old_permission("blog", "post", "publish_post", "Can publish posts")
        erin = User.objects.create_user("erin", password="pw")
        editors = Group.objects.create(name="editors")
        editors.permissions.add(publish)
        erin.user_permissions.add(view_user)
        erin.groups.add(editors)

        call_command("migrate", verbosity=0)

        erin = User.objects.get(pk=erin.pk)
        assert erin.has_perm("auth.view_user") and erin.has_perm("blog.publish_post")
        assert not erin.has_perm("auth.change_user")
        assert erin.get_all_permissions() == {"auth.view_user", "blog.publish_post"}
        moved = Permission.objects.get(pk=publish)
        assert moved.content_type == ContentType.objects.get_by_natural_key("blog", "post")
        assert moved.codename == "publish_post" and moved.name == "Can publish posts"
        assert Permission.objects.get(pk=view_user).content_type.model_class() is User
        # post_migrate added the rest without duplicating the rows that were moved.
        assert Permission.objects.filter(codename="view_user").count() == 1
        assert Permission.objects.filter(content_type__app_label="auth", codename="add_group").exists()
        assert list(User.objects.with_perm("blog.publish_post")) == [erin]

        call_command("migrate", "auth", "0001", verbosity=0)
        old = _old_permissions()
        assert old[view_user] == ("auth", "user", "view_user")
        assert old[publish] == ("blog", "post", "publish_post")
        assert old[view_user] in old.values() and len(set(old.values())) == len(old)
        call_command("migrate", "auth", "zero", verbosity=0)
        call_command("migrate", "contenttypes", "zero", verbosity=0)


def test_auth_without_contenttypes_fails_the_checks():
    with installed_apps(["pyframework.contrib.auth"]):
        errors = check_contenttypes_installed()
        assert [e.id for e in errors] == ["auth.E013"]
        assert "'pyframework.contrib.contenttypes'" in errors[0].msg and "INSTALLED_APPS" in errors[0].hint
    with installed_apps(AUTH_APPS):
        assert check_contenttypes_installed() == []
        assert apps.is_installed("pyframework.contrib.contenttypes")


class Article(models.Model):
    class Meta:
        app_label = "auth_proxy_tests"


class Draft(Article):
    class Meta:
        app_label = "auth_proxy_tests"
        proxy = True
        permissions = [("publish_draft", "Can publish drafts")]


class _ProxyApp(object):
    """Stands in for an installed app holding a model and its proxy."""

    label = "auth_proxy_tests"
    models_module = True

    def __init__(self, *models):
        self.models = models

    def get_models(self):
        return list(self.models)


@pytest.mark.usefixtures("db")
def test_proxy_models_get_permissions_on_their_own_content_type():
    with installed_apps(AUTH_APPS, PASSWORD_HASHERS=FAST_HASHERS):
        call_command("migrate", verbosity=0)
        create_permissions(_ProxyApp(Article, Draft), verbosity=0)
        draft_ct = ContentType.objects.get_for_model(Draft, for_concrete_model=False)
        codenames = set(Permission.objects.filter(content_type=draft_ct).values_list("codename", flat=True))
        assert codenames == {"add_draft", "change_draft", "delete_draft", "view_draft", "publish_draft"}
        user = User.objects.create_user("proxy-user", password="pw")
        user.user_permissions.add(Permission.objects.get(codename="publish_draft"))
        assert User.objects.get(pk=user.pk).has_perm("auth_proxy_tests.publish_draft")
        call_command("migrate", "auth", "zero", verbosity=0)
        call_command("migrate", "contenttypes", "zero", verbosity=0)
