"""The translation facade: lazy messages, plural choice and the per-thread active language."""
from __future__ import absolute_import, unicode_literals

import threading

from pyframework.utils import translation
from pyframework.utils.translation import gettext_lazy, ngettext, override


def test_lazy_message_is_text_when_used():
    message = gettext_lazy("Title")
    assert "%s!" % message == "Title!"
    assert message == "Title"


def test_ngettext_picks_singular_for_one_only():
    assert ngettext("%d post", "%d posts", 1) == "%d post"
    assert ngettext("%d post", "%d posts", 0) == "%d posts"


def test_override_restores_the_previous_language():
    before = translation.get_language()
    with override("de"):
        assert translation.get_language() == "de"
    assert translation.get_language() == before


def test_active_language_is_per_thread():
    seen = []
    with override("fr"):
        worker = threading.Thread(target=lambda: seen.append(translation.get_language()))
        worker.start()
        worker.join()
        assert translation.get_language() == "fr"
    assert seen and seen[0] != "fr"


def test_templates_have_the_i18n_tags():
    from pyframework.template.backends.jinja2 import Jinja2
    env = Jinja2({"OPTIONS": {}}).env
    template = env.from_string("{% trans n=2 %}{{ n }} post{% pluralize %}{{ n }} posts{% endtrans %}|{{ _('<b>') }}")
    assert template.render() == "2 posts|<b>"
