"""Context processors: callables(request) -> dict merged into every template context.

List them in ``TEMPLATES[...]["OPTIONS"]["context_processors"]`` by dotted path.
"""
from __future__ import absolute_import, unicode_literals

from pyframework.conf import settings
from pyframework.template.urls import static_url


def request(request):
    """Adds ``request``."""
    return {"request": request}


def debug(request):
    """Adds ``debug``: the DEBUG setting, to show diagnostics only in development."""
    return {"debug": settings.DEBUG}


def static(request):
    """Adds ``STATIC_URL`` (with the script prefix, as ``static()`` uses it)."""
    return {"STATIC_URL": static_url()}
