"""The web tests' store is the shipped demo or an error: never a silent switch to the small fixture graph."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import webfixture  # noqa: E402


def test_missing_demo_files_raise_naming_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    gone = tmp_path / "mappings" / "demo" / "mozart.yaml"
    monkeypatch.setattr(webfixture, "DEMO_FILES", (gone, *webfixture.DEMO_FILES[1:]))
    with pytest.raises(webfixture.DemoMissing, match=r"mozart\.yaml"):
        webfixture.browser_store(tmp_path / "store")
    assert not (tmp_path / "store").exists(), "no store is created when the demo is missing"


def test_the_checkout_has_the_demo_files() -> None:
    assert webfixture.missing_demo_files() == []
