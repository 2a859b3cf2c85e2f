"""The Jinja2 template engine, configured from one entry of the TEMPLATES setting.

``OPTIONS`` are passed to ``jinja2.Environment`` except for two keys of ours:
``context_processors`` (dotted paths of callables(request) -> dict) and
``environment`` (dotted path of the callable building the Environment).
"""
from __future__ import absolute_import, unicode_literals

import os
import threading

from pyframework.template import jython

jython.install()  # before any template error can make Jinja2 import jinja2.debug

import jinja2  # noqa: E402
from markupsafe import escape  # noqa: E402

from pyframework.apps import apps  # noqa: E402
from pyframework.conf import settings  # noqa: E402
from pyframework.core.exceptions import ImproperlyConfigured  # noqa: E402
from pyframework.template import l10n  # noqa: E402
from pyframework.template.library import installed_libraries  # noqa: E402
from pyframework.core.signals import template_rendered  # noqa: E402
from pyframework.template import urls as url_functions  # noqa: E402
from pyframework.template.exceptions import TemplateDoesNotExist, TemplateSyntaxError  # noqa: E402
from pyframework.templatetags.cache import CacheExtension  # noqa: E402
from pyframework.urls.utils import get_callable  # noqa: E402
from pyframework.utils import translation  # noqa: E402
from pyframework.utils.compat import string_types  # noqa: E402

# Jinja2 3 renamed contextfunction (the only one Jinja2 2.11 on Jython has) to pass_context.
_pass_context = getattr(jinja2, "pass_context", None) or jinja2.contextfunction

# Jinja2 errors re-raised as ours, so callers need not know the engine.
_TRANSLATED_ERRORS = (jinja2.TemplateNotFound, jinja2.TemplateSyntaxError)

AUTOESCAPE_EXTENSIONS = ("html", "htm", "xml", "jinja", "j2")

# Compiled templates kept per engine. Jinja2's default (400) suits most sites; the
# cache is what makes rendering cheap, so it must never be disabled by accident.
DEFAULT_CACHE_SIZE = 400
CACHE_EXTENSION = "pyframework.templatetags.cache.CacheExtension"


class Jinja2(object):
    app_dirname = "templates"

    def __init__(self, params):
        params = dict(params)
        self.name = params.pop("NAME", "jinja2")
        self.dirs = params.pop("DIRS", [])
        if isinstance(self.dirs, string_types):
            raise ImproperlyConfigured(
                "DIRS of TEMPLATES entry '%s' must be a list of directories, not the string '%s'."
                % (self.name, self.dirs))
        self.dirs = list(self.dirs)
        self.app_dirs = params.pop("APP_DIRS", False)
        options = dict(params.pop("OPTIONS", None) or {})
        params.pop("BACKEND", None)
        if params:
            raise ImproperlyConfigured(
                "Unknown keys %s in TEMPLATES entry '%s'; allowed: BACKEND, NAME, DIRS, APP_DIRS, OPTIONS."
                % (", ".join(sorted(params)), self.name))
        self.template_dirs = self.dirs + (self._app_template_dirs() if self.app_dirs else [])
        self.context_processors = [
            get_callable(path, "TEMPLATES context processor") for path in options.pop("context_processors", [])]
        environment_factory = get_callable(options.pop("environment", jinja2.Environment), "TEMPLATES environment")
        if isinstance(options.get("undefined"), string_types):
            options["undefined"] = get_callable(options["undefined"], "TEMPLATES undefined")
        options.setdefault("autoescape", jinja2.select_autoescape(AUTOESCAPE_EXTENSIONS, default_for_string=True))
        options.setdefault("loader", jinja2.FileSystemLoader(self.template_dirs))
        options.setdefault("auto_reload", settings.DEBUG)
        options.setdefault("cache_size", DEFAULT_CACHE_SIZE)
        # The {% cache %} fragment tag is always there, like Django's built-in cache library.
        extensions = list(options.get("extensions", ()))
        if CACHE_EXTENSION not in extensions and CacheExtension not in extensions:
            options["extensions"] = extensions + [CACHE_EXTENSION]
        self.env = environment_factory(**options)
        self.env.globals.setdefault("url", _pass_context(url_functions.url))
        self.env.globals.setdefault("static", url_functions.static)
        # {% trans %}, {% pluralize %} and _()/gettext()/ngettext() in every template, as
        # Django's documented Jinja2 set-up has; new-style calls escape and format safely.
        self.env.add_extension("jinja2.ext.i18n")
        try:  # Jinja2 3 escapes and formats pgettext()/npgettext() like the others
            self.env.install_gettext_callables(translation.gettext, translation.ngettext, newstyle=True,
                                               pgettext=translation.pgettext, npgettext=translation.npgettext)
        except TypeError:  # Jinja2 2.11 (the WAR's) has no pgettext support: plain globals then
            self.env.install_gettext_callables(translation.gettext, translation.ngettext, newstyle=True)
            self.env.globals.setdefault("pgettext", translation.pgettext)
            self.env.globals.setdefault("npgettext", translation.npgettext)
        l10n.install(self.env)  # date/time/number/localize/localtime filters, language globals
        # The installed apps' templatetags libraries (Jinja2 has no {% load %}: all of them, always).
        for library in installed_libraries(apps.get_app_configs()):
            library.install(self.env)
        self._csrf_get_token = _find_csrf_get_token()
        self._get_template = self.env.get_template
        _report_nested_templates(self)

    def _app_template_dirs(self):
        dirs = []
        for app_config in apps.get_app_configs():
            candidate = os.path.join(app_config.path, self.app_dirname)
            if os.path.isdir(candidate):
                dirs.append(candidate)
        return dirs

    def get_template(self, template_name):
        try:
            return Template(self._get_template(template_name), self)
        except _TRANSLATED_ERRORS as exc:
            raise self.translate_error(exc)

    def from_string(self, template_code):
        try:
            return Template(self.env.from_string(template_code), self)
        except jinja2.TemplateSyntaxError as exc:
            raise self.translate_error(exc)

    def translate_error(self, exc):
        """Our exception for a Jinja2 'not found' or 'syntax' error."""
        if isinstance(exc, jinja2.TemplateNotFound):
            names = getattr(exc, "templates", None) or [exc.name]
            return TemplateDoesNotExist(", ".join(names), tried=self.searched_paths(names), backend=self)
        return TemplateSyntaxError(exc.message, name=exc.name, lineno=exc.lineno, filename=exc.filename)

    def searched_paths(self, names):
        """Every file path the loader looks at for ``names``."""
        search_path = getattr(self.env.loader, "searchpath", None) or []
        return [os.path.join(directory, *name.split("/")) for name in names for directory in search_path]

    def make_context(self, context, request):
        """Context processors first, then ``request``, then the view's own context (which wins)."""
        data = {}
        if request is not None:
            for processor in self.context_processors:
                data.update(processor(request))
            data["request"] = request
            if self._csrf_get_token is not None:
                token = _LazyCsrfToken(self._csrf_get_token, request)
                data["csrf_token"] = token
                data["csrf_input"] = _LazyCsrfInput(token)
        if context:
            data.update(context)
        return data


class Template(object):
    """A compiled template: ``render(context=None, request=None)`` returns text."""

    def __init__(self, template, backend):
        self.template = template
        self.backend = backend
        self.name = template.name
        self.filename = template.filename

    def render(self, context=None, request=None):
        data = self.backend.make_context(context, request)
        if not template_rendered._receivers:
            try:
                return self.template.render(data)
            except _TRANSLATED_ERRORS as exc:
                raise self.backend.translate_error(exc)
        # The test client records templates and contexts (response.templates, response.context),
        # the ones this template extends and includes too (see _report_nested_templates).
        template_rendered.send(sender=self.__class__, template=self, context=data)
        contexts = _rendering.__dict__.setdefault("contexts", [])
        contexts.append(data)
        try:
            return self.template.render(data)
        except _TRANSLATED_ERRORS as exc:
            raise self.backend.translate_error(exc)
        finally:
            contexts.pop()

    def __repr__(self):
        return "<Template %r>" % (self.name,)


# The contexts of the Template.render calls in progress on this thread, innermost last; kept
# only while something listens to template_rendered (the test client, assertTemplateUsed).
_rendering = threading.local()


def _report_nested_templates(backend):
    """Send template_rendered for the templates a render extends, includes or imports.

    Jinja2 loads those through ``environment.get_template`` / ``select_template`` while the
    outer template renders, so the engine's two loaders are wrapped on this environment: as
    Django's test client does, ``response.templates`` then lists ``base.html`` after the page
    that extends it. Outside a render, or with no listener, the wrappers only pass through.
    """
    env = backend.env

    def recording(load):
        def load_and_report(*args, **kwargs):
            loaded = load(*args, **kwargs)
            contexts = getattr(_rendering, "contexts", None)
            if contexts and template_rendered._receivers:
                template_rendered.send(sender=Template, template=Template(loaded, backend), context=contexts[-1])
            return loaded
        return load_and_report

    # get_or_select_template calls these two through self, so it needs no wrapper of its own.
    env.get_template = recording(env.get_template)
    env.select_template = recording(env.select_template)


def _find_csrf_get_token():
    """``get_token(request)`` of the CSRF middleware, if the project has it."""
    try:
        from pyframework.middleware.csrf import get_token
    except ImportError:
        return None
    return get_token


class _LazyCsrfToken(object):
    """The CSRF token, fetched only if a template prints it (fetching marks the cookie to be sent)."""

    def __init__(self, get_token, request):
        self._get_token = get_token
        self._request = request
        self._value = None

    def __unicode__(self):
        if self._value is None:
            self._value = self._get_token(self._request)
        return self._value

    __str__ = __unicode__

    def __html__(self):
        return escape(self.__unicode__())


class _LazyCsrfInput(object):
    def __init__(self, token):
        self._token = token

    def __html__(self):
        return '<input type="hidden" name="csrfmiddlewaretoken" value="%s">' % self._token.__html__()

    __unicode__ = __str__ = __html__
