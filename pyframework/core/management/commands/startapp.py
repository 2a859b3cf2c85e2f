"""``startapp NAME [DIR]``: create a new app package from the app skeleton."""
from __future__ import absolute_import, unicode_literals

from pyframework.core.management.templates import TemplateCommand


class Command(TemplateCommand):
    help = ("Creates an app package: apps.py, views.py, urls.py, tests.py, templates/NAME/ "
            "and static/NAME/.")
    kind = "app"

    def context(self, name):
        values = super(Command, self).context(name)
        values.update(app_name=name, camel_case_app_name="".join(p.title() for p in name.split("_")))
        return values

    def next_steps(self, name, target):
        return ("Created app '%s' in %s\nNext: add '%s' to INSTALLED_APPS and include its urls in your "
                "ROOT_URLCONF." % (name, target, name))
