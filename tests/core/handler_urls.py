"""URLs and views exercised by the request handler tests."""
from __future__ import unicode_literals

from pyframework.core.exceptions import BadRequest, PermissionDenied, SuspiciousOperation
from pyframework.http import FileResponse, Http404, HttpResponse, HttpResponseNotAllowed
from pyframework.urls import get_script_prefix, path


class ReprExplodes(object):
    def __repr__(self):
        raise RuntimeError("no repr for you")


def ok(request):
    return HttpResponse("ok: %s" % request.method)


def not_found(request):
    raise Http404("No widget with that number")


def forbidden(request):
    raise PermissionDenied("members only")


def bad_request(request):
    raise BadRequest("malformed widget")


def suspicious(request):
    raise SuspiciousOperation("dodgy widget")


def only_get(request):
    return HttpResponseNotAllowed(["GET"])


def crash(request):
    api_token = "hunter2" + "-token-value"  # noqa: F841 - its value must be hidden on the DEBUG page
    odd = ReprExplodes()  # noqa: F841 - the DEBUG page must survive its repr()
    raise ValueError("boom <b>bold</b>")


def returns_none(request):
    return None


def form_keys(request):
    return HttpResponse(",".join(sorted(request.POST.keys())))


def body_length(request):
    return HttpResponse("%d" % len(request.body))


def query_keys(request):
    return HttpResponse(",".join(sorted(request.GET.keys())))


def script_prefix(request):
    return HttpResponse(get_script_prefix())


def streamed_file(request):
    return FileResponse(open(__file__, "rb"), content_type="text/plain")


urlpatterns = [
    path("ok/", ok, name="ok"),
    path("missing/", not_found),
    path("forbidden/", forbidden),
    path("bad/", bad_request),
    path("suspicious/", suspicious),
    path("only-get/", only_get),
    path("crash/", crash),
    path("none/", returns_none),
    path("form/", form_keys),
    path("body/", body_length),
    path("query/", query_keys),
    path("prefix/", script_prefix),
    path("file/", streamed_file),
]


def java_failure(request):
    from java.util import ArrayList  # only routed on Jython
    return ArrayList().get(5)


def many_fields(request):
    return HttpResponse("%d" % len(request.POST))


def host(request):
    return HttpResponse(request.get_host())


urlpatterns += [
    path("java/", java_failure),
    path("many-fields/", many_fields),
    path("host/", host),
]
