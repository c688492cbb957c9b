"""Evidence work from the terminal: `evidence add` and `evidence renew` (beside a running server too)."""

from __future__ import annotations

from pathlib import Path

import click

from compgraph.cli.base import InputFile, StoreContext, UserError, main, parse_date, pass_store
from compgraph.graph import evidence as ev
from compgraph.graph import urlfetch
from compgraph.graph.store import WRITE, LocalStore

URL_HELP = (
    "Evidence on the web: what it answers now is fetched (http/https, up to 5 redirects, at most "
    f"{ev.MAX_BYTES // (1024 * 1024)} MiB) and its SHA-256 recorded with the URL. Fetched as you, without the "
    "address guard of the browser's form: you may name an internal or loopback address here."
)


def _content(root: Path, path: Path | None, url: str | None) -> tuple[str, str | None, str | None, str | None]:
    """(sha256, kept file, url, url after redirects): the bytes of FILE or of what URL answers now, kept beside
    the store."""
    if (path is None) == (url is None):
        raise UserError("give the evidence as FILE or as --url URL (one of them)")
    final = None
    if url is not None:
        try:
            got = urlfetch.fetch(url, ev.MAX_BYTES)  # no guard: see URL_HELP
            data, final = got.data, got.final_url
        except urlfetch.FetchError as exc:
            raise UserError(f"--url: {exc}") from exc
    else:
        assert path is not None
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise UserError(f"{path}: cannot read the file ({exc.strerror})") from exc
    try:
        digest, kept = ev.keep_bytes(root, data)
    except ev.EvidenceError as exc:
        raise UserError(f"{path or url}: {exc}") from exc
    return digest, kept, url, final


def _store(sc: StoreContext) -> LocalStore:
    store = sc.open(WRITE)
    if not isinstance(store, LocalStore):
        raise UserError("evidence files are kept beside an embedded store (--store DIR), not a remote endpoint")
    return store


@main.group()
def evidence() -> None:
    """Add evidence for a control, or renew an item with a new version (the old one is kept)."""


@evidence.command("add")
@click.argument("path", required=False, type=InputFile())
@click.option("--url", help=URL_HELP)
@click.option("--control", required=True, help="Control id the evidence is for (e.g. CTL-GOV-01).")
@click.option("--concerns", required=True, help="AI system or organisation id the evidence is about.")
@click.option("--valid-until", required=True, metavar="DATE")
@click.option("--issued", metavar="DATE", help="[default: today]")
@click.option("--id", "ident", help="[default: ev-<control>-<date>]")
@click.option("--label", help="[default: the file name]")
@pass_store
def add(sc: StoreContext, path: Path | None, url: str | None, control: str, concerns: str, valid_until: str,
        issued: str | None, ident: str | None, label: str | None) -> None:
    """Add FILE (or --url) as evidence: SHA-256 computed here, bytes kept beside the store."""
    store = _store(sc)
    until, day = parse_date(valid_until, "--valid-until", required=True), parse_date(issued, "--issued")
    ident = ident or f"ev-{control.lower()}-{day.isoformat()}"
    try:
        ev.check(store, ident, control, concerns, day, until)
    except ev.EvidenceError as exc:
        raise UserError(str(exc)) from exc
    digest, kept, url, final = _content(store.root, path, url)
    item = ev.Item(ident, label or (path.name if path else str(url)), control, concerns, until, day, digest,
                   file=kept, url=url, final_url=final)
    try:
        ev.add(store, item)
    except ev.EvidenceError as exc:
        raise UserError(str(exc)) from exc
    click.echo(f"evidence {ident}: {item.label}, sha256 {digest}, valid until {until}")


@evidence.command("renew")
@click.argument("ident")
@click.argument("path", required=False, type=InputFile())
@click.option("--url", help=URL_HELP)
@click.option("--valid-until", required=True, metavar="DATE")
@click.option("--issued", metavar="DATE", help="[default: today]")
@pass_store
def renew(sc: StoreContext, ident: str, path: Path | None, url: str | None, valid_until: str,
          issued: str | None) -> None:
    """A new version of evidence ID (prov:wasRevisionOf it; ID itself is kept)."""
    store = _store(sc)
    until, day = parse_date(valid_until, "--valid-until", required=True), parse_date(issued, "--issued")
    try:
        old = ev.previous(store, ident)
        new_id = ev.next_version_id(store, ident)
        ev.check(store, new_id, old.control, old.concerns, day, until)
    except ev.EvidenceError as exc:
        raise UserError(str(exc)) from exc
    digest, kept, url, final = _content(store.root, path, url)
    item = ev.Item(new_id, old.label, old.control, old.concerns, until, day, digest, file=kept, url=url,
                   revises=ident, final_url=final)
    try:
        ev.add(store, item)
    except ev.EvidenceError as exc:
        raise UserError(str(exc)) from exc
    click.echo(f"evidence {new_id} renews {ident}: sha256 {digest}, valid until {until}")
