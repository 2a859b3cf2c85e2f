"""Test-wide settings: every test starts from these; tests change them with override_settings."""
from __future__ import unicode_literals

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
for path in (ROOT, HERE):
    if path not in sys.path:
        sys.path.insert(0, path)

from pyframework.conf import settings  # noqa: E402

if not settings.configured:
    settings.configure(
        DEBUG=False,
        SECRET_KEY="tests-only-secret-key",
        ALLOWED_HOSTS=["testserver", "localhost", "127.0.0.1", ".example.com"],
        INSTALLED_APPS=[],
        ROOT_URLCONF=None,
        TEMPLATES=[],
        MIDDLEWARE=[],
    )
    import pyframework  # noqa: E402

    pyframework.setup()
