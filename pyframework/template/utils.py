"""``engines``: the template engines configured by the TEMPLATES setting, built on first use."""
from __future__ import absolute_import, unicode_literals

from collections import OrderedDict

from pyframework.conf import settings
from pyframework.core.exceptions import ImproperlyConfigured
from pyframework.core.signals import setting_changed
from pyframework.urls.utils import get_callable

DEFAULT_BACKEND = "pyframework.template.backends.jinja2.Jinja2"

# Settings the engines read when they are built.
_ENGINE_SETTINGS = frozenset(["TEMPLATES", "INSTALLED_APPS", "DEBUG"])


class EngineHandler(object):
    """Maps each TEMPLATES entry's NAME to its engine: ``engines['jinja2']``, ``engines.all()``."""

    def __init__(self, templates=None):
        self._templates = templates  # None: read settings.TEMPLATES
        self._engines = None

    def _build(self):
        configured = settings.TEMPLATES if self._templates is None else self._templates
        engines = OrderedDict()
        for index, entry in enumerate(configured):
            if not isinstance(entry, dict):
                raise ImproperlyConfigured("TEMPLATES[%d] must be a dict, got %r." % (index, entry))
            params = dict(entry)
            backend_path = params.pop("BACKEND", None) or DEFAULT_BACKEND
            name = params.setdefault("NAME", backend_path.rsplit(".", 2)[-2])
            if name in engines:
                raise ImproperlyConfigured(
                    "TEMPLATES entries need distinct NAMEs; '%s' is used twice. Set NAME in each entry." % name)
            backend_class = get_callable(backend_path, "TEMPLATES[%d]['BACKEND']" % index)
            engines[name] = backend_class(params)
        return engines

    def _get_engines(self):
        engines = self._engines
        if engines is None:
            engines = self._engines = self._build()
        return engines

    def __getitem__(self, alias):
        try:
            return self._get_engines()[alias]
        except KeyError:
            raise ImproperlyConfigured(
                "No template engine named '%s'; TEMPLATES defines: %s." % (alias, ", ".join(self._get_engines()) or "none"))

    def __iter__(self):
        return iter(self._get_engines())

    def all(self):
        engines = list(self._get_engines().values())
        if not engines:
            raise ImproperlyConfigured(
                "No template engine is configured: add an entry to the TEMPLATES setting, e.g. "
                "{'BACKEND': '%s', 'DIRS': [...], 'APP_DIRS': True}." % DEFAULT_BACKEND)
        return engines

    def reset(self):
        """Forget the built engines (and their compiled templates); rebuilt on next use."""
        self._engines = None


engines = EngineHandler()


def _on_setting_changed(setting=None, **kwargs):
    if setting in _ENGINE_SETTINGS:
        engines.reset()


setting_changed.connect(_on_setting_changed, dispatch_uid="pyframework.template.engines.reset")
