"""Root URLconf of the example project: the demo pages, and the blog under /blog/."""
from __future__ import unicode_literals

from pyframework.urls import include, path

urlpatterns = [
    path("blog/", include("blog.urls")),
    path("", include("demo.urls")),
]
