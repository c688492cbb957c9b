"""The audit trail and time travel: `history` (and `history --verify`)."""

from __future__ import annotations

import csv
import io
import json
import sys

import click

from compgraph.cli.base import StoreContext, UserError, main, parse_date, pass_store
from compgraph.graph import history as hist


@main.command()
@click.option("--format", "fmt", type=click.Choice(["text", "json", "csv"]), default="text", show_default=True)
@click.option("--since", metavar="DATE", help="Only writes that ended on or after this date (YYYY-MM-DD).")
@click.option("--verify", is_flag=True, help="Check the hash chain: exit 1 and name each edited or missing entry.")
@pass_store
def history(sc: StoreContext, fmt: str, since: str | None, verify: bool) -> None:
    """Every write to the store: who, when, what graphs, triple counts and content hashes before and after."""
    store = sc.open()
    if verify:
        problems = hist.verify(store)
        n = len(hist.entries(store))
        if problems:
            for line in problems:
                click.echo(line)
            click.echo(f"Error: the audit trail of {store.location} is broken: {len(problems)} problem(s)", err=True)
            sys.exit(1)
        click.echo(f"audit trail intact: {n} entries, each linked to the one before by its hash")
        return
    day = None
    if since:
        try:
            day = parse_date(since).isoformat()
        except UserError as exc:
            raise UserError(f"--since: {since!r} is not a date (YYYY-MM-DD)") from exc
    entries = hist.entries(store, since=day)
    if fmt == "json":
        json.dump([e.as_dict() for e in entries], sys.stdout, indent=2)
        click.echo()
    elif fmt == "csv":
        click.echo(to_csv(entries), nl=False)
    else:
        for e in entries:
            graphs = ", ".join(f"{c['graph'].rsplit('/graph/', 1)[-1]} {c['before']}->{c['after']}" for c in e.changes)
            click.echo(f"{e.seq:>6}  {e.ended[:19]}  {e.agent:<12} {e.command:<14} {graphs}")
        click.echo(f"{len(entries)} write(s)")


def to_csv(entries: list[hist.Entry]) -> str:
    out = io.StringIO()
    w = csv.writer(out)
    w.writerow(["seq", "ended", "agent", "command", "graph", "triples_before", "triples_after", "hash_before",
                "hash_after", "entry_hash"])
    for e in entries:
        for c in e.changes:
            w.writerow([e.seq, e.ended, e.agent, e.command, c["graph"], c["before"], c["after"], c["hashBefore"],
                        c["hashAfter"], e.hash])
    return out.getvalue()
