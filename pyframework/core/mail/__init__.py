"""Sending email: ``send_mail()`` for the common case, ``EmailMessage`` for the rest.

The EMAIL_BACKEND setting decides where messages go: an SMTP server (the
default), the console, files in EMAIL_FILE_PATH, or a list in memory
(``pyframework.core.mail.outbox``) for tests. Backends live in ``backends/``.
"""
from __future__ import absolute_import, unicode_literals

from pyframework.conf import settings
from pyframework.core import signing
from pyframework.core.mail.message import (
    BadHeaderError, EmailMessage, EmailMultiAlternatives, sanitize_address)
from pyframework.core.mail.utils import DNS_NAME, CachedDnsName  # noqa: F401

__all__ = ["CachedDnsName", "DNS_NAME", "BadHeaderError", "EmailMessage", "EmailMultiAlternatives", "get_connection",
           "mail_admins", "mail_managers", "sanitize_address", "send_mail", "send_mass_mail"]

# Messages the locmem backend "sent"; the backend creates the list on first use.
outbox = None


def get_connection(backend=None, fail_silently=False, **kwargs):
    """A connection to the EMAIL_BACKEND (or ``backend``, a dotted path); ``kwargs`` go to its constructor."""
    backend_class = signing.imported_setting(backend or settings.EMAIL_BACKEND, "EMAIL_BACKEND")
    return backend_class(fail_silently=fail_silently, **kwargs)


def send_mail(subject, message, from_email, recipient_list, fail_silently=False, auth_user=None,
              auth_password=None, connection=None, html_message=None):
    """Send one message to ``recipient_list``; returns the number sent (0 or 1).

    ``from_email`` None means DEFAULT_FROM_EMAIL. ``html_message`` adds an
    HTML alternative to the plain-text ``message``.
    """
    connection = connection or get_connection(username=auth_user, password=auth_password,
                                              fail_silently=fail_silently)
    mail = EmailMultiAlternatives(subject, message, from_email, recipient_list, connection=connection)
    if html_message:
        mail.attach_alternative(html_message, "text/html")
    return mail.send()


def send_mass_mail(datatuple, fail_silently=False, auth_user=None, auth_password=None, connection=None):
    """Send each ``(subject, message, from_email, recipient_list)`` over one connection; returns the count sent."""
    connection = connection or get_connection(username=auth_user, password=auth_password,
                                              fail_silently=fail_silently)
    messages = [EmailMessage(subject, message, sender, recipients, connection=connection)
                for subject, message, sender, recipients in datatuple]
    return connection.send_messages(messages)


def _send_server_message(setting_name, subject, message, html_message=None, fail_silently=False,
                         connection=None):
    recipients = getattr(settings, setting_name)
    if not recipients:
        return
    if not all(isinstance(item, (tuple, list)) and len(item) == 2 for item in recipients):
        raise ValueError("The %s setting must be a list of 2-tuples." % setting_name)
    mail = EmailMultiAlternatives("%s%s" % (settings.EMAIL_SUBJECT_PREFIX, subject), message,
                                  settings.SERVER_EMAIL, [address for _, address in recipients],
                                  connection=connection)
    if html_message:
        mail.attach_alternative(html_message, "text/html")
    mail.send(fail_silently=fail_silently)


def mail_admins(subject, message, fail_silently=False, connection=None, html_message=None):
    """Mail the ADMINS (from SERVER_EMAIL, the subject prefixed with EMAIL_SUBJECT_PREFIX)."""
    _send_server_message("ADMINS", subject, message, html_message, fail_silently, connection)


def mail_managers(subject, message, fail_silently=False, connection=None, html_message=None):
    """Mail the MANAGERS, as mail_admins() does the ADMINS."""
    _send_server_message("MANAGERS", subject, message, html_message, fail_silently, connection)
