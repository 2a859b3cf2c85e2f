"""``SimplerXMLGenerator``: writes XML text with ``addQuickElement`` (Django's ``utils.xmlutils``).

Written here rather than on ``xml.sax.saxutils.XMLGenerator`` because that class writes
bytes or text depending on the Python version and the stream, and Jython's differs again;
this one writes text to ``out`` in exactly the same way on both runtimes.
"""
from __future__ import absolute_import, unicode_literals

import re

from pyframework.utils.compat import text_type

# XML 1.0 allows tab, newline and carriage return among the C0 controls; nothing else below 0x20.
_CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


class UnserializableContentError(ValueError):
    """Text with a character XML 1.0 cannot carry."""


def _escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _quote_attribute(value):
    return '"%s"' % _escape(value).replace('"', "&quot;").replace("\n", "&#10;").replace("\t", "&#9;")


class SimplerXMLGenerator(object):
    """SAX-style writer: ``startDocument()``, ``startElement(name, attrs)``, ``characters(text)``,
    ``endElement(name)`` and ``addQuickElement(name, contents=None, attrs=None)``.

    With ``short_empty_elements`` an element with no content is written ``<name/>``.
    """

    def __init__(self, out, encoding="utf-8", short_empty_elements=False):
        self._out = out
        self._encoding = encoding
        self._short_empty_elements = short_empty_elements
        self._pending_start = False  # "<name attrs" written, ">" or "/>" still to come

    def _write(self, text):
        self._out.write(text)

    def _finish_pending_start(self):
        if self._pending_start:
            self._write(">")
            self._pending_start = False

    def startDocument(self):
        self._write('<?xml version="1.0" encoding="%s"?>\n' % self._encoding)

    def endDocument(self):
        self._finish_pending_start()

    def startElement(self, name, attrs):
        self._finish_pending_start()
        self._write("<" + name)
        for key, value in sorted((attrs or {}).items()):  # sorted: the same output on every run
            self._write(" %s=%s" % (key, _quote_attribute(text_type(value))))
        if self._short_empty_elements:
            self._pending_start = True
        else:
            self._write(">")

    def endElement(self, name):
        if self._pending_start:
            self._write("/>")
            self._pending_start = False
        else:
            self._write("</%s>" % name)

    def characters(self, content):
        if not content:
            return
        content = text_type(content)
        if _CONTROL_CHARACTERS.search(content):
            raise UnserializableContentError("Control characters are not supported in XML 1.0")
        self._finish_pending_start()
        self._write(_escape(content))

    def ignorableWhitespace(self, content):
        self._finish_pending_start()
        self._write(content)

    def addQuickElement(self, name, contents=None, attrs=None):
        """``<name attrs>contents</name>`` in one call."""
        self.startElement(name, attrs or {})
        if contents is not None:
            self.characters(contents)
        self.endElement(name)
