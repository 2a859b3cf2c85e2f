"""Probe views: one shaped like the one the security review exploited (a column label from the
query string), one that reads and writes the Redis cache from inside the container."""
from __future__ import unicode_literals


from pyframework.contrib.auth import get_user_model
from pyframework.db.models import F
from pyframework.core.cache import caches
from pyframework.http import HttpResponseBadRequest, JsonResponse
from pyframework.utils.compat import JYTHON
from pyframework.views.decorators.csrf import csrf_exempt


def usernames_by_label(request):
    """``?label=NAME``: the usernames under a caller-chosen alias (annotate by a request parameter).

    A careless view, on purpose: the framework itself must keep the label from becoming SQL.
    The ValueError of an alias check is answered with 400, as an application would.
    """
    label = request.GET.get("label", "name")
    try:
        rows = list(get_user_model().objects.annotate(**{label: F("username")}).values_list(label, flat=True))
    except ValueError as exc:
        return HttpResponseBadRequest("%s" % exc, content_type="text/plain; charset=utf-8")
    return JsonResponse({"label": label, "values": rows})


@csrf_exempt
def redis_entry(request, key):
    """GET: the entry ``key`` of CACHES["redis"] as JSON; POST ``text=...``: store
    ``{"text": ..., "runtime": "jython" or "cpython"}`` under it and add 1 to the ``counter`` entry."""
    cache = caches["redis"]
    if request.method == "POST":
        # Not sys.platform: Jython's is a "shadowstr", which pickle refuses.
        cache.set(key, {"text": request.POST.get("text", ""), "runtime": "jython" if JYTHON else "cpython"})
        cache.add("counter", 0)
        cache.incr("counter")
    return JsonResponse({"value": cache.get(key), "counter": cache.get("counter")})
