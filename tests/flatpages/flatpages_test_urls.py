"""URLs of the flatpages tests: the flatpages URLconf under pages/, the auth views for logins."""
from __future__ import unicode_literals

from pyframework.urls import include, path

urlpatterns = [
    path("pages/", include("pyframework.contrib.flatpages.urls")),
    path("accounts/", include("pyframework.contrib.auth.urls")),
]
