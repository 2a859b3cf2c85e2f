"""Responses rendered late: middleware and decorators may still change the template or context.

The handler calls ``render()`` once the view's response has passed through
view-level middleware; until then ``template_name`` and ``context_data`` can be
changed. Reading ``content`` before that is a bug and raises
ContentNotRenderedError.
"""
from __future__ import absolute_import, unicode_literals

from pyframework.http import HttpResponse
from pyframework.template import loader


class ContentNotRenderedError(Exception):
    """The content of a template response was read before render() was called."""


class SimpleTemplateResponse(HttpResponse):
    rendering_attrs = ["template_name", "context_data", "_post_render_callbacks"]

    def __init__(self, template, context=None, content_type=None, status=None, charset=None, using=None,
                 headers=None):
        self.template_name = template
        self.context_data = context
        self.using = using
        self._post_render_callbacks = []
        self._request = None
        # Only what was given: HttpResponse has its own defaults (status 200...).
        response_kwargs = dict((key, value) for key, value in (
            ("content_type", content_type), ("status", status), ("charset", charset), ("headers", headers))
            if value is not None)
        # HttpResponse.__init__ sets content (to empty); rendering replaces it.
        super(SimpleTemplateResponse, self).__init__("", **response_kwargs)
        self._is_rendered = False

    def __getstate__(self):
        if not self._is_rendered:
            raise ContentNotRenderedError("A template response must be rendered before it can be pickled.")
        state = self.__dict__.copy()
        for attr in self.rendering_attrs:
            state.pop(attr, None)
        return state

    def resolve_template(self, template):
        """A template object from a name, a list of names, or a template object."""
        if isinstance(template, (list, tuple)):
            return loader.select_template(template, using=self.using)
        if hasattr(template, "render"):
            return template
        return loader.get_template(template, using=self.using)

    def resolve_context(self, context):
        return context

    @property
    def rendered_content(self):
        """The rendered text, computed now (does not store it in the response)."""
        template = self.resolve_template(self.template_name)
        context = self.resolve_context(self.context_data)
        return template.render(context, self._request)

    def add_post_render_callback(self, callback):
        """Call ``callback(response)`` after rendering (at once if already rendered)."""
        if self._is_rendered:
            callback(self)
        else:
            self._post_render_callbacks.append(callback)

    def render(self):
        """Render into ``content`` once; a callback may return a replacement response."""
        response = self
        if not self._is_rendered:
            self.content = self.rendered_content
            for callback in self._post_render_callbacks:
                replacement = callback(response)
                if replacement is not None:
                    response = replacement
        return response

    @property
    def is_rendered(self):
        return self._is_rendered

    def __iter__(self):
        if not self._is_rendered:
            raise ContentNotRenderedError("The response content must be rendered before it can be iterated over.")
        return super(SimpleTemplateResponse, self).__iter__()

    @property
    def content(self):
        if not self._is_rendered:
            raise ContentNotRenderedError("The response content must be rendered before it can be accessed.")
        return HttpResponse.content.fget(self)

    @content.setter
    def content(self, value):
        HttpResponse.content.fset(self, value)
        self._is_rendered = True


class TemplateResponse(SimpleTemplateResponse):
    """A SimpleTemplateResponse rendered with the request (so context processors run)."""

    rendering_attrs = SimpleTemplateResponse.rendering_attrs + ["_request"]

    def __init__(self, request, template, context=None, content_type=None, status=None, charset=None,
                 using=None, headers=None):
        super(TemplateResponse, self).__init__(
            template, context, content_type, status, charset, using, headers=headers)
        self._request = request
