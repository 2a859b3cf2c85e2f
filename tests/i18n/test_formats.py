# -*- coding: utf-8 -*-
"""utils.formats, dateformat, numberformat, localized form input/output and the Jinja2 filters."""
from __future__ import unicode_literals

import datetime
from decimal import Decimal

import pytest

from pyframework import forms
from pyframework.template.backends.jinja2 import Jinja2
from pyframework.test import override_settings
from pyframework.utils import dateformat, formats, timezone, translation

MOMENT = datetime.datetime(2026, 3, 5, 14, 7, 9)


@pytest.fixture(autouse=True)
def languages():
    with override_settings(LANGUAGES=[("en", "English"), ("de", "German"), ("fr", "French"), ("es", "Spanish")],
                           LANGUAGE_CODE="en"):
        yield
    translation.deactivate()


def test_date_format_characters():
    assert dateformat.format(MOMENT, r"D, j M Y H:i:s \o\n l jS F") == "Thu, 5 Mar 2026 14:07:09 on Thursday 5th March"
    assert dateformat.format(MOMENT, "N j, Y, P") == "March 5, 2026, 2:07 p.m."
    assert dateformat.format(datetime.datetime(2026, 1, 1, 12, 0), "P y z t L W w") == "noon 26 1 31 False 1 4"
    aware = datetime.datetime(2026, 7, 1, 12, 0, tzinfo=timezone.get_fixed_timezone(120))
    assert dateformat.format(aware, "O Z U") == "+0200 7200 1782900000"
    assert dateformat.format(aware, "r") == "Wed, 01 Jul 2026 12:00:00 +0200"
    with pytest.raises(TypeError):
        dateformat.format(datetime.date(2026, 1, 1), "H:i")


def test_dates_in_each_language():
    expected = {"en": "March 5, 2026", "de": "5. März 2026", "fr": "5 mars 2026", "es": "5 de marzo de 2026"}
    for language, text in expected.items():
        with translation.override(language):
            assert formats.date_format(MOMENT) == text
    with translation.override("de"):
        assert formats.date_format(MOMENT, "SHORT_DATETIME_FORMAT") == "05.03.2026 14:07"
        assert formats.date_format(MOMENT, "l, j. F") == "Donnerstag, 5. März"
        assert formats.time_format(MOMENT) == "14:07"
    with translation.override("de-at"):
        assert formats.get_format("DECIMAL_SEPARATOR") == ","  # falls back to de


def test_numbers():
    with translation.override("de"):
        assert formats.number_format(Decimal("1234567.891"), 2) == "1234567,89"
        assert formats.number_format(Decimal("1234567.891"), 2, force_grouping=True) == "1.234.567,89"
        with override_settings(USE_THOUSAND_SEPARATOR=True):
            assert formats.localize(1234567) == "1.234.567"
            assert formats.localize(Decimal("-1234.5")) == "-1.234,5"
    with translation.override("fr"):
        assert formats.number_format(1234.5, 1, force_grouping=True) == "1\u00a0234,5"
    assert formats.number_format(Decimal("2.675"), 2) == "2.68"
    assert formats.number_format(7, 2) == "7.00"
    assert formats.localize(True) == "True"
    assert formats.localize("text") == "text"


def test_sanitize_separators_and_localize_input():
    with translation.override("de"), override_settings(USE_THOUSAND_SEPARATOR=True):
        assert formats.sanitize_separators("1.234,5") == "1234.5"
        assert formats.sanitize_separators("1,5") == "1.5"
        assert formats.localize_input(Decimal("1234.5")) == "1.234,5"
        assert formats.localize_input(MOMENT.date()) == "05.03.2026"
        assert formats.localize_input(MOMENT) == "05.03.2026 14:07:09"


def test_localized_form_fields():
    class Order(forms.Form):
        price = forms.DecimalField(localize=True, decimal_places=2)
        amount = forms.FloatField(localize=True)
        day = forms.DateField(localize=True)

    with translation.override("de"), override_settings(USE_THOUSAND_SEPARATOR=True):
        form = Order({"price": "1.234,50", "amount": "0,25", "day": "05.03.2026"})
        assert form.is_valid(), form.errors
        assert form.cleaned_data == {"price": Decimal("1234.50"), "amount": 0.25, "day": datetime.date(2026, 3, 5)}
        html = Order(initial={"price": Decimal("1234.5"), "day": datetime.date(2026, 3, 5)}).as_div()
        assert 'type="text" name="price" value="1.234,5"' in html
        assert 'type="text" name="day" value="05.03.2026"' in html
        assert Order({"price": "abc", "amount": "1", "day": "x"}).errors["day"] == ["Bitte ein gültiges Datum eingeben."]
    # Not localized: the browser's ISO value, a number input.
    assert forms.DateField().clean("2026-03-05") == datetime.date(2026, 3, 5)
    assert 'type="number"' in forms.DecimalField().widget.render("p", Decimal("1.5"))


def test_date_fields_accept_the_active_language_formats():
    field = forms.DateField()
    with translation.override("de"):
        assert field.clean("05.03.2026") == datetime.date(2026, 3, 5)
        assert field.clean("2026-03-05") == datetime.date(2026, 3, 5)
    with translation.override("fr"):
        assert field.clean("05/03/2026") == datetime.date(2026, 3, 5)
    assert field.clean("03/05/2026") == datetime.date(2026, 3, 5)


def render(source, **context):
    return Jinja2({"NAME": "t", "OPTIONS": {}}).from_string(source).render(context)


def test_jinja2_filters():
    source = ("{{ d|date }}|{{ d|date('SHORT_DATE_FORMAT') }}|{{ d|time }}|{{ n|floatformat(2) }}|"
              "{{ n|floatformat }}|{{ 3.0|floatformat }}|{{ big|floatformat('2g') }}|{{ n|localize }}|"
              "{{ n|unlocalize }}|{{ n|number(1) }}|{{ get_current_language() }}")
    context = dict(d=MOMENT, n=34.2345, big=Decimal("1234567.891"))
    assert render(source, **context) == ("March 5, 2026|03/05/2026|2:07 p.m.|34.23|34.2|3|1,234,567.89|34.2345|"
                                         "34.2345|34.2|en")
    with translation.override("de"):
        assert render(source, **context) == ("5. März 2026|05.03.2026|14:07|34,23|34,2|3|1.234.567,89|34,2345|"
                                             "34.2345|34,2|de")
    assert render("{{ none|date }}|{{ ''|floatformat }}", none=None) == "|"


def test_jinja2_trans_tags_use_the_catalogs():
    source = ('{% trans %}Yes{% endtrans %} {{ _("No") }} '
              '{% trans count=n %}{{ count }} item{% pluralize %}{{ count }} items{% endtrans %} '
              '{{ pgettext("abbrev. month", "May") }}')
    with translation.override("de"):
        assert render(source, n=2) == "Ja Nein 2 items Mai"
    assert render(source, n=1) == "Yes No 1 item May"
