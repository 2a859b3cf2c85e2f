"""The blog's sitemap sections: the post list and every post (with its publication date)."""
from __future__ import unicode_literals

from collections import OrderedDict

from pyframework.contrib.sitemaps import Sitemap
from pyframework.urls import reverse

from blog.models import Post


class BlogIndexSitemap(Sitemap):
    changefreq = "daily"
    priority = 0.8

    def items(self):
        return ["blog:list"]

    def location(self, item):
        return reverse(item)


class PostSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.5

    def items(self):
        return Post.objects.order_by("-published", "-id")

    def lastmod(self, post):
        return post.published


SITEMAPS = OrderedDict([("blog", BlogIndexSitemap), ("posts", PostSitemap)])  # the blog first
