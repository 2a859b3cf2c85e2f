"""Raw-socket HTTP for tests that talk to a server in another process."""
from __future__ import unicode_literals

import socket


def free_port():
    """A loopback port nothing listens on right now."""
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    return port


def exchange(port, raw_request):
    """Send raw bytes, read until the server closes: (status, head text, body), or None if nothing listens."""
    try:
        connection = socket.create_connection(("127.0.0.1", port), timeout=10)
    except socket.error:
        return None
    try:
        connection.sendall(raw_request)
        answer = b""
        while True:
            chunk = connection.recv(65536)
            if not chunk:
                break
            answer += chunk
    except socket.error:
        return None
    finally:
        connection.close()
    head, _, body = answer.partition(b"\r\n\r\n")
    if not head:
        return None
    return int(head.split()[1]), head.decode("latin-1"), body


def get(port, path):
    """(status, head text, body) of a GET that closes the connection, or None while nothing listens."""
    return exchange(port, ("GET %s HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n" % path).encode("ascii"))
