"""``i18n_patterns()`` and the ``set_language`` URL (``include("pyframework.conf.urls.i18n")``)."""
from __future__ import absolute_import, unicode_literals

from pyframework.conf import settings
from pyframework.urls import URLResolver, get_resolver, path
from pyframework.urls.patterns import LocalePrefixPattern
from pyframework.views.i18n import set_language


def i18n_patterns(*urls, **kwargs):
    """Put ``urls`` under the active language's prefix (``/de/...``).

    ``prefix_default_language=False`` serves ``LANGUAGE_CODE`` without a prefix. Only allowed
    in the root URLconf; with ``USE_I18N = False`` the patterns are returned unprefixed.
    """
    prefix_default_language = kwargs.pop("prefix_default_language", True)
    if kwargs:
        raise TypeError("i18n_patterns() got unexpected keyword arguments: %s" % ", ".join(sorted(kwargs)))
    if not settings.USE_I18N:
        return list(urls)
    return [URLResolver(LocalePrefixPattern(prefix_default_language=prefix_default_language), list(urls))]


def is_language_prefix_patterns_used(urlconf):
    """``(i18n_patterns() used in urlconf, its prefix_default_language)``; kept on the resolver,
    which is rebuilt when the URLconf changes (LocaleMiddleware asks on every request)."""
    resolver = get_resolver(urlconf)
    found = resolver.__dict__.get("_i18n_prefix_info")
    if found is None:
        found = (False, False)
        for entry in resolver.url_patterns:
            if isinstance(entry.pattern, LocalePrefixPattern):
                found = (True, entry.pattern.prefix_default_language)
                break
        resolver._i18n_prefix_info = found
    return found


urlpatterns = [
    path("setlang/", set_language, name="set_language"),
]
