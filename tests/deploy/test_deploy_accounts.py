"""Accounts, sessions and CSRF on the deployed WAR, once on Tomcat and once on Payara Micro.

Sessions are stored in the WAR's database; the browser here keeps cookies the
way a real one does, and fills every form with the token the page carries.
"""
from __future__ import absolute_import, division, unicode_literals

import re

from deploy_browser import Browser, signed_in_browser

XSS = '<script>alert("x")</script>'
ESCAPED_XSS = "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;"


def test_sign_up_reach_a_login_required_page_log_out_and_in_again(server):
    browser = Browser(server)
    gate = browser.get("/accounts/my-posts/")
    assert gate.status == 302, gate
    assert gate.header("Location").endswith("/mysite/accounts/login/?next=/mysite/accounts/my-posts/"), gate

    username = browser.sign_up()
    my_posts = browser.get("/accounts/my-posts/")
    assert my_posts.status == 200, my_posts
    assert "Posts by %s" % username in my_posts.text
    assert "Welcome, %s!" % username in my_posts.text

    logged_out = browser.log_out()
    assert logged_out.status == 302, logged_out
    assert logged_out.header("Location").endswith("/mysite/blog/"), logged_out
    assert browser.get("/accounts/my-posts/").status == 302

    before = browser.cookies.get("sessionid")
    logged_in = browser.log_in(username)
    assert logged_in.status == 302, logged_in
    assert browser.cookies.get("sessionid") not in (None, before)  # a new key at login
    assert browser.get("/accounts/my-posts/").status == 200


def test_a_wrong_password_does_not_sign_in(server):
    browser = Browser(server)
    username = browser.sign_up()
    browser.log_out()
    refused = browser.log_in(username, password="not-the-password")
    assert refused.status == 200, refused
    assert 'class="error"' in refused.text
    assert browser.get("/accounts/my-posts/").status == 302


def test_a_post_without_the_csrf_token_is_403_and_with_it_succeeds(server):
    browser = signed_in_browser(server)
    forged = browser.submit("/blog/new/", {"title": "forged", "body": "text"}, with_token=False)
    assert forged.status == 403, forged
    accepted = browser.submit("/blog/new/", {"title": "with a token", "body": "text"})
    assert accepted.status == 302, accepted
    assert re.search(r"/mysite/blog/\d+/$", accepted.header("Location")), accepted


def test_markup_in_a_form_field_is_rendered_escaped(server):
    browser = signed_in_browser(server)
    created = browser.submit("/blog/new/", {"title": XSS, "body": XSS})
    assert created.status == 302, created
    page = browser.get(created.header("Location").split("/mysite", 1)[1])
    assert page.status == 200, page
    assert XSS not in page.text
    assert ESCAPED_XSS in page.text or "&lt;script&gt;" in page.text

    refused = browser.submit("/accounts/signup/", {"username": XSS, "password1": "x", "password2": "y"})
    assert refused.status in (200, 400), refused
    assert XSS not in refused.text and "&lt;script&gt;" in refused.text


def test_a_tampered_session_cookie_is_treated_as_anonymous(server):
    browser = signed_in_browser(server)
    key = browser.cookies["sessionid"]
    browser.cookies["sessionid"] = key[:-1] + ("a" if key[-1] != "a" else "b")
    response = browser.get("/accounts/my-posts/")
    assert response.status == 302, response
    assert "/accounts/login/" in response.header("Location")
    home = browser.get("/blog/")
    assert home.status == 200 and 'class="login"' in home.text


def test_the_session_is_shared_by_every_request_of_a_browser(server):
    browser = signed_in_browser(server)
    for _ in range(3):
        assert browser.get("/accounts/my-posts/").status == 200
    # A second browser knows nothing of the first one's session.
    assert Browser(server).get("/accounts/my-posts/").status == 302
