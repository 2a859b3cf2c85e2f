"""An application urlconf with its own app_name, included several times."""
from __future__ import unicode_literals

from pyframework.urls import path, re_path

from urls_views import post_detail, post_list

app_name = "blog"

urlpatterns = [
    path("", post_list, name="post-list"),
    path("<int:pk>/", post_detail, name="post-detail"),
    re_path(r"^archive/(?P<year>[0-9]{4})/$", post_list, name="archive"),
]
