"""URL evidence through the form (``POST /evidence`` with ``url``): the server fetches it through the address
guard, records the URL and the SHA-256 of what it answered, and refuses a private address or an oversized
answer with a 400 that says why, writing nothing. A real loopback site, allow-listed the way an operator does
(COMPGRAPH_EVIDENCE_URL_HOSTS)."""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from webfixture import post_evidence

from compgraph.graph import history
from compgraph.graph.build import build
from compgraph.graph.store import LocalStore
from compgraph.graph.urlfetch import HOSTS_ENV
from compgraph.web import create_app
from evidence_sites import Site, site

BODY = b"Bias audit of the credit-limit model, signed 2026-11-28.\n"
CAP = 4096  # the app's upload limit (MAX_CONTENT_LENGTH), which a fetched answer may not pass either


@pytest.fixture(scope="module")
def intranet() -> Iterator[Site]:
    with site({"/audit.txt": (200, {}, BODY), "/huge.bin": (200, {}, b"z" * (CAP + 1)),
               "/audit/latest": (302, {"Location": "/audit.txt"}, b"")}) as s:
        yield s


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> LocalStore:
    s = LocalStore(tmp_path_factory.mktemp("evurl") / "store")
    build(s)
    return s


@pytest.fixture(scope="module")
def client(store: LocalStore, intranet: Site) -> Iterator[Any]:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(HOSTS_ENV, f"127.0.0.1:{intranet.port}")
        yield create_app(store, {"MAX_CONTENT_LENGTH": CAP}).test_client()



def alert(resp: Any) -> str:
    found = re.search(r'role="alert">(.*?)</p>', resp.get_data(as_text=True), re.S)
    return found.group(1) if found else ""


def test_a_url_is_fetched_and_its_sha256_and_address_recorded(client: Any, store: LocalStore,
                                                              intranet: Site) -> None:
    url = f"{intranet.base}/audit.txt"
    assert post_evidence(client, id="ev-url", url=url).status_code == 201
    digest = hashlib.sha256(BODY).hexdigest()
    assert store.select(f'ASK {{ ev:ev-url cg:sha256 "{digest}" ; cg:url <{url}> }}').boolean
    assert (Path(store.root) / "evidence-files" / digest[:2] / digest).read_bytes() == BODY


def test_the_evidence_page_links_the_url_and_shows_the_digest(client: Any, intranet: Site) -> None:
    post_evidence(client, id="ev-shown", url=f"{intranet.base}/audit.txt")
    html = client.get("/evidence/ev-shown").get_data(as_text=True)
    assert f'<dt>Fetched from</dt><dd><a href="{intranet.base}/audit.txt">' in html
    assert hashlib.sha256(BODY).hexdigest() in html


def test_where_redirects_ended_is_recorded_and_shown(client: Any, store: LocalStore, intranet: Site) -> None:
    asked, answered = f"{intranet.base}/audit/latest", f"{intranet.base}/audit.txt"
    assert post_evidence(client, id="ev-moved", url=asked).status_code == 201
    assert store.select(f"ASK {{ ev:ev-moved cg:url <{asked}> ; dcterms:source <{answered}> }}").boolean
    html = client.get("/evidence/ev-moved").get_data(as_text=True)
    assert f'<dt>Redirected to</dt><dd><a href="{answered}">' in html


def test_url_evidence_is_in_the_trail_as_an_upload_is(client: Any, store: LocalStore, intranet: Site) -> None:
    post_evidence(client, id="ev-trail-url", url=f"{intranet.base}/audit.txt")
    last = history.entries(store)[-1]
    assert (last.command, last.entities) == ("POST /evidence", ["https://w3id.org/compgraph/id/evidence/ev-trail-url"])


def test_a_renewal_can_come_from_a_url(client: Any, store: LocalStore, intranet: Site) -> None:
    post_evidence(client, id="ev-yearly", file=(io.BytesIO(b"2026 edition\n"), "audit-2026.txt"))
    resp = post_evidence(client, renews="ev-yearly", valid_until="2028-11-30", url=f"{intranet.base}/audit.txt")
    assert resp.status_code == 201
    assert store.select(f"ASK {{ ev:ev-yearly-v2 prov:wasRevisionOf ev:ev-yearly ; cg:url <{intranet.base}/audit.txt> ;"
                        ' rdfs:label "audit-2026.txt" }').boolean


def test_a_private_address_is_a_400_naming_it_and_writes_nothing(client: Any, store: LocalStore) -> None:
    before = len(history.entries(store))
    resp = post_evidence(client, id="ev-private", url="http://10.0.0.5/evidence.pdf")
    assert resp.status_code == 400
    assert "http://10.0.0.5/evidence.pdf: refused, 10.0.0.0/8 is Private-Use" in alert(resp)
    assert not store.select("ASK { ev:ev-private ?p ?o }").boolean
    assert len(history.entries(store)) == before


def test_a_loopback_port_the_operator_did_not_list_is_refused(client: Any) -> None:
    resp = post_evidence(client, id="ev-other-port", url="http://127.0.0.1:8081/")
    assert resp.status_code == 400
    assert "http://127.0.0.1:8081/: refused, port 8081" in alert(resp)


def test_an_answer_over_the_upload_limit_is_a_400_and_keeps_no_bytes(client: Any, store: LocalStore,
                                                                     intranet: Site) -> None:
    resp = post_evidence(client, id="ev-huge", url=f"{intranet.base}/huge.bin")
    assert resp.status_code == 400
    assert f"larger than the {CAP:,} bytes" in alert(resp)
    digest = hashlib.sha256(b"z" * (CAP + 1)).hexdigest()
    assert not (Path(store.root) / "evidence-files" / digest[:2] / digest).exists()


def test_a_file_and_a_url_together_is_a_400_naming_both_fields(client: Any, intranet: Site) -> None:
    resp = post_evidence(client, url=f"{intranet.base}/audit.txt", file=(io.BytesIO(BODY), "audit.txt"))
    assert resp.status_code == 400
    assert alert(resp) == "File or URL: one of them, not both"


def test_neither_a_file_nor_a_url_is_a_400_naming_both_fields(client: Any) -> None:
    resp = post_evidence(client)
    assert resp.status_code == 400
    assert alert(resp).startswith("File or URL: one of them, choose a file")


def test_a_refused_form_keeps_the_url_typed(client: Any) -> None:
    html = post_evidence(client, url="http://10.0.0.5/x").get_data(as_text=True)
    assert 'value="http://10.0.0.5/x"' in html
