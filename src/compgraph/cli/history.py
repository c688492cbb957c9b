"""The audit trail and time travel: `history` (and `history --verify`), `snapshot` and `diff`; and the trail's
record of user changes that `users add` makes (the users file is not the store, so it writes one itself)."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import click

from compgraph.cli.base import Forward, StoreContext, UserError, main, parse_date, pass_store
from compgraph.graph import history as hist
from compgraph.graph import snapshots as snaps
from compgraph.graph.ondisk import StoreMissing
from compgraph.graph.store import READ, WRITE, GraphStore, LocalStore, StoreError


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
    day = parse_date(since, "--since").isoformat() if since else None
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


def _root(sc: StoreContext) -> tuple[Path, GraphStore]:
    store = sc.open(READ)
    root = getattr(store, "root", None)
    if not isinstance(store, LocalStore) or root is None:
        raise UserError("snapshots are kept beside an embedded store (--store DIR), not a remote endpoint")
    return root, store


@main.command()
@click.option("--list", "show", is_flag=True, help="List the snapshots instead of taking one.")
@pass_store
def snapshot(sc: StoreContext, show: bool) -> None:
    """Keep the whole store as it is now (gzip-compressed N-Quads with its SHA-256) for `compgraph diff`.

    The store also keeps one after each write that changes its data (the newest COMPGRAPH_SNAPSHOT_KEEP, 20 by
    default; 0 = none); one taken here is never rotated away."""
    root, store = _root(sc)
    try:
        if show:
            for s in snaps.listed(root):
                click.echo(f"{s.name}  {s.quads:>9} quads  sha256 {s.sha256}  "
                           + ("automatic" if s.automatic else "by hand"))
            return
        assert isinstance(store, LocalStore)
        s = snaps.take(root, store.oxigraph, hist.head(store.oxigraph)[1])
    except OSError as exc:
        raise UserError(f"{root / snaps.FOLDER}: cannot write the snapshot ({exc.strerror or exc})") from exc
    except snaps.SnapshotError as exc:
        raise UserError(str(exc)) from exc
    click.echo(f"snapshot {s.name}: {s.quads} quads, sha256 {s.sha256}")


@main.command()
@click.argument("before")
@click.argument("after", default="now")
@click.option("--as-of", help="Date both sides' coverage is computed for [default: today].")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@pass_store
def diff(sc: StoreContext, before: str, after: str, as_of: str | None, fmt: str) -> None:
    """What changed between two snapshots (names or dates; AFTER may be `now`): obligations, controls, systems,
    datasets, evidence and findings added, removed or changed, and how coverage moved."""
    from compgraph.questions import diff as df

    root, store = _root(sc)
    sides: list[GraphStore] = []
    names = []
    for spec in (before, after):
        if spec in ("now", "current"):
            sides.append(store)
            names.append("now")
            continue
        try:
            s = snaps.find(root, spec)
            sides.append(snaps.SnapshotStore(snaps.load(root, s), s.name))
        except snaps.SnapshotError as exc:
            raise UserError(str(exc)) from exc
        names.append(s.name)
    result = df.compare(sides[0], sides[1], parse_date(as_of), (names[0], names[1]))
    if fmt == "json":
        click.echo(json.dumps(result.as_dict(), indent=2))
    else:
        click.echo(df.render(result), nl=False)


def write_user_record(store: GraphStore, name: str, role: str, was: str | None, token: bool) -> None:
    """The user's graph rewritten, so the trail holds an entry naming them, their old and new role."""
    change = f"{name} added as {role}" if was is None else (
        f"{name}: role {was} -> {role}" if was != role else f"{name}: password changed, still {role}")
    with hist.acting((hist.announced() or hist.Actor(hist.os_user(), "")).agent, "users add",
                     change + ("; a new API token" if token else ""), (hist.user_iri(name),)):
        store.replace_graph(hist.users_graph(name), hist.user_record(name, role))


def record_user_change(name: str, role: str, was: str | None, token: bool) -> None:
    """After `users add` changed the users file: its trail entry in the store, or through the server that holds
    it; a note on stderr (never a failure: the users file is already written) when there is no store."""
    sc = click.get_current_context().find_object(StoreContext)
    if sc is None:
        return
    try:
        write_user_record(sc.open(WRITE), name, role, was, token)
    except Forward as fwd:
        from compgraph.web.writer import send

        argv = ["users", "record", name, "--role", role, "--was", was or ""] + (["--token"] if token else [])
        try:
            code, _, err = send(fwd.writer, argv, str(Path.cwd()), hist.os_user())
        except StoreError as exc:  # the users file is written: say what is missing, never fail the command
            code, err = 1, str(exc)
        if code:
            click.echo(f"Note: the running server did not record this in the audit trail: {err.strip()}", err=True)
    except StoreMissing:
        click.echo("Note: not recorded in an audit trail: there is no store here (--store DIR names one)", err=True)
    except StoreError as exc:
        click.echo(f"Note: not recorded in the audit trail: {exc}", err=True)
