"""PostgreSQL array literals (``{1,2,NULL}``, ``{"a,b","x\\"y"}``, ``{{1,2},{3,4}}``), both ways.

Arrays travel over JDBC as their text form: the driver's java.sql.Array would need a
type name per element type and converts elements the driver's way, while the text
form is the same on both runtimes and lets the base field parse each element.
"""
from __future__ import absolute_import, unicode_literals

import datetime

from pyframework.db.backends.jdbc.converters import UntypedText
from pyframework.utils.compat import text_type
from pyframework.utils.timezone import utc


def format_array(items):
    """``items`` (database-ready values, nested arrays already formatted) as an untyped literal."""
    return UntypedText("{%s}" % ",".join(_format_item(item) for item in items))


def _format_item(item):
    if item is None:
        return "NULL"
    if isinstance(item, UntypedText):  # a nested array
        return item
    if isinstance(item, bool):
        text = "true" if item else "false"
    elif isinstance(item, datetime.datetime):
        if item.tzinfo is not None:  # the columns hold UTC, as every DateTimeField does
            item = item.astimezone(utc).replace(tzinfo=None)
        text = item.isoformat(str(" "))
    else:
        text = text_type(item)
    return '"%s"' % text.replace("\\", "\\\\").replace('"', '\\"')


def parse_array(text):
    """The nested lists of element texts (None for NULL) of an array literal."""
    if text.startswith("["):  # explicit bounds, e.g. [0:1]={1,2}
        text = text[text.index("=") + 1:]
    if not text.startswith("{"):
        raise ValueError("Not a PostgreSQL array literal: %r" % (text,))
    items, end = _parse(text, 0)
    if text[end:].strip():
        raise ValueError("Unexpected text after the array literal: %r" % (text,))
    return items


def _parse(text, position):
    items = []
    position += 1  # past "{"
    if text[position] == "}":
        return items, position + 1
    while True:
        char = text[position]
        if char == "{":
            item, position = _parse(text, position)
        elif char == '"':
            position += 1
            chars = []
            while text[position] != '"':
                if text[position] == "\\":
                    position += 1
                chars.append(text[position])
                position += 1
            position += 1
            item = "".join(chars)
        else:
            end = position
            while text[end] not in ",}":
                end += 1
            raw = text[position:end].strip()
            position = end
            item = None if raw.upper() == "NULL" else raw
        items.append(item)
        if text[position] == ",":
            position += 1
        elif text[position] == "}":
            return items, position + 1
        else:
            raise ValueError("Malformed array literal at %d: %r" % (position, text))
