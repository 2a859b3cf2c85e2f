"""Root URLconf of the example project: everything is in the demo app."""
from __future__ import unicode_literals

from pyframework.urls import include, path

urlpatterns = [
    path("", include("demo.urls")),
]
