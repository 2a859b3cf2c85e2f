"""URL routing: urlconf functions, resolve() and reverse() (mirrors ``django.urls``)."""
from __future__ import absolute_import, unicode_literals

from pyframework.urls.base import (  # noqa: F401
    clear_script_prefix, clear_url_caches, get_resolver, get_script_prefix, get_urlconf,
    is_valid_path, resolve, reverse, reverse_lazy, set_script_prefix, set_urlconf, translate_url,
)
from pyframework.urls.conf import include, path, re_path  # noqa: F401
from pyframework.urls.converters import register_converter  # noqa: F401
from pyframework.urls.exceptions import NoReverseMatch, Resolver404  # noqa: F401
from pyframework.urls.resolvers import ResolverMatch, URLPattern, URLResolver  # noqa: F401
