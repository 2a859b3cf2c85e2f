"""QuerySet: a lazy, chainable, cached description of a database query.

Each chained call clones the queryset (and its ``sql.Query``); nothing touches
the database until the results are needed (iteration, ``len()``, ``bool()``,
indexing, ``count()``, ...).
"""
from __future__ import absolute_import, unicode_literals

from pyframework.core import exceptions
from pyframework.db import DEFAULT_DB_ALIAS, IntegrityError, connections, transaction
from pyframework.db.models import sql
from pyframework.db.models.iterables import (
    FlatValuesListIterable, ModelIterable, NamedValuesListIterable, ValuesIterable, ValuesListIterable,
)
from pyframework.db.models.prefetch import Prefetch, prefetch_related_objects  # noqa: F401
from pyframework.db.models.query_utils import LOOKUP_SEP, Q
from pyframework.db.models.raw import RawQuerySet  # noqa: F401
from pyframework.utils.compat import integer_types

# How many rows ``iterator()`` fetches per round trip unless told otherwise.
CHUNK_SIZE = 100
# How many result rows ``repr()`` shows.
REPR_OUTPUT_SIZE = 20


class QuerySet(object):
    def __init__(self, model=None, query=None, using=None, hints=None):
        self.model = model
        self._db = using
        self._query = query if query is not None else sql.Query(model)
        self._result_cache = None
        self._iterable_class = ModelIterable
        self._fields = None
        self._prefetch_related_lookups = ()
        self._prefetch_done = False
        self._for_write = False
        self._sticky_filter = False
        self._known_related_objects = {}

    # -- plumbing ------------------------------------------------------------

    @property
    def query(self):
        return self._query

    @query.setter
    def query(self, value):
        self._query = value

    @property
    def db(self):
        if self._db is not None:
            return self._db
        return DEFAULT_DB_ALIAS

    def as_manager(cls):
        from pyframework.db.models.manager import Manager
        manager = Manager.from_queryset(cls)()
        manager._built_with_as_manager = True
        return manager
    as_manager.queryset_only = True
    as_manager = classmethod(as_manager)

    def _chain(self):
        return self._clone()

    def _clone(self):
        clone = self.__class__(model=self.model, query=self._query.chain(), using=self._db)
        clone._iterable_class = self._iterable_class
        clone._fields = self._fields
        clone._prefetch_related_lookups = self._prefetch_related_lookups
        clone._for_write = self._for_write
        clone._known_related_objects = self._known_related_objects
        return clone

    def _fetch_all(self):
        if self._result_cache is None:
            self._result_cache = list(self._iterable_class(self))
        if self._prefetch_related_lookups and not self._prefetch_done:
            prefetch_related_objects(self._result_cache, *self._prefetch_related_lookups)
            self._prefetch_done = True

    def __deepcopy__(self, memo):
        clone = self.__class__(model=self.model, query=self._query.chain(), using=self._db)
        clone.__dict__.update(dict((k, v) for k, v in self.__dict__.items()
                                   if k not in ("_query", "_result_cache")))
        return clone

    def __getstate__(self):
        self._fetch_all()
        return self.__dict__.copy()

    def __repr__(self):
        data = list(self[:REPR_OUTPUT_SIZE + 1])
        if len(data) > REPR_OUTPUT_SIZE:
            data[-1] = "...(remaining elements truncated)..."
        return "<%s %r>" % (self.__class__.__name__, data)

    def __len__(self):
        self._fetch_all()
        return len(self._result_cache)

    def __iter__(self):
        self._fetch_all()
        return iter(self._result_cache)

    def __bool__(self):
        self._fetch_all()
        return bool(self._result_cache)

    __nonzero__ = __bool__

    def __getitem__(self, k):
        if not isinstance(k, (slice,) + integer_types):
            raise TypeError("QuerySet indices must be integers or slices, not %s." % type(k).__name__)
        if (isinstance(k, integer_types) and k < 0) or (isinstance(k, slice) and (
                (k.start is not None and k.start < 0) or (k.stop is not None and k.stop < 0))):
            raise ValueError("Negative indexing is not supported.")
        if self._result_cache is not None:
            return self._result_cache[k]
        if isinstance(k, slice):
            if k.step not in (None, 1):
                clone = self._chain()
                clone._query.set_limits(k.start, k.stop)
                return list(clone)[::k.step]
            clone = self._chain()
            clone._query.set_limits(k.start, k.stop)
            return clone
        clone = self._chain()
        clone._query.set_limits(k, k + 1)
        clone._fetch_all()
        if not clone._result_cache:
            raise IndexError("QuerySet index out of range")
        return clone._result_cache[0]

    def __and__(self, other):
        if isinstance(other, EmptyQuerySet):
            return other
        if isinstance(self, EmptyQuerySet):
            return self
        combined = self._chain()
        combined._query.combine(other.query, sql.AND)
        return combined

    def __or__(self, other):
        if isinstance(self, EmptyQuerySet):
            return other
        if isinstance(other, EmptyQuerySet):
            return self
        combined = self._chain()
        combined._query.combine(other.query, sql.OR)
        return combined

    # -- methods that return results ----------------------------------------

    def iterator(self, chunk_size=None):
        """Stream the results, fetching ``chunk_size`` rows per round trip, without caching."""
        if chunk_size is not None and chunk_size <= 0:
            raise ValueError("Chunk size must be strictly positive.")
        return iter(self._iterable_class(self, chunked_fetch=True, chunk_size=chunk_size or CHUNK_SIZE))

    def aggregate(self, *args, **kwargs):
        for arg in args:
            try:
                kwargs[arg.default_alias] = arg
            except (AttributeError, TypeError):
                raise TypeError("Complex aggregates require an alias.")
        query = self._query.chain()
        for alias, aggregate in kwargs.items():
            query.add_annotation(aggregate, alias, is_summary=True)
            if not query.annotations[alias].contains_aggregate:
                raise TypeError("%s is not an aggregate expression." % alias)
        return query.get_aggregation(self.db, list(kwargs))

    def count(self):
        if self._result_cache is not None:
            return len(self._result_cache)
        return self._query.get_count(using=self.db)

    def get(self, *args, **kwargs):
        clone = self.filter(*args, **kwargs) if (args or kwargs) else self._chain()
        if self._query.can_filter() and not clone._query.distinct_fields:
            clone = clone.order_by()
        limit = MAX_GET_RESULTS
        if not clone._query.is_sliced:
            clone._query.set_limits(high=limit)
        num = len(clone)
        if num == 1:
            return clone._result_cache[0]
        if not num:
            raise self.model.DoesNotExist("%s matching query does not exist." % self.model._meta.object_name)
        raise self.model.MultipleObjectsReturned("get() returned more than one %s -- it returned %s!" % (
            self.model._meta.object_name, num if num < limit else "more than %s" % (limit - 1)))

    def create(self, **kwargs):
        obj = self.model(**kwargs)
        self._for_write = True
        obj.save(force_insert=True, using=self.db)
        return obj

    def bulk_create(self, objs, batch_size=None, ignore_conflicts=False):
        """Insert ``objs`` in as few statements as the backend allows; sets their pks where it can."""
        if batch_size is not None and batch_size <= 0:
            raise ValueError("Batch size must be a positive integer.")
        objs = list(objs)
        if not objs:
            return objs
        opts = self.model._meta
        if opts.concrete_model._meta.parents:
            raise ValueError("Can't bulk create a multi-table inherited model")
        self._for_write = True
        connection = connections[self.db]
        for obj in objs:
            _prepare_for_bulk(obj)
        with_pk = [obj for obj in objs if obj.pk is not None]
        without_pk = [obj for obj in objs if obj.pk is None]
        fields = opts.concrete_fields
        with transaction.atomic(using=self.db, savepoint=False):
            if with_pk:
                self._batched_insert(with_pk, fields, batch_size, connection)
            if without_pk:
                insert_fields = [f for f in fields if f is not opts.pk or not _is_auto(f)]
                returning = opts.db_returning_fields if _can_return_rows(connection) else None
                rows = self._batched_insert(without_pk, insert_fields, batch_size, connection, returning)
                if rows and returning:
                    for obj, row in zip(without_pk, rows):
                        for field, value in zip(returning, row):
                            setattr(obj, field.attname, value)
        for obj in objs:
            obj._state.adding = False
            obj._state.db = self.db
        return objs

    def _batched_insert(self, objs, fields, batch_size, connection, returning_fields=None):
        ops = connection.ops
        max_size = ops.bulk_batch_size(fields, objs) if hasattr(ops, "bulk_batch_size") else len(objs)
        batch_size = min(batch_size, max_size) if batch_size else max_size
        batch_size = max(batch_size, 1)
        rows = []
        for start in range(0, len(objs), batch_size):
            batch = objs[start:start + batch_size]
            result = self._insert(batch, fields=fields, returning_fields=returning_fields, using=self.db)
            if returning_fields:
                rows.extend(result or [])
        return rows

    def get_or_create(self, defaults=None, **kwargs):
        """Fetch the object matching ``kwargs``, creating it (with ``defaults``) when missing."""
        self._for_write = True
        try:
            return self.get(**kwargs), False
        except self.model.DoesNotExist:
            params = self._extract_model_params(defaults, **kwargs)
            return self._create_object_from_params(kwargs, params)

    def _create_object_from_params(self, lookup, params):
        try:
            with transaction.atomic(using=self.db):
                params = dict((k, v() if callable(v) else v) for k, v in params.items())
                return self.create(**params), True
        except IntegrityError:
            # Another connection created the row between our SELECT and INSERT.
            try:
                return self.get(**lookup), False
            except self.model.DoesNotExist:
                pass
            raise

    def update_or_create(self, defaults=None, **kwargs):
        defaults = defaults or {}
        self._for_write = True
        with transaction.atomic(using=self.db):
            try:
                obj = self.select_for_update().get(**kwargs)
            except self.model.DoesNotExist:
                params = self._extract_model_params(defaults, **kwargs)
                obj, created = self._create_object_from_params(kwargs, params)
                if created:
                    return obj, created
            for name, value in defaults.items():
                setattr(obj, name, value() if callable(value) else value)
            obj.save(using=self.db)
        return obj, False

    def _extract_model_params(self, defaults, **kwargs):
        params = dict((k, v) for k, v in kwargs.items() if LOOKUP_SEP not in k)
        params.update(defaults or {})
        invalid = []
        for name in params:
            try:
                self.model._meta.get_field(name)
            except exceptions.FieldDoesNotExist:
                if not _is_property(self.model, name):
                    invalid.append(name)
        if invalid:
            raise exceptions.FieldError("Invalid field name(s) for model %s: '%s'." % (
                self.model._meta.object_name, "', '".join(sorted(invalid))))
        return params

    def _earliest(self, fields, reverse):
        if not fields:
            fields = self.model._meta.get_latest_by if hasattr(self.model._meta, "get_latest_by") else None
            if not fields:
                raise ValueError("earliest() and latest() require either fields as positional "
                                 "arguments or 'get_latest_by' in the model's Meta.")
            if not isinstance(fields, (list, tuple)):
                fields = (fields,)
        clone = self._chain()
        clone._query.set_limits(high=1)
        clone._query.clear_ordering(force=True)
        ordering = list(fields)
        if reverse:
            ordering = [name[1:] if name.startswith("-") else "-" + name for name in ordering]
        clone._query.add_ordering(*ordering)
        return clone.get()

    def earliest(self, *fields):
        return self._earliest(fields, reverse=False)

    def latest(self, *fields):
        return self._earliest(fields, reverse=True)

    def first(self):
        queryset = self if self.ordered else self.order_by("pk")
        for obj in queryset[:1]:
            return obj
        return None

    def last(self):
        queryset = self.reverse() if self.ordered else self.order_by("-pk")
        for obj in queryset[:1]:
            return obj
        return None

    def in_bulk(self, id_list=None, field_name="pk"):
        """``{value: obj}`` for the objects whose ``field_name`` is in ``id_list`` (or all of them)."""
        if self._query.is_sliced:
            raise TypeError("Cannot use 'limit' or 'offset' with in_bulk().")
        if field_name != "pk" and not self.model._meta.get_field(field_name).unique:
            raise ValueError("in_bulk()'s field_name must be a unique field but %r isn't." % field_name)
        if id_list is not None:
            id_list = list(id_list)
            if not id_list:
                return {}
            queryset = self.filter(**{field_name + "__in": id_list}).order_by()
        else:
            queryset = self._chain()
        attname = self.model._meta.pk.attname if field_name == "pk" else \
            self.model._meta.get_field(field_name).attname
        return dict((getattr(obj, attname), obj) for obj in queryset)

    def delete(self):
        """Delete the matching rows, cascading as each relation's on_delete says."""
        if self._query.is_sliced:
            raise TypeError("Cannot use 'limit' or 'offset' with delete().")
        if self._fields is not None:
            raise TypeError("Cannot call delete() after .values() or .values_list()")
        from pyframework.db.models.deletion import Collector
        del_query = self._chain()
        del_query._for_write = True
        del_query._query.select_for_update = False
        del_query._query.select_related = False
        del_query._query.clear_ordering(force=True)
        collector = Collector(using=del_query.db)
        collector.collect(del_query)
        deleted, rows_count = collector.delete()
        self._result_cache = None
        return deleted, rows_count

    delete.queryset_only = True

    def _raw_delete(self, using):
        """Delete without signals or cascades (the Collector's fast path)."""
        query = self._query.clone()
        query.__class__ = sql.DeleteQuery
        cursor = query.get_compiler(using).execute_sql(sql.CURSOR)
        if cursor is None:
            return 0
        with cursor:
            return cursor.rowcount

    def update(self, **kwargs):
        """Set ``kwargs`` on every matching row in one UPDATE; values may be F() expressions."""
        if self._query.is_sliced:
            raise TypeError("Cannot update a query once a slice has been taken.")
        self._for_write = True
        inherited = self._inherited_updates(kwargs)
        if inherited:
            return self._update_with_parents(inherited, kwargs)
        query = self._query.chain(sql.UpdateQuery)
        query.add_update_values(kwargs)
        with transaction.mark_for_rollback_on_error(using=self.db):
            rows = query.get_compiler(self.db).execute_sql(sql.CURSOR)
        self._result_cache = None
        return rows

    def _inherited_updates(self, kwargs):
        """``{ancestor model: {name: value}}`` for the fields of ``kwargs`` stored in a parent's table."""
        concrete = self.model._meta.concrete_model
        if not concrete._meta.parents:
            return None
        inherited = {}
        for name in list(kwargs):
            field = self.model._meta.pk if name == "pk" else self.model._meta.get_field(name)
            owner = getattr(field, "model", concrete)
            if owner is not concrete and owner in concrete._meta.get_parent_list():
                inherited.setdefault(owner, {})[name] = kwargs.pop(name)
        return inherited

    def _update_with_parents(self, inherited, own):
        """One UPDATE per table of a multi-table model, by primary key, in one transaction."""
        with transaction.atomic(using=self.db, savepoint=False):
            pks = list(self.values_list("pk", flat=True))
            for start in range(0, len(pks), 500):
                batch = pks[start:start + 500]
                for owner, values in inherited.items():
                    owner._base_manager.using(self.db).filter(pk__in=batch).update(**values)
                if own:
                    self.model._base_manager.using(self.db).filter(pk__in=batch).update(**own)
        self._result_cache = None
        return len(pks)

    def _update(self, values):
        """Used by Model.save(): ``values`` is a list of (field, model, value) triples."""
        if self._query.is_sliced:
            raise TypeError("Cannot update a query once a slice has been taken.")
        query = self._query.chain(sql.UpdateQuery)
        query.add_update_fields(values)
        self._result_cache = None
        return query.get_compiler(self.db).execute_sql(sql.CURSOR)

    _update.queryset_only = False

    def exists(self):
        if self._result_cache is None:
            return self._query.has_results(using=self.db)
        return bool(self._result_cache)

    def _insert(self, objs, fields, returning_fields=None, raw=False, using=None, ignore_conflicts=False):
        """Insert ``objs``; returns the ``returning_fields`` values of each inserted row (when asked)."""
        self._for_write = True
        query = sql.InsertQuery(self.model)
        query.insert_values(fields, objs, raw=raw)
        return query.get_compiler(using=using or self.db).execute_sql(returning_fields)

    _insert.queryset_only = False

    # -- methods that return querysets --------------------------------------

    def raw(self, raw_query, params=(), translations=None, using=None):
        return RawQuerySet(raw_query, model=self.model, params=params, translations=translations,
                           using=using or self.db)

    def _values(self, *fields, **expressions):
        clone = self._chain()
        if expressions:
            clone = clone.annotate(**expressions)
        clone._fields = fields + tuple(expressions)
        clone._query.set_values(clone._fields)
        return clone

    def values(self, *fields, **expressions):
        clone = self._values(*fields, **expressions)
        clone._iterable_class = ValuesIterable
        return clone

    def values_list(self, *fields, **kwargs):
        flat = kwargs.pop("flat", False)
        named = kwargs.pop("named", False)
        if kwargs:
            raise TypeError("Unexpected keyword arguments to values_list: %s" % (list(kwargs),))
        if flat and named:
            raise TypeError("'flat' and 'named' can't be used together.")
        if flat and len(fields) > 1:
            raise TypeError("'flat' is not valid when values_list is called with more than one field.")
        field_names = [f for f in fields if not hasattr(f, "resolve_expression")]
        expressions = {}
        names = []
        for field in fields:
            if hasattr(field, "resolve_expression"):
                alias = "%s%d" % (getattr(field, "default_alias", "expr").lower(), len(expressions) + 1)
                expressions[alias] = field
                names.append(alias)
            else:
                names.append(field)
        clone = self._values(*field_names, **expressions)
        clone._fields = tuple(names)
        clone._query.set_values(clone._fields)
        clone._iterable_class = (NamedValuesListIterable if named else
                                 FlatValuesListIterable if flat else ValuesListIterable)
        return clone

    def none(self):
        clone = self._chain()
        clone._query.set_empty()
        return clone

    def all(self):
        return self._chain()

    def filter(self, *args, **kwargs):
        return self._filter_or_exclude(False, args, kwargs)

    def exclude(self, *args, **kwargs):
        return self._filter_or_exclude(True, args, kwargs)

    def _filter_or_exclude(self, negate, args, kwargs):
        if (args or kwargs) and self._query.is_sliced:
            raise TypeError("Cannot filter a query once a slice has been taken.")
        clone = self._chain()
        condition = Q(*args, **kwargs)
        clone._query.add_q(~condition if negate else condition)
        return clone

    def complex_filter(self, filter_obj):
        if isinstance(filter_obj, Q):
            clone = self._chain()
            clone._query.add_q(filter_obj)
            return clone
        return self._filter_or_exclude(False, (), filter_obj)

    def select_for_update(self, nowait=False, skip_locked=False, of=()):
        if nowait and skip_locked:
            raise ValueError("The nowait option cannot be used with skip_locked.")
        clone = self._chain()
        clone._for_write = True
        clone._query.select_for_update = True
        clone._query.select_for_update_nowait = nowait
        clone._query.select_for_update_skip_locked = skip_locked
        clone._query.select_for_update_of = of
        return clone

    def select_related(self, *fields):
        if self._fields is not None:
            raise TypeError("Cannot call select_related() after .values() or .values_list()")
        clone = self._chain()
        if fields == (None,):
            clone._query.select_related = False
        elif fields:
            clone._query.add_select_related(fields)
        else:
            clone._query.select_related = True
        return clone

    def prefetch_related(self, *lookups):
        clone = self._chain()
        if lookups == (None,):
            clone._prefetch_related_lookups = ()
        else:
            clone._prefetch_related_lookups = clone._prefetch_related_lookups + lookups
        return clone

    def annotate(self, *args, **kwargs):
        clone = self._chain()
        for arg in args:
            try:
                alias = arg.default_alias
            except (AttributeError, TypeError):
                raise TypeError("Complex annotations require an alias.")
            if alias in kwargs:
                raise ValueError("The named annotation '%s' conflicts with the default name." % alias)
            kwargs[alias] = arg
        field_names = set(f.name for f in self.model._meta.get_fields())
        for alias, annotation in kwargs.items():
            if alias in field_names:
                raise ValueError("The annotation '%s' conflicts with a field on the model." % alias)
            clone._query.add_annotation(annotation, alias, select=True)
        return clone

    def order_by(self, *field_names):
        if self._query.is_sliced:
            raise TypeError("Cannot reorder a query once a slice has been taken.")
        clone = self._chain()
        clone._query.clear_ordering(force=True, clear_default=False)
        clone._query.add_ordering(*field_names)
        return clone

    def distinct(self, *field_names):
        if self._query.is_sliced:
            raise TypeError("Cannot create distinct fields once a slice has been taken.")
        clone = self._chain()
        clone._query.add_distinct_fields(*field_names)
        return clone

    def reverse(self):
        if self._query.is_sliced:
            raise TypeError("Cannot reverse a query once a slice has been taken.")
        clone = self._chain()
        clone._query.standard_ordering = not clone._query.standard_ordering
        return clone

    def using(self, alias):
        clone = self._chain()
        clone._db = alias
        return clone

    def union(self, *other_qs, **kwargs):
        clone = self._chain()
        clone._query.add_combinator("UNION", [qs.query for qs in other_qs], kwargs.get("all", False))
        return clone

    # -- public introspection -----------------------------------------------

    @property
    def ordered(self):
        query = self._query
        if query.extra_order_by or query.order_by:
            return True
        return bool(query.default_ordering and self.model._meta.ordering and not query.group_by)

    def resolve_expression(self, *args, **kwargs):
        query = self._query.resolve_expression(*args, **kwargs)
        query._db = self._db
        return query


MAX_GET_RESULTS = 21


class _InstanceCheckMeta(type):
    def __instancecheck__(cls, instance):
        return isinstance(instance, QuerySet) and instance.query.is_empty()


EmptyQuerySet = _InstanceCheckMeta(str("EmptyQuerySet"), (object,), {
    "__doc__": "``isinstance(qs, EmptyQuerySet)`` is True for ``qs.none()`` results."})


def _is_auto(field):
    return field.get_internal_type() in ("AutoField", "BigAutoField", "SmallAutoField")


def _can_return_rows(connection):
    return getattr(connection.features, "can_return_rows_from_bulk_insert", False)


def _is_property(model, name):
    return isinstance(getattr(model, name, None), property)


def _prepare_for_bulk(obj):
    # An object assigned to a relation before being saved has no id to store.
    for field in obj._meta.concrete_fields:
        if field.is_relation:
            cached = obj._state.fields_cache.get(field.name)
            if cached is not None and cached.pk is None:
                raise ValueError("bulk_create() prohibited to prevent data loss due to unsaved related "
                                 "object '%s'." % field.name)

