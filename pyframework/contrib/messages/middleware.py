"""MessageMiddleware: gives each request its message storage and saves unread messages."""
from __future__ import absolute_import, unicode_literals

from pyframework.conf import settings
from pyframework.contrib.messages.storage import storage_class
from pyframework.utils.deprecation import MiddlewareMixin


class MessageMiddleware(MiddlewareMixin):

    def __init__(self, get_response):
        super(MessageMiddleware, self).__init__(get_response)
        self.storage_class = storage_class()
        self.debug = settings.DEBUG

    def process_request(self, request):
        request._messages = self.storage_class(request)

    def process_response(self, request, response):
        storage = getattr(request, "_messages", None)
        if storage is not None:
            unstored = storage.update(response)
            if unstored and self.debug:
                raise ValueError("Not all temporary messages could be stored: %d were lost." % len(unstored))
        return response
