"""Impact analysis on a tiny fixture graph: what breaks if a control fails, and single points of failure."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "web"))
from webfixture import fixture_store  # noqa: E402

from compgraph.graph.store import LocalStore  # noqa: E402
from compgraph.questions.impact import (  # noqa: E402
    control_impact,
    coverage_graph,
    render_impact,
    single_points_of_failure,
)
from compgraph.questions.trace import UnknownEntity  # noqa: E402

AS_OF = date(2026, 11, 22)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> LocalStore:
    return fixture_store(tmp_path_factory.mktemp("impact") / "store")


def ids(nodes: list) -> list[str]:
    return [n.id for n in nodes]


def test_graph_has_obligation_control_implementer_chain(store: LocalStore) -> None:
    g = coverage_graph(store, AS_OF)
    kinds = {d["kind"] for _, d in g.nodes(data=True)}
    assert kinds == {"obligation", "control", "system", "organisation"}
    ho = "https://w3id.org/compgraph/id/control/CTL-HO-01"
    assert g.has_edge("https://w3id.org/compgraph/id/obligation/COC-05-01", ho)
    assert g.has_edge(ho, "https://w3id.org/compgraph/id/system/credit-scorer")
    # the high-risk-only obligation binds the high-risk systems, not the chat assistant
    binds = g.graph["binds"]
    coc0501 = "https://w3id.org/compgraph/id/obligation/COC-05-01"
    assert coc0501 in binds["https://w3id.org/compgraph/id/system/hr-screener"]
    assert coc0501 not in binds["https://w3id.org/compgraph/id/system/chat-assistant"]
    # recommendations never bind
    assert not any(o.endswith("POL-03-02") for obls in binds.values() for o in obls)


def test_removing_the_oversight_control_uncovers_credit_scoring(store: LocalStore) -> None:
    impact = control_impact(store, "CTL-HO-01", AS_OF)
    assert ids(impact.obligations) == ["COC-05-01"]
    assert ids(impact.systems) == ["credit-scorer"]  # hr-screener was never covered: nothing to lose


def test_expired_evidence_does_not_count_as_coverage(store: LocalStore) -> None:
    impact = control_impact(store, "CTL-TN-01", AS_OF)
    # hr-screener's notice evidence expired on 2026-01-01, so only the other two systems lose coverage
    assert ids(impact.systems) == ["chat-assistant", "credit-scorer"]
    without_dates = control_impact(store, "CTL-TN-01", None)
    assert ids(without_dates.systems) == ["chat-assistant", "credit-scorer", "hr-screener"]


def test_organisation_wide_control_counts_for_every_system(store: LocalStore) -> None:
    impact = control_impact(store, "CTL-GOV-01", AS_OF)
    assert ids(impact.obligations) == ["POL-03-01"]
    assert ids(impact.systems) == ["chat-assistant", "credit-scorer", "hr-screener"]
    assert "3 system(s)" in render_impact(impact)


def test_unimplemented_control_breaks_nothing(store: LocalStore) -> None:
    impact = control_impact(store, "CTL-BT-01", AS_OF)
    assert impact.broken == [] and impact.still_covered == []
    assert "nothing is left uncovered" in render_impact(impact)


def test_single_points_of_failure(store: LocalStore) -> None:
    points = {p.control.id: p for p in single_points_of_failure(store, AS_OF)}
    assert set(points) == {"CTL-GOV-01", "CTL-TN-01", "CTL-HO-01"}
    assert ids(points["CTL-HO-01"].systems) == ["credit-scorer"]
    assert len(points["CTL-GOV-01"].pairs) == 3


def test_unknown_control(store: LocalStore) -> None:
    with pytest.raises(UnknownEntity):
        control_impact(store, "CTL-NOPE", AS_OF)


def _summary_key(points: list) -> list[tuple]:
    return [
        (
            p.control.iri,
            len(p.obligations) if isinstance(p.obligations, list) else p.obligations,
            len(p.pairs) if isinstance(p.pairs, list) else p.pairs,
            [s.iri for s in p.systems],
        )
        for p in points
    ]


@pytest.mark.parametrize("as_of", [date(2026, 11, 22), None], ids=["dated", "undated"])
def test_single_point_summary_counts_what_the_graph_lists(store: LocalStore, as_of: date | None) -> None:
    from compgraph.questions.impact import single_point_summary

    expected = single_points_of_failure(store, as_of)
    assert expected
    assert _summary_key(single_point_summary(store, as_of)) == _summary_key(expected)


@pytest.mark.parametrize("seed", [1, 5])
def test_single_point_summary_counts_what_the_graph_lists_on_generated_organisations(tmp_path: Path, seed: int) -> None:
    from compgraph.questions.impact import single_point_summary
    from compgraph.scale import generate as gen

    generated = LocalStore(tmp_path / "store")
    gen.load_into(generated, gen.Spec.parse("small", seed=seed))
    when = date(2026, 11, 22)
    assert _summary_key(single_point_summary(generated, when)) == _summary_key(
        single_points_of_failure(generated, when)
    )


def _pairs_key(impact: object) -> tuple:
    return (
        impact.control.id,  # type: ignore[attr-defined]
        [(o.iri, o.id, s.iri, s.id, s.label) for o, s in impact.broken],  # type: ignore[attr-defined]
        [(o.iri, s.iri) for o, s in impact.still_covered],  # type: ignore[attr-defined]
    )


def _every_control_matches_the_graph(store: LocalStore, as_of: date | None) -> int:
    from compgraph.questions.coverage import snapshot
    from compgraph.questions.impact import impact_in_graph, impact_of

    g = coverage_graph(store, as_of)
    snap = snapshot(store)
    controls = [str(r[0]) for r in store.select("SELECT ?c WHERE { ?c a cg:Control }").rows]
    broken = 0
    for c in controls:
        expected = impact_in_graph(g, c)
        assert _pairs_key(impact_of(snap, c, as_of)) == _pairs_key(expected), c
        broken += len(expected.broken)
    return broken


@pytest.mark.parametrize("as_of", [AS_OF, None], ids=["dated", "undated"])
def test_control_impact_on_the_snapshot_equals_the_graph(store: LocalStore, as_of: date | None) -> None:
    assert _every_control_matches_the_graph(store, as_of) > 0


def test_control_impact_on_the_snapshot_equals_the_graph_on_a_generated_organisation(tmp_path: Path) -> None:
    from compgraph.scale import generate as gen

    generated = LocalStore(tmp_path / "store")
    gen.load_into(generated, gen.Spec.parse("small", seed=3))
    assert _every_control_matches_the_graph(generated, AS_OF) > 0
