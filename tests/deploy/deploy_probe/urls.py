"""/probe/... for the deployment tests, then every URL of the example project."""
from __future__ import unicode_literals

from deploy_probe import views
from mysite import urls as mysite_urls
from pyframework.urls import path

urlpatterns = [
    path("probe/usernames/", views.usernames_by_label),
    path("probe/redis/<slug:key>/", views.redis_entry),
] + list(mysite_urls.urlpatterns)
