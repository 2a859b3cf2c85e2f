"""A middleware that records the Host of every request it sees (the ALLOWED_HOSTS tests)."""
from __future__ import unicode_literals

SEEN = []


class Recorder(object):
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        SEEN.append(request.META.get("HTTP_HOST"))
        return self.get_response(request)
