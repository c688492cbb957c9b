"""`compgraph evidence add` / `renew`: digest computed here, bytes kept content-addressed, old versions kept."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from storetools import cg

CTL = "CTL-GOV-01"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("evidence")
    assert cg(work / "store", "build").returncode == 0
    (work / "minutes.txt").write_text("Minutes of the AI ethics committee, 2026-11-30.\n", encoding="utf-8")
    (work / "minutes-2027.txt").write_text("Minutes of the AI ethics committee, 2027-11-30.\n", encoding="utf-8")
    return work / "store"


def ask(store: Path, query: str) -> str:
    return cg(store, "query", query).stdout


def test_add_records_the_sha256_of_the_file_and_keeps_its_bytes(store: Path) -> None:
    res = cg(store, "evidence", "add", "minutes.txt", "--control", CTL, "--concerns", "mozart",
             "--valid-until", "2027-11-30", "--id", "ev-minutes", cwd=store.parent)
    assert res.returncode == 0, res.stderr
    digest = hashlib.sha256((store.parent / "minutes.txt").read_bytes()).hexdigest()
    assert (store / "evidence-files" / digest[:2] / digest).read_bytes() == (store.parent / "minutes.txt").read_bytes()
    out = ask(store, "SELECT ?d WHERE { ev:ev-minutes a cg:Evidence ; cg:sha256 ?d ; cg:evidenceFor ctl:CTL-GOV-01 }")
    assert digest in out


def test_renew_makes_a_new_version_that_revises_the_old_one_and_keeps_it(store: Path) -> None:
    cg(store, "evidence", "add", "minutes.txt", "--control", CTL, "--concerns", "mozart",
       "--valid-until", "2027-11-30", "--id", "ev-renewed", cwd=store.parent)
    res = cg(store, "evidence", "renew", "ev-renewed", "minutes-2027.txt", "--valid-until", "2028-11-30",
             cwd=store.parent)
    assert res.returncode == 0, res.stderr
    out = ask(store, "SELECT ?u WHERE { ev:ev-renewed-v2 prov:wasRevisionOf ev:ev-renewed ; cg:validUntil ?u ."
                     " ev:ev-renewed a cg:Evidence }")
    assert "2028-11-30" in out


def test_an_unknown_control_is_one_line_exit_2_and_keeps_no_bytes(store: Path, tmp_path: Path) -> None:
    (tmp_path / "other.txt").write_text("never kept\n", encoding="utf-8")
    res = cg(store, "evidence", "add", str(tmp_path / "other.txt"), "--control", "CTL-NONE", "--concerns", "mozart",
             "--valid-until", "2027-01-01")
    assert res.returncode == 2
    assert res.stderr.strip() == "Error: --control: no control with id 'CTL-NONE'"
    digest = hashlib.sha256(b"never kept\n").hexdigest()
    assert not (store / "evidence-files" / digest[:2] / digest).exists()


def test_the_trail_names_the_evidence_and_the_command(store: Path) -> None:
    cg(store, "evidence", "add", "minutes.txt", "--control", CTL, "--concerns", "mozart",
       "--valid-until", "2027-11-30", "--id", "ev-trail", cwd=store.parent)
    entries = json.loads(cg(store, "history", "--format", "json").stdout)
    last = entries[-1]
    assert last["command"] == "evidence add"
    assert last["entities"] == ["https://w3id.org/compgraph/id/evidence/ev-trail"]


def test_issued_today_is_accepted_as_by_every_other_date_option(store: Path) -> None:
    res = cg(store, "evidence", "add", "minutes.txt", "--control", CTL, "--concerns", "mozart",
             "--valid-until", "2099-01-01", "--issued", "today", "--id", "ev-today", cwd=store.parent)
    assert res.returncode == 0, res.stderr


def test_a_bad_date_is_one_line_naming_its_option(store: Path) -> None:
    res = cg(store, "evidence", "add", "minutes.txt", "--control", CTL, "--concerns", "mozart",
             "--valid-until", "31/12/2027", cwd=store.parent)
    assert (res.returncode, res.stderr.strip()) == (2, "Error: --valid-until: '31/12/2027' is not a date (YYYY-MM-DD)")
