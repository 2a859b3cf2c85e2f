"""The example's settings, with the probe URLs in front of the example's own, and a "redis"
cache on the test set-up's Redis when PYFRAMEWORK_TEST_REDIS_URL names one."""
from __future__ import unicode_literals

import os

from mysite.settings import *  # noqa: F401,F403 - the example project exactly, plus the lines below
from pyframework.conf import global_settings

ROOT_URLCONF = "deploy_probe.urls"

if os.environ.get("PYFRAMEWORK_TEST_REDIS_URL"):
    CACHES = dict(global_settings.CACHES, redis={"BACKEND": "pyframework.core.cache.backends.redis.RedisCache",
                                                 "LOCATION": os.environ["PYFRAMEWORK_TEST_REDIS_URL"],
                                                 "KEY_PREFIX": "deploy-probe"})
