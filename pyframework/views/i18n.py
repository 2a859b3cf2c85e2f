"""Views for internationalization: ``set_language`` and the JavaScript catalog."""
from __future__ import absolute_import, unicode_literals

import json
import os

from pyframework.apps import apps
from pyframework.conf import settings
from pyframework.http import HttpResponse, HttpResponseRedirect
from pyframework.urls import translate_url
from pyframework.utils import formats
from pyframework.utils.http import url_has_allowed_host_and_scheme
from pyframework.utils.translation import check_for_language, get_language, trans_real
from pyframework.views.generic import View

LANGUAGE_QUERY_PARAMETER = "language"


def set_language(request):
    """Store the language a visitor picked (POST ``language``) and send them back to ``next``.

    The choice goes into the ``LANGUAGE_COOKIE_NAME`` cookie, which LocaleMiddleware reads.
    ``next`` (POST or GET) must point at this site, else the Referer is used, else ``/``;
    under ``i18n_patterns()`` it is translated into the new language's URL. Without a
    ``next`` and for a client that does not accept HTML (a script) the answer is a 204.
    """
    next_url = request.POST.get("next", request.GET.get("next"))
    if (next_url or request.accepts("text/html")) and not url_has_allowed_host_and_scheme(
            url=next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        next_url = request.META.get("HTTP_REFERER")
        if not url_has_allowed_host_and_scheme(url=next_url, allowed_hosts={request.get_host()},
                                               require_https=request.is_secure()):
            next_url = "/"
    if next_url:
        response = HttpResponseRedirect(next_url)
    else:
        response = HttpResponse(status=204)
        del response["Content-Type"]  # a 204 has no body to describe
    if request.method == "POST":
        lang_code = request.POST.get(LANGUAGE_QUERY_PARAMETER)
        if lang_code and lang_code in dict(settings.LANGUAGES) and check_for_language(lang_code):
            if next_url:
                next_translated = translate_url(next_url, lang_code)
                if next_translated != next_url:
                    response = HttpResponseRedirect(next_translated)
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME, lang_code,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                path=settings.LANGUAGE_COOKIE_PATH,
                domain=settings.LANGUAGE_COOKIE_DOMAIN,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            )
    return response


JS_CATALOG_TEMPLATE = """'use strict';
(function (globals) {
  var django = globals.django || (globals.django = {});
  django.pluralidx = function (n) {
    var v = (%(plural)s);
    return (typeof v === 'boolean') ? (v ? 1 : 0) : v;
  };
  django.catalog = %(catalog)s;
  django.formats = %(formats)s;
  django.gettext = function (msgid) {
    var value = django.catalog[msgid];
    if (typeof value === 'undefined') { return msgid; }
    return (typeof value === 'string') ? value : value[0];
  };
  django.ngettext = function (singular, plural, count) {
    var value = django.catalog[singular];
    if (typeof value === 'undefined' || typeof value === 'string') {
      return (count == 1) ? singular : plural;
    }
    var form = value.constructor === Array ? value[django.pluralidx(count)] : value;
    return (typeof form === 'undefined') ? ((count == 1) ? singular : plural) : form;
  };
  django.gettext_noop = function (msgid) { return msgid; };
  django.pgettext = function (context, msgid) {
    var value = django.gettext(context + '\\x04' + msgid);
    return (value.indexOf('\\x04') !== -1) ? msgid : value;
  };
  django.npgettext = function (context, singular, plural, count) {
    var value = django.ngettext(context + '\\x04' + singular, context + '\\x04' + plural, count);
    return (value.indexOf('\\x04') !== -1) ? django.ngettext(singular, plural, count) : value;
  };
  django.interpolate = function (fmt, obj, named) {
    if (named) {
      return fmt.replace(/%%\\(\\w+\\)s/g, function (match) { return String(obj[match.slice(2, -2)]); });
    }
    return fmt.replace(/%%s/g, function () { return String(obj.shift()); });
  };
  django.get_format = function (formatType) {
    var value = django.formats[formatType];
    return (typeof value === 'undefined') ? formatType : value;
  };
  globals.pluralidx = django.pluralidx;
  globals.gettext = django.gettext;
  globals.ngettext = django.ngettext;
  globals.gettext_noop = django.gettext_noop;
  globals.pgettext = django.pgettext;
  globals.npgettext = django.npgettext;
  globals.interpolate = django.interpolate;
  globals.get_format = django.get_format;
}(typeof globalThis !== 'undefined' ? globalThis : this));
"""

JS_FORMAT_NAMES = (
    "DATE_FORMAT", "DATETIME_FORMAT", "TIME_FORMAT", "YEAR_MONTH_FORMAT", "MONTH_DAY_FORMAT",
    "SHORT_DATE_FORMAT", "SHORT_DATETIME_FORMAT", "FIRST_DAY_OF_WEEK", "DECIMAL_SEPARATOR",
    "THOUSAND_SEPARATOR", "NUMBER_GROUPING", "DATE_INPUT_FORMATS", "TIME_INPUT_FORMATS",
    "DATETIME_INPUT_FORMATS",
)


class JavaScriptCatalog(View):
    """The ``djangojs`` catalog of the active language as JavaScript (``gettext()`` & co.).

    ``path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog")``; ``packages``
    (attribute, ``as_view(packages=[...])`` or ``+``-joined in the URL's ``packages``
    argument) limits the apps whose catalogs are used; ``domain`` defaults to ``djangojs``.
    """

    domain = "djangojs"
    packages = None

    def get(self, request, *args, **kwargs):
        packages = kwargs.get("packages", "")
        packages = packages.split("+") if packages else self.packages
        language = get_language() or settings.LANGUAGE_CODE
        translation = trans_real.Translation(language, domain=self.domain,
                                             localedirs=self._locale_dirs(packages))
        if language != settings.LANGUAGE_CODE and not language.startswith("en"):
            translation.fallback = trans_real.Translation(settings.LANGUAGE_CODE, domain=self.domain,
                                                          localedirs=self._locale_dirs(packages))
        context = {
            "catalog": json.dumps(self.get_catalog(translation), sort_keys=True, ensure_ascii=True),
            "formats": json.dumps(self.get_formats(), sort_keys=True, ensure_ascii=True),
            "plural": self.get_plural(translation),
        }
        return HttpResponse(JS_CATALOG_TEMPLATE % context, content_type='text/javascript; charset="utf-8"')

    def _locale_dirs(self, packages):
        if packages is None:
            return trans_real.all_locale_paths()
        dirs = list(settings.LOCALE_PATHS)
        dirs.extend(os.path.join(config.path, "locale") for config in apps.get_app_configs()
                    if config.name in packages)
        dirs.append(trans_real.FRAMEWORK_LOCALE_DIR)
        return dirs

    def get_catalog(self, translation):
        """{msgid: text, or [forms] for plurals}; higher-priority catalogs win."""
        catalog = {}
        chain = []
        current = translation
        while current is not None:
            chain.append(current)
            current = current.fallback
        for trans in reversed(chain):
            for gnu in reversed(trans.catalogs):
                for key, value in gnu._catalog.items():
                    if key == "":
                        continue
                    if isinstance(key, tuple):
                        forms = catalog.get(key[0])
                        if not isinstance(forms, list):
                            forms = catalog[key[0]] = []
                        while len(forms) <= key[1]:
                            forms.append(None)
                        forms[key[1]] = value
                    else:
                        catalog[key] = value
        return catalog

    def get_plural(self, translation):
        """The C expression of the first catalog's Plural-Forms header (also valid JavaScript)."""
        for gnu in translation.catalogs:
            header = gnu._catalog.get("", "")
            for line in header.split("\n"):
                if line.lower().startswith("plural-forms:"):
                    for part in line.split(":", 1)[1].split(";"):
                        name, _, value = part.strip().partition("=")
                        if name.strip() == "plural" and value.strip():
                            return value.strip()
        return "n != 1"

    def get_formats(self):
        return dict((name, formats.get_format(name)) for name in JS_FORMAT_NAMES)
