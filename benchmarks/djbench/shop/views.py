"""The same three scenarios as benchmarks/pfbench/catalog/views.py."""
from django.db import transaction
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from shop.forms import EntryForm
from shop.models import Entry, Item

PAGE_ROWS = 20


def hello(request):
    return HttpResponse("Hello, World!", content_type="text/plain")


def page(request):
    items = Item.objects.order_by("id")[:PAGE_ROWS]
    return render(request, "shop/page.html", {"items": items})


# Exempt exactly like the pyframework contender: wrk replays one fixed body.
@csrf_exempt
@require_POST
def form_post(request):
    form = EntryForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest("invalid form")
    with transaction.atomic():
        Entry.objects.create(title=form.cleaned_data["title"], quantity=form.cleaned_data["quantity"])
    return redirect("page")
