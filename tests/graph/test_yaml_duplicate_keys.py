"""YAML keeps the last of two equal keys without a word; a catalog or an SSSOM metadata block must not."""

from __future__ import annotations

from pathlib import Path

from tests.graph.catalogkit import SSSOM_HEAD, _refusal, _write

from compgraph.graph import catalog


def test_a_repeated_top_level_key_is_refused_at_its_second_line(tmp_path: Path) -> None:
    bad = _write(tmp_path / "c.yaml", "id: x\ntitle: A\nobligations: []\ntitle: B\n")
    assert _refusal(catalog.load_yaml, bad) == (
        f"{bad}:4: YAML syntax error: duplicate key 'title' (YAML would keep only the last)"
    )


def test_a_repeated_key_inside_a_list_item_is_refused(tmp_path: Path) -> None:
    bad = _write(tmp_path / "c.yaml", "obligations:\n  - id: A-1\n    text: one\n    id: A-2\n")
    assert _refusal(catalog.load_yaml, bad).startswith(f"{bad}:4: YAML syntax error: duplicate key 'id'")


def test_the_same_key_in_two_list_items_is_not_a_duplicate(tmp_path: Path) -> None:
    ok = _write(tmp_path / "c.yaml", "obligations:\n  - id: A-1\n  - id: A-2\n")
    assert [o["id"] for o in catalog.load_yaml(ok)["obligations"]] == ["A-1", "A-2"]


def test_a_merge_key_overridden_by_an_explicit_key_is_still_read(tmp_path: Path) -> None:
    ok = _write(tmp_path / "c.yaml", "base: &b\n  a: 1\n  c: 2\nitem:\n  <<: *b\n  a: 3\n")
    assert catalog.load_yaml(ok)["item"] == {"a": 3, "c": 2}


def test_a_repeated_key_in_an_sssom_metadata_block_is_refused(tmp_path: Path) -> None:
    bad = _write(tmp_path / "m.sssom.tsv", "# license: https://x.org/a\n# license: https://x.org/b\n" + SSSOM_HEAD)
    assert _refusal(catalog.read_sssom, bad).startswith(
        f"{bad}:2: SSSOM metadata block is not YAML: duplicate key 'license'"
    )

