"""``prefetch_related()``: one extra query per relation instead of one per object.

Results are stored where the relation accessors look first: a forward relation's
object in ``instance._state.fields_cache[field.name]``; a to-many relation's list
as a ready-evaluated queryset in ``instance._prefetched_objects_cache[cache_name]``
(cache_name: the reverse accessor name for a reverse foreign key, the field name
for a many-to-many, the related query name for a reverse many-to-many).
"""
from __future__ import absolute_import, unicode_literals

from pyframework.db.models.expressions import F
from pyframework.db.models.iterables import set_cached_related
from pyframework.db.models.query_utils import LOOKUP_SEP
from pyframework.db.models.sql.paths import target_field_of


class Prefetch(object):
    """``Prefetch("books", queryset=Book.objects.filter(...), to_attr="recent_books")``."""

    def __init__(self, lookup, queryset=None, to_attr=None):
        if queryset is not None and getattr(queryset, "_fields", None) is not None:
            raise ValueError("Prefetch querysets cannot use values().")
        self.prefetch_through = lookup
        self.queryset = queryset
        self.to_attr = to_attr
        parts = lookup.split(LOOKUP_SEP)
        self.prefetch_to = LOOKUP_SEP.join(parts[:-1] + [to_attr]) if to_attr else lookup

    def __repr__(self):
        return "<Prefetch %s>" % self.prefetch_through

    def __eq__(self, other):
        return isinstance(other, Prefetch) and self.prefetch_to == other.prefetch_to

    def __ne__(self, other):
        return not self == other

    def __hash__(self):
        return hash((self.__class__, self.prefetch_to))


def prefetch_related_objects(instances, *lookups):
    """Fill the relation caches of ``instances`` along each lookup (``"books__tags"``)."""
    instances = [obj for obj in instances if obj is not None]
    if not instances or not hasattr(instances[0], "_meta"):
        # values(), values_list(), dates(): rows, not model instances; as in Django, nothing to prefetch.
        return
    done = {}
    for lookup in lookups:
        if not isinstance(lookup, Prefetch):
            lookup = Prefetch(lookup)
        parts = lookup.prefetch_through.split(LOOKUP_SEP)
        objs = instances
        for level, part in enumerate(parts):
            if not objs:
                break
            last = level == len(parts) - 1
            path = LOOKUP_SEP.join(parts[:level + 1]) if not last else lookup.prefetch_to
            if path in done and not last:
                objs = done[path]
                continue
            objs = _prefetch_one_level(objs, part, lookup.queryset if last else None,
                                       lookup.to_attr if last else None)
            done[path] = objs


class _Relation(object):
    """What prefetching needs to know about one relation attribute of a model."""

    def __init__(self, model, name):
        opts = model._meta
        self.name = name
        self.kind = None
        for field in opts.concrete_fields:
            if field.name == name and field.is_relation:
                self.kind, self.field = "forward", field
                return
        for field in opts.many_to_many:
            if field.name == name:
                self.kind, self.field = "m2m", field
                self.cache_name = field.name
                self.back_name = field.related_query_name() if hasattr(field, "related_query_name") else (
                    field.remote_field.related_name or opts.model_name)
                self.target_model = field.remote_field.model
                return
        for rel in opts.related_objects:
            if rel.get_accessor_name() == name:
                field = rel.field
                self.rel, self.field = rel, field
                if getattr(field, "many_to_many", False):
                    self.kind = "m2m"
                    self.cache_name = field.related_query_name() if hasattr(
                        field, "related_query_name") else name
                    self.back_name = field.name
                    self.target_model = field.model
                elif getattr(rel, "one_to_one", False):
                    self.kind = "reverse_one"
                else:
                    self.kind = "reverse"
                    self.cache_name = rel.get_cache_name() if hasattr(rel, "get_cache_name") else name
                return
        for field in opts.private_fields:
            if field.name == name and hasattr(field, "prefetch"):
                self.kind, self.field = "private", field  # generic relations prefetch themselves
                return
        raise AttributeError("Cannot find '%s' on %s object, '%s' is an invalid parameter to "
                             "prefetch_related()" % (name, model.__name__, name))


def _base_queryset(model, queryset):
    if queryset is not None:
        return queryset._chain()
    return model._base_manager.get_queryset() if hasattr(model, "_base_manager") else model._default_manager.all()


def _prefetch_one_level(instances, name, queryset, to_attr):
    relation = _Relation(type(instances[0]), name)
    handler = _HANDLERS[relation.kind]
    return handler(instances, relation, queryset, to_attr)


def _prefetch_forward(instances, relation, queryset, to_attr):
    field = relation.field
    target = target_field_of(field)
    values = set(getattr(obj, field.attname) for obj in instances) - set([None])
    related = list(_base_queryset(field.remote_field.model, queryset).filter(
        **{target.name + "__in": list(values)})) if values else []
    by_key = dict((getattr(obj, target.attname), obj) for obj in related)
    for obj in instances:
        value = by_key.get(getattr(obj, field.attname))
        if to_attr:
            setattr(obj, to_attr, value)
        else:
            set_cached_related(obj, field, value)
    return related


def _prefetch_reverse(instances, relation, queryset, to_attr):
    fk = relation.field
    target = target_field_of(fk)
    keys = set(getattr(obj, target.attname) for obj in instances)
    related = list(_base_queryset(fk.model, queryset).filter(**{fk.name + "__in": list(keys)}))
    groups = {}
    for rel_obj in related:
        groups.setdefault(getattr(rel_obj, fk.attname), []).append(rel_obj)
    for obj in instances:
        found = groups.get(getattr(obj, target.attname), [])
        for rel_obj in found:
            rel_obj._state.fields_cache[fk.name] = obj
        _store_many(obj, relation, found, fk.model, queryset, to_attr)
    return related


def _prefetch_reverse_one(instances, relation, queryset, to_attr):
    fk = relation.field
    target = target_field_of(fk)
    keys = set(getattr(obj, target.attname) for obj in instances)
    related = list(_base_queryset(fk.model, queryset).filter(**{fk.name + "__in": list(keys)}))
    by_key = dict((getattr(rel_obj, fk.attname), rel_obj) for rel_obj in related)
    cache_name = relation.rel.get_cache_name()
    for obj in instances:
        rel_obj = by_key.get(getattr(obj, target.attname))
        if to_attr:
            setattr(obj, to_attr, rel_obj)
        else:
            obj._state.fields_cache[cache_name] = rel_obj
        if rel_obj is not None:
            rel_obj._state.fields_cache[fk.name] = obj
    return related


def _prefetch_m2m(instances, relation, queryset, to_attr):
    source_pk = type(instances[0])._meta.pk
    keys = set(getattr(obj, source_pk.attname) for obj in instances)
    back = relation.back_name
    marker = "_prefetch_related_val"
    related = list(_base_queryset(relation.target_model, queryset).filter(
        **{back + "__in": list(keys)}).annotate(**{marker: F(back + LOOKUP_SEP + source_pk.name)}))
    groups = {}
    for rel_obj in related:
        groups.setdefault(rel_obj.__dict__.pop(marker), []).append(rel_obj)
    for obj in instances:
        _store_many(obj, relation, groups.get(getattr(obj, source_pk.attname), []), relation.target_model,
                    queryset, to_attr)
    return related


def _store_many(obj, relation, objects, model, queryset, to_attr):
    if to_attr:
        setattr(obj, to_attr, objects)
        return
    cached = _base_queryset(model, queryset)
    cached._result_cache = objects
    cached._prefetch_done = True
    cache = obj.__dict__.get("_prefetched_objects_cache")
    if cache is None:
        cache = obj.__dict__["_prefetched_objects_cache"] = {}
    cache[relation.cache_name] = cached


def _prefetch_private(instances, relation, queryset, to_attr):
    return relation.field.prefetch(instances, queryset, to_attr)


_HANDLERS = {
    "private": _prefetch_private,
    "forward": _prefetch_forward,
    "reverse": _prefetch_reverse,
    "reverse_one": _prefetch_reverse_one,
    "m2m": _prefetch_m2m,
}
