"""Field(db_default=...): a DEFAULT the database applies, on every database of the matrix."""
from __future__ import unicode_literals

import datetime

import pytest

from pyframework.core.exceptions import ValidationError
from pyframework.db import connection, models
from pyframework.db.models.expressions import DatabaseDefault
from pyframework.db.models.functions import Now


class Ticket(models.Model):
    title = models.CharField(max_length=20)
    priority = models.IntegerField(db_default=3)
    status = models.CharField(max_length=10, db_default="open")
    created = models.DateTimeField(db_default=Now())

    class Meta:
        app_label = "dbm_dbdefault"


def test_the_database_fills_what_the_insert_leaves_out(db, create_tables):
    create_tables(Ticket)
    ticket = Ticket(title="a")
    assert isinstance(ticket.priority, DatabaseDefault)
    ticket.full_clean()  # a database default needs no validation
    ticket.save()
    # Read back (RETURNING where the database has it, else from the row on first access).
    assert (ticket.priority, ticket.status) == (3, "open")
    assert isinstance(ticket.created, datetime.datetime)
    stored = Ticket.objects.get(pk=ticket.pk)
    assert (stored.priority, stored.status, stored.created) == (3, "open", ticket.created)
    explicit = Ticket.objects.create(title="b", priority=1, status="closed")
    assert Ticket.objects.filter(priority=1, status="closed").get().pk == explicit.pk
    assert Ticket.objects.filter(priority=3).count() == 1
    # The DEFAULT is in the table itself: a raw INSERT gets it too.
    with connection.cursor() as cursor:
        cursor.execute("INSERT INTO %s (%s) VALUES (%%s)" % (
            connection.ops.quote_name(Ticket._meta.db_table), connection.ops.quote_name("title")), ["raw"])
    raw = Ticket.objects.get(title="raw")
    assert (raw.priority, raw.status) == (3, "open") and raw.created is not None


def test_deconstruct_and_an_ordinary_default():
    field = Ticket._meta.get_field("priority")
    assert field.deconstruct()[3] == {"db_default": 3}
    assert field.has_db_default() and not field.has_default()
    assert not models.IntegerField().has_db_default()
    both = models.IntegerField(default=5, db_default=3)
    assert both.get_default() == 5  # a Python default wins on instances, as in Django
    with pytest.raises(ValidationError):
        Ticket(title="x" * 30).full_clean()
