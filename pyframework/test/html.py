"""HTML compared as documents (``assertHTMLEqual``, ``assertInHTML``, ``assertContains(html=True)``).

``parse_html(text)`` builds a tree in which attribute order, the quoting of
attribute values, the case of names and insignificant whitespace no longer
count; ``class`` values compare as sets of words. Elements compare equal when
their names, attributes and children are equal, and ``haystack.count(needle)``
counts the occurrences of a subtree.
"""
from __future__ import absolute_import, unicode_literals

import re

from pyframework.test.compat import HTMLParser, name2codepoint
from pyframework.utils.compat import text_type, unichr

# Elements without end tag (HTML 5).
VOID_ELEMENTS = frozenset(("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                           "param", "source", "track", "wbr"))
# Attributes whose presence is their value: <input checked> == <input checked="checked">.
BOOLEAN_ATTRIBUTES = frozenset(("allowfullscreen", "async", "autofocus", "autoplay", "checked", "controls",
                                "default", "defer", "disabled", "formnovalidate", "hidden", "ismap",
                                "itemscope", "loop", "multiple", "muted", "nomodule", "novalidate", "open",
                                "playsinline", "readonly", "required", "reversed", "selected"))
_WHITESPACE = re.compile(r"[ \t\n\f\r]+")


def normalize_whitespace(text):
    return _WHITESPACE.sub(" ", text)


def _normalize_attributes(attributes):
    normalized = []
    for name, value in attributes:
        if value is None or (name in BOOLEAN_ATTRIBUTES and value in ("", name)):
            value = None
        elif name == "class":
            value = " ".join(sorted(set(value.split())))
        normalized.append((name, value))
    return sorted(normalized)


class Element(object):
    """One element: ``name``, sorted ``attributes`` and ``children`` (Elements and text)."""

    def __init__(self, name, attributes):
        self.name = name
        self.attributes = _normalize_attributes(attributes)
        self.children = []

    def append(self, element):
        if isinstance(element, text_type):
            element = normalize_whitespace(element)
            if self.children and isinstance(self.children[-1], text_type):
                self.children[-1] += element
                self.children[-1] = normalize_whitespace(self.children[-1])
                return
        elif self.children and isinstance(self.children[-1], text_type):
            # Whitespace before an element only separates it.
            if self.children[-1].isspace():
                self.children.pop()
        if not isinstance(element, text_type) or element:
            self.children.append(element)

    def finalize(self):
        def strip(children):
            while children and isinstance(children[-1], text_type) and children[-1].isspace():
                children.pop()
            while children and isinstance(children[0], text_type) and children[0].isspace():
                children.pop(0)

        strip(self.children)
        for index, child in enumerate(self.children):
            if isinstance(child, text_type):
                self.children[index] = child.strip() if len(self.children) == 1 else child
            else:
                child.finalize()
        if self.children and isinstance(self.children[0], text_type):
            self.children[0] = self.children[0].lstrip()
        if self.children and isinstance(self.children[-1], text_type):
            self.children[-1] = self.children[-1].rstrip()

    def __eq__(self, element):
        if not hasattr(element, "name") or self.name != element.name:
            return False
        return self.attributes == element.attributes and self.children == element.children

    def __ne__(self, element):
        return not self == element

    def __hash__(self):
        return hash((self.name, tuple(self.attributes)))

    def _count(self, element, count=True):
        if not isinstance(element, text_type) and self == element:
            return 1
        if isinstance(element, RootElement) and self.children == element.children:
            return 1
        found = 0
        for child in self.children:
            if isinstance(child, text_type):
                if isinstance(element, text_type):
                    found += child.count(element) if count else int(element in child)
            else:
                found += child._count(element, count=count)
                if not count and found:
                    return found
        return found

    def __contains__(self, element):
        return self._count(element, count=False) > 0

    def count(self, element):
        return self._count(element, count=True)

    def __getitem__(self, key):
        return self.children[key]

    def __len__(self):
        return len(self.children)

    def __str__(self):
        attributes = "".join(" %s" % name if value is None else ' %s="%s"' % (name, value)
                             for name, value in self.attributes)
        output = "<%s%s>" % (self.name, attributes)
        if self.name in VOID_ELEMENTS and not self.children:
            return output
        return output + "".join(text_type(child) for child in self.children) + "</%s>" % self.name

    __unicode__ = __str__

    def __repr__(self):
        return text_type(self)


class RootElement(Element):
    """The document: a list of top-level nodes."""

    def __init__(self):
        super(RootElement, self).__init__(None, ())

    def __str__(self):
        return "".join(text_type(child) for child in self.children)

    __unicode__ = __str__


class HTMLParseError(Exception):
    pass


class Parser(HTMLParser):
    def __init__(self):
        HTMLParser.__init__(self)
        self.root = RootElement()
        self.open_tags = []
        self.element_positions = {}

    def error(self, msg):
        raise HTMLParseError(msg, self.getpos())

    @property
    def current(self):
        return self.open_tags[-1] if self.open_tags else self.root

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID_ELEMENTS:
            self.handle_endtag(tag)

    def handle_starttag(self, tag, attrs):
        element = Element(tag, attrs)
        self.current.append(element)
        if tag not in VOID_ELEMENTS:
            self.open_tags.append(element)
        self.element_positions[element] = self.getpos()

    def handle_endtag(self, tag):
        if not self.open_tags:
            self.error("Unexpected end tag `%s` (%s)" % (tag, self.getpos()))
        element = self.open_tags.pop()
        while element.name != tag:
            if not self.open_tags:
                self.error("Unexpected end tag `%s` (%s)" % (tag, self.getpos()))
            element = self.open_tags.pop()

    def handle_data(self, data):
        self.current.append(data)

    def handle_entityref(self, name):
        # References compare by the character they stand for: &amp; == &#38; == &#x26;.
        codepoint = name2codepoint.get(name)
        self.current.append(unichr(codepoint) if codepoint is not None else "&%s;" % name)

    def handle_charref(self, name):
        try:
            codepoint = int(name[1:], 16) if name[:1] in ("x", "X") else int(name)
            self.current.append(unichr(codepoint))
        except ValueError:
            self.current.append("&#%s;" % name)


def parse_html(html):
    """The tree of ``html``: a single element, or a RootElement when there are several (or text)."""
    parser = Parser()
    parser.feed(html)
    parser.close()
    document = parser.root
    document.finalize()
    if len(document.children) == 1 and not isinstance(document.children[0], text_type):
        return document.children[0]
    return document
