"""The default ``example.com`` site, created after ``migrate`` as Django does."""
from __future__ import absolute_import, unicode_literals

import sys

from pyframework.conf import settings
from pyframework.db import DEFAULT_DB_ALIAS, connections


def create_default_site(app_config, verbosity=2, interactive=True, using=DEFAULT_DB_ALIAS, **kwargs):
    """Insert ``Site(pk=SITE_ID or 1, domain="example.com")`` if the table is there and empty."""
    if app_config.label != "sites":
        return
    from pyframework.contrib.sites.models import Site

    # A migration state's registry (``apps=``) without the model: the sites migration is not applied.
    state_apps = kwargs.get("apps")
    if state_apps is not None:
        try:
            state_apps.get_model("sites", "Site")
        except LookupError:
            return

    connection = connections[using]
    if Site._meta.db_table not in connection.introspection.table_names():
        return
    if Site.objects.using(using).exists():
        return
    # An explicit pk, so SITE_ID = 1 points at it even where ids do not restart at 1.
    if verbosity >= 2:
        sys.stdout.write("Creating example.com Site object\n")
    Site(pk=getattr(settings, "SITE_ID", None) or 1, domain="example.com", name="example.com").save(using=using)
    # The explicit pk left the id sequence behind on PostgreSQL and H2: move it on.
    statements = connection.ops.sequence_reset_sql(None, [Site])
    if statements:
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)
    Site.objects.clear_cache()
