"""The example project's blog, through the test client, on every test database.

Each test migrates the project's tables with its own migrations, so the
migration files are exercised too. Posts are written by a signed-in user.
"""
from __future__ import unicode_literals

import os
import re
import sys

import pytest

from pyframework.core.exceptions import ImproperlyConfigured
from pyframework.core.management import call_command
from pyframework.test import Client
from mysite_site_support import MIGRATED_APPS, create_user, log_in, submit
from project_settings_support import project_settings

FORM = "application/x-www-form-urlencoded"


@pytest.fixture
def client(blog):
    """Signed in as Ada, who becomes the author of the posts she writes."""
    client = Client()
    create_user("Ada", email="ada@example.com")
    assert log_in(client, "Ada").status_code == 302
    return client


def post_form(client, **fields):
    response = submit(client, "/blog/new/", **fields)
    if response.status_code == 302:
        client.get(response["Location"])  # as a browser does, which shows the "Published" message
    return response


def text(response):
    return response.content.decode("utf-8")


def form_errors(response):
    return dict(re.findall(r'<p class="error" data-field="(\w+)">([^<]+)</p>', text(response)))


def test_the_form_writes_a_post_with_a_new_author_and_tags(client, blog):
    title = "Caf\u00e9 \U0001F40D <i>first</i>"
    response = post_form(client, title=title, body="Hello\n\u2603", tags="Python, jvm, python")
    assert response.status_code == 302
    post = blog.Post.objects.get()
    assert response["Location"] == "/blog/%d/" % post.pk
    assert (post.title, post.body, post.author.name, post.author.email) == (
        title, "Hello\n\u2603", "Ada", "ada@example.com")
    assert [tag.name for tag in post.tags.order_by("name")] == ["jvm", "python"]
    assert post.published is not None and post.published.tzinfo is not None

    page = text(client.get(response["Location"]))
    assert "Caf\u00e9 \U0001F40D &lt;i&gt;first&lt;/i&gt;" in page
    assert ">jvm</a>" in page and ">python</a>" in page
    listing = text(client.get("/blog/"))
    assert 'href="/blog/%d/"' % post.pk in listing
    assert '<span class="author">Ada</span>' in listing


def test_an_existing_author_and_tag_are_reused(client, blog):
    for number in range(2):
        assert post_form(client, title="Post %d" % number, body="text", tags="shared").status_code == 302
    assert blog.Author.objects.count() == 1
    assert blog.Tag.objects.count() == 1
    assert blog.Tag.objects.get().posts.count() == 2
    listing = text(client.get("/blog/"))
    # Newest first.
    assert listing.index("Post 1") < listing.index("Post 0")


def test_the_tag_filter_lists_only_tagged_posts(client):
    post_form(client, title="Tagged", body="text", tags="news")
    post_form(client, title="Untagged", body="text")
    listing = text(client.get("/blog/?tag=news"))
    assert "Tagged" in listing and "Untagged" not in listing
    assert "No posts yet." in text(client.get("/blog/?tag=nothing-here"))


def test_invalid_input_is_a_400_with_errors_and_nothing_written(client, blog):
    response = post_form(client, title="x" * 201, body="", tags="ok, not a slug!")
    assert response.status_code == 400
    assert sorted(form_errors(response)) == ["body", "tags", "title"]
    assert 'value="%s"' % ("x" * 201) in text(response)
    assert blog.Post.objects.count() == 0
    assert blog.Author.objects.count() == 0
    assert blog.Tag.objects.count() == 0


def test_too_many_tags_are_refused(client, blog):
    tags = ", ".join("tag%d" % number for number in range(11))
    response = post_form(client, title="t", body="b", tags=tags)
    assert response.status_code == 400
    assert "at most 10 tags" in form_errors(response)["tags"]
    assert blog.Post.objects.count() == 0


def test_missing_post_is_404_and_wrong_methods_are_405(client):
    assert client.get("/blog/12345/").status_code == 404
    assert client.post("/blog/", "", content_type=FORM).status_code == 405
    assert client.get("/blog/new/").status_code == 200


def test_deleting_an_author_deletes_their_posts(client, blog):
    post_form(client, title="Doomed", body="text", tags="gone")
    blog.Author.objects.get(name="Ada").delete()
    assert blog.Post.objects.count() == 0
    assert blog.Tag.objects.get(name="gone").posts.count() == 0


def test_database_settings_follow_the_environment(mysite_path):
    from mysite.settings import BASE_DIR, database_settings

    jndi, migrate = database_settings({"PYFRAMEWORK_DB_JNDI": "java:comp/env/jdbc/mysite",
                                       "PYFRAMEWORK_DB_DIALECT": "postgresql",
                                       "PYFRAMEWORK_DB_URL": "jdbc:h2:mem:ignored"})
    assert jndi == {"ENGINE": "pyframework.db.backends.jdbc", "JNDI_NAME": "java:comp/env/jdbc/mysite",
                    "DIALECT": "postgresql"}
    assert migrate is False
    with pytest.raises(ImproperlyConfigured) as missing_dialect:
        database_settings({"PYFRAMEWORK_DB_JNDI": "java:comp/env/jdbc/mysite"})
    assert "PYFRAMEWORK_DB_DIALECT" in str(missing_dialect.value)

    url, migrate = database_settings({"PYFRAMEWORK_DB_URL": "jdbc:postgresql://127.0.0.1/site",
                                      "PYFRAMEWORK_DB_DRIVER": "org.postgresql.Driver",
                                      "PYFRAMEWORK_DB_USER": "site", "PYFRAMEWORK_DB_PASSWORD": "secret"})
    assert url == {"ENGINE": "pyframework.db.backends.jdbc", "URL": "jdbc:postgresql://127.0.0.1/site",
                   "DRIVER": "org.postgresql.Driver", "USER": "site", "PASSWORD": "secret"}
    assert migrate is False

    embedded, migrate = database_settings({})
    if sys.platform.startswith("java"):
        # Kept open for the application's life (DB_CLOSE_DELAY=-1); the servlet's destroy() shuts it down.
        assert re.match(r"jdbc:h2:file:.+/mysite-database/mysite;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=\d+$", embedded["URL"])
        assert migrate is True
    else:
        assert embedded == {"ENGINE": "pyframework.db.backends.sqlite3", "NAME": os.path.join(BASE_DIR, "db.sqlite3")}
        assert migrate is False
        elsewhere, migrate = database_settings({"PYFRAMEWORK_DB_FILE": "/srv/mysite/site.sqlite3"})
        assert elsewhere == {"ENGINE": "pyframework.db.backends.sqlite3", "NAME": "/srv/mysite/site.sqlite3"}
        assert migrate is False


@pytest.mark.parametrize("migrate_on_startup", [True, False])
def test_the_wsgi_application_migrates_at_start_up_only_when_asked(db, mysite_path, migrate_on_startup):
    from pyframework.core.wsgi import get_wsgi_application
    from pyframework.db import connection

    with project_settings("mysite.settings", DATABASES={"default": dict(db.settings_dict)},
                          MIGRATE_ON_STARTUP=migrate_on_startup):
        try:
            get_wsgi_application()
            tables = [name.lower() for name in connection.introspection.table_names()]
            assert ("blog_post" in tables) is migrate_on_startup
        finally:
            for app_label in MIGRATED_APPS:
                call_command("migrate", app_label, "zero", verbosity=0)
