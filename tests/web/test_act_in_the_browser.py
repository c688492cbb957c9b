"""The EU AI Act, the fourth shipped document, in the browser and the canned questions (demo store).

The documents list and page show it, the canned question lists its obligations, and an article covered
through the code-of-conduct duty that restates it shows that link and the control.
"""

from __future__ import annotations

import json

import pytest
from flask.testing import FlaskClient

from compgraph.graph.store import LocalStore
from compgraph.web import create_app


@pytest.fixture(scope="module")
def client(demo_store: LocalStore) -> FlaskClient:
    return create_app(demo_store).test_client()


def get_json(client: FlaskClient, url: str) -> dict:
    resp = client.get(url)
    assert resp.status_code == 200, f"{url}: {resp.status_code}"
    return json.loads(resp.get_data(as_text=True))


def test_the_documents_list_shows_the_act_with_its_125_obligations(client: FlaskClient) -> None:
    [row] = [r for r in get_json(client, "/documents.json")["documents"] if r["id"] == "eu-ai-act"]
    assert (row["kind"], int(row["obligations"])) == ("regulation", 125)


def test_the_act_s_page_cites_its_articles(client: FlaskClient) -> None:
    html = client.get("/documents/eu-ai-act").get_data(as_text=True)
    assert "Article 73 Reporting of serious incidents" in html and "AIA-73-1" in html


def test_the_document_obligations_question_answers_for_the_act(client: FlaskClient) -> None:
    rows = get_json(client, "/questions/document-obligations.json?document=eu-ai-act&modality=prohibition")
    [table] = [v for v in rows.values() if isinstance(v, list) and v and isinstance(v[0], dict)]
    assert sorted(r["obligationId"] for r in table) == ["AIA-10-5-d", "AIA-73-6-s3-c2"]


def test_an_article_page_shows_the_restating_duty_and_the_control_it_brings(client: FlaskClient) -> None:
    html = client.get("/obligations/AIA-15-5").get_data(as_text=True)
    assert "COC-13-08" in html and "CTL-ST-01" in html
