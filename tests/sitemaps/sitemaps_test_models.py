"""The model the sitemap tests list."""
from __future__ import unicode_literals

from pyframework.db import models


class Article(models.Model):
    title = models.CharField(max_length=50)
    updated = models.DateTimeField()

    class Meta:
        app_label = "sitemaps_tests"

    def get_absolute_url(self):
        return "/article/%d/" % self.pk
