"""The ``compgraph`` command group and its plumbing: store opening modes, errors, exit codes.

Exit codes (each a distinct meaning, so scripts can tell "all clear" from "could not look"):

0  success; for ``validate``: no violations (warnings and infos alone exit 0)
1  ``validate`` found violations (``eval-extract``: scores below target)
2  bad input or usage: a bad file, option, date, query or identifier
3  the store is unavailable: missing, damaged, read-only for a write, or busy with another writer
"""

from __future__ import annotations

import sys
from datetime import date

import click

from compgraph import __version__
from compgraph.graph.store import (
    CREATE,
    READ,
    WRITE,
    GraphStore,
    QuerySyntaxError,
    QueryTimeout,
    ResultTooLarge,
    StoreError,
    open_store,
)

BAD_INPUT = 2
STORE_UNAVAILABLE = 3

EXIT_CODES = """\b
Exit codes:
  0  success; validate: no violations (warnings alone exit 0)
  1  validate found violations
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


def parse_date(value: str | None) -> date:
    if not value or value == "today":
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise UserError(f"--as-of: {value!r} is not a date (YYYY-MM-DD)") from exc


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
            self._store = open_store(**self.args, mode=mode)
        return self._store


class Main(click.Group):
    """Turns the store's and the query engine's errors into one line and their exit code, in every command."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except (QuerySyntaxError, QueryTimeout, ResultTooLarge) as exc:
            raise UserError(str(exc)) from exc
        except StoreError as exc:
            raise StoreProblem(str(exc)) from exc


pass_store = click.make_pass_decorator(StoreContext)


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
    ctx.obj = StoreContext(location, endpoint, update_endpoint, gsp_endpoint)


def _progress(label: str):  # type: ignore[no-untyped-def]
    from tqdm import tqdm

    bar = tqdm(desc=label, unit=" file", file=sys.stderr, disable=None, leave=False)

    def step(name: str) -> None:
        bar.set_postfix_str(name)
        bar.update(1)

    return bar, step
