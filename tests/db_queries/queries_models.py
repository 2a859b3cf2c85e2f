"""Models shared by the query-layer tests (app label ``db_queries``)."""
from __future__ import absolute_import, unicode_literals

from pyframework.db import models


class Publisher(models.Model):
    name = models.CharField(max_length=50)

    class Meta:
        app_label = "db_queries"


class Author(models.Model):
    name = models.CharField(max_length=50)
    age = models.IntegerField(default=30)
    email = models.CharField(max_length=80, null=True, blank=True)

    class Meta:
        app_label = "db_queries"
        ordering = ["name"]


class Tag(models.Model):
    label = models.CharField(max_length=30, unique=True)

    class Meta:
        app_label = "db_queries"


class Book(models.Model):
    title = models.CharField(max_length=100)
    author = models.ForeignKey(Author, on_delete=models.CASCADE, related_name="books")
    publisher = models.ForeignKey(Publisher, on_delete=models.SET_NULL, null=True, blank=True)
    pages = models.IntegerField(default=100)
    price = models.DecimalField(max_digits=8, decimal_places=2, default=0)
    published = models.DateField(null=True)
    tags = models.ManyToManyField(Tag, related_name="books")

    class Meta:
        app_label = "db_queries"


ALL_MODELS = (Publisher, Author, Tag, Book)
