"""Support for middleware written as classes with ``process_request``/``process_response``, and
the deprecation warning classes Django's code and tests name."""
from __future__ import absolute_import, unicode_literals


class RemovedInDjango60Warning(DeprecationWarning):
    """Django's name for behaviour its next major version drops; pyframework raises these where it
    keeps Django 5.2's deprecated behaviour, so ported code and warning filters keep working."""


class RemovedInDjango61Warning(PendingDeprecationWarning):
    """As RemovedInDjango60Warning, one version further."""


RemovedInNextVersionWarning = RemovedInDjango60Warning
RemovedAfterNextVersionWarning = RemovedInDjango61Warning


class MiddlewareMixin(object):
    """Turn a class with ``process_request``/``process_response`` hooks into a middleware.

    Subclasses define either hook (or both); the chain calls them around the
    rest of the stack. A ``process_request`` that returns a response
    short-circuits the inner layers, as in Django.
    """

    def __init__(self, get_response):
        if get_response is None:
            raise ValueError("%s needs the next layer of the chain (get_response)." % self.__class__.__name__)
        self.get_response = get_response
        # Looked up once: most middlewares define only one of the two hooks.
        self._before = getattr(self, "process_request", None)
        self._after = getattr(self, "process_response", None)

    def __call__(self, request):
        response = None
        if self._before is not None:
            response = self._before(request)
        if response is None:
            response = self.get_response(request)
        if self._after is not None:
            response = self._after(request, response)
        return response
