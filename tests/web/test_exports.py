"""The Exports pages: the auditor role gates them, and every file they hand out is the CLI's file and valid."""

from __future__ import annotations

import csv
import html
import io
import re
from datetime import date
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from openpyxl import load_workbook
from trestle.oscal.assessment_results import AssessmentResults
from trestle.oscal.catalog import Catalog
from trestle.oscal.component import ComponentDefinition
from webfixture import browser_store

from compgraph.exchange import audit, soa
from compgraph.graph import history
from compgraph.graph.store import LocalStore
from compgraph.web import create_app
from compgraph.web.auth import Users

AS_OF = "2026-11-22"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> LocalStore:
    s, _ = browser_store(tmp_path_factory.mktemp("exports") / "store")
    return s


@pytest.fixture(scope="module")
def app(store: LocalStore, tmp_path_factory: pytest.TempPathFactory) -> Flask:
    path = tmp_path_factory.mktemp("users") / "users.json"
    users = Users(path)
    users.add("vera", "viewer", "viewer-pass-1")
    users.add("audrey", "auditor", "auditor-pass-1")
    return create_app(store, {"USERS_FILE": str(path)})


def _client(app: Flask, name: str, password: str) -> FlaskClient:
    client = app.test_client()
    page = client.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
    assert client.post("/login", data={"name": name, "password": password, "csrf_token": token}).status_code == 303
    return client


@pytest.fixture(scope="module")
def viewer(app: Flask) -> FlaskClient:
    return _client(app, "vera", "viewer-pass-1")


@pytest.fixture(scope="module")
def auditor(app: Flask) -> FlaskClient:
    return _client(app, "audrey", "auditor-pass-1")


@pytest.mark.parametrize(
    "url", ["/exports", "/exports/soa.xlsx?org=mozart", "/exports/audit-pack.zip", "/exports/graph.nq"]
)
def test_a_viewer_gets_403_on_exports(viewer: FlaskClient, url: str) -> None:
    resp = viewer.get(url)
    assert resp.status_code == 403
    assert "needs the auditor role" in resp.get_data(as_text=True)


def test_a_viewer_sees_no_exports_link_and_an_auditor_does(viewer: FlaskClient, auditor: FlaskClient) -> None:
    assert 'href="/exports"' not in viewer.get("/systems").get_data(as_text=True)
    assert 'href="/exports"' in auditor.get("/systems").get_data(as_text=True)


def test_the_exports_page_offers_each_document_and_organisation(auditor: FlaskClient) -> None:
    page = auditor.get("/exports").get_data(as_text=True)
    assert "/exports/oscal/catalog.json?document=eu-coc-deployers" in page
    assert '<option value="mozart">' in page
    assert 'action="/exports/audit-pack.zip"' in page


def test_the_soa_workbook_is_the_clis_and_openpyxl_reads_it(auditor: FlaskClient, store: LocalStore) -> None:
    resp = auditor.get("/exports/soa.xlsx", query_string={"org": "mozart", "as_of": AS_OF})
    assert resp.status_code == 200
    assert resp.headers["Content-Disposition"] == f"attachment; filename=soa-mozart-{AS_OF}.xlsx"
    sheet = load_workbook(io.BytesIO(resp.data), read_only=True)["Statement of Applicability"]
    rows = list(sheet.iter_rows(values_only=True))
    expected = soa.statement(store, "mozart", date.fromisoformat(AS_OF))
    assert [str(h).lower().replace(" ", "_") for h in rows[0]] == soa.COLUMNS
    assert [r[2] for r in rows[1:]] == [r.obligation for r in expected.rows]


def test_the_soa_csv_is_byte_for_byte_the_clis(auditor: FlaskClient, store: LocalStore) -> None:
    resp = auditor.get("/exports/soa.csv", query_string={"org": "mozart", "as_of": AS_OF})
    assert resp.status_code == 200 and resp.mimetype == "text/csv"
    assert resp.data == soa.render_csv(soa.statement(store, "mozart", date.fromisoformat(AS_OF)))
    assert next(csv.reader(io.StringIO(resp.get_data(as_text=True)))) == soa.COLUMNS


def test_an_unknown_organisation_is_a_400_naming_the_parameter(auditor: FlaskClient) -> None:
    resp = auditor.get("/exports/soa.csv", query_string={"org": "nobody"})
    assert resp.status_code == 400
    assert "org: unknown organisation 'nobody' (one of: mozart)" in html.unescape(resp.get_data(as_text=True))
    assert "org: name the organisation" in auditor.get("/exports/soa.xlsx").get_data(as_text=True)


def test_a_bad_date_is_a_400(auditor: FlaskClient) -> None:
    resp = auditor.get("/exports/oscal/component-definition.json", query_string={"as_of": "yesterday"})
    assert resp.status_code == 400 and "as_of: 'yesterday' is not a date" in resp.get_json()["message"]


def test_a_catalog_needs_its_document_when_there_are_several(auditor: FlaskClient) -> None:
    resp = auditor.get("/exports/oscal/catalog.json")
    assert resp.status_code == 400
    assert resp.get_json()["message"].startswith("document: choose the document to export")


def _read_back(model: type, data: bytes, tmp_path: Path) -> object:
    path = tmp_path / "oscal.json"
    path.write_bytes(data)
    return model.oscal_read(path)  # type: ignore[attr-defined]


def test_the_oscal_catalog_reads_back_in_trestle(auditor: FlaskClient, tmp_path: Path) -> None:
    resp = auditor.get("/exports/oscal/catalog.json", query_string={"document": "eu-coc-deployers"})
    assert resp.status_code == 200
    catalog = _read_back(Catalog, resp.data, tmp_path)
    assert catalog.groups  # type: ignore[attr-defined]


def test_the_oscal_component_definition_reads_back_in_trestle(auditor: FlaskClient, tmp_path: Path) -> None:
    resp = auditor.get("/exports/oscal/component-definition.json", query_string={"as_of": AS_OF})
    assert resp.status_code == 200
    assert _read_back(ComponentDefinition, resp.data, tmp_path).components  # type: ignore[attr-defined]


def test_the_oscal_assessment_results_carry_the_as_of_date(auditor: FlaskClient, tmp_path: Path) -> None:
    resp = auditor.get("/exports/oscal/assessment-results.json", query_string={"as_of": AS_OF})
    assert resp.status_code == 200
    ar = _read_back(AssessmentResults, resp.data, tmp_path)
    assert ar.results[0].start.date().isoformat() == AS_OF  # type: ignore[attr-defined]


def test_the_audit_pack_download_verifies(auditor: FlaskClient, tmp_path: Path) -> None:
    resp = auditor.get("/exports/audit-pack.zip", query_string={"as_of": AS_OF})
    assert resp.status_code == 200 and resp.mimetype == "application/zip"
    pack = tmp_path / "pack.zip"
    pack.write_bytes(resp.data)
    checked, problems = audit.verify_pack(pack)
    assert problems == [] and checked == 8  # the report files and history.json (the store keeps a trail)


def test_a_second_audit_pack_meanwhile_gets_503_with_retry_after(app: Flask, auditor: FlaskClient) -> None:
    from compgraph.web.views import exports

    with app.app_context():
        lock = exports._pack_lock()
    with lock:  # as if another request were building one
        resp = auditor.get("/exports/audit-pack.zip")
    assert resp.status_code == 503 and resp.headers["Retry-After"] == "10"


def test_the_graph_dump_holds_every_named_graph(auditor: FlaskClient, store: LocalStore) -> None:
    from rdflib import Dataset

    resp = auditor.get("/exports/graph.nq")
    assert resp.status_code == 200
    ds = Dataset()
    ds.parse(data=resp.data, format="nquads")
    counts = {str(g.identifier): len(g) for g in ds.graphs() if len(g)}
    # The audit trail goes with the data an auditor is handed; graph_counts lists the data graphs only.
    assert counts.pop(history.HISTORY_GRAPH) > 0
    assert counts == store.graph_counts()


def test_open_mode_links_exports_from_the_navigation(store: LocalStore) -> None:
    page = create_app(store).test_client().get("/").get_data(as_text=True)
    assert '<li><a href="/exports">Exports</a></li>' in page


def test_a_script_with_an_auditors_token_downloads_and_without_one_gets_401(app: Flask, store: LocalStore) -> None:
    users = app.extensions["compgraph_users"]
    token = users.add("ci-bot", "auditor", None, token=True)
    client = app.test_client()
    resp = client.get("/exports/soa.csv?org=mozart", headers={"Authorization": f"Bearer {token}"})
    assert resp.status_code == 200 and resp.data.startswith(b"document,")
    anonymous = client.get("/exports/audit-pack.zip")
    assert anonymous.status_code == 401 and anonymous.headers["WWW-Authenticate"].startswith("Bearer")
