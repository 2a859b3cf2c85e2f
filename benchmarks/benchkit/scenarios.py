"""The three scenarios: what wrk sends, and what a correct answer looks like."""
import http.client
import urllib.parse

FORM_BODY = "title=Benchmark+entry&quantity=7"
INVALID_FORM_BODY = "title=&quantity=many"
FORM_CONTENT_TYPE = "application/x-www-form-urlencoded"
PAGE_ROWS = 20


class Scenario(object):
    def __init__(self, name, method, path, body=None):
        self.name = name
        self.method = method
        self.path = path
        self.body = body


SCENARIOS = {
    "hello": Scenario("hello", "GET", "/hello"),
    "page": Scenario("page", "GET", "/page"),
    "form-post": Scenario("form-post", "POST", "/form-post", FORM_BODY),
}
SCENARIO_ORDER = ("hello", "page", "form-post")


def request(url, method="GET", body=None):
    """(status, headers dict with lower-case names, body bytes); redirects are not followed."""
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        headers = {"Content-Type": FORM_CONTENT_TYPE} if body is not None else {}
        connection.request(method, parts.path, body=body, headers=headers)
        response = connection.getresponse()
        return response.status, dict((k.lower(), v) for k, v in response.getheaders()), response.read()
    finally:
        connection.close()


def check_hello(contender):
    status, headers, body = request(contender.url("/hello"))
    problems = []
    if status != 200 or body != b"Hello, World!":
        problems.append("GET /hello: HTTP %d %r" % (status, body[:80]))
    elif not headers.get("content-type", "").startswith("text/plain"):
        problems.append("GET /hello: Content-Type %r" % headers.get("content-type"))
    return problems


def check_page(contender):
    status, _, body = request(contender.url("/page"))
    if status != 200:
        return ["GET /page: HTTP %d %r" % (status, body[:200])]
    problems = []
    rows = body.count(b'<tr class="item">')
    if rows != PAGE_ROWS:
        problems.append("GET /page: %d rows instead of %d" % (rows, PAGE_ROWS))
    # The seeded names hold markup: autoescaped, and in id order.
    if b"<td>Item &lt;1&gt; &amp; co</td>" not in body or b"Item &lt;20&gt;" not in body:
        problems.append("GET /page: rows 1-20 missing or not escaped")
    if b"Item &lt;21&gt;" in body:
        problems.append("GET /page: row 21 listed")
    # From the base template: proves the inheritance.
    if b"<footer>benchmark page</footer>" not in body or b"<title>Items</title>" not in body:
        problems.append("GET /page: the base template's parts are missing")
    return problems


def check_form_post(contender):
    problems = []
    status, headers, body = request(contender.url("/form-post"), "POST", FORM_BODY)
    location = headers.get("location", "")
    if status not in (302, 303) or not location.endswith("/page"):
        problems.append("POST /form-post: HTTP %d, Location %r %r" % (status, location, body[:200]))
    status, _, body = request(contender.url("/form-post"), "POST", INVALID_FORM_BODY)
    if status != 400:
        problems.append("POST /form-post with an invalid form: HTTP %d instead of 400" % status)
    return problems


CHECKS = {"hello": check_hello, "page": check_page, "form-post": check_form_post}


def check(contender, scenario_names):
    """Every problem with the contender's answers, as readable lines (empty: all correct)."""
    problems = []
    for name in scenario_names:
        if name in contender.scenarios:
            try:
                problems.extend(CHECKS[name](contender))
            except (OSError, http.client.HTTPException) as error:
                problems.append("%s: %s" % (name, error))
    return ["%s: %s" % (contender.key, problem) for problem in problems]
