"""Reading and writing gettext catalogs: ``.po`` sources and compiled ``.mo`` files.

``compilemessages`` and ``makemessages`` use this module instead of GNU gettext's
``msgfmt``/``xgettext``/``msgmerge``, so they run wherever the framework runs: CPython,
Jython 2.7, a build machine without the gettext package. At run time the ``.mo`` files
are read by the standard library's ``gettext`` module (see ``trans_real``).

The ``.mo`` layout written here is GNU's: a little-endian header, the sorted table of
original strings, the table of translations, then the strings. Contexts are joined to
their msgid with ``\\x04`` and plural forms with ``\\x00``, as msgfmt does.
"""
from __future__ import absolute_import, unicode_literals

import io
import os
import re
import struct
import tempfile

from pyframework.utils.compat import text_type

MO_MAGIC = 0x950412de
CONTEXT_SEPARATOR = "\x04"

_escapes = {"n": "\n", "t": "\t", "r": "\r", "\\": "\\", '"': '"', "a": "\a", "b": "\b",
            "f": "\f", "v": "\v"}
_escape_re = re.compile(r'\\(.)', re.S)


class PoFileError(ValueError):
    """A ``.po`` file that cannot be parsed; the message names the file and line."""


class Message(object):
    """One catalog entry.

    ``msgstr`` is a string for a singular message and a list (one item per plural form)
    for a message with ``msgid_plural``. ``locations`` are ``(path, line)`` pairs,
    ``flags`` e.g. ``{"fuzzy", "python-format"}``, ``comments`` the extracted
    translator comments (``#.``) and ``user_comments`` the translators' own (``# ``).
    """

    def __init__(self, msgid, msgstr="", msgid_plural=None, msgctxt=None, locations=(), flags=(),
                 comments=(), user_comments=()):
        self.msgid = msgid
        self.msgid_plural = msgid_plural
        self.msgctxt = msgctxt
        if msgid_plural is not None and not isinstance(msgstr, list):
            msgstr = [msgstr] if msgstr else []
        self.msgstr = msgstr
        self.locations = list(locations)
        self.flags = set(flags)
        self.comments = list(comments)
        self.user_comments = list(user_comments)

    @property
    def key(self):
        return (self.msgctxt, self.msgid)

    @property
    def fuzzy(self):
        return "fuzzy" in self.flags

    @property
    def translated(self):
        if self.msgid_plural is not None:
            return bool(self.msgstr) and all(self.msgstr)
        return bool(self.msgstr)

    def __repr__(self):
        return "<Message %r>" % (self.msgid,)


class Catalog(object):
    """An ordered set of messages plus the header entry (``msgid ""``)."""

    def __init__(self, header="", messages=()):
        self.header = header
        self._messages = []
        self._index = {}
        for message in messages:
            self.add(message)

    def add(self, message):
        existing = self._index.get(message.key)
        if existing is not None:
            existing.locations.extend(loc for loc in message.locations if loc not in existing.locations)
            existing.flags.update(message.flags)
            existing.comments.extend(c for c in message.comments if c not in existing.comments)
            if existing.msgid_plural is None and message.msgid_plural is not None:
                existing.msgid_plural = message.msgid_plural
                existing.msgstr = existing.msgstr and [existing.msgstr] or []
            return existing
        self._messages.append(message)
        self._index[message.key] = message
        return message

    def get(self, msgid, msgctxt=None):
        return self._index.get((msgctxt, msgid))

    def __iter__(self):
        return iter(self._messages)

    def __len__(self):
        return len(self._messages)

    def header_field(self, name):
        """A field of the header, e.g. ``header_field("Plural-Forms")``."""
        for line in self.header.split("\n"):
            field, _, value = line.partition(":")
            if field.strip().lower() == name.lower():
                return value.strip()
        return None


def _unquote(text, path, lineno):
    text = text.strip()
    if len(text) < 2 or text[0] != '"' or text[-1] != '"':
        raise PoFileError("%s:%d: expected a quoted string, found %r" % (path, lineno, text))
    return _escape_re.sub(lambda m: _escapes.get(m.group(1), "\\" + m.group(1)), text[1:-1])


def read_po(fileobj_or_text, path="<string>"):
    """Parse ``.po`` text (or a file opened in binary or text mode) into a Catalog."""
    text = fileobj_or_text
    if hasattr(text, "read"):
        text = text.read()
    if not isinstance(text, text_type):
        text = text.decode("utf-8")
    if text.startswith("\ufeff"):
        text = text[1:]
    catalog = Catalog()
    entry = {}
    current = [None]  # the field continuation lines ("...") append to

    def finish():
        if "msgid" not in entry:
            entry.clear()
            return
        if entry.get("obsolete"):
            entry.clear()
            return
        msgid = entry["msgid"]
        if msgid == "" and entry.get("msgctxt") is None:
            catalog.header = entry.get("msgstr", "")
        else:
            plural = entry.get("msgid_plural")
            if plural is not None:
                forms = entry.get("plurals", {})
                msgstr = [forms.get(i, "") for i in range(max(forms) + 1)] if forms else []
            else:
                msgstr = entry.get("msgstr", "")
            catalog.add(Message(msgid, msgstr, plural, entry.get("msgctxt"), entry.get("locations", ()),
                                entry.get("flags", ()), entry.get("comments", ()), entry.get("user_comments", ())))
        entry.clear()

    for lineno, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line:
            current[0] = None
            continue
        if line.startswith("#~"):
            finish()
            entry["obsolete"] = True
            continue
        if line.startswith("#"):
            if "msgstr" in entry or "plurals" in entry:
                finish()
            current[0] = None
            if line.startswith("#:"):
                for reference in line[2:].split():
                    file_part, _, line_part = reference.rpartition(":")
                    if file_part and line_part.isdigit():
                        entry.setdefault("locations", []).append((file_part, int(line_part)))
                    else:
                        entry.setdefault("locations", []).append((reference, None))
            elif line.startswith("#,"):
                entry.setdefault("flags", []).extend(f.strip() for f in line[2:].split(",") if f.strip())
            elif line.startswith("#."):
                entry.setdefault("comments", []).append(line[2:].strip())
            elif line.startswith("#|"):
                pass  # previous msgid: not kept
            else:
                entry.setdefault("user_comments", []).append(line[1:].strip())
            continue
        if line.startswith('"'):
            if current[0] is None:
                raise PoFileError("%s:%d: a continuation string outside an entry" % (path, lineno))
            value = _unquote(line, path, lineno)
            field = current[0]
            if isinstance(field, int):
                entry["plurals"][field] += value
            else:
                entry[field] += value
            continue
        keyword, _, rest = line.partition(" ")
        if keyword == "msgctxt":
            if "msgid" in entry:
                finish()
            entry["msgctxt"] = _unquote(rest, path, lineno)
            current[0] = "msgctxt"
        elif keyword == "msgid":
            if "msgid" in entry:
                finish()
            entry["msgid"] = _unquote(rest, path, lineno)
            current[0] = "msgid"
        elif keyword == "msgid_plural":
            entry["msgid_plural"] = _unquote(rest, path, lineno)
            current[0] = "msgid_plural"
        elif keyword == "msgstr":
            entry["msgstr"] = _unquote(rest, path, lineno)
            current[0] = "msgstr"
        elif keyword.startswith("msgstr[") and keyword.endswith("]"):
            try:
                index = int(keyword[7:-1])
            except ValueError:
                raise PoFileError("%s:%d: bad plural index in %r" % (path, lineno, keyword))
            entry.setdefault("plurals", {})[index] = _unquote(rest, path, lineno)
            current[0] = index
        else:
            raise PoFileError("%s:%d: unexpected %r" % (path, lineno, line[:40]))
    finish()
    return catalog


def _quote(text):
    text = (text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t")
            .replace("\r", "\\r"))
    if "\n" not in text[:-1]:
        return '"%s"' % text.replace("\n", "\\n")
    lines = text.split("\n")
    parts = ['""']
    for i, line in enumerate(lines):
        if i < len(lines) - 1:
            parts.append('"%s\\n"' % line)
        elif line:
            parts.append('"%s"' % line)
    return "\n".join(parts)


def write_po(catalog, width=79):
    """The ``.po`` text of ``catalog``: header first, then the messages in catalog order."""
    out = []
    out.append('msgid ""\nmsgstr %s\n' % _quote(catalog.header))
    for message in catalog:
        lines = []
        lines.extend("# %s" % c if c else "#" for c in message.user_comments)
        lines.extend("#. %s" % c for c in message.comments)
        if message.locations:
            refs = ["%s:%s" % (p, n) if n is not None else p for p, n in message.locations]
            line = "#:"
            for ref in refs:
                if len(line) + 1 + len(ref) > width and line != "#:":
                    lines.append(line)
                    line = "#:"
                line += " " + ref
            lines.append(line)
        if message.flags:
            lines.append("#, %s" % ", ".join(sorted(message.flags)))
        if message.msgctxt is not None:
            lines.append("msgctxt %s" % _quote(message.msgctxt))
        lines.append("msgid %s" % _quote(message.msgid))
        if message.msgid_plural is not None:
            lines.append("msgid_plural %s" % _quote(message.msgid_plural))
            forms = message.msgstr or ["", ""]
            for i, form in enumerate(forms):
                lines.append("msgstr[%d] %s" % (i, _quote(form)))
        else:
            lines.append("msgstr %s" % _quote(message.msgstr))
        out.append("\n".join(lines) + "\n")
    return "\n".join(out)


def write_mo(catalog, use_fuzzy=False):
    """The compiled ``.mo`` bytes of ``catalog`` (untranslated and fuzzy entries left out)."""
    entries = {"".encode("utf-8"): catalog.header.encode("utf-8")}
    for message in catalog:
        if not message.translated or (message.fuzzy and not use_fuzzy):
            continue
        msgid = message.msgid
        if message.msgctxt is not None:
            msgid = message.msgctxt + CONTEXT_SEPARATOR + msgid
        if message.msgid_plural is not None:
            key = msgid + "\x00" + message.msgid_plural
            value = "\x00".join(message.msgstr)
        else:
            key, value = msgid, message.msgstr
        entries[key.encode("utf-8")] = value.encode("utf-8")
    keys = sorted(entries)
    ids = b"\x00".join(keys) + b"\x00"
    strs = b"\x00".join(entries[k] for k in keys) + b"\x00"
    count = len(keys)
    keystart = 7 * 4 + 16 * count
    id_offsets, str_offsets = [], []
    position = 0
    for key in keys:
        id_offsets.append((len(key), keystart + position))
        position += len(key) + 1
    valuestart = keystart + len(ids)
    position = 0
    for key in keys:
        value = entries[key]
        str_offsets.append((len(value), valuestart + position))
        position += len(value) + 1
    output = struct.pack(str("<7I"), MO_MAGIC, 0, count, 7 * 4, 7 * 4 + count * 8, 0, 0)
    for length, offset in id_offsets:
        output += struct.pack(str("<2I"), length, offset)
    for length, offset in str_offsets:
        output += struct.pack(str("<2I"), length, offset)
    return output + ids + strs


def compile_po_file(po_path, mo_path=None, use_fuzzy=False):
    """Compile ``po_path`` into ``mo_path`` (default: next to it); returns the .mo path.

    The file is written to a temporary name and renamed, so a process reading catalogs
    (a dev server, a parallel test run) never sees half a file.
    """
    if mo_path is None:
        mo_path = os.path.splitext(po_path)[0] + ".mo"
    with io.open(po_path, "rb") as handle:
        catalog = read_po(handle, po_path)
    data = write_mo(catalog, use_fuzzy=use_fuzzy)
    directory = os.path.dirname(mo_path) or "."
    fd, temporary = tempfile.mkstemp(prefix=".mo-", dir=directory)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        _replace(temporary, mo_path)
    except Exception:
        if os.path.exists(temporary):
            os.remove(temporary)
        raise
    return mo_path


def _replace(source, target):
    replace = getattr(os, "replace", None)
    if replace is not None:
        replace(source, target)
        return
    # Python 2 (Jython) has no os.replace, and its rename may refuse an existing target.
    if os.path.exists(target):
        os.remove(target)
    os.rename(source, target)


def find_po_files(root, domain=None):
    """Every ``<lang>/LC_MESSAGES/<domain>.po`` below ``root`` (all domains when None), sorted."""
    found = []
    for directory, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        if os.path.basename(directory) != "LC_MESSAGES":
            continue
        for name in sorted(filenames):
            if name.endswith(".po") and (domain is None or name == domain + ".po"):
                found.append(os.path.join(directory, name))
    return found
