from __future__ import unicode_literals

import pytest

from pyframework.apps import AppConfig, apps
from pyframework.conf import settings
from pyframework.core.exceptions import ImproperlyConfigured
from pyframework.template import engines
from pyframework.template.loader import get_template, render_to_string, select_template
from pyframework.urls import clear_script_prefix, set_script_prefix, set_urlconf

from template_fixtures import DIRS, EXTRA_DIRS, FakeRequest, use_templates  # noqa: F401

import template_app


def test_inheritance_renders_blocks(use_templates):
    use_templates()
    html = render_to_string("child.html", {"name": "Ann", "content": "body"})
    assert html == "<title>Child Ann</title><body><p>body</p></body>"


@pytest.mark.parametrize("name, expected", [
    ("child.html", "<p>&lt;b&gt;</p>"),
    ("mail.xml", "&lt;b&gt;"),
    ("page.jinja", "&lt;b&gt;"),
    ("plain.txt", "Hello <b>"),
])
def test_autoescape_follows_extension(use_templates, name, expected):
    use_templates()
    assert expected in render_to_string(name, {"content": "<b>", "name": ""})


def test_from_string_autoescapes(use_templates):
    engine = use_templates()["jinja2"]
    assert engine.from_string("{{ x }}").render({"x": "<i>"}) == "&lt;i&gt;"


def test_templates_are_compiled_once(use_templates):
    use_templates()
    first = get_template("child.html")
    second = get_template("child.html")
    assert first.template is second.template
    assert engines["jinja2"].env.cache is not None
    assert engines["jinja2"].env.auto_reload is settings.DEBUG


def test_environment_defaults(use_templates):
    env = use_templates()["jinja2"].env
    assert env.cache.capacity == 400


def test_reset_builds_new_engines(use_templates):
    first = use_templates()["jinja2"]
    assert engines["jinja2"] is first
    engines.reset()
    assert engines["jinja2"] is not first


def test_context_processors_and_request(use_templates):
    use_templates(OPTIONS={"context_processors": [
        "pyframework.template.context_processors.request",
        "pyframework.template.context_processors.debug",
        "pyframework.template.context_processors.static",
        "template_env.add_extra",
    ]})
    html = render_to_string("context.html", request=FakeRequest())
    assert html == "/some/page/|False|/static/|from processor"


def test_view_context_wins_over_processors(use_templates):
    use_templates(OPTIONS={"context_processors": ["template_env.add_extra"]})
    assert render_to_string("plain.txt", {"content": "mine"}, request=FakeRequest()) == "Hello mine"
    assert render_to_string("plain.txt", request=FakeRequest()) == "Hello processor value"


def test_processors_not_run_without_request(use_templates):
    use_templates(OPTIONS={"context_processors": ["template_env.add_extra"]})
    assert render_to_string("plain.txt") == "Hello "


def test_request_is_in_context_without_processor(use_templates):
    use_templates()
    assert render_to_string("context.html", request=FakeRequest()).startswith("/some/page/|")


def test_custom_environment_and_options(use_templates):
    use_templates(OPTIONS={"environment": "template_env.make_environment", "trim_blocks": True})
    engine = engines["jinja2"]
    assert engine.from_string("{{ site_name|shout }}").render() == "EXAMPLE!"
    assert engine.env.trim_blocks is True


def test_url_and_static_helpers(use_templates, monkeypatch):
    use_templates()
    set_urlconf("template_urls")
    try:
        assert render_to_string("url_functions.html") == "/|/items/7/|/static/css/site.css"
        set_script_prefix("/mysite/")
        assert render_to_string("url_functions.html") == "/mysite/|/mysite/items/7/|/mysite/static/css/site.css"
        monkeypatch.setattr(settings, "STATIC_URL", "https://cdn.example.com/s/")
        assert render_to_string("url_functions.html").endswith("|https://cdn.example.com/s/css/site.css")
    finally:
        clear_script_prefix()
        set_urlconf(None)


def test_static_context_processor_has_script_prefix(use_templates):
    use_templates(OPTIONS={"context_processors": ["pyframework.template.context_processors.static"]})
    set_script_prefix("/mysite")
    try:
        assert render_to_string("context.html", request=FakeRequest()) == "/some/page/||/mysite/static/|"
    finally:
        clear_script_prefix()


def test_app_dirs_finds_app_templates(use_templates, monkeypatch):
    config = AppConfig("template_app", template_app)
    monkeypatch.setattr(apps, "get_app_configs", lambda: [config])
    use_templates(APP_DIRS=True)
    assert render_to_string("app_only.html", {"name": "x"}).strip() == "from app x"


def test_several_engines_searched_in_order(use_templates):
    use_templates({"NAME": "first", "DIRS": [DIRS]}, {"NAME": "second", "DIRS": [EXTRA_DIRS]})
    assert render_to_string("plain.txt", {"content": "c"}) == "Hello c"
    assert render_to_string("extra_only.txt") == "only in extra"
    assert render_to_string("plain.txt", {"content": "c"}, using="second") == "extra dir wins? c"


def test_select_template_takes_first_existing(use_templates):
    use_templates()
    assert select_template(["nope.html", "plain.txt"]).name == "plain.txt"
    assert render_to_string(["nope.html", "plain.txt"], {"content": "z"}) == "Hello z"


def test_duplicate_engine_names_rejected(use_templates):
    use_templates({"DIRS": [DIRS]}, {"DIRS": [EXTRA_DIRS]})
    with pytest.raises(ImproperlyConfigured) as info:
        engines.all()
    assert "NAME" in str(info.value)


def test_no_engine_configured(use_templates, monkeypatch):
    use_templates()
    monkeypatch.setattr(settings, "TEMPLATES", [])
    engines.reset()
    with pytest.raises(ImproperlyConfigured) as info:
        get_template("plain.txt")
    assert "TEMPLATES" in str(info.value)


@pytest.mark.parametrize("entry, fragment", [
    ({"DIRS": [], "OPTIONS": {"context_processors": ["no.such.processor"]}}, "no.such.processor"),
    ({"DIRS": [], "OPTIONS": {"environment": "template_env.missing"}}, "template_env.missing"),
    ({"DIRS": [], "BACKEND": "no_module.Backend"}, "no_module.Backend"),
    ({"DIRS": [], "TYPO": 1}, "TYPO"),
    ({"DIRS": "/one/directory"}, "must be a list"),
])
def test_misconfiguration_names_the_culprit(use_templates, entry, fragment):
    use_templates(entry)
    with pytest.raises(ImproperlyConfigured) as info:
        engines.all()
    assert fragment in str(info.value)


def test_url_prefers_the_namespace_of_the_current_request(use_templates):
    from pyframework.urls import resolve
    engine = use_templates()["jinja2"]
    template = engine.from_string("{{ url('shop:index') }}")
    request = FakeRequest()
    request.resolver_match = resolve("/outlet/", urlconf="template_urls")
    set_urlconf("template_urls")
    try:
        assert template.render({}, request) == "/outlet/"
        assert template.render({}) == "/shop/"
        request.current_app = "shop"
        assert template.render({}, request) == "/shop/"
    finally:
        set_urlconf(None)


def test_url_takes_reverses_args_and_kwargs_as_in_djangos_jinja2_docs(use_templates):
    engine = use_templates()["jinja2"]
    set_urlconf("template_urls")
    try:
        for source in ("{{ url('tmpl-item', 7) }}", "{{ url('tmpl-item', pk=7) }}",
                       "{{ url('tmpl-item', args=[7]) }}", "{{ url('tmpl-item', kwargs={'pk': 7}) }}",
                       "{{ url('tmpl-item', args=(7,), urlconf='template_urls') }}"):
            assert engine.from_string(source).render({}) == "/items/7/", source
        assert engine.from_string("{{ url('shop:index', current_app='outlet') }}").render({}) == "/outlet/"
        with pytest.raises(ValueError):
            engine.from_string("{{ url('tmpl-item', 7, args=[7]) }}").render({})
        with pytest.raises(ValueError):
            engine.from_string("{{ url('tmpl-item', pk=7, kwargs={'pk': 7}) }}").render({})
    finally:
        set_urlconf(None)


def test_override_settings_resets_engines(use_templates):
    from pyframework.test.utils import override_settings
    use_templates()
    assert render_to_string("plain.txt", {"content": "a"}) == "Hello a"
    with override_settings(TEMPLATES=[{"DIRS": [EXTRA_DIRS]}]):
        assert render_to_string("plain.txt", {"content": "a"}) == "extra dir wins? a"
    assert render_to_string("plain.txt", {"content": "a"}) == "Hello a"


def test_csrf_token_is_fetched_only_when_a_template_uses_it(use_templates):
    engine = use_templates()["jinja2"]
    calls = []

    def get_token(request):
        calls.append(request)
        return "tok<en>"

    engine._csrf_get_token = get_token
    assert engine.from_string("plain").render({}, FakeRequest()) == "plain"
    assert calls == []
    html = engine.from_string("{{ csrf_input }}|{{ csrf_token }}").render({}, FakeRequest())
    assert html == '<input type="hidden" name="csrfmiddlewaretoken" value="tok&lt;en&gt;">|tok&lt;en&gt;'
    assert len(calls) == 1  # once per render, however often it is printed


def test_render_reports_extended_and_included_templates(use_templates):
    # What the test client's response.templates is built from: the page, then what it loads.
    from pyframework.core.signals import template_rendered

    use_templates()
    seen = []

    def remember(template, context, **kwargs):
        seen.append((template.name, context.get("name")))

    template_rendered.connect(remember, dispatch_uid="test-nested-templates")
    try:
        html = render_to_string("child.html", {"name": "Ann", "content": "body"})
        engines["jinja2"].from_string(
            '{% include "plain.txt" %}|{% include ["missing.html", "mail.xml"] %}').render({"name": "Bo", "content": ""})
    finally:
        template_rendered.disconnect(dispatch_uid="test-nested-templates")
    assert html == "<title>Child Ann</title><body><p>body</p></body>"
    assert seen == [("child.html", "Ann"), ("base.html", "Ann"),
                    (None, "Bo"), ("plain.txt", "Bo"), ("mail.xml", "Bo")]
    # Nothing listening: nothing is recorded, and the next render reports nothing stale.
    render_to_string("child.html", {"name": "Cy", "content": ""})
    assert len(seen) == 5
