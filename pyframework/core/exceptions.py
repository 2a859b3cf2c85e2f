"""Exceptions shared by every layer of the framework (mirrors ``django.core.exceptions``)."""
from __future__ import unicode_literals


class ImproperlyConfigured(Exception):
    """The project is misconfigured; the message says which setting to fix."""


class AppRegistryNotReady(Exception):
    """The app registry was used before ``pyframework.setup()`` populated it."""


class ObjectDoesNotExist(Exception):
    """The requested object does not exist."""


class MultipleObjectsReturned(Exception):
    """A query expected one object and found several."""


class ViewDoesNotExist(Exception):
    """A URL pattern names a view that cannot be imported."""


class MiddlewareNotUsed(Exception):
    """Raised by a middleware factory to take itself out of the chain."""


class PermissionDenied(Exception):
    """The user may not do this: becomes a 403 response."""


class BadRequest(Exception):
    """The request is malformed: becomes a 400 response."""


class SuspiciousOperation(Exception):
    """The request looks like an attack or a client bug: becomes a 400 response."""


class DisallowedHost(SuspiciousOperation):
    """The Host header is not in ALLOWED_HOSTS."""


class DisallowedRedirect(SuspiciousOperation):
    """A redirect to an unsafe URL scheme was attempted."""


class SuspiciousFileOperation(SuspiciousOperation):
    """A path tried to escape the directory it belongs to."""


class SuspiciousMultipartForm(SuspiciousOperation):
    """A multipart/form-data body is malformed."""


class RequestDataTooBig(SuspiciousOperation):
    """The request body exceeds DATA_UPLOAD_MAX_MEMORY_SIZE: becomes a 413 response."""


class TooManyFieldsSent(SuspiciousOperation):
    """More form fields than DATA_UPLOAD_MAX_NUMBER_FIELDS: becomes a 400 response."""


class TooManyFilesSent(SuspiciousOperation):
    """More uploaded files than DATA_UPLOAD_MAX_NUMBER_FILES: becomes a 400 response."""


class ValidationError(Exception):
    """A value failed validation (used by forms and models)."""

    def __init__(self, message, code=None, params=None):
        super(ValidationError, self).__init__(message, code, params)
        if isinstance(message, ValidationError):
            message, code, params = message.message, message.code, message.params
        self.message = message
        self.code = code
        self.params = params

    @property
    def messages(self):
        if isinstance(self.message, (list, tuple)):
            return list(self.message)
        return [self.message % self.params if self.params else self.message]

    def __str__(self):
        return repr(self.messages)
