"""Default error views: the project's ``400.html``/``403.html``/``404.html``/``500.html``, or a short built-in page.

A urlconf may name its own views with ``handler400``, ``handler403``,
``handler404`` and ``handler500``; these are used otherwise.
"""
from __future__ import absolute_import, unicode_literals

from pyframework.conf import settings
from pyframework.http import HttpResponse
from pyframework.utils.compat import string_types

_BUILT_IN_PAGES = {
    400: ("Bad Request (400)", "The server could not understand this request."),
    403: ("403 Forbidden", "You do not have permission to access this page."),
    404: ("Not Found", "The requested resource was not found on this server."),
    500: ("Server Error (500)", "Something went wrong on the server. Please try again later."),
}


def _built_in_page(status_code):
    title, message = _BUILT_IN_PAGES[status_code]
    return ("<!doctype html><html lang=en><head><meta charset=utf-8><title>%s</title></head>"
            "<body><h1>%s</h1><p>%s</p></body></html>" % (title, title, message))


def _render_error_page(request, template_name, status_code, context):
    """Render the project's template for this error if it has one, else the built-in page."""
    body = None
    if settings.TEMPLATES:
        from pyframework.template import TemplateDoesNotExist, loader
        try:
            template = loader.get_template(template_name)
        except TemplateDoesNotExist:
            template = None
        if template is not None:
            body = template.render(context, request)
    if body is None:
        body = _built_in_page(status_code)
    return HttpResponse(body, status=status_code, content_type="text/html; charset=utf-8")


def bad_request(request, exception, template_name="400.html"):
    return _render_error_page(request, template_name, 400, {})


def permission_denied(request, exception, template_name="403.html"):
    return _render_error_page(request, template_name, 403, {"exception": _safe_message(exception)})


def page_not_found(request, exception, template_name="404.html"):
    path = getattr(request, "path", "")
    return _render_error_page(request, template_name, 404,
                              {"request_path": path, "exception": _safe_message(exception)})


def server_error(request, template_name="500.html"):
    return _render_error_page(request, template_name, 500, {})


def _safe_message(exception):
    """The exception's message when it is a plain string meant for users, else ''."""
    if exception is not None and exception.args and isinstance(exception.args[0], string_types):
        return exception.args[0]
    return ""


DEFAULT_ERROR_VIEWS = {
    400: bad_request,
    403: permission_denied,
    404: page_not_found,
    500: server_error,
}
