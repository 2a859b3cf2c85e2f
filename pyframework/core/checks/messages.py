"""What a system check reports: a message with a level, an id and a hint."""
from __future__ import absolute_import, unicode_literals

from pyframework.utils.compat import python_2_unicode_compatible

DEBUG = 10
INFO = 20
WARNING = 30
ERROR = 40
CRITICAL = 50

LEVEL_NAMES = {DEBUG: "DEBUG", INFO: "INFO", WARNING: "WARNING", ERROR: "ERROR", CRITICAL: "CRITICAL"}


@python_2_unicode_compatible
class CheckMessage(object):
    """One finding. ``id`` looks like ``"urls.E001"``; ``obj`` is what it is about."""

    def __init__(self, level, msg, hint=None, obj=None, id=None):
        self.level = level
        self.msg = msg
        self.hint = hint
        self.obj = obj
        self.id = id

    def __eq__(self, other):
        return isinstance(other, self.__class__) and all(
            getattr(self, name) == getattr(other, name) for name in ("level", "msg", "hint", "obj", "id"))

    def __ne__(self, other):
        return not self == other

    __hash__ = None

    def __str__(self):
        where = "?" if self.obj is None else "%s" % (self.obj,)
        ident = "(%s) " % self.id if self.id else ""
        hint = "\n\tHINT: %s" % self.hint if self.hint else ""
        return "%s: %s%s%s" % (where, ident, self.msg, hint)

    def __repr__(self):
        return "<%s: level=%r, msg=%r, hint=%r, obj=%r, id=%r>" % (
            self.__class__.__name__, self.level, self.msg, self.hint, self.obj, self.id)

    def is_serious(self, level=ERROR):
        return self.level >= level

    def is_silenced(self):
        from pyframework.conf import settings

        return self.id in getattr(settings, "SILENCED_SYSTEM_CHECKS", ())


def _message_class(level, name):
    def __init__(self, *args, **kwargs):
        CheckMessage.__init__(self, level, *args, **kwargs)
    return type(str(name), (CheckMessage,), {"__init__": __init__})


Debug = _message_class(DEBUG, "Debug")
Info = _message_class(INFO, "Info")
Warning = _message_class(WARNING, "Warning")  # noqa: A001 - the name users expect
Error = _message_class(ERROR, "Error")
Critical = _message_class(CRITICAL, "Critical")
