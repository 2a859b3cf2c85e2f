"""The page answering a request refused by CSRF protection (403).

With DEBUG on it explains the reason and the usual fixes; otherwise it is a
short page, or the project's ``403_csrf.html`` template if it has one.
"""
from __future__ import absolute_import, unicode_literals

from pyframework.conf import settings
from pyframework.http import HttpResponseForbidden
from pyframework.views.debug import escape

CSRF_FAILURE_TEMPLATE_NAME = "403_csrf.html"

_SHORT_PAGE = ("<!doctype html><html lang=en><head><meta charset=utf-8><title>403 Forbidden</title></head>"
               "<body><h1>Forbidden (403)</h1><p>CSRF verification failed. Request aborted.</p>"
               "%s</body></html>")

_NO_REFERER_HELP = (
    "<p>This site is served over HTTPS and requires browsers to send a Referer header (or an "
    "Origin header) with this request, to show that it comes from one of its own pages. This "
    "browser sent neither. If you disabled Referer headers, re-enable them for this site, or "
    "use the Referrer-Policy 'same-origin'.</p>")

_NO_COOKIE_HELP = (
    "<p>This site needs a CSRF cookie when submitting forms, so it can tell the request "
    "comes from a page it served. Your browser did not send one: it may block cookies for "
    "this site. Please enable cookies for it.</p>")

_DEBUG_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>403 Forbidden: CSRF verification failed</title>
<style>body{font:15px/1.5 sans-serif;margin:0}header{background:#ffe3e3;padding:1em 2em}
main{padding:1em 2em}code{background:#f3f3f3;padding:0 .2em}li{margin:.3em 0}</style></head>
<body><header><h1>Forbidden (403)</h1><p>CSRF verification failed. Request aborted.</p>
<p><strong>Reason:</strong> <code>%(reason)s</code></p></header>
<main>%(help)s
<h2>Help</h2>
<p>This request (%(method)s to <code>%(path)s</code>) must prove it comes from a page of this
site: a form must send the token in its <code>csrfmiddlewaretoken</code> field, JavaScript in
the <code>X-CSRFToken</code> header, matching the visitor's <code>%(cookie)s</code> cookie.
Check that:</p>
<ul>
<li>the browser accepts cookies from this site;</li>
<li>the view renders its template with the request (<code>render(request, ...)</code>), so the
template can reach <code>csrf_input</code> and <code>csrf_token</code>;</li>
<li>every <code>&lt;form method="post"&gt;</code> aimed at this site contains
<code>{{ csrf_input }}</code>;</li>
<li>JavaScript requests copy <code>{{ csrf_token }}</code> (or the cookie) into the
<code>X-CSRFToken</code> header (setting CSRF_HEADER_NAME);</li>
<li>the page was not kept open across a log-in, which changes the token: reload it and retry;</li>
<li>behind HTTPS, a form posted from another of your domains is listed in CSRF_TRUSTED_ORIGINS.</li>
</ul>
<p>A view that must accept such requests (a webhook, say) can be marked with
<code>@csrf_exempt</code>. Set CSRF_FAILURE_VIEW to use your own failure page.</p>
<p>You see this page because DEBUG = True. With DEBUG off only a short message is shown.</p>
</main></body></html>"""


def _project_template(template_name):
    if not settings.TEMPLATES:
        return None
    from pyframework.template import TemplateDoesNotExist, loader

    try:
        return loader.get_template(template_name)
    except TemplateDoesNotExist:
        return None


def _help_for(reason):
    from pyframework.middleware.csrf import REASON_NO_CSRF_COOKIE, REASON_NO_REFERER

    if reason == REASON_NO_REFERER:
        return _NO_REFERER_HELP
    if reason == REASON_NO_CSRF_COOKIE:
        return _NO_COOKIE_HELP
    return ""


def csrf_failure(request, reason="", template_name=CSRF_FAILURE_TEMPLATE_NAME):
    """The default CSRF_FAILURE_VIEW: a 403 page saying why the request was refused."""
    if settings.DEBUG:
        body = _DEBUG_PAGE % {
            "reason": escape(reason),
            "help": _help_for(reason),
            "method": escape(request.method or ""),
            "path": escape(request.path),
            "cookie": escape(settings.CSRF_COOKIE_NAME),
        }
        return HttpResponseForbidden(body, content_type="text/html; charset=utf-8")
    template = _project_template(template_name)
    if template is not None:
        body = template.render({"reason": reason}, request)
    else:
        body = _SHORT_PAGE % _help_for(reason)
    return HttpResponseForbidden(body, content_type="text/html; charset=utf-8")
