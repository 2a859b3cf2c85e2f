"""System checks: find configuration mistakes before the first request does.

``run_checks()`` returns a list of messages (Error, Warning, ...); ``manage.py
check`` prints them and fails on errors. Register project checks with
``@register("tag")``.
"""
from __future__ import absolute_import, unicode_literals

from pyframework.core.checks.messages import (  # noqa: F401
    CRITICAL, DEBUG, ERROR, INFO, WARNING, LEVEL_NAMES,
    CheckMessage, Critical, Debug, Error, Info, Warning,
)
from pyframework.core.checks.registry import Tags, register, registry, run_checks, tag_exists  # noqa: F401

# Importing the built-in checks registers them.
import pyframework.core.checks.security  # noqa: F401,E402
import pyframework.core.checks.templates  # noqa: F401,E402
import pyframework.core.checks.urls  # noqa: F401,E402
import pyframework.core.checks.middleware  # noqa: F401,E402
import pyframework.core.checks.security_deploy  # noqa: F401,E402


def format_messages(messages):
    """The messages grouped by level, most serious first, one per line."""
    shown = [m for m in messages if not m.is_silenced()]
    blocks = []
    for level in sorted(set(m.level for m in shown), reverse=True):
        lines = sorted("%s" % m for m in shown if m.level == level)
        blocks.append("%ss:\n%s" % (LEVEL_NAMES.get(level, "MESSAGE"), "\n".join(lines)))
    return "\n\n".join(blocks)


def count_summary(messages):
    count = len([m for m in messages if not m.is_silenced()])
    if not count:
        return "System check identified no issues."
    return "System check identified %d issue%s." % (count, "" if count == 1 else "s")
