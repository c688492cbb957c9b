"""The ``compgraph`` command group and its plumbing: store opening modes, errors, exit codes.

Exit codes (each a distinct meaning, so scripts can tell "all clear" from "could not look"):

0  success; for ``validate``: no violations (warnings and infos alone exit 0)
1  ``validate`` found violations (``eval-extract``: scores below target; ``history --verify``: a broken trail)
2  bad input or usage: a bad file, option, date, query or identifier
3  the store is unavailable: missing, damaged, read-only for a write, or busy with another writer
"""

from __future__ import annotations

import logging
import os
import sys
from datetime import date
from pathlib import Path

import click

from compgraph import __version__
from compgraph.graph import history, ondisk
from compgraph.graph.store import (
    CREATE,
    DEFAULT_LOCATION,
    READ,
    WRITE,
    GraphStore,
    QueryFailed,
    QuerySyntaxError,
    QueryTimeout,
    ResultTooLarge,
    StoreBusy,
    StoreError,
    open_store,
)

BAD_INPUT = 2
STORE_UNAVAILABLE = 3

EXIT_CODES = """\b
Exit codes:
  0  success; validate: no violations (warnings alone exit 0)
  1  validate found violations; history --verify found a broken trail
  2  bad input or usage
  3  store unavailable: missing, damaged, read-only for a write, or busy"""

# How each command opens the embedded store, in one place. READ opens an existing store read-only; WRITE an
# existing one for writing (holding the write lock); CREATE may also create it. Commands not listed read.
STORE_MODES = {
    "build": CREATE,
    "generate": CREATE,
    "load": CREATE,  # a store may start from one file, as with `oxigraph load`
    "import": CREATE,  # a new document may start a new store
    "review": WRITE,
    "validate": WRITE,  # saves its report; READ (no save) when the store cannot be written
    "serve": WRITE,
    "import-oscal": WRITE,
    # A validation run writes its date into a scratch graph of the store (checks.sparql), so these write.
    "export-oscal": WRITE,
    "audit-pack": WRITE,
}


class UserError(click.ClickException):
    """One clear line on stderr and exit code 2."""

    exit_code = BAD_INPUT


class StoreProblem(click.ClickException):
    """One clear line on stderr and exit code 3: the store could not be opened, read or written."""

    exit_code = STORE_UNAVAILABLE


def parse_date(value: str | None, option: str = "--as-of", required: bool = False) -> date:
    """A command's date option (empty or "today" is today); bad input is one line naming ``option``.

    A ``required`` option given empty is refused rather than read as today: ``--valid-until "$UNSET"`` stored
    evidence that expired the day it was added, without a word."""
    if required and not (value or "").strip():
        raise UserError(f"{option}: empty; give a date (YYYY-MM-DD)")
    if not value or value == "today":
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise UserError(f"{option}: {value!r} is not a date (YYYY-MM-DD)") from exc


class InputFile(click.Path):
    """An existing regular file to read. A pipe waits for a writer that may never come, and a device such as
    /dev/zero never ends (``load`` of a symlink to it read 23 GB before the kernel killed it), so neither is read:
    the check follows symlinks, as the read would."""

    def __init__(self) -> None:
        super().__init__(exists=True, dir_okay=False, path_type=Path)

    def convert(self, value: object, param: click.Parameter | None, ctx: click.Context | None) -> Path:
        path = super().convert(value, param, ctx)
        if not os.path.isfile(path):
            self.fail(f"{os.fsdecode(path)!r} is not a regular file (a pipe or device is not read: it may never "
                      "end)", param, ctx)
        return Path(os.fsdecode(path))


class StoreContext:
    def __init__(
        self, location: str | None, endpoint: str | None, update_endpoint: str | None, gsp_endpoint: str | None
    ) -> None:
        self.args = dict(
            location=location, endpoint=endpoint, update_endpoint=update_endpoint, gsp_endpoint=gsp_endpoint
        )
        self._store: GraphStore | None = None

    def open(self, mode: str | None = None) -> GraphStore:
        """The store, opened as the running command needs it (see STORE_MODES)."""
        if self._store is None:
            if mode is None:
                command = click.get_current_context().command.name or ""
                mode = STORE_MODES.get(command, READ)
            try:
                self._store = open_store(**self.args, mode=mode)
            except StoreBusy:
                writer = self._writer() if mode != READ else None
                if writer is None:
                    raise
                raise Forward(writer) from None
        return self._store

    def _writer(self) -> ondisk.Writer | None:
        """The running server that writes for this (embedded) store, if any."""
        if self.args["endpoint"] or os.environ.get("COMPGRAPH_ENDPOINT"):
            return None
        root = Path(self.args["location"] or os.environ.get("COMPGRAPH_STORE") or DEFAULT_LOCATION)
        return ondisk.read_writer(root.resolve())


class HeldStore(StoreContext):
    """The store of a running server, lent to the commands it runs for others: never reopened."""

    def __init__(self, store: GraphStore) -> None:
        super().__init__(store.location, None, None, None)
        self._held = store

    def open(self, mode: str | None = None) -> GraphStore:
        # No command closes the store it is given (bench --load does, and is never forwarded: NOT_FORWARDED).
        return self._held


class Forward(Exception):  # noqa: N818  (a signal, not an error)
    """The store is held by a running server that takes writes: the command is to run there instead."""

    def __init__(self, writer: ondisk.Writer) -> None:
        super().__init__(writer.url)
        self.writer = writer


# Commands that must never run inside the server (it cannot serve itself or time itself).
NOT_FORWARDED = frozenset({"serve", "bench"})


class Main(click.Group):
    """Turns the store's and the query engine's errors into one line and their exit code, in every command."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        ctx.meta["compgraph.argv"] = list(args)
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context) -> object:
        rest = [*getattr(ctx, "_protected_args", []), *ctx.args]
        command = rest[0] if rest else ""
        if len(rest) > 1 and isinstance(self.get_command(ctx, command), click.Group):
            command = f"{command} {rest[1]}"  # "evidence add", "users add": what the trail should say
        outer = history.announced()  # a command forwarded to the server runs as the user who started it
        try:
            with history.acting(outer.agent if outer else history.os_user(), command):
                return super().invoke(ctx)
        except Forward as fwd:
            if command in NOT_FORWARDED:
                raise StoreProblem(f"{command}: another process is writing to this store ({fwd.writer.url})") from None
            _forward(ctx, fwd.writer)
            return None
        except (QueryFailed, QuerySyntaxError, QueryTimeout, ResultTooLarge) as exc:
            raise UserError(str(exc)) from exc
        except StoreError as exc:
            raise StoreProblem(str(exc)) from exc


pass_store = click.make_pass_decorator(StoreContext)


def _forward(ctx: click.Context, writer: ondisk.Writer) -> None:
    from compgraph.web.writer import send

    click.echo(f"the store is held by the server at {writer.url}: running this command there", err=True)
    code, out, err = send(writer, ctx.meta["compgraph.argv"], os.getcwd(), history.os_user())
    click.echo(out, nl=False)
    click.echo(err, nl=False, err=True)
    ctx.exit(code)


@click.group(cls=Main, context_settings={"help_option_names": ["-h", "--help"]}, epilog=EXIT_CODES)
@click.version_option(__version__, prog_name="compgraph")
@click.option(
    "--store",
    "location",
    envvar="COMPGRAPH_STORE",
    metavar="DIR",
    help="Embedded store directory [default: ./compgraph-data].",
)
@click.option(
    "--endpoint",
    envvar="COMPGRAPH_ENDPOINT",
    metavar="URL",
    help="Use a remote SPARQL 1.1 query endpoint instead of the embedded store.",
)
@click.option(
    "--update-endpoint",
    envvar="COMPGRAPH_UPDATE_ENDPOINT",
    metavar="URL",
    help="SPARQL Update endpoint of the remote store [default: query URL with /update].",
)
@click.option(
    "--gsp-endpoint",
    envvar="COMPGRAPH_GSP_ENDPOINT",
    metavar="URL",
    help="Graph Store Protocol endpoint of the remote store, used to replace graphs.",
)
@click.pass_context
def main(
    ctx: click.Context,
    location: str | None,
    endpoint: str | None,
    update_endpoint: str | None,
    gsp_endpoint: str | None,
) -> None:
    """compgraph: obligations, controls, AI systems and evidence in one RDF graph.

    Read commands never create a store: build one first with `compgraph --store DIR build`.
    """
    # rdflib logs an ill-typed literal ("2026-02-30"^^xsd:date) with a traceback, and an IRI it dislikes, on
    # stderr: the data is kept as written and validation reports it, or the load refuses it in one line.
    logging.getLogger("rdflib.term").setLevel(logging.ERROR)
    if not isinstance(ctx.obj, StoreContext):  # a server running a command lends its own (HeldStore)
        ctx.obj = StoreContext(location, endpoint, update_endpoint, gsp_endpoint)


def _progress(label: str):  # type: ignore[no-untyped-def]
    from tqdm import tqdm

    bar = tqdm(desc=label, unit=" file", file=sys.stderr, disable=None, leave=False)

    def step(name: str) -> None:
        bar.set_postfix_str(name)
        bar.update(1)

    return bar, step
