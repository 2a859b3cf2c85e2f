"""TEMPLATES entries must name an importable backend, existing DIRS and importable context processors."""
from __future__ import absolute_import, unicode_literals

import os

from pyframework.conf import settings
from pyframework.core.checks.importing import import_dotted
from pyframework.core.checks.messages import Error
from pyframework.core.checks.registry import Tags, register

DEFAULT_BACKEND = "pyframework.template.backends.jinja2.Jinja2"


def _check_entry(index, entry):
    where = "TEMPLATES[%d]" % index
    if not isinstance(entry, dict):
        return [Error("%s must be a dict, not %r." % (where, type(entry).__name__), obj=where, id="templates.E001")]
    errors = []
    backend = entry.get("BACKEND", DEFAULT_BACKEND)
    found, reason = import_dotted(backend)
    if found is None:
        errors.append(Error("%s BACKEND is unusable: %s." % (where, reason), obj=where, id="templates.E002"))
    for directory in entry.get("DIRS", ()):
        if not os.path.isdir(directory):
            errors.append(Error(
                "%s DIRS entry '%s' is not a directory." % (where, directory),
                hint="Create it or remove it from DIRS.", obj=where, id="templates.E003"))
    for path in entry.get("OPTIONS", {}).get("context_processors", ()):
        found, reason = import_dotted(path)
        if found is None or not callable(found):
            errors.append(Error(
                "%s context processor '%s' is unusable: %s." % (where, path, reason or "not callable"),
                obj=where, id="templates.E004"))
    return errors


@register(Tags.templates)
def check_templates(app_configs=None, **kwargs):
    errors = []
    for index, entry in enumerate(settings.TEMPLATES):
        errors.extend(_check_entry(index, entry))
    return errors
