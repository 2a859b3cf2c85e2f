"""Content types: one row per installed model, so rows can point at "any model".

``ContentType.objects.get_for_model(Model)`` answers the row of a model (from a
per-process cache after the first query); ``GenericForeignKey`` and
``GenericRelation`` (``pyframework.contrib.contenttypes.fields``) build generic
relations on it, and ``auth.Permission`` names its model through it. ``migrate``
creates the rows of every installed model (post_migrate);
``remove_stale_contenttypes`` deletes the rows of models that are gone.
"""
