"""Deleting rows together with what depends on them, per each ForeignKey's ``on_delete``.

``Collector.collect()`` walks reverse relations from the objects to delete and
lets each relation's ``on_delete`` handler decide (cascade, protect, set null,
...). ``Collector.delete()`` then runs the field updates and DELETEs, children
before parents, inside one transaction, sending pre/post_delete signals.
"""
from __future__ import absolute_import, unicode_literals

from collections import Counter, OrderedDict, defaultdict

from pyframework.db import IntegrityError
from pyframework.db.models import signals

# Values per "pk IN (...)" statement: stays under SQLite's 999 bound parameters.
BATCH_SIZE = 500


class ProtectedError(IntegrityError):
    def __init__(self, msg, protected_objects):
        self.protected_objects = protected_objects
        super(ProtectedError, self).__init__(msg, protected_objects)


class RestrictedError(IntegrityError):
    def __init__(self, msg, restricted_objects):
        self.restricted_objects = restricted_objects
        super(RestrictedError, self).__init__(msg, restricted_objects)


def CASCADE(collector, field, sub_objs, using):
    collector.collect(sub_objs, source=field.remote_field.model, nullable=field.null,
                      fail_on_restricted=False)


def PROTECT(collector, field, sub_objs, using):
    raise ProtectedError(
        "Cannot delete some instances of model '%s' because they are referenced through protected "
        "foreign keys: %s." % (field.remote_field.model.__name__, ", ".join(
            "'%s.%s'" % (type(obj).__name__, field.name) for obj in sub_objs[:1])),
        list(sub_objs))


def RESTRICT(collector, field, sub_objs, using):
    # Allowed only if every restricted object is deleted anyway through another cascade.
    collector.add_restricted_objects(field, sub_objs)
    collector.add_dependency(field.remote_field.model, field.model)


def SET(value):
    """``on_delete=SET(value_or_callable)``."""
    def set_on_delete(collector, field, sub_objs, using):
        collector.add_field_update(field, value() if callable(value) else value, sub_objs)

    set_on_delete.deconstruct = lambda: ("pyframework.db.models.SET", (value,), {})
    return set_on_delete


def SET_NULL(collector, field, sub_objs, using):
    collector.add_field_update(field, None, sub_objs)


def SET_DEFAULT(collector, field, sub_objs, using):
    collector.add_field_update(field, field.get_default(), sub_objs)


def DO_NOTHING(collector, field, sub_objs, using):
    pass


def get_candidate_relations_to_delete(opts):
    """Reverse relations whose rows depend on this model's rows (FKs and one-to-ones)."""
    return [rel for rel in opts.related_objects
            if rel.auto_created and not rel.concrete and (rel.one_to_one or rel.one_to_many)]


def _batches(values):
    for start in range(0, len(values), BATCH_SIZE):
        yield values[start:start + BATCH_SIZE]


def _has_delete_signals(model):
    return signals.pre_delete.has_listeners(model) or signals.post_delete.has_listeners(model) or \
        signals.m2m_changed.has_listeners(model)


class Collector(object):
    def __init__(self, using, origin=None):
        self.using = using
        self.origin = origin
        self.data = OrderedDict()      # model -> [instances to delete]
        self._seen = defaultdict(set)  # model -> pks already collected
        self.field_updates = defaultdict(list)  # (field, value) -> [lists of instances]
        self.restricted_objects = defaultdict(lambda: defaultdict(list))  # model -> field -> objs
        self.fast_deletes = []         # querysets deleted without loading their rows
        self.dependencies = defaultdict(set)  # model -> models whose rows must go first

    def add(self, objs, source=None, nullable=False):
        """Remember ``objs`` for deletion; return those not collected before."""
        new_objs = []
        for obj in objs:
            model = type(obj)
            seen = self._seen[model]
            if obj.pk in seen:
                continue
            seen.add(obj.pk)
            self.data.setdefault(model, []).append(obj)
            new_objs.append(obj)
        # Non-nullable references force an order: the referencing rows go first.
        if new_objs and source is not None and not nullable:
            self.add_dependency(source, type(new_objs[0]))
        return new_objs

    def add_dependency(self, model, dependency):
        self.dependencies[model].add(dependency)

    def add_field_update(self, field, value, objs):
        if objs:
            self.field_updates[(field, value)].append(list(objs))

    def add_restricted_objects(self, field, objs):
        if objs:
            self.restricted_objects[field.model][field].extend(objs)

    def can_fast_delete(self, model, from_field=None):
        """True when rows can be deleted by one query without loading them (nothing listens, nothing depends)."""
        if from_field is not None and from_field.remote_field.on_delete is not CASCADE:
            return False
        if _has_delete_signals(model):
            return False
        opts = model._meta
        if opts.many_to_many:
            return False
        return all(rel.field.remote_field.on_delete is DO_NOTHING
                   for rel in get_candidate_relations_to_delete(opts))

    def related_objects(self, related_model, field, objs):
        """Querysets (one per batch) of ``related_model`` rows pointing at ``objs`` through ``field``."""
        keys = [getattr(obj, field.target_field.attname) for obj in objs]
        manager = related_model._base_manager.db_manager(self.using)
        return [manager.filter(**{"%s__in" % field.attname: batch}) for batch in _batches(keys)]

    def collect(self, objs, source=None, nullable=False, collect_related=True, fail_on_restricted=True,
                **kwargs):
        new_objs = self.add(objs, source, nullable)
        if not new_objs or not collect_related:
            if fail_on_restricted:
                self._check_restricted()
            return
        model = type(new_objs[0])
        parents_of = kwargs.get("parents_of")
        for related in get_candidate_relations_to_delete(model._meta):
            field = related.field
            if parents_of is not None and field.remote_field.parent_link and related.related_model is parents_of:
                continue  # the child rows being deleted are what led here
            on_delete = field.remote_field.on_delete
            if on_delete is DO_NOTHING:
                continue
            for sub_objs in self.related_objects(related.related_model, field, new_objs):
                if self.can_fast_delete(related.related_model, from_field=field):
                    self.fast_deletes.append(sub_objs)
                    continue
                sub_objs = list(sub_objs)
                if sub_objs:
                    on_delete(self, field, sub_objs, self.using)
        # Multi-table inheritance: a child's rows in its parents' tables go too, after it.
        if not kwargs.get("keep_parents"):
            for parent, link in model._meta.concrete_model._meta.parents.items():
                if link is None:
                    continue
                parent_objs = [getattr(obj, link.name) for obj in new_objs]
                parent_objs = [obj for obj in parent_objs if obj is not None]
                if parent_objs:
                    self.collect(parent_objs, fail_on_restricted=False, parents_of=model._meta.concrete_model)
                    self.add_dependency(parent, model)
        # Generic relations (contrib.contenttypes' GenericRelation): their rows go too.
        for field in model._meta.private_fields:
            bulk_related = getattr(field, "bulk_related_objects", None)
            if bulk_related is not None:
                self.collect(list(bulk_related(new_objs, self.using)), source=model, nullable=True,
                             fail_on_restricted=False)
        if fail_on_restricted:
            self._check_restricted()

    def _check_restricted(self):
        for model, fields in self.restricted_objects.items():
            collected = self._seen.get(model, set())
            for field, objs in fields.items():
                remaining = [obj for obj in objs if obj.pk not in collected]
                if remaining:
                    remaining = self._not_fast_deleted(model, remaining)
                if remaining:
                    raise RestrictedError(
                        "Cannot delete some instances of model '%s' because they are referenced through "
                        "restricted foreign keys: '%s.%s'." % (field.remote_field.model.__name__,
                                                               model.__name__, field.name),
                        remaining)

    def _not_fast_deleted(self, model, objs):
        """Those of ``objs`` that no fast-delete query (a cascade not loaded in Python) covers."""
        pks = set(obj.pk for obj in objs)
        for queryset in self.fast_deletes:
            if queryset.model is model and pks:
                pks.difference_update(queryset.filter(pk__in=list(pks)).values_list("pk", flat=True))
        return [obj for obj in objs if obj.pk in pks]

    def instances_with_model(self):
        for model, instances in self.data.items():
            for obj in instances:
                yield model, obj

    def sort(self):
        """Order models so that rows referencing others are deleted before what they reference."""
        ordered = []
        placed = set()
        models = list(self.data)
        collected = set(models)
        while len(ordered) < len(models):
            progressed = False
            for model in models:
                if model in placed:
                    continue
                waiting_for = self.dependencies.get(model, set()) & collected
                if not waiting_for.difference(placed):
                    ordered.append(model)
                    placed.add(model)
                    progressed = True
            if not progressed:
                return  # a cycle (nullable keys, usually): keep collection order
        self.data = OrderedDict((model, self.data[model]) for model in ordered)

    def delete(self):
        """Run the collected updates and deletions in one transaction; ``(total, {label: count})``."""
        from pyframework.db import transaction

        self.sort()
        deleted = Counter()
        with transaction.atomic(using=self.using, savepoint=False):
            for model, obj in self.instances_with_model():
                if not model._meta.auto_created:
                    signals.pre_delete.send(sender=model, instance=obj, using=self.using, origin=self.origin)
            for queryset in self.fast_deletes:
                count = queryset._raw_delete(using=self.using)
                if count:
                    deleted[queryset.model._meta.label] += count
            for (field, value), groups in self.field_updates.items():
                manager = field.model._base_manager.db_manager(self.using)
                pks = [obj.pk for group in groups for obj in group]
                for batch in _batches(pks):
                    manager.filter(pk__in=batch).update(**{field.attname: value})
            for model, instances in self.data.items():
                manager = model._base_manager.db_manager(self.using)
                pks = [obj.pk for obj in instances]
                count = 0
                for batch in _batches(pks):
                    count += manager.filter(pk__in=batch)._raw_delete(using=self.using)
                deleted[model._meta.label] += count
                if not model._meta.auto_created:
                    for obj in instances:
                        signals.post_delete.send(sender=model, instance=obj, using=self.using,
                                                 origin=self.origin)
        for (field, value), groups in self.field_updates.items():
            for group in groups:
                for obj in group:
                    setattr(obj, field.attname, value)
        for model, instances in self.data.items():
            for obj in instances:
                setattr(obj, model._meta.pk.attname, None)
        return sum(deleted.values()), dict(deleted)
