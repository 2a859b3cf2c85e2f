"""``Site``: one domain the project serves, and ``Site.objects.get_current()`` with its cache."""
from __future__ import absolute_import, unicode_literals

import string
import threading

from pyframework.conf import settings
from pyframework.core.exceptions import ImproperlyConfigured, ValidationError
from pyframework.db import models
from pyframework.db.models.signals import pre_delete, pre_save
from pyframework.http.request import split_domain_port
from pyframework.utils.compat import python_2_unicode_compatible
from pyframework.utils.translation import gettext_lazy as _

# {SITE_ID or domain: Site}, shared by every thread (Jython runs requests in parallel).
SITE_CACHE = {}
_SITE_CACHE_LOCK = threading.Lock()


def _simple_domain_name_validator(value):
    """A domain name has no whitespace (Django's own, deliberately loose, check)."""
    if not value:
        return
    if any(char in value for char in string.whitespace):
        raise ValidationError(_("The domain name cannot contain any spaces or tabs."), code="invalid")


class SiteManager(models.Manager):
    """``Site.objects``: ``get_current(request=None)`` and ``clear_cache()``."""

    use_in_migrations = True

    def _cached(self, key, lookup):
        with _SITE_CACHE_LOCK:
            site = SITE_CACHE.get(key)
        if site is None:
            site = self.get(**lookup)
            with _SITE_CACHE_LOCK:
                SITE_CACHE[key] = site
        return site

    def _get_site_by_id(self, site_id):
        return self._cached(site_id, {"pk": site_id})

    def _get_site_by_request(self, request):
        host = request.get_host()
        try:
            # The full host first (with its port), then the domain alone.
            return self._cached(host, {"domain__iexact": host})
        except Site.DoesNotExist:
            domain, _port = split_domain_port(host)
            return self._cached(domain, {"domain__iexact": domain})

    def get_current(self, request=None):
        """The ``Site`` of ``SITE_ID``, or without it the one whose domain is the request's host.

        Raises ``ImproperlyConfigured`` with neither, and ``Site.DoesNotExist`` when no row
        matches. Each site is read once per process, then served from the cache.
        """
        site_id = getattr(settings, "SITE_ID", "")
        if site_id:
            return self._get_site_by_id(site_id)
        if request is not None:
            return self._get_site_by_request(request)
        raise ImproperlyConfigured(
            "You're using the pyframework \"sites framework\" without having set the SITE_ID setting. "
            "Create a site in your database and set the SITE_ID setting or pass a request to "
            "Site.objects.get_current() to fix this error.")

    def clear_cache(self):
        """Forget every cached site."""
        with _SITE_CACHE_LOCK:
            SITE_CACHE.clear()

    def get_by_natural_key(self, domain):
        return self.get(domain=domain)


@python_2_unicode_compatible
class Site(models.Model):
    """A site: its ``domain`` (``example.com``) and display ``name``."""

    domain = models.CharField(_("domain name"), max_length=100, validators=[_simple_domain_name_validator],
                              unique=True)
    name = models.CharField(_("display name"), max_length=50)

    objects = SiteManager()

    class Meta:
        app_label = "sites"  # importable before the app is installed (tests, checks)
        db_table = "pyframework_site"
        verbose_name = _("site")
        verbose_name_plural = _("sites")
        ordering = ["domain"]

    def __str__(self):
        return self.domain

    def natural_key(self):
        return (self.domain,)


def clear_site_cache(sender, **kwargs):
    """Drop a site that is saved or deleted from the cache (under its id and its stored domain)."""
    instance = kwargs["instance"]
    using = kwargs["using"]
    with _SITE_CACHE_LOCK:
        SITE_CACHE.pop(instance.pk, None)
    try:
        # The domain stored in that database (the old one, when it changes) must not keep answering.
        old_domain = Site.objects.using(using).get(pk=instance.pk).domain
    except Site.DoesNotExist:
        return
    with _SITE_CACHE_LOCK:
        SITE_CACHE.pop(old_domain, None)


pre_save.connect(clear_site_cache, sender=Site)
pre_delete.connect(clear_site_cache, sender=Site)
