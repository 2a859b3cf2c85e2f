"""Message and BaseStorage: the queue behind ``request._messages``."""
from __future__ import absolute_import, unicode_literals

from markupsafe import Markup

from pyframework.conf import settings
from pyframework.contrib.messages.utils import get_level_tags
from pyframework.utils.compat import integer_types, python_2_unicode_compatible, string_types, text_type


@python_2_unicode_compatible
class Message(object):
    """One message: ``level``, ``message`` text and space-separated ``extra_tags``.

    A ``markupsafe.Markup`` message keeps its HTML in templates; any other
    text is escaped by autoescaping like every variable.
    """

    def __init__(self, level, message, extra_tags=None):
        self.level = int(level)
        self.message = message
        self.extra_tags = extra_tags

    def _prepare(self):
        """Turn lazy or non-text values into text before they are stored."""
        if not isinstance(self.message, text_type):
            self.message = text_type(self.message)
        if self.extra_tags is not None and not isinstance(self.extra_tags, text_type):
            self.extra_tags = text_type(self.extra_tags)

    def __eq__(self, other):
        if not isinstance(other, Message):
            return NotImplemented
        return self.level == other.level and self.message == other.message

    def __ne__(self, other):
        result = self.__eq__(other)
        return result if result is NotImplemented else not result

    __hash__ = None

    def __str__(self):
        return text_type(self.message)

    def __html__(self):
        # Markup stays markup; plain text is escaped.
        return Markup.escape(self.message)

    def __repr__(self):
        extra = "" if not self.extra_tags else ", extra_tags=%r" % (self.extra_tags,)
        return "Message(level=%s, message=%r%s)" % (self.level, self.message, extra)

    @property
    def level_tag(self):
        return get_level_tags().get(self.level, "")

    @property
    def tags(self):
        """The CSS classes for this message: extra tags, then the level tag."""
        return " ".join(tag for tag in (self.extra_tags, self.level_tag) if tag)


# A stored message: [MARKER, is_markup (0/1), level, text] plus [extra_tags] when there are some.
MESSAGE_MARKER = "__m"


def encode_messages(messages):
    """Messages as a JSON-ready list (other items, such as sentinels, pass through)."""
    encoded = []
    for message in messages:
        if isinstance(message, Message):
            item = [MESSAGE_MARKER, 1 if isinstance(message.message, Markup) else 0, message.level,
                    text_type(message.message)]
            if message.extra_tags:
                item.append(message.extra_tags)
            encoded.append(item)
        else:
            encoded.append(message)
    return encoded


def decode_messages(encoded):
    """The inverse of encode_messages; None if ``encoded`` is not such a list."""
    if not isinstance(encoded, list):
        return None
    messages = []
    for item in encoded:
        if isinstance(item, list) and len(item) in (4, 5) and item[0] == MESSAGE_MARKER:
            is_markup, level, text = item[1:4]
            if not isinstance(level, integer_types) or not isinstance(text, string_types):
                return None
            messages.append(Message(level, Markup(text) if is_markup else text,
                                    item[4] if len(item) == 5 else None))
        else:
            messages.append(item)
    return messages


class BaseStorage(object):
    """Messages loaded from the previous request plus those queued during this one.

    Iterating marks them as used: they are then not stored again. Subclasses
    implement ``_get()`` and ``_store(messages, response)``.
    """

    def __init__(self, request, *args, **kwargs):
        self.request = request
        self._queued_messages = []
        self.used = False
        self.added_new = False

    def __len__(self):
        return len(self._loaded_messages) + len(self._queued_messages)

    def __iter__(self):
        self.used = True
        if self._queued_messages:
            self._loaded_messages.extend(self._queued_messages)
            self._queued_messages = []
        return iter(self._loaded_messages)

    def __contains__(self, item):
        return item in self._loaded_messages or item in self._queued_messages

    def __bool__(self):
        return len(self) > 0

    __nonzero__ = __bool__

    def __repr__(self):
        return "<%s: request=%r>" % (self.__class__.__name__, self.request)

    @property
    def _loaded_messages(self):
        try:
            return self._loaded_data
        except AttributeError:
            messages, all_retrieved = self._get()
            self._loaded_data = messages or []
            return self._loaded_data

    def _get(self, *args, **kwargs):
        """(stored messages or None, True if every stored message was retrieved)."""
        raise NotImplementedError("%s must provide _get()." % self.__class__.__name__)

    def _store(self, messages, response, *args, **kwargs):
        """Store ``messages``; return those that could not be stored."""
        raise NotImplementedError("%s must provide _store()." % self.__class__.__name__)

    def update(self, response):
        """Store what the next request must show: unread loaded messages and new ones."""
        for message in self._queued_messages:
            message._prepare()
        if self.used:
            return self._store(self._queued_messages, response)
        if self.added_new:
            return self._store(self._loaded_messages + self._queued_messages, response)
        return []

    def add(self, level, message, extra_tags=""):
        """Queue a message, unless it is empty or below the recorded level."""
        if not message:
            return
        level = int(level)
        if level < self.level:
            return
        self.added_new = True
        self._queued_messages.append(Message(level, message, extra_tags=extra_tags))

    def _get_level(self):
        try:
            return self._level
        except AttributeError:
            self._level = settings.MESSAGE_LEVEL
            return self._level

    def _set_level(self, value=None):
        if value is None:
            self.__dict__.pop("_level", None)
        else:
            self._level = int(value)

    level = property(_get_level, _set_level, _set_level)
