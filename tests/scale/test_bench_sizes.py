"""Which sizes `compgraph bench` offers and which baselines each size gets (no timing here)."""

from __future__ import annotations

from click.testing import CliRunner

from compgraph.cli import main
from compgraph.scale import bench


def test_xlarge_is_a_bench_size_of_ten_million_triples() -> None:
    assert bench.SIZES["xlarge"] == 10_000_000


def test_an_unknown_size_is_refused_naming_the_sizes_there_are() -> None:
    result = CliRunner().invoke(main, ["bench", "--sizes", "huge"])
    assert result.exit_code == 2
    assert "unknown size 'huge'" in result.output and "xlarge" in result.output


def test_a_size_above_the_cap_gets_no_baseline_and_the_table_says_why() -> None:
    wanted, note = bench.baselines_for(9_948_427, ("pyshacl", "pyrudof"))
    assert wanted == ()
    assert note.startswith(f"no baseline above {bench.BASELINE_MAX_TRIPLES:,} triples")


def test_a_size_at_or_below_the_cap_keeps_every_baseline_asked_for() -> None:
    assert bench.baselines_for(1_127_212, ("pyshacl", "jena")) == (("pyshacl", "jena"), "")
    assert bench.baselines_for(bench.BASELINE_MAX_TRIPLES, ("pyshacl",)) == (("pyshacl",), "")
