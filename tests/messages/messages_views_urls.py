"""Views adding messages and pages showing them, for the messages tests."""
from __future__ import unicode_literals

import hashlib

from markupsafe import Markup

from pyframework.contrib import messages
from pyframework.http import HttpResponse, HttpResponseRedirect
from pyframework.shortcuts import render
from pyframework.urls import path


def add(request):
    """Add one message per ``level=text`` query pair, then redirect to the list."""
    for level_name, texts in request.GET.lists():
        for text in texts:
            getattr(messages, level_name)(request, text)
    return HttpResponseRedirect("/show/")


def add_markup(request):
    messages.info(request, Markup("<b>bold</b>"))
    messages.warning(request, "<i>plain</i>", extra_tags="sticky")
    return HttpResponseRedirect("/show/")


def add_many(request):
    for number in range(int(request.GET["count"])):
        # Hash digests: text that compression cannot shrink much.
        digest = hashlib.sha256(("%d" % number).encode("ascii")).hexdigest()
        messages.info(request, "message number %d %s" % (number, digest))
    return HttpResponseRedirect("/show/")


def add_with_level(request):
    messages.set_level(request, messages.DEBUG)
    messages.debug(request, "debug shown")
    return HttpResponseRedirect("/show/")


def show(request):
    return render(request, "messages_list.html")


def count(request):
    return HttpResponse("%d" % len(messages.get_messages(request)))


urlpatterns = [
    path("add/", add),
    path("add-markup/", add_markup),
    path("add-many/", add_many),
    path("add-with-level/", add_with_level),
    path("show/", show),
    path("count/", count),
]
