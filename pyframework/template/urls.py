"""Functions available in every template: ``url()`` and ``static()``."""
from __future__ import absolute_import, unicode_literals

from pyframework.conf import settings
from pyframework.urls import get_script_prefix, reverse
from pyframework.utils.compat import PY2, quote


# reverse()'s own keyword arguments: url() passes them on as Django's documented Jinja2
# environment (``"url": reverse``) does, so a URL parameter cannot have one of these names.
_REVERSE_KEYWORDS = ("args", "kwargs", "current_app", "urlconf")


def url(context, viewname, *args, **kwargs):
    """``{{ url('blog:post', pk=post.pk) }}``: the path of a view, script prefix included.

    Also called as ``reverse()`` is, the form of templates ported from Django's Jinja2
    documentation: ``url('polls:detail', args=[question.id])``, ``url('x', kwargs={'pk': 1})``,
    with ``current_app=`` and ``urlconf=`` too. Positional and keyword URL arguments cannot
    be mixed (ValueError), as with ``reverse()``.

    Called with the template context: when an application is deployed under several
    namespaces, the one serving the current request is preferred.
    """
    options = dict((name, kwargs.pop(name)) for name in _REVERSE_KEYWORDS if name in kwargs)
    if options.get("args") is not None:
        if args:
            raise ValueError("url(%r): give the arguments either positionally or as args=[...], not both." % viewname)
        args = tuple(options["args"])
    if options.get("kwargs") is not None:
        if kwargs:
            raise ValueError("url(%r): give the keyword arguments either directly or as kwargs={...}, not both."
                             % viewname)
        kwargs = dict(options["kwargs"])
    current_app = options.get("current_app") or _current_app(context)
    return reverse(viewname, urlconf=options.get("urlconf"), args=args or None, kwargs=kwargs or None,
                   current_app=current_app)


def _current_app(context):
    request = context.get("request")
    if request is None:
        return None
    current_app = getattr(request, "current_app", None)
    if current_app is None:
        match = getattr(request, "resolver_match", None)
        current_app = match.namespace if match is not None else None
    return current_app or None


def static_url():
    """STATIC_URL as seen by the browser.

    A STATIC_URL without a host ('/static/' or 'static/') is relative to the
    application's root, so it gets the script prefix: deployed at /mysite, the
    files are under /mysite/static/. A full URL (a CDN) is used as is.
    """
    prefix = settings.STATIC_URL or ""
    if "://" in prefix or prefix.startswith("//"):
        return prefix
    return get_script_prefix() + prefix.lstrip("/")


def static(path):
    """``{{ static('css/site.css') }}``: the URL of a static file."""
    if PY2:
        path = quote(path.encode("utf-8"), safe=b"/~").decode("ascii")
    else:
        path = quote(path, safe="/~")
    return static_url() + path.lstrip("/")
