"""Turning ``author__books__title`` into a chain of table hops (PathInfo) for the joins."""
from __future__ import absolute_import, unicode_literals

from pyframework.core.exceptions import FieldDoesNotExist
from pyframework.db.models.query_utils import FieldError, PathInfo


def is_reverse_relation(field):
    # Reverse relation objects (ForeignObjectRel) know their accessor; fields don't.
    return hasattr(field, "get_accessor_name")


def target_field_of(fk):
    """The field a foreign key points at (the related model's pk unless ``to_field`` says otherwise)."""
    target = getattr(fk, "target_field", None)
    if target is not None:
        return target
    field_name = getattr(fk.remote_field, "field_name", None)
    remote_opts = fk.remote_field.model._meta
    return remote_opts.get_field(field_name) if field_name else remote_opts.pk


def through_fields(m2m):
    """(fk to the source model, fk to the target model) on a many-to-many's through model."""
    through = m2m.remote_field.through
    opts = through._meta
    if hasattr(m2m, "m2m_field_name") and hasattr(m2m, "m2m_reverse_field_name"):
        return opts.get_field(m2m.m2m_field_name()), opts.get_field(m2m.m2m_reverse_field_name())
    source_model, target_model = m2m.model, m2m.remote_field.model
    fks = [f for f in opts.concrete_fields if f.is_relation]
    to_source = [f for f in fks if f.remote_field.model is source_model]
    to_target = [f for f in fks if f.remote_field.model is target_model]
    if source_model is target_model:
        return to_source[0], to_source[1]
    return to_source[0], to_target[0]


def get_path_info(field):
    """The hops needed to follow relation ``field`` (a forward field or a reverse relation)."""
    custom = getattr(field, "get_join_path", None)
    if custom is not None:
        return custom()  # relations that join their own way (generic relations)
    if is_reverse_relation(field):
        remote = field.field
        if getattr(remote, "many_to_many", False):
            source_fk, target_fk = through_fields(remote)
            through = remote.remote_field.through
            return [
                PathInfo(field.model, through, ((target_field_of(target_fk).column, target_fk.column),),
                         target_fk, through._meta.pk, True, True, False),
                PathInfo(through, remote.model, ((source_fk.column, target_field_of(source_fk).column),),
                         source_fk, target_field_of(source_fk), True, True, True),
            ]
        target = target_field_of(remote)
        multi = not getattr(field, "one_to_one", False)
        return [PathInfo(field.model, remote.model,
                         ((target.column, remote.column),), remote, remote.model._meta.pk, True, multi, False)]
    if getattr(field, "many_to_many", False):
        source_fk, target_fk = through_fields(field)
        through = field.remote_field.through
        return [
            PathInfo(field.model, through, ((target_field_of(source_fk).column, source_fk.column),),
                     source_fk, through._meta.pk, True, True, False),
            PathInfo(through, field.remote_field.model, ((target_fk.column, target_field_of(target_fk).column),),
                     target_fk, target_field_of(target_fk), True, True, True),
        ]
    target = target_field_of(field)
    return [PathInfo(field.model, field.remote_field.model, ((field.column, target.column),), field, target,
                     bool(field.null), False, True)]


def get_path_to_parent(opts, parent):
    """The joins from a multi-table child up to its ancestor ``parent`` (empty for a proxy's target)."""
    if parent is opts.model or parent._meta.concrete_model is opts.concrete_model:
        return []
    for direct_parent, link in opts.parents.items():
        if link is None:
            return get_path_to_parent(direct_parent._meta, parent)
        if direct_parent is parent or parent in direct_parent._meta.get_parent_list():
            target = direct_parent._meta.pk
            hop = PathInfo(opts.model, direct_parent, ((link.column, target.column),), link, target,
                           False, False, True)
            return [hop] + get_path_to_parent(direct_parent._meta, parent)
    return []


def _owner(field):
    """The model whose table holds ``field`` (or, for a reverse relation, that it points at)."""
    return getattr(field, "model", None)


def get_model_field(opts, name):
    """``opts.get_field(name)`` that also accepts ``pk`` and attnames like ``author_id``."""
    if name == "pk":
        return opts.pk
    try:
        return opts.get_field(name)
    except FieldDoesNotExist:
        for field in opts.concrete_fields:
            if field.attname == name:
                return field
        for rel in getattr(opts, "related_objects", ()):
            if _query_name(rel) == name:
                return rel
        raise


def _query_name(rel):
    field = rel.field
    if hasattr(field, "related_query_name"):
        return field.related_query_name()
    return rel.related_name or rel.related_model._meta.model_name


def field_choices(opts, annotations=()):
    names = set()
    for field in opts.get_fields():
        if is_reverse_relation(field):
            names.add(_query_name(field))
        else:
            names.add(field.name)
    names.update(annotations)
    return ", ".join(sorted(names))


def names_to_path(names, opts, annotations=(), fail_on_missing=False):
    """Walk ``names`` through the models: (path, final_field, targets, remaining lookup names)."""
    path, final_field, targets = [], None, ()
    for pos, name in enumerate(names):
        try:
            field = get_model_field(opts, name)
        except FieldDoesNotExist:
            if pos == 0 or fail_on_missing:
                raise FieldError("Cannot resolve keyword '%s' into field. Choices are: %s" % (
                    name, field_choices(opts, annotations if pos == 0 else ())))
            return path, final_field, targets, names[pos:]
        owner = _owner(field)
        if opts.parents and owner is not None and owner is not opts.model and hasattr(owner, "_meta") \
                and owner._meta.concrete_model is not opts.concrete_model:
            hops = get_path_to_parent(opts, owner)  # an inherited field: join the parent's table
            if hops:
                path.extend(hops)
                opts = hops[-1].to_model._meta
        if field.is_relation and not field.concrete and not is_reverse_relation(field) \
                and field.remote_field is None:
            raise FieldError(
                "Field '%s' does not generate an automatic reverse relation and therefore cannot be used "
                "for reverse querying. If it is a GenericForeignKey, consider adding a GenericRelation."
                % name)
        if field.is_relation and (is_reverse_relation(field) or field.remote_field is not None):
            hops = get_path_info(field)
            path.extend(hops)
            final_field = field
            targets = (hops[-1].target_field,)
            opts = hops[-1].to_model._meta
        else:
            final_field = field
            targets = (field,)
            return path, final_field, targets, names[pos + 1:]
    return path, final_field, targets, []
