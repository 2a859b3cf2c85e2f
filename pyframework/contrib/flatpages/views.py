"""``flatpage(request, url)``: the FlatPage of ``url`` on the current site, rendered."""
from __future__ import absolute_import, unicode_literals

from pyframework.conf import settings
from pyframework.contrib.auth.redirects import redirect_to_login
from pyframework.contrib.flatpages.models import FlatPage
from pyframework.contrib.sites.shortcuts import get_current_site
from pyframework.http import Http404, HttpResponse, HttpResponsePermanentRedirect
from pyframework.shortcuts import get_object_or_404
from pyframework.template import loader
from pyframework.utils.safestring import mark_safe
from pyframework.views.decorators.csrf import csrf_protect

DEFAULT_TEMPLATE = "flatpages/default.html"


def flatpage(request, url):
    """The page stored for ``url`` (a leading ``/`` is added); with ``APPEND_SLASH`` a page found
    only under ``url + "/"`` is a 301 there. 404 when the current site has no such page."""
    if not url.startswith("/"):
        url = "/" + url
    site_id = get_current_site(request).id
    try:
        page = get_object_or_404(FlatPage, url=url, sites=site_id)
    except Http404:
        if url.endswith("/") or not settings.APPEND_SLASH:
            raise
        get_object_or_404(FlatPage, url=url + "/", sites=site_id)
        return HttpResponsePermanentRedirect("%s/" % request.path)
    return render_flatpage(request, page)


@csrf_protect
def render_flatpage(request, page):
    """Render ``page`` with its template (or the default), as ``flatpage`` in the context."""
    if page.registration_required and not request.user.is_authenticated:
        return redirect_to_login(request.path)
    if page.template_name:
        template = loader.select_template((page.template_name, DEFAULT_TEMPLATE))
    else:
        template = loader.get_template(DEFAULT_TEMPLATE)
    # Title and content are HTML written by staff in the admin, shown as written (as in Django).
    page.title = mark_safe(page.title)
    page.content = mark_safe(page.content)
    return HttpResponse(template.render({"flatpage": page}, request))
