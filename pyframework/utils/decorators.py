"""Helpers for writing decorators (Django's ``utils.decorators``): ``method_decorator`` turns a
function decorator into a method decorator; ``decorator_from_middleware`` runs a middleware's
hooks around one view."""
from __future__ import absolute_import, unicode_literals

import types
from functools import partial, update_wrapper, wraps


class classonlymethod(object):
    """A classmethod that refuses to be called on an instance (``View.as_view``).

    A descriptor of its own rather than a classmethod subclass: Jython ignores ``__get__``
    overridden on classmethod subclasses.
    """

    def __init__(self, func):
        self.__func__ = func
        self.__doc__ = getattr(func, "__doc__", None)

    def __get__(self, instance, cls=None):
        if instance is not None:
            raise AttributeError("This method is available only on the class, not on instances.")
        return types.MethodType(self.__func__, cls)


def _update_method_wrapper(wrapper, decorator):
    # Attributes a decorator sets on what it returns (csrf_exempt...) land on the wrapper too.
    @decorator
    def dummy(*args, **kwargs):
        pass
    update_wrapper(wrapper, dummy)


def _multi_decorate(decorators, method):
    """``method`` wrapped so that each call applies ``decorators`` (outermost first) to the
    method bound to that call's instance."""
    decorators = list(decorators)[::-1] if hasattr(decorators, "__iter__") else [decorators]

    def _wrapper(self, *args, **kwargs):
        bound = partial(method.__get__(self, type(self)))
        for attr in ("__module__", "__name__", "__doc__"):
            if hasattr(method, attr):
                setattr(bound, attr, getattr(method, attr))
        for decorator in decorators:
            bound = decorator(bound)
        return bound(*args, **kwargs)

    for decorator in decorators:
        _update_method_wrapper(_wrapper, decorator)
    update_wrapper(_wrapper, method)
    return _wrapper


def method_decorator(decorator, name=""):
    """Use a function decorator (or a list of them) on a method, or on the method ``name`` of
    a class: ``@method_decorator(login_required, name="dispatch")``."""
    def _dec(obj):
        if not isinstance(obj, type):
            return _multi_decorate(decorator, obj)
        if not (name and hasattr(obj, name)):
            raise ValueError("The keyword argument `name` must be the name of a method of the decorated "
                             "class: %s. Got '%s' instead." % (obj, name))
        method = getattr(obj, name)
        if not callable(method):
            raise TypeError("Cannot decorate '%s' as it isn't a callable attribute of %s (%s)."
                            % (name, obj, method))
        setattr(obj, name, _multi_decorate(decorator, method))
        return obj

    if not hasattr(decorator, "__iter__"):
        update_wrapper(_dec, decorator)
    named = decorator if hasattr(decorator, "__name__") else decorator.__class__
    _dec.__name__ = str("method_decorator(%s)" % named.__name__)
    return _dec


def decorator_from_middleware_with_args(middleware_class):
    """``cache_page = decorator_from_middleware_with_args(CacheMiddleware)``; then
    ``@cache_page(3600)`` passes its arguments to the middleware."""
    return make_middleware_decorator(middleware_class)


def decorator_from_middleware(middleware_class):
    """A view decorator running ``middleware_class``'s hooks around that view only."""
    return make_middleware_decorator(middleware_class)()


def make_middleware_decorator(middleware_class):
    def _make_decorator(*m_args, **m_kwargs):
        def _decorator(view_func):
            middleware = middleware_class(view_func, *m_args, **m_kwargs)

            def _view_wrapper(request, *args, **kwargs):
                for hook, hook_args in (("process_request", (request,)),
                                        ("process_view", (request, view_func, args, kwargs))):
                    if hasattr(middleware, hook):
                        result = getattr(middleware, hook)(*hook_args)
                        if result is not None:
                            return result
                try:
                    response = view_func(request, *args, **kwargs)
                except Exception as exc:
                    if hasattr(middleware, "process_exception"):
                        result = middleware.process_exception(request, exc)
                        if result is not None:
                            return result
                    raise
                return _after(middleware, request, response)

            return wraps(view_func)(_view_wrapper)
        return _decorator
    return _make_decorator


def _after(middleware, request, response):
    if callable(getattr(response, "render", None)):
        # A TemplateResponse is rendered later: process_response must see the rendered body.
        if hasattr(middleware, "process_template_response"):
            response = middleware.process_template_response(request, response)
        if hasattr(middleware, "process_response"):
            response.add_post_render_callback(lambda rendered: middleware.process_response(request, rendered))
        return response
    if hasattr(middleware, "process_response"):
        return middleware.process_response(request, response)
    return response


def sync_and_async_middleware(func):
    """Mark a middleware factory as usable in sync and async stacks."""
    func.sync_capable = True
    func.async_capable = True
    return func


def sync_only_middleware(func):
    """Mark a middleware factory as sync only (the default)."""
    func.sync_capable = True
    func.async_capable = False
    return func


def async_only_middleware(func):
    """Mark a middleware factory as async only."""
    func.sync_capable = False
    func.async_capable = True
    return func
