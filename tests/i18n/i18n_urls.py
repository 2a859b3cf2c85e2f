"""URLconf of the i18n tests: pages under i18n_patterns(), set_language and the JS catalog."""
from __future__ import unicode_literals

from pyframework.conf.urls.i18n import i18n_patterns
from pyframework.http import HttpResponse
from pyframework.urls import include, path, reverse
from pyframework.utils import translation
from pyframework.views.i18n import JavaScriptCatalog


def page(request, slug=None):
    return HttpResponse("%s|%s|%s" % (translation.get_language(), translation.gettext("Yes"),
                                      reverse("page", kwargs={"slug": slug or "x"})))


urlpatterns = [
    path("i18n/", include("pyframework.conf.urls.i18n")),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("plain/", page, name="plain"),
] + i18n_patterns(
    path("page/<slug:slug>/", page, name="page"),
)
