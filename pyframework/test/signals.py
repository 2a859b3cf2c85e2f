"""Signals of the test tools: ``template_rendered`` and ``setting_changed`` (both live in core.signals)."""
from __future__ import absolute_import, unicode_literals

from pyframework.core.signals import setting_changed, template_rendered  # noqa: F401
