"""The app: installing it adds the ``search`` lookup to CharField and TextField, as Django's does."""
from __future__ import absolute_import, unicode_literals

from pyframework.apps import AppConfig
from pyframework.contrib.postgres.search import SearchLookup
from pyframework.db.models import CharField, TextField


class PostgresConfig(AppConfig):
    name = "pyframework.contrib.postgres"
    label = "postgres"
    verbose_name = "PostgreSQL extensions"

    def ready(self):
        CharField.register_lookup(SearchLookup)
        TextField.register_lookup(SearchLookup)
