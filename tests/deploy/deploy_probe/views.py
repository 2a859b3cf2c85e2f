"""A view shaped like the one the security review exploited: a column label from the query string."""
from __future__ import unicode_literals

from pyframework.contrib.auth import get_user_model
from pyframework.db.models import F
from pyframework.http import HttpResponseBadRequest, JsonResponse


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
