"""i18n_patterns(prefix_default_language=False): the default language has no prefix."""
from __future__ import unicode_literals

from pyframework.conf.urls.i18n import i18n_patterns
from pyframework.urls import include, path

from i18n_urls import page

urlpatterns = [path("i18n/", include("pyframework.conf.urls.i18n"))] + i18n_patterns(
    path("page/<slug:slug>/", page, name="page"),
    prefix_default_language=False,
)
