"""``compgraph serve``: the app under waitress, a production WSGI server, instead of Werkzeug's development one.

Threads are settable, SIGTERM/SIGINT close the listening socket and let requests in flight finish, every
request is written to the ``compgraph.access`` log, and no ``Server`` header names the software.
"""

from __future__ import annotations

import logging
import queue
import signal
import threading
import time
from logging.handlers import QueueHandler, QueueListener
from typing import Any

from flask import Flask, Response, g, request

access_log = logging.getLogger("compgraph.access")


def install_access_log(app: Flask) -> None:
    """One line per request: client, user, method, path, status, bytes, milliseconds."""

    @app.before_request
    def _start() -> None:
        g.access_started = time.perf_counter()

    @app.after_request
    def _log(resp: Response) -> Response:
        started = g.get("access_started", time.perf_counter())
        user = getattr(g.get("user"), "name", "-")
        access_log.info(
            '%s %s "%s %s" %s %s %.0fms',
            request.remote_addr,
            user,
            request.method,
            request.full_path.rstrip("?")[:300],
            resp.status_code,
            resp.calculate_content_length() or "-",
            (time.perf_counter() - started) * 1000,
        )
        return resp


class _Stop(SystemExit):
    """Raised in the main thread by SIGTERM/SIGINT to leave the serving loop.

    A SystemExit because waitress's event loop re-raises only ExitNow, KeyboardInterrupt and SystemExit: a
    signal landing inside one of its handlers (closing a client's socket, say) was logged and swallowed as
    any other error there, and the server kept running (CI, 2026-12-02)."""


def serve(app: Flask, host: str, port: int, *, threads: int = 8, on_ready: Any = None) -> None:
    """Serve until SIGTERM/SIGINT; requests in flight get up to waitress's cleanup time to finish."""
    from waitress.server import create_server

    # Request threads only queue their log records; one thread writes them. With a plain StreamHandler,
    # 50 clients' threads queued on its lock while the holder waited for the GIL (10% of the samples).
    stream = logging.StreamHandler()
    stream.setFormatter(logging.Formatter("%(asctime)s %(name)s %(message)s"))
    records: queue.SimpleQueue[logging.LogRecord] = queue.SimpleQueue()
    listener = QueueListener(records, stream)
    handoff = QueueHandler(records)
    handoff.setFormatter(logging.Formatter("%(message)s"))  # the message (and a traceback, once) as is
    logging.basicConfig(level=logging.INFO, handlers=[handoff])
    listener.start()
    install_access_log(app)
    server = create_server(app, host=host, port=port, threads=threads, ident=None, clear_untrusted_proxy_headers=True)

    def stop(signum: int, _frame: Any) -> None:
        # Leave waitress's loop the way its own runner leaves it on Ctrl-C; close() then stops accepting
        # and gives the requests in flight their time to finish.
        raise _Stop(signum)

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
    if on_ready is not None:
        on_ready()
    try:
        server.run()
    except _Stop as exc:
        logging.getLogger("compgraph").info("signal %s: finishing the requests in flight, then stopping", exc)
    finally:
        server.close()
        pool = app.extensions.get("compgraph_query_pool")
        if pool is not None:
            pool.close()
        listener.stop()  # writes what is still queued
