"""``startapp NAME [DIR]``: create a new app package from the app skeleton."""
from __future__ import unicode_literals

from pyframework.core.management.templates import TemplateCommand


class Command(TemplateCommand):
    help = ("Creates an app package: apps.py, views.py, urls.py, tests.py, templates/NAME/ "
            "and static/NAME/.")
    kind = "app"

    def context(self, name):
        values = super(Command, self).context(name)
        values.update(app_name=name, camel_case_app_name="".join(p.title() for p in name.split("_")))
        return values

    def handle(self, *args, **options):
        target = super(Command, self).handle(*args, **options)
        if options.get("verbosity", 1) >= 1:
            self.stdout.write("Created app %r in %s\nNext: add %r to INSTALLED_APPS and include "
                              "its urls in your ROOT_URLCONF." % (options["name"], target, options["name"]))
