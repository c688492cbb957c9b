"""Every CLI command beside a running `compgraph serve` on the same store: reads open the store read-only,
writes run in the server (over loopback, with the token it keeps in the store folder), and the browser and the
audit trail see them at once."""

from __future__ import annotations

import json
import signal
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from e2e_cli import run, served, stop
from test_demo_commands import free_port


@pytest.fixture(scope="module")
def beside(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str, object]]:
    """A built demo store and a `serve` process holding it."""
    work = tmp_path_factory.mktemp("beside")
    store = work / "store"
    assert run("--store", str(store), "build", cwd=work).returncode == 0
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with served(["--store", str(store), "serve", "--port", str(port)], cwd=work, base=base) as proc:
        yield store, base, proc


def cg(store: Path, *args: str) -> tuple[int, str, str]:
    res = run("--store", str(store), *args, cwd=store.parent)
    return res.returncode, res.stdout, res.stderr


def test_stats_reads_beside_the_server(beside: tuple[Path, str, object]) -> None:
    store, _, _ = beside
    code, out, err = cg(store, "stats")
    assert code == 0, err
    assert "organisation/mozart" in out


def test_a_query_reads_beside_the_server(beside: tuple[Path, str, object]) -> None:
    store, _, _ = beside
    code, out, err = cg(store, "query", "SELECT (COUNT(*) AS ?n) WHERE { ?s a cg:AISystem }")
    assert code == 0, err
    assert out.split()[:3] == ["n", "-", "7"]  # the demo's seven AI systems


def test_the_token_file_is_readable_by_the_store_owner_only(beside: tuple[Path, str, object]) -> None:
    store, _, _ = beside
    mode = stat.S_IMODE((store / "writer.json").stat().st_mode)
    assert mode == 0o600


def test_validate_runs_in_the_server_keeps_its_exit_code_and_is_in_the_trail(beside: tuple[Path, str, object]) -> None:
    store, base, _ = beside
    code, out, err = cg(store, "validate", "--as-of", "2026-11-22")
    assert code == 1, err  # the demo's planted violations
    assert "running this command there" in err
    assert "Violation" in out
    # the validation run is a write like any other: the saved report's graph, with its triple counts
    last = requests.get(base + "/history.json", timeout=60).json()["entries"][-1]
    assert last["command"] == "validate"
    assert [c["graph"].rsplit("/graph/", 1)[-1] for c in last["changes"]] == ["validation/latest"]
    assert last["changes"][0]["after"] > 0


def test_a_build_beside_the_server_is_recorded_in_the_trail_the_browser_shows(beside: tuple[Path, str, object]) -> None:
    store, base, _ = beside
    code, _, err = cg(store, "build")
    assert code == 0, err
    entries = requests.get(base + "/history.json", timeout=60).json()["entries"]
    assert entries[-1]["command"] == "build"
    code, out, _ = cg(store, "history", "--format", "json")
    assert code == 0
    assert json.loads(out)[-1]["hash"] == entries[-1]["hash"]


def test_history_verify_beside_the_server(beside: tuple[Path, str, object]) -> None:
    store, _, _ = beside
    code, out, err = cg(store, "history", "--verify")
    assert code == 0, err
    assert "audit trail intact" in out


def test_a_request_without_the_token_is_refused(beside: tuple[Path, str, object]) -> None:
    _, base, _ = beside
    resp = requests.post(base + "/_writer/run", json={"argv": ["build"], "cwd": "/", "agent": "x"}, timeout=60)
    assert resp.status_code == 401


def test_an_import_beside_the_server_reads_paths_relative_to_where_it_was_typed(
    beside: tuple[Path, str, object],
) -> None:
    store, base, _ = beside
    (store.parent / "reg.txt").write_text(
        "Test Regulation\n\nArticle 1 Logs\n\nProviders shall keep logs of every decision of the system.\n",
        encoding="utf-8",
    )
    code, out, err = cg(store, "import", "reg.txt", "--id", "test-reg", "--out", "catalogs")
    assert code == 0, err
    assert (store.parent / "catalogs").is_dir()
    documents = requests.get(base + "/documents.json", timeout=60).json()["documents"]
    assert "test-reg" in {d["id"] for d in documents}


def test_evidence_added_beside_the_server_is_in_the_browser_at_once(beside: tuple[Path, str, object]) -> None:
    store, base, _ = beside
    (store.parent / "minutes.txt").write_text("Minutes of the AI ethics committee.\n", encoding="utf-8")
    code, _, err = cg(store, "evidence", "add", "minutes.txt", "--control", "CTL-GOV-01", "--concerns", "mozart",
                      "--valid-until", "2027-11-30", "--id", "ev-beside")
    assert code == 0, err
    assert requests.get(base + "/evidence/ev-beside", timeout=60).status_code == 200


def test_a_missing_file_fails_with_one_line_naming_it(beside: tuple[Path, str, object]) -> None:
    store, _, _ = beside
    code, _, err = cg(store, "import", "missing.txt", "--id", "x-reg")
    assert code == 2
    assert "missing.txt" in err


def test_users_add_beside_the_server_is_recorded_through_it(beside: tuple[Path, str, object]) -> None:
    import subprocess

    from e2e_cli import command, env

    store, base, _ = beside
    res = subprocess.run(
        [*command(), "--store", str(store), "users", "add", "ursula", "--role", "auditor", "--users",
         str(store.parent / "team.json"), "--password-stdin"],
        input="a long enough password\n", cwd=store.parent, env=env(), capture_output=True, text=True, timeout=600,
    )
    assert res.returncode == 0, res.stderr
    entries = requests.get(base + "/history.json", timeout=60).json()["entries"]
    assert (entries[-1]["command"], entries[-1]["reason"]) == ("users add", "ursula added as auditor")


def test_the_token_file_is_removed_when_the_server_stops(beside: tuple[Path, str, object]) -> None:
    store, _, proc = beside
    code, _ = stop(proc, signal.SIGTERM)  # type: ignore[arg-type]
    assert code == 0
    assert not (store / "writer.json").exists()
