#!/usr/bin/env python
"""python manage.py migrate: prepares the CPython contender's sqlite3 database."""
import os
import sys


def main():
    os.environ.setdefault("PYFRAMEWORK_SETTINGS_MODULE", "pfbench.settings")
    from pyframework.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
