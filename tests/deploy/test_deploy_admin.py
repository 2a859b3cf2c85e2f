"""The admin of the example WAR on real containers: staff log in, list, add; the container serves its CSS.

Each test runs on every server (the ``server`` fixture): Tomcat 10.1, Tomcat 11, Payara Micro and
GlassFish. Their databases (embedded H2 files; GlassFish's PostgreSQL pool) hold the superuser that
``manage.py createsuperuser`` made before the server started (deploy_manage), as an operator
creates a site's first account.
"""
from __future__ import absolute_import, division, unicode_literals

import re
import uuid

from deploy_browser import Browser
from deploy_http import fetch
from deploy_manage import ADMIN_PASSWORD, ADMIN_USERNAME
from pyframework.utils.compat import urljoin, urlsplit

# One signed-in staff browser per site: a login costs a full-strength password hash.
STAFF_BY_SITE = {}


def staff(server):
    if server not in STAFF_BY_SITE:
        browser = Browser(server)
        response = browser.submit("/admin/login/", {"username": ADMIN_USERNAME, "password": ADMIN_PASSWORD,
                                                    "next": "/mysite/admin/"})
        assert response.status == 302, response
        assert urlsplit(response.header("Location")).path == "/mysite/admin/", response
        STAFF_BY_SITE[server] = browser
    return STAFF_BY_SITE[server]


def test_anonymous_visitors_are_sent_to_the_admin_login(server):
    index = fetch(server + "/admin/")
    assert index.status == 302, index
    location = urlsplit(index.header("Location"))
    assert location.path == "/mysite/admin/login/", location
    assert "next=" in location.query and "admin" in location.query, location

    login = fetch(server + "/admin/login/")
    assert login.status == 200, login
    assert 'id="login-form"' in login.text
    assert 'name="csrfmiddlewaretoken"' in login.text

    wrong = Browser(server).submit("/admin/login/", {"username": ADMIN_USERNAME, "password": "not-the-password"})
    assert wrong.status == 200, wrong
    assert "errornote" in wrong.text


def test_staff_see_the_index_and_the_change_list(server):
    browser = staff(server)
    index = browser.get("/admin/")
    assert index.status == 200, index
    for model in ("author", "post", "tag"):
        assert 'href="/mysite/admin/blog/%s/"' % model in index.text, index.text

    changelist = browser.get("/admin/blog/post/")
    assert changelist.status == 200, changelist
    assert 'id="changelist"' in changelist.text and 'class="paginator"' in changelist.text, changelist.text
    # Parameters naming no exposed field are refused or ignored, never a server error.
    for query in ("?o=99", "?password__startswith=x", "?author__name__regex=.*", "?p=999999"):
        answer = browser.get("/admin/blog/post/" + query)
        assert answer.status in (200, 302, 400, 404), (query, answer)


def test_staff_add_a_tag_and_find_it_in_the_list(server):
    browser = staff(server)
    name = "deploy-%s" % uuid.uuid4().hex[:10]
    added = browser.submit("/admin/blog/tag/add/", {"name": name, "_save": "Save"})
    assert added.status == 302, added
    assert urlsplit(added.header("Location")).path == "/mysite/admin/blog/tag/", added

    found = browser.get("/admin/blog/tag/?q=" + name)
    assert found.status == 200, found
    assert name in found.text
    match = re.search(r'href="/mysite/admin/blog/tag/(\d+)/change/[^"]*">%s<' % re.escape(name), found.text)
    assert match, found.text
    change = browser.get("/admin/blog/tag/%s/change/" % match.group(1))
    assert change.status == 200 and 'value="%s"' % name in change.text, change

    missing = browser.get("/admin/blog/tag/987654321/change/")
    assert missing.status in (302, 404), missing
    malformed = browser.get("/admin/blog/tag/not-a-number/change/")
    assert malformed.status in (302, 404), malformed


def test_the_admin_stylesheets_are_served_by_the_container(server):
    login = fetch(server + "/admin/login/")
    links = re.findall(r'<link rel="stylesheet"[^>]* href="([^"]+)"', login.text)
    admin_css = [link for link in links if "/static/admin/" in link]
    assert admin_css, links
    for link in admin_css:
        url = urljoin(server + "/", link)
        assert urlsplit(url).path.startswith("/mysite/static/admin/"), link
        stylesheet = fetch(url)
        assert stylesheet.status == 200, (link, stylesheet)
        assert stylesheet.header("Content-Type").startswith("text/css"), stylesheet
        # The container's default servlet, not Python: no middleware headers, conditional GETs answered.
        assert not stylesheet.header("X-Frame-Options"), stylesheet
        unchanged = fetch(url, headers={"If-Modified-Since": stylesheet.header("Last-Modified")})
        assert unchanged.status == 304, unchanged
