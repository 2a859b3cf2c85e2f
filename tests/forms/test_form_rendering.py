"""HTML of widgets, bound fields and whole forms: exact markup, accessibility attributes, escaping."""
from __future__ import unicode_literals

import datetime

from markupsafe import Markup

from pyframework import forms
from pyframework.template.backends.jinja2 import Jinja2

XSS = '"><script>alert(1)</script>'
XSS_ESCAPED = "&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"


class CommentForm(forms.Form):
    name = forms.CharField(max_length=30, help_text="Shown publicly.")
    email = forms.EmailField(required=False)
    body = forms.CharField(widget=forms.Textarea)
    token = forms.CharField(widget=forms.HiddenInput, required=False)


# --- single widgets -------------------------------------------------------------------------
def test_text_input_markup():
    html = forms.TextInput(attrs={"class": "wide"}).render("title", "Tea & cake", {"id": "id_title"})
    assert html == '<input type="text" name="title" value="Tea &amp; cake" class="wide" id="id_title">'
    assert isinstance(html, Markup)


def test_input_types():
    assert forms.EmailInput().render("e", None) == '<input type="email" name="e">'
    assert forms.URLInput().render("u", "") == '<input type="url" name="u">'
    assert forms.NumberInput().render("n", 3) == '<input type="number" name="n" value="3">'
    assert forms.FileInput().render("f", "secret.txt") == '<input type="file" name="f">'
    assert forms.PasswordInput().render("p", "secret") == '<input type="password" name="p">'
    assert forms.PasswordInput(render_value=True).render("p", "s") == '<input type="password" name="p" value="s">'
    assert forms.HiddenInput().render("h", "v") == '<input type="hidden" name="h" value="v">'


def test_temporal_inputs_use_iso_values():
    moment = datetime.datetime(2024, 1, 2, 3, 4, 5, 678)
    assert forms.DateInput().render("d", moment.date()) == '<input type="date" name="d" value="2024-01-02">'
    assert forms.DateTimeInput().render("d", moment) == (
        '<input type="datetime-local" name="d" value="2024-01-02T03:04:05">')
    assert forms.TimeInput().render("t", moment.time()) == '<input type="time" name="t" value="03:04:05">'
    assert forms.DateInput(format="%d/%m/%Y").render("d", moment) == '<input type="date" name="d" value="02/01/2024">'


def test_textarea_escapes_content():
    assert forms.Textarea().render("b", "</textarea><b>") == (
        '<textarea name="b" cols="40" rows="10">\n&lt;/textarea&gt;&lt;b&gt;</textarea>')


def test_checkbox_checked_state():
    assert forms.CheckboxInput().render("c", True) == '<input type="checkbox" name="c" checked>'
    assert forms.CheckboxInput().render("c", False) == '<input type="checkbox" name="c">'
    assert forms.CheckboxInput().render("c", "on") == '<input type="checkbox" name="c" value="on" checked>'


def test_select_with_groups_and_selection():
    widget = forms.Select(choices=[("", "---"), ("a", "A & B"), ("Group <1>", [("b", "Bee")])])
    assert widget.render("s", "b") == "\n".join([
        '<select name="s">',
        '<option value="">---</option>',
        '<option value="a">A &amp; B</option>',
        '<optgroup label="Group &lt;1&gt;">',
        '<option value="b" selected>Bee</option>',
        "</optgroup>",
        "</select>",
    ])


def test_select_multiple_marks_every_selected_option():
    widget = forms.SelectMultiple(choices=[(1, "One"), (2, "Two"), (3, "Three")])
    assert widget.render("m", [1, 3]) == "\n".join([
        '<select name="m" multiple>',
        '<option value="1" selected>One</option>',
        '<option value="2">Two</option>',
        '<option value="3" selected>Three</option>',
        "</select>",
    ])


def test_radio_select_labels_every_option():
    widget = forms.RadioSelect(choices=[("a", "A"), ("b", "<B>")])
    assert widget.render("r", "b", {"id": "id_r"}) == "\n".join([
        '<div id="id_r">',
        '<div><label for="id_r_0"><input type="radio" name="r" value="a" id="id_r_0"> A</label></div>',
        '<div><label for="id_r_1"><input type="radio" name="r" value="b" checked id="id_r_1"> &lt;B&gt;</label>'
        '</div>',
        "</div>",
    ])


def test_multiple_hidden_input():
    assert forms.MultipleHiddenInput().render("h", ["1", "2"], {"id": "id_h"}) == (
        '<input type="hidden" name="h" value="1" id="id_h_0">\n<input type="hidden" name="h" value="2" id="id_h_1">')


# --- bound fields -----------------------------------------------------------------------------
def test_bound_field_attributes():
    form = CommentForm()
    field = form["name"]
    assert field.html_name == "name"
    assert field.id_for_label == "id_name"
    assert field.label == "Name"
    assert field.help_text == "Shown publicly."
    assert field.value() is None
    assert field.label_tag() == '<label for="id_name">Name:</label>'
    assert field.label_tag("Your name", attrs={"class": "x"}) == '<label class="x" for="id_name">Your name:</label>'
    assert field.__html__() == (
        '<input type="text" name="name" aria-describedby="id_name_helptext" id="id_name" maxlength="30" required>')
    assert str(form["email"]) == '<input type="email" name="email" id="id_email" maxlength="320">'


def test_required_attribute_is_not_rendered_when_disabled_by_form():
    form = CommentForm(use_required_attribute=False)
    assert "required" not in form["body"].__html__()


def test_auto_id_off_and_custom_pattern():
    assert CommentForm(auto_id=False)["email"].__html__() == '<input type="email" name="email" maxlength="320">'
    assert CommentForm(auto_id=False)["email"].label_tag() == "<label>Email:</label>"
    assert 'id="field-email"' in CommentForm(auto_id="field-%s")["email"].__html__()


def test_invalid_field_points_at_its_errors():
    form = CommentForm({"name": "", "body": "hi"})
    assert form["name"].__html__() == (
        '<input type="text" name="name" aria-describedby="id_name_helptext id_name_error" '
        'aria-invalid="true" id="id_name" maxlength="30" required>')
    assert form["name"].errors.as_ul() == (
        '<ul class="errorlist" id="id_name_error"><li>This field is required.</li></ul>')


# --- whole forms ----------------------------------------------------------------------------------
NAME_INPUT = ('<input type="text" name="name" aria-describedby="id_name_helptext" id="id_name" maxlength="30" '
              "required>")
HELP = '<span class="helptext" id="id_name_helptext">Shown publicly.</span>'
EMAIL_INPUT = '<input type="email" name="email" id="id_email" maxlength="320">'
BODY_INPUT = '<textarea name="body" cols="40" id="id_body" required rows="10">\n</textarea>'
HIDDEN_INPUT = '<input type="hidden" name="token" id="id_token">'


def test_as_div_is_the_default():
    form = CommentForm()
    expected = "\n".join([
        '<div><label for="id_name">Name:</label>%s%s</div>' % (NAME_INPUT, HELP),
        '<div><label for="id_email">Email:</label>%s</div>' % EMAIL_INPUT,
        '<div><label for="id_body">Body:</label>%s%s</div>' % (BODY_INPUT, HIDDEN_INPUT),
    ])
    assert form.as_div() == expected
    assert str(form) == expected
    assert isinstance(form.as_div(), Markup)


def test_as_p_ul_and_table():
    form = CommentForm()
    assert form.as_p().splitlines()[1] == '<p><label for="id_email">Email:</label> %s</p>' % EMAIL_INPUT
    assert form.as_ul().splitlines()[1] == '<li><label for="id_email">Email:</label> %s</li>' % EMAIL_INPUT
    assert form.as_table().splitlines()[1] == (
        '<tr><th><label for="id_email">Email:</label></th><td>%s</td></tr>' % EMAIL_INPUT)


def test_as_p_puts_errors_before_the_paragraph():
    form = CommentForm({"name": "Ann", "email": "bad", "body": "x"})
    lines = form.as_p().splitlines()
    assert lines[1] == '<ul class="errorlist" id="id_email_error"><li>Enter a valid email address.</li></ul>'
    assert lines[2].startswith('<p><label for="id_email">Email:</label> <input type="email" name="email" value="bad" '
                               'aria-describedby="id_email_error" aria-invalid="true"')


def test_non_field_and_hidden_field_errors_lead_the_form():
    class Booking(forms.Form):
        day = forms.CharField()
        ref = forms.IntegerField(widget=forms.HiddenInput)

        def clean(self):
            raise ValidationErrorForTest("Fully booked.")

    form = Booking({"day": "mon", "ref": "x"})
    first = form.as_div().splitlines()[0]
    assert first == ('<ul class="errorlist nonfield"><li>Fully booked.</li>'
                     "<li>(Hidden field ref) Enter a whole number.</li></ul>")
    assert form.as_table().splitlines()[0] == '<tr><td colspan="2">%s</td></tr>' % first


def ValidationErrorForTest(message):
    return forms.ValidationError(message)


def test_css_classes_for_required_and_errors():
    class Styled(forms.Form):
        required_css_class = "required"
        error_css_class = "error"
        name = forms.CharField()
        note = forms.CharField(required=False)
    form = Styled({"name": ""})
    lines = form.as_div().splitlines()
    assert lines[0].startswith('<div class="error required"><label class="required" for="id_name">Name:</label>')
    assert lines[1].startswith('<div><label for="id_note">Note:</label>')


def test_xss_payloads_in_values_labels_help_and_choices_are_escaped():
    class Evil(forms.Form):
        title = forms.CharField(label=XSS, help_text=XSS, initial=XSS)
        choice = forms.ChoiceField(choices=[(XSS, XSS)])
    html = Evil().as_div()
    assert "<script>" not in html
    assert html.count(XSS_ESCAPED) == 5
    bound = Evil({"title": XSS, "choice": "nope" + XSS})
    html = bound.as_p()
    assert "<script>" not in html
    assert ("Select a valid choice. nope%s is not one of the available choices." % XSS_ESCAPED) in html


def test_jinja2_autoescape_renders_form_methods_once():
    engine = Jinja2({"DIRS": [], "OPTIONS": {}})
    template = engine.from_string(
        "<form method=post>{{ form.as_p() }}{{ form }}|{{ form['name'] }}|{{ form.name.label_tag() }}"
        "|{{ form['name'].errors }}|{{ form.non_field_errors() }}</form>")
    form = CommentForm({"name": XSS + XSS, "email": "", "body": "<b>"})
    html = template.render({"form": form})
    assert "<script>" not in html
    assert "&amp;" not in html  # nothing escaped twice
    assert "&amp;#34;" not in html
    assert html.startswith('<form method=post><ul class="errorlist" id="id_name_error"><li>Ensure this value has '
                           'at most 30 characters (it has 54).</li></ul>\n<p><label for="id_name">Name:</label> ')
    assert html.count('value="%s%s"' % (XSS_ESCAPED, XSS_ESCAPED)) == 3
    assert '|<label for="id_name">Name:</label>|' in html
    assert '<ul class="errorlist" id="id_name_error"><li>Ensure this value has at most 30 characters' in html
    assert "&lt;b&gt;</textarea>" in html


def test_jinja2_manual_field_loop():
    engine = Jinja2({"DIRS": [], "OPTIONS": {}})
    template = engine.from_string(
        "{% for field in form.visible_fields() %}[{{ field.label_tag() }}{{ field }}{{ field.errors }}]{% endfor %}")
    html = template.render({"form": CommentForm(auto_id=False)})
    assert html.startswith('[<label>Name:</label><input type="text" name="name" maxlength="30" required>]')
    assert html.count("[") == 3
