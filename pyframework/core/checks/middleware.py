"""Every MIDDLEWARE entry must import and be callable."""
from __future__ import absolute_import, unicode_literals

from pyframework.conf import settings
from pyframework.core.checks.importing import import_dotted
from pyframework.core.checks.messages import Error
from pyframework.core.checks.registry import Tags, register


@register(Tags.middleware)
def check_middleware(app_configs=None, **kwargs):
    errors = []
    for path in settings.MIDDLEWARE:
        factory, reason = import_dotted(path)
        if factory is None or not callable(factory):
            errors.append(Error(
                "MIDDLEWARE entry '%s' is unusable: %s." % (path, reason or "not callable"),
                hint="Check the spelling of the dotted path, or remove the entry.",
                obj=path, id="middleware.E001"))
    return errors
