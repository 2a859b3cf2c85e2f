# -*- coding: utf-8 -*-
"""``Redirect``: one old path of a site and where it now lives (empty: gone)."""
from __future__ import absolute_import, unicode_literals

from pyframework.contrib.sites.models import Site
from pyframework.db import models
from pyframework.utils.compat import python_2_unicode_compatible
from pyframework.utils.translation import gettext_lazy as _


@python_2_unicode_compatible
class Redirect(models.Model):
    """``old_path`` (with its query string, as ``request.get_full_path()`` gives it) on ``site``
    goes to ``new_path``, a path or a full URL; an empty ``new_path`` answers 410 Gone."""

    site = models.ForeignKey(Site, models.CASCADE, verbose_name=_("site"))
    old_path = models.CharField(
        _("redirect from"), max_length=200, db_index=True,
        help_text=_("This should be an absolute path, excluding the domain name. Example: “/events/search/”."))
    new_path = models.CharField(
        _("redirect to"), max_length=200, blank=True,
        help_text=_("This can be either an absolute path (as above) or a full URL starting with a scheme "
                    "such as “https://”."))

    class Meta:
        app_label = "redirects"  # importable before the app is installed (tests, checks)
        verbose_name = _("redirect")
        verbose_name_plural = _("redirects")
        db_table = "pyframework_redirect"
        unique_together = [("site", "old_path")]
        ordering = ["old_path"]

    def __str__(self):
        return "%s ---> %s" % (self.old_path, self.new_path)
