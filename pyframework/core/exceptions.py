"""Exceptions shared by every layer of the framework (mirrors ``django.core.exceptions``)."""
from __future__ import absolute_import, unicode_literals

import operator

from pyframework.utils.compat import text_type
from pyframework.utils.hashable import make_hashable


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


class CacheServerUnavailable(Exception):
    """A cache server (Redis) could not be reached; the cache backend turns it into a miss.

    Not in Django (its Redis backend lets the driver's error through): here a cache outage
    must never fail a request.
    """


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


class RequestAborted(Exception):
    """The client went away while the request was being read or the response sent."""


class SynchronousOnlyOperation(Exception):
    """An operation that is only allowed outside an event loop was called inside one."""


class FieldDoesNotExist(Exception):
    """A model has no field of the requested name."""


class FieldError(Exception):
    """A lookup, expression or ordering names something the model does not have, or combines
    fields in a way that is not allowed."""


class EmptyResultSet(Exception):
    """A condition can never match (``pk__in=[]``): the query returns nothing without asking the database."""


class FullResultSet(Exception):
    """A condition always matches: it can be left out of the SQL."""


# The key of errors that belong to no single field (``form.non_field_errors()``).
NON_FIELD_ERRORS = "__all__"


class ValidationError(Exception):
    """A value failed validation (used by forms and models).

    ``message`` may be a text (with ``code`` and ``params``, formatted as ``message % params``),
    another ValidationError, a list of those, or a dict mapping field names to those, as model
    validation reports. Then:

    ``error_list``
        the single errors (each a ValidationError with ``message``, ``code``, ``params``);
    ``error_dict``
        ``{field: [ValidationError, ...]}``, only when built from a dict;
    ``messages``
        every message, formatted; ``message_dict`` ``{field: [messages]}`` (dict errors only);
    iteration
        the formatted messages, or ``(field, [messages])`` pairs for a dict error.

    Two errors are equal when their messages, codes and params are.
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
        """``{field: [messages]}``; only for errors built from a dict (AttributeError otherwise)."""
        self.error_dict  # noqa: B018 - AttributeError, as in Django, for other errors
        return dict(self)

    @property
    def messages(self):
        if hasattr(self, "error_dict"):
            return sum(dict(self).values(), [])
        return list(self)

    def update_error_dict(self, error_dict):
        if hasattr(self, "error_dict"):
            for field, error_list in self.error_dict.items():
                error_dict.setdefault(field, []).extend(error_list)
        else:
            error_dict.setdefault(NON_FIELD_ERRORS, []).extend(self.error_list)
        return error_dict

    def __iter__(self):
        if hasattr(self, "error_dict"):
            for field, errors in self.error_dict.items():
                yield field, list(ValidationError(errors))
        else:
            for error in self.error_list:
                message = error.message
                if error.params:
                    message %= error.params
                yield text_type(message)

    def __str__(self):
        if hasattr(self, "error_dict"):
            return repr(dict(self))
        return repr(list(self))

    __unicode__ = __str__

    def __repr__(self):
        return "ValidationError(%s)" % self

    def __eq__(self, other):
        if not isinstance(other, ValidationError):
            return NotImplemented
        return hash(self) == hash(other)

    def __ne__(self, other):
        result = self.__eq__(other)
        return result if result is NotImplemented else not result

    def __hash__(self):
        if self._single:
            return hash((self.message, self.code, make_hashable(self.params)))
        if hasattr(self, "error_dict"):
            return hash(make_hashable(self.error_dict))
        return hash(tuple(sorted(self.error_list, key=operator.attrgetter("message"))))
