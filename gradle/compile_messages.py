"""Compiles every gettext catalog (.po) below a directory into the .mo file read at run time.

Run by `gradle war` under Jython on the staged WEB-INF/python tree, with pyframework's own
pure-Python compiler (the one `manage.py compilemessages` uses), so the WAR carries
compiled catalogs of the framework, the apps and the project's locale/ folder although
the repository only holds the .po sources.

usage: compile_messages.py DIRECTORY
"""
from __future__ import print_function, unicode_literals

import sys


def main(root):
    from pyframework.utils.translation import pofile

    count = 0
    for po_path in pofile.find_po_files(root):
        try:
            pofile.compile_po_file(po_path)
        except (pofile.PoFileError, UnicodeDecodeError) as exc:
            print("cannot compile %s: %s" % (po_path, exc), file=sys.stderr)
            return 1
        count += 1
    print("compiled %d message catalog(s)" % count)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
