"""Model instances to and from text: ``serialize("json", queryset)`` and ``deserialize("json", text)``.

Formats: ``json``, ``jsonl`` (one object a line), ``xml`` and ``python`` (lists of dicts,
what the others build on). ``SERIALIZATION_MODULES = {"yaml": "path.to.module"}`` adds
formats. The ``dumpdata`` and ``loaddata`` commands, ``TestCase.fixtures`` and
``serialized_rollback`` use them. Natural keys work both ways:
``use_natural_foreign_keys`` / ``use_natural_primary_keys`` when serializing, and
``get_by_natural_key()`` when loading.
"""
from __future__ import absolute_import, unicode_literals

import importlib

from pyframework.apps import apps
from pyframework.conf import settings
from pyframework.core.serializers.base import (  # noqa: F401
    DeserializationError, DeserializedObject, M2MDeserializationError, SerializationError,
    SerializerDoesNotExist,
)
from pyframework.utils.compat import string_types

BUILTIN_SERIALIZERS = {
    "xml": "pyframework.core.serializers.xml_serializer",
    "python": "pyframework.core.serializers.python",
    "json": "pyframework.core.serializers.json",
    "jsonl": "pyframework.core.serializers.jsonl",
}

_serializers = {}


class BadSerializer(object):
    """Stands in for a serializer whose module failed to import: using it raises that error."""

    internal_use_only = False

    def __init__(self, exception):
        self.exception = exception

    def __call__(self, *args, **kwargs):
        raise self.exception


def register_serializer(format, serializer_module, serializers=None):
    """Register the module ``serializer_module`` (with ``Serializer`` and ``Deserializer``) as ``format``."""
    if serializers is None and not _serializers:
        _load_serializers()
    try:
        module = importlib.import_module(serializer_module)
    except ImportError as exc:
        bad = BadSerializer(exc)
        module = type(str("BadSerializerModule"), (), {"Deserializer": bad, "Serializer": bad})
    target = _serializers if serializers is None else serializers
    target[format] = module


def unregister_serializer(format):
    if not _serializers:
        _load_serializers()
    if format not in _serializers:
        raise SerializerDoesNotExist(format)
    del _serializers[format]


def get_serializer(format):
    if not _serializers:
        _load_serializers()
    if format not in _serializers:
        raise SerializerDoesNotExist(format)
    return _serializers[format].Serializer


def get_serializer_formats():
    if not _serializers:
        _load_serializers()
    return list(_serializers)


def get_public_serializer_formats():
    if not _serializers:
        _load_serializers()
    return [name for name, module in _serializers.items() if not module.Serializer.internal_use_only]


def get_deserializer(format):
    if not _serializers:
        _load_serializers()
    if format not in _serializers:
        raise SerializerDoesNotExist(format)
    return _serializers[format].Deserializer


def serialize(format, queryset, **options):
    """``queryset`` (any iterable of model instances) in ``format``; ``stream=`` writes there instead."""
    serializer = get_serializer(format)()
    serializer.serialize(queryset, **options)
    return serializer.getvalue()


def deserialize(format, stream_or_string, **options):
    """An iterator of DeserializedObject (call ``.save()`` on each) read from a stream or a string."""
    return get_deserializer(format)(stream_or_string, **options)


def _load_serializers():
    serializers = {}
    for format in BUILTIN_SERIALIZERS:
        register_serializer(format, BUILTIN_SERIALIZERS[format], serializers)
    for format, module in (getattr(settings, "SERIALIZATION_MODULES", None) or {}).items():
        register_serializer(format, module, serializers)
    _serializers.update(serializers)


def sort_dependencies(app_list, allow_cycles=False):
    """The models of ``app_list`` ([(app_config, [models])]) ordered for loading.

    As in Django, a model must come after the models it needs by natural key: those named in
    ``natural_key.dependencies`` and the targets of its foreign keys and auto-created
    many-to-many fields that define ``natural_key()``. A cycle among those raises
    RuntimeError, unless ``allow_cycles`` (the cycle is then broken where it closes).
    Other foreign keys only order the models where they can: primary-key references do not
    need their targets first, so a cycle of them (a parent with a ``best_child``) is legal.
    """
    models = []
    for app_config, model_list in app_list:
        if model_list is None:
            model_list = app_config.get_models()
        for model in model_list:
            if model not in models:
                models.append(model)
    required, preferred = {}, {}
    for model in models:
        needs, likes = _model_dependencies(model)
        required[model] = [dep for dep in models if dep in needs]
        preferred[model] = [dep for dep in models if dep in likes]
    if not allow_cycles:
        _check_no_cycle(models, required)
    # Depth first, each model after what it refers to; an edge back into the models being
    # visited closes a cycle, which is where the cycle is broken.
    ordered, done, visiting = [], set(), set()
    for model in models:
        stack = [(model, iter(required[model] + preferred[model]))]
        visiting.add(model)
        while stack:
            current, deps = stack[-1]
            for dep in deps:
                if dep not in done and dep not in visiting:
                    visiting.add(dep)
                    stack.append((dep, iter(required[dep] + preferred[dep])))
                    break
            else:
                stack.pop()
                visiting.discard(current)
                if current not in done:
                    done.add(current)
                    ordered.append(current)
    return ordered


def _check_no_cycle(models, required):
    """RuntimeError naming the models that natural-key dependencies leave unordered."""
    placed, pending = set(), list(models)
    while pending:
        ready = [model for model in pending if placed.issuperset(required[model])]
        if not ready:
            raise RuntimeError("Can't resolve dependencies for %s in serialized app list."
                               % ", ".join(sorted("%s.%s" % (m._meta.app_label, m._meta.object_name)
                                                  for m in pending)))
        placed.update(ready)
        pending = [model for model in pending if model not in placed]


def _model_dependencies(model):
    """(models needed first because of natural keys, models referred to by primary key)."""
    needs, likes = set(), set()
    natural_key = getattr(model, "natural_key", None)
    for label in getattr(natural_key, "dependencies", ()):
        needs.add(model._meta.apps.get_model(label))
    for field in model._meta.local_fields + model._meta.local_many_to_many:
        remote = getattr(field, "remote_field", None)
        target = getattr(remote, "model", None)
        if target is None or isinstance(target, string_types) or target is model:
            continue
        through = getattr(remote, "through", None)
        if getattr(field, "many_to_many", False) and through is not None and not isinstance(
                through, string_types) and not through._meta.auto_created:
            continue  # rows of an explicit through model are loaded as objects of their own
        if hasattr(target, "natural_key"):
            needs.add(target)
        else:
            likes.add(target)
    return needs, likes
