"""Rows the auth app keeps in step with the models: the default permissions of every model.

``create_permissions`` runs on post_migrate for each app: it makes sure the app's
content types exist, then adds the missing ``add_/change_/delete_/view_<model>``
rows (Meta.default_permissions) and the model's Meta.permissions, never deleting
any. A proxy model gets its permissions on its own content type, as in Django.
"""
from __future__ import absolute_import, unicode_literals

import sys

from pyframework.contrib.auth import get_permission_codename
from pyframework.contrib.contenttypes.management import contenttypes_table_exists, create_contenttypes
from pyframework.db import DEFAULT_DB_ALIAS, connections
from pyframework.db.migrations.recorder import MigrationRecorder

# The first migration whose Permission table has the content_type column.
CONTENT_TYPE_MIGRATION = ("auth", "0002_permission_content_type")


def _get_builtin_permissions(opts):
    """``[(codename, name)]`` of ``opts.default_permissions``."""
    return [(get_permission_codename(action, opts), "Can %s %s" % (action, opts.verbose_name))
            for action in opts.default_permissions]


def _get_all_permissions(opts):
    """``[(codename, name)]`` a model should have: the built-in ones, then ``Meta.permissions``."""
    return _get_builtin_permissions(opts) + list(opts.permissions or [])


def _permission_table_ready(using):
    connection = connections[using]
    from pyframework.contrib.auth.models import Permission

    if Permission._meta.db_table not in connection.introspection.table_names():
        return False  # auth is installed but not migrated on this database (yet)
    # Migrated back to 0001 (app_label/model columns): not this model's table.
    return CONTENT_TYPE_MIGRATION in MigrationRecorder(connection).applied_migrations()


def create_permissions(app_config, verbosity=2, interactive=True, using=DEFAULT_DB_ALIAS, **kwargs):
    """Insert the permissions ``app_config``'s models lack (once the auth tables exist)."""
    from pyframework.contrib.auth.models import Permission
    from pyframework.contrib.contenttypes.models import ContentType

    if app_config.models_module is None or not contenttypes_table_exists(using):
        return
    # The app's content types first: post_migrate may reach auth before contenttypes.
    create_contenttypes(app_config, verbosity=verbosity, interactive=interactive, using=using, **kwargs)
    if not _permission_table_ready(using):
        return
    manager = ContentType.objects.db_manager(using)
    wanted = []
    content_types = set()
    for model in app_config.get_models():
        ct = manager.get_for_model(model, for_concrete_model=False)
        content_types.add(ct)
        for codename, name in _get_all_permissions(model._meta):
            wanted.append((ct, codename, name))
    if not wanted:
        return
    existing = set(Permission.objects.using(using).filter(content_type__in=content_types)
                   .values_list("content_type", "codename"))
    missing = [Permission(content_type=ct, codename=codename, name=name[:255])
               for ct, codename, name in wanted if (ct.pk, codename) not in existing]
    Permission.objects.using(using).bulk_create(missing)
    if verbosity >= 2:
        for permission in missing:
            sys.stdout.write("Adding permission '%s'\n" % permission)
