"""The ``jsonl`` format: one JSON object per line (JSON Lines), written and read as a stream."""
from __future__ import absolute_import, unicode_literals

import json

from pyframework.core.serializers import base
from pyframework.core.serializers.json import Serializer as JSONSerializer
from pyframework.core.serializers.python import Deserializer as PythonDeserializer
from pyframework.utils.compat import binary_type, string_types


class Serializer(JSONSerializer):
    """Convert a queryset to JSON Lines: the JSON serializer's options, one object a line."""

    def _json_separators(self):
        self.json_kwargs.pop("indent", None)  # one line per object, whatever was asked
        self.json_kwargs["separators"] = (",", ": ")

    def start_serialization(self):
        self._init_options()

    def end_serialization(self):
        pass

    def end_object(self, obj):
        self.stream.write(json.dumps(self.get_dump_object(obj), **self.json_kwargs))
        self.stream.write("\n")
        self._current = None


def Deserializer(stream_or_string, **options):
    """DeserializedObjects from JSON Lines (text, bytes or a stream of lines)."""
    if isinstance(stream_or_string, binary_type):
        stream_or_string = stream_or_string.decode("utf-8")
    if isinstance(stream_or_string, string_types):
        stream_or_string = stream_or_string.split("\n")
    for line in stream_or_string:
        if isinstance(line, binary_type):
            line = line.decode("utf-8")
        if not line.strip():
            continue
        try:
            for obj in PythonDeserializer([json.loads(line)], **options):
                yield obj
        except (GeneratorExit, base.DeserializationError):
            raise
        except Exception as exc:
            raise base.DeserializationError(exc)
