"""A page never shows where the server keeps its files (#13: ``/review`` showed the review file's absolute path)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from compgraph.graph.build import build
from compgraph.graph.store import LocalStore
from compgraph.legal import review as rv
from compgraph.web import create_app

REPO = Path(__file__).resolve().parents[2]
LEGAL = REPO / "tests" / "fixtures" / "legal"


def test_the_review_and_gap_pages_name_no_server_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "root"
    root.mkdir()
    (root / "ontology").symlink_to(LEGAL / "ontology")
    (root / "web").symlink_to(REPO / "web")
    shutil.copytree(LEGAL / "mappings", root / "mappings")
    monkeypatch.setenv("COMPGRAPH_DATA_DIR", str(root))
    store = LocalStore(tmp_path / "store")
    build(store)
    user = tmp_path / "user-mappings"
    rv.import_document(store, LEGAL / "public-sector-ai-act.md", "psa", prefix="PSA", out=user, organisations=["acme"])
    client = create_app(store, {"SUGGEST_RANKER": "bm25", "COMPGRAPH_MAPPINGS": str(user)}).test_client()
    for url in ("/review/psa", "/gaps/psa", "/", "/documents/psa"):
        resp = client.get(url)
        assert resp.status_code == 200, url
        text = resp.get_data(as_text=True)
        for secret in (str(tmp_path), str(REPO), str(user)):
            assert secret not in text, f"{url} shows {secret}"
