"""A minimal SMTP server on 127.0.0.1 (an ephemeral port) in a thread, recording what it receives.

Enough of RFC 5321 for smtplib: EHLO/HELO, AUTH PLAIN, MAIL, RCPT, DATA, RSET, NOOP, QUIT.
"""
from __future__ import unicode_literals

import base64
import contextlib
import threading

try:
    import socketserver
except ImportError:  # Python 2 (Jython)
    import SocketServer as socketserver


class ReceivedMail(object):
    def __init__(self, sender, recipients, data):
        self.sender, self.recipients, self.data = sender, recipients, data


class SMTPHandler(socketserver.StreamRequestHandler):
    timeout = 10  # a stuck client must not hang the test run

    def reply(self, line):
        self.wfile.write(line.encode("ascii") + b"\r\n")
        self.wfile.flush()

    def handle(self):
        server = self.server
        self.reply("220 test.invalid ESMTP ready")
        sender, recipients = None, []
        while True:
            line = self.rfile.readline()
            if not line:
                return
            command = line.decode("ascii", "replace").strip()
            verb = command.split(" ", 1)[0].upper()
            if verb == "EHLO":
                self.wfile.write(b"250-test.invalid\r\n250 AUTH PLAIN\r\n")
                self.wfile.flush()
            elif verb == "HELO":
                self.reply("250 test.invalid")
            elif verb == "AUTH":
                parts = command.split()
                user_and_password = base64.b64decode(parts[2]).split(b"\0")[1:] if len(parts) > 2 else []
                server.logins.append(tuple(value.decode("utf-8") for value in user_and_password))
                if user_and_password == [server.user, server.password]:
                    self.reply("235 2.7.0 Authentication successful")
                else:
                    self.reply("535 5.7.8 Authentication credentials invalid")
            elif verb == "MAIL":
                sender, recipients = command[10:].strip().strip("<>"), []
                self.reply("250 OK")
            elif verb == "RCPT":
                recipients.append(command[8:].strip().strip("<>"))
                self.reply("250 OK")
            elif verb == "DATA":
                self.reply("354 End data with <CR><LF>.<CR><LF>")
                lines = []
                while True:
                    data_line = self.rfile.readline()
                    if not data_line or data_line == b".\r\n":
                        break
                    lines.append(data_line[1:] if data_line.startswith(b"..") else data_line)
                server.received.append(ReceivedMail(sender, recipients, b"".join(lines)))
                self.reply("250 OK queued")
            elif verb in ("RSET", "NOOP"):
                self.reply("250 OK")
            elif verb == "QUIT":
                self.reply("221 Bye")
                return
            else:
                self.reply("502 Command not implemented")


class SMTPServer(socketserver.ThreadingMixIn, socketserver.TCPServer):
    allow_reuse_address = True
    daemon_threads = True


@contextlib.contextmanager
def smtp_server(user=b"mailer", password=b"s3cret"):
    """Yield a running server (``.port``, ``.received``, ``.logins``); shut down on exit."""
    server = SMTPServer(("127.0.0.1", 0), SMTPHandler)
    server.user, server.password = user, password
    server.received, server.logins = [], []
    server.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.daemon = True
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)
