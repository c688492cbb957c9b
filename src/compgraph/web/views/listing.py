"""Sorting and filtering the list pages on the server, datasette-style: the address holds the view.

``?sort=<column>&desc=1`` orders a list by any of its columns, ``?q=`` keeps the rows holding a word in
any column, and ``?<column>=<value>`` keeps the rows whose column has that value. The same parameters
work on the page's ``.json`` and ``.csv`` and are kept in its pager links, so a link or an export shows
exactly what the user saw. A page module imports this beside ``common``; it holds no page of its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import urlencode

from flask import abort, request

from compgraph.graph.durations import human_duration
from compgraph.web.views.common import PAGE_SIZE, bp

MAX_Q = 200
# Parameters every list reads for itself; a column with one of these names cannot be filtered by name.
RESERVED = {"sort", "desc", "q", "page", "as_of"}
_NUMBER = re.compile(r"-?\d+(\.\d+)?")


@dataclass
class ListView:
    """What the address asks of a list: its order, its word filter and its column filters."""

    columns: list[tuple[str, str]]
    sort: str | None = None
    desc: bool = False
    q: str = ""
    filters: dict[str, str] = field(default_factory=dict)
    # A column shown as words sorts by the row key holding what they stand for ("210 days" by its number).
    sort_as: dict[str, str] = field(default_factory=dict)

    @property
    def narrows(self) -> bool:
        """Whether the view leaves out or reorders rows (a paged list then needs every row first)."""
        return bool(self.sort or self.q or self.filters)

    def apply(self, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """The rows the view shows, in its order: filters first, then the sort (stable, empties last)."""
        out = rows
        for key, value in self.filters.items():
            want = value.casefold()
            out = [r for r in out if _text(r.get(key)).casefold() == want]
        if self.q:
            word = self.q.casefold()
            keys = [k for k, _ in self.columns]
            out = [r for r in out if any(word in _text(r.get(k)).casefold() for k in keys)]
        if self.sort:
            key = self.sort_as.get(self.sort, self.sort)
            filled = [r for r in out if _text(r.get(key)) != ""]
            empty = [r for r in out if _text(r.get(key)) == ""]
            filled.sort(key=lambda r: sort_key(r.get(key)), reverse=self.desc)
            out = filled + empty
        return out

    def heading(self, key: str) -> dict[str, Any]:
        """The link a column heading carries: sort by it, or turn its order round when it is the sort."""
        current = self.sort == key
        args = _args_without("page", "sort", "desc")
        args["sort"] = key
        if current and not self.desc:
            args["desc"] = "1"
        state = ("descending" if self.desc else "ascending") if current else "none"
        return {"url": request.path + "?" + urlencode(args), "state": state}


def list_view(
    columns: list[tuple[str, str]], filterable: Iterable[str] = (), default_sort: str | None = None
) -> ListView:
    """The view the request asks for; a 400 naming the parameter for a column the list does not have."""
    keys = [k for k, _ in columns]
    args = request.args
    sort = args.get("sort", "").strip() or default_sort
    if sort is not None and sort not in keys:
        abort(400, description=f"sort: {sort!r} is not a column of this list ({', '.join(keys)}).")
    raw_desc = args.get("desc", "").strip().lower()
    if raw_desc not in ("", "0", "1", "true", "false", "yes", "no"):
        abort(400, description=f"desc: {raw_desc!r} is not 1 or 0.")
    q = args.get("q", "").strip()
    if len(q) > MAX_Q:
        abort(400, description=f"q: the filter text is longer than {MAX_Q} characters.")
    filters = {k: args[k].strip() for k in filterable if k not in RESERVED and args.get(k, "").strip()}
    return ListView(columns, sort, raw_desc in ("1", "true", "yes"), q, filters)


def options(rows: list[dict[str, Any]], key: str) -> list[str]:
    """The distinct non-empty values of a column, for its filter's choices."""
    return sorted({_text(r.get(key)) for r in rows} - {""}, key=sort_key)


def page_of(rows: list[dict[str, Any]], page: int, fmt: str) -> list[dict[str, Any]]:
    """One page of an ordered list for HTML and JSON; CSV is the export of every row."""
    if fmt == "csv":
        return rows
    if page > 1 and len(rows) <= (page - 1) * PAGE_SIZE:
        abort(404, description=f"page {page} is past the last page of results.")
    return rows[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]


def sort_key(value: Any) -> tuple[int, float, str]:
    """Numbers by value, before any text; text case-blind (ISO dates sort as text)."""
    text = _text(value)
    if _NUMBER.fullmatch(text):
        return (0, float(text), "")
    return (1, 0.0, text.casefold())


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _args_without(*names: str) -> dict[str, str]:
    return {k: v for k, v in request.args.items() if k not in names}


# --- durations ---------------------------------------------------------------------------------


def days_between(later: str, earlier: date) -> int | None:
    """Whole days from ``earlier`` to the ISO date ``later`` (negative when it is past); None if not a date."""
    try:
        return (date.fromisoformat(later[:10]) - earlier).days
    except ValueError:
        return None


def days_phrase(days: int | None, past: str = "{n} ago") -> str:
    """'210 days', 'today', or for a date gone by ``past`` with n filled in ('expired 12 days ago')."""
    if days is None:
        return ""
    if days == 0:
        return "today"
    n = f"{abs(days)} day{'' if abs(days) == 1 else 's'}"
    return n if days > 0 else past.format(n=n)


@bp.app_template_filter("duration")
def duration_filter(value: Any) -> str:
    return human_duration(value)
