"""The admin: a back office for every registered model, configured as in Django::

    from pyframework.contrib import admin

    @admin.register(Post)
    class PostAdmin(admin.ModelAdmin):
        list_display = ["title", "author", "published"]
        list_filter = ["published", "author"]
        search_fields = ["title", "^author__name"]

and ``path("admin/", admin.site.urls)`` in the URLconf. With ``pyframework.contrib.admin``
in INSTALLED_APPS every app's ``admin.py`` is imported at start-up (``autodiscover()``).
"""
from __future__ import absolute_import, unicode_literals

import importlib
import sys

from pyframework.contrib.admin.decorators import action, display, register
from pyframework.contrib.admin.filters import (
    AllValuesFieldListFilter, BooleanFieldListFilter, ChoicesFieldListFilter, DateFieldListFilter,
    FieldListFilter, ListFilter, RelatedFieldListFilter, SimpleListFilter)
from pyframework.contrib.admin.options import (
    HORIZONTAL, VERTICAL, ModelAdmin, StackedInline, TabularInline)
from pyframework.contrib.admin.sites import AdminSite, site

__all__ = [
    "action", "display", "register", "ModelAdmin", "HORIZONTAL", "VERTICAL", "StackedInline", "TabularInline",
    "AdminSite", "site", "ListFilter", "SimpleListFilter", "FieldListFilter", "BooleanFieldListFilter",
    "RelatedFieldListFilter", "ChoicesFieldListFilter", "DateFieldListFilter", "AllValuesFieldListFilter",
    "autodiscover",
]


def autodiscover():
    """Import the ``admin`` module of every installed app (a missing one is fine, a broken one is not)."""
    from pyframework.apps import apps

    for app_config in apps.get_app_configs():
        module_name = "%s.admin" % app_config.name
        if module_name in sys.modules:
            continue
        try:
            importlib.import_module(module_name)
        except ImportError as exc:
            if module_name in sys.modules or not _is_missing(exc, module_name):
                raise


def _is_missing(exc, module_name):
    missing = getattr(exc, "name", None)
    if missing is not None:
        return missing == module_name
    return str(exc).startswith("No module named") and str(exc).split()[-1] in (module_name, "admin")
