"""The translation backend used when ``USE_I18N`` is on: gettext catalogs, per-thread language.

Catalogs are ``<dir>/<locale>/LC_MESSAGES/django.mo`` files (the domain is Django's, so a
ported app's ``locale`` folder works unchanged), read with the standard library's ``gettext``
module on both CPython and Jython (inside an unpacked WAR they are ordinary files under
``WEB-INF/python``). For a language, messages are looked up in this order, as Django does:

1. the most specific locale first (``de_AT`` before ``de``), and for each locale
2. ``LOCALE_PATHS`` in their order, then each installed app's ``locale`` directory in
   ``INSTALLED_APPS`` order, then the framework's own (``pyframework/conf/locale``);
3. then the catalogs of ``LANGUAGE_CODE``; then the message as written.

A language's merged catalog is built once and never changed afterwards, so threads share it
safely; the active language is a ``threading.local`` (Jython runs requests truly in
parallel). ``override_settings`` of a setting that changes the catalogs clears the cache.
"""
from __future__ import absolute_import, unicode_literals

import gettext as gettext_module
import os
import re
import threading

from pyframework.apps import apps
from pyframework.conf import settings
from pyframework.conf.locale import LANG_INFO
from pyframework.core.exceptions import AppRegistryNotReady
from pyframework.core.signals import setting_changed
from pyframework.utils.translation.pofile import CONTEXT_SEPARATOR

DOMAIN = "django"
# The framework's own catalogs (and its per-language format modules, pyframework.utils.formats).
FRAMEWORK_LOCALE_DIR = os.path.join(
    os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "conf", "locale")

# Settings whose change makes every cached catalog or language lookup stale.
_CATALOG_SETTINGS = frozenset(["LOCALE_PATHS", "INSTALLED_APPS", "LANGUAGE_CODE", "LANGUAGES"])

_active = threading.local()
_translations = {}
_translations_lock = threading.Lock()
_supported_cache = {}

# RFC 7231 language ranges with an optional q value (as Django parses them).
accept_language_re = re.compile(r"""
        ([A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*|\*)      # "en", "en-au", "x-y-z", "es-419", "*"
        (?:\s*;\s*q=(0(?:\.[0-9]{,3})?|1(?:\.0{,3})?))?  # optional "q=1.00", "q=0.8"
        (?:\s*,\s*|$)                                   # comma or end of string
        """, re.VERBOSE)
language_code_re = re.compile(r"^[a-z]{1,8}(?:-[a-z0-9]{1,8})*(?:@[a-z0-9]{1,20})?$", re.IGNORECASE)
language_code_prefix_re = re.compile(r"^/(\w+([@-]\w+){0,2})(/|$)")
# Longest Accept-Language header worth parsing; longer ones are cut (Django's limit).
ACCEPT_LANGUAGE_HEADER_MAX_LENGTH = 500


def _reset_caches(**kwargs):
    if kwargs.get("setting") in _CATALOG_SETTINGS:
        with _translations_lock:
            _translations.clear()
            _supported_cache.clear()


setting_changed.connect(_reset_caches, dispatch_uid="pyframework.utils.translation.catalogs")


def to_locale(language):
    """``"en-us"`` -> ``"en_US"``, ``"sr-latn"`` -> ``"sr_Latn"``, ``"de"`` -> ``"de"``."""
    lang, _, country = language.lower().partition("-")
    if not country:
        return language[:3].lower() + language[3:]
    country, _, tail = country.partition("-")
    country = country.title() if len(country) > 2 else country.upper()
    if tail:
        country += "-" + tail
    return lang + "_" + country


def to_language(locale):
    """``"en_US"`` -> ``"en-us"``."""
    lang, sep, country = locale.partition("_")
    if sep:
        return lang.lower() + "-" + country.lower()
    return locale.lower()


def _locale_expansions(locale):
    """``de_AT`` -> ``["de_AT", "de"]``: the catalog folders a locale uses, most specific first."""
    result = [locale]
    if "@" in locale:
        base, _, modifier = locale.partition("@")
        result = [locale, base]
        locale = base
    if "_" in locale:
        result.append(locale.partition("_")[0])
    return result


def all_locale_paths():
    """Every directory searched for catalogs, highest priority first."""
    paths = list(settings.LOCALE_PATHS)
    try:
        app_configs = apps.get_app_configs()
    except AppRegistryNotReady:
        app_configs = []
    for config in app_configs:
        candidate = os.path.join(config.path, "locale")
        if os.path.isdir(candidate):
            paths.append(candidate)
    paths.append(FRAMEWORK_LOCALE_DIR)
    return paths


class Translation(object):
    """The merged catalogs of one language (read-only once built)."""

    def __init__(self, language, domain=DOMAIN, localedirs=None):
        self.language = language
        self.locale = to_locale(language)
        self.domain = domain
        self.catalogs = []  # GNUTranslations objects, highest priority first
        dirs = all_locale_paths() if localedirs is None else localedirs
        for locale in _locale_expansions(self.locale):
            for directory in dirs:
                path = os.path.join(directory, locale, "LC_MESSAGES", domain + ".mo")
                if os.path.isfile(path):
                    with open(path, "rb") as handle:
                        self.catalogs.append(gettext_module.GNUTranslations(handle))
        # Singular messages merged into one dict (lower priority first, so higher ones win).
        self.messages = {}
        for catalog in reversed(self.catalogs):
            for key, value in catalog._catalog.items():
                if not isinstance(key, tuple) and key:
                    self.messages[key] = value
        self.fallback = None

    def found(self):
        return bool(self.catalogs)

    def gettext(self, message):
        result = self.messages.get(message)
        if result is not None:
            return result
        if self.fallback is not None:
            return self.fallback.gettext(message)
        return None

    def ngettext(self, singular, number):
        for catalog in self.catalogs:
            result = catalog._catalog.get((singular, catalog.plural(number)))
            if result is not None:
                return result
        if self.fallback is not None:
            return self.fallback.ngettext(singular, number)
        return None

    def to_language(self):
        return self.language

    def __repr__(self):
        return "<Translation %s: %d catalogs>" % (self.language, len(self.catalogs))


def translation(language):
    """The (cached) Translation of ``language``, falling back to ``LANGUAGE_CODE``'s."""
    result = _translations.get(language)
    if result is not None:
        return result
    result = Translation(language)
    default = settings.LANGUAGE_CODE
    if language != default and not language.startswith("en"):
        result.fallback = translation(default)
    if apps.ready:  # app catalogs are only all known once the registry is ready
        with _translations_lock:
            result = _translations.setdefault(language, result)
    return result


def activate(language):
    """Make ``language`` the active language of this thread."""
    if not language:
        return
    _active.value = translation(language)


def deactivate():
    """Back to ``LANGUAGE_CODE`` for this thread."""
    _active.__dict__.pop("value", None)


def deactivate_all():
    """No translation at all for this thread (messages as written) until ``activate()``."""
    _active.value = _NullTranslation()


class _NullTranslation(object):
    language = None
    fallback = None

    def gettext(self, message):
        return None

    def ngettext(self, singular, number):
        return None

    def to_language(self):
        return None


def _current():
    try:
        return _active.value
    except AttributeError:
        return translation(settings.LANGUAGE_CODE)


def get_language():
    """The active language code of this thread; ``None`` after ``deactivate_all()``."""
    try:
        return _active.value.to_language()
    except AttributeError:
        return settings.LANGUAGE_CODE


def get_language_bidi():
    """True when the active language is written right to left."""
    language = get_language()
    if language is None:
        return False
    return language.split("-")[0] in settings.LANGUAGES_BIDI


def catalog():
    """The active translation (for the JavaScript catalog)."""
    return _current()


def gettext(message):
    if not message:
        return message
    result = _current().gettext(message)
    return message if result is None else result


def ngettext(singular, plural, number):
    result = _current().ngettext(singular, number)
    if result is None:
        return singular if number == 1 else plural
    return result


def pgettext(context, message):
    result = _current().gettext(context + CONTEXT_SEPARATOR + message)
    return message if result is None else result


def npgettext(context, singular, plural, number):
    result = _current().ngettext(context + CONTEXT_SEPARATOR + singular, number)
    if result is None:
        return singular if number == 1 else plural
    return result


def check_for_language(lang_code):
    """True if a catalog of ``lang_code`` exists in any locale directory (or it is English)."""
    if lang_code is None or not language_code_re.search(lang_code):
        return False
    locale = to_locale(lang_code)
    for directory in all_locale_paths():
        for candidate in _locale_expansions(locale):
            if os.path.isfile(os.path.join(directory, candidate, "LC_MESSAGES", DOMAIN + ".mo")):
                return True
    return lang_code.split("-")[0] == "en"


def get_languages():
    """``dict(settings.LANGUAGES)``."""
    return dict(settings.LANGUAGES)


def get_supported_language_variant(lang_code, strict=False):
    """The code in ``LANGUAGES`` that serves ``lang_code``, or LookupError.

    ``de-at`` is served by ``de-at`` if listed, else by ``de``; unless ``strict``, by
    another variant of the same language too (``de-ch`` for ``de-at`` when only that is
    listed). ``LANG_INFO`` fallbacks (``zh-cn`` -> ``zh-hans``) come before the base code.
    """
    if not lang_code:
        raise LookupError(lang_code)
    key = (lang_code, strict)
    cached = _supported_cache.get(key)
    if cached is not None:
        return cached
    possible = [lang_code]
    try:
        possible.extend(LANG_INFO[lang_code]["fallback"])
    except KeyError:
        pass
    possible.extend(_generic_codes(lang_code))
    supported = get_languages()
    for code in possible:
        if code.lower() in (c.lower() for c in supported) and check_for_language(code):
            result = _canonical(code, supported)
            _supported_cache[key] = result
            return result
    if not strict:
        prefix = lang_code.split("-")[0].lower() + "-"
        for code in supported:
            if code.lower().startswith(prefix):
                _supported_cache[key] = code
                return code
    raise LookupError(lang_code)


def _generic_codes(lang_code):
    parts = lang_code.split("-")
    return ["-".join(parts[:i]) for i in range(len(parts) - 1, 0, -1)]


def _canonical(code, supported):
    for candidate in supported:
        if candidate.lower() == code.lower():
            return candidate
    return code


def get_language_from_path(path, strict=False):
    """The supported language of a ``/de/...`` path prefix, or None."""
    match = language_code_prefix_re.match(path)
    if not match:
        return None
    try:
        return get_supported_language_variant(match.group(1), strict=strict)
    except LookupError:
        return None


def parse_accept_lang_header(lang_string):
    """``[(code, q), ...]`` sorted by q, highest first; ``()`` for a malformed header."""
    lang_string = lang_string[:ACCEPT_LANGUAGE_HEADER_MAX_LENGTH].strip()
    if "," in lang_string and len(lang_string) == ACCEPT_LANGUAGE_HEADER_MAX_LENGTH:
        lang_string = lang_string.rsplit(",", 1)[0]  # never a code cut in half
    result = []
    position = 0
    lang_string = lang_string.lower()
    while position < len(lang_string):
        match = accept_language_re.match(lang_string, position)
        if not match or match.end() == position:
            return ()
        code, q = match.group(1), match.group(2)
        result.append((code, float(q) if q else 1.0))
        position = match.end()
    result.sort(key=lambda item: -item[1])
    return tuple(result)


def get_language_from_request(request, check_path=False):
    """The language to serve ``request`` in: URL prefix (if ``check_path``), cookie,
    ``Accept-Language``, then ``LANGUAGE_CODE``."""
    if check_path:
        language = get_language_from_path(request.path_info)
        if language is not None:
            return language
    cookie = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    if cookie and cookie in get_languages():
        try:
            return get_supported_language_variant(cookie)
        except LookupError:
            pass
    accept = request.META.get("HTTP_ACCEPT_LANGUAGE", "")
    for accept_lang, _ in parse_accept_lang_header(accept):
        if accept_lang == "*":
            break
        if not language_code_re.search(accept_lang):
            continue
        try:
            return get_supported_language_variant(accept_lang)
        except LookupError:
            continue
    try:
        return get_supported_language_variant(settings.LANGUAGE_CODE)
    except LookupError:
        return settings.LANGUAGE_CODE
