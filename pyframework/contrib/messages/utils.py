"""Level tags: the built-in ones overridden by the MESSAGE_TAGS setting."""
from __future__ import absolute_import, unicode_literals

from pyframework.contrib.messages import constants
from pyframework.core.signals import setting_changed

_level_tags = []


def get_level_tags():
    """{level: tag}, computed once and recomputed when MESSAGE_TAGS changes."""
    if not _level_tags:
        from pyframework.conf import settings

        tags = dict(constants.DEFAULT_TAGS)
        tags.update(settings.MESSAGE_TAGS)
        _level_tags.append(tags)
    return _level_tags[0]


def _reset_level_tags(setting=None, **kwargs):
    if setting == "MESSAGE_TAGS":
        del _level_tags[:]


setting_changed.connect(_reset_level_tags, dispatch_uid="pyframework.contrib.messages.level_tags")
