"""Text helpers used by forms, the admin and file storage: Django's ``capfirst``,
``get_text_list`` and ``get_valid_filename``."""
from __future__ import absolute_import, unicode_literals

import re

from pyframework.core.exceptions import SuspiciousFileOperation
from pyframework.utils.compat import text_type
from pyframework.utils.translation import gettext


def capfirst(value):
    """``value`` with its first character upper-cased (None and empty stay as they are)."""
    if not value:
        return value
    value = text_type(value)
    return value[0].upper() + value[1:]


def get_text_list(items, last_word=None):
    """``['a', 'b', 'c']`` -> ``"a, b or c"``."""
    items = [text_type(item) for item in items]
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    if last_word is None:
        last_word = gettext("or")
    return "%s %s %s" % (", ".join(items[:-1]), text_type(last_word), items[-1])


def get_valid_filename(name):
    """``name`` cleaned to a file name: spaces become underscores, and only letters, digits,
    ``-``, ``_`` and ``.`` are kept (``"john's portrait.jpg"`` -> ``"johns_portrait.jpg"``).

    Raises SuspiciousFileOperation when nothing usable is left (``""``, ``"."``, ``".."``).
    """
    cleaned = re.sub(r"(?u)[^-\w.]", "", text_type(name).strip().replace(" ", "_"))
    if cleaned in ("", ".", ".."):
        raise SuspiciousFileOperation("Could not derive file name from '%s'" % name)
    return cleaned
