"""Whole-form HTML layouts: ``as_div()`` (the default), ``as_p()``, ``as_ul()`` and ``as_table()``.

Every layout shows form-wide errors first (with the errors of hidden fields,
which have no row of their own), then one row per visible field: label,
errors, widget and help text. Hidden fields go inside the last row so tables
and lists stay valid HTML.
"""
from __future__ import absolute_import, unicode_literals

from markupsafe import Markup, escape


class Layout(object):
    def __init__(self, row, top_errors, hidden_only, errors_outside_row=False):
        self.row = row
        self.top_errors = top_errors
        self.hidden_only = hidden_only
        # <ul> may not sit inside <p>: as_p puts a field's errors before its row.
        self.errors_outside_row = errors_outside_row


LAYOUTS = {
    "div": Layout("<div%(css)s>%(label)s%(errors)s%(field)s%(help)s%(hidden)s</div>",
                  "%s", "<div>%s</div>"),
    "p": Layout("<p%(css)s>%(label)s %(field)s%(help)s%(hidden)s</p>",
                "%s", "<div>%s</div>", errors_outside_row=True),
    "ul": Layout("<li%(css)s>%(errors)s%(label)s %(field)s%(help)s%(hidden)s</li>",
                 "<li>%s</li>", "<li>%s</li>"),
    "table": Layout("<tr%(css)s><th>%(label)s</th><td>%(errors)s%(field)s%(help)s%(hidden)s</td></tr>",
                    '<tr><td colspan="2">%s</td></tr>', '<tr><td colspan="2">%s</td></tr>'),
}


def render_form(form, layout_name):
    layout = LAYOUTS[layout_name]
    top_errors = form.non_field_errors().as_data()
    hidden_html = []
    visible = []
    for bound_field in form:
        if bound_field.is_hidden:
            for text in bound_field.errors:
                top_errors.append("(Hidden field %s) %s" % (bound_field.name, text))
            hidden_html.append(bound_field.__html__())
        else:
            visible.append(bound_field)

    rows = []
    if top_errors:
        error_list = form.error_class(top_errors, error_class="nonfield")
        rows.append(layout.top_errors % error_list.as_ul())
    hidden = Markup("".join(hidden_html))
    for index, bound_field in enumerate(visible):
        css_classes = bound_field.css_classes()
        errors = bound_field.errors.as_ul()
        row = layout.row % {
            "css": ' class="%s"' % escape(css_classes) if css_classes else "",
            "label": bound_field.label_tag() if bound_field.label else "",
            "errors": "" if layout.errors_outside_row else errors,
            "field": bound_field.__html__(),
            "help": bound_field.help_text_html(),
            "hidden": hidden if index == len(visible) - 1 else "",
        }
        if layout.errors_outside_row and errors:
            rows.append(errors)
        rows.append(row)
    if hidden and not visible:
        rows.append(layout.hidden_only % hidden)
    return Markup("\n".join(rows))
