from __future__ import unicode_literals

from adminapp.admin import other_site
from pyframework.contrib import admin
from pyframework.urls import path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("other/", other_site.urls),
]
