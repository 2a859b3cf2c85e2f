"""makemigrations -> migrate -> change models -> makemigrations -> migrate/rollback, on every test database."""
from __future__ import unicode_literals

import pytest

from pyframework.core.management import CommandError
from migration_project import column_names, installed_project, table_names

AUTHOR_AND_TAG = '''
class Author(models.Model):
    name = models.CharField(max_length=100, unique=True)

    class Meta:
        ordering = ["name"]


class Tag(models.Model):
    label = models.SlugField(max_length=40)
'''

BLOG_MODELS = AUTHOR_AND_TAG + '''

class Post(models.Model):
    title = models.CharField(max_length=200)
    body = models.TextField(default="")
    rank = models.IntegerField(default=0)
    author = models.ForeignKey(Author, on_delete=models.CASCADE, related_name="posts")
    tags = models.ManyToManyField(Tag, blank=True)

    class Meta:
        indexes = [models.Index(fields=["rank"], name="post_rank_idx")]
        constraints = [models.UniqueConstraint(fields=["author", "title"], name="post_author_title_uniq")]
'''

# title -> headline (rename), body removed, rank altered to BigIntegerField,
# slug and the readers many-to-many added, the index replaced, the constraint dropped.
BLOG_MODELS_V2 = AUTHOR_AND_TAG + '''

class Post(models.Model):
    headline = models.CharField(max_length=200)
    rank = models.BigIntegerField(default=0)
    slug = models.SlugField(max_length=50, default="draft")
    author = models.ForeignKey(Author, on_delete=models.CASCADE, related_name="posts")
    tags = models.ManyToManyField(Tag, blank=True)
    readers = models.ManyToManyField(Author, blank=True, related_name="read_posts")

    class Meta:
        indexes = [models.Index(fields=["slug"], name="post_slug_idx")]
'''


@pytest.fixture
def project(db, tmpdir):
    with installed_project(db, tmpdir) as project:
        yield project


def table(project, model):
    return ("%s_%s" % (project.label, model)).lower()


def test_initial_migration_creates_and_drops_the_tables(project, db):
    label = project.label
    project.write_models(label, BLOG_MODELS)
    out = project.call("makemigrations", label)
    assert "Migrations for '%s':" % label in out
    assert "0001_initial.py" in out and "- Create model Post" in out
    assert project.migration_files(label) == ["0001_initial.py"]
    source = project.read_migration(label, "0001_initial.py")
    assert "initial = True" in source
    assert "migrations.CreateModel(" in source and "models.ForeignKey(" in source
    assert "models.ManyToManyField(" in source and "post_rank_idx" in source and "post_author_title_uniq" in source

    out = project.call("migrate", label)
    assert "Applying %s.0001_initial... OK" % label in out
    tables = table_names(db.connection)
    for name in ("author", "tag", "post", "post_tags"):
        assert table(project, name) in tables
    assert "pyframework_migrations" in tables

    Author, Post = project.model(label, "Author"), project.model(label, "Post")
    author = Author.objects.create(name="Ann")
    Post.objects.create(title="Hello", author=author)
    assert Post.objects.get(title="Hello").author_id == author.pk

    assert " [X] 0001_initial" in project.call("showmigrations", label)
    assert "No changes detected in app '%s'" % label in project.call("makemigrations", label)
    assert "No migrations to apply." in project.call("migrate", label)

    out = project.call("migrate", label, "zero")
    assert "Unapplying %s.0001_initial... OK" % label in out
    tables = table_names(db.connection)
    assert not any(name.startswith(label) for name in tables)
    assert " [ ] 0001_initial" in project.call("showmigrations", label)


def test_model_changes_make_a_second_migration_and_roll_back(project, db):
    label = project.label
    project.write_models(label, BLOG_MODELS)
    project.call("makemigrations", label)
    project.call("migrate", label)
    author = project.model(label, "Author").objects.create(name="Bo")
    project.model(label, "Post").objects.create(title="Kept title", author=author, rank=3)

    project.write_models(label, BLOG_MODELS_V2)
    out = project.call("makemigrations", label)
    second = [name for name in project.migration_files(label) if name.startswith("0002_")]
    assert len(second) == 1, out
    source = project.read_migration(label, second[0])
    for expected in ("migrations.RenameField(", "old_name='title'", "new_name='headline'",
                     "migrations.RemoveField(", "name='body'", "migrations.AddField(", "name='slug'",
                     "migrations.AlterField(", "models.BigIntegerField(", "migrations.RemoveIndex(",
                     "migrations.AddIndex(", "post_slug_idx", "migrations.RemoveConstraint(", "name='readers'"):
        assert expected in source, expected
    assert "('%s', '0001_initial')" % label in source

    out = project.call("migrate", label)
    assert "Applying %s.%s... OK" % (label, second[0][:-3]) in out
    columns = column_names(db.connection, table(project, "post"))
    assert set(["headline", "slug", "rank"]) <= columns and "title" not in columns and "body" not in columns
    post = project.model(label, "Post").objects.get()
    assert (post.headline, post.slug, post.rank) == ("Kept title", "draft", 3)
    assert table(project, "post_readers") in table_names(db.connection)
    author = project.model(label, "Author").objects.get()  # models.py was re-imported: the new class
    post.readers.add(author)
    assert list(author.read_posts.all()) == [post]

    out = project.call("migrate", label, "0001")
    assert "Unapplying %s.%s... OK" % (label, second[0][:-3]) in out
    columns = column_names(db.connection, table(project, "post"))
    assert set(["title", "body"]) <= columns and "headline" not in columns and "slug" not in columns
    assert table(project, "post_readers") not in table_names(db.connection)
    shown = project.call("showmigrations", label)
    assert " [X] 0001_initial" in shown and " [ ] %s" % second[0][:-3] in shown


def test_check_exits_1_when_a_migration_is_missing(project):
    label = project.label
    project.write_models(label, BLOG_MODELS)
    with pytest.raises(SystemExit) as info:
        project.call("makemigrations", label, check=True)
    assert info.value.code == 1
    assert project.migration_files(label) == []
    project.call("makemigrations", label)
    assert "No changes detected" in project.call("makemigrations", label, check=True)


def test_dry_run_writes_nothing(project):
    label = project.label
    project.write_models(label, BLOG_MODELS)
    out = project.call("makemigrations", label, dry_run=True)
    assert "0001_initial.py" in out and "- Create model Author" in out
    assert project.migration_files(label) == []


def test_sqlmigrate_prints_sql_without_running_it(project, db):
    label = project.label
    project.write_models(label, BLOG_MODELS)
    project.call("makemigrations", label)
    out = project.call("sqlmigrate", label, "0001")
    assert "CREATE TABLE" in out.upper() and table(project, "post") in out.lower()
    assert "-- Create model Post" in out
    assert not any(name.startswith(label) for name in table_names(db.connection))
    assert " [ ] 0001_initial" in project.call("showmigrations", label)
    project.call("migrate", label)
    backwards = project.call("sqlmigrate", label, "0001_initial", backwards=True)
    assert "DROP TABLE" in backwards.upper()
    assert table(project, "post") in table_names(db.connection)


def test_migrate_refuses_unknown_and_ambiguous_targets(project):
    label = project.label
    project.write_models(label, BLOG_MODELS)
    project.call("makemigrations", label)
    project.write_models(label, BLOG_MODELS_V2)
    project.call("makemigrations", label)
    with pytest.raises(CommandError) as info:
        project.call("migrate", label, "0042")
    assert "Cannot find a migration matching '0042' from app '%s'" % label in "%s" % info.value
    with pytest.raises(CommandError) as info:
        project.call("migrate", label, "000")
    assert "More than one migration matches '000'" in "%s" % info.value
    with pytest.raises(CommandError) as info:
        project.call("migrate", "no_such_app")
    assert "no_such_app" in "%s" % info.value


def test_plan_and_fake(project, db):
    label = project.label
    project.write_models(label, BLOG_MODELS)
    project.call("makemigrations", label)
    out = project.call("migrate", label, plan=True)
    assert "Planned operations:" in out and "%s.0001_initial" % label in out and "Create model Post" in out
    assert not any(name.startswith(label) for name in table_names(db.connection))
    out = project.call("migrate", label, fake=True)
    assert "Applying %s.0001_initial... FAKED" % label in out
    assert " [X] 0001_initial" in project.call("showmigrations", label)
    assert not any(name.startswith(label) for name in table_names(db.connection))
    project.call("migrate", label, "zero", fake=True)
    assert " [ ] 0001_initial" in project.call("showmigrations", label)
