"""What `compgraph trace` prints, as a user reads it: one behaviour each, on the tiny web fixture.

A fresh mutation sample of trace.py (``tools/mutation.py --group trace --sample 20 --seed 2``) showed
that nothing checked an obligation's quoted text, a system's obligation modalities, an implementer's name,
the Annex III line of a system outside Annex III, the per-status counts, an obligation mapped to two
controls, or that ``render_system`` shows covered obligations by default (docs/mutation-survivors.md).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "web"))
from webfixture import fixture_store  # noqa: E402

from compgraph.cli import main  # noqa: E402
from compgraph.questions import trace as tr  # noqa: E402

AS_OF = "2026-01-01"
# The fixture maps every obligation to at most one control; the recommended POL-03-02 (which binds no
# system, so the system traces below are unchanged) gets a second one here.
SECOND_CONTROL = b"""
<https://w3id.org/compgraph/id/obligation/POL-03-02>
    <https://w3id.org/compgraph/ontology#satisfiedBy> <https://w3id.org/compgraph/id/control/CTL-TN-01> .
"""


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    store = fixture_store(tmp_path_factory.mktemp("trace-fresh") / "store")
    store.replace_graph("https://w3id.org/compgraph/graph/second-control", SECOND_CONTROL, "text/turtle")
    store.close()  # each command opens it as a user's would
    return store.root


def cg(store_dir: Path, *args: str) -> str:
    result = CliRunner().invoke(main, ["--store", str(store_dir), "trace", *args, "--as-of", AS_OF])
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def credit_text(store_dir: Path) -> list[str]:
    return cg(store_dir, "credit-scorer").splitlines()


@pytest.fixture(scope="module")
def credit_json(store_dir: Path) -> dict:
    return json.loads(cg(store_dir, "credit-scorer", "--format", "json"))


def test_an_obligation_trace_quotes_its_source_text(store_dir: Path) -> None:
    lines = cg(store_dir, "COC-05-01").splitlines()
    assert lines[1] == '  "Deployers must assign human oversight of high-risk AI systems to competent persons."'


def test_an_obligation_trace_names_each_implementer(store_dir: Path) -> None:
    t = json.loads(cg(store_dir, "COC-05-01", "--format", "json"))
    impls = t["controls"][0]["implementations"]
    assert [(i["implementer_id"], i["implementer_label"]) for i in impls] == [("credit-scorer", "Credit scoring model")]


def test_an_obligation_mapped_to_two_controls_lists_both(store_dir: Path) -> None:
    t = json.loads(cg(store_dir, "POL-03-02", "--format", "json"))
    assert [c["id"] for c in t["controls"]] == ["CTL-BT-01", "CTL-TN-01"]


def test_a_system_trace_shows_each_obligations_modality(credit_text: list[str]) -> None:
    assert "  COC-05-01 (mandatory, EU AI Act Code of Conduct — Deployers) — covered" in credit_text


def test_a_system_outside_annex_iii_has_no_annex_area(credit_text: list[str], credit_json: dict) -> None:
    assert credit_json["annex_iii"] is None
    assert credit_text[0] == "credit-scorer: Credit scoring model — risk high"


def test_a_system_trace_counts_its_obligations_by_status(credit_text: list[str]) -> None:
    assert credit_text[1] == "  operated by Mozart Ltd; 4 binding obligations: 1 unmapped, 3 covered"


def test_render_system_shows_covered_obligations_unless_asked_for_gaps_only() -> None:
    covered = tr.ObligationTrace("urn:o", "OB-1", "Do it.", "mandatory", "Policy", "1 Scope", status=tr.COVERED)
    t = tr.SystemTrace("urn:s", "sys", "A system", "high", "", None, "Org", [covered])
    assert "  OB-1 (mandatory, Policy) — covered" in tr.render_system(t).splitlines()
    assert "OB-1" not in tr.render_system(t, only_gaps=True)
