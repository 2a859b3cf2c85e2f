"""LocaleMiddleware: serve each request in the language it asks for.

The language comes from the URL's ``i18n_patterns()`` prefix, then the
``LANGUAGE_COOKIE_NAME`` cookie (set by the ``set_language`` view), then the
``Accept-Language`` header, then ``LANGUAGE_CODE``. It is activated for the request's
thread and stored as ``request.LANGUAGE_CODE``. Put it after ``SessionMiddleware`` and
before ``CommonMiddleware``, as in Django.
"""
from __future__ import absolute_import, unicode_literals

from pyframework.conf import settings
from pyframework.conf.urls.i18n import is_language_prefix_patterns_used
from pyframework.http import HttpResponseRedirect
from pyframework.urls import get_script_prefix, is_valid_path
from pyframework.utils import translation
from pyframework.utils.cache import patch_vary_headers
from pyframework.utils.deprecation import MiddlewareMixin


class LocaleMiddleware(MiddlewareMixin):
    """Activates the request's language; redirects ``/page/`` to ``/<lang>/page/`` under i18n_patterns."""

    response_redirect_class = HttpResponseRedirect

    def process_request(self, request):
        urlconf = getattr(request, "urlconf", None) or settings.ROOT_URLCONF
        i18n_patterns_used, prefixed_default_language = is_language_prefix_patterns_used(urlconf)
        language = translation.get_language_from_request(request, check_path=i18n_patterns_used)
        language_from_path = translation.get_language_from_path(request.path_info)
        if not language_from_path and i18n_patterns_used and not prefixed_default_language:
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()

    def process_response(self, request, response):
        language = translation.get_language()
        language_from_path = translation.get_language_from_path(request.path_info)
        urlconf = getattr(request, "urlconf", None) or settings.ROOT_URLCONF
        i18n_patterns_used, prefixed_default_language = is_language_prefix_patterns_used(urlconf)
        if (response.status_code == 404 and not language_from_path and i18n_patterns_used
                and prefixed_default_language):
            # The language prefix may be all that is missing: redirect to the prefixed URL.
            language_path = "/%s%s" % (language, request.path_info)
            path_valid = is_valid_path(language_path, urlconf)
            path_needs_slash = (not path_valid and settings.APPEND_SLASH and not language_path.endswith("/")
                                and is_valid_path("%s/" % language_path, urlconf))
            if path_valid or path_needs_slash:
                script_prefix = get_script_prefix()
                language_url = request.get_full_path(force_append_slash=path_needs_slash).replace(
                    script_prefix, "%s%s/" % (script_prefix, language), 1)
                redirect = self.response_redirect_class(language_url)
                # The redirect depends on the headers that chose the language: caches must know.
                patch_vary_headers(redirect, ("Accept-Language", "Cookie"))
                return redirect
        if not (i18n_patterns_used and language_from_path):
            patch_vary_headers(response, ("Accept-Language",))
        if not response.has_header("Content-Language") and language:
            response["Content-Language"] = language
        return response
