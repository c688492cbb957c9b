"""Legal's commands: import a document, suggest controls, review them, the gap report, the evaluations."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from compgraph.cli.base import (
    StoreContext,
    UserError,
    main,
    pass_store,
)
from compgraph.graph.catalog import InputError


def _mappings_option(help_text: str):  # type: ignore[no-untyped-def]
    return click.option("--mappings", "mappings", type=click.Path(file_okay=False, path_type=Path), help=help_text)


@main.command("import")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--id", "doc_id", required=True, help="Document id (also the catalog file name).")
@click.option("--title", help="Document title [default: the HTML or PDF title, else an opening line that"
              " reads as a title, else the file name].")
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
    if res.title_from:
        click.echo(f"Title: {res.title} (from {res.title_from}; give --title to name it otherwise)")
    click.echo(f"Loaded {res.triples} triples into <{res.graph}>"
               + (f"; subject: {', '.join(res.organisations)}" if res.organisations else ""))


@main.command("eval-extract")
@click.option("--corpus", type=click.Path(file_okay=False, path_type=Path),
              help="Folder of labelled texts (NAME.txt|.md|.html|.pdf|.docx|.odt|.xml|.adoc with NAME.truth.tsv, "
                   "NAME.traps.tsv).")
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
@click.option("--ranker", type=click.Choice(["hybrid", "bm25-prior", "bm25", "embeddings"]),
              help="[default: hybrid when the embeddings extra is installed, else bm25-prior]")
@pass_store
def suggest(sc: StoreContext, doc_id: str, top_k: int, fmt: str, ranker: str | None) -> None:
    """Rank existing controls (and similar obligations elsewhere) for each obligation of a document."""
    from compgraph.legal import suggest as sg

    store = sc.open()
    if not sg.document_exists(store, doc_id):
        raise UserError(f"no document {doc_id!r} in the store")
    ranker = ranker or sg.default_ranker()
    if sg.needs_embeddings(ranker) and not sg.embeddings_available():
        raise UserError(f"the {ranker} ranker needs: pip install 'compgraph[embeddings]'")
    click.echo(sg.render(sg.suggest(store, doc_id, top_k=top_k, ranker=ranker), fmt, doc_id, ranker), nl=False)


@main.command("eval-suggest")
@click.option("--ranker", "rankers", multiple=True,
              type=click.Choice(["hybrid", "bm25-prior", "bm25", "embeddings"]),
              help="[default: all, where installed; without --gold: bm25 and embeddings]")
@click.option("--gold", type=click.Path(dir_okay=False, path_type=Path),
              help="Hand-labelled gold TSV (tests/fixtures/suggest-gold/): hits@1, hits@3, MRR and the "
                   "'no good match' recall and precision, per document and overall.")
def eval_suggest(rankers: tuple[str, ...], gold: Path | None) -> None:
    """Score the control suggestions: against a hand-labelled gold set (--gold), or leave-one-document-out
    against the crosswalk (circular: the crosswalk was drafted with the same keywords)."""
    import tempfile

    from compgraph.graph.build import build as run_build
    from compgraph.graph.store import LocalStore
    from compgraph.legal import crosswalk_eval as ce
    from compgraph.legal import rank
    from compgraph.legal import rank_gold as rg

    if gold is not None and not gold.is_file():
        raise UserError(f"{gold}: no such gold file")
    with tempfile.TemporaryDirectory() as tmp:
        store = LocalStore(Path(tmp) / "store")
        try:
            run_build(store)
            if gold is not None:
                text = rg.render_gold(rg.evaluate_gold(store, gold, list(rankers) or None))
            else:
                text = ce.render_eval(ce.evaluate(store, [r for r in rankers if r not in rank.FUSED] or None))
        except (InputError, rg.GoldError, rank.RankConfigError) as exc:
            raise UserError(str(exc)) from exc
        finally:
            store.close()
    click.echo(text, nl=False)


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
