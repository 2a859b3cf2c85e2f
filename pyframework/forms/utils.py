"""Error containers, HTML attributes and time zones shared by fields, widgets and forms."""
from __future__ import absolute_import, unicode_literals

import datetime
import json

from markupsafe import Markup, escape

from pyframework.conf import settings
from pyframework.core.exceptions import ValidationError
from pyframework.utils import timezone
from pyframework.utils.compat import python_2_unicode_compatible, text_type


def pretty_name(name):
    """``first_name`` -> ``First name``: the default label of a field."""
    if not name:
        return ""
    return name.replace("_", " ").capitalize()


def flatatt(attrs):
    """HTML attributes as `` name="value"`` pairs, escaped and in a stable order.

    ``True`` renders a bare boolean attribute (``required``); ``False`` and
    ``None`` leave the attribute out. Sorting keeps the markup identical on
    Python 2, whose dicts have no insertion order.
    """
    parts = []
    for name in sorted(attrs):
        value = attrs[name]
        if value is True:
            parts.append(" %s" % escape(name))
        elif value is not None and value is not False:
            parts.append(' %s="%s"' % (escape(name), escape(value)))
    return Markup("".join(parts))


# --- ValidationError as lists and dicts -------------------------------------
# Forms need each error as one message with its code. These two functions read
# both the plain ValidationError (a message, code and params) and the richer one
# holding ``error_list``/``error_dict``, whatever the caller raised.

def error_messages_list(error):
    """``error`` as a flat list of single-message ValidationErrors."""
    if hasattr(error, "error_dict"):
        return [item for errors in error.error_dict.values() for item in errors]
    if hasattr(error, "error_list"):
        return list(error.error_list)
    message = error.message
    if isinstance(message, dict):
        message = list(message.values())
    if isinstance(message, (list, tuple)):
        result = []
        for item in message:
            result.extend(error_messages_list(as_validation_error(item)))
        return result
    if isinstance(message, ValidationError):
        return error_messages_list(message)
    return [error]


def error_messages_dict(error):
    """``{field: [ValidationError, ...]}`` when ``error`` was built from a dict, else None."""
    if hasattr(error, "error_dict"):
        return dict((field, list(errors)) for field, errors in error.error_dict.items())
    if hasattr(error, "error_list"):
        return None
    message = error.message
    if isinstance(message, dict):
        return dict((field, error_messages_list(as_validation_error(value)))
                    for field, value in message.items())
    return None


def as_validation_error(value):
    return value if isinstance(value, ValidationError) else ValidationError(value)


def message_text(error):
    """The text of a single-message ValidationError, with its params filled in."""
    message = error.message
    if error.params:
        message = message % error.params
    return text_type(message)


@python_2_unicode_compatible
class ErrorList(object):
    """The errors of one field (or of the whole form): iterates over message texts.

    Renders as ``<ul class="errorlist">``; ``field_id`` gives the list an id so
    the field's ``aria-describedby`` can point at it.
    """

    def __init__(self, initlist=None, error_class=None, field_id=None):
        self.data = []
        for item in initlist or ():
            self.data.extend(error_messages_list(as_validation_error(item)))
        self.error_class = "errorlist" if error_class is None else "errorlist %s" % error_class
        self.field_id = field_id

    def extend(self, errors):
        for item in errors:
            self.data.extend(error_messages_list(as_validation_error(item)))

    def append(self, error):
        self.extend([error])

    def as_data(self):
        return list(self.data)

    def get_json_data(self, escape_html=False):
        result = []
        for error in self.data:
            text = message_text(error)
            result.append({"message": text_type(escape(text)) if escape_html else text, "code": error.code or ""})
        return result

    def as_json(self, escape_html=False):
        return json.dumps(self.get_json_data(escape_html))

    def as_ul(self):
        if not self.data:
            return Markup("")
        list_id = ' id="%s"' % escape(self.field_id) if self.field_id else ""
        items = "".join("<li>%s</li>" % escape(text) for text in self)
        return Markup('<ul class="%s"%s>%s</ul>' % (escape(self.error_class), list_id, items))

    def as_text(self):
        return "\n".join("* %s" % text for text in self)

    def __html__(self):
        return self.as_ul()

    def __str__(self):
        return self.as_ul()

    def __iter__(self):
        return iter([message_text(error) for error in self.data])

    def __len__(self):
        return len(self.data)

    def __bool__(self):
        return bool(self.data)

    __nonzero__ = __bool__

    def __getitem__(self, index):
        return message_text(self.data[index])

    def __contains__(self, text):
        return text in list(self)

    def __eq__(self, other):
        # Compares with a list of message texts, as tests and templates expect.
        if not isinstance(other, (ErrorList, list, tuple)):
            return NotImplemented
        return list(self) == list(other)

    def __ne__(self, other):
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    __hash__ = None

    def __repr__(self):
        return repr(list(self))


@python_2_unicode_compatible
class ErrorDict(dict):
    """Field name -> ErrorList; renders as a nested ``<ul>`` (``__all__`` for form-wide errors)."""

    def as_data(self):
        return dict((field, errors.as_data()) for field, errors in self.items())

    def get_json_data(self, escape_html=False):
        return dict((field, errors.get_json_data(escape_html)) for field, errors in self.items())

    def as_json(self, escape_html=False):
        return json.dumps(self.get_json_data(escape_html), sort_keys=True)

    def as_ul(self):
        if not self:
            return Markup("")
        items = "".join("<li>%s%s</li>" % (escape(field), self[field].as_ul()) for field in sorted(self))
        return Markup('<ul class="errorlist">%s</ul>' % items)

    def as_text(self):
        lines = []
        for field in sorted(self):
            lines.append("* %s" % field)
            lines.extend("  * %s" % text for text in self[field])
        return "\n".join(lines)

    def __html__(self):
        return self.as_ul()

    def __str__(self):
        return self.as_ul()


# --- Time zones ---------------------------------------------------------------
# With USE_TZ, naive datetimes typed into a form mean wall-clock time in the current
# time zone (TIME_ZONE unless timezone.activate() chose another for this request).

def from_current_timezone(value):
    """A naive datetime typed by a user -> aware in the current time zone (when USE_TZ)."""
    if settings.USE_TZ and value is not None and value.utcoffset() is None:
        return value.replace(tzinfo=timezone.get_current_timezone())
    return value


def to_current_timezone(value):
    """An aware datetime shown in a form -> naive wall-clock time of the current time zone."""
    if settings.USE_TZ and isinstance(value, datetime.datetime) and value.utcoffset() is not None:
        return value.astimezone(timezone.get_current_timezone()).replace(tzinfo=None)
    return value
