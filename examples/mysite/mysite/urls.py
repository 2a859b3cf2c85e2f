"""Root URLconf of the example project: the demo pages, the blog under /blog/ (its Atom feed at
/blog/feed/), accounts under /accounts/, the admin under /admin/ and the sitemap at /sitemap.xml."""
from __future__ import unicode_literals

from pyframework.contrib import admin
from pyframework.contrib.sitemaps import views as sitemap_views
from pyframework.urls import include, path

from blog.sitemaps import SITEMAPS

urlpatterns = [
    path("admin/", admin.site.urls),
    path("blog/", include("blog.urls")),
    path("sitemap.xml", sitemap_views.sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    # POST language=de to /i18n/setlang/ (the form in base.html) to switch the site's language.
    path("i18n/", include("pyframework.conf.urls.i18n")),
    # login/, logout/, password_change/, password_reset/... from the auth app, sign-up from ours.
    path("accounts/", include("pyframework.contrib.auth.urls")),
    path("accounts/", include("accounts.urls")),
    path("", include("demo.urls")),
]
