"""The blog's data: authors write posts, posts carry tags."""
from __future__ import unicode_literals

from pyframework.db import models
from pyframework.urls import reverse
from pyframework.utils.translation import gettext_lazy as _


class Author(models.Model):
    name = models.CharField(_("name"), max_length=100, unique=True)
    email = models.EmailField(_("email address"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("author")
        verbose_name_plural = _("authors")

    def __str__(self):
        return self.name


class Tag(models.Model):
    name = models.SlugField(_("name"), max_length=50, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("tag")
        verbose_name_plural = _("tags")

    def __str__(self):
        return self.name


class Post(models.Model):
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"))
    author = models.ForeignKey(Author, on_delete=models.CASCADE, related_name="posts", verbose_name=_("author"))
    tags = models.ManyToManyField(Tag, blank=True, related_name="posts", verbose_name=_("tags"))
    published = models.DateTimeField(_("published"), auto_now_add=True)

    class Meta:
        # Newest first; the id breaks ties between posts saved in the same instant.
        ordering = ["-published", "-id"]
        verbose_name = _("post")
        verbose_name_plural = _("posts")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("blog:detail", args=[self.pk])
