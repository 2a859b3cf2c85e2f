"""The three benchmark scenarios; the Django project under benchmarks/djbench does the same."""
from __future__ import unicode_literals

from pyframework.db import transaction
from pyframework.http import HttpResponse, HttpResponseBadRequest
from pyframework.shortcuts import redirect, render
from pyframework.views.decorators.csrf import csrf_exempt
from pyframework.views.decorators.http import require_POST

from catalog.forms import EntryForm
from catalog.models import Entry, Item

PAGE_ROWS = 20


def hello(request):
    return HttpResponse("Hello, World!", content_type="text/plain")


def page(request):
    items = Item.objects.order_by("id")[:PAGE_ROWS]
    return render(request, "catalog/page.html", {"items": items})


# wrk replays one fixed body, so it cannot carry a fresh CSRF token: this view is
# exempt here and in the Django contender alike; the middleware still runs.
@csrf_exempt
@require_POST
def form_post(request):
    form = EntryForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest("invalid form")
    with transaction.atomic():
        Entry.objects.create(title=form.cleaned_data["title"], quantity=form.cleaned_data["quantity"])
    return redirect("page")
