"""Managers behind reverse and many-to-many accessors (``author.book_set``, ``article.tags``)."""
from __future__ import absolute_import, unicode_literals

from pyframework.db.models import signals


def _atomic(using):
    from pyframework.db import transaction

    return transaction.atomic(using=using, savepoint=False)


def _pop_bulk(kwargs, name):
    bulk = kwargs.pop("bulk", True)
    if kwargs:
        raise TypeError("%s() got unexpected keyword arguments: %s" % (name, ", ".join(sorted(kwargs))))
    return bulk


class InstanceRelatedManagerMixin(object):
    """The rows related to ``self.instance``: its prefetched ones, else the manager's rows filtered by
    ``core_filters`` on the instance's database. Managers set ``prefetch_cache_name``."""

    prefetch_cache_name = None

    @property
    def _using(self):
        return self._db or self.instance._state.db

    def get_queryset(self):
        try:
            return self.instance._prefetched_objects_cache[self.prefetch_cache_name]
        except (AttributeError, KeyError):
            pass
        queryset = super(InstanceRelatedManagerMixin, self).get_queryset()
        if self._using:
            queryset = queryset.using(self._using)
        return queryset.filter(**self.core_filters)


def create_reverse_many_to_one_manager(superclass, rel):
    """A manager class over the rows whose ForeignKey ``rel.field`` points at one instance."""

    class RelatedManager(superclass):
        def __init__(self, instance):
            super(RelatedManager, self).__init__()
            self.instance = instance
            self.model = rel.related_model
            self.field = rel.field
            self.core_filters = {self.field.name: instance}

        def _check_fk_val(self):
            for field in self.field.foreign_related_fields:
                if getattr(self.instance, field.attname) is None:
                    raise ValueError('"%r" needs to have a value for field "%s" before this relationship '
                                     'can be used.' % (self.instance, field.attname))

        @property
        def _using(self):
            return self._db or self.instance._state.db

        def _forget_prefetched(self):
            # A prefetched set would go stale: every write through the manager drops it, as Django's does.
            cache = getattr(self.instance, "_prefetched_objects_cache", None)
            if cache:
                cache.pop(rel.get_cache_name(), None)

        def get_queryset(self):
            try:
                return self.instance._prefetched_objects_cache[rel.get_cache_name()]
            except (AttributeError, KeyError):
                pass
            if self.instance.pk is None:
                raise ValueError("%r instance needs to have a primary key value before this relationship "
                                 "can be used." % type(self.instance).__name__)
            queryset = super(RelatedManager, self).get_queryset()
            if self._using:
                queryset = queryset.using(self._using)
            return queryset.filter(**self.core_filters)

        def add(self, *objs, **kwargs):
            bulk = _pop_bulk(kwargs, "add")
            self._check_fk_val()
            self._forget_prefetched()
            db = self._using
            for obj in objs:
                if not isinstance(obj, self.model):
                    raise TypeError("'%s' instance expected, got %r" % (self.model._meta.object_name, obj))
                setattr(obj, self.field.name, self.instance)
            if bulk:
                pks = []
                for obj in objs:
                    if obj._state.adding or (db and obj._state.db != db):
                        raise ValueError("%r instance isn't saved. Use bulk=False or save the object first."
                                         % obj)
                    pks.append(obj.pk)
                if pks:
                    self.model._base_manager.db_manager(db).filter(pk__in=pks).update(
                        **{self.field.name: self.instance})
            else:
                with _atomic(db):
                    for obj in objs:
                        obj.save(using=db)

        add.alters_data = True

        def create(self, **kwargs):
            self._check_fk_val()
            self._forget_prefetched()
            kwargs[self.field.name] = self.instance
            return super(RelatedManager, self.db_manager(self._using)).create(**kwargs)

        create.alters_data = True

        def get_or_create(self, **kwargs):
            self._check_fk_val()
            self._forget_prefetched()
            kwargs[self.field.name] = self.instance
            return super(RelatedManager, self.db_manager(self._using)).get_or_create(**kwargs)

        def update_or_create(self, **kwargs):
            self._check_fk_val()
            self._forget_prefetched()
            kwargs[self.field.name] = self.instance
            return super(RelatedManager, self.db_manager(self._using)).update_or_create(**kwargs)

        # remove()/clear() set the key to NULL, so they only exist for nullable keys.
        if rel.field.null:
            def remove(self, *objs, **kwargs):
                bulk = _pop_bulk(kwargs, "remove")
                if not objs:
                    return
                self._check_fk_val()
                own_key = self.field.get_foreign_related_value(self.instance)
                pks = []
                for obj in objs:
                    if not isinstance(obj, self.model):
                        raise TypeError("'%s' instance expected, got %r" % (self.model._meta.object_name, obj))
                    if self.field.get_local_related_value(obj) != own_key:
                        raise self.field.remote_field.model.DoesNotExist(
                            "%r is not related to %r." % (obj, self.instance))
                    pks.append(obj.pk)
                self._clear(self.filter(pk__in=pks), bulk)
                for obj in objs:
                    setattr(obj, self.field.name, None)

            remove.alters_data = True

            def clear(self, **kwargs):
                bulk = _pop_bulk(kwargs, "clear")
                self._check_fk_val()
                self._clear(self.get_queryset(), bulk)

            clear.alters_data = True

            def _clear(self, queryset, bulk):
                self._forget_prefetched()
                db = self._using
                if bulk:
                    queryset.update(**{self.field.name: None})
                else:
                    with _atomic(db):
                        for obj in queryset:
                            setattr(obj, self.field.name, None)
                            obj.save(update_fields=[self.field.name])

        def set(self, objs, **kwargs):
            bulk = kwargs.pop("bulk", True)
            clear = kwargs.pop("clear", False)
            _pop_bulk(kwargs, "set")
            self._check_fk_val()
            objs = tuple(objs)
            if not self.field.null:
                self.add(*objs, bulk=bulk)
                return
            with _atomic(self._using):
                if clear:
                    self.clear(bulk=bulk)
                    self.add(*objs, bulk=bulk)
                    return
                old = set(self.get_queryset())
                new = []
                for obj in objs:
                    if obj in old:
                        old.remove(obj)
                    else:
                        new.append(obj)
                self.remove(*old, bulk=bulk)
                self.add(*new, bulk=bulk)

        set.alters_data = True

    return RelatedManager


def create_many_related_manager(superclass, rel, reverse):
    """A manager class over the objects linked to one instance through a many-to-many table."""

    class ManyRelatedManager(InstanceRelatedManagerMixin, superclass):
        def __init__(self, instance):
            super(ManyRelatedManager, self).__init__()
            self.instance = instance
            field = rel.field
            if not reverse:
                self.model = rel.model
                self.query_field_name = field.related_query_name()
                self.prefetch_cache_name = field.name
                self.source_field_name = field.m2m_field_name()
                self.target_field_name = field.m2m_reverse_field_name()
                self.symmetrical = rel.symmetrical
            else:
                self.model = rel.related_model
                self.query_field_name = field.name
                self.prefetch_cache_name = field.related_query_name()
                self.source_field_name = field.m2m_reverse_field_name()
                self.target_field_name = field.m2m_field_name()
                self.symmetrical = False
            self.through = rel.through
            self.reverse = reverse
            self.source_field = self.through._meta.get_field(self.source_field_name)
            self.target_field = self.through._meta.get_field(self.target_field_name)
            self.related_val = getattr(instance, self.source_field.target_field.attname)
            if self.related_val is None:
                raise ValueError('"%r" needs to have a value for field "%s" before this many-to-many '
                                 'relationship can be used.' % (instance, self.source_field.target_field.attname))
            self.core_filters = {"%s__%s" % (self.query_field_name, self.source_field.target_field.name):
                                 self.related_val}

        def _through_manager(self, db):
            return self.through._base_manager.db_manager(db)

        def _target_keys(self, objs):
            keys = []
            target_attname = self.target_field.target_field.attname
            for obj in objs:
                if isinstance(obj, self.model):
                    if obj._state.adding:
                        raise ValueError('Cannot add "%r": instance is not saved yet.' % obj)
                    value = getattr(obj, target_attname)
                    if value is None:
                        raise ValueError('Cannot add "%r": the value for field "%s" is None.'
                                         % (obj, target_attname))
                    keys.append(value)
                elif hasattr(obj, "_meta"):
                    raise TypeError("'%s' instance expected, got %r" % (self.model._meta.object_name, obj))
                else:
                    keys.append(self.target_field.target_field.get_prep_value(obj))
            return keys

        def _forget_prefetched(self):
            cache = getattr(self.instance, "_prefetched_objects_cache", None)
            if cache:
                cache.pop(self.prefetch_cache_name, None)

        def _send(self, action, pk_set, db):
            if signals.m2m_changed._receivers and not getattr(rel.through._meta, "_m2m_signals_off", False):
                signals.m2m_changed.send(sender=self.through, action=action, instance=self.instance,
                                         reverse=self.reverse, model=self.model, pk_set=pk_set, using=db)

        def _linked_keys(self, db, keys=None):
            """Target keys already linked to this instance (optionally only among ``keys``)."""
            filters = {self.source_field.attname: self.related_val}
            if keys is not None:
                filters["%s__in" % self.target_field.attname] = list(keys)
            rows = self._through_manager(db).filter(**filters)
            return set(rows.values_list(self.target_field.attname, flat=True))

        def _add_items(self, keys, through_defaults=None):
            db = self._using
            existing = self._linked_keys(db, set(keys))
            missing = []
            for key in keys:
                if key not in existing:
                    existing.add(key)
                    missing.append(key)
            if not missing:
                return
            self._send("pre_add", set(missing), db)
            defaults = dict(through_defaults or {})
            rows = []
            for key in missing:
                values = dict(defaults)
                values[self.source_field.attname] = self.related_val
                values[self.target_field.attname] = key
                rows.append(self.through(**values))
            self._through_manager(db).bulk_create(rows)
            self._send("post_add", set(missing), db)

        def add(self, *objs, **kwargs):
            through_defaults = kwargs.pop("through_defaults", None)
            _pop_bulk(kwargs, "add")
            self._forget_prefetched()
            keys = self._target_keys(objs)
            with _atomic(self._using):
                self._add_items(keys, through_defaults)
                if self.symmetrical and self.model is type(self.instance):
                    self._mirror(keys, "add", through_defaults)

        add.alters_data = True

        def _mirror(self, keys, action, through_defaults=None):
            """A symmetrical relation stores both directions: mirror the rows (other -> this)."""
            keys = [key for key in keys if key != self.related_val]
            if not keys:
                return
            source, target = self.source_field.attname, self.target_field.attname
            mirrored = self._through_manager(self._using).filter(**{"%s__in" % source: keys,
                                                                    target: self.related_val})
            if action == "remove":
                mirrored.delete()
                return
            existing = set(mirrored.values_list(source, flat=True))
            rows = []
            for key in keys:
                if key not in existing:
                    values = dict(through_defaults or {})
                    values[source] = key
                    values[target] = self.related_val
                    rows.append(self.through(**values))
            if rows:
                self._through_manager(self._using).bulk_create(rows)

        def _remove_items(self, keys):
            db = self._using
            self._send("pre_remove", set(keys), db)
            self._through_manager(db).filter(**{
                self.source_field.attname: self.related_val, "%s__in" % self.target_field.attname: list(keys),
            }).delete()
            self._send("post_remove", set(keys), db)

        def remove(self, *objs):
            self._forget_prefetched()
            keys = self._target_keys(objs)
            if not keys:
                return
            with _atomic(self._using):
                self._remove_items(keys)
                if self.symmetrical and self.model is type(self.instance):
                    self._mirror(keys, "remove")

        remove.alters_data = True

        def clear(self):
            db = self._using
            self._forget_prefetched()
            with _atomic(db):
                self._send("pre_clear", None, db)
                filters = {self.source_field.attname: self.related_val}
                if self.symmetrical and self.model is type(self.instance):
                    self._through_manager(db).filter(**{self.target_field.attname: self.related_val}).delete()
                self._through_manager(db).filter(**filters).delete()
                self._send("post_clear", None, db)

        clear.alters_data = True

        def set(self, objs, **kwargs):
            clear = kwargs.pop("clear", False)
            through_defaults = kwargs.pop("through_defaults", None)
            _pop_bulk(kwargs, "set")
            objs = tuple(objs)
            with _atomic(self._using):
                if clear:
                    self.clear()
                    self.add(*objs, through_defaults=through_defaults)
                    return
                target_attname = self.target_field.target_field.attname
                old_keys = self._linked_keys(self._using)
                new_objs = []
                for obj in objs:
                    key = getattr(obj, target_attname) if isinstance(obj, self.model) else obj
                    if key in old_keys:
                        old_keys.discard(key)
                    else:
                        new_objs.append(obj)
                if old_keys:
                    self.remove(*old_keys)
                self.add(*new_objs, through_defaults=through_defaults)

        set.alters_data = True

        def create(self, **kwargs):
            through_defaults = kwargs.pop("through_defaults", None)
            db = self._using
            new_obj = super(ManyRelatedManager, self.db_manager(db)).create(**kwargs)
            self.add(new_obj, through_defaults=through_defaults)
            return new_obj

        create.alters_data = True

        def get_or_create(self, **kwargs):
            through_defaults = kwargs.pop("through_defaults", None)
            obj, created = super(ManyRelatedManager, self.db_manager(self._using)).get_or_create(**kwargs)
            if created:
                self.add(obj, through_defaults=through_defaults)
            return obj, created

    return ManyRelatedManager
