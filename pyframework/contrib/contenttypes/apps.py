from __future__ import absolute_import, unicode_literals

from pyframework.apps.config import AppConfig


class ContentTypesConfig(AppConfig):
    name = "pyframework.contrib.contenttypes"
    label = "contenttypes"
    verbose_name = "Content Types"

    def ready(self):
        from pyframework.contrib.contenttypes import checks  # noqa: F401 - registers the checks
        from pyframework.contrib.contenttypes.management import create_contenttypes
        from pyframework.db.models.signals import post_migrate

        post_migrate.connect(create_contenttypes,
                             dispatch_uid="pyframework.contrib.contenttypes.create_contenttypes")
