"""template.Library: Django's registration forms, and the Jinja2 backend installing installed apps' libraries."""
from __future__ import unicode_literals

import pytest

from project_settings_support import installed_apps
from pyframework.core.exceptions import ImproperlyConfigured
from pyframework.template import Library, engines


def test_library_registration_forms():
    library = Library()

    @library.filter
    def one(value):
        return 1

    @library.filter("two")
    def second(value):
        return 2

    @library.filter(is_safe=True)
    def three(value):
        return 3

    library.filter("four", lambda value: 4)

    @library.simple_tag
    def greet(name):
        return "hi " + name

    assert sorted(library.filters) == ["four", "one", "three", "two"]
    assert library.globals["greet"]("x") == "hi x"
    with pytest.raises(ImproperlyConfigured):
        library.simple_tag(takes_context=True)



def own_environment(**options):
    """The project's environment factory: it defines its own ``intcomma``."""
    import jinja2

    env = jinja2.Environment(**options)
    env.filters["intcomma"] = lambda value: "own %s" % value
    return env


def test_the_project_environment_keeps_its_own_names():
    with installed_apps(["pyframework.contrib.humanize"],
                        TEMPLATES=[{"BACKEND": "pyframework.template.backends.jinja2.Jinja2",
                                    "OPTIONS": {"environment": "test_template_library.own_environment"}}]):
        template = engines["jinja2"].from_string("{{ 1000|intcomma }} {{ 2|apnumber }}")
        assert template.render({}) == "own 1000 two"
