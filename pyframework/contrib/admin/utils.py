"""Helpers shared by the admin's views: labels and values of list columns, the objects a
deletion would remove, primary keys in URLs and the change messages of the history.
"""
from __future__ import absolute_import, unicode_literals

import datetime
import decimal
import json
from collections import defaultdict

from markupsafe import Markup, escape

from pyframework.core.exceptions import FieldDoesNotExist
from pyframework.db import models
from pyframework.db.models.deletion import Collector
from pyframework.forms.utils import pretty_name
from pyframework.urls import NoReverseMatch, reverse
from pyframework.utils.compat import string_types, text_type
from pyframework.utils.html import format_html
from pyframework.utils.text import capfirst
from pyframework.utils import timezone
from pyframework.utils.translation import ngettext

# Characters of a primary key that cannot appear as such in a URL path segment.
QUOTE_MAP = dict((ord(char), "_%02X" % ord(char)) for char in '":/_#?;@&=+$,"[]<>%\n\\')
LOOKUP_SEP = "__"


class FieldIsAForeignKeyColumnName(Exception):
    """A field is a foreign key attname, i.e. <FK>_id."""


def quote(value):
    """A primary key made safe for a URL path segment (``_`` escapes, as Django's admin does)."""
    if not isinstance(value, string_types):
        return value
    return "".join(QUOTE_MAP.get(ord(char), char) for char in value)


def unquote(value):
    """The primary key a quoted URL segment stands for."""
    parts = value.split("_")
    result = [parts[0]]
    for part in parts[1:]:
        code = part[:2]
        try:
            result.append("%c%s" % (int(code, 16), part[2:]))
        except ValueError:
            result.append("_" + part)
    return "".join(result)


def flatten(fields):
    """``['a', ('b', 'c')]`` -> ``['a', 'b', 'c']``."""
    flat = []
    for field in fields:
        if isinstance(field, (list, tuple)):
            flat.extend(field)
        else:
            flat.append(field)
    return flat


def flatten_fieldsets(fieldsets):
    """Every field name of a fieldsets declaration."""
    names = []
    for _name, options in fieldsets:
        names.extend(flatten(options.get("fields", ())))
    return names


def get_fields_from_path(model, path):
    """The fields a ``a__b__c`` path walks through (FieldDoesNotExist when one is unknown)."""
    fields = []
    for piece in path.split(LOOKUP_SEP):
        if fields:
            parent = get_model_from_relation(fields[-1])
        else:
            parent = model
        fields.append(parent._meta.get_field(piece))
    return fields


class NotRelationField(Exception):
    pass


def get_model_from_relation(field):
    if getattr(field, "related_model", None) is None:
        raise NotRelationField
    return field.related_model


def lookup_spawns_duplicates(opts, lookup_path):
    """True when filtering on ``lookup_path`` may return a row several times (a to-many join)."""
    for name in lookup_path.split(LOOKUP_SEP):
        if name == "pk":
            name = opts.pk.name
        try:
            field = opts.get_field(name)
        except FieldDoesNotExist:
            break
        if getattr(field, "related_model", None) is not None:
            if field.many_to_many or getattr(field, "one_to_many", False):
                return True
            opts = field.related_model._meta
    return False


def model_format_dict(obj):
    """``{"verbose_name": ..., "verbose_name_plural": ...}`` of a model, instance or queryset."""
    if isinstance(obj, (models.Model, models.base.ModelBase)):
        opts = obj._meta
    elif isinstance(obj, models.query.QuerySet):
        opts = obj.model._meta
    else:
        opts = obj
    return {"verbose_name": text_type(opts.verbose_name), "verbose_name_plural": text_type(opts.verbose_name_plural)}


def model_ngettext(obj, n=None):
    """The verbose name of a model, singular or plural after ``n`` (a queryset's count by default)."""
    if isinstance(obj, models.query.QuerySet):
        if n is None:
            n = obj.count()
        obj = obj.model
    names = model_format_dict(obj)
    return ngettext(names["verbose_name"], names["verbose_name_plural"], n or 0)


def _get_non_gfk_field(opts, name):
    field = opts.get_field(name)
    if field.is_relation and not (field.many_to_one or field.one_to_one) and not field.concrete:
        raise FieldDoesNotExist()  # a reverse relation is not a column
    if field.is_relation and field.many_to_one and name != field.name and name == field.attname:
        raise FieldIsAForeignKeyColumnName()
    return field


def lookup_field(name, obj, model_admin=None):
    """``(model field or None, attribute or None, value)`` of a ``list_display`` entry for ``obj``."""
    opts = obj._meta
    try:
        field = _get_non_gfk_field(opts, name)
    except (FieldDoesNotExist, FieldIsAForeignKeyColumnName):
        if callable(name):
            attr = name
            value = attr(obj)
        elif model_admin is not None and hasattr(model_admin, name) and name != "__str__":
            attr = getattr(model_admin, name)
            value = attr(obj)
        else:
            attr = getattr(obj, name)
            value = attr() if callable(attr) else attr
        return None, attr, value
    return field, None, getattr(obj, field.name)


def label_for_field(name, model, model_admin=None, return_attr=False, form=None):
    """The column header of a ``list_display`` entry (a field's verbose name, a callable's description)."""
    attr = None
    try:
        field = _get_non_gfk_field(model._meta, name)
        label = field.verbose_name
    except (FieldDoesNotExist, FieldIsAForeignKeyColumnName):
        if name == "__str__":
            label = text_type(model._meta.verbose_name)
            attr = text_type
        else:
            if callable(name):
                attr = name
            elif model_admin is not None and hasattr(model_admin, name):
                attr = getattr(model_admin, name)
            elif hasattr(model, name):
                attr = getattr(model, name)
            elif form is not None and name in form.fields:
                attr = form.fields[name]
            else:
                message = "Unable to lookup '%s' on %s" % (name, model._meta.object_name)
                if model_admin is not None:
                    message += " or %s" % model_admin.__class__.__name__
                if form is not None:
                    message += " or %s" % form.__class__.__name__
                raise AttributeError(message)
            if hasattr(attr, "short_description"):
                label = attr.short_description
            elif isinstance(attr, property) and hasattr(attr.fget, "short_description"):
                label = attr.fget.short_description
            elif hasattr(attr, "label") and hasattr(attr, "widget"):
                label = attr.label or pretty_name(name)
            elif callable(attr):
                label = "--" if getattr(attr, "__name__", "") == "<lambda>" else pretty_name(attr.__name__)
            else:
                label = pretty_name(name)
    if return_attr:
        return label, attr
    return label


def help_text_for_field(name, model):
    try:
        field = _get_non_gfk_field(model._meta, name)
    except (FieldDoesNotExist, FieldIsAForeignKeyColumnName):
        return ""
    return getattr(field, "help_text", "") or ""


def boolean_icon(value):
    """The yes/no/unknown icon of a boolean column (an ``<img>`` with alt text)."""
    name = {True: "yes", False: "no", None: "unknown"}[value]
    from pyframework.template.urls import static  # the admin's static URL, resolved per request

    return Markup('<img src="%s" alt="%s">' % (escape(static("admin/img/icon-%s.svg" % name)), escape(value)))


def display_for_field(value, field, empty_value_display):
    """How the change list shows a model field's value (choices by label, booleans as icons...)."""
    flatchoices = getattr(field, "flatchoices", None)
    if flatchoices:
        return dict((key, label) for key, label in flatchoices).get(value, empty_value_display)
    internal = field.get_internal_type() if hasattr(field, "get_internal_type") else ""
    if internal in ("BooleanField", "NullBooleanField"):
        return boolean_icon(value)
    if value is None:
        return empty_value_display
    if isinstance(value, datetime.datetime):
        return _format_datetime(value)
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    if internal == "DecimalField" and isinstance(value, decimal.Decimal):
        return text_type(value.quantize(decimal.Decimal(10) ** -field.decimal_places)) \
            if getattr(field, "decimal_places", None) is not None else text_type(value)
    if internal == "JSONField":
        return json.dumps(value, ensure_ascii=False)
    return display_for_value(value, empty_value_display)


def _format_datetime(value):
    """An aware datetime in the current time zone (activated, else TIME_ZONE), its zone abbreviated after it."""
    value = timezone.template_localtime(value)
    text = value.strftime("%Y-%m-%d %H:%M:%S")
    if value.utcoffset() is None:
        return text
    return "%s %s" % (text, value.tzname() or timezone.get_current_timezone_name())


def display_for_value(value, empty_value_display, boolean=False):
    """How the change list shows a computed value."""
    if boolean:
        return boolean_icon(value)
    if value is None:
        return empty_value_display
    if isinstance(value, bool):
        return text_type(value)
    if isinstance(value, datetime.datetime):
        return _format_datetime(value)
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return ", ".join(text_type(item) for item in value)
    return value if hasattr(value, "__html__") else text_type(value)


# --- what a deletion removes ---------------------------------------------------------------

class NestedObjects(Collector):
    """A Collector that loads every row a deletion reaches (no fast deletes) and notes PROTECT.

    ``nested()`` gives the objects as a tree (each object followed by the list of what it
    takes with it); ``protected`` holds the objects that forbid the deletion.
    """

    def __init__(self, *args, **kwargs):
        super(NestedObjects, self).__init__(*args, **kwargs)
        self.protected = set()
        self.model_objs = defaultdict(set)

    def can_fast_delete(self, *args, **kwargs):
        return False  # every row must be listed, so every row is read

    def collect(self, objs, source=None, nullable=False, **kwargs):
        objs = list(objs)
        for obj in objs:
            self.model_objs[type(obj)].add(obj)
        try:
            return super(NestedObjects, self).collect(objs, source=source, nullable=nullable, **kwargs)
        except models.ProtectedError as exc:
            self.protected.update(exc.protected_objects)
        except models.RestrictedError as exc:
            self.protected.update(exc.restricted_objects)

    def _parent_of(self, obj, collected):
        for field in obj._meta.concrete_fields:
            if field.is_relation and (field.many_to_one or field.one_to_one):
                key = getattr(obj, field.attname)
                target = collected.get((field.related_model, key))
                if target is not None and target is not obj:
                    return target
        return None

    def nested(self, format_callback=None):
        """The collected objects as nested lists: ``[root, [child, [grandchild]], root2, ...]``."""
        collected = {}
        ordered = []
        for model, instances in self.data.items():
            if model._meta.auto_created:
                continue  # many-to-many link rows are not shown
            for obj in instances:
                collected[(model, obj.pk)] = obj
                ordered.append(obj)
        children = defaultdict(list)
        roots = []
        for obj in ordered:
            parent = self._parent_of(obj, collected)
            if parent is None:
                roots.append(obj)
            else:
                children[id(parent)].append(obj)

        def walk(obj, seen):
            item = format_callback(obj) if format_callback else obj
            kids = []
            for child in children.get(id(obj), []):
                if id(child) not in seen:
                    seen.add(id(child))
                    kids.extend(walk(child, seen))
            return [item, kids] if kids else [item]

        result = []
        seen = set(id(obj) for obj in roots)
        for root in roots:
            result.extend(walk(root, seen))
        return result


def get_deleted_objects(objs, request, admin_site):
    """What deleting ``objs`` removes, for the confirmation page.

    Returns ``(to_delete, model_count, perms_needed, protected)``: the nested list of every
    object the cascade reaches (each linked to its change page when registered),
    ``{verbose_name_plural: count}``, the verbose names of models the user may not delete,
    and the objects whose PROTECT foreign keys forbid the deletion.
    """
    objs = list(objs)
    if not objs:
        return [], {}, set(), []
    using = getattr(objs[0]._state, "db", None) or "default"
    collector = NestedObjects(using=using, origin=objs)
    collector.collect(objs)
    perms_needed = set()

    def format_callback(obj):
        opts = obj._meta
        label = capfirst(text_type(opts.verbose_name))
        if not admin_site.is_registered(type(obj)):
            return "%s: %s" % (label, obj)
        if not admin_site.get_model_admin(type(obj)).has_delete_permission(request, obj):
            perms_needed.add(text_type(opts.verbose_name))
        url = admin_url_for(admin_site, obj)
        if url is None:
            return "%s: %s" % (label, obj)
        return format_html('{}: <a href="{}">{}</a>', label, url, obj)

    to_delete = collector.nested(format_callback)
    protected = [format_callback(obj) for obj in collector.protected]
    model_count = dict((text_type(model._meta.verbose_name_plural), len(instances))
                       for model, instances in collector.model_objs.items() if not model._meta.auto_created)
    return to_delete, model_count, perms_needed, protected


def nested_as_tree(nested):
    """Django's flat nested list (``[a, [a1, a2], b]``) as ``[(a, [(a1, []), (a2, [])]), (b, [])]``."""
    tree = []
    for item in nested:
        if isinstance(item, list) and tree:
            tree[-1] = (tree[-1][0], nested_as_tree(item))
        else:
            tree.append((item, []))
    return tree


def construct_change_message(form, formsets, add):
    """The JSON-ready change message of a save: ``[{"added": {}}]`` or ``[{"changed": {"fields": [...]}}]``."""
    changed_data = form.changed_data if form is not None else []
    change_message = []
    if add:
        change_message.append({"added": {}})
    elif changed_data:
        change_message.append({"changed": {"fields": [_field_label(form, name) for name in changed_data]}})
    for formset in formsets or []:
        for added_object in getattr(formset, "new_objects", []):
            change_message.append({"added": {
                "name": text_type(added_object._meta.verbose_name), "object": text_type(added_object)}})
        for changed_object, changed_fields in getattr(formset, "changed_objects", []):
            form_for_object = next((f for f in formset.initial_forms if f.instance is changed_object), None)
            change_message.append({"changed": {
                "name": text_type(changed_object._meta.verbose_name), "object": text_type(changed_object),
                "fields": [_field_label(form_for_object, name) for name in changed_fields]}})
        for deleted_object in getattr(formset, "deleted_objects", []):
            change_message.append({"deleted": {
                "name": text_type(deleted_object._meta.verbose_name), "object": text_type(deleted_object)}})
    return change_message


def _field_label(form, name):
    if form is not None and name in form.fields and form.fields[name].label:
        return text_type(form.fields[name].label)
    return name


def admin_templates(opts, name):
    """The templates a page of ``opts``'s model looks for: per model, per app, the admin's own."""
    return ["admin/%s/%s/%s" % (opts.app_label, opts.model_name, name), "admin/%s/%s" % (opts.app_label, name),
            "admin/%s" % name]


def admin_url_for(admin_site, obj, action="change"):
    """The admin URL of ``obj``'s ``action`` page on ``admin_site``, or None if it has none."""
    opts = obj._meta
    try:
        return reverse("%s:%s_%s_%s" % (admin_site.name, opts.app_label, opts.model_name, action),
                       args=(quote(obj.pk),))
    except NoReverseMatch:
        return None
