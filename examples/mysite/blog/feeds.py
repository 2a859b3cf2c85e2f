"""The blog's Atom feed: the 20 newest posts."""
from __future__ import unicode_literals

from pyframework.contrib.syndication.views import Feed
from pyframework.urls import reverse_lazy
from pyframework.utils.feedgenerator import Atom1Feed
from pyframework.utils.translation import gettext_lazy as _

from blog.models import Post


class LatestPostsFeed(Feed):
    feed_type = Atom1Feed
    title = _("Latest posts")
    subtitle = _("The newest posts of the pyframework demo blog")
    link = reverse_lazy("blog:list")

    def items(self):
        return Post.objects.select_related("author").order_by("-published", "-id")[:20]

    def item_title(self, post):
        return post.title  # plain text: Atom's <title> is text, the generator escapes it

    def item_description(self, post):
        return post.body

    def item_pubdate(self, post):
        return post.published

    def item_author_name(self, post):
        return post.author.name
