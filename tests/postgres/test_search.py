"""contrib.postgres full-text search: vectors, queries (plain/phrase/raw/websearch, combined), rank, the lookup."""
from __future__ import unicode_literals

import pytest

from pyframework.contrib.postgres.search import SearchQuery, SearchRank, SearchVector, SearchVectorField
from pyframework.db import models
from pyframework.db.utils import NotSupportedError

from project_settings_support import installed_apps


class Article(models.Model):
    title = models.CharField(max_length=100)
    body = models.TextField()
    vector = SearchVectorField(null=True)

    class Meta:
        app_label = "postgres_search_tests"


ROWS = [("Cheese shop", "A sketch about a shop without any cheese."),
        ("Parrot", "The parrot is no more; it has ceased to be."),
        ("Spam", "Spam, spam, eggs and spam; not cheese.")]


@pytest.fixture
def articles(db, create_tables):
    if db.vendor != "postgresql":
        pytest.skip("full-text search is PostgreSQL's")
    create_tables(Article)
    for title, body in ROWS:
        Article.objects.create(title=title, body=body)
    return Article.objects.all()


def titles(queryset):
    return sorted(queryset.values_list("title", flat=True))


def test_search_lookup_needs_the_app_and_stems_words(articles):
    with installed_apps(["pyframework.contrib.postgres"]):
        assert titles(Article.objects.filter(body__search="cheeses")) == ["Cheese shop", "Spam"]
        assert titles(Article.objects.filter(body__search=SearchQuery("ceased", config="english"))) == ["Parrot"]


def test_vectors_queries_and_rank(articles):
    vector = SearchVector("title", weight="A", config="english") + SearchVector("body", weight="B", config="english")
    annotated = Article.objects.annotate(search=vector)
    assert titles(annotated.filter(search=SearchQuery("cheese"))) == ["Cheese shop", "Spam"]
    assert titles(annotated.filter(search=SearchQuery("cheese") & SearchQuery("eggs"))) == ["Spam"]
    assert titles(annotated.filter(search=SearchQuery("parrot") | SearchQuery("eggs"))) == ["Parrot", "Spam"]
    assert titles(annotated.filter(search=SearchQuery("cheese") & ~SearchQuery("spam"))) == ["Cheese shop"]
    assert titles(annotated.filter(search=SearchQuery("spam & !cheese", search_type="raw"))) == []
    assert titles(annotated.filter(search=SearchQuery('"eggs and spam"', search_type="websearch"))) == ["Spam"]
    assert titles(annotated.filter(search=SearchQuery("cheese shop", search_type="phrase", config="english"))) == [
        "Cheese shop"]
    assert titles(annotated.filter(search=SearchQuery("shop cheese", search_type="phrase", config="english"))) == []
    # Title matches (weight A) rank above body matches (weight B).
    ranked = Article.objects.annotate(rank=SearchRank(vector, SearchQuery("cheese"))).filter(
        rank__gt=0).order_by("-rank")
    assert list(ranked.values_list("title", flat=True)) == ["Cheese shop", "Spam"]
    # A search text full of SQL is only ever a parameter.
    assert titles(annotated.filter(search=SearchQuery("'); DROP TABLE x; --"))) == []
    assert Article.objects.count() == 3


def test_stored_vector_column(articles):
    Article.objects.update(vector=SearchVector("title", "body", config="english"))
    assert titles(Article.objects.filter(vector=SearchQuery("parrot"))) == ["Parrot"]
    assert titles(Article.objects.filter(vector="sketch")) == ["Cheese shop"]


def test_other_databases_refuse_clearly(db, create_tables):
    if db.vendor == "postgresql":
        pytest.skip("PostgreSQL has full-text search")
    with pytest.raises(NotSupportedError) as raised:
        create_tables(Article)
    assert "SearchVectorField needs PostgreSQL" in str(raised.value)
    with pytest.raises(NotSupportedError) as raised:
        list(Article.objects.annotate(v=SearchVector("title")).filter(v=SearchQuery("x")))
    assert "needs PostgreSQL" in str(raised.value)
