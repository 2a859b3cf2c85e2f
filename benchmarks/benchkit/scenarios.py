"""The scenarios: what wrk sends, and what a correct answer looks like."""
import http.client
import re
import urllib.parse

FORM_BODY = "title=Benchmark+entry&quantity=7"
INVALID_FORM_BODY = "title=&quantity=many"
FORM_CONTENT_TYPE = "application/x-www-form-urlencoded"
PAGE_ROWS = 20
# admin-changelist: the first page (Django's list_per_page) of 100,000 products, as a staff user.
ADMIN_ROWS = 100
ADMIN_PRODUCTS = 100000
ADMIN_USERNAME = "bench"  # created by the benchmark projects' migrations (catalog 0002, shop 0002)
ADMIN_PASSWORD = "bench-only-password-7f3a"
ADMIN_SQL_HEADER = "x-bench-product-sql"
ADMIN_SQL_EXPECTED = "counts=1 pages=1 lookups=0"
TOKEN_FIELD = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')


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
    # The path names the app (catalog in pfbench, shop in djbench): Contender.path() has it.
    "admin-changelist": Scenario("admin-changelist", "GET", "/admin/catalog/product/"),
}
SCENARIO_ORDER = ("hello", "page", "form-post", "admin-changelist")


def request(url, method="GET", body=None, headers=None, with_cookies=False):
    """(status, headers dict with lower-case names, body bytes); redirects are not followed.

    ``with_cookies``: also return the {name: value} of every Set-Cookie header.
    """
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        sent = {"Content-Type": FORM_CONTENT_TYPE} if body is not None else {}
        sent.update(headers or {})
        target = parts.path + ("?" + parts.query if parts.query else "")
        connection.request(method, target, body=body, headers=sent)
        response = connection.getresponse()
        answer = (response.status, dict((k.lower(), v) for k, v in response.getheaders()), response.read())
        if not with_cookies:
            return answer
        cookies = {}
        for cookie in response.msg.get_all("Set-Cookie") or ():
            name, _, value = cookie.split(";", 1)[0].partition("=")
            cookies[name.strip()] = value.strip()
        return answer + (cookies,)
    finally:
        connection.close()


class LoginError(Exception):
    """The admin's login form did not log the benchmark's staff user in."""


def log_in_to_admin(contender):
    """Log the benchmark's staff user in through the admin's login form; return the Cookie header."""
    login = contender.url("/admin/login/")
    status, _, body, cookies = request(login, with_cookies=True)
    token = TOKEN_FIELD.search(body)
    if status != 200 or not token or "csrftoken" not in cookies:
        raise LoginError("GET /admin/login/: HTTP %d, no CSRF token or cookie %r" % (status, body[:200]))
    form = urllib.parse.urlencode({"username": ADMIN_USERNAME, "password": ADMIN_PASSWORD,
                                   "csrfmiddlewaretoken": token.group(1).decode("ascii")})
    status, headers, body, new_cookies = request(login, "POST", form, {"Cookie": "csrftoken=" + cookies["csrftoken"]},
                                                 with_cookies=True)
    if status != 302 or "sessionid" not in new_cookies:
        raise LoginError("POST /admin/login/: HTTP %d, Location %r, no session cookie %r"
                         % (status, headers.get("location"), body[:300]))
    cookies.update(new_cookies)
    return "; ".join("%s=%s" % item for item in sorted(cookies.items()))


def prepare(contender, scenario_names):
    """Per-contender request headers the scenarios need (the admin's session cookie); problems as lines."""
    if "admin-changelist" in scenario_names and "admin-changelist" in contender.scenarios:
        try:
            contender.headers["admin-changelist"] = {"Cookie": log_in_to_admin(contender)}
        except (LoginError, OSError, http.client.HTTPException) as error:
            return ["%s: admin-changelist: %s" % (contender.key, error)]
    return []


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


def check_admin_changelist(contender):
    scenario = SCENARIOS["admin-changelist"]
    path = contender.path(scenario)
    status, headers, body = request(contender.url(path), headers=contender.headers.get(scenario.name))
    if status != 200:
        return ["GET %s: HTTP %d %r" % (path, status, body[:200])]
    problems = []
    rows = body.count(b'name="_selected_action"')
    if rows != ADMIN_ROWS:
        problems.append("GET %s: %d rows instead of %d" % (path, rows, ADMIN_ROWS))
    # Ordered by id; product 1 belongs to supplier 2 (catalog 0002 seeds supplier = id % 100 + 1).
    if b">Product 1<" not in body or b">Product 100<" not in body or b">Product 101<" in body:
        problems.append("GET %s: not products 1-100" % path)
    if b">Supplier 2<" not in body:
        problems.append("GET %s: the supplier column is missing" % path)
    if b"%d products" % ADMIN_PRODUCTS not in body:
        problems.append("GET %s: no result count of %d products" % (path, ADMIN_PRODUCTS))
    sql = headers.get(ADMIN_SQL_HEADER)
    if sql != ADMIN_SQL_EXPECTED:
        problems.append("GET %s: SQL over the products %r, expected %r (one COUNT, one page query, no N+1)"
                        % (path, sql, ADMIN_SQL_EXPECTED))
    return problems


CHECKS = {"hello": check_hello, "page": check_page, "form-post": check_form_post,
          "admin-changelist": check_admin_changelist}


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
