"""FileField / ImageField / FilePathField: files kept in a storage, names in the database."""
from __future__ import unicode_literals

import datetime
import os
import shutil
import tempfile

import pytest

from pyframework import forms
from pyframework.core.files.base import ContentFile
from pyframework.core.files.storage import FileSystemStorage, default_storage
from pyframework.db import models
from pyframework.db.models.fields.files import FieldFile
from pyframework.db.migrations.serializer import serialize

FOLDER = tempfile.mkdtemp()
storage = FileSystemStorage(location=FOLDER, base_url="/media/")


def upload_path(instance, filename):
    return "by-title/%s/%s" % (instance.title, filename)


def get_storage():
    return storage


class Document(models.Model):
    title = models.CharField(max_length=20)
    attachment = models.FileField(storage=storage, upload_to="docs/%Y", blank=True)
    scan = models.FileField(storage=get_storage, upload_to=upload_path, max_length=200, blank=True, null=True)
    picture = models.ImageField(storage=storage, blank=True)

    class Meta:
        app_label = "dbm_files"


@pytest.fixture
def documents(db, create_tables):
    create_tables(Document)
    yield
    for name in os.listdir(FOLDER):
        path = os.path.join(FOLDER, name)
        shutil.rmtree(path) if os.path.isdir(path) else os.remove(path)


def test_a_new_file_is_stored_on_save_and_read_back(documents):
    doc = Document(title="plan")
    doc.attachment = ContentFile(b"first draft", name="plan v1.txt")
    assert not doc.attachment._committed
    doc.save()
    year = datetime.datetime.now().strftime("%Y")
    assert doc.attachment.name == "docs/%s/plan_v1.txt" % year
    assert os.path.isfile(os.path.join(FOLDER, "docs", year, "plan_v1.txt"))
    loaded = Document.objects.get(pk=doc.pk)
    assert isinstance(loaded.attachment, FieldFile)
    assert loaded.attachment == "docs/%s/plan_v1.txt" % year
    assert loaded.attachment.url == "/media/docs/%s/plan_v1.txt" % year
    assert loaded.attachment.size == len(b"first draft")
    with loaded.attachment.open() as handle:
        assert handle.read() == b"first draft"
    assert Document.objects.filter(attachment="docs/%s/plan_v1.txt" % year).count() == 1
    assert not loaded.scan and not loaded.picture and loaded.picture.name == ""
    with pytest.raises(ValueError) as info:
        loaded.scan.url
    assert "'scan' attribute has no file associated with it" in str(info.value)


def test_field_file_save_and_delete_with_a_callable_upload_to(documents):
    doc = Document.objects.create(title="memo")
    doc.scan.save("page 1.txt", ContentFile(b"scanned"))
    assert doc.scan.name == "by-title/memo/page_1.txt"
    assert Document.objects.get(pk=doc.pk).scan == "by-title/memo/page_1.txt"
    doc.scan.save("page 1.txt", ContentFile(b"again"), save=False)
    assert doc.scan.name != "by-title/memo/page_1.txt"  # the first one is kept
    path = doc.scan.path
    doc.scan.delete()
    assert not os.path.exists(path)
    assert not Document.objects.get(pk=doc.pk).scan


def test_deconstruct_and_migration_source():
    name, path, args, kwargs = Document._meta.get_field("attachment").deconstruct()
    assert path == "pyframework.db.models.FileField"
    assert kwargs == {"upload_to": "docs/%Y", "storage": storage, "blank": True}
    scan = Document._meta.get_field("scan").deconstruct()[3]
    assert scan["storage"] is get_storage and scan["max_length"] == 200 and scan["upload_to"] is upload_path
    plain = models.FileField().deconstruct()[3]
    assert plain == {"upload_to": ""}  # default_storage and max_length 100 are left out
    assert models.FileField().storage is default_storage
    source, imports = serialize(storage)
    assert "FileSystemStorage(" in source and "location=" in source
    with pytest.raises(TypeError):
        models.FileField(primary_key=True)
    with pytest.raises(TypeError):
        models.FileField(storage=lambda: "not a storage")


def test_form_fields():
    assert isinstance(Document._meta.get_field("attachment").formfield(), forms.FileField)
    assert Document._meta.get_field("attachment").formfield().max_length == 100
    image_field = Document._meta.get_field("picture").formfield()
    assert isinstance(image_field, forms.ImageField)
    assert image_field.widget.attrs["accept"] == "image/*"


def test_file_path_field_lists_the_folder():
    folder = tempfile.mkdtemp()
    try:
        os.makedirs(os.path.join(folder, "sub", "__pycache__"))
        for name in ("b.txt", "a.py", os.path.join("sub", "c.py")):
            with open(os.path.join(folder, name), "w") as handle:
                handle.write("x")
        field = forms.FilePathField(path=folder, match=r"\.py$")
        assert field.choices == [(os.path.join(folder, "a.py"), "a.py")]
        field = forms.FilePathField(path=folder, recursive=True, required=False)
        labels = [label for _, label in field.choices]
        assert labels[0] == "---------"
        assert sorted(labels[1:]) == sorted(os.sep + name for name in ("a.py", "b.txt", os.path.join("sub", "c.py")))
        assert field.clean(os.path.join(folder, "b.txt")) == os.path.join(folder, "b.txt")
        folders = forms.FilePathField(path=folder, allow_files=False, allow_folders=True)
        assert folders.choices == [(os.path.join(folder, "sub"), "sub")]
        model_field = models.FilePathField(path=lambda: folder, match=r"\.txt$")
        assert model_field.formfield().choices == [(os.path.join(folder, "b.txt"), "b.txt")]
        assert model_field.deconstruct()[3]["match"] == r"\.txt$"
    finally:
        shutil.rmtree(folder)


def test_choices_may_be_a_callable_evaluated_when_read():
    options = [("a", "A")]
    field = models.CharField(max_length=1, choices=lambda: list(options))
    field.set_attributes_from_name("letter")
    assert list(field.choices) == [("a", "A")]
    options.append(("b", "B"))
    assert list(field.choices) == [("a", "A"), ("b", "B")]
    assert field.clean("b", None) == "b"
    mapping = models.CharField(max_length=1, choices={"x": "X", "Group": {"y": "Y"}})
    # (a plain dict has no order on Jython 2.7: compare as sets of pairs there)
    assert sorted(mapping.choices) == [("Group", [("y", "Y")]), ("x", "X")]
