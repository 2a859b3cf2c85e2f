"""The WAR on Tomcat caches in Redis through Jedis (bundled in WEB-INF/lib by the Gradle plugin),
and shares the entries with CPython's redis-py: each side reads what the other wrote."""
from __future__ import absolute_import, unicode_literals

import os

import pytest

from deploy_http import fetch, fetch_ok
from pyframework.core.cache import caches
from pyframework.test import override_settings

FORM = {"Content-Type": "application/x-www-form-urlencoded"}


@pytest.fixture
def shared_cache():
    """CPython's view of the cache the deployed probe uses (CACHES["redis"] of deploy_probe.settings)."""
    url = os.environ.get("PYFRAMEWORK_TEST_REDIS_URL")
    if not url:
        pytest.fail("The WAR's Redis cache test needs PYFRAMEWORK_TEST_REDIS_URL "
                    "(eval \"$(bash tests/dbservers.sh start)\")", pytrace=False)
    config = {"BACKEND": "pyframework.core.cache.backends.redis.RedisCache", "LOCATION": url,
              "KEY_PREFIX": "deploy-probe"}
    with override_settings(CACHES={"default": config}):
        cache = caches["default"]
        cache.delete_many(["from-cpython", "from-jython", "counter"])
        yield cache
        cache.delete_many(["from-cpython", "from-jython", "counter"])


def test_the_war_and_cpython_share_redis(tomcat, shared_cache):
    shared_cache.set("from-cpython", {"text": "gr\u00fcn", "numbers": [1, 2.5, None]})
    assert fetch_ok(tomcat + "/probe/redis/from-cpython/").json()["value"] == {
        "text": "gr\u00fcn", "numbers": [1, 2.5, None]}

    written = fetch(tomcat + "/probe/redis/from-jython/", method="POST", body="text=hallo+welt", headers=FORM)
    assert written.status == 200, written
    assert written.json()["counter"] == 1
    value = shared_cache.get("from-jython")
    assert value == {"text": "hallo welt", "runtime": "jython"}

    # One counter, incremented on both sides with Redis's INCRBY.
    assert shared_cache.incr("counter", 10) == 11
    assert fetch_ok(tomcat + "/probe/redis/from-jython/").json()["counter"] == 11
