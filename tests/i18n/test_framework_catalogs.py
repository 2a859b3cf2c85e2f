# -*- coding: utf-8 -*-
"""The framework's German, French and Spanish catalogs: complete, consistent and used."""
from __future__ import unicode_literals

import io
import os
import re

import pytest

from pyframework import forms
from pyframework.contrib.auth import password_validation
from pyframework.utils import translation
from pyframework.utils.translation import pofile
from pyframework.utils.translation.trans_real import FRAMEWORK_LOCALE_DIR

PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]")


def catalog(language):
    path = os.path.join(FRAMEWORK_LOCALE_DIR, language, "LC_MESSAGES", "django.po")
    with io.open(path, "rb") as handle:
        return pofile.read_po(handle, path)


@pytest.mark.parametrize("language", ["de", "fr", "es"])
def test_every_message_is_translated_with_its_placeholders(language):
    messages = list(catalog(language))
    assert len(messages) > 150
    for message in messages:
        assert message.translated and not message.fuzzy, message.msgid
        forms_ = message.msgstr if isinstance(message.msgstr, list) else [message.msgstr]
        for form in forms_:
            assert sorted(PLACEHOLDER.findall(form)) == sorted(PLACEHOLDER.findall(message.msgid)), (
                message.msgid, form)


def _app_catalog(app_dir):
    """(msgctxt, msgid) of an app's own German catalog (contrib apps with a locale/ folder, as in Django)."""
    path = os.path.join(app_dir, "locale", "de", "LC_MESSAGES", "django.po")
    with io.open(path, "rb") as handle:
        return set((m.msgctxt, m.msgid) for m in pofile.read_po(handle, path) if m.translated)


def test_catalogs_cover_the_sources():
    """Every message the framework marks is in the German catalog (run makemessages otherwise):
    the framework's, or for a contrib app with a locale/ folder of its own, that app's."""
    from pyframework.utils.translation.extract import extract_python, extract_template

    framework_known = set((m.msgctxt, m.msgid) for m in catalog("de"))
    root = os.path.dirname(os.path.dirname(FRAMEWORK_LOCALE_DIR))
    contrib = os.path.join(root, "contrib")
    app_catalogs = {}
    missing = []
    for directory, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if d not in ("project_template", "app_template", "__pycache__")]
        # The admin gets catalogs of its own, as Django's contrib/admin/locale (not written yet).
        if directory == os.path.join(root, "contrib"):
            dirnames[:] = [d for d in dirnames if d != "admin"]
        known = framework_known
        if directory.startswith(contrib + os.sep):
            app_dir = os.path.join(contrib, directory[len(contrib) + 1:].split(os.sep)[0])
            if os.path.isdir(os.path.join(app_dir, "locale")):
                if app_dir not in app_catalogs:
                    app_catalogs[app_dir] = _app_catalog(app_dir)
                known = app_catalogs[app_dir]
        for name in filenames:
            path = os.path.join(directory, name)
            if name.endswith(".py"):
                with io.open(path, "rb") as handle:
                    found = extract_python(handle.read(), path)
            elif name.endswith((".html", ".txt")) and os.sep + "templates" + os.sep in path:
                with io.open(path, "rb") as handle:
                    found = extract_template(handle.read(), path)
            else:
                continue
            missing.extend((path, m[2]) for m in found if (m[1], m[2]) not in known)
    assert missing == [], "\n".join("%s: %s" % m for m in missing)


def test_form_errors_in_german_french_and_spanish():
    field = forms.IntegerField(max_value=10)
    expected = {
        "de": ("Dieses Feld ist zwingend erforderlich.", "Dieser Wert muss kleiner oder gleich 10 sein."),
        "fr": ("Ce champ est obligatoire.", "Assurez-vous que cette valeur est inférieure ou égale à 10."),
        "es": ("Este campo es obligatorio.", "Asegúrese de que este valor es menor o igual que 10."),
    }
    for language, (required, too_big) in expected.items():
        with translation.override(language):
            with pytest.raises(forms.ValidationError) as info:
                field.clean("")
            assert info.value.messages == [required]
            with pytest.raises(forms.ValidationError) as info:
                field.clean("11")
            assert info.value.messages == [too_big]
    with pytest.raises(forms.ValidationError) as info:
        field.clean("")
    assert info.value.messages == ["This field is required."]


def test_plural_messages_follow_the_count():
    field = forms.CharField(min_length=1)
    with translation.override("fr"):
        with pytest.raises(forms.ValidationError) as info:
            forms.CharField(min_length=3).clean("ab")
        assert info.value.messages == ["Assurez-vous que cette valeur comporte au moins 3 caractères (actuellement 2)."]
    assert field.clean("x") == "x"
    validator = password_validation.MinimumLengthValidator(min_length=1)
    with translation.override("de"):
        assert validator.get_help_text() == "Das Passwort muss mindestens 1 Zeichen enthalten."
    assert validator.get_help_text() == "Your password must contain at least 1 character."


def test_form_rendering_in_german():
    class SignUp(forms.Form):
        name = forms.CharField()

    with translation.override("de"):
        html = SignUp({}).as_div()
    assert "Dieses Feld ist zwingend erforderlich." in html
