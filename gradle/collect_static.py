"""Collects a project's static files into its WAR staging directory.

Run by `gradle war` under Jython with the project, pyframework and the bundled
libraries on sys.path, so the project's own settings (STATICFILES_DIRS,
INSTALLED_APPS) decide what is collected, exactly as collectstatic does.

usage: collect_static.py OUTPUT_DIR WAR_STATIC_PREFIX
"""
from __future__ import print_function, unicode_literals

import sys


def main(output, war_prefix):
    import pyframework
    from pyframework.conf import settings
    from pyframework.core.management import call_command

    pyframework.setup()
    expected = "/%s/" % war_prefix.strip("/")
    static_url = settings.STATIC_URL or ""
    if "://" not in static_url and not static_url.startswith("//") and static_url != expected:
        print("STATIC_URL is %r but the WAR serves static files under %r: set STATIC_URL = %r "
              "or build with -PpyframeworkStaticUrl=%s" % (static_url, expected, expected, static_url.strip("/")),
              file=sys.stderr)
        return 2
    call_command("collectstatic", output=output, clear=True, interactive=False, verbosity=0)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
