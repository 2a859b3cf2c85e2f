"""Rows the contenttypes app keeps in step with the models: one content type per model.

``create_contenttypes`` runs on post_migrate for each app and inserts the rows its
models lack; it never deletes (``remove_stale_contenttypes`` does, on request).
"""
from __future__ import absolute_import, unicode_literals

import sys

from pyframework.db import DEFAULT_DB_ALIAS, connections


def contenttypes_table_exists(using):
    from pyframework.contrib.contenttypes.models import ContentType

    return ContentType._meta.db_table in connections[using].introspection.table_names()


def get_contenttypes_and_models(app_config, using, ContentType):
    """``({model_name: content type} stored for the app, {model_name: model class})``."""
    ContentType.objects.clear_cache()
    content_types = dict((ct.model, ct) for ct in
                         ContentType.objects.using(using).filter(app_label=app_config.label))
    app_models = dict((model._meta.model_name, model) for model in app_config.get_models())
    return content_types, app_models


def create_contenttypes(app_config, verbosity=2, interactive=True, using=DEFAULT_DB_ALIAS, **kwargs):
    """Insert the content types of ``app_config``'s models that the table lacks.

    Does nothing until the contenttypes table exists on ``using`` (the app is
    installed but not migrated there yet, or a migration plan stopped before it).
    """
    from pyframework.contrib.contenttypes.models import ContentType

    if app_config.models_module is None or not contenttypes_table_exists(using):
        return
    content_types, app_models = get_contenttypes_and_models(app_config, using, ContentType)
    missing = [ContentType(app_label=app_config.label, model=model_name)
               for model_name in app_models if model_name not in content_types]
    if not missing:
        return
    ContentType.objects.using(using).bulk_create(missing)
    ContentType.objects.clear_cache()
    if verbosity >= 2:
        for ct in missing:
            sys.stdout.write("Adding content type '%s | %s'\n" % (ct.app_label, ct.model))
