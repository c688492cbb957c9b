"""The evidence form: ``GET /new-evidence`` and ``POST /evidence`` (upload, SHA-256 computed by the server)."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path
from typing import Any

import pytest
from webfixture import post_evidence

from compgraph.graph.build import build
from compgraph.graph.store import LocalStore
from compgraph.web import create_app

BODY = b"Minutes of the AI ethics committee, 2026-11-30.\n"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> LocalStore:
    s = LocalStore(tmp_path_factory.mktemp("evform") / "store")
    build(s)
    return s


@pytest.fixture(scope="module")
def client(store: LocalStore) -> Any:
    return create_app(store).test_client()



def test_the_form_offers_the_controls_and_what_evidence_can_concern(client: Any) -> None:
    html = client.get("/new-evidence").get_data(as_text=True)
    assert 'value="CTL-GOV-01"' in html
    assert 'value="mozart"' in html


def test_an_upload_is_stored_under_its_sha256_and_linked(client: Any, store: LocalStore) -> None:
    resp = post_evidence(client, id="ev-upload", file=(io.BytesIO(BODY), "minutes.txt"))
    assert resp.status_code == 201
    digest = hashlib.sha256(BODY).hexdigest()
    assert (Path(store.root) / "evidence-files" / digest[:2] / digest).read_bytes() == BODY
    assert store.select(f'ASK {{ ev:ev-upload cg:sha256 "{digest}" ; cg:evidenceFor ctl:CTL-GOV-01 }}').boolean


def test_a_renewal_from_the_form_revises_the_old_item(client: Any, store: LocalStore) -> None:
    post_evidence(client, id="ev-old", file=(io.BytesIO(BODY), "minutes.txt"))
    resp = post_evidence(client, renews="ev-old", valid_until="2028-11-30",
                         file=(io.BytesIO(BODY + b"v2"), "minutes2.txt"))
    assert resp.status_code == 201
    assert store.select("ASK { ev:ev-old-v2 prov:wasRevisionOf ev:ev-old . ev:ev-old a cg:Evidence }").boolean


def test_an_unknown_control_is_a_400_naming_the_field(client: Any) -> None:
    resp = post_evidence(client, control="CTL-NONE", file=(io.BytesIO(BODY), "minutes.txt"))
    assert resp.status_code == 400
    assert "no control with id" in resp.get_data(as_text=True)


def test_a_form_without_a_file_is_a_400(client: Any) -> None:
    assert post_evidence(client).status_code == 400


def test_the_evidence_list_links_to_the_form(client: Any) -> None:
    assert 'href="/new-evidence"' in client.get("/evidence").get_data(as_text=True)


def test_a_browser_write_is_in_the_trail_under_the_browser_and_the_request(client: Any, store: LocalStore) -> None:
    from compgraph.graph import history

    post_evidence(client, id="ev-trailed", file=(io.BytesIO(BODY + b"t"), "minutes.txt"))
    last = history.entries(store)[-1]
    assert (last.agent, last.command) == ("browser (no logins)", "POST /evidence")
    assert last.entities == ["https://w3id.org/compgraph/id/evidence/ev-trailed"]


def test_a_renewal_is_in_the_trail_naming_the_new_version(client: Any, store: LocalStore) -> None:
    from compgraph.graph import history

    post_evidence(client, id="ev-yearly-trail", file=(io.BytesIO(BODY + b"y1"), "minutes.txt"))
    post_evidence(client, renews="ev-yearly-trail", valid_until="2028-11-30", file=(io.BytesIO(BODY + b"y2"), "m2.txt"))
    last = history.entries(store)[-1]
    assert (last.command, last.entities) == ("POST /evidence",
                                             ["https://w3id.org/compgraph/id/evidence/ev-yearly-trail-v2"])
    assert [c["graph"].rsplit("/graph/", 1)[-1] for c in last.changes] == ["evidence/ev-yearly-trail-v2"]
