"""Sending a visitor to the login page and back."""
from __future__ import absolute_import, unicode_literals

from pyframework.conf import settings
from pyframework.contrib.auth import REDIRECT_FIELD_NAME
from pyframework.http import HttpResponseRedirect, QueryDict
from pyframework.shortcuts import resolve_url
from pyframework.utils.compat import urlsplit, urlunsplit


def redirect_to_login(next, login_url=None, redirect_field_name=REDIRECT_FIELD_NAME):
    """A redirect to ``login_url`` (default LOGIN_URL) carrying ``?next=<next>``."""
    resolved = resolve_url(login_url or settings.LOGIN_URL)
    parts = list(urlsplit(resolved))
    if redirect_field_name:
        query = QueryDict(parts[3], mutable=True)
        query[redirect_field_name] = next
        parts[3] = query.urlencode(safe="/")
    return HttpResponseRedirect(urlunsplit(parts))


def login_redirect_target(request, login_url=None):
    """``(path, login_url)``: the path to come back to, shortened to a path when the login page is on the same site."""
    path = request.build_absolute_uri()
    resolved = resolve_url(login_url or settings.LOGIN_URL)
    login_scheme, login_netloc = urlsplit(resolved)[:2]
    current_scheme, current_netloc = urlsplit(path)[:2]
    if (not login_scheme or login_scheme == current_scheme) and (not login_netloc or login_netloc == current_netloc):
        path = request.get_full_path()
    return path, resolved
