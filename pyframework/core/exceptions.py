"""Exceptions shared by every layer of the framework (mirrors ``django.core.exceptions``)."""
from __future__ import absolute_import, unicode_literals


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


class FieldDoesNotExist(Exception):
    """A model has no field of the requested name."""


class ValidationError(Exception):
    """A value failed validation (used by forms and models).

    ``message`` may be a text, a list of messages/ValidationErrors, or a dict
    mapping field names to those (``message_dict``), as model validation reports.
    """

    def __init__(self, message, code=None, params=None):
        super(ValidationError, self).__init__(message, code, params)
        if isinstance(message, ValidationError):
            if hasattr(message, "error_dict"):
                message = message.error_dict
            elif not message._single:
                message = message.error_list
            else:
                message, code, params = message.message, message.code, message.params
        # Python 2 exceptions always have a ``message`` attribute: track the shape explicitly.
        self._single = not isinstance(message, (dict, list))
        if isinstance(message, dict):
            self.error_dict = {}
            for field, messages in message.items():
                if not isinstance(messages, ValidationError):
                    messages = ValidationError(messages)
                self.error_dict[field] = messages.error_list
        elif isinstance(message, list):
            self.error_list = []
            for item in message:
                if not isinstance(item, ValidationError):
                    item = ValidationError(item)
                if hasattr(item, "error_dict"):
                    self.error_list.extend(sum(item.error_dict.values(), []))
                else:
                    self.error_list.extend(item.error_list)
        else:
            self.message = message
            self.code = code
            self.params = params
            self.error_list = [self]

    @property
    def message_dict(self):
        """``{field: [messages]}``; only for errors built from a dict."""
        return dict((field, ValidationError(errors).messages) for field, errors in self.error_dict.items())

    @property
    def messages(self):
        if hasattr(self, "error_dict"):
            return sum(self.message_dict.values(), [])
        if not self._single:
            return [message for error in self.error_list for message in error.messages]
        if isinstance(self.message, (list, tuple)):
            return list(self.message)
        return [self.message % self.params if self.params else self.message]

    def update_error_dict(self, error_dict):
        if hasattr(self, "error_dict"):
            for field, error_list in self.error_dict.items():
                error_dict.setdefault(field, []).extend(error_list)
        else:
            error_dict.setdefault("__all__", []).extend(self.error_list)
        return error_dict

    def __iter__(self):
        if hasattr(self, "error_dict"):
            for field, errors in self.error_dict.items():
                yield field, ValidationError(errors).messages
        else:
            for message in self.messages:
                yield message

    def __str__(self):
        if hasattr(self, "error_dict"):
            return repr(self.message_dict)
        return repr(self.messages)
