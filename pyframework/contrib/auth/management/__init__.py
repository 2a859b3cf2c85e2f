"""Rows the auth app keeps in step with the models: the default permissions of every model.

``create_permissions`` runs on post_migrate for each app: it adds the missing
``add_/change_/delete_/view_<model>`` rows (Meta.default_permissions) and the
model's Meta.permissions, never deleting any.
"""
from __future__ import absolute_import, unicode_literals

import sys

from pyframework.db import connections


def _model_permissions(model):
    """``[(codename, name)]`` a model should have."""
    opts = model._meta
    wanted = [("%s_%s" % (action, opts.model_name), "Can %s %s" % (action, opts.verbose_name))
              for action in opts.default_permissions]
    wanted.extend(getattr(opts, "permissions", None) or [])
    return wanted


def create_permissions(app_config, verbosity=1, using="default", **kwargs):
    """Insert the permissions ``app_config``'s models lack (once the auth tables exist)."""
    from pyframework.contrib.auth.models import Permission

    if app_config.models_module is None:
        return
    connection = connections[using]
    if Permission._meta.db_table not in connection.introspection.table_names():
        return  # auth is installed but not migrated on this database (yet)
    wanted = []
    for model in app_config.get_models():
        for codename, name in _model_permissions(model):
            wanted.append((model._meta.model_name, codename, name))
    if not wanted:
        return
    existing = set(Permission.objects.using(using).filter(app_label=app_config.label)
                   .values_list("codename", flat=True))
    missing = [Permission(app_label=app_config.label, model=model_name, codename=codename, name=name[:255])
               for model_name, codename, name in wanted if codename not in existing]
    Permission.objects.using(using).bulk_create(missing)
    if verbosity >= 2:
        for permission in missing:
            sys.stdout.write("Adding permission '%s'\n" % permission)
