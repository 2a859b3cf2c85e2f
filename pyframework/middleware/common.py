"""CommonMiddleware: URL canonicalisation (APPEND_SLASH, PREPEND_WWW) and Content-Length."""
from __future__ import absolute_import, unicode_literals

from pyframework.conf import settings
from pyframework.http import HttpResponsePermanentRedirect
from pyframework.urls import is_valid_path
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
