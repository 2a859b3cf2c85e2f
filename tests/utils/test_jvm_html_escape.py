# -*- coding: utf-8 -*-
"""The HTML escape behind MarkupSafe is exactly MarkupSafe's, on both runtimes.

On Jython pyframework installs a Java-backed escape (``pyframework.utils.jvm``, class
``org.pyframework.python.HtmlEscape``) at import; these tests compare what ``markupsafe.escape``
gives now with the pure-Python reference over a corpus of tricky values. On CPython the same
corpus checks MarkupSafe's C speed-ups and pyframework's wrapper (``make_escape``) against it.
"""
from __future__ import unicode_literals

import markupsafe
import pytest
from markupsafe import Markup

from pyframework.utils import jvm
from pyframework.utils.compat import JYTHON, integer_types, text_type


def reference_text_escape(text):
    """MarkupSafe's documented replacements, one after the other (markupsafe._native)."""
    return (text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")
            .replace("'", "&#39;").replace('"', "&#34;"))


def reference_escape(value):
    if hasattr(value, "__html__"):
        return Markup(value.__html__())
    return Markup(reference_text_escape(text_type(value)))


class HasHtml(object):
    def __html__(self):
        return "<b>already safe</b>"

    def __str__(self):
        return "<never used>"


class Plain(object):
    def __str__(self):
        return str("<plain & \"quoted\">")

    __unicode__ = __str__


class Text(text_type):
    pass


class IntWithHtml(int):
    def __html__(self):
        return "<i>%d</i>" % self


class SafeSubclass(Markup):
    pass


LONG = "".join("abc<&>'\"\u00e9\U0001F40D" for _ in range(2000))

CORPUS = [
    "", "plain text", "&", "<", ">", "'", '"', "&<>'\"", "<<<>>>", "&amp; already &lt;escaped&gt;",
    "<script>alert('x')</script>", "a\"b'c", "tab\tnew\nline\r\x00nul", "caf\u00e9 \u2014 \u00fcml\u00e4ut",
    "emoji \U0001F600 <\U0001F40D>", "\u2028\u2029\ufeff", "x" * 1000 + "&",
    "&" * 500, LONG, " trailing & ", "<a href=\"?a=1&b=2\">", "'single'", "\u00a0&nbsp;",
    0, 1, -1, 42, 10 ** 30, -10 ** 30, True, False, None, 3.25, -0.0, float("inf"),
    Markup("<b>safe</b>"), Markup(""), Markup("&amp;"), SafeSubclass("<sub>"), HasHtml(), Plain(),
    Text("<text subclass>"), IntWithHtml(7), ["<list>", "it's"], ("<t>",), {"<k>": "&v"},
]

if not JYTHON:
    # Jython's unicode cannot hold a lone surrogate (it is UTF-16 inside); CPython's can.
    CORPUS.append(chr(0xD800) + " lone surrogate & " + chr(0xDFFF))


def ids(values):
    return ["%d-%s" % (number, type(value).__name__) for number, value in enumerate(values)]


@pytest.mark.parametrize("value", CORPUS, ids=ids(CORPUS))
def test_markupsafe_escape_matches_the_reference(value):
    escaped = markupsafe.escape(value)
    expected = reference_escape(value)
    assert type(escaped) is Markup
    assert text_type(escaped) == text_type(expected)


@pytest.mark.parametrize("value", CORPUS, ids=ids(CORPUS))
def test_pyframework_wrapper_matches_the_reference(value):
    escape, escape_silent = jvm.make_escape(reference_text_escape)
    escaped = escape(value)
    assert type(escaped) is Markup
    assert text_type(escaped) == text_type(reference_escape(value))
    assert text_type(escape_silent(value)) == ("" if value is None else text_type(escaped))


def test_escape_silent_and_markup_operations_use_the_same_escape():
    assert markupsafe.escape_silent(None) == Markup("")
    assert markupsafe.escape_silent("<") == Markup("&lt;")
    assert Markup.escape("<&>") == Markup("&lt;&amp;&gt;")
    assert Markup("<p>%s</p>") % "<x>" == Markup("<p>&lt;x&gt;</p>")
    assert Markup("<p>{0}</p>").format("'q'") == Markup("<p>&#39;q&#39;</p>")
    assert Markup(", ").join(["<a>", Markup("<b>")]) == Markup("&lt;a&gt;, <b>")
    assert type(SafeSubclass.escape("<")) is SafeSubclass


def test_ints_and_markup_take_the_fast_path():
    escape, _ = jvm.make_escape(lambda text: pytest.fail("escaped %r in Java" % text))
    safe = Markup("<b>")
    assert escape(safe) is safe
    for number in (0, -5, 10 ** 20) + tuple(t(3) for t in integer_types):
        assert escape(number) == Markup(text_type(number))


def test_jinja2_autoescape_uses_it():
    import jinja2

    env = jinja2.Environment(autoescape=True)
    rendered = env.from_string("{{ a }}|{{ b }}|{{ c }}|{{ d|e }}").render(
        a="<&'\">", b=Markup("<i>"), c=12, d="\U0001F40D<")
    assert rendered == "&lt;&amp;&#39;&#34;&gt;|<i>|12|\U0001F40D&lt;"


@pytest.mark.skipif(not JYTHON, reason="the Java-backed escape is Jython's; CPython keeps MarkupSafe's C speed-ups")
def test_on_jython_the_java_escape_is_installed_everywhere():
    import jinja2.runtime
    from markupsafe import _native

    from pyframework.utils import html

    assert getattr(markupsafe.escape, "pyframework_java", False), \
        "org.pyframework.python.HtmlEscape is not on the class path (tests/jython/run.sh builds the bridge jar)"
    assert jinja2.runtime.escape is markupsafe.escape
    assert html._escape is markupsafe.escape
    for value in CORPUS:
        assert text_type(markupsafe.escape(value)) == text_type(_native.escape(value))
