"""A urlconf with a handler400 that needs a request object."""
from __future__ import unicode_literals

from pyframework.http import HttpResponseBadRequest

urlpatterns = []


def custom_bad_request(request, exception):
    return HttpResponseBadRequest("custom 400 for %s" % request.path)


handler400 = custom_bad_request
