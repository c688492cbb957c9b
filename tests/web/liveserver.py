"""A real HTTP server on loopback for tests whose client fetches further URLs itself (a JSON-LD processor
fetching the published @context, a browser following links)."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from flask import Flask
from werkzeug.serving import make_server


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serving(app: Flask) -> Iterator[str]:
    """The app served on 127.0.0.1 for the duration; yields its base URL without a trailing slash."""
    port = free_port()
    srv = make_server("127.0.0.1", port, app, threaded=True)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.shutdown()
        thread.join(5)
