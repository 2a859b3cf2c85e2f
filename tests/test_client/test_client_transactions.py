"""The test client inside a test's transaction: requests share the test's connection and see
its uncommitted rows; the connection is not closed at the end of the request."""
from __future__ import unicode_literals

import pytest

from pyframework.db import connection, models, transaction
from pyframework.http import HttpResponse
from pyframework.test import Client, override_settings
from pyframework.urls import path


class Note(models.Model):
    text = models.CharField(max_length=20)

    class Meta:
        app_label = "test_client_transactions"


def count_notes(request):
    Note.objects.create(text="from the view")
    return HttpResponse("%d" % Note.objects.count())


urlpatterns = [path("count/", count_notes)]


@pytest.fixture
def notes(db, create_tables):
    create_tables(Note)
    with override_settings(ROOT_URLCONF=__name__, MIDDLEWARE=[]):
        yield


@pytest.mark.parametrize("max_age", [0, None])
def test_requests_inside_atomic_keep_the_connection_and_the_data(notes, max_age):
    settings_dict = connection.settings_dict
    old_max_age = settings_dict.get("CONN_MAX_AGE", 0)
    settings_dict["CONN_MAX_AGE"] = max_age
    try:
        with transaction.atomic():
            Note.objects.create(text="test row")
            client = Client()
            assert client.get("/count/").content == b"2"
            assert client.get("/count/").content == b"3"
            # The next query of the test still runs, in the same transaction.
            assert Note.objects.count() == 3
            transaction.set_rollback(True)
        assert Note.objects.count() == 0
    finally:
        settings_dict["CONN_MAX_AGE"] = old_max_age

