"""The ``{% cache %}`` fragment tag as a Jinja2 extension (mirrors ``django.templatetags.cache``).

::

    {% cache 500 sidebar request.user.username %} ... {% endcache %}
    {% cache 300 "menu" lang using="fragments" %} ... {% endcache %}

The timeout is an expression (seconds; None caches forever), the fragment name a bare word or
an expression, then any number of vary-on expressions and an optional ``using="alias"``. The
cache is CACHES["template_fragments"] when that alias exists, else CACHES["default"]. Delete a
fragment with ``cache.delete(make_template_fragment_key("sidebar", [username]))``. The Jinja2
backend loads this extension on every engine.
"""
from __future__ import absolute_import, unicode_literals

from jinja2 import nodes
from jinja2.exceptions import TemplateSyntaxError
from jinja2.ext import Extension
from markupsafe import Markup

from pyframework.conf import settings
from pyframework.core.cache import InvalidCacheBackendError, caches
from pyframework.core.cache.utils import make_template_fragment_key
from pyframework.utils.compat import integer_types, text_type


class CacheExtension(Extension):
    """``{% cache timeout name [vary_on ...] [using="alias"] %}...{% endcache %}``."""

    tags = set(["cache"])

    def parse(self, parser):
        lineno = next(parser.stream).lineno
        timeout = parser.parse_expression()
        if parser.stream.current.type == "name":
            # Django's fragment name is a bare word: {% cache 500 sidebar %}.
            fragment_name = nodes.Const(next(parser.stream).value)
        else:
            fragment_name = parser.parse_expression()
        vary_on = []
        using = nodes.Const(None)
        while parser.stream.current.type != "block_end":
            if parser.stream.current.test("name:using") and parser.stream.look().type == "assign":
                next(parser.stream)
                next(parser.stream)
                using = parser.parse_expression()
            else:
                vary_on.append(parser.parse_expression())
            parser.stream.skip_if("comma")
        body = parser.parse_statements(["name:endcache"], drop_needle=True)
        call = self.call_method("_render_cached", [timeout, fragment_name, nodes.List(vary_on), using,
                                                   nodes.Const(lineno)])
        return nodes.CallBlock(call, [], [], body).set_lineno(lineno)

    def _render_cached(self, timeout, fragment_name, vary_on, using, lineno, caller):
        if timeout is not None and (not isinstance(timeout, integer_types) or isinstance(timeout, bool)):
            try:
                timeout = int(timeout)
            except (TypeError, ValueError):
                raise TemplateSyntaxError("{%% cache %%} timeout must be a number of seconds, not %r." % (timeout,),
                                          lineno)
        fragment_cache = self._cache(using, lineno)
        key = make_template_fragment_key(fragment_name, vary_on)
        value = fragment_cache.get(key)
        if value is None:
            value = caller()
            # Plain text in the cache (the body is already escaped), so both runtimes read it.
            fragment_cache.set(key, text_type(value), timeout)
        return Markup(value)

    @staticmethod
    def _cache(using, lineno):
        if using is None:
            using = "template_fragments" if "template_fragments" in settings.CACHES else "default"
        try:
            return caches[using]
        except InvalidCacheBackendError:
            raise TemplateSyntaxError("{%% cache %%} using=%r: no such alias in CACHES." % (using,), lineno)


cache = CacheExtension
