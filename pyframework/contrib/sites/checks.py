"""System check of the sites app: ``SITE_ID`` must be an integer when it is set (``sites.E101``)."""
from __future__ import absolute_import, unicode_literals

from pyframework.conf import settings
from pyframework.core.checks import Error, register
from pyframework.utils.compat import integer_types


@register("sites")
def check_site_id(app_configs, **kwargs):
    site_id = getattr(settings, "SITE_ID", None)
    if site_id is not None and (isinstance(site_id, bool) or not isinstance(site_id, integer_types)):
        return [Error("The SITE_ID setting must be an integer", id="sites.E101")]
    return []
