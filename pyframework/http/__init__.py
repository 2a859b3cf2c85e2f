"""HTTP requests and responses (mirrors ``django.http``)."""
from __future__ import unicode_literals

from pyframework.http.response import Http404, HttpResponse  # noqa: F401
