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
    """The models of ``app_list`` ([(app_config, [models])]) ordered so that each comes after
    the models it refers to: natural-key dependencies, foreign keys and many-to-many targets.

    A cycle raises RuntimeError, unless ``allow_cycles`` (the models of the cycle then keep
    their given order).
    """
    models = []
    for app_config, model_list in app_list:
        if model_list is None:
            model_list = app_config.get_models()
        for model in model_list:
            if model not in models:
                models.append(model)
    dependencies = {}
    for model in models:
        deps = set()
        natural_key = getattr(model, "natural_key", None)
        for label in getattr(natural_key, "dependencies", ()):
            deps.add(apps.get_model(label))
        for field in model._meta.local_fields + model._meta.local_many_to_many:
            remote = getattr(field, "remote_field", None)
            if remote is not None and getattr(remote, "model", None) is not None and not isinstance(remote.model, string_types):
                if remote.model is not model:
                    deps.add(remote.model)
        dependencies[model] = set(dep for dep in deps if dep in models)
    ordered = []
    pending = list(models)
    while pending:
        ready = [model for model in pending if dependencies[model].issubset(ordered)]
        if not ready:
            if not allow_cycles:
                raise RuntimeError("Can't resolve dependencies for %s in serialized app list."
                                   % ", ".join(sorted("%s.%s" % (m._meta.app_label, m._meta.object_name)
                                                      for m in pending)))
            ready = [pending[0]]
        for model in ready:
            ordered.append(model)
            pending.remove(model)
    return ordered
