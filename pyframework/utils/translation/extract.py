"""Finding translatable messages in source files, for ``makemessages``.

- Python: the calls of ``gettext``, ``gettext_lazy``, ``gettext_noop``, ``_``,
  ``ngettext(_lazy)``, ``pgettext(_lazy)``, ``npgettext(_lazy)`` (also as attributes,
  ``translation.gettext(...)``) whose message arguments are string literals, read with
  ``ast`` so it works alike on CPython and Jython. A comment starting with
  ``Translators`` on the line of the call or just above it goes to the translators.
- Jinja2 templates: ``{% trans %}`` / ``{% pluralize %}`` blocks and ``_()``,
  ``gettext()``, ``ngettext()``, ``pgettext()``, ``npgettext()`` calls, through Jinja2's
  own extractor (the same parser that renders them, so what is extracted is what is
  looked up). ``{# Translators: ... #}`` comments are kept.
- JavaScript (the ``djangojs`` domain): ``gettext``, ``ngettext``, ``pgettext``,
  ``npgettext`` and ``gettext_noop`` calls with literal arguments.

Each extractor yields ``(lineno, msgctxt, msgid, msgid_plural, comments)``.
"""
from __future__ import absolute_import, unicode_literals

import __future__
import ast
import io
import re

from jinja2.ext import babel_extract

from pyframework.utils.compat import text_type

# name -> (position of msgctxt or None, position of msgid, position of msgid_plural or None)
PYTHON_KEYWORDS = {
    "_": (None, 0, None), "gettext": (None, 0, None), "gettext_lazy": (None, 0, None),
    "gettext_noop": (None, 0, None), "ugettext": (None, 0, None), "ugettext_lazy": (None, 0, None),
    "ngettext": (None, 0, 1), "ngettext_lazy": (None, 0, 1), "ungettext": (None, 0, 1),
    "ungettext_lazy": (None, 0, 1),
    "pgettext": (0, 1, None), "pgettext_lazy": (0, 1, None),
    "npgettext": (0, 1, 2), "npgettext_lazy": (0, 1, 2),
}
TEMPLATE_KEYWORDS = {
    "_": (None, 0, None), "gettext": (None, 0, None), "ngettext": (None, 0, 1),
    "pgettext": (0, 1, None), "npgettext": (0, 1, 2),
}
JS_KEYWORDS = {
    "gettext": (None, 0, None), "gettext_noop": (None, 0, None), "ngettext": (None, 0, 1),
    "pgettext": (0, 1, None), "npgettext": (0, 1, 2),
}
COMMENT_TAG = "Translators"

_FLAGS = (__future__.unicode_literals.compiler_flag | __future__.print_function.compiler_flag
          | ast.PyCF_ONLY_AST)


class ExtractionError(ValueError):
    """A source file that cannot be parsed; the message names the file and line."""


def _literal(node):
    """The text of a string-literal node, or None."""
    value = getattr(node, "s", None) if type(node).__name__ == "Str" else None
    if type(node).__name__ == "Constant":
        value = node.value
    if isinstance(value, bytes):
        value = value.decode("utf-8")
    return value if isinstance(value, text_type) else None


def _call_name(func):
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _translator_comments(lines, lineno):
    """``# Translators: ...`` on the call's line or the comment lines just above it."""
    comments = []
    line = lines[lineno - 1] if 0 < lineno <= len(lines) else ""
    if "#" in line and COMMENT_TAG in line.split("#", 1)[1]:
        comments.append(line.split("#", 1)[1].strip())
        return comments
    index = lineno - 2
    block = []
    while index >= 0 and lines[index].strip().startswith("#"):
        block.insert(0, lines[index].strip()[1:].strip())
        index -= 1
    for i, text in enumerate(block):
        if text.startswith(COMMENT_TAG):
            return block[i:]
    return comments


def extract_python(source, filename="<string>"):
    """Messages of Python source text."""
    if not isinstance(source, text_type):
        source = source.decode("utf-8")
    if source.startswith("\ufeff"):
        source = source[1:]
    offset = 0
    code = source
    if str is bytes:
        # Python 2 compiles bytes, read as Latin-1 unless declared: declare UTF-8 on an extra line.
        code, offset = ("# -*- coding: utf-8 -*-\n" + source).encode("utf-8"), 1
    try:
        tree = compile(code, filename, "exec", _FLAGS, True)
    except SyntaxError as exc:
        raise ExtractionError("%s:%s: %s" % (filename, (exc.lineno or 1) - offset, exc.msg))
    lines = source.splitlines()
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        spec = PYTHON_KEYWORDS.get(_call_name(node.func))
        if spec is None:
            continue
        message = _message_from_args([_literal(arg) for arg in node.args], spec)
        if message is not None:
            lineno = node.lineno - offset
            found.append((lineno,) + message + (_translator_comments(lines, lineno),))
    found.sort(key=lambda item: item[0])
    return found


def _message_from_args(args, spec):
    context_at, msgid_at, plural_at = spec
    needed = max(i for i in spec if i is not None)
    if len(args) <= needed:
        return None
    context = args[context_at] if context_at is not None else None
    msgid = args[msgid_at]
    plural = args[plural_at] if plural_at is not None else None
    if msgid is None or (context_at is not None and context is None) or (plural_at is not None and plural is None):
        return None
    return context, msgid, plural


def extract_template(source, filename="<string>", trimmed=False):
    """Messages of a Jinja2 template's text."""
    if isinstance(source, text_type):
        source = source.encode("utf-8")
    options = {"silent": "false", "trimmed": "true" if trimmed else "false"}
    found = []
    try:
        for lineno, funcname, message, comments in babel_extract(
                io.BytesIO(source), list(TEMPLATE_KEYWORDS), [COMMENT_TAG + ":", COMMENT_TAG], options):
            if not isinstance(message, tuple):
                message = (message,)
            result = _message_from_args(list(message), TEMPLATE_KEYWORDS.get(funcname, (None, 0, 1)))
            if result is not None:
                # Jinja2 drops the tag word itself; xgettext (and our Python side) keeps it.
                found.append((lineno,) + result + (["%s: %s" % (COMMENT_TAG, c) for c in comments],))
    except Exception as exc:  # jinja2.TemplateSyntaxError and friends
        raise ExtractionError("%s:%s: %s" % (filename, getattr(exc, "lineno", "?"), exc))
    return found


_js_call = re.compile(r"\b(%s)\s*\(" % "|".join(sorted(JS_KEYWORDS, key=len, reverse=True)))
_js_string = re.compile(r"""\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')\s*([,)])""", re.S)
_js_escapes = {"n": "\n", "t": "\t", "r": "\r", "\\": "\\", "'": "'", '"': '"'}


def extract_javascript(source, filename="<string>"):
    """Messages of JavaScript source: calls whose message arguments are string literals."""
    if not isinstance(source, text_type):
        source = source.decode("utf-8")
    found = []
    for match in _js_call.finditer(source):
        spec = JS_KEYWORDS[match.group(1)]
        position = match.end()
        args = []
        while True:
            literal = _js_string.match(source, position)
            if not literal:
                break
            text = literal.group(1) if literal.group(1) is not None else literal.group(2)
            args.append(re.sub(r"\\(.)", lambda m: _js_escapes.get(m.group(1), m.group(1)), text))
            position = literal.end()
            if literal.group(3) == ")":
                break
        message = _message_from_args(args, spec) if args else None
        if message is not None:
            found.append((source.count("\n", 0, match.start()) + 1,) + message + ([],))
    return found
