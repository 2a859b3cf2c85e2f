"""Views (mirrors ``django.views``): the class-based ``View`` lives in ``generic``."""
from __future__ import absolute_import, unicode_literals

from pyframework.views.generic.base import View  # noqa: F401
