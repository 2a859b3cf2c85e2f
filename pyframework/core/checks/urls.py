"""The root URLconf must import and its patterns must be valid."""
from __future__ import absolute_import, unicode_literals

import importlib

from pyframework.conf import settings
from pyframework.core.checks.messages import Error
from pyframework.core.checks.registry import Tags, register


@register(Tags.urls)
def check_url_config(app_configs=None, **kwargs):
    urlconf = settings.ROOT_URLCONF
    if not urlconf:
        return []  # reported by the settings checks
    try:
        module = importlib.import_module(urlconf)
    except Exception as exc:  # any error while importing the urls module is the finding
        return [Error(
            "The ROOT_URLCONF module '%s' cannot be imported: %s: %s" % (urlconf, exc.__class__.__name__, exc),
            hint="Fix the error above, or set ROOT_URLCONF to the right module.",
            obj=urlconf, id="urls.E001",
        )]
    patterns = getattr(module, "urlpatterns", None)
    if not isinstance(patterns, (list, tuple)):
        return [Error(
            "The ROOT_URLCONF module '%s' has no 'urlpatterns' list." % urlconf,
            hint="Define urlpatterns = [path(...), ...] in it.",
            obj=urlconf, id="urls.E002",
        )]
    try:
        from pyframework.urls import get_resolver

        # Building the resolver validates every pattern and included module.
        resolver = get_resolver(urlconf)
        getattr(resolver, "url_patterns", None)
    except Exception as exc:
        return [Error(
            "The URL patterns of '%s' are invalid: %s: %s" % (urlconf, exc.__class__.__name__, exc),
            obj=urlconf, id="urls.E003",
        )]
    return []
