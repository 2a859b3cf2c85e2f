"""Two urlconfs that include each other (with urls_mutual_b), as Django allows."""
from __future__ import unicode_literals

from pyframework.urls import include, path

from urls_views import home

urlpatterns = [
    path("a-home/", home, name="a-home"),
    path("b/", include("urls_mutual_b")),
]
