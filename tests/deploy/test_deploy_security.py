"""Security regressions on the deployed WAR (Tomcat and Payara Micro, Jython, embedded H2).

ALLOWED_HOSTS is enforced on every page, and a column label taken from the query string (the
probe view of tests/deploy/deploy_probe, built into the test WAR only) cannot become SQL.
"""
from __future__ import absolute_import, division, unicode_literals

import pytest

from deploy_browser import signed_in_browser
from deploy_http import exchange, fetch
from pyframework.utils.compat import quote, urlsplit

ALIAS_ERROR = "Column aliases cannot contain whitespace characters"
UNION_EXPLOIT = 'x" FROM auth_user UNION ALL SELECT username, password FROM auth_user --'


@pytest.mark.parametrize("host_line", [b"Host: evil.com", b"Host: ", b"Host: exa\xffmple.com",
                                       b"Host: 127.0.0.1.evil.com"])
def test_disallowed_host_is_400_on_a_page_that_never_builds_a_url(request, server, host_line):
    head = b"GET " + urlsplit(server).path.encode("ascii") + b"/hello/world/ HTTP/1.1\r\n" + host_line \
        + b"\r\nConnection: close\r\n\r\n"
    status, raw = exchange(server, head)
    if host_line == b"Host: " and request.node.callspec.params.get("server") == "payara":
        # Payara (Grizzly) drops an empty Host header: the servlet API then reports no Host at
        # all, and the request is for the server's own name (SERVER_NAME), which is allowed.
        # RFC 9112 permits an empty Host; no browser can be made to send one for DNS rebinding.
        assert status == 200, raw[:400]
        return
    assert status == 400, raw[:400]
    assert b"world" not in raw.partition(b"\r\n\r\n")[2].lower()


def test_allowed_host_is_served(server):
    head = ("GET %s/hello/world/ HTTP/1.1\r\nHost: localhost:%d\r\nConnection: close\r\n\r\n"
            % (urlsplit(server).path, urlsplit(server).port)).encode("ascii")
    assert exchange(server, head)[0] == 200


def test_union_all_through_an_annotate_label_is_refused(server):
    """The review's exploit on H2 in the WAR: no password hash comes back, only a 400."""
    browser = signed_in_browser(server)
    listed = fetch(server + "/probe/usernames/?label=name")
    assert listed.status == 200, listed
    assert browser.username in listed.json()["values"]
    for label in (UNION_EXPLOIT, "x` FROM auth_user --", "name; DROP TABLE auth_user"):
        answer = fetch(server + "/probe/usernames/?label=" + quote(label))
        assert answer.status == 400, answer
        assert ALIAS_ERROR in answer.text
        assert "pbkdf2" not in answer.text
    assert fetch(server + "/probe/usernames/?label=name").status == 200
