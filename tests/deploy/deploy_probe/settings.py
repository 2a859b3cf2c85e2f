"""The example's settings, with the probe URLs in front of the example's own."""
from __future__ import unicode_literals

from mysite.settings import *  # noqa: F401,F403 - the example project exactly, plus the line below

ROOT_URLCONF = "deploy_probe.urls"
