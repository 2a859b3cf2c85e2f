"""The ``xml`` format, the document shape Django writes (so fixtures move between the two)::

    <?xml version="1.0" encoding="utf-8"?>
    <django-objects version="1.0">
      <object model="blog.post" pk="1">
        <field name="title" type="CharField">Hello</field>
        <field name="author" rel="ManyToOneRel" to="blog.author">3</field>
        <field name="tags" rel="ManyToManyRel" to="blog.tag"><object pk="2"></object></field>
      </object>
    </django-objects>

``<None></None>`` is a NULL; natural keys are ``<natural>`` elements.
"""
from __future__ import absolute_import, unicode_literals

from collections import OrderedDict
from xml.dom import minidom
from xml.sax.saxutils import XMLGenerator

from pyframework.core.serializers import base
from pyframework.core.serializers.python import _get_model
from pyframework.db import DEFAULT_DB_ALIAS, models
from pyframework.utils.compat import binary_type, string_types, text_type


class SimplerXMLGenerator(XMLGenerator):
    def addQuickElement(self, name, contents=None, attrs=None):
        """An element with text content in one call."""
        self.startElement(name, attrs or {})
        if contents is not None:
            self.characters(contents)
        self.endElement(name)


class Serializer(base.Serializer):
    """Serialize a QuerySet to XML."""

    def indent(self, level):
        if self.options.get("indent") is not None:
            self.xml.ignorableWhitespace("\n" + " " * self.options.get("indent") * level)

    def start_serialization(self):
        self.xml = SimplerXMLGenerator(self.stream, self.options.get("encoding", "utf-8"))
        self.xml.startDocument()
        self.xml.startElement("django-objects", {"version": "1.0"})

    def end_serialization(self):
        self.indent(0)
        self.xml.endElement("django-objects")
        self.xml.endDocument()

    def start_object(self, obj):
        if not hasattr(obj, "_meta"):
            raise base.SerializationError("Non-model object (%s) encountered during serialization" % type(obj))
        self.indent(1)
        attrs = _attrs(("model", text_type(obj._meta.label_lower)))
        if not self.use_natural_primary_keys or not hasattr(obj, "natural_key"):
            obj_pk = obj.pk
            if obj_pk is not None:
                attrs["pk"] = obj._meta.pk.value_to_string(obj)
        self.xml.startElement("object", attrs)

    def end_object(self, obj):
        self.indent(1)
        self.xml.endElement("object")

    def handle_field(self, obj, field):
        self.indent(2)
        self.xml.startElement("field", _attrs(("name", field.name), ("type", field.get_internal_type())))
        if getattr(obj, field.get_attname()) is not None:
            value = field.value_to_string(obj)
            if field.get_internal_type() == "JSONField" and not isinstance(value, string_types):
                value = text_type(value)
            self.xml.characters(value)
        else:
            self.xml.addQuickElement("None")
        self.xml.endElement("field")

    def handle_fk_field(self, obj, field):
        self._start_relational_field(field)
        related_att = getattr(obj, field.get_attname())
        if related_att is not None:
            if self.use_natural_foreign_keys and hasattr(field.remote_field.model, "natural_key"):
                related = getattr(obj, field.name)
                for key_value in related.natural_key():
                    self.xml.startElement("natural", {})
                    self.xml.characters(text_type(key_value))
                    self.xml.endElement("natural")
            else:
                self.xml.characters(text_type(related_att))
        else:
            self.xml.addQuickElement("None")
        self.xml.endElement("field")

    def handle_m2m_field(self, obj, field):
        if not field.remote_field.through._meta.auto_created:
            return
        self._start_relational_field(field)
        natural = self.use_natural_foreign_keys and hasattr(field.remote_field.model, "natural_key")
        for related in getattr(obj, field.name).all():
            if natural:
                self.xml.startElement("object", {})
                for key_value in related.natural_key():
                    self.xml.startElement("natural", {})
                    self.xml.characters(text_type(key_value))
                    self.xml.endElement("natural")
                self.xml.endElement("object")
            else:
                self.xml.addQuickElement("object", attrs={"pk": text_type(related._get_pk_val())})
        self.xml.endElement("field")

    def getvalue(self):
        value = super(Serializer, self).getvalue()
        if isinstance(value, binary_type):
            # Python 2's XMLGenerator writes encoded bytes: the serialized text is text everywhere.
            value = value.decode(self.options.get("encoding", "utf-8"))
        return value

    def _start_relational_field(self, field):
        self.indent(2)
        self.xml.startElement("field", _attrs(
            ("name", field.name), ("rel", field.remote_field.__class__.__name__),
            ("to", text_type(field.remote_field.model._meta.label_lower))))


class Deserializer(base.Deserializer):
    """DeserializedObjects from an XML document (text, bytes or a stream)."""

    def __init__(self, stream_or_string, **options):
        super(Deserializer, self).__init__(stream_or_string, **options)
        self.handle_forward_references = options.pop("handle_forward_references", False)
        self.db = options.pop("using", DEFAULT_DB_ALIAS)
        self.ignore = options.pop("ignorenonexistent", False)
        data = stream_or_string if isinstance(stream_or_string, (binary_type,) + string_types) \
            else stream_or_string.read()
        if isinstance(data, text_type):
            data = data.encode("utf-8")
        try:
            document = minidom.parseString(data)
        except Exception as exc:  # noqa: BLE001 - expat's errors differ between runtimes
            raise base.DeserializationError("Invalid XML: %s" % exc)
        self._objects = iter([node for node in document.documentElement.childNodes
                              if node.nodeType == node.ELEMENT_NODE and node.nodeName == "object"])

    def __next__(self):
        while True:
            node = next(self._objects)
            obj = self._handle_object(node)
            if obj is not None:
                return obj

    next = __next__

    def _handle_object(self, node):
        try:
            Model = self._get_model_from_node(node, "model")
        except base.DeserializationError:
            if self.ignore:
                return None
            raise
        data = {}
        if node.hasAttribute("pk"):
            data[Model._meta.pk.attname] = Model._meta.pk.to_python(node.getAttribute("pk"))
        m2m_data = {}
        deferred_fields = {}
        field_names = set(f.name for f in Model._meta.get_fields())
        for field_node in node.getElementsByTagName("field"):
            if field_node.parentNode is not node:
                continue
            field_name = field_node.getAttribute("name")
            if not field_name:
                raise base.DeserializationError("<field> node is missing the 'name' attribute")
            if self.ignore and field_name not in field_names:
                continue
            field = Model._meta.get_field(field_name)
            if field.remote_field and isinstance(field.remote_field, models.ManyToManyRel):
                value = self._handle_m2m_field_node(field_node, field)
                if value is base.DEFER_FIELD:
                    deferred_fields[field] = [[_inner_text(n) for n in o.getElementsByTagName("natural")]
                                              for o in field_node.getElementsByTagName("object")]
                else:
                    m2m_data[field.name] = value
            elif field.remote_field and isinstance(field.remote_field, models.ManyToOneRel):
                value = self._handle_fk_field_node(field_node, field)
                if value is base.DEFER_FIELD:
                    deferred_fields[field] = [_inner_text(n) for n in field_node.getElementsByTagName("natural")]
                else:
                    data[field.attname] = value
            else:
                if field_node.getElementsByTagName("None"):
                    value = None
                else:
                    value = field.to_python(_inner_text(field_node).strip()
                                            if field.get_internal_type() not in ("CharField", "TextField")
                                            else _inner_text(field_node))
                data[field.name] = value
        obj = base.build_instance(Model, data, self.db)
        return base.DeserializedObject(obj, m2m_data, deferred_fields)

    def _handle_fk_field_node(self, node, field):
        if node.getElementsByTagName("None"):
            return None
        model = field.remote_field.model
        keys = node.getElementsByTagName("natural")
        if keys and hasattr(model._default_manager, "get_by_natural_key"):
            field_value = [_inner_text(k) for k in keys]
            return base.deserialize_fk_value(field, field_value, self.db, self.handle_forward_references)
        return model._meta.get_field(field.remote_field.field_name).to_python(_inner_text(node).strip())

    def _handle_m2m_field_node(self, node, field):
        values = []
        for obj_node in node.getElementsByTagName("object"):
            keys = obj_node.getElementsByTagName("natural")
            if keys:
                values.append([_inner_text(k) for k in keys])
            else:
                values.append(obj_node.getAttribute("pk"))
        try:
            return base.deserialize_m2m_values(field, values, self.db, self.handle_forward_references)
        except base.M2MDeserializationError as exc:
            raise base.DeserializationError.WithData(exc.original_exc, field.model._meta.label_lower, None, exc.pk)

    def _get_model_from_node(self, node, attr):
        model_identifier = node.getAttribute(attr)
        if not model_identifier:
            raise base.DeserializationError("<%s> node is missing the required '%s' attribute"
                                            % (node.nodeName, attr))
        return _get_model(model_identifier)


def _attrs(*pairs):
    """Attributes in the order given (Python 2's dicts would shuffle them)."""
    return OrderedDict(pairs)


def _inner_text(node):
    """The text inside ``node`` and its descendants."""
    parts = []
    for child in node.childNodes:
        if child.nodeType in (child.TEXT_NODE, child.CDATA_SECTION_NODE):
            parts.append(child.data)
        elif child.nodeType == child.ELEMENT_NODE:
            parts.append(_inner_text(child))
    return "".join(parts)
