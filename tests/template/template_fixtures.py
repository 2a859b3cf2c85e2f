"""Fixtures shared by the template tests: configure TEMPLATES for one test."""
from __future__ import unicode_literals

import os

import pytest

from pyframework.conf import settings
from pyframework.template import engines

HERE = os.path.dirname(os.path.abspath(__file__))
DIRS = os.path.join(HERE, "tmpl_dirs")
EXTRA_DIRS = os.path.join(HERE, "tmpl_dirs_extra")


class FakeRequest(object):
    """Just what the templates read; the template layer needs nothing more of a request."""

    path = "/some/page/"
    method = "GET"


@pytest.fixture
def use_templates(monkeypatch):
    """Call with TEMPLATES entries (or keyword options for one default entry) to install them."""
    def install(*entries, **options):
        if not entries:
            entry = {"DIRS": [DIRS], "APP_DIRS": False}
            entry.update(options)
            entries = [entry]
        monkeypatch.setattr(settings, "TEMPLATES", list(entries))
        engines.reset()
        return engines
    yield install
    engines.reset()
