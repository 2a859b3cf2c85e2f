"""Signals sent by the request handler and by test helpers."""
from __future__ import absolute_import, unicode_literals

from pyframework.dispatch import Signal

request_started = Signal()        # sender=handler class, environ=...
request_finished = Signal()       # sender=handler class
got_request_exception = Signal()  # sender=None, request=...
# Sent by override_settings when a setting changes: caches derived from settings
# (URL resolvers, template engines, static finders) connect here to reset themselves.
setting_changed = Signal()        # sender=settings class, setting=..., value=..., enter=bool
# Sent by the Jinja2 backend when a template is rendered while someone listens (the test
# client, assertTemplateUsed): sender=Template, template=..., context=dict.
template_rendered = Signal()
