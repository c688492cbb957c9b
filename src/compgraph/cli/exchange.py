"""What leaves and enters the graph: OSCAL, the Statement of Applicability, the audit pack."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from compgraph.cli.base import (
    InputFile,
    StoreContext,
    UserError,
    main,
    parse_date,
    pass_store,
)
from compgraph.graph.catalog import InputError


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
@click.argument("path", type=InputFile())
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
@click.option("--verify", "verify", type=InputFile(),
              help="Check a pack against its MANIFEST instead (exit 1 naming each changed file).")
@click.option("--evidence-root", type=click.Path(file_okay=False, path_type=Path),
              help="Folder evidence 'file' paths are relative to [default: beside each organisation's YAML].")
@click.option("--since", metavar="DATE", help="history.json lists the store's changes from this date [default: all].")
@pass_store
def audit_pack(sc: StoreContext, as_of: str | None, out: Path | None, verify: Path | None,
               evidence_root: Path | None, since: str | None) -> None:
    """Zip the graph, the SHACL report, coverage, gaps, the evidence manifest and a PDF report under a MANIFEST."""
    from compgraph.exchange import audit

    if (out is None) == (verify is None):
        raise UserError("give either --out PACK.zip (make a pack) or --verify PACK.zip (check one)")
    try:
        if verify is not None:
            checked, problems = audit.verify_pack(verify)
        else:
            files, data = audit.build_pack(
                sc.open(), parse_date(as_of), evidence_root, parse_date(since, "--since") if since else None
            )
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
