"""A browser for the deployment tests: keeps cookies, fills forms with their CSRF token, signs up.

Built on deploy_http.fetch, so no redirect is followed and every answer can be inspected.
"""
from __future__ import absolute_import, division, unicode_literals

import re
import uuid

from deploy_http import FORM_HEADERS, fetch
from pyframework.utils.compat import text_type, urlencode

PASSWORD = "plum-orchard-42-lantern"
# fetch() joins repeated Set-Cookie headers with ", "; a new cookie starts where "name=" follows
# (the comma inside an Expires date is followed by a day number, never by "name=").
COOKIE_SEPARATOR = re.compile(r",\s*(?=[!#$%&'*+\-.^_`|~0-9A-Za-z]+=)")
TOKEN_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class Browser(object):
    """Cookies per site, as a browser keeps them; ``server`` is the base URL ending in /mysite."""

    def __init__(self, server):
        self.server = server
        self.cookies = {}
        self.username = None

    def request(self, path, method="GET", fields=None):
        headers = {}
        body = None
        if fields is not None:
            body = urlencode(sorted((name, value.encode("utf-8") if isinstance(value, text_type) else value)
                                    for name, value in fields.items())).encode("ascii")
            headers.update(FORM_HEADERS)
        if self.cookies:
            headers["Cookie"] = "; ".join("%s=%s" % item for item in sorted(self.cookies.items()))
        response = fetch(self.server + path, method, body, headers)
        self.remember(response.header("Set-Cookie"))
        return response

    def get(self, path):
        return self.request(path)

    def remember(self, set_cookie):
        for cookie in COOKIE_SEPARATOR.split(set_cookie) if set_cookie else ():
            pair, _, attributes = cookie.partition(";")
            name, _, value = pair.strip().partition("=")
            if not value or re.search(r"max-age=0\b", attributes, re.IGNORECASE):
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = value

    def submit(self, page, fields, action=None, with_token=True):
        """Load the form on ``page`` and POST ``fields`` (with the form's CSRF token) to ``action``."""
        form = self.get(page)
        assert form.status == 200, form
        token = TOKEN_FIELD.search(form.text)
        assert token, form
        if with_token:
            fields = dict(fields, csrfmiddlewaretoken=token.group(1))
        return self.request(action or page, "POST", fields)

    def sign_up(self, username=None, password=PASSWORD):
        """Create an account through the sign-up form, which also signs it in; returns the username."""
        username = username or "user_%s" % uuid.uuid4().hex[:12]
        response = self.submit("/accounts/signup/", {"username": username, "email": "%s@example.com" % username,
                                                     "password1": password, "password2": password})
        assert response.status == 302, response
        assert response.header("Location").endswith("/mysite/accounts/my-posts/"), response
        self.username = username
        return username

    def log_in(self, username, password=PASSWORD):
        return self.submit("/accounts/login/", {"username": username, "password": password})

    def log_out(self):
        return self.submit("/blog/", {}, action="/accounts/logout/")


def signed_in_browser(server):
    browser = Browser(server)
    browser.sign_up()
    return browser
