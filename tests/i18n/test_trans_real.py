# -*- coding: utf-8 -*-
"""Catalog lookup, merge order, fallbacks and the per-thread language (trans_real)."""
from __future__ import unicode_literals

import threading

import pytest

from i18n_support import write_catalog
from pyframework.test import override_settings
from pyframework.utils import translation
from pyframework.utils.translation import trans_real

LANGUAGES = [("en", "English"), ("de", "German"), ("de-at", "Austrian German"), ("fr", "French"),
             ("pl", "Polish")]


@pytest.fixture
def locales(tmp_path):
    high = tmp_path / "high"
    low = tmp_path / "low"
    write_catalog(low, "de", 'msgid "Hello"\nmsgstr "Hallo (low)"\n\nmsgid "Only low"\nmsgstr "Nur unten"\n\n'
                             'msgid "January"\nmsgstr "Januar"\n\n'
                             'msgctxt "month"\nmsgid "May"\nmsgstr "Mai"\n\n'
                             'msgid "May"\nmsgstr "darf"\n\n'
                             'msgid "%(n)d file"\nmsgid_plural "%(n)d files"\n'
                             'msgstr[0] "%(n)d Datei"\nmsgstr[1] "%(n)d Dateien"\n\n'
                             '#, fuzzy\nmsgid "Fuzzy"\nmsgstr "Flauschig"\n')
    write_catalog(high, "de", 'msgid "Hello"\nmsgstr "Hallo"\n')
    write_catalog(high, "de_AT", 'msgid "January"\nmsgstr "Jänner"\n')
    write_catalog(low, "fr", 'msgid "Hello"\nmsgstr "Bonjour"\n\nmsgid "Only French"\nmsgstr "Seulement"\n')
    write_catalog(low, "pl", 'msgid "%(n)d file"\nmsgid_plural "%(n)d files"\n'
                             'msgstr[0] "%(n)d plik"\nmsgstr[1] "%(n)d pliki"\nmsgstr[2] "%(n)d plików"\n',
                  nplurals=3, plural="(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2)")
    with override_settings(LOCALE_PATHS=[str(high), str(low)], LANGUAGES=LANGUAGES, LANGUAGE_CODE="en"):
        yield
    translation.deactivate()


def test_messages_and_merge_order(locales):
    with translation.override("de"):
        assert translation.gettext("Hello") == "Hallo"          # the first LOCALE_PATHS entry wins
        assert translation.gettext("Only low") == "Nur unten"  # merged from the second
        assert translation.gettext("Untranslated") == "Untranslated"
        assert translation.gettext("Fuzzy") == "Fuzzy"         # fuzzy entries are not compiled
        assert translation.pgettext("month", "May") == "Mai"
        assert translation.gettext("May") == "darf"
        assert translation.ngettext("%(n)d file", "%(n)d files", 1) % {"n": 1} == "1 Datei"
        assert translation.ngettext("%(n)d file", "%(n)d files", 4) % {"n": 4} == "4 Dateien"
    assert translation.gettext("Hello") == "Hello"


def test_specific_locale_then_base_language(locales):
    with translation.override("de-at"):
        assert translation.get_language() == "de-at"
        assert translation.gettext("January") == "Jänner"
        assert translation.gettext("Hello") == "Hallo"


def test_fallback_to_language_code(locales):
    with override_settings(LANGUAGE_CODE="fr"):
        with translation.override("de"):
            assert translation.gettext("Only French") == "Seulement"
            assert translation.gettext("Hello") == "Hallo"


def test_plural_rules_of_the_catalog(locales):
    with translation.override("pl"):
        forms = [translation.ngettext("%(n)d file", "%(n)d files", n) % {"n": n} for n in (1, 3, 5, 22, 25)]
    assert forms == ["1 plik", "3 pliki", "5 plików", "22 pliki", "25 plików"]


def test_lazy_messages_follow_the_active_language(locales):
    hello = translation.gettext_lazy("Hello")
    files = translation.ngettext_lazy("%(n)d file", "%(n)d files", "n")
    with translation.override("de"):
        assert "%s" % hello == "Hallo"
        assert files % {"n": 2} == "2 Dateien"
    with translation.override("fr"):
        assert "%s" % hello == "Bonjour"


def test_override_none_and_nesting(locales):
    translation.activate("de")
    with translation.override(None):
        assert translation.get_language() is None
        assert translation.gettext("Hello") == "Hello"
        with translation.override("fr"):
            assert translation.gettext("Hello") == "Bonjour"
    assert translation.get_language() == "de"
    with translation.override("fr", deactivate=True):
        pass
    assert translation.get_language() == "en"


def test_language_is_per_thread(locales):
    results = {}
    started = threading.Event()
    proceed = threading.Event()

    def worker(language, first):
        translation.activate(language)
        if first:
            started.set()
            proceed.wait(10)
        else:
            started.wait(10)
            results["second"] = translation.gettext("Hello")
            proceed.set()
        results[language] = (translation.get_language(), translation.gettext("Hello"))

    threads = [threading.Thread(target=worker, args=("de", True)), threading.Thread(target=worker, args=("fr", False))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(20)
    assert results == {"de": ("de", "Hallo"), "fr": ("fr", "Bonjour"), "second": "Bonjour"}
    assert translation.get_language() == "en"


def test_use_i18n_false_returns_messages_as_written(locales):
    with override_settings(USE_I18N=False):
        translation.activate("de")
        assert translation.gettext("Hello") == "Hello"
        assert translation.ngettext("%(n)d file", "%(n)d files", 2) == "%(n)d files"
        translation.deactivate()
    with translation.override("de"):
        assert translation.gettext("Hello") == "Hallo"


def test_supported_variants_and_check_for_language(locales):
    assert translation.check_for_language("de")
    assert translation.check_for_language("en")
    assert not translation.check_for_language("xx")
    assert not translation.check_for_language("../etc")
    assert translation.get_supported_language_variant("de-at") == "de-at"
    assert translation.get_supported_language_variant("de-ch") == "de"
    assert translation.get_supported_language_variant("fr-ca") == "fr"
    assert translation.get_supported_language_variant("fr-ca", strict=True) == "fr"
    with pytest.raises(LookupError):
        translation.get_supported_language_variant("ja")
    with override_settings(LANGUAGES=[("en", "English"), ("de-at", "Austrian German")]):
        assert translation.get_supported_language_variant("de-ch") == "de-at"
        with pytest.raises(LookupError):
            translation.get_supported_language_variant("de-ch", strict=True)


def test_language_info():
    info = translation.get_language_info("de")
    assert (info["code"], info["name"], info["name_local"], info["bidi"]) == ("de", "German", "Deutsch", False)
    assert translation.get_language_info("de-at")["code"] == "de"
    assert translation.get_language_info("zh-cn")["code"] == "zh-hans"
    assert translation.get_language_info("ar")["bidi"] is True
    with pytest.raises(KeyError):
        translation.get_language_info("xx")


def test_locale_names():
    assert translation.to_locale("en-us") == "en_US"
    assert translation.to_locale("sr-latn") == "sr_Latn"
    assert translation.to_locale("de") == "de"
    assert translation.to_language("pt_BR") == "pt-br"


def test_accept_language_parsing():
    parse = trans_real.parse_accept_lang_header
    assert parse("de-AT,de;q=0.9,en;q=0.5") == (("de-at", 1.0), ("de", 0.9), ("en", 0.5))
    assert parse("fr;q=0.3, *;q=0.1, es") == (("es", 1.0), ("fr", 0.3), ("*", 0.1))
    assert parse("en; q=2.0") == ()
    assert parse("de;q=0.9;junk") == ()
    assert parse("") == ()
