"""GlassFish 7: the WAR's data goes through the JDBC pool into the private PostgreSQL.

The ``glassfish`` fixture (conftest.py, deploy_glassfish.py) created the pool and the JNDI
resource jdbc/mysite with asadmin; the site found it by that name. What the site writes over
HTTP is read back here straight from PostgreSQL with psql.
"""
from __future__ import absolute_import, division, unicode_literals

import re
import uuid

import pytest

from deploy_browser import signed_in_browser
from deploy_glassfish import postgres_settings, psql
from deploy_http import fetch
from deploy_servers import STARTED_SERVERS


@pytest.fixture
def glassfish_database(glassfish):
    """The name of the PostgreSQL database behind GlassFish's pool."""
    return STARTED_SERVERS[glassfish].database


def test_migrations_created_the_tables_in_postgresql(glassfish, glassfish_database):
    tables = set(psql(postgres_settings(), glassfish_database,
                      "SELECT tablename FROM pg_tables WHERE schemaname = 'public'").split())
    assert {"pyframework_migrations", "auth_user", "blog_post", "pyframework_session"} <= tables


def test_a_post_written_over_http_is_a_row_in_postgresql(glassfish, glassfish_database):
    title = "GlassFish pool %s" % uuid.uuid4().hex[:12]
    browser = signed_in_browser(glassfish)
    response = browser.submit("/blog/new/", {"title": title, "body": "Through jdbc/mysite.", "tags": "glassfish"})
    assert response.status == 302, response
    assert re.search(r"/mysite/blog/\d+/$", response.header("Location"))
    rows = psql(postgres_settings(), glassfish_database,
                "SELECT body FROM blog_post WHERE title = '%s'" % title).splitlines()
    assert rows == ["Through jdbc/mysite."]
    assert fetch(glassfish + "/blog/").text.count(title) == 1
