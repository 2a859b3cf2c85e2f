"""Shortcuts for views: render a template, redirect, fetch an object or answer 404."""
from __future__ import absolute_import, unicode_literals

from pyframework.core.exceptions import ObjectDoesNotExist
from pyframework.http import Http404, HttpResponse, HttpResponsePermanentRedirect, HttpResponseRedirect
from pyframework.template import loader
from pyframework.urls import NoReverseMatch, reverse
from pyframework.utils.compat import string_types, text_type
from pyframework.utils.functional import Promise


def render(request, template_name, context=None, content_type=None, status=None, using=None):
    """An HttpResponse whose content is ``template_name`` rendered with ``context``."""
    content = loader.render_to_string(template_name, context, request, using=using)
    if status is None:
        return HttpResponse(content, content_type=content_type)
    return HttpResponse(content, content_type=content_type, status=status)


def redirect(to, *args, **kwargs):
    """A redirect to ``to``: a URL, a view name (reversed with args/kwargs), or an object
    with ``get_absolute_url()``. ``permanent=True`` gives 301 instead of 302.
    """
    permanent = kwargs.pop("permanent", False)
    response_class = HttpResponsePermanentRedirect if permanent else HttpResponseRedirect
    return response_class(resolve_url(to, *args, **kwargs))


def resolve_url(to, *args, **kwargs):
    """The URL for ``to`` as redirect() understands it."""
    get_absolute_url = getattr(to, "get_absolute_url", None)
    if get_absolute_url is not None:
        return get_absolute_url()
    if isinstance(to, Promise):
        return text_type(to)
    # Text with a '/' is a URL ('/a/', '../b', 'https://...'), never a pattern name:
    # no need to search the urlconf for it.
    if isinstance(to, string_types) and "/" in to:
        return to
    try:
        return reverse(to, args=args, kwargs=kwargs)
    except NoReverseMatch:
        if callable(to) or "." not in to:
            raise
    return to  # e.g. "example.com"


def _get_queryset(klass):
    """A manager or queryset from a model class; managers and querysets are returned as they are."""
    manager = getattr(klass, "_default_manager", None)
    if manager is not None:
        return manager.all() if hasattr(manager, "all") else manager
    return klass


def _does_not_exist(queryset, klass):
    model = getattr(queryset, "model", None) or klass
    return getattr(model, "DoesNotExist", ObjectDoesNotExist)


def _klass_name(klass):
    model = getattr(klass, "model", klass)
    return getattr(model, "__name__", None) or model.__class__.__name__


def get_object_or_404(klass, *args, **kwargs):
    """``klass.get(...)`` (klass: model class, manager or queryset) or Http404 if there is none."""
    queryset = _get_queryset(klass)
    if not hasattr(queryset, "get"):
        raise ValueError("get_object_or_404() needs a model, manager or queryset, not %r." % (klass,))
    try:
        return queryset.get(*args, **kwargs)
    except (_does_not_exist(queryset, klass), ObjectDoesNotExist):
        raise Http404("No %s matches the given query." % _klass_name(klass))


def get_list_or_404(klass, *args, **kwargs):
    """``list(klass.filter(...))``, or Http404 if it is empty."""
    queryset = _get_queryset(klass)
    if not hasattr(queryset, "filter"):
        raise ValueError("get_list_or_404() needs a model, manager or queryset, not %r." % (klass,))
    objects = list(queryset.filter(*args, **kwargs))
    if not objects:
        raise Http404("No %s matches the given query." % _klass_name(klass))
    return objects
