"""``startproject NAME [DIR]``: create a new project from the project skeleton."""
from __future__ import absolute_import, unicode_literals

import random
import string

from pyframework.core.checks.security import INSECURE_KEY_PREFIX
from pyframework.core.management.templates import TemplateCommand

# No quote or backslash characters: the key is pasted into a Python string literal.
SECRET_KEY_CHARS = string.ascii_letters + string.digits + "!#$%&()*+-./:;<=>?@[]^_{|}~"


def get_random_secret_key(length=50):
    chooser = random.SystemRandom()
    return INSECURE_KEY_PREFIX + "".join(chooser.choice(SECRET_KEY_CHARS) for _ in range(length))


class Command(TemplateCommand):
    help = ("Creates a project directory: manage.py, the project package (settings, urls, views, "
            "wsgi), templates, static files and the Gradle build of the WAR.")
    kind = "project"

    def context(self, name):
        values = super(Command, self).context(name)
        values.update(project_name=name, secret_key=get_random_secret_key())
        return values

    def next_steps(self, name, target):
        return "Created project '%s' in %s\nNext: cd %s && python manage.py runserver" % (name, target, target)
