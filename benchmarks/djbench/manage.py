#!/usr/bin/env python
"""The Django contender: python manage.py migrate, then gunicorn djbench.wsgi."""
import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "djbench.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
