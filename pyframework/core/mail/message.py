"""EmailMessage: a message's parts, turned into a MIME message only when it is sent."""
from __future__ import absolute_import, unicode_literals

from email import charset as email_charset
from email import encoders
from email.header import Header
from email.mime.base import MIMEBase
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.utils import formataddr, formatdate, getaddresses

from pyframework.conf import settings
from pyframework.core.mail.utils import make_msgid
from pyframework.utils.compat import PY2, binary_type, native_str, string_types, text_type

# Non-ASCII text goes quoted-printable: readable where it is ASCII, safe for any line length.
_UTF8_QP = email_charset.Charset(native_str("utf-8"))
_UTF8_QP.body_encoding = email_charset.QP


class BadHeaderError(ValueError):
    """A header value holds a line break: it could smuggle in headers of the sender's choosing."""


def _check_header(name, value):
    if "\n" in value or "\r" in value:
        raise BadHeaderError("Header values can't contain newlines (got %r for header %r)" % (value, name))


def _is_ascii(text):
    try:
        text.encode("ascii")
    except UnicodeError:
        return False
    return True


def _header_value(name, value):
    """``value`` checked for line breaks, RFC 2047-encoded when it is not ASCII."""
    value = text_type(value)
    _check_header(name, value)
    if _is_ascii(value):
        return native_str(value)
    return Header(value, native_str("utf-8")).encode()


def sanitize_address(address):
    """``"Name <user@host>"`` or ``(name, address)`` as a header-safe address; the name is encoded if needed."""
    if isinstance(address, tuple):
        name, email = address
    else:
        parsed = getaddresses([text_type(address)])
        if len(parsed) != 1 or not parsed[0][1] or "@" not in parsed[0][1]:
            raise ValueError("Invalid address %r" % (address,))
        name, email = parsed[0]
    name, email = text_type(name), text_type(email)
    _check_header("address", name + email)
    local, _, domain = email.rpartition("@")
    if not _is_ascii(local):
        raise ValueError("Invalid address %r: the part before @ must be ASCII" % (address,))
    if not _is_ascii(domain):
        domain = domain.encode("idna").decode("ascii")
    if name and not _is_ascii(name):
        name = Header(name, native_str("utf-8")).encode()
    return formataddr((native_str(name), native_str("%s@%s" % (local, domain))))


def _text_part(text, subtype):
    if _is_ascii(text):
        return MIMEText(native_str(text), native_str(subtype), native_str("us-ascii"))
    part = MIMEText(native_str(""), native_str(subtype), native_str("utf-8"))
    del part["Content-Transfer-Encoding"]  # set_payload() writes the quoted-printable one
    part.set_payload(text.encode("utf-8") if PY2 else text, _UTF8_QP)
    return part


class EmailMessage(object):
    """A message: subject, plain-text body, sender, recipients (to, cc, bcc), reply-to, headers, attachments."""

    content_subtype = "plain"
    mixed_subtype = "mixed"

    def __init__(self, subject="", body="", from_email=None, to=None, bcc=None, connection=None,
                 attachments=None, headers=None, cc=None, reply_to=None):
        for name, value in (("to", to), ("cc", cc), ("bcc", bcc), ("reply_to", reply_to)):
            if isinstance(value, string_types):
                raise TypeError('"%s" argument must be a list or tuple' % name)
        self.to = list(to or [])
        self.cc = list(cc or [])
        self.bcc = list(bcc or [])
        self.reply_to = list(reply_to or [])
        self.from_email = from_email or settings.DEFAULT_FROM_EMAIL
        self.subject = subject
        self.body = body or ""
        self.attachments = list(attachments or [])
        self.extra_headers = dict(headers or {})
        self.connection = connection

    def get_connection(self, fail_silently=False):
        from pyframework.core.mail import get_connection

        if not self.connection:
            self.connection = get_connection(fail_silently=fail_silently)
        return self.connection

    def recipients(self):
        """Every address the message goes to, Bcc included (they are never written into the headers)."""
        return [address for address in self.to + self.cc + self.bcc if address]

    def attach(self, filename=None, content=None, mimetype=None):
        """Add an attachment: ``content`` is text or bytes; ``mimetype`` defaults to application/octet-stream."""
        if content is None:
            raise ValueError("attach() needs the attachment's content.")
        self.attachments.append((filename, content, mimetype or "application/octet-stream"))

    def _body_part(self):
        return _text_part(text_type(self.body), self.content_subtype)

    def _attachment_part(self, filename, content, mimetype):
        maintype, _, subtype = mimetype.partition("/")
        if maintype == "text" and isinstance(content, text_type):
            part = _text_part(content, subtype)
        else:
            part = MIMEBase(native_str(maintype), native_str(subtype))
            part.set_payload(content if isinstance(content, binary_type) else text_type(content).encode("utf-8"))
            encoders.encode_base64(part)
        if filename:
            part.add_header(native_str("Content-Disposition"), native_str("attachment"),
                            filename=_header_value("filename", filename))
        return part

    def _with_attachments(self, body_part):
        if not self.attachments:
            return body_part
        message = MIMEMultipart(_subtype=native_str(self.mixed_subtype))
        message.attach(body_part)
        for attachment in self.attachments:
            message.attach(self._attachment_part(*attachment))
        return message

    def message(self):
        """The MIME message, with every header set and checked against header injection."""
        message = self._with_attachments(self._body_part())
        message[native_str("Subject")] = _header_value("Subject", self.subject)
        message[native_str("From")] = sanitize_address(self.extra_headers.get("From", self.from_email))
        for name, addresses in (("To", self.to), ("Cc", self.cc), ("Reply-To", self.reply_to)):
            if name in self.extra_headers:
                addresses = [self.extra_headers[name]]
            if addresses:
                message[native_str(name)] = native_str(", ".join(sanitize_address(a) for a in addresses))
        lower_names = set(name.lower() for name in self.extra_headers)
        if "date" not in lower_names:
            message[native_str("Date")] = formatdate(localtime=False)
        if "message-id" not in lower_names:
            message[native_str("Message-ID")] = make_msgid()
        for name, value in self.extra_headers.items():
            if name.lower() not in ("from", "to", "cc", "reply-to"):
                _check_header(name, text_type(name))
                message[native_str(name)] = _header_value(name, value)
        return message

    def send(self, fail_silently=False):
        """Send through ``connection`` (or a new one); returns the number of messages sent (0 or 1)."""
        if not self.recipients():
            return 0  # Nobody to send to: not an error, as with Django.
        return self.get_connection(fail_silently).send_messages([self])


class EmailMultiAlternatives(EmailMessage):
    """A message with alternative renderings of the body, e.g. HTML next to the plain text."""

    alternative_subtype = "alternative"

    def __init__(self, subject="", body="", from_email=None, to=None, bcc=None, connection=None,
                 attachments=None, headers=None, alternatives=None, cc=None, reply_to=None):
        super(EmailMultiAlternatives, self).__init__(subject, body, from_email, to, bcc, connection,
                                                     attachments, headers, cc, reply_to)
        self.alternatives = list(alternatives or [])

    def attach_alternative(self, content, mimetype):
        self.alternatives.append((content, mimetype))

    def _body_part(self):
        plain = super(EmailMultiAlternatives, self)._body_part()
        if not self.alternatives:
            return plain
        message = MIMEMultipart(_subtype=native_str(self.alternative_subtype))
        message.attach(plain)
        for content, mimetype in self.alternatives:
            message.attach(self._attachment_part(None, content, mimetype))
        return message


def message_bytes(message):
    """The MIME message as bytes (``\n`` line ends; smtplib turns them into CRLF)."""
    if PY2:
        return message.as_string()
    return message.as_bytes()
