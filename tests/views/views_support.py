"""Requests, templates and a urlconf for the view tests."""
from __future__ import unicode_literals

import os

import pytest

from pyframework.conf import settings
from pyframework.http import HttpRequest, HttpResponse
from pyframework.template import engines
from pyframework.urls import path, set_urlconf

TEMPLATE_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "view_templates")


def make_request(method="GET", path="/page/", query=None):
    request = HttpRequest()
    request.method = method
    request.path = request.path_info = path
    if query:
        request.META["QUERY_STRING"] = query
        for pair in query.split("&"):
            key, _, value = pair.partition("=")
            request.GET.appendlist(key, value)
    return request


def article_view(request, pk):
    return HttpResponse("article %s" % pk)


urlpatterns = [
    path("articles/<int:pk>/", article_view, name="view-article"),
]


@pytest.fixture
def view_env(monkeypatch):
    """Templates from view_templates/ and this module as the urlconf."""
    monkeypatch.setattr(settings, "TEMPLATES", [{"DIRS": [TEMPLATE_DIR], "OPTIONS": {}}])
    engines.reset()
    set_urlconf("views_support")
    yield
    set_urlconf(None)
    engines.reset()
