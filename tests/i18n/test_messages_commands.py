# -*- coding: utf-8 -*-
"""makemessages / compilemessages, the .po reader and writer and the extractors."""
from __future__ import unicode_literals

import io
import os

import pytest

from pyframework.core.management import call_command
from pyframework.core.management.base import CommandError
from pyframework.test import override_settings
from pyframework.utils import translation
from pyframework.utils.compat import NativeStringIO
from pyframework.utils.translation import pofile
from pyframework.utils.translation.extract import extract_javascript, extract_python, extract_template

PY_SOURCE = '''# -*- coding: utf-8 -*-
from __future__ import unicode_literals
from pyframework.utils import translation
from pyframework.utils.translation import gettext_lazy as _, ngettext, pgettext

TITLE = _("Title")
# Translators: the button that publishes a post
PUBLISH = translation.gettext("Publish")
COUNT = ngettext("%(n)d post", "%(n)d posts", 3)
MONTH = pgettext("month name", "May")
SKIPPED = _(some_variable)
UMLAUT = _("Größe")
'''

TEMPLATE = '''{% extends "base.html" %}
{# Translators: greeting on the home page #}
<h1>{{ _("Welcome") }}</h1>
<p>{% trans user=name %}Hello {{ user }}!{% endtrans %}</p>
<p>{% trans count=n %}{{ count }} comment{% pluralize %}{{ count }} comments{% endtrans %}</p>
<p>{{ gettext("Title") }} {{ ngettext("%(num)d day", "%(num)d days", 2) }} {{ pgettext("verb", "Post") }}</p>
'''


def test_extract_python():
    found = {(m[1], m[2], m[3]): m for m in extract_python(PY_SOURCE, "app.py")}
    assert set(found) == {(None, "Title", None), (None, "Publish", None), (None, "%(n)d post", "%(n)d posts"),
                          ("month name", "May", None), (None, "Größe", None)}
    assert found[(None, "Publish", None)][4] == ["Translators: the button that publishes a post"]
    assert found[(None, "Title", None)][0] == 6


def test_extract_template():
    found = {(m[1], m[2], m[3]): m for m in extract_template(TEMPLATE, "t.html")}
    assert set(found) == {(None, "Welcome", None), (None, "Hello %(user)s!", None),
                          (None, "%(count)s comment", "%(count)s comments"), (None, "Title", None),
                          (None, "%(num)d day", "%(num)d days"), ("verb", "Post", None)}
    assert found[(None, "Welcome", None)][4] == ["Translators: greeting on the home page"]


def test_extract_javascript():
    found = extract_javascript('alert(gettext("Saved")); var s = ngettext(\'%s item\', "%s items", n);\n'
                               'pgettext("menu", "Open"); gettext(name);')
    assert [(m[1], m[2], m[3]) for m in found] == [(None, "Saved", None), (None, "%s item", "%s items"),
                                                    ("menu", "Open", None)]


def test_po_round_trip():
    catalog = pofile.Catalog("Content-Type: text/plain; charset=UTF-8\n")
    catalog.add(pofile.Message("Line one\nLine \"two\"\n", "Zeile eins\nZeile \"zwei\"\n", locations=[("a.py", 3)],
                               user_comments=["checked"]))
    catalog.add(pofile.Message("%d file", ["%d Datei", "%d Dateien"], "%d files", flags=["python-format"]))
    catalog.add(pofile.Message("May", "Mai", msgctxt="month"))
    text = pofile.write_po(catalog)
    again = pofile.read_po(text)
    assert again.header == catalog.header
    assert [(m.msgctxt, m.msgid, m.msgid_plural, m.msgstr, m.locations, m.flags, m.user_comments) for m in again] == [
        (None, "Line one\nLine \"two\"\n", None, "Zeile eins\nZeile \"zwei\"\n", [("a.py", 3)], set(), ["checked"]),
        (None, "%d file", "%d files", ["%d Datei", "%d Dateien"], [], {"python-format"}, []),
        ("month", "May", None, "Mai", [], set(), []),
    ]


def test_po_errors_name_the_line():
    with pytest.raises(pofile.PoFileError) as info:
        pofile.read_po('msgid "a"\nmsgstr "b"\nbogus line\n', "x.po")
    assert "x.po:3" in str(info.value)


@pytest.fixture
def project(tmp_path):
    root = tmp_path / "proj"
    app = root / "blog"
    (app / "templates" / "blog").mkdir(parents=True)
    (app / "locale").mkdir()
    (root / "locale").mkdir()
    with io.open(str(app / "models.py"), "w", encoding="utf-8") as handle:
        handle.write(PY_SOURCE)
    with io.open(str(app / "templates" / "blog" / "index.html"), "w", encoding="utf-8") as handle:
        handle.write(TEMPLATE)
    with io.open(str(root / "views.py"), "w", encoding="utf-8") as handle:
        handle.write('from pyframework.utils.translation import gettext as _\nX = _("Project message")\n')
    cwd = os.getcwd()
    os.chdir(str(root))
    try:
        yield root
    finally:
        os.chdir(cwd)


def _read(path):
    with io.open(str(path), "rb") as handle:
        return pofile.read_po(handle)


def test_makemessages_then_compilemessages(project):
    out = NativeStringIO()
    call_command("makemessages", locale=["de"], stdout=out)
    app_po = project / "blog" / "locale" / "de" / "LC_MESSAGES" / "django.po"
    project_po = project / "locale" / "de" / "LC_MESSAGES" / "django.po"
    catalog = _read(app_po)
    assert catalog.get("Title").locations == [("blog/models.py", 6), ("blog/templates/blog/index.html", 6)]
    assert catalog.get("May", "month name") is not None
    assert catalog.header_field("Plural-Forms") == "nplurals=2; plural=(n != 1);"
    assert [m.msgid for m in _read(project_po)] == ["Project message"]

    # Translate, re-run makemessages: translations stay, removed messages go.
    catalog.get("Title").msgstr = "Titel"
    catalog.get("%(n)d post").msgstr = ["%(n)d Beitrag", "%(n)d Beiträge"]
    catalog.add(pofile.Message("Gone", "Weg"))
    with io.open(str(app_po), "w", encoding="utf-8") as handle:
        handle.write(pofile.write_po(catalog))
    call_command("makemessages", locale=["de"], stdout=NativeStringIO())
    catalog = _read(app_po)
    assert catalog.get("Title").msgstr == "Titel"
    assert catalog.get("Gone") is None

    call_command("compilemessages", locale=["de"], stdout=out)
    assert (project / "blog" / "locale" / "de" / "LC_MESSAGES" / "django.mo").is_file()
    with override_settings(LOCALE_PATHS=[str(project / "blog" / "locale")], LANGUAGES=[("en", "E"), ("de", "D")]):
        with translation.override("de"):
            assert translation.gettext("Title") == "Titel"
            assert translation.ngettext("%(n)d post", "%(n)d posts", 2) % {"n": 2} == "2 Beiträge"


def test_makemessages_new_catalog_gets_the_language_plural_rule(project):
    call_command("makemessages", locale=["fr", "pl"], stdout=NativeStringIO())
    fr = _read(project / "blog" / "locale" / "fr" / "LC_MESSAGES" / "django.po")
    assert fr.header_field("Plural-Forms") == "nplurals=2; plural=(n > 1);"
    assert fr.header_field("Language") == "fr"
    pl = _read(project / "blog" / "locale" / "pl" / "LC_MESSAGES" / "django.po")
    assert pl.header_field("Plural-Forms").startswith("nplurals=3;")


def test_makemessages_needs_a_locale(project):
    with pytest.raises(CommandError) as info:
        call_command("makemessages")
    assert "--locale" in str(info.value)


def test_makemessages_without_a_locale_directory(tmp_path):
    (tmp_path / "a.py").write_text('X = _("x")\n')
    cwd = os.getcwd()
    os.chdir(str(tmp_path))
    try:
        with pytest.raises(CommandError) as info:
            call_command("makemessages", locale=["de"])
    finally:
        os.chdir(cwd)
    assert "LOCALE_PATHS" in str(info.value)


def test_compilemessages_reports_a_broken_catalog(project):
    broken = project / "locale" / "de" / "LC_MESSAGES"
    broken.mkdir(parents=True)
    (broken / "django.po").write_text('msgid "a"\nmsgstr b\n')
    with pytest.raises(CommandError) as info:
        call_command("compilemessages", locale=["de"], stdout=NativeStringIO())
    assert "django.po:2" in str(info.value)
