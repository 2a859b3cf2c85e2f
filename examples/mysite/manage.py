#!/usr/bin/env python
"""Command-line utility of the example project: python manage.py runserver, check, ..."""
import os
import sys


def main():
    os.environ.setdefault("PYFRAMEWORK_SETTINGS_MODULE", "mysite.settings")
    from pyframework.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
