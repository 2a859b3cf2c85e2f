# -*- coding: utf-8 -*-
"""``FlatPage``: a page's URL, title and HTML content, on one or more sites."""
from __future__ import absolute_import, unicode_literals

from pyframework.contrib.sites.models import Site
from pyframework.db import models
from pyframework.urls import NoReverseMatch, get_script_prefix, reverse
from pyframework.utils.compat import python_2_unicode_compatible
from pyframework.utils.encoding import iri_to_uri
from pyframework.utils.translation import gettext_lazy as _

# The name of the catch-all flatpage URL pattern (flatpages/urls.py), as in Django.
FLATPAGE_URL_NAME = "pyframework.contrib.flatpages.views.flatpage"


@python_2_unicode_compatible
class FlatPage(models.Model):
    """A page served by ``views.flatpage`` or the fallback middleware. ``content`` is trusted
    HTML (staff write it); ``template_name`` overrides ``flatpages/default.html``."""

    url = models.CharField(_("URL"), max_length=100, db_index=True)
    title = models.CharField(_("title"), max_length=200)
    content = models.TextField(_("content"), blank=True)
    enable_comments = models.BooleanField(_("enable comments"), default=False)
    template_name = models.CharField(
        _("template name"), max_length=70, blank=True,
        help_text=_("Example: “flatpages/contact_page.html”. If this isn’t provided, the system will use "
                    "“flatpages/default.html”."))
    registration_required = models.BooleanField(
        _("registration required"), default=False,
        help_text=_("If this is checked, only logged-in users will be able to view the page."))
    sites = models.ManyToManyField(Site, verbose_name=_("sites"))

    class Meta:
        app_label = "flatpages"  # importable before the app is installed (tests, checks)
        db_table = "pyframework_flatpage"
        verbose_name = _("flat page")
        verbose_name_plural = _("flat pages")
        ordering = ["url"]

    def __str__(self):
        return "%s -- %s" % (self.url, self.title)

    def get_absolute_url(self):
        """The page's URL under the flatpages URLconf if it is included, else its ``url`` itself."""
        for url in (self.url.lstrip("/"), self.url):
            try:
                return reverse(FLATPAGE_URL_NAME, kwargs={"url": url})
            except NoReverseMatch:
                pass
        return iri_to_uri(get_script_prefix() + self.url.lstrip("/"))
