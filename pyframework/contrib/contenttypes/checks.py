"""System checks of the contenttypes app."""
from __future__ import absolute_import, unicode_literals

from pyframework.core import checks


def _models(app_configs):
    from pyframework.apps import apps

    if app_configs is None:
        return apps.get_models()
    models = []
    for app_config in app_configs:
        models.extend(app_config.get_models())
    return models


@checks.register("models")
def check_model_name_lengths(app_configs=None, **kwargs):
    """A model name must fit ``ContentType.model`` (100 characters)."""
    return [
        checks.Error("Model names must be at most 100 characters (got %d)." % len(model.__name__),
                     obj=model, id="contenttypes.E005")
        for model in _models(app_configs) if len(model._meta.model_name) > 100
    ]


@checks.register("models")
def check_generic_foreign_keys(app_configs=None, **kwargs):
    """Each GenericForeignKey and GenericRelation checks its fields (contenttypes.E001-E004)."""
    from pyframework.contrib.contenttypes.fields import GenericForeignKey, GenericRelation

    errors = []
    for model in _models(app_configs):
        for field in model._meta.private_fields:
            if isinstance(field, (GenericForeignKey, GenericRelation)):
                errors.extend(field.check())
    return errors
