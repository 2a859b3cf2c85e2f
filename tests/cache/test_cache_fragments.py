"""The ``{% cache %}`` Jinja2 fragment tag and make_template_fragment_key."""
from __future__ import unicode_literals

import pytest

from pyframework.core.cache import cache, caches
from pyframework.core.cache.utils import make_template_fragment_key
from pyframework.template.backends.jinja2 import Jinja2
from pyframework.test import override_settings

LOCMEM = "pyframework.core.cache.backends.locmem.LocMemCache"


@pytest.fixture
def render():
    config = {"default": {"BACKEND": LOCMEM, "LOCATION": "fragments-default"},
              "other": {"BACKEND": LOCMEM, "LOCATION": "fragments-other"}}
    engine = Jinja2({"NAME": "fragments", "DIRS": [], "APP_DIRS": False, "OPTIONS": {}})
    with override_settings(CACHES=config):
        cache.clear()
        caches["other"].clear()

        def render(source, **context):
            return engine.from_string(source).render(context)
        yield render
        cache.clear()


def test_fragment_is_cached_per_vary_on(render):
    source = "{% cache 60 sidebar user %}{{ user }}:{{ value }}{% endcache %}|{{ value }}"
    assert render(source, user="ada", value="1") == "ada:1|1"
    assert render(source, user="ada", value="2") == "ada:1|2"
    assert render(source, user="bob", value="3") == "bob:3|3"
    assert cache.get(make_template_fragment_key("sidebar", ["ada"])) == "ada:1"
    cache.delete(make_template_fragment_key("sidebar", ["ada"]))
    assert render(source, user="ada", value="4") == "ada:4|4"


def test_cached_fragment_stays_escaped_once(render):
    source = '{% cache 60 "quoted-name" %}{{ text }}{% endcache %}'
    assert render(source, text="<b>") == "&lt;b&gt;"
    assert render(source, text="<i>") == "&lt;b&gt;"


def test_using_and_timeout_expressions(render):
    source = '{% cache seconds menu using="other" %}{{ n }}{% endcache %}'
    assert render(source, seconds=60, n=1) == "1"
    assert render(source, seconds=60, n=2) == "1"
    assert caches["other"].get(make_template_fragment_key("menu")) == "1"
    assert cache.get(make_template_fragment_key("menu")) is None
    with pytest.raises(Exception) as error:
        render('{% cache "soon" menu %}x{% endcache %}')
    assert "timeout" in str(error.value)
    with pytest.raises(Exception) as error:
        render('{% cache 60 menu using="nope" %}x{% endcache %}')
    assert "nope" in str(error.value)


def test_key_matches_django():
    # The same key Django's make_template_fragment_key gives, so deleting code ports unchanged.
    assert make_template_fragment_key("a.fragment") == "template.cache.a.fragment.d41d8cd98f00b204e9800998ecf8427e"
    assert make_template_fragment_key("spam", ["abc:def%"]) == "template.cache.spam.06c8ae8e8c430b69fb0a6443504153dc"


