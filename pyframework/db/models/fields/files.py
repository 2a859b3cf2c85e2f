"""FileField and ImageField: a file kept in a storage, its name in a varchar column.

The attribute is a FieldFile (``instance.doc.url``, ``.path``, ``.size``, ``.open()``,
``.save(name, content)``, ``.delete()``); assigning a File (an upload, a ContentFile) stores it
in the field's storage when the instance is saved, under a name built from ``upload_to``.
"""
from __future__ import absolute_import, unicode_literals

import datetime
import posixpath

from pyframework.core.files.base import File
from pyframework.core.files.images import ImageFile
from pyframework.core.files.storage import Storage, default_storage
from pyframework.core.files.utils import validate_file_name
from pyframework.db.models import signals
from pyframework.db.models.fields import Field
from pyframework.db.models.query_utils import DeferredAttribute
from pyframework.utils.compat import string_types, text_type


def _name_or_none(value):
    """A stored file name as text for the query (a FieldFile or File gives its name)."""
    if value is None or hasattr(value, "resolve_expression"):
        return value
    return text_type(value)


class FieldFile(File):
    """The value of a FileField on an instance: a File bound to its storage and instance.

    It compares equal to its name; ``bool()`` is False when no file is set. Reading it opens
    the stored file lazily.
    """

    def __init__(self, instance, field, name):
        super(FieldFile, self).__init__(None, name)
        self.instance = instance
        self.field = field
        self.storage = field.storage
        self._committed = True

    def __eq__(self, other):
        if hasattr(other, "name"):
            return self.name == other.name
        return self.name == other

    def __ne__(self, other):
        return not self == other

    def __hash__(self):
        return hash(self.name)

    def _require_file(self):
        if not self:
            raise ValueError("The '%s' attribute has no file associated with it." % self.field.name)

    def _get_file(self):
        self._require_file()
        if getattr(self, "_file", None) is None:
            self._file = self.storage.open(self.name, "rb")
        return self._file

    def _set_file(self, file):
        self._file = file

    def _del_file(self):
        del self._file

    file = property(_get_file, _set_file, _del_file)

    @property
    def path(self):
        self._require_file()
        return self.storage.path(self.name)

    @property
    def url(self):
        self._require_file()
        return self.storage.url(self.name)

    @property
    def size(self):
        self._require_file()
        if not self._committed:
            return self.file.size
        return self.storage.size(self.name)

    def open(self, mode="rb"):
        self._require_file()
        if getattr(self, "_file", None) is None:
            self.file = self.storage.open(self.name, mode)
        else:
            self.file.open(mode)
        return self

    # File.open() would reopen by path; a FieldFile reopens through its storage.
    open.alters_data = True

    def save(self, name, content, save=True):
        """Store ``content`` under a name made from ``name`` and ``upload_to``; the instance is
        saved too unless ``save=False``."""
        name = self.field.generate_filename(self.instance, name)
        self.name = self.storage.save(name, content, max_length=self.field.max_length)
        setattr(self.instance, self.field.attname, self.name)
        self._committed = True
        if save:
            self.instance.save()

    save.alters_data = True

    def delete(self, save=True):
        """Remove the file from the storage and clear the field (the instance is saved unless
        ``save=False``)."""
        if not self:
            return
        if hasattr(self, "_file"):
            self.close()
            del self.file
        self.storage.delete(self.name)
        self.name = None
        setattr(self.instance, self.field.attname, self.name)
        self._committed = False
        if save:
            self.instance.save()

    delete.alters_data = True

    @property
    def closed(self):
        file = getattr(self, "_file", None)
        return file is None or file.closed

    def close(self):
        file = getattr(self, "_file", None)
        if file is not None:
            file.close()

    def __getstate__(self):
        # The open file is not pickled; the storage is the field's again after unpickling.
        return {"name": self.name, "closed": False, "_committed": True, "_file": None,
                "instance": self.instance, "field": self.field}

    def __setstate__(self, state):
        self.__dict__.update(state)
        self.storage = self.field.storage


class FileDescriptor(DeferredAttribute):
    """Gives ``instance.<field>`` as a FieldFile whatever was assigned (a name, a File, None)."""

    def __get__(self, instance, cls=None):
        if instance is None:
            return self
        value = super(FileDescriptor, self).__get__(instance, cls)
        name = self.field.attname
        if value is None or isinstance(value, string_types):
            instance.__dict__[name] = self.field.attr_class(instance, self.field, value)
        elif isinstance(value, File) and not isinstance(value, FieldFile):
            # A new file (an upload, a ContentFile): stored when the instance is saved.
            field_file = self.field.attr_class(instance, self.field, value.name)
            field_file.file = value
            field_file._committed = False
            instance.__dict__[name] = field_file
        elif isinstance(value, FieldFile):
            if not hasattr(value, "field"):  # unpickled
                value.field = self.field
                value.storage = self.field.storage
            value.instance = instance
        return instance.__dict__[name]

    def __set__(self, instance, value):
        instance.__dict__[self.field.attname] = value


class FileField(Field):
    """A file in ``storage`` (default: ``default_storage``), its name in a varchar column.

    ``upload_to`` is a folder (``strftime`` patterns allowed: ``"docs/%Y/%m"``) or a function
    ``(instance, filename) -> name``; ``storage`` may be a Storage or a callable returning one
    (kept as the callable in migrations). ``max_length`` defaults to 100.
    """

    attr_class = FieldFile
    descriptor_class = FileDescriptor
    form_class_name = "FileField"

    def __init__(self, verbose_name=None, name=None, upload_to="", storage=None, **kwargs):
        if kwargs.get("primary_key"):
            raise TypeError("'primary_key' is not a valid argument for a %s." % type(self).__name__)
        self.storage = storage or default_storage
        if callable(self.storage):
            self._storage_callable = self.storage
            self.storage = self.storage()
            if not isinstance(self.storage, Storage):
                raise TypeError("%s.storage must be a subclass/instance of %s.%s"
                                % (type(self).__name__, Storage.__module__, Storage.__name__))
        self.upload_to = upload_to
        kwargs.setdefault("max_length", 100)
        super(FileField, self).__init__(verbose_name, name, **kwargs)

    def get_internal_type(self):
        return "FileField"

    def get_prep_value(self, value):
        return _name_or_none(super(FileField, self).get_prep_value(value))

    def pre_save(self, model_instance, add):
        file = super(FileField, self).pre_save(model_instance, add)
        if file and not file._committed:
            file.save(file.name, file.file, save=False)  # store it before the row is written
        return file

    def contribute_to_class(self, cls, name, private_only=False):
        super(FileField, self).contribute_to_class(cls, name, private_only=private_only)
        setattr(cls, self.attname, self.descriptor_class(self))

    def generate_filename(self, instance, filename):
        """The storage name for ``filename`` uploaded to ``instance``: ``upload_to`` applied,
        then the storage's own cleaning."""
        if callable(self.upload_to):
            filename = self.upload_to(instance, filename)
        else:
            dirname = datetime.datetime.now().strftime(str(self.upload_to))
            filename = posixpath.join(dirname, filename)
        filename = validate_file_name(filename, allow_relative_path=True)
        return self.storage.generate_filename(filename)

    def value_to_string(self, obj):
        value = self.value_from_object(obj)
        return "" if value is None else text_type(value.name or "")

    def save_form_data(self, instance, data):
        # None: nothing submitted, keep the file; False: the "clear" box was ticked.
        if data is not None:
            setattr(instance, self.name, data or "")

    def formfield(self, **kwargs):
        defaults = {"max_length": self.max_length}
        defaults.update(kwargs)
        return super(FileField, self).formfield(**defaults)

    def deconstruct(self):
        name, path, args, kwargs = super(FileField, self).deconstruct()
        if kwargs.get("max_length") == 100:
            del kwargs["max_length"]
        kwargs["upload_to"] = self.upload_to
        storage = getattr(self, "_storage_callable", self.storage)
        if storage is not default_storage:
            kwargs["storage"] = storage
        return name, path, args, kwargs


class ImageFieldFile(ImageFile, FieldFile):
    """The value of an ImageField: a FieldFile with ``width`` and ``height`` (needs Pillow)."""

    def delete(self, save=True):
        self.__dict__.pop("_dimensions_cache", None)
        super(ImageFieldFile, self).delete(save)


class ImageFileDescriptor(FileDescriptor):
    """Also refreshes the width/height fields when another image is assigned."""

    def __set__(self, instance, value):
        previous = instance.__dict__.get(self.field.attname)
        super(ImageFileDescriptor, self).__set__(instance, value)
        # On the first assignment (Model.__init__) the dimension fields may not be set yet:
        # post_init fills them then.
        if previous is not None:
            self.field.update_dimension_fields(instance, force=True)


class ImageField(FileField):
    """A FileField for images; ``width_field`` / ``height_field`` name integer fields of the
    model kept equal to the image's size (reading the size needs Pillow)."""

    attr_class = ImageFieldFile
    descriptor_class = ImageFileDescriptor
    form_class_name = "ImageField"

    def __init__(self, verbose_name=None, name=None, width_field=None, height_field=None, **kwargs):
        self.width_field, self.height_field = width_field, height_field
        super(ImageField, self).__init__(verbose_name, name, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super(ImageField, self).deconstruct()
        if self.width_field:
            kwargs["width_field"] = self.width_field
        if self.height_field:
            kwargs["height_field"] = self.height_field
        return name, path, args, kwargs

    def contribute_to_class(self, cls, name, private_only=False):
        super(ImageField, self).contribute_to_class(cls, name, private_only=private_only)
        if not cls._meta.abstract and (self.width_field or self.height_field):
            signals.post_init.connect(self.update_dimension_fields, sender=cls)

    def update_dimension_fields(self, instance, force=False, *args, **kwargs):
        """Set the width/height fields from the image (None without one); unless ``force``,
        only when the image is set and a dimension field is still empty."""
        if not (self.width_field or self.height_field) or self.attname not in instance.__dict__:
            return
        file = getattr(instance, self.attname)
        if not file and not force:
            return
        filled = not ((self.width_field and not getattr(instance, self.width_field)) or
                      (self.height_field and not getattr(instance, self.height_field)))
        if filled and not force:
            return
        width, height = (file.width, file.height) if file else (None, None)
        if self.width_field:
            setattr(instance, self.width_field, width)
        if self.height_field:
            setattr(instance, self.height_field, height)


class FilePathField(Field):
    """A path chosen among the files (or folders) under ``path`` on the server, stored as text.

    ``path`` may be a callable (evaluated when the form field is made); ``match``,
    ``recursive``, ``allow_files`` and ``allow_folders`` are handed to the form field
    (forms.FilePathField) that lists the choices. ``max_length`` defaults to 100.
    """

    form_class_name = "FilePathField"

    def __init__(self, verbose_name=None, name=None, path="", match=None, recursive=False,
                 allow_files=True, allow_folders=False, **kwargs):
        self.path, self.match, self.recursive = path, match, recursive
        self.allow_files, self.allow_folders = allow_files, allow_folders
        kwargs.setdefault("max_length", 100)
        super(FilePathField, self).__init__(verbose_name, name, **kwargs)

    def get_internal_type(self):
        return "FilePathField"

    def get_prep_value(self, value):
        return _name_or_none(super(FilePathField, self).get_prep_value(value))

    def formfield(self, **kwargs):
        defaults = {"path": self.path() if callable(self.path) else self.path, "match": self.match,
                    "recursive": self.recursive, "allow_files": self.allow_files,
                    "allow_folders": self.allow_folders}
        defaults.update(kwargs)
        return super(FilePathField, self).formfield(**defaults)

    def deconstruct(self):
        name, path, args, kwargs = super(FilePathField, self).deconstruct()
        for option, default in (("path", ""), ("match", None), ("recursive", False),
                                ("allow_files", True), ("allow_folders", False)):
            if getattr(self, option) != default:
                kwargs[option] = getattr(self, option)
        if kwargs.get("max_length") == 100:
            del kwargs["max_length"]
        return name, path, args, kwargs
