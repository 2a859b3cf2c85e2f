"""The example project's admin.py files at work, through the test client on every test database:
authors with posts inline, the post list's filters, search and custom action, the users' admin."""
from __future__ import unicode_literals

import re

import pytest

from pyframework.test import Client
from pyframework.utils.compat import urlencode
from mysite_site_support import FORM, create_user, log_in, submit, text


@pytest.fixture
def staff_client(blog):
    admin_user = create_user("boss", email="boss@example.com")
    admin_user.is_staff = admin_user.is_superuser = True
    admin_user.save()
    client = Client()
    assert log_in(client, "boss").status_code == 302
    return client


def inline_management(prefix, total, initial=0):
    return {"%s-TOTAL_FORMS" % prefix: str(total), "%s-INITIAL_FORMS" % prefix: str(initial),
            "%s-MIN_NUM_FORMS" % prefix: "0", "%s-MAX_NUM_FORMS" % prefix: "1000"}


def add_author(client, name, *posts):
    fields = dict(inline_management("posts", len(posts)), name=name, email="", _save="Save")
    for number, (title, body) in enumerate(posts):
        fields["posts-%d-title" % number] = title
        fields["posts-%d-body" % number] = body
    return submit(client, "/admin/blog/author/add/", **fields)


def run_action(client, path, action, *pks):
    """POST the change list's action form: ``action`` on the rows ``pks``."""
    body = urlencode([("action", action), ("index", "0")] + [("_selected_action", str(pk)) for pk in pks])
    return client.post(path, body, content_type=FORM)


def result_titles(response):
    return re.findall(r'<th class="field-title"><a href="[^"]*">([^<]*)</a>', text(response))


def test_every_registered_model_is_on_the_index(staff_client):
    index = text(staff_client.get("/admin/"))
    for path in ("/admin/blog/author/", "/admin/blog/post/", "/admin/blog/tag/", "/admin/auth/user/",
                 "/admin/auth/group/"):
        assert 'href="%s"' % path in index, path


def test_an_author_is_added_with_posts_written_inline(staff_client, blog):
    response = add_author(staff_client, "Ada", ("First <post>", "Body one."), ("Second", "Body two."))
    assert response.status_code == 302, text(response)
    ada = blog.Author.objects.get(name="Ada")
    assert sorted(ada.posts.values_list("title", flat=True)) == ["First <post>", "Second"]

    authors = text(staff_client.get("/admin/blog/author/"))
    # The annotated post count, escaped names in the post list.
    assert re.search(r'<td class="field-post_count">2</td>', authors), authors
    posts = text(staff_client.get("/admin/blog/post/"))
    assert "First &lt;post&gt;" in posts and "First <post>" not in posts


def test_posts_are_filtered_searched_and_tagged_by_the_custom_action(staff_client, blog):
    assert add_author(staff_client, "Ada", ("Jython notes", "a"), ("Servlets", "b")).status_code == 302
    assert add_author(staff_client, "Grace", ("Compilers", "c")).status_code == 302
    ada = blog.Author.objects.get(name="Ada")

    filtered = staff_client.get("/admin/blog/post/?author__id__exact=%d" % ada.pk)
    assert sorted(result_titles(filtered)) == ["Jython notes", "Servlets"]
    searched = staff_client.get("/admin/blog/post/?q=grace")  # search_fields reach author__name
    assert result_titles(searched) == ["Compilers"]

    chosen = blog.Post.objects.get(title="Servlets")
    done = run_action(staff_client, "/admin/blog/post/", "mark_featured", chosen.pk)
    assert done.status_code == 302, text(done)
    assert [tag.name for tag in chosen.tags.all()] == ["featured"]
    assert list(blog.Post.objects.get(title="Jython notes").tags.all()) == []
    listing = text(staff_client.get(done["Location"]))
    assert "1 post(s) tagged" in listing


def test_users_are_added_with_a_checked_password_and_deactivated_in_bulk(staff_client, blog):
    from pyframework.contrib.auth import get_user_model

    added = submit(staff_client, "/admin/auth/user/add/", username="newcomer", password1="plum-orchard-42-lantern",
                   password2="plum-orchard-42-lantern", _save="Save")
    assert added.status_code == 302, text(added)
    newcomer = get_user_model().objects.get(username="newcomer")
    assert newcomer.check_password("plum-orchard-42-lantern")
    # Step two, contrib.auth's change form: the password as a link to its own page.
    assert added["Location"] == "/admin/auth/user/%d/change/" % newcomer.pk
    change = text(staff_client.get(added["Location"]))
    assert 'href="../password/">Reset password</a>' in change and 'name="email"' in change
    mismatch = submit(staff_client, "/admin/auth/user/add/", username="other", password1="plum-orchard-42-lantern",
                      password2="another-one-entirely-9", _save="Save")
    assert mismatch.status_code == 200 and "errorlist" in text(mismatch)

    boss = get_user_model().objects.get(username="boss")
    done = run_action(staff_client, "/admin/auth/user/", "deactivate", newcomer.pk, boss.pk)
    assert done.status_code == 302, text(done)
    assert get_user_model().objects.get(pk=newcomer.pk).is_active is False
    assert get_user_model().objects.get(pk=boss.pk).is_active is True  # never the one doing it
    users = text(staff_client.get("/admin/auth/user/?q=newcomer"))
    assert "newcomer" in users and "boss@example.com" not in users


def test_the_project_extends_contrib_auths_user_admin_and_keeps_its_group_admin(staff_client):
    from accounts.admin import UserAdmin
    from pyframework.contrib import admin
    from pyframework.contrib.auth import admin as auth_admin
    from pyframework.contrib.auth import get_user_model
    from pyframework.contrib.auth.models import Group

    registered = admin.site.get_model_admin(get_user_model())
    assert type(registered) is UserAdmin and isinstance(registered, auth_admin.UserAdmin)
    assert type(admin.site.get_model_admin(Group)) is auth_admin.GroupAdmin
    users = text(staff_client.get("/admin/auth/user/"))
    assert "column-date_joined" in users and 'value="deactivate"' in users
