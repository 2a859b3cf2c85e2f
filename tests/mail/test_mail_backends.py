"""Email: messages and headers; the console, file-based, in-memory and SMTP backends."""
from __future__ import unicode_literals

import email
import io
import os
import smtplib
import socket

import pytest

from pyframework.core import mail
from pyframework.core.exceptions import ImproperlyConfigured
from pyframework.core.mail import BadHeaderError, EmailMessage, EmailMultiAlternatives, send_mail
from pyframework.core.mail.backends import console
from pyframework.core.mail.message import message_bytes
from pyframework.test import override_settings
from pyframework.utils.compat import PY2
from smtp_server_support import smtp_server

LOCMEM = "pyframework.core.mail.backends.locmem.EmailBackend"


def parse(raw_bytes):
    return email.message_from_string(raw_bytes) if PY2 else email.message_from_bytes(raw_bytes)


def body_text(part):
    return part.get_payload(decode=True).decode(part.get_content_charset() or "ascii")


@pytest.fixture
def outbox():
    mail.outbox = None
    with override_settings(EMAIL_BACKEND=LOCMEM, DEFAULT_FROM_EMAIL="site@example.com"):
        yield lambda: mail.outbox
    mail.outbox = None


def test_send_mail_through_locmem(outbox):
    assert send_mail("Hello", "Body text", None, ["ann@example.com"]) == 1
    [message] = outbox()
    assert message.subject == "Hello"
    assert message.from_email == "site@example.com"
    assert message.to == ["ann@example.com"]


def test_no_recipients_sends_nothing(outbox):
    assert EmailMessage("s", "b").send() == 0
    assert not outbox()


def test_mime_message_headers_and_non_ascii_text(outbox):
    message = EmailMessage("Gr\u00fc\u00dfe", "Caf\u00e9 at 10 = ok", "J\u00fcrgen <j@example.com>",
                           ["a@example.com"], cc=["c@example.com"], bcc=["hidden@example.com"],
                           reply_to=["r@example.com"], headers={"X-Tag": "t1"})
    parsed = parse(message_bytes(message.message()))
    assert "=?utf-8?" in parsed["Subject"]
    decoded_subject = email.header.decode_header(parsed["Subject"])[0]
    assert decoded_subject[0].decode(decoded_subject[1]) == "Gr\u00fc\u00dfe"
    assert parsed["To"] == "a@example.com"
    assert parsed["Cc"] == "c@example.com"
    assert parsed["Reply-To"] == "r@example.com"
    assert parsed["X-Tag"] == "t1"
    assert parsed["Bcc"] is None  # Bcc recipients are never disclosed in the headers
    assert parsed["Date"] and parsed["Message-ID"]
    assert parsed["From"].endswith("<j@example.com>") and "=?utf-8?" in parsed["From"]
    assert body_text(parsed) == "Caf\u00e9 at 10 = ok"
    assert message.recipients() == ["a@example.com", "c@example.com", "hidden@example.com"]


def test_ascii_body_stays_readable():
    raw = message_bytes(EmailMessage("s", "Reset: http://testserver/reset/MQ/abc-123/", "a@example.com",
                                     ["b@example.com"]).message())
    assert b"http://testserver/reset/MQ/abc-123/" in raw


@pytest.mark.parametrize("field", ["subject", "to", "from", "header"])
def test_header_injection_is_refused(outbox, field):
    injected = "x@example.com\nBcc: victim@example.com"
    kwargs = {"subject": "s", "body": "b", "from_email": "f@example.com", "to": ["t@example.com"]}
    if field == "subject":
        kwargs["subject"] = "Hi\r\nBcc: victim@example.com"
    elif field == "to":
        kwargs["to"] = [injected]
    elif field == "from":
        kwargs["from_email"] = injected
    else:
        kwargs["headers"] = {"X-Note": "a\nBcc: victim@example.com"}
    with pytest.raises((BadHeaderError, ValueError)):
        EmailMessage(**kwargs).send()
    assert not outbox()


def test_recipient_lists_must_be_lists():
    with pytest.raises(TypeError):
        EmailMessage("s", "b", to="ann@example.com")


def test_html_alternative_and_attachment():
    message = EmailMultiAlternatives("s", "plain", "a@example.com", ["b@example.com"])
    message.attach_alternative("<p>html</p>", "text/html")
    message.attach("notes.txt", "n\u00f6tes", "text/plain")
    message.attach("data.bin", b"\x00\x01", None)
    parsed = parse(message_bytes(message.message()))
    assert parsed.get_content_type() == "multipart/mixed"
    alternative, notes, data = parsed.get_payload()
    plain, html = alternative.get_payload()
    assert body_text(plain) == "plain" and body_text(html) == "<p>html</p>"
    assert notes.get_filename() == "notes.txt" and body_text(notes) == "n\u00f6tes"
    assert data.get_content_type() == "application/octet-stream"
    assert data.get_payload(decode=True) == b"\x00\x01"


def test_console_backend_writes_the_message():
    stream = io.StringIO()
    backend = console.EmailBackend(stream=stream)
    assert backend.send_messages([EmailMessage("Console", "Hi there", "a@example.com", ["b@example.com"])]) == 1
    output = stream.getvalue()
    assert "Subject: Console" in output and "Hi there" in output and output.rstrip().endswith("-" * 79)


def test_filebased_backend_writes_one_file_per_connection(tmpdir):
    folder = str(tmpdir.join("mails"))
    with override_settings(EMAIL_FILE_PATH=folder,
                           EMAIL_BACKEND="pyframework.core.mail.backends.filebased.EmailBackend"):
        send_mail("First", "one", "a@example.com", ["b@example.com"])
        connection = mail.get_connection()
        with connection:
            EmailMessage("Second", "two", "a@example.com", ["b@example.com"], connection=connection).send()
            EmailMessage("Third", "three", "a@example.com", ["b@example.com"], connection=connection).send()
    files = sorted(os.listdir(folder))
    assert len(files) == 2
    contents = [io.open(os.path.join(folder, name), encoding="utf-8").read() for name in files]
    assert sorted(text.count("Subject: ") for text in contents) == [1, 2]


def test_filebased_backend_needs_a_directory(tmpdir):
    with override_settings(EMAIL_FILE_PATH=None):
        with pytest.raises(ImproperlyConfigured) as excinfo:
            mail.get_connection("pyframework.core.mail.backends.filebased.EmailBackend")
    assert "EMAIL_FILE_PATH" in str(excinfo.value)
    a_file = tmpdir.join("file.txt")
    a_file.write("x")
    with pytest.raises(ImproperlyConfigured):
        mail.get_connection("pyframework.core.mail.backends.filebased.EmailBackend", file_path=str(a_file))


def test_unknown_backend_names_the_setting():
    with override_settings(EMAIL_BACKEND="no.such.Backend"):
        with pytest.raises(ImproperlyConfigured) as excinfo:
            mail.get_connection()
    assert "EMAIL_BACKEND" in str(excinfo.value)


def test_smtp_backend_delivers_to_a_server():
    with smtp_server() as server:
        with override_settings(EMAIL_BACKEND="pyframework.core.mail.backends.smtp.EmailBackend",
                               EMAIL_HOST="127.0.0.1", EMAIL_PORT=server.port, EMAIL_HOST_USER="mailer",
                               EMAIL_HOST_PASSWORD="s3cret", EMAIL_TIMEOUT=10):
            sent = send_mail("Via SMTP", "Gr\u00fc\u00df dich\n.leading dot", "from@example.com",
                             ["to@example.com"])
    assert sent == 1
    assert server.logins == [("mailer", "s3cret")]
    [received] = server.received
    assert received.sender == "from@example.com"
    assert received.recipients == ["to@example.com"]
    parsed = parse(received.data)
    assert parsed["Subject"] == "Via SMTP"
    assert body_text(parsed).replace("\r\n", "\n").rstrip("\n") == "Gr\u00fc\u00df dich\n.leading dot"


def test_smtp_backend_one_connection_for_many_messages():
    with smtp_server() as server:
        connection = mail.get_connection("pyframework.core.mail.backends.smtp.EmailBackend",
                                         host="127.0.0.1", port=server.port, timeout=10)
        messages = [EmailMessage("n%d" % i, "b", "a@example.com", ["b@example.com"]) for i in range(3)]
        assert connection.send_messages(messages) == 3
        assert connection.connection is None  # closed again: it opened the connection itself
    assert [parse(m.data)["Subject"] for m in server.received] == ["n0", "n1", "n2"]
    assert server.logins == []  # no credentials configured, no AUTH


def test_smtp_backend_wrong_password_raises_unless_silent():
    with smtp_server() as server:
        backend = "pyframework.core.mail.backends.smtp.EmailBackend"
        options = dict(host="127.0.0.1", port=server.port, username="mailer", password="wrong", timeout=10)
        message = EmailMessage("s", "b", "a@example.com", ["b@example.com"])
        with pytest.raises(smtplib.SMTPAuthenticationError):
            mail.get_connection(backend, **options).send_messages([message])
        assert mail.get_connection(backend, fail_silently=True, **options).send_messages([message]) == 0
    assert server.received == []


def test_smtp_backend_unreachable_server():
    # A port with nothing listening: bind one, then close it.
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    backend = mail.get_connection("pyframework.core.mail.backends.smtp.EmailBackend", host="127.0.0.1",
                                  port=port, timeout=5)
    with pytest.raises((socket.error, smtplib.SMTPException)):
        backend.send_messages([EmailMessage("s", "b", "a@example.com", ["b@example.com"])])


def test_tls_and_ssl_together_are_refused():
    with pytest.raises(ImproperlyConfigured) as excinfo:
        mail.get_connection("pyframework.core.mail.backends.smtp.EmailBackend", use_tls=True, use_ssl=True)
    assert "EMAIL_USE_TLS" in str(excinfo.value)
