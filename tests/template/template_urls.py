"""Urlconf used by the url() template helper tests."""
from __future__ import unicode_literals

from pyframework.urls import path


def home(request):
    return None


urlpatterns = [
    path("", home, name="tmpl-home"),
    path("items/<int:pk>/", home, name="tmpl-item"),
]
