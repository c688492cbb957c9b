"""Uploading a regulation in the browser (``/legal/upload``): the same import as ``compgraph import``, then review.

Flask's client against one demo store per module; every upload carries the CSRF token of the form it came from.
"""

from __future__ import annotations

import html
import io
import re
from pathlib import Path
from typing import Any

import pytest

from compgraph.graph.build import build
from compgraph.graph.store import LocalStore
from compgraph.web import create_app

REPO = Path(__file__).resolve().parents[2]
LEGAL = REPO / "tests" / "fixtures" / "legal"
STATUTE = (LEGAL / "public-sector-ai-act.md").read_bytes()


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> LocalStore:
    s = LocalStore(tmp_path_factory.mktemp("upload") / "store")
    build(s)
    return s


@pytest.fixture(scope="module")
def client(store: LocalStore, tmp_path_factory: pytest.TempPathFactory) -> Any:
    mappings = tmp_path_factory.mktemp("user-mappings")
    app = create_app(store, {"SUGGEST_RANKER": "bm25", "COMPGRAPH_MAPPINGS": str(mappings)})
    return app.test_client()


def upload(client: Any, name: str, body: bytes, **fields: str) -> Any:
    """Submit the upload form as a browser does, with the token of the page it came from."""
    page = client.get("/legal/upload").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
    data: dict[str, Any] = {"kind": "regulation", "csrf_token": token, "file": (io.BytesIO(body), name)}
    data.update(fields)
    return client.post("/legal/upload", data=data, content_type="multipart/form-data")


def error_line(resp: Any) -> str:
    found = re.search(r'id="upload-error">([^<]*)<', resp.get_data(as_text=True))
    assert found, resp.get_data(as_text=True)[:500]
    return html.unescape(found.group(1))


@pytest.fixture(scope="module")
def uploaded(client: Any) -> Any:
    return upload(client, "public-sector-ai-act.md", STATUTE, id="psa", title="Public Sector ADM Act", prefix="PSA")


def test_an_uploaded_statute_goes_to_its_review_page(uploaded: Any) -> None:
    assert uploaded.status_code == 303
    assert uploaded.headers["Location"].endswith("/review/psa?imported=10")


def test_the_review_page_after_an_upload_links_the_gap_report(client: Any, uploaded: Any) -> None:
    html = client.get(uploaded.headers["Location"]).get_data(as_text=True)
    assert "Imported 10 obligations" in html
    assert 'href="/gaps/psa"' in html


def test_the_uploaded_document_is_in_the_documents_list_at_once(client: Any, uploaded: Any) -> None:
    ids = [d["id"] for d in client.get("/documents.json").get_json()["documents"]]
    assert "psa" in ids


def test_the_upload_is_in_the_documents_own_history(client: Any, uploaded: Any) -> None:
    html = client.get("/documents/psa").get_data(as_text=True)
    own = re.sub(r"<[^>]+>", "", html[html.index('id="own-history"'):])  # the words, not how they are marked up
    assert "imported public-sector-ai-act.md as psa: 10 obligations" in own


def test_the_documents_list_the_nav_and_a_document_page_link_the_upload(client: Any, uploaded: Any) -> None:
    listing = client.get("/documents").get_data(as_text=True)
    assert listing.count('href="/legal/upload"') == 2  # the nav and the list
    page = client.get("/documents/psa").get_data(as_text=True)
    assert 'href="/review/psa"' in page and 'href="/gaps/psa"' in page and 'href="/legal/upload"' in page


def test_a_taken_id_is_refused_naming_the_id(client: Any, uploaded: Any) -> None:
    resp = upload(client, "again.md", STATUTE, id="psa", prefix="PSB")
    assert resp.status_code == 400
    assert error_line(resp).startswith("id: document id 'psa' already exists")
    assert "tick “Replace”" in error_line(resp)
    assert "/tmp" not in error_line(resp)  # a page never shows where the server keeps its files


def test_a_taken_id_is_replaced_when_replace_is_ticked(client: Any, uploaded: Any) -> None:
    resp = upload(client, "public-sector-ai-act.md", STATUTE, id="psa", prefix="PSA", replace="on")
    assert resp.status_code == 303


@pytest.mark.parametrize(
    ("fixture", "says"),
    [
        ("empty.txt", "empty.txt: file is empty"),
        ("binary.txt", "binary.txt: binary file, not text"),
        ("table.csv", "table.csv: not a document compgraph reads"),
        ("no-duties.txt", "no-duties.txt: found no obligation statements"),
    ],
)
def test_a_bad_file_is_a_400_naming_it(client: Any, fixture: str, says: str) -> None:
    resp = upload(client, fixture, (LEGAL / "upload" / fixture).read_bytes(), id="bad-doc")
    assert resp.status_code == 400
    assert error_line(resp).startswith(says)


def test_a_pdf_is_read_as_compgraph_import_reads_it(client: Any) -> None:
    resp = upload(client, "one-duty.pdf", (LEGAL / "upload" / "one-duty.pdf").read_bytes(), id="pdf-act")
    assert resp.status_code == 303
    assert resp.headers["Location"].endswith("/review/pdf-act?imported=1")


def test_a_missing_id_is_a_400_naming_the_field(client: Any) -> None:
    resp = upload(client, "public-sector-ai-act.md", STATUTE, id="")
    assert resp.status_code == 400
    assert error_line(resp).startswith("id: ")


def test_a_title_longer_than_a_line_is_a_400_naming_the_field(client: Any) -> None:
    resp = upload(client, "public-sector-ai-act.md", STATUTE, id="long-title", title="x" * 201)
    assert resp.status_code == 400
    assert error_line(resp).startswith("title: ")


def test_a_failed_upload_adds_no_document(client: Any) -> None:
    upload(client, "no-duties.txt", (LEGAL / "upload" / "no-duties.txt").read_bytes(), id="nothing-here")
    assert client.get("/documents/nothing-here").status_code == 404


def test_an_upload_without_the_forms_token_is_refused(client: Any) -> None:
    resp = client.post("/legal/upload", data={"id": "x", "file": (io.BytesIO(STATUTE), "a.md")},
                       content_type="multipart/form-data")
    assert resp.status_code == 400
    assert client.get("/documents/x").status_code == 404


def test_the_history_page_says_which_document_the_upload_was_about(client: Any, uploaded: Any) -> None:
    rows = client.get("/history.json").get_json()["history"]
    assert any(r["named"] == "psa" and r["reason"].startswith("imported public-sector-ai-act.md") for r in rows)


def test_an_uploaded_documents_source_text_page_shows_the_text_it_was_read_from(client: Any, uploaded: Any) -> None:
    page = client.get("/documents/psa/source.json").get_json()
    assert page["matches_recorded"] is True, page["problem"]
    assert any("human oversight" in row["text"] for row in page["lines"])


def test_an_upload_over_the_servers_limit_is_a_413_naming_the_limit_and_stores_nothing(store: LocalStore) -> None:
    small = create_app(store, {"MAX_CONTENT_LENGTH": 2000}).test_client()
    resp = upload(small, "big-act.md", STATUTE, id="big-act")
    assert resp.status_code == 413
    page = html.unescape(resp.get_data(as_text=True))
    assert "The upload is larger than the 2,000 bytes this server accepts in one request; nothing was read" in page
    assert "big-act" not in small.get("/documents").get_data(as_text=True)


def test_a_plain_text_statute_is_imported_with_its_article_and_point(client: Any) -> None:
    text = (b"Article 4\nAI literacy\n\n1. Providers shall:\n(a) train their staff in the use of AI systems;\n"
            b"(b) keep a record of that training.\n")
    resp = upload(client, "literacy-act.txt", text, id="txt-act")
    assert resp.status_code == 303
    assert resp.headers["Location"].endswith("/review/txt-act?imported=2")  # each point its own duty
    page = client.get("/review/txt-act").get_data(as_text=True)
    assert "train their staff" in page and "keep a record of that training" in page


def test_an_html_page_is_read_as_compgraph_import_reads_it(client: Any) -> None:
    page = (b"<html><head><title>Records Act</title></head><body><h2>Article 1 \xe2\x80\x94 Records</h2><ol>"
            b"<li>Deployers shall keep the event logs automatically generated by the system for six months.</li>"
            b"</ol></body></html>")
    resp = upload(client, "records-act.html", page, id="html-act")
    assert resp.status_code == 303
    assert resp.headers["Location"].endswith("/review/html-act?imported=1")
    assert "event logs" in client.get("/review/html-act").get_data(as_text=True)


def test_a_word_file_is_read_as_compgraph_import_reads_it(client: Any) -> None:
    body = (LEGAL / "public-sector-ai-act.docx").read_bytes()
    resp = upload(client, "public-sector-ai-act.docx", body, id="docx-act", prefix="DOCX")
    assert resp.status_code == 303
    assert resp.headers["Location"].endswith("/review/docx-act?imported=10")
    assert "DOCX-8-2" in client.get("/review/docx-act").get_data(as_text=True)


def test_a_word_file_that_is_not_one_is_a_400_naming_it(client: Any) -> None:
    resp = upload(client, "minutes.docx", b"Providers shall keep logs.", id="bad-docx")
    assert resp.status_code == 400
    assert error_line(resp).startswith("minutes.docx: not a Word file (not a ZIP package")
