"""Review decisions (compgraph.legal.review): the SSSOM file, what reaches the graph, and what is refused."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from compgraph.graph import catalog
from compgraph.graph.build import build
from compgraph.graph.store import LocalStore
from compgraph.legal import review as rv

REPO = Path(__file__).resolve().parents[2]
LEGAL = REPO / "tests" / "fixtures" / "legal"
DOC = LEGAL / "public-sector-ai-act.md"
REVIEW_GRAPH = "https://w3id.org/compgraph/graph/mappingset/review-psa"


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[LocalStore, Path]:
    """A store with the fixture controls, organisation and the never-seen act imported; its mappings folder."""
    root = tmp_path / "root"
    root.mkdir()
    (root / "ontology").symlink_to(LEGAL / "ontology")
    shutil.copytree(LEGAL / "mappings", root / "mappings")
    monkeypatch.setenv("COMPGRAPH_DATA_DIR", str(root))
    store = LocalStore(tmp_path / "store")
    build(store)
    user = tmp_path / "user-mappings"
    rv.import_document(store, DOC, "psa", prefix="PSA", out=user, organisations=["acme"])
    return store, user


def test_parse_and_validate_fields() -> None:
    assert rv.parse_pair("PSA-2-1=CTL-HO-01:broadMatch", True) == ("PSA-2-1", "CTL-HO-01", "skos:broadMatch")
    assert rv.parse_pair("PSA-2-1=CTL-HO-01", True)[2] == "skos:exactMatch"
    assert rv.parse_relation("skos:narrowMatch") == "skos:narrowMatch"
    for bad in ("PSA-2-1", "PSA-2-1=CTL HO", "=CTL-1", "PSA-2-1=CTL-1:closeMatch"):
        with pytest.raises(rv.ReviewError):
            rv.parse_pair(bad, True)
    with pytest.raises(rv.ReviewError):
        rv.parse_pair("PSA-2-1=CTL-1:broadMatch", False)  # a rejection has no relationship
    for author in ("", "   ", "a\tb", "x" * 101, "line\nbreak"):
        with pytest.raises(rv.ReviewError):
            rv.check_author(author)


def test_file_round_trip(tmp_path: Path) -> None:
    decisions = [
        rv.Decision(
            "PSA-2-1",
            "CTL-HO-01",
            "accept",
            "skos:exactMatch",
            "Ada",
            "2026-01-02",
            None,
            "same duty",
            "Deployers\tshall assign",
            "Human oversight",
        ),
        rv.Decision("PSA-7-1", "CTL-IA-01", "reject", "skos:exactMatch", "Ada", "2026-01-02"),
        rv.Decision("PSA-8-1", "CTL-BT-01", "suggested", "skos:relatedMatch", "compgraph-suggest", "2026-01-02", 0.4),
    ]
    path = tmp_path / "review-psa.sssom.tsv"
    path.write_text(rv.render_sssom("psa", decisions), encoding="utf-8")
    meta, rows = catalog.read_sssom(path)  # the reader `build` uses accepts it
    assert set(meta) >= {"curie_map", "mapping_set_id", "license"}
    assert [r.justification for r in rows] == [rv.MANUAL, rv.MANUAL, rv.LEXICAL]
    back = rv.read_review(path)
    assert [(d.obligation, d.control, d.action, d.relation) for d in back] == [
        (d.obligation, d.control, d.action, d.relation) for d in decisions
    ]
    assert back[0].subject_label == "Deployers shall assign"  # tabs never break the TSV
    assert back[2].confidence == 0.4
    assert "\tNot\t" in path.read_text(encoding="utf-8").splitlines()[-2]


def _satisfied(store: LocalStore, oid: str) -> set[str]:
    res = store.select(f"SELECT ?c WHERE {{ obl:{oid} cg:satisfiedBy/dcterms:identifier ?c }}")
    return {str(r[0]) for r in res.rows}


def test_accepted_in_graph_with_provenance_rejected_only_in_file(env: tuple[LocalStore, Path]) -> None:
    store, user = env
    res = rv.apply_decisions(
        store,
        "psa",
        [
            rv.Decision("PSA-2-1", "CTL-HO-01", "accept", "broadMatch", author="Ada", comment="oversight"),
            rv.Decision("PSA-7-1", "CTL-IA-01", "reject", author="Ada"),
        ],
        user,
        today=date(2026, 3, 1),
    )
    assert res.path == user / "review-psa.sssom.tsv" and res.graph == REVIEW_GRAPH
    assert (res.accepted, res.rejected) == (1, 1)
    assert _satisfied(store, "PSA-2-1") == {"CTL-HO-01"}
    assert _satisfied(store, "PSA-7-1") == set()
    prov = store.select(f"""
        SELECT ?pred ?why ?who ?when ?file WHERE {{ GRAPH <{REVIEW_GRAPH}> {{
          ?m cg:mappingSubject obl:PSA-2-1 ; cg:mappingObject ctl:CTL-HO-01 ; cg:mappingPredicate ?pred ;
             cg:mappingJustification ?why ; dcterms:creator/rdfs:label ?who ; dcterms:date ?when ;
             prov:wasDerivedFrom ?file }}
          GRAPH <{REVIEW_GRAPH}> {{ <{REVIEW_GRAPH}> a cg:SourceGraph }} }}""").values()
    assert prov == [
        {
            "pred": "http://www.w3.org/2004/02/skos/core#broadMatch",
            "why": "https://w3id.org/semapv/vocab/ManualMappingCuration",
            "who": "Ada",
            "when": "2026-03-01",
            "file": "review-psa.sssom.tsv",
        }
    ]
    assert store.select("ASK { obl:PSA-2-1 skos:broadMatch ctl:CTL-HO-01 }").boolean
    # the rejection is remembered in the file, and a later change of mind replaces it
    assert [d.action for d in rv.read_review(res.path)] == ["accept", "reject"]
    rv.apply_decisions(store, "psa", [rv.Decision("PSA-7-1", "CTL-IA-01", "accept", author="Bo")], user)
    assert _satisfied(store, "PSA-7-1") == {"CTL-IA-01"}
    assert len(rv.read_review(res.path)) == 2


@pytest.mark.parametrize(
    ("decision", "message"),
    [
        (rv.Decision("PSA-99-01", "CTL-HO-01", "accept", author="A"), "not in document"),
        (rv.Decision("MINI-1-01", "CTL-HO-01", "accept", author="A"), "not in document"),
        (rv.Decision("PSA-2-1", "CTL-NOPE", "accept", author="A"), "unknown control"),
        (rv.Decision("PSA-2-1", "CTL-HO-01", "maybe", author="A"), "unknown decision"),
        (rv.Decision("PSA-2-1", "CTL-HO-01", "accept", "closeMatch", author="A"), "unknown relationship"),
        (rv.Decision("PSA-2-1", "CTL-HO-01", "accept", author=""), "reviewer name"),
    ],
)
def test_bad_decisions_change_nothing(env: tuple[LocalStore, Path], decision: rv.Decision, message: str) -> None:
    store, user = env
    before = store.graph_counts()
    with pytest.raises(rv.ReviewError, match=message):
        rv.apply_decisions(store, "psa", [decision], user)
    assert store.graph_counts() == before
    assert not (user / "review-psa.sssom.tsv").exists()


def test_unknown_document_is_refused(env: tuple[LocalStore, Path]) -> None:
    store, user = env
    with pytest.raises(rv.ReviewError, match="no document"):
        rv.apply_decisions(store, "nope", [rv.Decision("X-1", "CTL-HO-01", "accept", author="A")], user)


def test_read_only_mappings_folder_falls_back_to_user_data(
    env: tuple[LocalStore, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    store, user = env
    monkeypatch.setattr(rv, "_writable", lambda folder: folder != user)
    res = rv.apply_decisions(store, "psa", [rv.Decision("PSA-2-1", "CTL-HO-01", "accept", author="A")], user)
    assert res.path.parent == rv.user_data_dir(store)
    assert "not writable" in res.note
    assert res.path.is_file() and not (user / "review-psa.sssom.tsv").exists()


def test_the_first_saved_order_is_kept_and_new_controls_come_after(tmp_path: Path) -> None:
    path = rv.order_path(tmp_path / "review-doc.sssom.tsv")
    assert path.name == "review-doc.order.tsv"
    rv.save_order(path, {"O-1": ["C-2", "C-1"]})
    rv.save_order(path, {"O-1": ["C-1", "C-2"]})  # a later save must not re-rank
    stored = rv.read_order(path)
    assert stored == {"O-1": ["C-2", "C-1"]}
    assert rv.in_stored_order(["C-1", "C-3", "C-2"], stored["O-1"]) == ["C-2", "C-1", "C-3"]
    assert rv.in_stored_order(["C-1", "C-3"], None) == ["C-1", "C-3"]


def test_an_unreadable_order_file_means_the_ranker_order(tmp_path: Path) -> None:
    path = tmp_path / "review-doc.order.tsv"
    path.write_bytes(b"\xff\xfe\x00garbage")
    assert rv.read_order(path) == {}


def test_every_plain_language_choice_records_a_skos_predicate() -> None:
    labels = {label: value for value, label, _ in rv.RELATION_CHOICES}
    assert labels == {"fully covers": "exactMatch", "partly covers": "narrowMatch",
                      "covers more than": "broadMatch", "related to": "relatedMatch"}
    assert set(labels.values()) == set(rv.RELATIONS)
