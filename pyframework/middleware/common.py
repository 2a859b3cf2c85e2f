"""CommonMiddleware: URL canonicalisation (APPEND_SLASH, PREPEND_WWW) and Content-Length;
BrokenLinkEmailsMiddleware: 404s reached from a link, mailed to the MANAGERS."""
from __future__ import absolute_import, unicode_literals

import re

from pyframework.conf import settings
from pyframework.core.mail import mail_managers
from pyframework.http import HttpResponsePermanentRedirect
from pyframework.urls import is_valid_path
from pyframework.utils.compat import urlsplit
from pyframework.utils.deprecation import MiddlewareMixin

_BODY_METHODS = ("POST", "PUT", "PATCH")


class CommonMiddleware(MiddlewareMixin):
    """Redirect to the canonical URL of a page.

    * PREPEND_WWW: ``example.com/x`` redirects to ``www.example.com/x``.
    * APPEND_SLASH: a 404 for ``/x`` redirects to ``/x/`` when ``/x/`` resolves
      and ``/x`` doesn't, so both spellings of a URL work.
    """

    response_redirect_class = HttpResponsePermanentRedirect

    def process_request(self, request):
        # As in Django: get_host() on every request, so a disallowed Host is a 400 here too.
        host = request.get_host()
        if not settings.PREPEND_WWW or not host or host.startswith("www."):
            return None
        if self.should_redirect_with_slash(request):
            path = self.get_full_path_with_slash(request)
        else:
            path = request.get_full_path()
        return self.response_redirect_class("%s://www.%s%s" % (request.scheme, host, path))

    def should_redirect_with_slash(self, request):
        if not settings.APPEND_SLASH:
            return False
        path_info = request.path_info
        if path_info.endswith("/"):
            return False
        urlconf = getattr(request, "urlconf", None)
        return not is_valid_path(path_info, urlconf) and is_valid_path(path_info + "/", urlconf)

    def get_full_path_with_slash(self, request):
        """The request's URL with a slash after the path, query string kept."""
        path, question_mark, query = request.get_full_path().partition("?")
        new_url = path + "/" + question_mark + query
        if settings.DEBUG and request.method in _BODY_METHODS:
            raise RuntimeError(
                "You called this URL via %(method)s, but the URL doesn't end in a slash and you have "
                "APPEND_SLASH set. The framework can't redirect to the slash URL while keeping %(method)s "
                "data (browsers resend a redirected request as GET, without its body). Change your form "
                "to point to %(url)s (note the trailing slash), or set APPEND_SLASH = False in your settings."
                % {"method": request.method, "url": request.get_host() + new_url})
        # "//evil.example" would be read by browsers as another host.
        if new_url.startswith("//"):
            new_url = "/%2F" + new_url[2:]
        return new_url

    def process_response(self, request, response):
        if response.status_code == 404 and self.should_redirect_with_slash(request):
            return self.response_redirect_class(self.get_full_path_with_slash(request))
        if not getattr(response, "streaming", False) and not response.has_header("Content-Length"):
            response["Content-Length"] = str(len(response.content))
        return response


class BrokenLinkEmailsMiddleware(MiddlewareMixin):
    """When DEBUG is off, mail the MANAGERS about a 404 that a link led to (a Referer is sent).

    Not reported: requests without a Referer, the APPEND_SLASH redirect's own request, links
    from other sites that carry a query string (usually bots), a page referring to itself, and
    paths matching one of IGNORABLE_404_URLS (compiled regular expressions).
    """

    def process_response(self, request, response):
        if response.status_code == 404 and not settings.DEBUG:
            domain = request.get_host()
            path = request.get_full_path()
            referer = request.META.get("HTTP_REFERER", "")
            if not self.is_ignorable_request(request, path, domain, referer):
                internal = "INTERNAL " if self.is_internal_request(domain, referer) else ""
                mail_managers(
                    "Broken %slink on %s" % (internal, domain),
                    "Referrer: %s\nRequested URL: %s\nUser agent: %s\nIP address: %s\n" % (
                        referer, path, request.META.get("HTTP_USER_AGENT", "<none>"),
                        request.META.get("REMOTE_ADDR", "<none>")),
                    fail_silently=True)
        return response

    def is_internal_request(self, domain, referer):
        """Whether ``referer`` is a page of this site (``domain``)."""
        return bool(re.match("^https?://%s/" % re.escape(domain), referer))

    def is_ignorable_request(self, request, uri, domain, referer):
        """Whether this 404 is not worth a message (see the class docstring)."""
        if not referer:
            return True
        if settings.APPEND_SLASH and uri.endswith("/") and referer == uri[:-1]:
            return True
        if not self.is_internal_request(domain, referer) and "?" in referer:
            return True
        parsed = urlsplit(referer)
        if parsed.netloc in ("", domain) and parsed.path == uri:
            return True
        return any(pattern.search(uri) for pattern in settings.IGNORABLE_404_URLS)
