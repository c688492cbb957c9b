"""Whole answers of the browser's read-only pages, kept per store state: a warm page is a dict lookup.

Under fifty clients on two cores the pages themselves were the cost (a system's trace page: 130 ms of
queries and 45 ms of template per request, all under the GIL), not the data. An answer is kept under
(page and its query string, host, store state, today's date, who asks):

- the store state (``storestate``) changes with every write, so no page from before a write is served
  after it; today's date is in the key because "as of" defaults to today;
- who asks (user name and role, or nobody in single-user mode) is in the key because the page shows it: a
  page is never served to another user;
- a form's CSRF token belongs to one session: it is kept as a random placeholder (made anew each time
  the process starts, so no page text can spell it) and each answer gets the asking session's own token;
- pages that list the canned questions add the question files' names, sizes and times to the key.

Only 200 answers to GET are kept, never their cookies; the cache holds at most ``BUDGET`` bytes (least
recently used out first) and no single answer over ``MAX_ENTRY``. A remote store has no cheap state, so
its pages are not kept. ``PAGE_CACHE = False`` in the app config turns the cache off.
"""

from __future__ import annotations

import functools
import secrets
import threading
from collections import OrderedDict
from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar, cast

from flask import Response, current_app, g, request
from flask_wtf.csrf import generate_csrf

from compgraph.graph import paths
from compgraph.web.storestate import dir_stamp, store_state

BUDGET = 64 * 1024 * 1024
MAX_ENTRY = 4 * 1024 * 1024
F = TypeVar("F", bound=Callable[..., Any])
_Entry = tuple[int, list[tuple[str, str]], bytes]
_PLACEHOLDER = f"csrf-placeholder-{secrets.token_hex(16)}".encode()


class PageCache:
    """Answers by key, least recently used out first once they pass ``budget`` bytes; thread-safe."""

    def __init__(self, budget: int = BUDGET) -> None:
        self.budget = budget
        self.size = 0
        self.hits = 0
        self.misses = 0
        self._data: OrderedDict[tuple, _Entry] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple) -> _Entry | None:
        with self._lock:
            entry = self._data.get(key)
            if entry is None:
                self.misses += 1
                return None
            self.hits += 1
            self._data.move_to_end(key)
            return entry

    def put(self, key: tuple, entry: _Entry) -> None:
        if len(entry[2]) > MAX_ENTRY:
            return
        with self._lock:
            old = self._data.pop(key, None)
            if old is not None:
                self.size -= len(old[2])
            self._data[key] = entry
            self.size += len(entry[2])
            while self.size > self.budget and self._data:
                _, dropped = self._data.popitem(last=False)
                self.size -= len(dropped[2])


def for_app() -> PageCache:
    return current_app.extensions.setdefault("compgraph_page_cache", PageCache())


def _csrf_field() -> str:
    return str(current_app.config.get("WTF_CSRF_FIELD_NAME", "csrf_token"))


def _key(questions: bool) -> tuple | None:
    from compgraph.web.model import get_store

    state = store_state(get_store())
    if state.stamp is None:
        return None
    user = g.get("user")
    return (
        request.endpoint,
        request.host,
        request.full_path,
        # Pages negotiate HTML, JSON and JSON-LD on Accept (a ``.jsonld`` address becomes that header).
        request.headers.get("Accept", ""),
        state.key,
        date.today(),
        (user.name, user.role) if user is not None else None,
        dir_stamp(paths.queries_dir(), ".rq") if questions else None,
    )


def cached_page(questions: bool = False) -> Callable[[F], F]:
    """Keep the view's 200 answers to GET per store state (see the module's docstring)."""

    def wrap(view: F) -> F:
        @functools.wraps(view)
        def cached(*args: Any, **kwargs: Any) -> Any:
            if request.method != "GET" or current_app.config.get("PAGE_CACHE") is False:
                return view(*args, **kwargs)
            key = _key(questions)
            if key is None:
                return view(*args, **kwargs)
            cache = for_app()
            entry = cache.get(key)
            if entry is not None:
                status, headers, body = entry
                if _PLACEHOLDER in body:
                    body = body.replace(_PLACEHOLDER, generate_csrf().encode())
                return Response(body, status=status, headers=headers)
            resp = current_app.make_response(view(*args, **kwargs))
            if resp.status_code == 200 and not resp.is_streamed:
                body = resp.get_data()
                token = g.get(_csrf_field())
                if token:
                    body = body.replace(str(token).encode(), _PLACEHOLDER)
                headers = [(k, v) for k, v in resp.headers.items() if k.lower() not in ("set-cookie", "content-length")]
                cache.put(key, (resp.status_code, headers, body))
            return resp

        return cast(F, cached)

    return wrap
