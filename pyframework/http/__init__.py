"""HTTP requests and responses (mirrors ``django.http``)."""
from __future__ import absolute_import, unicode_literals

from pyframework.http.cookie import SimpleCookie, parse_cookie
from pyframework.http.headers import BadHeaderError, HttpHeaders
from pyframework.http.querydict import QueryDict
from pyframework.http.request import HttpRequest, WSGIRequest
from pyframework.http.response import (
    FileResponse, Http404, HttpResponse, HttpResponseBadRequest, HttpResponseBase, HttpResponseForbidden,
    HttpResponseGone, HttpResponseNotAllowed, HttpResponseNotFound, HttpResponseNotModified,
    HttpResponsePermanentRedirect, HttpResponseRedirect, HttpResponseServerError, JsonResponse,
    StreamingHttpResponse,
)
from pyframework.http.stream import RawPostDataException, UnreadablePostError

__all__ = [
    "SimpleCookie", "parse_cookie", "BadHeaderError", "HttpHeaders", "QueryDict", "HttpRequest", "WSGIRequest",
    "RawPostDataException", "UnreadablePostError", "HttpResponseBase", "HttpResponse", "StreamingHttpResponse",
    "FileResponse", "HttpResponseRedirect", "HttpResponsePermanentRedirect", "HttpResponseNotModified",
    "HttpResponseBadRequest", "HttpResponseNotFound", "HttpResponseForbidden", "HttpResponseNotAllowed",
    "HttpResponseGone", "HttpResponseServerError", "JsonResponse", "Http404",
]
