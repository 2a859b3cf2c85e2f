"""``makemessages``: extract translatable strings into ``locale/<lang>/LC_MESSAGES/<domain>.po``.

Run it in a project or an app directory, as with Django. Every Python file and Jinja2
template (``-e html,txt,py`` by default; ``.js`` for ``-d djangojs``) below the current
directory is read; messages go to the ``locale`` directory of the nearest folder that
has one, else to the first of ``LOCALE_PATHS``, else to ``./locale``. Existing
translations are kept, messages no longer in the sources are dropped
(``--no-obsolete`` is the only behaviour), new ones start untranslated.
Pure Python (no GNU gettext tools), so it runs on CPython and on Jython.
"""
from __future__ import absolute_import, unicode_literals

import datetime
import fnmatch
import io
import os

from pyframework.conf import settings
from pyframework.core.management.base import BaseCommand, CommandError
from pyframework.utils.translation import pofile
from pyframework.utils.translation.extract import (
    ExtractionError, extract_javascript, extract_python, extract_template)
from pyframework.utils.translation.trans_real import to_locale

DEFAULT_IGNORE = ["CVS", ".*", "*~", "*.pyc", "*$py.class", "__pycache__", "build", "node_modules",
                  "migrations", "venv", "static"]

# Plural-Forms headers of new catalogs (gettext's rules, the ones translators expect).
PLURAL_FORMS = {
    "default": "nplurals=2; plural=(n != 1);",
    "fr": "nplurals=2; plural=(n > 1);",
    "pt_BR": "nplurals=2; plural=(n > 1);",
    "ja": "nplurals=1; plural=0;", "ko": "nplurals=1; plural=0;", "zh": "nplurals=1; plural=0;",
    "vi": "nplurals=1; plural=0;", "th": "nplurals=1; plural=0;", "id": "nplurals=1; plural=0;",
    "tr": "nplurals=2; plural=(n > 1);",
    "pl": "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
    "ru": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
          "(n%100<10 || n%100>=20) ? 1 : 2);",
    "uk": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
          "(n%100<10 || n%100>=20) ? 1 : 2);",
    "cs": "nplurals=3; plural=(n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2;",
    "sk": "nplurals=3; plural=(n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2;",
}


def plural_forms(locale):
    return PLURAL_FORMS.get(locale) or PLURAL_FORMS.get(locale.split("_")[0]) or PLURAL_FORMS["default"]


def new_header(locale):
    now = datetime.datetime.utcnow().strftime("%Y-%m-%d %H:%M+0000")
    return ("Project-Id-Version: PACKAGE VERSION\n"
            "Report-Msgid-Bugs-To: \n"
            "POT-Creation-Date: %s\n"
            "PO-Revision-Date: YEAR-MO-DA HO:MI+ZONE\n"
            "Last-Translator: FULL NAME <EMAIL@ADDRESS>\n"
            "Language-Team: LANGUAGE <LL@li.org>\n"
            "Language: %s\n"
            "MIME-Version: 1.0\n"
            "Content-Type: text/plain; charset=UTF-8\n"
            "Content-Transfer-Encoding: 8bit\n"
            "Plural-Forms: %s\n") % (now, locale, plural_forms(locale))


def merge(template, existing):
    """A catalog with ``template``'s messages and ``existing``'s translations and header."""
    result = pofile.Catalog(existing.header if existing is not None else "")
    for message in template:
        old = existing.get(message.msgid, message.msgctxt) if existing is not None else None
        merged = pofile.Message(message.msgid, "", message.msgid_plural, message.msgctxt, message.locations,
                                message.flags, message.comments)
        if old is not None:
            merged.user_comments = old.user_comments
            if (old.msgid_plural is None) == (message.msgid_plural is None):
                merged.msgstr = old.msgstr
                if old.fuzzy:
                    merged.flags.add("fuzzy")
        result.add(merged)
    return result


class Command(BaseCommand):
    help = ("Extracts the translatable strings of the Python files and Jinja2 templates below the current "
            "directory into locale/<lang>/LC_MESSAGES/<domain>.po, keeping existing translations.")
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("--locale", "-l", action="append", default=[],
                            help="Locale(s) to process, e.g. de or pt_BR (repeatable).")
        parser.add_argument("--exclude", "-x", action="append", default=[], help="Locale(s) to skip.")
        parser.add_argument("--all", "-a", action="store_true", help="Update every existing locale.")
        parser.add_argument("--domain", "-d", default="django", choices=["django", "djangojs"],
                            help="django (Python and templates) or djangojs (JavaScript).")
        parser.add_argument("--extension", "-e", action="append", dest="extensions", default=[],
                            help="File extensions to read (default: html,txt,py; js for djangojs).")
        parser.add_argument("--ignore", "-i", action="append", dest="ignore_patterns", default=[],
                            help="Glob patterns of files or directories to skip (repeatable).")
        parser.add_argument("--no-default-ignore", action="store_false", dest="use_default_ignore_patterns",
                            help="Do not skip CVS, .*, *~, build, migrations, static ... .")
        parser.add_argument("--no-location", action="store_true", help="Do not write '#: file:line' lines.")
        parser.add_argument("--no-wrap", action="store_true", help="Accepted for compatibility.")
        parser.add_argument("--no-obsolete", action="store_true",
                            help="Accepted for compatibility: obsolete messages are always removed.")
        parser.add_argument("--trimmed", action="store_true",
                            help="Extract {% trans %} blocks with whitespace trimmed (match the templates' policy).")

    def handle(self, *args, **options):
        domain = options["domain"]
        self.verbosity = options["verbosity"]
        extensions = []
        for value in options["extensions"] or (["js"] if domain == "djangojs" else ["html", "txt", "py"]):
            extensions.extend(e.strip().lstrip(".") for e in value.split(",") if e.strip())
        ignore = list(options["ignore_patterns"])
        if options["use_default_ignore_patterns"]:
            ignore += DEFAULT_IGNORE
        locales = [to_locale(code) if "-" in code else code for code in options["locale"]]
        if not locales and not options["all"]:
            raise CommandError("Name the locales with --locale (e.g. -l de) or use --all.")
        root = os.path.abspath(os.getcwd())
        default_locale_dir = self._default_locale_dir(root)
        templates = {}  # locale dir -> Catalog of extracted messages
        for path in self._source_files(root, extensions, ignore):
            locale_dir = self._locale_dir_for(path, root) or default_locale_dir
            if locale_dir is None:
                raise CommandError(
                    "Unable to find a locale path to store translations for %s: create a 'locale' directory "
                    "in the project or app, or set LOCALE_PATHS." % os.path.relpath(path, root))
            catalog = templates.setdefault(locale_dir, pofile.Catalog())
            self._extract_into(catalog, path, root, domain, options)
        if not templates and default_locale_dir is not None:
            templates[default_locale_dir] = pofile.Catalog()
        for locale_dir, template in sorted(templates.items()):
            targets = set(locales)
            if options["all"] and os.path.isdir(locale_dir):
                targets.update(name for name in os.listdir(locale_dir)
                               if os.path.isdir(os.path.join(locale_dir, name, "LC_MESSAGES")))
            for locale in sorted(targets - set(options["exclude"])):
                self._write(template, locale_dir, locale, domain)

    def _default_locale_dir(self, root):
        framework_catalogs = os.path.join(root, "conf", "locale")
        if os.path.isfile(os.path.join(root, "__init__.py")) and os.path.isdir(framework_catalogs):
            return framework_catalogs  # run inside the framework's own package (pyframework/)
        if settings.configured and settings.LOCALE_PATHS:
            return os.path.abspath(settings.LOCALE_PATHS[0])
        candidate = os.path.join(root, "locale")
        return candidate if os.path.isdir(candidate) else None

    def _source_files(self, root, extensions, ignore):
        for directory, dirnames, filenames in os.walk(root):
            dirnames[:] = sorted(d for d in dirnames if not _ignored(d, os.path.join(directory, d), root, ignore)
                                 and d != "locale")
            for name in sorted(filenames):
                path = os.path.join(directory, name)
                if name.rpartition(".")[2] in extensions and not _ignored(name, path, root, ignore):
                    yield path

    def _locale_dir_for(self, path, root):
        """The ``locale`` folder of the nearest directory above ``path`` (within ``root``)."""
        directory = os.path.dirname(path)
        while True:
            candidate = os.path.join(directory, "locale")
            if os.path.isdir(candidate):
                return candidate
            if directory == root or os.path.dirname(directory) == directory:
                return None
            directory = os.path.dirname(directory)

    def _extract_into(self, catalog, path, root, domain, options):
        with io.open(path, "rb") as handle:
            source = handle.read()
        relative = os.path.relpath(path, root).replace(os.sep, "/")
        try:
            if domain == "djangojs":
                found = extract_javascript(source, relative)
            elif path.endswith(".py"):
                found = extract_python(source, relative)
            else:
                found = extract_template(source, relative, trimmed=options["trimmed"])
        except ExtractionError as exc:
            self.stderr.write("skipped %s" % exc)
            return
        for lineno, context, msgid, plural, comments in found:
            flags = ["python-format"] if "%(" in msgid or "%s" in msgid or "%d" in msgid else []
            locations = [] if options["no_location"] else [(relative, lineno)]
            catalog.add(pofile.Message(msgid, "", plural, context, locations, flags, comments))

    def _write(self, template, locale_dir, locale, domain):
        directory = os.path.join(locale_dir, locale, "LC_MESSAGES")
        path = os.path.join(directory, domain + ".po")
        existing = None
        if os.path.isfile(path):
            with io.open(path, "rb") as handle:
                existing = pofile.read_po(handle, path)
        elif not os.path.isdir(directory):
            os.makedirs(directory)
        merged = merge(template, existing)
        if existing is None:
            merged.header = new_header(locale)
        with io.open(path, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(pofile.write_po(merged))
        if self.verbosity > 0:
            self.stdout.write("processing locale %s: %s (%d messages)" % (locale, path, len(merged)))


def _ignored(name, path, root, patterns):
    relative = os.path.relpath(path, root).replace(os.sep, "/")
    return any(fnmatch.fnmatchcase(name, p) or fnmatch.fnmatchcase(relative, p) for p in patterns)
