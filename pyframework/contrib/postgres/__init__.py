"""PostgreSQL-only extras, Django-shaped: ``ArrayField`` and full-text search.

``pyframework.contrib.postgres.fields.ArrayField`` stores a list in a PostgreSQL
array column and adds the ``contains``, ``contained_by``, ``overlap``, ``len``,
index (``tags__0``) and slice (``tags__0_2``) lookups. ``pyframework.contrib.
postgres.search`` has ``SearchVector``, ``SearchQuery``, ``SearchRank`` and, with
``"pyframework.contrib.postgres"`` in INSTALLED_APPS, the ``search`` lookup on
text fields. On any other database they fail with a ``NotSupportedError`` that
names the field or expression and the database, before any SQL runs.
"""
