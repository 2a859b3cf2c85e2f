"""Included by urls_mutual_a, and includes it back."""
from __future__ import unicode_literals

from pyframework.urls import include, path

from urls_views import post_list

urlpatterns = [
    path("list/", post_list, name="b-list"),
    path("a/", include("urls_mutual_a")),
]
