"""Models of the admin tests: authors, articles with comments (an inline), tags (M2M), pins (PROTECT)."""
from __future__ import unicode_literals

from pyframework.db import models
from pyframework.utils.compat import python_2_unicode_compatible

STATUS_CHOICES = [("draft", "Draft"), ("live", "Live"), ("gone", "Withdrawn")]


@python_2_unicode_compatible
class Author(models.Model):
    name = models.CharField(max_length=100, unique=True)
    email = models.EmailField(blank=True)

    class Meta:
        app_label = "adminapp"
        ordering = ["name"]

    def __str__(self):
        return self.name


@python_2_unicode_compatible
class Tag(models.Model):
    name = models.CharField(max_length=50)

    class Meta:
        app_label = "adminapp"

    def __str__(self):
        return self.name


@python_2_unicode_compatible
class Article(models.Model):
    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, blank=True)
    body = models.TextField(blank=True)
    author = models.ForeignKey(Author, on_delete=models.CASCADE, related_name="articles")
    status = models.CharField(max_length=10, choices=STATUS_CHOICES, default="draft")
    published = models.BooleanField(default=False)
    pub_date = models.DateTimeField()
    rating = models.IntegerField(default=0)
    tags = models.ManyToManyField(Tag, blank=True, related_name="articles")

    class Meta:
        app_label = "adminapp"

    def __str__(self):
        return self.title


@python_2_unicode_compatible
class Comment(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="comments")
    text = models.CharField(max_length=200)

    class Meta:
        app_label = "adminapp"

    def __str__(self):
        return self.text


@python_2_unicode_compatible
class Pin(models.Model):
    """Pins an author: an author with a pin cannot be deleted (PROTECT)."""

    author = models.ForeignKey(Author, on_delete=models.PROTECT, related_name="pins")
    note = models.CharField(max_length=50)

    class Meta:
        app_label = "adminapp"

    def __str__(self):
        return self.note
