"""makemigrations/migrate with multi-table inheritance and proxy models, on every test database."""
from __future__ import unicode_literals

import os

import pytest

from migration_project import column_names, drop_recorder_table, install_project, table_names

MODELS = '''
class Place(models.Model):
    name = models.CharField(max_length=50)


class Restaurant(Place):
    serves_pizza = models.BooleanField(default=False)


class ItalianRestaurant(Restaurant):
    chef = models.CharField(max_length=50, default="")


class NamedPlace(Place):
    class Meta:
        proxy = True
        ordering = ["name"]
'''


@pytest.fixture
def project(db, tmpdir):
    project, restore = install_project(tmpdir)
    project.label = project.labels[0]
    try:
        yield project
    finally:
        try:
            if os.path.isdir(project.migrations_dir(project.label)) and project.migration_files(project.label):
                project.call("migrate", project.label, "zero", verbosity=0)
        finally:
            drop_recorder_table(db.connection)
            restore()


def test_child_tables_with_parent_links_and_no_table_for_proxies(project, db):
    label = project.label
    project.write_models(label, MODELS)
    out = project.call("makemigrations", label)
    assert "- Create model Restaurant" in out and "NamedPlace" not in out
    source = project.read_migration(label, "0001_initial.py")
    assert "'place_ptr', models.OneToOneField(" in source and "parent_link=True" in source
    assert "bases=('%s.place',)" % label in source

    project.call("migrate", label)
    tables = table_names(db.connection)
    assert {"%s_place" % label, "%s_restaurant" % label, "%s_italianrestaurant" % label} <= tables
    assert "%s_namedplace" % label not in tables
    assert column_names(db.connection, "%s_restaurant" % label) == {"place_ptr_id", "serves_pizza"}
    assert column_names(db.connection, "%s_italianrestaurant" % label) == {"restaurant_ptr_id", "chef"}

    Italian = project.model(label, "ItalianRestaurant")
    Italian.objects.create(name="Da Mario", serves_pizza=True, chef="Mario")
    assert project.model(label, "NamedPlace").objects.get().name == "Da Mario"
    assert Italian.objects.get(name="Da Mario").chef == "Mario"
    assert "No changes detected in app '%s'" % label in project.call("makemigrations", label)

    project.call("migrate", label, "zero", verbosity=0)
    assert not any(name.startswith(label) for name in table_names(db.connection))
