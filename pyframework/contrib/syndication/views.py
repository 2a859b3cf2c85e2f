"""``Feed``: a view class that answers with an RSS 2.0 or Atom 1.0 document.

    class LatestPosts(Feed):
        title = "Latest posts"
        link = "/blog/"
        feed_type = Atom1Feed          # default: Rss201rev2Feed

        def items(self):
            return Post.objects.order_by("-published")[:10]

        def item_pubdate(self, item):
            return item.published

    urlpatterns = [path("blog/feed/", LatestPosts())]

Every ``title``/``link``/``item_*`` hook may be an attribute, a method without argument, or
a method taking the object (``get_object()``'s result, for feed-level hooks) or the item.
"""
from __future__ import absolute_import, unicode_literals

import calendar

from markupsafe import escape

from pyframework.contrib.sites.shortcuts import get_current_site
from pyframework.core.exceptions import ImproperlyConfigured, ObjectDoesNotExist
from pyframework.http import Http404, HttpResponse
from pyframework.template import loader
from pyframework.template.exceptions import TemplateDoesNotExist
from pyframework.utils import feedgenerator
from pyframework.utils.compat import text_type
from pyframework.utils.encoding import iri_to_uri
from pyframework.utils.http import http_date
from pyframework.utils.timezone import get_default_timezone, is_naive, make_aware
from pyframework.utils.translation import get_language


def add_domain(domain, url, secure=False):
    """``url`` made absolute on ``domain`` unless it already is (``http(s)://``, ``//``, ``mailto:``)."""
    protocol = "https" if secure else "http"
    url = text_type(url)  # reverse_lazy() results too
    if url.startswith("//"):
        return "%s:%s" % (protocol, url)
    if url.startswith(("http://", "https://", "mailto:")):
        return url
    return iri_to_uri("%s://%s%s" % (protocol, domain, url))


class FeedDoesNotExist(ObjectDoesNotExist):
    """Raised by ``get_object()`` for a feed that has no object: answered with 404."""


def _positional_arguments(function):
    """How many positional arguments ``function`` takes, not counting a bound ``self``."""
    code = getattr(function, "__code__", None)
    if code is None:  # a callable object
        function = function.__call__
        code = function.__code__
    bound = getattr(function, "__self__", None) is not None
    return code.co_argcount - (1 if bound else 0)


class Feed(object):
    """A feed view. Set ``title``, ``link``, ``description`` and ``items`` (attribute or method),
    then any of the ``item_*`` hooks (``item_title``, ``item_description``, ``item_link``,
    ``item_pubdate``, ``item_updateddate``, ``item_author_name``/``_email``/``_link``,
    ``item_guid``, ``item_categories``, ``item_enclosure_url``/``_length``/``_mime_type``...).

    ``get_object(request, *args, **kwargs)`` picks the object of a per-object feed (raise
    ``ObjectDoesNotExist`` for a 404). ``title_template``/``description_template`` name
    Jinja2 templates rendered for each item with ``obj`` (the item) and ``site``.
    """

    feed_type = feedgenerator.DefaultFeed
    title_template = None
    description_template = None
    language = None

    def __call__(self, request, *args, **kwargs):
        try:
            obj = self.get_object(request, *args, **kwargs)
        except ObjectDoesNotExist:
            raise Http404("Feed object does not exist.")
        feed = self.get_feed(obj, request)
        response = HttpResponse(content_type=feed.content_type)
        if hasattr(self, "item_pubdate") or hasattr(self, "item_updateddate"):
            # Only then are the items' dates real; otherwise latest_post_date() is "now".
            latest = feed.latest_post_date()
            response["Last-Modified"] = http_date(calendar.timegm(latest.utctimetuple()))
        feed.write(response, "utf-8")
        return response

    def item_title(self, item):
        return escape(text_type(item))  # titles are HTML in feed readers

    def item_description(self, item):
        return text_type(item)

    def item_link(self, item):
        try:
            return item.get_absolute_url()
        except AttributeError:
            raise ImproperlyConfigured(
                "Give your %s class a get_absolute_url() method, or define an item_link() method "
                "in your Feed class." % item.__class__.__name__)

    def item_enclosures(self, item):
        url = self._get_dynamic_attr("item_enclosure_url", item)
        if not url:
            return []
        return [feedgenerator.Enclosure(
            url=text_type(url),
            length=text_type(self._get_dynamic_attr("item_enclosure_length", item)),
            mime_type=text_type(self._get_dynamic_attr("item_enclosure_mime_type", item)))]

    def _get_dynamic_attr(self, name, obj, default=None):
        try:
            attr = getattr(self, name)
        except AttributeError:
            return default
        if not callable(attr):
            return attr
        # The signature decides (not a TypeError caught around the call, which could come from
        # inside the method).
        if _positional_arguments(attr) >= 1:
            return attr(obj)
        return attr()

    def feed_extra_kwargs(self, obj):
        """Extra keyword arguments for the feed generator's constructor (hook)."""
        return {}

    def item_extra_kwargs(self, item):
        """Extra keyword arguments for each ``add_item()`` (hook)."""
        return {}

    def get_object(self, request, *args, **kwargs):
        return None

    def get_context_data(self, **kwargs):
        """The context of ``title_template``/``description_template``: ``obj`` (the item) and ``site``."""
        return {"obj": kwargs.get("item"), "site": kwargs.get("site")}

    def _template(self, name):
        if name is None:
            return None
        try:
            return loader.get_template(name)
        except TemplateDoesNotExist:
            return None

    def get_feed(self, obj, request):
        """The feed generator filled with ``obj``'s data and its items."""
        site = get_current_site(request)
        secure = request.is_secure()
        attr = self._get_dynamic_attr
        feed = self.feed_type(
            title=attr("title", obj), subtitle=attr("subtitle", obj),
            link=add_domain(site.domain, attr("link", obj), secure),
            description=attr("description", obj), language=self.language or get_language(),
            feed_url=add_domain(site.domain, attr("feed_url", obj) or request.path, secure),
            author_name=attr("author_name", obj), author_link=attr("author_link", obj),
            author_email=attr("author_email", obj), categories=attr("categories", obj),
            feed_copyright=attr("feed_copyright", obj), feed_guid=attr("feed_guid", obj),
            ttl=attr("ttl", obj), stylesheets=attr("stylesheets", obj),
            **self.feed_extra_kwargs(obj))
        title_template = self._template(self.title_template)
        description_template = self._template(self.description_template)
        zone = get_default_timezone()
        for item in attr("items", obj):
            context = self.get_context_data(item=item, site=site, obj=obj, request=request)
            title = (title_template.render(context, request) if title_template is not None
                     else attr("item_title", item))
            description = (description_template.render(context, request) if description_template is not None
                           else attr("item_description", item))
            link = add_domain(site.domain, attr("item_link", item), secure)
            author_name = attr("item_author_name", item)
            if author_name is not None:
                author_email, author_link = attr("item_author_email", item), attr("item_author_link", item)
            else:
                author_email = author_link = None
            pubdate, updateddate = attr("item_pubdate", item), attr("item_updateddate", item)
            if pubdate and is_naive(pubdate):
                pubdate = make_aware(pubdate, zone)
            if updateddate and is_naive(updateddate):
                updateddate = make_aware(updateddate, zone)
            feed.add_item(
                title=title, link=link, description=description,
                unique_id=attr("item_guid", item, link),
                unique_id_is_permalink=attr("item_guid_is_permalink", item),
                enclosures=attr("item_enclosures", item), pubdate=pubdate, updateddate=updateddate,
                author_name=author_name, author_email=author_email, author_link=author_link,
                comments=attr("item_comments", item), categories=attr("item_categories", item),
                item_copyright=attr("item_copyright", item), **self.item_extra_kwargs(item))
        return feed
