"""The ``json`` format: one JSON array of objects (``indent=`` for people)."""
from __future__ import absolute_import, unicode_literals

import json

from pyframework.core.serializers import base
from pyframework.core.serializers.python import Deserializer as PythonDeserializer
from pyframework.core.serializers.python import Serializer as PythonSerializer
from pyframework.utils.compat import binary_type, string_types
from pyframework.utils.json import JSONEncoder as DjangoJSONEncoder  # noqa: F401 - Django's name, too


class Serializer(PythonSerializer):
    """Convert a queryset to JSON."""

    internal_use_only = False

    def _init_options(self):
        self._current = None
        self.json_kwargs = dict(self.options)
        self.json_kwargs.pop("stream", None)
        self.json_kwargs.pop("fields", None)
        self._json_separators()
        self.json_kwargs.setdefault("cls", DjangoJSONEncoder)
        self.json_kwargs.setdefault("ensure_ascii", False)

    def _json_separators(self):
        if self.options.get("indent"):
            # No trailing spaces after the item separator.
            self.json_kwargs["separators"] = (",", ": ")

    def start_serialization(self):
        self._init_options()
        self.stream.write("[")

    def end_serialization(self):
        if self.options.get("indent"):
            self.stream.write("\n")
        self.stream.write("]")
        if self.options.get("indent"):
            self.stream.write("\n")

    def end_object(self, obj):
        indent = self.options.get("indent")
        if not self.first:
            self.stream.write(",")
            if not indent:
                self.stream.write(" ")
        if indent:
            self.stream.write("\n")
        self.stream.write(json.dumps(self.get_dump_object(obj), **self.json_kwargs))
        self._current = None

    def getvalue(self):
        # Grandparent's: the text, not the Python serializer's object list.
        return base.Serializer.getvalue(self)


def Deserializer(stream_or_string, **options):
    """DeserializedObjects from a JSON text, bytes or stream."""
    if not isinstance(stream_or_string, (binary_type,) + string_types):
        stream_or_string = stream_or_string.read()
    if isinstance(stream_or_string, binary_type):
        stream_or_string = stream_or_string.decode("utf-8")
    try:
        objects = json.loads(stream_or_string)
    except ValueError as exc:
        raise base.DeserializationError(exc)
    try:
        for obj in PythonDeserializer(objects, **options):
            yield obj
    except (GeneratorExit, base.DeserializationError):
        raise
    except Exception as exc:
        raise base.DeserializationError(exc)
