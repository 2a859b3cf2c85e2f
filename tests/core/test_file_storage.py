"""core.files.storage: FileSystemStorage on a real folder, STORAGES, file-name checks."""
from __future__ import unicode_literals

import datetime
import os
import shutil
import tempfile

import pytest

from pyframework.core.exceptions import ImproperlyConfigured, SuspiciousFileOperation
from pyframework.core.files.base import ContentFile, File
from pyframework.core.files.storage import (
    FileSystemStorage, InvalidStorageError, Storage, StorageHandler, default_storage, storages,
)
from pyframework.core.files.utils import validate_file_name
from pyframework.test.utils import override_settings
from pyframework.utils._os import safe_join
from pyframework.utils.text import get_valid_filename


@pytest.fixture
def folder():
    path = tempfile.mkdtemp()
    yield path
    shutil.rmtree(path)


def test_save_open_size_url_listdir_delete(folder):
    storage = FileSystemStorage(location=folder, base_url="/files")
    name = storage.save("docs/a report.txt", ContentFile(b"bytes \x00\xff"))
    assert name == "docs/a report.txt"
    assert storage.exists(name) and os.path.isfile(os.path.join(folder, "docs", "a report.txt"))
    with storage.open(name) as handle:
        assert handle.read() == b"bytes \x00\xff"
    assert storage.size(name) == 8
    assert storage.url(name) == "/files/docs/a%20report.txt"
    assert storage.path(name) == os.path.join(folder, "docs", "a report.txt")
    text_name = storage.save("docs/note.txt", ContentFile("caf\u00e9"))
    with storage.open(text_name) as handle:
        assert handle.read().decode("utf-8") == "caf\u00e9"
    assert storage.listdir("docs") == ([], ["a report.txt", "note.txt"])
    assert storage.listdir("") == (["docs"], [])
    assert isinstance(storage.get_modified_time(name), datetime.datetime)
    storage.delete(name)
    assert not storage.exists(name)
    storage.delete(name)  # deleting what is gone is not an error
    with pytest.raises(ValueError):
        storage.delete("")


def test_a_taken_name_gets_a_suffix_unless_overwriting_is_allowed(folder):
    storage = FileSystemStorage(location=folder)
    first = storage.save("same.txt", ContentFile(b"1"))
    second = storage.save("same.txt", ContentFile(b"2"))
    assert first == "same.txt" and second != first
    assert second.startswith("same_") and second.endswith(".txt") and len(second) == len("same_1234567.txt")
    short = storage.get_available_name("same.txt", max_length=14)
    assert len(short) == 14 and short.startswith("sa_") and short.endswith(".txt")
    with pytest.raises(SuspiciousFileOperation):
        storage.get_available_name("same.txt", max_length=12)  # no room left for the suffix
    overwriting = FileSystemStorage(location=folder, allow_overwrite=True)
    assert overwriting.save("same.txt", ContentFile(b"3")) == "same.txt"
    with overwriting.open("same.txt") as handle:
        assert handle.read() == b"3"


def test_names_that_leave_the_folder_are_refused(folder):
    storage = FileSystemStorage(location=folder)
    for bad in ("../escape.txt", "/etc/passwd", "docs/../../x", ".."):
        with pytest.raises(SuspiciousFileOperation):
            storage.save(bad, ContentFile(b"x"))
    with pytest.raises(SuspiciousFileOperation):
        storage.path("../outside")
    assert storage.generate_filename("up/my photo!.jpg") == "up/my_photo.jpg"
    with pytest.raises(SuspiciousFileOperation):
        storage.generate_filename("../x.jpg")
    assert validate_file_name("a.txt") == "a.txt"
    assert validate_file_name("dir/a.txt", allow_relative_path=True) == "dir/a.txt"
    with pytest.raises(SuspiciousFileOperation):
        validate_file_name("dir/a.txt")
    assert get_valid_filename("john's portrait in 2004.jpg") == "johns_portrait_in_2004.jpg"
    with pytest.raises(SuspiciousFileOperation):
        get_valid_filename("???")
    assert safe_join(folder, "a", "b") == os.path.join(folder, "a", "b")
    with pytest.raises(SuspiciousFileOperation):
        safe_join(folder, "..", "x")


def test_default_storage_follows_the_settings(folder):
    with override_settings(MEDIA_ROOT=folder, MEDIA_URL="/m/"):
        name = default_storage.save("d.txt", File(open(__file__, "rb")))
        try:
            assert default_storage.location == os.path.abspath(folder)
            assert default_storage.url(name) == "/m/d.txt"
            assert os.path.getsize(os.path.join(folder, name)) == os.path.getsize(__file__)
        finally:
            default_storage.delete(name)
    other = dict(storages.backends, other={
        "BACKEND": "pyframework.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": folder, "base_url": "/o/"}})
    with override_settings(STORAGES=other):
        assert storages["other"].url("x") == "/o/x"
        assert storages["other"] is storages["other"]
    with pytest.raises(InvalidStorageError) as info:
        storages["other"]
    assert isinstance(info.value, ImproperlyConfigured) and "'other'" in str(info.value)
    handler = StorageHandler({"broken": {"BACKEND": "no.such.Storage"}})
    with pytest.raises(InvalidStorageError):
        handler["broken"]


def test_the_base_class_names_what_a_backend_must_provide():
    storage = Storage()
    with pytest.raises(NotImplementedError):
        storage.path("x")
    with pytest.raises(NotImplementedError) as info:
        storage.exists("x")
    assert "exists()" in str(info.value)
