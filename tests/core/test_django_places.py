"""Small names in Django's places: management colours, the mail DNS name, lazystr, deprecation warnings."""
from __future__ import unicode_literals

import re

from pyframework.core import mail
from pyframework.core.mail import EmailMessage
from pyframework.core.management.color import color_style, make_style, no_style, supports_color
from pyframework.utils.deprecation import RemovedInDjango60Warning, RemovedInDjango61Warning
from pyframework.utils.functional import Promise, lazystr


def test_styles():
    assert no_style().SUCCESS("done") == "done"
    assert make_style().ERROR("bad") == "\x1b[31;1mbad\x1b[0m"
    assert color_style(force_color=True).SQL_KEYWORD("SELECT") == "\x1b[33mSELECT\x1b[0m"
    assert supports_color() in (True, False)


def test_dns_name_and_message_ids():
    assert str(mail.DNS_NAME) and str(mail.DNS_NAME) == mail.DNS_NAME.get_fqdn()
    message = EmailMessage("s", "b", "from@example.com", ["to@example.com"]).message()
    assert re.match(r"^<[\w.]+@%s>$" % re.escape(str(mail.DNS_NAME)), message["Message-ID"])


def test_lazystr_and_warning_classes():
    text = lazystr("abc")
    assert isinstance(text, Promise) and "%s" % text == "abc"
    assert issubclass(RemovedInDjango60Warning, DeprecationWarning)
    assert issubclass(RemovedInDjango61Warning, PendingDeprecationWarning)
