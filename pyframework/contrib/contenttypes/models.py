"""``ContentType``: the row that names one model (``app_label``, ``model``)."""
from __future__ import absolute_import, unicode_literals

import threading

from pyframework.apps import apps
from pyframework.core.signals import setting_changed
from pyframework.db import models
from pyframework.utils.compat import python_2_unicode_compatible, text_type


class ContentTypeManager(models.Manager):
    """``ContentType.objects``: look-ups by model, id and natural key, cached per process.

    The cache maps each database alias to ``{(app_label, model): ct, id: ct}``. It is
    shared by every copy of the manager (``db_manager()``, per-model copies) and guarded
    by a lock, because on Jython requests run in truly parallel threads. Content types
    are never renamed in place, so a cached row stays right until ``migrate`` or
    ``remove_stale_contenttypes`` changes the table; both call :meth:`clear_cache`.
    """

    use_in_migrations = True

    def __init__(self):
        super(ContentTypeManager, self).__init__()
        self._cache = {}
        self._cache_lock = threading.Lock()

    def _cache_get(self, key):
        with self._cache_lock:
            return self._cache.get(self.db, {}).get(key)

    def _add_to_cache(self, using, ct):
        with self._cache_lock:
            cache = self._cache.setdefault(using, {})
            cache[(ct.app_label, ct.model)] = ct
            cache[ct.id] = ct

    def clear_cache(self):
        """Forget every cached content type (of every database)."""
        with self._cache_lock:
            self._cache.clear()

    def get_by_natural_key(self, app_label, model):
        ct = self._cache_get((app_label, model))
        if ct is None:
            ct = self.get(app_label=app_label, model=model)
            self._add_to_cache(self.db, ct)
        return ct

    @staticmethod
    def _get_opts(model, for_concrete_model):
        if for_concrete_model:
            model = model._meta.concrete_model
        return model._meta

    def get_for_model(self, model, for_concrete_model=True):
        """The content type of ``model`` (a class or an instance), created if missing.

        With ``for_concrete_model=False`` a proxy model gets its own content type
        instead of its concrete model's.
        """
        opts = self._get_opts(model, for_concrete_model)
        ct = self._cache_get((opts.app_label, opts.model_name))
        if ct is not None:
            return ct
        try:
            # A plain SELECT first: get_or_create would open a savepoint on every miss.
            ct = self.get(app_label=opts.app_label, model=opts.model_name)
        except self.model.DoesNotExist:
            ct, _ = self.get_or_create(app_label=opts.app_label, model=opts.model_name)
        self._add_to_cache(self.db, ct)
        return ct

    def get_for_models(self, *model_list, **kwargs):
        """``{model: content type}`` for several models, in one query for the uncached ones.

        Takes ``for_concrete_models=True`` like :meth:`get_for_model`'s
        ``for_concrete_model``.
        """
        for_concrete_models = kwargs.pop("for_concrete_models", True)
        if kwargs:
            raise TypeError("get_for_models() got unexpected keyword arguments: %s" % ", ".join(sorted(kwargs)))
        results = {}
        needed = {}  # (app_label, model_name) -> the models asking for it
        for model in model_list:
            opts = self._get_opts(model, for_concrete_models)
            key = (opts.app_label, opts.model_name)
            ct = self._cache_get(key)
            if ct is not None:
                results[model] = ct
            else:
                needed.setdefault(key, []).append(model)
        if needed:
            condition = models.Q()
            for app_label, model_name in needed:
                condition |= models.Q(app_label=app_label, model=model_name)
            for ct in self.filter(condition):
                self._add_to_cache(self.db, ct)
                for model in needed.pop((ct.app_label, ct.model), []):
                    results[model] = ct
            for (app_label, model_name), waiting in needed.items():
                ct, _ = self.get_or_create(app_label=app_label, model=model_name)
                self._add_to_cache(self.db, ct)
                for model in waiting:
                    results[model] = ct
        return results

    def get_for_id(self, id):
        """The content type with primary key ``id``, from the cache after the first call."""
        ct = self._cache_get(id)
        if ct is None:
            ct = self.get(pk=id)
            self._add_to_cache(self.db, ct)
        return ct


@python_2_unicode_compatible
class ContentType(models.Model):
    """One model of the project: ``app_label`` and the lower-case ``model`` name."""

    app_label = models.CharField(max_length=100)
    model = models.CharField("python model class name", max_length=100)

    objects = ContentTypeManager()

    class Meta:
        app_label = "contenttypes"  # importable before the app is installed (tests, checks)
        verbose_name = "content type"
        verbose_name_plural = "content types"
        db_table = "pyframework_content_type"
        unique_together = [("app_label", "model")]

    def __str__(self):
        return self.app_labeled_name

    @property
    def name(self):
        """The model's verbose name (or the stored name when the model is gone)."""
        model = self.model_class()
        if model is None:
            return self.model
        return text_type(model._meta.verbose_name)

    @property
    def app_labeled_name(self):
        """``"<app verbose name> | <model verbose name>"``."""
        model = self.model_class()
        if model is None:
            return self.model
        app_config = model._meta.app_config
        app_name = app_config.verbose_name if app_config is not None else model._meta.app_label
        return "%s | %s" % (app_name, model._meta.verbose_name)

    def model_class(self):
        """The model class this row names, or None when no such model is loaded."""
        try:
            return apps.get_model(self.app_label, self.model)
        except LookupError:
            return None

    def get_object_for_this_type(self, using=None, **kwargs):
        """``model_class()._base_manager.get(**kwargs)`` on this row's database."""
        return self.model_class()._base_manager.using(using or self._state.db).get(**kwargs)

    def get_all_objects_for_this_type(self, **kwargs):
        """A QuerySet of the model's rows matching ``kwargs``."""
        return self.model_class()._base_manager.using(self._state.db).filter(**kwargs)

    def natural_key(self):
        return (self.app_label, self.model)


def _clear_cache_on_database_change(**kwargs):
    # Tests point "default" at another database: cached ids belong to the old one.
    if kwargs.get("setting") == "DATABASES":
        ContentType.objects.clear_cache()


setting_changed.connect(_clear_cache_on_database_change,
                        dispatch_uid="pyframework.contrib.contenttypes.clear_cache")
