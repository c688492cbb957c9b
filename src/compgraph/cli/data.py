"""Commands over the graph: build, load, validate, stats, trace, impact, export, generate, questions."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from pathlib import Path

import click

from compgraph.cli.base import (
    InputFile,
    StoreContext,
    UserError,
    _progress,
    main,
    parse_date,
    pass_store,
)
from compgraph.graph.catalog import InputError
from compgraph.graph.store import (
    READ,
    WRITE,
    GraphStore,
    LocalStore,
    StoreReadOnly,
)


@main.command()
@click.option(
    "--org",
    "organisations",
    multiple=True,
    type=InputFile(),
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


def _check_graph_option(graph: str | None) -> None:
    """A --graph that no store can name (no scheme, a space, a '>') is one line, before the store is opened."""
    from compgraph.graph.build import iri_problem

    problem = iri_problem(graph) if graph is not None else None
    if problem:
        raise UserError(f"--graph: {problem}")


@main.command()
@click.argument("path", type=InputFile())
@click.option("--graph", metavar="IRI", help="Target named graph [default: derived from the file].")
@click.option(
    "--as-written",
    is_flag=True,
    help="Keep literals the store would rewrite (\"4.0\"^^xsd:decimal, \"300\"^^xsd:byte) verbatim instead of "
    "refusing the file; validation reads them as written, but SPARQL questions see them as an unknown datatype.",
)
@pass_store
def load(sc: StoreContext, path: Path, graph: str | None, as_written: bool) -> None:
    """Load one more file (Turtle/JSON-LD/RDF-XML, SSSOM TSV, organisation or catalog YAML) into its own graph."""
    from compgraph.graph.build import load_file

    _check_graph_option(graph)
    store = sc.open()
    if as_written and not hasattr(store, "oxigraph"):
        raise UserError("--as-written is for the embedded store: a remote server keeps or rewrites literals its way")
    try:
        target, n = load_file(store, path, graph, as_written)
    except InputError as exc:
        raise UserError(str(exc)) from exc
    click.echo(f"Loaded {n} triples from {path} into <{target}>")


INCREMENTAL_NEEDS = (
    "--incremental: needs the SPARQL engine on the embedded store (not --engine pyshacl, a read-only store or "
    "a remote endpoint)"
)


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
@click.option(
    "--incremental",
    is_flag=True,
    help="Run again only the constraints a change since the last --incremental run can affect (same findings; "
    "the last run is kept beside the store); stderr says how many ran.",
)
@pass_store
def validate(
    sc: StoreContext,
    as_of: str | None,
    fmt: str,
    no_save: bool,
    engine: str,
    shape_sources: tuple[str, ...],
    incremental: bool,
) -> None:
    """Check structure and coverage with the SHACL shapes.

    Exit 1 if any violation is found, 0 otherwise: warnings and infos alone exit 0, although the report then
    says the data does not conform (sh:conforms false), as the SHACL spec has it for any result.
    """
    from compgraph.checks import validate as v
    from compgraph.checks.shapes import load_shape_sources

    when = parse_date(as_of)
    if incremental and engine != "sparql":
        raise UserError(INCREMENTAL_NEEDS)
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
    if incremental and (engine != "sparql" or not isinstance(store, LocalStore)):
        raise UserError(INCREMENTAL_NEEDS)
    try:
        if incremental:
            from compgraph.checks.incremental import validate_incremental

            run = validate_incremental(store, when, shapes, save=not no_save)
            click.echo(run.summary(), err=True)
            outcome = run.outcome
        else:
            outcome = v.validate_store(store, when, shapes, save=not no_save, engine=engine)
    except InputError as exc:
        raise UserError(str(exc)) from exc
    click.echo(v.render_engines(outcome), err=True)
    render = {"text": v.render_text, "json": v.render_json, "turtle": v.render_turtle}[fmt]
    click.echo(render(outcome), nl=False)
    _warn_orphaned_reviews(store, to_stderr=fmt != "text")
    sys.exit(0 if not outcome.violations else 1)


def _warn_orphaned_reviews(store: GraphStore, to_stderr: bool) -> None:
    """Accepted review decisions left without their obligation by ``import --replace``: a warning section
    (stderr beside a JSON or Turtle report, so that stays machine-readable); the exit code is unchanged."""
    from compgraph.legal.orphans import orphaned_reviews, render_orphans

    section = render_orphans(orphaned_reviews(store))
    if section:
        click.echo(("" if to_stderr else "\n") + section, nl=False, err=to_stderr)




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
@click.option("--format", "fmt", type=click.Choice(["nquads", "trig"]), default="nquads", show_default=True)
@click.option("--graph", metavar="IRI", help="Export one named graph only.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="File [default: stdout].")
@pass_store
def export(sc: StoreContext, fmt: str, graph: str | None, output: Path | None) -> None:
    """Dump the store (all named graphs) for archiving or for loading into another triple store."""
    _check_graph_option(graph)
    store = sc.open()
    media = {"nquads": "application/n-quads", "trig": "application/trig"}[fmt]
    if hasattr(store, "export"):
        data = store.export(media, graph)  # type: ignore[attr-defined]
    else:
        raise UserError("export reads the embedded store; use the remote server's own dump for a remote store")
    if output:
        try:
            output.write_bytes(data)
        except OSError as exc:
            raise UserError(f"{output}: cannot write ({exc.strerror or exc})") from exc
    else:
        sys.stdout.buffer.write(data)


@main.command()
@click.option(
    "--scale", default="small", show_default=True, help="small, medium, large, xlarge (10M) or a triple count."
)
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
    try:
        result = gen.write_dir(spec, out) if out else gen.load_into(sc.open(), spec)
    except OSError as exc:  # --out names a device or a folder that cannot be made: one line, not a traceback
        raise UserError(f"--out: {exc.filename or out}: cannot write ({exc.strerror or exc})") from exc
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
    source = sys.stdin.read(qs.MAX_QUERY_BYTES + 1) if query == "-" else query
    if len(source.encode("utf-8", "surrogatepass")) > qs.MAX_QUERY_BYTES:
        raise UserError(f"{'stdin' if query == '-' else 'QUERY'}: longer than the "
                        f"{qs.MAX_QUERY_BYTES // 1024} kB a query may be")
    try:
        text = qs.answer_text(sc.open(), source, values, fmt)
    except qs.QueryError as exc:
        raise UserError(str(exc)) from exc
    click.echo(text, nl=False)


# --- legal: import a new document, suggest and review control mappings, gap report ------------------
