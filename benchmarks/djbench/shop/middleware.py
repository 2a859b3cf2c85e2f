"""Benchmark instrumentation: how many SQL statements an admin page ran, by kind, in a response header.

``X-Bench-Product-SQL: counts=1 pages=1 lookups=0`` for a correct change list: one COUNT over
shop_product, one query for the page's rows, no query per row for a supplier. The runner's
checks read it (benchmarks/benchkit/scenarios.py); the pyframework contenders send the same header.
Other paths are not instrumented.
"""
from django.db import connection

HEADER = "X-Bench-Product-SQL"


class AdminQueryCountMiddleware(object):
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path_info.startswith("/admin/"):
            return self.get_response(request)
        statements = []

        def record(execute, sql, params, many, context):
            statements.append(sql.lower())
            return execute(sql, params, many, context)

        with connection.execute_wrapper(record):
            response = self.get_response(request)
        products = [sql for sql in statements if "shop_product" in sql]
        counts = sum(1 for sql in products if "count(" in sql)
        lookups = sum(1 for sql in statements if "shop_supplier" in sql and "shop_product" not in sql)
        response[HEADER] = "counts=%d pages=%d lookups=%d" % (counts, len(products) - counts, lookups)
        return response
