"""Real web servers on loopback that answer evidence URLs (http.server in a thread): each path has a fixed
answer, and every request is counted, so a test can show that a refused URL was never even asked for."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Site:
    """path -> (status, headers, body); ``hits`` lists the paths asked for, in order."""

    pages: dict[str, tuple[int, dict[str, str], bytes]] = field(default_factory=dict)
    hits: list[str] = field(default_factory=list)
    port: int = 0

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            site.hits.append(self.path)
            status, headers, body = site.pages.get(self.path, (404, {}, b"not here"))
            self.send_response(status)
            # A page that says how it is sent (chunked) has its body encoded so by the test already.
            length = {} if "Transfer-Encoding" in headers else {"Content-Length": str(len(body))}
            for name, value in {**length, **headers}.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (http.server's name)
            pass

    return Handler


def chunked(data: bytes, size: int = 1000) -> bytes:
    """``data`` in HTTP/1.1 chunked encoding: sent so, no length is declared before the bytes come."""
    parts = [data[i : i + size] for i in range(0, len(data), size)]
    return b"".join(b"%x\r\n%s\r\n" % (len(p), p) for p in parts) + b"0\r\n\r\n"


@contextmanager
def site(pages: dict[str, tuple[int, dict[str, str], bytes]] | None = None) -> Iterator[Site]:
    """A Site served on 127.0.0.1 (a free port) while the block runs; pages may be added after it starts."""
    s = Site(dict(pages or {}))
    srv = ThreadingHTTPServer(("127.0.0.1", 0), _handler(s))
    s.port = int(srv.server_address[1])
    thread = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield s
    finally:
        srv.shutdown()
        srv.server_close()
        thread.join(5)
