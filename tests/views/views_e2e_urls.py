"""Urlconf for the view tests that go through the whole request handler."""
from __future__ import unicode_literals

from pyframework.http import HttpResponse
from pyframework.urls import path
from pyframework.views.decorators.http import require_POST
from pyframework.views.generic import RedirectView, TemplateView


@require_POST
def submit(request):
    return HttpResponse("submitted")


urlpatterns = [
    path("page/<slug:name>/", TemplateView.as_view(template_name="e2e_page.html"), name="e2e-page"),
    path("old/<slug:name>/", RedirectView.as_view(pattern_name="e2e-page")),
    path("submit/", submit),
]
