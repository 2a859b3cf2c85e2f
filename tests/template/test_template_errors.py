"""Template errors must surface with their real message, on CPython and on Jython.

On Jython, Jinja2 2.11's traceback rewriting (jinja2.debug) cannot be imported
as shipped; pyframework.template.jython works around it. These tests run the
failing templates through the normal loader, so on Jython they prove the fix.
"""
from __future__ import unicode_literals

import os
import sys

import jinja2
import pytest

from pyframework.template import TemplateDoesNotExist, TemplateSyntaxError, engines, jython
from pyframework.template.loader import get_template, render_to_string, select_template
from pyframework.utils.compat import JYTHON

from template_fixtures import DIRS, EXTRA_DIRS, use_templates  # noqa: F401


def test_syntax_error_has_message_name_and_line(use_templates):
    use_templates()
    with pytest.raises(TemplateSyntaxError) as info:
        get_template("syntax_error.html")
    error = info.value
    assert "Expected an expression" in error.message
    assert error.name == "syntax_error.html"
    assert error.lineno == 2
    assert "syntax_error.html, line 2" in str(error)
    assert error.filename == os.path.join(DIRS, "syntax_error.html")


def test_syntax_error_in_from_string(use_templates):
    engine = use_templates()["jinja2"]
    with pytest.raises(TemplateSyntaxError) as info:
        engine.from_string("ok\n{{ 1 + }}")
    assert info.value.lineno == 2
    assert "<string>" not in info.value.message


def test_calling_undefined_attribute_reports_undefined_name(use_templates):
    use_templates()
    with pytest.raises(jinja2.UndefinedError) as info:
        render_to_string("undefined_call.html", {})
    assert "'missing' is undefined" in str(info.value)


def test_strict_undefined_reports_variable(use_templates):
    engine = use_templates(OPTIONS={"undefined": "jinja2.StrictUndefined"})["jinja2"]
    with pytest.raises(jinja2.UndefinedError) as info:
        engine.from_string("a\n{{ nothing_here }}").render({})
    assert "'nothing_here' is undefined" in str(info.value)


def test_exception_from_template_code_keeps_its_message(use_templates):
    engine = use_templates()["jinja2"]
    with pytest.raises(ZeroDivisionError):
        engine.from_string("{{ 1 // zero }}").render({"zero": 0})


def test_missing_template_names_every_searched_path(use_templates):
    use_templates({"NAME": "a", "DIRS": [DIRS]}, {"NAME": "b", "DIRS": [EXTRA_DIRS]})
    with pytest.raises(TemplateDoesNotExist) as info:
        get_template("sub/missing.html")
    error = info.value
    expected = [os.path.join(DIRS, "sub", "missing.html"), os.path.join(EXTRA_DIRS, "sub", "missing.html")]
    assert error.tried == expected
    for path in expected:
        assert path in str(error)
    assert [len(exc.tried) for exc in error.chain] == [1, 1]


def test_select_template_lists_all_names(use_templates):
    use_templates()
    with pytest.raises(TemplateDoesNotExist) as info:
        select_template(["one.html", "two.html"])
    assert info.value.tried == [os.path.join(DIRS, "one.html"), os.path.join(DIRS, "two.html")]
    with pytest.raises(TemplateDoesNotExist):
        select_template([])


def test_missing_include_raises_template_does_not_exist(use_templates):
    use_templates()
    with pytest.raises(TemplateDoesNotExist) as info:
        render_to_string("includes_missing.html")
    assert os.path.join(DIRS, "no_such_partial.html") in str(info.value)


def test_no_directories_says_so(use_templates):
    use_templates({"DIRS": []})
    with pytest.raises(TemplateDoesNotExist) as info:
        get_template("x.html")
    assert "no template directories" in str(info.value)


def test_jinja2_debug_is_importable_after_setup(use_templates):
    use_templates()
    engines.all()
    import jinja2.debug
    assert hasattr(jinja2.debug, "rewrite_traceback_stack")
    assert not jython.needs_fix()
    if JYTHON:
        assert "tputil" not in sys.modules or sys.modules["tputil"] is not None
        from jinja2 import _compat
        assert _compat.PYPY is False


@pytest.mark.skipif(not JYTHON, reason="the ctypes branch of jinja2.debug only breaks on Jython")
def test_unpatched_jinja2_debug_fails_on_jython():
    """The workaround is needed: loaded as shipped, jinja2/debug.py dies with AttributeError."""
    import imp
    source = os.path.join(os.path.dirname(jinja2.__file__), "debug.py")
    try:
        with pytest.raises(AttributeError) as info:
            imp.load_source("jinja2.debug_as_shipped", source)
        assert "__sizeof__" in str(info.value)
    finally:
        sys.modules.pop("jinja2.debug_as_shipped", None)
