"""Technical error pages shown when DEBUG is True.

Built from plain string templates in code, not Jinja: the template engine
may itself be what is broken, and this page must still render.
"""
from __future__ import absolute_import, unicode_literals

import linecache
import re

from pyframework.conf import settings
from pyframework.http import HttpResponse
from pyframework.utils.compat import PY2, text_type

# Names of settings, headers and variables whose values are never displayed.
SECRET_NAME = re.compile("SECRET|PASSWORD|PASS|TOKEN|KEY|SIGNATURE|COOKIE|AUTH|CREDENTIAL", re.IGNORECASE)
CLEANSED = "********************"
MAX_VALUE_LENGTH = 4096
MAX_FRAMES = 60
CONTEXT_LINES = 7
MAX_CHAIN = 10
MAX_JAVA_FRAMES = 40
CAUSE_TEXT = "The above exception was the direct cause of the following exception:"
CONTEXT_TEXT = "During handling of the above exception, another exception occurred:"


def exception_chain(exc_value):
    """``exc_value`` and the exceptions it was raised from, innermost cause first, as Python prints
    them: a list of (exception, how it leads to the next one: "cause", "context" or None).

    Follows ``__cause__`` (``raise ... from``), else ``__context__`` unless suppressed; on Jython
    these exist when code sets them. Cycles end the walk.
    """
    chain = []
    seen = set()
    relation = None
    while exc_value is not None and id(exc_value) not in seen and len(chain) < MAX_CHAIN:
        seen.add(id(exc_value))
        chain.append((exc_value, relation))
        cause = getattr(exc_value, "__cause__", None)
        relation = "cause"
        if cause is None and not getattr(exc_value, "__suppress_context__", False):
            cause = getattr(exc_value, "__context__", None)
            relation = "context"
        exc_value = cause
    # Each entry was recorded with how it leads to the one raised after it: print causes first.
    chain.reverse()
    return chain


def is_java_throwable(value):
    """Whether ``value`` is a java.lang.Throwable (thrown by Java code under Jython, or through JPype)."""
    return callable(getattr(value, "getStackTrace", None)) and callable(getattr(value, "getCause", None))


def java_stack(throwable):
    """A Java throwable as Java prints it: its toString(), "at ..." lines, then each "Caused by:"."""
    lines = []
    seen = set()
    first = True
    while throwable is not None and id(throwable) not in seen and len(seen) < MAX_CHAIN:
        seen.add(id(throwable))
        try:
            described = safe_text(throwable.toString())
            frames = list(throwable.getStackTrace())
            cause = throwable.getCause()
        except Exception as exc:
            lines.append("<could not be read: %s>" % safe_text(exc))
            break
        lines.append(described if first else "Caused by: " + described)
        lines.extend("    at %s" % safe_text(frame) for frame in frames[:MAX_JAVA_FRAMES])
        if len(frames) > MAX_JAVA_FRAMES:
            lines.append("    ... %d more" % (len(frames) - MAX_JAVA_FRAMES))
        throwable = cause
        first = False
    return lines


def escape(value):
    return (value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("'", "&#39;"))


def safe_text(value):
    """``value`` as text, whatever its type; never raises."""
    try:
        if isinstance(value, bytes):
            return value.decode("utf-8", "replace")
        return text_type(value)
    except Exception:
        try:
            return safe_repr(value)
        except Exception:  # pragma: no cover - safe_repr already guards
            return "<unprintable %s>" % type(value).__name__


def safe_repr(value):
    """A bounded ``repr`` that survives objects whose ``__repr__`` raises."""
    try:
        text = repr(value)
        if isinstance(text, bytes):
            text = text.decode("utf-8", "replace")
    except Exception as exc:
        text = "<%s instance; repr() raised %s>" % (type(value).__name__, type(exc).__name__)
    if len(text) > MAX_VALUE_LENGTH:
        text = "%s... <trimmed %d characters>" % (text[:MAX_VALUE_LENGTH], len(text))
    return text


def cleanse(name, value):
    """``value`` for display, hidden if ``name`` looks like a secret (recursing into dicts)."""
    if SECRET_NAME.search(safe_text(name)):
        return CLEANSED
    if isinstance(value, dict):
        try:
            return dict((key, cleanse(key, item)) for key, item in value.items())
        except Exception:
            return value
    return value


def accepts_html(request):
    accept = request.META.get("HTTP_ACCEPT", "") if request is not None else ""
    return not accept or "text/html" in accept or "*/*" in accept


def _frame_source(frame, lineno):
    """Lines around ``lineno`` (1-based): (first line number, lines before, the line, lines after)."""
    filename = frame.f_code.co_filename
    try:
        lines = linecache.getlines(filename, frame.f_globals)
    except Exception:
        lines = []
    if not lines or lineno > len(lines):
        return lineno, [], "", []
    lines = [line.rstrip("\r\n") for line in lines]
    if PY2:
        lines = [safe_text(line) for line in lines]
    index = lineno - 1
    start = max(index - CONTEXT_LINES, 0)
    return start + 1, lines[start:index], lines[index], lines[index + 1:index + 1 + CONTEXT_LINES]


class ExceptionReport(object):
    """Everything the 500 page shows, gathered without letting anything raise."""

    def __init__(self, request, exc_type, exc_value, tb):
        self.request = request
        self.exc_type = exc_type
        self.exc_value = exc_value
        self.tb = tb

    @property
    def title(self):
        name = getattr(self.exc_type, "__name__", safe_text(self.exc_type))
        return "%s: %s" % (name, safe_text(self.exc_value)) if self.exc_value is not None else name

    def chain(self):
        """[(title, frames, java stack lines, relation to the next)] for the raised exception and
        its causes, innermost cause first; the raised exception's frames come from ``tb``."""
        entries = []
        for value, relation in exception_chain(self.exc_value):
            if value is self.exc_value:
                name, tb = getattr(self.exc_type, "__name__", safe_text(self.exc_type)), self.tb
            else:
                name, tb = type(value).__name__, getattr(value, "__traceback__", None)
            title = "%s: %s" % (name, safe_text(value))
            java = java_stack(value) if is_java_throwable(value) else []
            entries.append((title, self.frames(tb), java, relation))
        if not entries:
            entries.append((self.title, self.frames(self.tb), [], None))
        return entries

    def frames(self, tb=None):
        frames = []
        tb = self.tb if tb is None else tb
        while tb is not None:
            frame = tb.tb_frame
            first, before, line, after = _frame_source(frame, tb.tb_lineno)
            is_hidden = frame.f_locals.get("__traceback_hide__")
            if not is_hidden:
                frames.append({
                    "filename": safe_text(frame.f_code.co_filename),
                    "function": safe_text(frame.f_code.co_name),
                    "lineno": tb.tb_lineno,
                    "first_lineno": first,
                    "before": before,
                    "line": line,
                    "after": after,
                    "vars": sorted((safe_text(name), safe_repr(cleanse(name, value)))
                                   for name, value in list(frame.f_locals.items())),
                })
            tb = tb.tb_next
        # The innermost frames are the useful ones.
        return frames[-MAX_FRAMES:]

    def request_sections(self):
        """Titled lists of (name, value) pairs describing the request."""
        request = self.request
        if request is None:
            return [("Request", [("", "The request could not be parsed.")])]

        def attempt(build):
            try:
                return build()
            except Exception as exc:
                return [("", "<could not be read: %s: %s>" % (type(exc).__name__, safe_text(exc)))]

        summary = [
            ("Method", safe_text(getattr(request, "method", ""))),
            ("Path", safe_text(getattr(request, "path", ""))),
        ]
        match = getattr(request, "resolver_match", None)
        if match is not None:
            summary.append(("View", _view_name(match.func)))
        sections = [
            ("Request", summary),
            ("GET", attempt(lambda: [(safe_text(k), safe_repr(cleanse(k, v))) for k, v in _multi_items(request.GET)])),
            ("POST field names", attempt(lambda: [(safe_text(k), "") for k in request.POST.keys()])),
            ("FILES", attempt(lambda: [(safe_text(k), safe_repr(v)) for k, v in _multi_items(request.FILES)])),
            ("Cookie names", attempt(lambda: [(safe_text(k), CLEANSED) for k in request.COOKIES])),
            ("Headers and environment", attempt(lambda: self._meta_items(request.META))),
        ]
        return sections

    @staticmethod
    def _meta_items(meta):
        items = []
        for name in sorted(meta):
            if name.startswith("HTTP_") or name.isupper():
                items.append((safe_text(name), safe_repr(cleanse(name, meta[name]))))
        return items

    @staticmethod
    def settings_items():
        wrapped = getattr(settings, "_wrapped", None)
        names = sorted(name for name in dir(wrapped) if name.isupper()) if wrapped is not None else []
        return [(name, safe_repr(cleanse(name, getattr(wrapped, name, None)))) for name in names]

    def html(self):
        parts = [_HTML_HEAD % {"title": escape(self.title)},
                 "<div id=summary><h1>%s</h1><p>%s</p></div>" % (
                     escape(getattr(self.exc_type, "__name__", "Exception")), escape(safe_text(self.exc_value)))]
        for title, frames, java, relation in self.chain():
            parts.append("<h2>Traceback (most recent call last)</h2><ol class=frames>")
            for frame in frames:
                parts.append("<li><p><code>%s</code>, line %d, in <b>%s</b></p>" % (
                    escape(frame["filename"]), frame["lineno"], escape(frame["function"])))
                parts.append(_html_source(frame))
                if frame["vars"]:
                    parts.append("<details><summary>Local vars</summary>%s</details>" % _html_table(frame["vars"]))
                parts.append("</li>")
            parts.append("</ol><p class=exception><b>%s</b></p>" % escape(title))
            if java:
                parts.append("<h2>Java stack trace</h2><pre class=java>%s</pre>" % escape("\n".join(java)))
            if relation:
                parts.append("<p class=chain>%s</p>" % escape(CAUSE_TEXT if relation == "cause" else CONTEXT_TEXT))
        for title, items in self.request_sections():
            parts.append("<h2>%s</h2>%s" % (escape(title), _html_table(items)))
        parts.append("<h2>Settings</h2>%s" % _html_table(self.settings_items()))
        parts.append(_HTML_FOOT)
        return "".join(parts)

    def text(self):
        lines = [self.title]
        for title, frames, java, relation in self.chain():
            lines.extend(["", "Traceback (most recent call last):"])
            for frame in frames:
                lines.append('  File "%s", line %d, in %s' % (frame["filename"], frame["lineno"], frame["function"]))
                if frame["line"]:
                    lines.append("    " + frame["line"].strip())
            lines.append(title)
            if java:
                lines.extend(["", "Java stack trace:"] + java)
            if relation:
                lines.extend(["", CAUSE_TEXT if relation == "cause" else CONTEXT_TEXT])
        for title, items in self.request_sections():
            lines.append("")
            lines.append("%s:" % title)
            lines.extend("  %s = %s" % item if item[0] else "  %s" % item[1] for item in items)
            if not items:
                lines.append("  (none)")
        lines.extend(["", "You see this page because DEBUG is True. Set DEBUG = False in production.", ""])
        return "\n".join(lines)


def _multi_items(query_dict):
    lists = getattr(query_dict, "lists", None)
    if lists is None:
        return list(query_dict.items())
    return list(lists())


def _view_name(func):
    view_class = getattr(func, "view_class", None)
    target = view_class if view_class is not None else func
    return "%s.%s" % (getattr(target, "__module__", "?"), getattr(target, "__name__", type(target).__name__))


def _html_table(items):
    if not items:
        return "<p class=empty>(none)</p>"
    rows = "".join("<tr><th>%s</th><td><pre>%s</pre></td></tr>" % (escape(name), escape(value))
                   for name, value in items)
    return "<table>%s</table>" % rows


def _html_source(frame):
    if not frame["line"]:
        return ""
    numbered = []
    lineno = frame["first_lineno"]
    for line in frame["before"]:
        numbered.append("%5d  %s" % (lineno, escape(line)))
        lineno += 1
    numbered.append("<b class=current>%5d  %s</b>" % (lineno, escape(frame["line"])))
    for line in frame["after"]:
        lineno += 1
        numbered.append("%5d  %s" % (lineno, escape(line)))
    return "<pre class=source>%s</pre>" % "\n".join(numbered)


_STYLE = ("body{font:14px sans-serif;margin:0}h1,h2,p,ol,table,pre.source,details{margin:0.5em 1em}"
          "#summary{background:#ffc;padding:0.5em 0;border-bottom:1px solid #ddd}"
          "table{border-collapse:collapse}th{text-align:left;vertical-align:top;padding-right:1em}"
          "td pre{margin:0;white-space:pre-wrap;word-break:break-all}pre.source{background:#f6f6f6}"
          ".current{background:#fdd}.frames li{margin-bottom:1em}p.exception{color:#a00}"
          "pre.java{margin:0.5em 1em;background:#eef;white-space:pre-wrap}p.chain{font-style:italic}")
_HTML_HEAD = ("<!doctype html><html lang=en><head><meta charset=utf-8><meta name=robots content=noindex>"
              "<title>%(title)s</title><style>" + _STYLE.replace("%", "%%") + "</style></head><body>")
_HTML_FOOT = ("<p><em>You see this page because DEBUG is True. "
              "Set DEBUG = False in production to show the standard error page.</em></p></body></html>")


def technical_500_response(request, exc_type, exc_value, tb, status_code=500):
    """The DEBUG error page: traceback with source and locals, request and settings."""
    report = ExceptionReport(request, exc_type, exc_value, tb)
    if accepts_html(request):
        return HttpResponse(report.html(), status=status_code, content_type="text/html; charset=utf-8")
    return HttpResponse(report.text(), status=status_code, content_type="text/plain; charset=utf-8")


def _tried_patterns(exception):
    """The URL patterns a Resolver404 says were tried, as display strings."""
    describe = getattr(exception, "tried_descriptions", None)
    if describe is not None:
        return describe()
    tried = getattr(exception, "tried", None)
    if tried is None and exception.args and isinstance(exception.args[0], dict):
        tried = exception.args[0].get("tried")
    if tried is None:
        return None
    described = []
    for entry in tried:
        patterns = entry if isinstance(entry, (list, tuple)) else [entry]
        words = []
        for pattern in patterns:
            words.append(safe_text(getattr(pattern, "pattern", pattern)))
            name = getattr(pattern, "name", None)
            if name:
                words.append("[name=%r]" % safe_text(name))
        described.append(" ".join(words))
    return described


def technical_404_response(request, exception):
    """The DEBUG 404 page: which URL patterns were tried, or why the view raised Http404."""
    path = safe_text(getattr(request, "path_info", "") or getattr(request, "path", ""))
    tried = _tried_patterns(exception)
    reason = safe_text(exception.args[0]) if exception.args and not isinstance(exception.args[0], dict) else ""
    match = getattr(request, "resolver_match", None)
    raised_by = _view_name(match.func) if match is not None else ""
    if tried is not None:
        explanation = "The current path, %s, didn't match any of these." % path
    else:
        explanation = reason or "The view raised Http404."
    if not accepts_html(request):
        lines = ["Page not found (404)", "Request: %s %s" % (safe_text(request.method), path)]
        if raised_by:
            lines.append("Raised by: %s" % raised_by)
        if tried is not None:
            lines.append("URL patterns tried, in this order:")
            lines.extend("  %d. %s" % (number, text) for number, text in enumerate(tried, 1))
        lines.append(explanation)
        return HttpResponse("\n".join(lines) + "\n", status=404, content_type="text/plain; charset=utf-8")
    parts = [_HTML_HEAD % {"title": "Page not found at %s" % escape(path)},
             "<div id=summary><h1>Page not found <small>(404)</small></h1>",
             _html_table([("Request method", safe_text(request.method)), ("Request path", path)]
                         + ([("Raised by", raised_by)] if raised_by else [])),
             "</div>"]
    if tried is not None:
        urlconf = getattr(request, "urlconf", None) or settings.ROOT_URLCONF
        parts.append("<p>Using the URLconf defined in <code>%s</code>, the framework tried these URL patterns, "
                     "in this order:</p><ol class=patterns>" % escape(safe_text(urlconf)))
        parts.extend("<li><code>%s</code></li>" % escape(text) for text in tried)
        parts.append("</ol>")
    parts.append("<p>%s</p>" % escape(explanation))
    parts.append(_HTML_FOOT)
    return HttpResponse("".join(parts), status=404, content_type="text/html; charset=utf-8")

