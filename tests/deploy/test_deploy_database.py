"""The example WAR reads and writes its database on real containers.

The blog tests take the ``server`` fixture: on Tomcat and on Payara Micro
the WAR uses its embedded H2 file database, migrated (and given the admin
superuser) by manage.py before start-up, as an operator would. The JNDI tests deploy the WAR on one more Tomcat, whose pooled
DataSource points at an H2 TCP server that the tests stop and restart.
"""
from __future__ import absolute_import, division, unicode_literals

import os
import re
import threading
import uuid

import pytest

from deploy_browser import signed_in_browser
from deploy_databases import H2TcpServer, JndiTomcatServer
from deploy_http import fetch
from deploy_manage import h2_driver_jar
from pyframework.utils.compat import quote

WRITERS = 6


def unique(prefix):
    return "%s %s" % (prefix, uuid.uuid4().hex[:12])


# One signed-in writer per site: signing up costs a full-strength password hash.
WRITERS_BY_SITE = {}


def writer(base):
    if base not in WRITERS_BY_SITE:
        WRITERS_BY_SITE[base] = signed_in_browser(base)
    return WRITERS_BY_SITE[base]


def submit_post(base, **fields):
    """POST the blog's form as the site's signed-in writer (with a freshly loaded form's CSRF token)."""
    return writer(base).submit("/blog/new/", fields)


def create_post(base, title, body="Some text.", tags=""):
    """Submit the form; return the path of the new post's page."""
    response = submit_post(base, title=title, body=body, tags=tags)
    assert response.status == 302, response
    location = response.header("Location")
    match = re.search(r"/mysite/blog/(\d+)/$", location)
    assert match, location
    return "/blog/%s/" % match.group(1)


def html_escaped(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# --- the blog on the embedded database, on every container --------------------

def test_a_new_post_shows_on_its_page_and_in_the_list(server):
    title = unique("Caf\u00e9 <b>on the JVM</b> \U0001F40D")
    path = create_post(server, title, body="Line one\nline two \u2014 \u00fcmlaut \U0001F600",
                       tags="jython, Databases")

    page = fetch(server + path)
    assert page.status == 200, page
    assert html_escaped(title) in page.text
    assert "Line one\nline two \u2014 \u00fcmlaut \U0001F600" in page.text
    assert '<span class="author">%s</span>' % writer(server).username in page.text
    assert ">databases</a>" in page.text and ">jython</a>" in page.text
    assert "<b>on the JVM" not in page.text

    listing = fetch(server + "/blog/")
    assert listing.status == 200, listing
    assert html_escaped(title) in listing.text
    assert 'href="/mysite%s"' % path in listing.text


def test_invalid_input_is_refused_with_the_form_errors(server):
    title = unique("never saved")
    response = submit_post(server, title=title, body="", tags="fine, not a slug!")
    assert response.status == 400, response
    errors = dict(re.findall(r'<p class="error" data-field="(\w+)">([^<]+)</p>', response.text))
    assert sorted(errors) == ["body", "tags"], response.text
    assert 'value="%s"' % title in response.text  # the form keeps what was typed
    assert html_escaped(title) not in fetch(server + "/blog/").text

    too_long = submit_post(server, title="x" * 201, body="text")
    assert too_long.status == 400, too_long
    assert 'data-field="title"' in too_long.text


def test_a_missing_post_is_404(server):
    assert fetch(server + "/blog/987654321/").status == 404
    assert fetch(server + "/blog/not-a-number/").status == 404


def test_posts_written_by_concurrent_requests_are_all_read_back(server):
    tag = "run-%s" % uuid.uuid4().hex[:10]
    titles = [unique("concurrent %d" % number) for number in range(WRITERS)]
    statuses = []

    def write(title):
        # One connection per request: the container hands them to different threads.
        statuses.append(submit_post(server, title=title, body="text", tags=tag).status)

    threads = [threading.Thread(target=write, args=(title,)) for title in titles]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert statuses == [302] * WRITERS

    pages = []
    readers = [threading.Thread(target=lambda: pages.append(fetch(server + "/blog/?tag=" + quote(tag))))
               for _ in range(3)]
    for reader in readers:
        reader.start()
    for reader in readers:
        reader.join(120)
    assert len(pages) == 3
    for page in pages:
        assert page.status == 200, page
        assert sorted(title for title in titles if title in page.text) == sorted(titles)
        assert page.text.count('class="post"') == WRITERS


# --- a JNDI DataSource from the container, and a database that goes away -------

@pytest.fixture(scope="module")
def h2_jar():
    return h2_driver_jar()


@pytest.fixture(scope="module")
def h2_server(tmp_path_factory, h2_jar):
    database = H2TcpServer(str(tmp_path_factory.mktemp("h2")), h2_jar)
    database.start()
    yield database
    database.stop()


@pytest.fixture(scope="module")
def jndi_site(deploy_war_on, h2_server, h2_jar):
    return deploy_war_on(JndiTomcatServer, database_url=h2_server.url(), h2_jar=h2_jar)


def test_the_war_uses_the_containers_jndi_datasource(jndi_site, h2_server):
    title = unique("through JNDI")
    path = create_post(jndi_site, title)
    assert html_escaped(title) in fetch(jndi_site + path).text
    # The tables and the post live in the H2 server's files, not in an embedded database.
    assert os.path.isfile(os.path.join(h2_server.base_dir, "mysite.mv.db"))


def test_a_database_outage_gives_503_and_the_site_recovers(jndi_site, h2_server):
    title = unique("before the outage")
    create_post(jndi_site, title)

    h2_server.stop()
    try:
        during = fetch(jndi_site + "/blog/")
        assert during.status == 503, during
        assert "database" in during.text.lower(), during.text
        # Pages that need no database keep working.
        assert fetch(jndi_site + "/").status == 200
    finally:
        h2_server.start()

    after = fetch(jndi_site + "/blog/")
    assert after.status == 200, after
    assert html_escaped(title) in after.text
    assert create_post(jndi_site, unique("after the outage"))
