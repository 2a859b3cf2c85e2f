"""Templates (Jinja2), mirrors ``django.template``: ``engines`` and the template errors."""
from __future__ import absolute_import, unicode_literals

from pyframework.template.exceptions import TemplateDoesNotExist, TemplateSyntaxError  # noqa: F401
from pyframework.template.utils import EngineHandler, engines  # noqa: F401
from pyframework.template.library import Library  # noqa: F401
