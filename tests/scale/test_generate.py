"""The synthetic generator: reproducible, near the requested size, and the planted gaps are really there."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from compgraph.cli import main
from compgraph.graph.store import LocalStore
from compgraph.scale import generate as gen

AS_OF = gen.DEFAULT_AS_OF


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> tuple[LocalStore, gen.Generated]:
    store = LocalStore(tmp_path_factory.mktemp("gen-small"))
    return store, gen.load_into(store, gen.Spec.parse("small", seed=7))


def test_small_preset_lands_near_ten_thousand_triples(small: tuple[LocalStore, gen.Generated]) -> None:
    store, result = small
    total = store.triple_count()
    assert total == sum(result.counts.values())
    assert 5_000 <= total <= 20_000


def test_every_risk_level_occurs(small: tuple[LocalStore, gen.Generated]) -> None:
    store, _ = small
    res = store.select("SELECT DISTINCT ?r WHERE { ?s a cg:AISystem ; cg:riskLevel ?r }")
    assert {str(r[0]).rsplit("#", 1)[1] for r in res.rows} == set(gen.RISKS)


def test_planted_oversight_gap_matches_the_report(small: tuple[LocalStore, gen.Generated]) -> None:
    store, result = small
    res = store.select("""
        SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {
          ?s a cg:AISystem ; cg:riskLevel cg:RiskHigh .
          MINUS { ?s cg:operatedBy?/cg:implementsControl ?c . ?c cg:controlType cg:HumanOversight }
        }""")
    n = int(res.rows[0][0])
    high = result.gaps.systems_by_risk["RiskHigh"]
    assert n == result.gaps.high_risk_without_human_oversight > 0
    assert n == round(high * gen.HIGH_RISK_WITHOUT_OVERSIGHT)


def test_planted_data_and_review_gaps_match_the_report(small: tuple[LocalStore, gen.Generated]) -> None:
    store, result = small
    no_basis = store.select("""
        SELECT (COUNT(?d) AS ?n) WHERE { ?d a cg:Dataset ; cg:containsPersonalData true .
                                         MINUS { ?d cg:legalBasis ?b } }""")
    assert int(no_basis.rows[0][0]) == result.gaps.personal_datasets_without_legal_basis
    expired = store.select(
        f'SELECT (COUNT(?e) AS ?n) WHERE {{ ?e a cg:Evidence ; cg:validUntil ?d . FILTER(?d < "{AS_OF}"^^xsd:date) }}'
    )
    assert int(expired.rows[0][0]) == result.gaps.expired_evidence_items
    # Review intervals as design.md fixes them (concepts.ttl may not be loaded in every checkout).
    overdue = store.select(f"""
        SELECT (COUNT(?s) AS ?n) WHERE {{
          VALUES (?r ?days) {{ (cg:RiskHigh 92) (cg:RiskMedium 183) (cg:RiskLow 366) (cg:RiskLimited 366)
                              (cg:RiskMinimal 366) (cg:RiskProhibited 366) }}
          ?s a cg:AISystem ; cg:riskLevel ?r ; cg:lastReviewed ?when .
          BIND("{AS_OF}"^^xsd:date - ?when AS ?age)
          FILTER(?age > xsd:dayTimeDuration(CONCAT("P", STR(?days), "D")))
        }}""")
    assert int(overdue.rows[0][0]) == result.gaps.overdue_reviews


def test_same_seed_same_graph_other_seed_other_graph(tmp_path: Path) -> None:
    spec = gen.Spec.parse(3000, seed=11)
    a = gen.write_dir(spec, tmp_path / "a")
    b = gen.write_dir(spec, tmp_path / "b")
    gen.write_dir(gen.Spec.parse(3000, seed=12), tmp_path / "c")

    def body(p: Path) -> list[str]:
        # The shipped graphs' provenance (a blank-node activity with the build time) differs per run.
        return sorted(line for line in (p / "data.nt").read_text().splitlines() if "_:" not in line)

    assert body(tmp_path / "a") == body(tmp_path / "b")
    assert body(tmp_path / "a") != body(tmp_path / "c")
    assert a.gaps == b.gaps


def test_scale_parsing() -> None:
    assert gen.Spec.parse("medium").target_triples == 100_000
    assert gen.Spec.parse("25_000").target_triples == 25_000
    with pytest.raises(ValueError):
        gen.Spec.parse("huge")
    with pytest.raises(ValueError):
        gen.Spec.parse(10)


def test_cli_generate_to_directory(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["generate", "--scale", "2000", "--seed", "5", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "Planted gaps" in result.output
    assert (out / "data.nt").stat().st_size > 0
    assert '"seed": 5' in (out / "summary.json").read_text()


def _planned(scale: str) -> tuple[int, int, int]:
    """(systems, obligations, organisations) the plan draws for a preset, without writing a triple."""
    frameworks, _, orgs, gaps = gen.plan(gen.Spec.parse(scale), [], [], 0)
    return gaps.systems, sum(len(fw.obligations) for fw in frameworks), len(orgs)


def test_xlarge_is_a_provider_hosting_about_a_hundred_organisations_bound_by_the_same_law() -> None:
    systems, obligations, organisations = _planned("xlarge")
    assert gen.Spec.parse("xlarge").target_triples == 10_000_000
    assert systems > 60_000
    assert organisations == gen.MAX_ORGANISATIONS
    assert obligations == gen.MAX_SYNTHETIC_OBLIGATIONS


def test_the_caps_leave_the_large_preset_as_it_was() -> None:
    systems, obligations, organisations = _planned("large")
    assert (obligations, organisations) == (systems // 2, systems // 60)
    assert obligations < gen.MAX_SYNTHETIC_OBLIGATIONS and organisations < gen.MAX_ORGANISATIONS
