"""The ``compgraph`` command: a thin layer over the library modules.

Exit codes (each a distinct meaning, so scripts can tell "all clear" from "could not look"):

0  success; for ``validate``: the graph conforms
1  ``validate`` found violations (``eval-extract``: scores below target)
2  bad input or usage: a bad file, option, date, query or identifier
3  the store is unavailable: missing, damaged, read-only for a write, or busy with another writer
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Any

import click

from compgraph import __version__
from compgraph.graph.catalog import InputError
from compgraph.graph.store import (
    CREATE,
    READ,
    WRITE,
    GraphStore,
    QuerySyntaxError,
    QueryTimeout,
    ResultTooLarge,
    StoreError,
    StoreReadOnly,
    open_store,
)

BAD_INPUT = 2
STORE_UNAVAILABLE = 3

EXIT_CODES = """\b
Exit codes:
  0  success; validate: the graph conforms
  1  validate found violations
  2  bad input or usage
  3  store unavailable: missing, damaged, read-only for a write, or busy"""

# How each command opens the embedded store, in one place. READ opens an existing store read-only; WRITE an
# existing one for writing (holding the write lock); CREATE may also create it. Commands not listed read.
STORE_MODES = {
    "build": CREATE,
    "generate": CREATE,
    "load": WRITE,
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


@main.command()
@click.option(
    "--org",
    "organisations",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Organisation YAML file(s) to load instead of the shipped demo organisation.",
)
@click.option(
    "--mappings",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="A mappings folder to use instead of the shipped one.",
)
@pass_store
def build(sc: StoreContext, organisations: tuple[Path, ...], mappings: Path | None) -> None:
    """Load the ontology, catalogs, crosswalk and organisation data into the store (idempotent)."""
    from compgraph.graph.build import build as run_build

    store = sc.open()
    bar, step = _progress("loading")
    try:
        counts = run_build(store, mappings=mappings, organisations=list(organisations) or None, progress=step)
    except InputError as exc:
        raise UserError(str(exc)) from exc
    except SyntaxError as exc:
        raise UserError(f"bad RDF: {exc}") from exc
    finally:
        bar.close()
    click.echo(f"Loaded {len(counts)} graphs, {sum(counts.values())} triples into {store.location}")
    for graph, n in counts.items():
        click.echo(f"  {n:>7}  {graph}")


@main.command()
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--graph", metavar="IRI", help="Target named graph [default: derived from the file].")
@pass_store
def load(sc: StoreContext, path: Path, graph: str | None) -> None:
    """Load one more file (Turtle/JSON-LD/RDF-XML, SSSOM TSV, organisation or catalog YAML) into its own graph."""
    from compgraph.graph.build import load_file

    try:
        target, n = load_file(sc.open(), path, graph)
    except InputError as exc:
        raise UserError(str(exc)) from exc
    click.echo(f"Loaded {n} triples from {path} into <{target}>")


@main.command()
@click.option("--as-of", "as_of", metavar="DATE", help="Validation date for expiry and review rules [default: today].")
@click.option("--format", "fmt", type=click.Choice(["text", "turtle", "json"]), default="text", show_default=True)
@click.option("--no-save", is_flag=True, help="Do not keep the report in the store's validation graph.")
@click.option(
    "--engine",
    type=click.Choice(["sparql", "pyshacl"]),
    default="sparql",
    show_default=True,
    help="sparql: shapes run as SPARQL in the store (same findings, faster; a shape it cannot translate is run "
    "by pySHACL, and stderr says which); pyshacl: the reference engine for every shape.",
)
@click.option(
    "--shapes",
    "shape_sources",
    multiple=True,
    metavar="FILE_OR_DIR",
    help="Validate with these shapes (a file, or a folder's RDF files; repeatable) instead of the shipped ones; "
    "add '--shapes shipped' to use both.",
)
@pass_store
def validate(
    sc: StoreContext, as_of: str | None, fmt: str, no_save: bool, engine: str, shape_sources: tuple[str, ...]
) -> None:
    """Check structure and coverage with the SHACL shapes.

    Exit 1 if any violation is found, 0 otherwise: warnings and infos alone exit 0, although the report then
    says the data does not conform (sh:conforms false), as the SHACL spec has it for any result.
    """
    from compgraph.checks import validate as v
    from compgraph.checks.shapes import load_shape_sources

    when = parse_date(as_of)
    try:
        shapes = load_shape_sources(list(shape_sources)) if shape_sources else None
    except InputError as exc:
        raise UserError(str(exc)) from exc
    try:
        store = sc.open(READ if no_save and engine == "pyshacl" else WRITE)
    except StoreReadOnly:
        # Reading is all validation needs; the SPARQL engine also writes a scratch graph, pySHACL does not.
        store = sc.open(READ)
        click.echo("Note: the store is read-only, so the report is not saved and pySHACL validates it.", err=True)
        no_save, engine = True, "pyshacl"
    try:
        outcome = v.validate_store(store, when, shapes, save=not no_save, engine=engine)
    except InputError as exc:
        raise UserError(str(exc)) from exc
    click.echo(v.render_engines(outcome), err=True)
    render = {"text": v.render_text, "json": v.render_json, "turtle": v.render_turtle}[fmt]
    click.echo(render(outcome), nl=False)
    sys.exit(0 if not outcome.violations else 1)


@main.group()
def users() -> None:
    """Manage the users of a shared server (roles: viewer, auditor, legal, admin)."""


def _users_option(**kw: object) -> Any:
    """The users file option shared by `serve` and `users add` (COMPGRAPH_USERS in the environment)."""
    return click.option(
        "--users", "users_file", type=click.Path(dir_okay=False, path_type=Path), envvar="COMPGRAPH_USERS", **kw
    )


@users.command("add")
@click.argument("name")
@click.option("--role", type=click.Choice(["viewer", "auditor", "legal", "admin"]), required=True)
@_users_option(default="compgraph-users.json", show_default=True)
@click.option("--token", is_flag=True, help="Also make an API token (printed once) for scripts and SPARQL clients.")
@click.option("--password-stdin", is_flag=True, help="Read the password from stdin instead of prompting.")
def users_add(name: str, role: str, users_file: Path, token: bool, password_stdin: bool) -> None:
    """Add a user (or change their role), with an argon2-hashed password."""
    from compgraph.web.auth import Users, UsersError

    if password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    if len(password) < 8:
        raise UserError("the password must be at least 8 characters long")
    try:
        new_token = Users(users_file).add(name, role, password, token=token)
    except UsersError as exc:
        raise UserError(str(exc)) from exc
    click.echo(f"{name} is a {role} in {users_file}")
    if new_token:
        click.echo(f"API token (shown once): {new_token}")


@main.command()
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@pass_store
def stats(sc: StoreContext, fmt: str) -> None:
    """What the graph holds: obligations per document and modality, entities, graphs."""
    from compgraph.questions import stats as st

    s = st.collect(sc.open())
    if fmt == "json":
        click.echo(json.dumps({**asdict(s), "obligations_by_document": s.obligations_by_document()}, indent=2))
    else:
        click.echo(st.render_text(s), nl=False)


@main.command()
@click.argument("ident")
@click.option("--as-of", "as_of", metavar="DATE", help="Date for evidence expiry [default: today].")
@click.option("--gaps", is_flag=True, help="For a system: show only obligations that are not covered.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@pass_store
def trace(sc: StoreContext, ident: str, as_of: str | None, gaps: bool, fmt: str) -> None:
    """Trace an obligation to its evidence, or a system to the obligations that bind it."""
    from compgraph.questions import trace as tr

    try:
        result = tr.trace(sc.open(), ident, parse_date(as_of))
    except tr.UnknownEntity as exc:
        raise UserError(str(exc)) from exc
    if fmt == "json":
        click.echo(json.dumps(asdict(result), indent=2))
    elif isinstance(result, tr.SystemTrace):
        click.echo(tr.render_system(result, only_gaps=gaps), nl=False)
    else:
        click.echo(tr.render_obligation(result), nl=False)


@main.command()
@click.argument("control_id")
@click.option("--as-of", "as_of", metavar="DATE", help="Date for evidence expiry [default: today].")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@pass_store
def impact(sc: StoreContext, control_id: str, as_of: str | None, fmt: str) -> None:
    """What breaks if a control fails: obligations and systems left without current coverage."""
    from compgraph.questions import impact as im
    from compgraph.questions.trace import UnknownEntity

    try:
        result = im.control_impact(sc.open(), control_id, parse_date(as_of))
    except UnknownEntity as exc:
        raise UserError(str(exc)) from exc
    if fmt == "json":
        click.echo(json.dumps(asdict(result), default=str, indent=2))
    else:
        click.echo(im.render_impact(result), nl=False)


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--timeout", "sparql_timeout", default=5.0, show_default=True, help="SPARQL query time limit (s).")
@click.option("--max-results", default=10_000, show_default=True, help="SPARQL result-size cap.")
@click.option("--threads", default=8, show_default=True, type=click.IntRange(1, 256), help="Server threads.")
@click.option(
    "--query-workers", default=2, show_default=True, type=click.IntRange(1, 64), help="SPARQL worker processes."
)
@click.option("--worker-memory", default=1024, show_default=True, type=click.IntRange(256), help="MiB per worker.")
@click.option("--allowed-host", "allowed_hosts", multiple=True, metavar="NAME", help="Host name to serve (repeat).")
@click.option("--cors-origin", "cors_origins", multiple=True, metavar="ORIGIN", help="Origin allowed to read /sparql.")
@_users_option(help="Users file (compgraph users add): logins and roles. Required beyond loopback.")
@click.option("--tls-proxy", is_flag=True, help="Behind a TLS reverse proxy: trust X-Forwarded-*, Secure cookies.")
@pass_store
def serve(
    sc: StoreContext,
    host: str,
    port: int,
    sparql_timeout: float,
    max_results: int,
    threads: int,
    query_workers: int,
    worker_memory: int,
    allowed_hosts: tuple[str, ...],
    cors_origins: tuple[str, ...],
    users_file: Path | None,
    tls_proxy: bool,
) -> None:
    """Serve the compliance browser and the SPARQL 1.1 endpoint (/sparql) with waitress."""
    from compgraph.web import create_app, serving
    from compgraph.web.security import DEFAULT_HOSTS

    if host not in ("127.0.0.1", "localhost", "::1") and users_file is None:
        raise UserError(f"serving on {host} needs logins: --users FILE (create it with 'compgraph users add')")
    if users_file is not None and not users_file.is_file():
        raise UserError(f"{users_file}: no users file; create it with 'compgraph users add NAME --role admin'")

    bound = [host] if host not in ("0.0.0.0", "::") else []
    hosts = list(dict.fromkeys([*DEFAULT_HOSTS, *bound, *allowed_hosts]))
    # WARM_CACHE: coverage, the lists' order and the query workers are made in the background at start.
    config = {
        "SPARQL_TIMEOUT": sparql_timeout,
        "SPARQL_MAX_RESULTS": max_results,
        "SPARQL_WORKERS": query_workers,
        "SPARQL_WORKER_MEMORY": worker_memory * 1024 * 1024,
        "ALLOWED_HOSTS": hosts,
        "CORS_ORIGINS": list(cors_origins),
        "WARM_CACHE": True,
        "USERS_FILE": str(users_file) if users_file else None,
        "SESSION_COOKIE_SECURE": tls_proxy,
    }
    app = create_app(sc.open(), config)
    if tls_proxy:
        from werkzeug.middleware.proxy_fix import ProxyFix

        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1, x_proto=1, x_host=1)  # type: ignore[method-assign]
    click.echo(f"compgraph browser on http://{host}:{port}/  (SPARQL endpoint: http://{host}:{port}/sparql)")
    click.echo(f"serving host names: {', '.join(hosts)}; CORS: {', '.join(cors_origins) or 'off'}")
    serving.serve(app, host, port, threads=threads)


@main.command()
@click.option("--format", "fmt", type=click.Choice(["nquads", "trig"]), default="nquads", show_default=True)
@click.option("--graph", metavar="IRI", help="Export one named graph only.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="File [default: stdout].")
@pass_store
def export(sc: StoreContext, fmt: str, graph: str | None, output: Path | None) -> None:
    """Dump the store (all named graphs) for archiving or for loading into another triple store."""
    store = sc.open()
    media = {"nquads": "application/n-quads", "trig": "application/trig"}[fmt]
    if hasattr(store, "export"):
        data = store.export(media, graph)  # type: ignore[attr-defined]
    else:
        raise UserError("export reads the embedded store; use the remote server's own dump for a remote store")
    if output:
        output.write_bytes(data)
    else:
        sys.stdout.buffer.write(data)


@main.command()
@click.option("--scale", default="small", show_default=True, help="small, medium, large or a triple count.")
@click.option("--seed", default=1, show_default=True, type=int, help="Random seed (same seed, same graph).")
@click.option("--as-of", "as_of", default="2026-11-22", show_default=True, help="Date the planted gaps refer to.")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), help="Write DIR/data.nt instead of loading.")
@pass_store
def generate(sc: StoreContext, scale: str, seed: int, as_of: str, out: Path | None) -> None:
    """Generate a synthetic organisation at scale, with planted coverage gaps (benchmarks, demos)."""
    from compgraph.scale import generate as gen

    try:
        spec = gen.Spec.parse(scale, seed, parse_date(as_of))
    except ValueError as exc:
        raise UserError(str(exc)) from exc
    result = gen.write_dir(spec, out) if out else gen.load_into(sc.open(), spec)
    click.echo(f"Generated into {out / 'data.nt' if out else sc.open().location}")
    click.echo(gen.render_summary(result), nl=False)


@main.command("queries")
def list_canned() -> None:
    """List the canned auditor questions and their parameters."""
    from compgraph.questions import queries as qs

    for canned in qs.list_queries():
        click.echo(f"{canned.name}: {canned.title}")
        for p in canned.params:
            default = "" if p.default == "required" else f" [default: {p.default}]"
            click.echo(f"    --param {p.name}=<{p.type}>{default}  {p.help}".rstrip())


@main.command()
@click.argument("query")
@click.option("--param", "-p", "params", multiple=True, metavar="NAME=VALUE", help="A query parameter (repeatable).")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json", "tsv"]), default="table", show_default=True)
@pass_store
def query(sc: StoreContext, query: str, params: tuple[str, ...], fmt: str) -> None:
    """Run a canned question (see `compgraph queries`), a .rq file, or SPARQL from stdin (-)."""
    from compgraph.questions import queries as qs

    values: dict[str, str] = {}
    for item in params:
        name, sep, value = item.partition("=")
        if not sep or not name:
            raise UserError(f"--param {item!r}: expected NAME=VALUE")
        values[name.strip()] = value
    source = sys.stdin.read() if query == "-" else query
    try:
        result = qs.run_query(sc.open(), source, values)
    except qs.QueryError as exc:
        raise UserError(str(exc)) from exc
    click.echo(qs.format_result(result, fmt), nl=False)


# --- legal: import a new document, suggest and review control mappings, gap report ------------------


def _mappings_option(help_text: str):  # type: ignore[no-untyped-def]
    return click.option("--mappings", "mappings", type=click.Path(file_okay=False, path_type=Path), help=help_text)


@main.command("import")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--id", "doc_id", required=True, help="Document id (also the catalog file name).")
@click.option("--title", help="Document title [default: its first line].")
@click.option("--kind", type=click.Choice(["regulation", "code-of-conduct", "policy"]), default="regulation",
              show_default=True)
@click.option("--prefix", help="Obligation id prefix [default: initials of the id].")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path),
              help="Mappings folder for the catalog and source text [default: ./mappings].")
@click.option("--org", "orgs", multiple=True, metavar="ORG_ID", help="Organisation subject to this document.")
@click.option("--max-bytes", default=5_000_000, show_default=True, help="Refuse larger files.")
@click.option("--encoding", help="Text encoding when not UTF-8 or UTF-16 with a byte-order mark (e.g. cp1252).")
@click.option("--replace", is_flag=True, help="Replace an existing document with this id (never a shipped file).")
@pass_store
def import_cmd(sc: StoreContext, path: Path, doc_id: str, title: str | None, kind: str, prefix: str | None,
               out: Path | None, orgs: tuple[str, ...], max_bytes: int, encoding: str | None, replace: bool) -> None:
    """Extract a new document's obligations into a reviewable catalog and load it into its own graph."""
    from compgraph.legal.readers import IngestError
    from compgraph.legal.review import ReviewError, import_document

    try:
        res = import_document(sc.open(), path, doc_id, title=title, kind=kind, prefix=prefix, out=out,
                              organisations=orgs, max_bytes=max_bytes, encoding=encoding, replace=replace)
    except (IngestError, ReviewError, InputError) as exc:
        raise UserError(str(exc)) from exc
    if res.note:
        click.echo(f"Note: {res.note}", err=True)
    click.echo(f"Extracted {res.obligations} obligations in {res.sections} sections -> {res.catalog} (review it)")
    click.echo(f"Loaded {res.triples} triples into <{res.graph}>"
               + (f"; subject: {', '.join(res.organisations)}" if res.organisations else ""))


@main.command("eval-extract")
@click.option("--corpus", type=click.Path(file_okay=False, path_type=Path),
              help="Folder of labelled texts (NAME.txt|.md|.html|.pdf with NAME.truth.tsv, NAME.traps.tsv).")
@click.option("--verbose", is_flag=True, help="With --corpus: list every spurious, missed and mislabelled duty.")
def eval_extract(corpus: Path | None, verbose: bool) -> None:
    """Score the obligation extractor against hand-labelled texts; exit 1 below targets."""
    from compgraph.legal.review import evaluate_extraction, render_extraction

    if corpus is not None:
        from compgraph.legal import corpus as cp

        try:
            results = cp.evaluate_corpus(corpus, cp.extract_file)
        except (cp.LabelError, OSError) as exc:
            raise UserError(str(exc)) from exc
        click.echo(cp.render_corpus(results, verbose), nl=False)
        sys.exit(0 if all(r.meets_targets() for r in results) else 1)
    scores = evaluate_extraction()
    click.echo(render_extraction(scores), nl=False)
    sys.exit(0 if scores and all(s.meets_targets() for s in scores) else 1)


@main.command()
@click.argument("doc_id")
@click.option("--top-k", default=5, show_default=True, type=click.IntRange(1, 50))
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json", "sssom"]), default="table",
              show_default=True)
@click.option("--ranker", type=click.Choice(["bm25", "embeddings"]),
              help="[default: embeddings when installed, else bm25]")
@pass_store
def suggest(sc: StoreContext, doc_id: str, top_k: int, fmt: str, ranker: str | None) -> None:
    """Rank existing controls (and similar obligations elsewhere) for each obligation of a document."""
    from compgraph.legal import suggest as sg

    store = sc.open()
    if not sg.document_exists(store, doc_id):
        raise UserError(f"no document {doc_id!r} in the store")
    ranker = ranker or sg.default_ranker()
    if ranker == "embeddings" and not sg.embeddings_available():
        raise UserError("the embeddings ranker needs: pip install 'compgraph[embeddings]'")
    click.echo(sg.render(sg.suggest(store, doc_id, top_k=top_k, ranker=ranker), fmt, doc_id, ranker), nl=False)


@main.command("eval-suggest")
@click.option("--ranker", "rankers", multiple=True, type=click.Choice(["bm25", "embeddings"]),
              help="[default: both, where installed]")
def eval_suggest(rankers: tuple[str, ...]) -> None:
    """Leave-one-document-out hits@1, hits@5 and MRR of the control suggestions against the crosswalk."""
    import tempfile

    from compgraph.graph.build import build as run_build
    from compgraph.graph.store import LocalStore
    from compgraph.legal import suggest as sg

    with tempfile.TemporaryDirectory() as tmp:
        store = LocalStore(Path(tmp) / "store")
        try:
            run_build(store)
        except InputError as exc:
            raise UserError(str(exc)) from exc
        result = sg.evaluate(store, list(rankers) or None)
        store.close()
    click.echo(sg.render_eval(result), nl=False)


@main.command()
@click.argument("doc_id")
@click.option("--accept", "accepts", multiple=True, metavar="OBL=CTL[:relation]",
              help="Accept a mapping; relation exactMatch (default), broadMatch, narrowMatch or relatedMatch.")
@click.option("--reject", "rejects", multiple=True, metavar="OBL=CTL", help="Reject a suggested mapping.")
@click.option("--author", required=True, help="Reviewer name, recorded in the mapping set.")
@click.option("--comment", default="", help="Justification recorded with these decisions.")
@_mappings_option("Folder for review-DOC_ID.sssom.tsv [default: ./mappings].")
@pass_store
def review(sc: StoreContext, doc_id: str, accepts: tuple[str, ...], rejects: tuple[str, ...], author: str,
           comment: str, mappings: Path | None) -> None:
    """Record accept/reject decisions in mappings/review-DOC_ID.sssom.tsv and load the accepted ones."""
    from compgraph.legal import review as rv

    if not accepts and not rejects:
        raise UserError("nothing to record: give --accept and/or --reject")
    try:
        decisions = [rv.Decision(o, c, "accept", r, author=author, comment=comment)
                     for o, c, r in (rv.parse_pair(v, True) for v in accepts)]
        decisions += [rv.Decision(o, c, "reject", r, author=author, comment=comment)
                      for o, c, r in (rv.parse_pair(v, False) for v in rejects)]
        res = rv.apply_decisions(sc.open(), doc_id, decisions, mappings)
    except (rv.ReviewError, InputError) as exc:
        raise UserError(str(exc)) from exc
    if res.note:
        click.echo(f"Note: {res.note}", err=True)
    click.echo(f"Saved {len(decisions)} decision(s) to {res.path} ({res.accepted} accepted, {res.rejected} rejected "
               f"in total); <{res.graph}> now holds {res.triples} triples")


@main.command()
@click.argument("doc_id")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "markdown", "json"]), default="table",
              show_default=True)
@pass_store
def gaps(sc: StoreContext, doc_id: str, fmt: str) -> None:
    """Obligations of a document with no accepted control, and the AI systems they affect."""
    from compgraph.legal import gaps as gp

    try:
        report = gp.gap_report(sc.open(), doc_id)
    except gp.UnknownDocument as exc:
        raise UserError(str(exc)) from exc
    click.echo(gp.render(report, fmt), nl=False)


@main.command()
@click.option("--quick", is_flag=True, help="Small size only (CI).")
@click.option("--sizes", default="small,medium,large", show_default=True, help="Comma-separated: small,medium,large.")
@click.option("--seed", default=1, show_default=True, type=int)
@click.option(
    "--baseline-max-triples",
    type=int,
    metavar="N",
    help="Above N triples the rdflib + pySHACL baseline only loads and validates.",
)
@click.option(
    "--baseline-validate-limit",
    type=int,
    default=1800,
    show_default=True,
    metavar="SECONDS",
    help="Stop pySHACL after this long and report '>SECONDS' (a lower bound for the ratio).",
)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Also write the table here.")
@click.option("--load", is_flag=True, help="Instead: many clients against a real `compgraph serve` on loopback.")
@click.option("--clients", default=50, show_default=True, type=click.IntRange(1, 500))
@click.option("--seconds", default=60.0, show_default=True, type=click.FloatRange(1, 3600))
@click.option("--runaways", default=20, show_default=True, type=click.IntRange(0, 200))
@click.option("--query-workers", default=2, show_default=True, type=click.IntRange(1, 64))
@pass_store
def bench(
    sc: StoreContext,
    load: bool,
    clients: int,
    seconds: float,
    runaways: int,
    query_workers: int,
    quick: bool,
    sizes: str,
    seed: int,
    baseline_max_triples: int | None,
    baseline_validate_limit: int,
    output: Path | None,
) -> None:
    """Time load, open, validate, questions, traces and pages at 10k/100k/1M triples against rdflib + pySHACL."""
    if load:
        from compgraph.scale.load import run_load

        location = getattr(sc.open(), "location", None)
        if location is None:
            raise UserError("--load serves the embedded store; it cannot drive a remote endpoint")
        sc.open().close()  # the server opens it; one process at a time
        res = run_load(location, clients=clients, seconds=seconds, runaways=runaways,
                       query_workers=query_workers, progress=lambda m: click.echo(m, err=True))
        click.echo(res.render(), nl=False)
        if output:
            output.write_text(res.render(), encoding="utf-8")
        return
    from compgraph.scale import bench as b

    chosen = ["small"] if quick else [s.strip() for s in sizes.split(",") if s.strip()]
    unknown = [s for s in chosen if s not in b.SIZES]
    if unknown:
        raise UserError(f"--sizes: unknown size {unknown[0]!r} (one of {', '.join(b.SIZES)})")
    results = b.run(
        chosen,
        seed,
        baseline_max_triples,
        progress=lambda m: click.echo(m, err=True),
        baseline_validate_limit=baseline_validate_limit,
    )
    table = b.render(results, b.bench_shapes()[1])
    click.echo(table, nl=False)
    if output:
        output.write_text(table, encoding="utf-8")


# --- exchange: OSCAL, Statement of Applicability, audit pack (issue 17) ---------------------------


def _exchange_errors() -> tuple[type[Exception], ...]:
    from compgraph.exchange.files import ExchangeError
    from compgraph.legal.review import ReviewError

    return (ExchangeError, InputError, ReviewError)


@main.command("export-oscal")
@click.option("--kind", type=click.Choice(["catalog", "component-definition", "assessment-results"]), required=True)
@click.option("--document", metavar="ID", help="For --kind catalog: the source document [default: the only one].")
@click.option("--as-of", "as_of", metavar="DATE", help="Date for evidence status and validation [default: today].")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True, help="OSCAL JSON file.")
@pass_store
def export_oscal(sc: StoreContext, kind: str, document: str | None, as_of: str | None, out: Path) -> None:
    """Export a source document, the implemented controls or a validation run as OSCAL JSON."""
    from compgraph.exchange import oscal
    from compgraph.exchange.files import write_atomic

    try:
        model = oscal.export(sc.open(), kind, parse_date(as_of), document)
        write_atomic(out, oscal.to_json(model))
    except _exchange_errors() as exc:
        raise UserError(str(exc)) from exc
    click.echo(f"Wrote OSCAL {kind} -> {out}")


@main.command("import-oscal")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--id", "doc_id", required=True, help="Id of the new source document (also the catalog file name).")
@click.option("--prefix", help="Obligation id prefix [default: initials of the id].")
@click.option("--kind", type=click.Choice(["regulation", "code-of-conduct", "policy"]), default="regulation",
              show_default=True)
@click.option("--modality", default="mandatory", show_default=True,
              help="Modality of controls that do not carry compgraph's modality prop.")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path),
              help="Mappings folder for the catalog and source text [default: ./mappings].")
@click.option("--org", "orgs", multiple=True, metavar="ORG_ID", help="Organisation subject to this document.")
@pass_store
def import_oscal(sc: StoreContext, path: Path, doc_id: str, prefix: str | None, kind: str, modality: str,
                 out: Path | None, orgs: tuple[str, ...]) -> None:
    """Import an OSCAL catalog as a new source document with its obligations."""
    from compgraph.exchange.oscal_import import import_catalog

    try:
        res = import_catalog(sc.open(), path, doc_id, prefix=prefix, kind=kind, modality=modality, out=out,
                             organisations=orgs)
    except _exchange_errors() as exc:
        raise UserError(str(exc)) from exc
    if res.note:
        click.echo(f"Note: {res.note}", err=True)
    skipped = f"; skipped {len(res.skipped)} withdrawn" if res.skipped else ""
    click.echo(f"Imported {res.obligations} obligations in {res.sections} sections{skipped} -> {res.catalog}")
    click.echo(f"Loaded {res.triples} triples into <{res.graph}>")


@main.command("soa")
@click.option("--org", "org_id", required=True, metavar="ID", help="The organisation.")
@click.option("--as-of", "as_of", metavar="DATE", help="Date for evidence expiry [default: today].")
@click.option("--format", "fmt", type=click.Choice(["xlsx", "csv"]), default="xlsx", show_default=True)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True, help="File to write.")
@pass_store
def soa_cmd(sc: StoreContext, org_id: str, as_of: str | None, fmt: str, out: Path) -> None:
    """Statement of Applicability: every obligation the organisation is subject to, applicable or not and why."""
    from compgraph.exchange import soa
    from compgraph.exchange.files import write_atomic

    try:
        st = soa.statement(sc.open(), org_id, parse_date(as_of))
        write_atomic(out, soa.FORMATS[fmt](st))
    except _exchange_errors() as exc:
        raise UserError(str(exc)) from exc
    counts = ", ".join(f"{n} {k}" for k, n in sorted(st.counts().items()))
    click.echo(f"Wrote {len(st.rows)} obligations ({counts}) -> {out}")


@main.command("audit-pack")
@click.option("--as-of", "as_of", metavar="DATE", help="Validation and evidence date [default: today].")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="The zip to write.")
@click.option("--verify", "verify", type=click.Path(dir_okay=False, path_type=Path),
              help="Check a pack against its MANIFEST instead (exit 1 naming each changed file).")
@click.option("--evidence-root", type=click.Path(file_okay=False, path_type=Path),
              help="Folder evidence 'file' paths are relative to [default: beside each organisation's YAML].")
@pass_store
def audit_pack(sc: StoreContext, as_of: str | None, out: Path | None, verify: Path | None,
               evidence_root: Path | None) -> None:
    """Zip the graph, the SHACL report, coverage, gaps, the evidence manifest and a PDF report under a MANIFEST."""
    from compgraph.exchange import audit

    if (out is None) == (verify is None):
        raise UserError("give either --out PACK.zip (make a pack) or --verify PACK.zip (check one)")
    try:
        if verify is not None:
            checked, problems = audit.verify_pack(verify)
        else:
            files, data = audit.build_pack(sc.open(), parse_date(as_of), evidence_root)
            audit.write_pack(files, out)  # type: ignore[arg-type]
    except _exchange_errors() as exc:
        raise UserError(str(exc)) from exc
    if verify is not None:
        for problem in problems:
            click.echo(f"FAILED {problem}", err=True)
        if problems:
            sys.exit(1)
        click.echo(f"OK: {checked} files match the MANIFEST of {verify}")
        return
    bad = [e for e in data.evidence if e.verdict in ("MISMATCH", "file missing")]
    click.echo(f"Wrote {len(files)} files -> {out} ({len(data.outcome.findings)} findings, {len(data.gaps)} gaps, "
               f"{len(data.evidence)} evidence items, {len(bad)} failing their digest)")


def run() -> None:
    """Entry point; errors become one line and the exit code of their kind (see EXIT_CODES)."""
    main(standalone_mode=True)


if __name__ == "__main__":  # pragma: no cover
    run()
