"""The compliance browser through Flask's test client: every page, its .json/.csv twins, and its errors."""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

sys.path.insert(0, str(Path(__file__).resolve().parent))
from webfixture import browser_store  # noqa: E402

from compgraph.web import create_app  # noqa: E402

AS_OF = "2026-11-22"
LISTS = ["documents", "obligations", "controls", "systems", "datasets", "evidence"]
# Words that only appear when Python leaks an exception into a page.
LEAKS = ("Traceback", 'File "', "Error:", "werkzeug.exceptions", "jinja2.exceptions")


@pytest.fixture(scope="session")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    store, _ = browser_store(tmp_path_factory.mktemp("web") / "store")
    yield create_app(store)


@pytest.fixture(scope="session")
def client(app: Flask) -> FlaskClient:
    return app.test_client()


def get(client: FlaskClient, url: str, status: int = 200) -> str:
    resp = client.get(url)
    body = resp.get_data(as_text=True)
    assert resp.status_code == status, f"{url}: {resp.status_code}\n{body[:2000]}"
    for leak in LEAKS:
        assert leak not in body, f"{url} shows {leak!r}"
    return body


def first_ids(client: FlaskClient, kind: str, n: int = 2) -> list[str]:
    rows = json.loads(get(client, f"/{kind}.json?as_of={AS_OF}"))[kind]
    assert rows, f"/{kind} lists nothing"
    return [r["id"] for r in rows[:n]]


# --- every page --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "/",
        f"/?as_of={AS_OF}",
        "/gaps",
        f"/gaps?as_of={AS_OF}",
        "/impact",
        "/questions",
        "/sparql-console",
        "/search",
        "/search?q=oversight",
    ]
    + [f"/{k}" for k in LISTS],
)
def test_page_renders(client: FlaskClient, url: str) -> None:
    body = get(client, url)
    assert "<h1>" in body and 'href="#content"' in body  # a heading and the skip link
    assert "https://cdn" not in body and "//unpkg" not in body  # nothing from the network


@pytest.mark.parametrize("kind", LISTS)
def test_list_json_and_csv(client: FlaskClient, kind: str) -> None:
    data = json.loads(get(client, f"/{kind}.json"))
    assert data["title"] and data["description"] and "data_built" in data
    rows = data[kind]
    assert rows and all("id" in r for r in rows)
    text = get(client, f"/{kind}.csv")
    parsed = list(csv.DictReader(io.StringIO(text)))
    # JSON pages long lists (obligations); the CSV export always carries every row.
    assert len(parsed) == data.get("total", len(rows))
    assert parsed[0]["id"] == rows[0]["id"]


@pytest.mark.parametrize("kind", LISTS)
def test_detail_pages_and_their_json_csv(client: FlaskClient, kind: str) -> None:
    for ident in first_ids(client, kind):
        body = get(client, f"/{kind}/{ident}?as_of={AS_OF}")
        assert ident in body
        assert "Linked to" in body  # neighbours
        data = json.loads(get(client, f"/{kind}/{ident}.json?as_of={AS_OF}"))
        assert data["id"] == ident and data["iri"].endswith("/" + ident)
        assert "neighbours" in data
        get(client, f"/{kind}/{ident}.csv?as_of={AS_OF}")
        graph = json.loads(get(client, f"/graph/{kind}/{ident}.json?as_of={AS_OF}"))
        assert any(e["data"].get("focus") for e in graph["elements"] if e["group"] == "nodes")
        get(client, f"/graph/{kind}/{ident}")


def test_obligation_page_traces_to_evidence(client: FlaskClient) -> None:
    data = json.loads(get(client, f"/obligations.json?as_of={AS_OF}&status=covered"))
    assert data["obligations"], "some obligation should be covered"
    ident = data["obligations"][0]["id"]
    detail = json.loads(get(client, f"/obligations/{ident}.json?as_of={AS_OF}"))
    assert detail["status"] == "covered"
    assert any(r["status"] == "covered" and r["evidence"] for r in detail["trace"])


def test_system_page_lists_binding_obligations_with_status(client: FlaskClient) -> None:
    systems = json.loads(get(client, f"/systems.json?as_of={AS_OF}"))["systems"]
    with_gaps = [s for s in systems if s["gaps"]]
    assert with_gaps, "the demo plants gaps"
    ident = with_gaps[0]["id"]
    data = json.loads(get(client, f"/systems/{ident}.json?as_of={AS_OF}"))
    statuses = {r["status"] for r in data["trace"]}
    assert statuses - {"covered"}
    only = json.loads(get(client, f"/systems/{ident}.json?as_of={AS_OF}&gaps=1"))
    assert only["trace"] and all(r["status"] != "covered" for r in only["trace"])


def test_obligation_filters(client: FlaskClient) -> None:
    doc = first_ids(client, "documents", 1)[0]
    rows = json.loads(get(client, f"/obligations.json?document={doc}&modality=mandatory"))["obligations"]
    assert rows and all(r["document"] == doc and r["modality"].lower() == "mandatory" for r in rows)
    unmapped = json.loads(get(client, "/obligations.json?status=unmapped"))["obligations"]
    assert all(r["status"] == "unmapped" for r in unmapped)


def test_dashboard_counts_and_questions(client: FlaskClient) -> None:
    data = json.loads(get(client, f"/index.json?as_of={AS_OF}"))
    assert data["as_of"] == AS_OF
    assert data["coverage_by_system"] and data["coverage_by_document"] and data["coverage_by_risk"]
    body = get(client, f"/?as_of={AS_OF}")
    assert "<svg" in body and "/questions/" in body
    assert 'action="/validate"' in body


def test_every_canned_question_runs(client: FlaskClient) -> None:
    from compgraph.questions.queries import list_queries

    doc = first_ids(client, "documents", 1)[0]
    questions = json.loads(get(client, "/questions.json"))["questions"]
    assert len(questions) == len(list_queries())
    for q in list_queries():
        params = {}
        for p in q.params:
            if p.required:
                params[p.name] = doc if "doc" in p.name else {"date": AS_OF, "integer": "30"}.get(p.type, "x")
        qs = "&".join(f"{k}={v}" for k, v in params.items())
        get(client, f"/questions/{q.name}?{qs}")
        data = json.loads(get(client, f"/questions/{q.name}.json?{qs}"))
        assert "rows" in data
        get(client, f"/questions/{q.name}.csv?{qs}")


def test_planted_high_risk_system_without_oversight_is_linked(client: FlaskClient) -> None:
    body = get(client, "/questions/high-risk-without-human-oversight")
    assert 'href="/systems/' in body


def test_search_finds_text_and_escapes_input(client: FlaskClient) -> None:
    ident = first_ids(client, "obligations", 1)[0]
    rows = json.loads(get(client, f"/search.json?q={ident.lower()}"))["results"]
    assert any(r["id"] == ident for r in rows)
    for nasty in ['"} UNION { ?x ?p ?o', "\\", "a\nb", "'; DROP", "%22%29%29"]:
        get(client, "/search?" + "q=" + nasty.replace("\n", "%0A").replace("\\", "%5C"))
    get(client, "/search?q=" + "x" * 201, 400)


def test_impact_pages(client: FlaskClient) -> None:
    data = json.loads(get(client, f"/impact.json?as_of={AS_OF}"))
    rows = data["single_points_of_failure"]
    assert rows
    ctl = rows[0]["control"]
    impact = json.loads(get(client, f"/controls/{ctl}/impact.json?as_of={AS_OF}"))
    assert impact["obligations"] and impact["systems"]
    assert ctl in get(client, f"/controls/{ctl}/impact?as_of={AS_OF}")
    get(client, f"/controls/{ctl}/impact.csv?as_of={AS_OF}")


def test_gaps_page_lists_findings_in_plain_language(client: FlaskClient) -> None:
    data = json.loads(get(client, f"/gaps.json?as_of={AS_OF}"))
    assert "conforms" in data and isinstance(data["findings"], list)
    get(client, f"/gaps.csv?as_of={AS_OF}")


# --- errors ------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", LISTS)
def test_unknown_id_is_404(client: FlaskClient, kind: str) -> None:
    body = get(client, f"/{kind}/NO-SUCH-THING", 404)
    assert "NO-SUCH-THING" in body and "<h1>404" in body
    data = json.loads(get(client, f"/{kind}/NO-SUCH-THING.json", 404))
    assert data["status"] == 404


@pytest.mark.parametrize(
    "url",
    [
        "/no-such-page",
        "/questions/no-such-question",
        "/graph/planet/earth",
        "/controls/NO-SUCH/impact",
        "/graph/systems/NO-SUCH",
        "/static/no-such.js",
    ],
)
def test_other_404s(client: FlaskClient, url: str) -> None:
    get(client, url, 404)


@pytest.mark.parametrize(
    "url",
    [
        "/?as_of=2026-13-45",
        "/?as_of=yesterday",
        "/gaps?as_of=20261122",
        "/obligations?modality=sometimes",
        "/obligations?status=fine",
        "/obligations?document=no-such-doc",
        "/obligations?topic=astrology",
        "/systems?as_of=2026-02-30",
        "/graph/systems/{system}?depth=9",
        "/questions/high-risk-without-human-oversight?bogus=1",
        "/obligations.json?modality=sometimes",
    ],
)
def test_bad_parameters_are_400_with_a_message(client: FlaskClient, url: str) -> None:
    if "{system}" in url:
        url = url.format(system=first_ids(client, "systems", 1)[0])
    body = get(client, url, 400)
    if ".json" in url:
        assert json.loads(body)["message"]
    else:
        assert "error-message" in body and "<h1>400" in body


def test_bad_question_parameter_value_is_400(client: FlaskClient) -> None:
    from compgraph.questions.queries import list_queries

    typed = [(q, p) for q in list_queries() for p in q.params if p.type in ("date", "integer")]
    if not typed:
        pytest.skip("no canned question takes a date or integer parameter")
    q, p = typed[0]
    get(client, f"/questions/{q.name}?{p.name}=not-a-{p.type}", 400)


def test_method_not_allowed_is_a_friendly_page(client: FlaskClient) -> None:
    resp = client.get("/validate")
    assert resp.status_code == 405
    assert "<h1>405" in resp.get_data(as_text=True)


def test_server_error_is_a_friendly_page(tmp_path: Path) -> None:
    store, _ = browser_store(tmp_path / "store")
    app = create_app(store)

    def boom() -> str:
        raise RuntimeError("secret internals /etc/passwd")

    app.add_url_rule("/boom", "boom", boom)
    app.add_url_rule("/boom.json", "boom_json", boom)
    client = app.test_client()
    for url in ("/boom", "/boom.json"):
        resp = client.get(url)
        text = resp.get_data(as_text=True)
        assert resp.status_code == 500
        assert "secret internals" not in text and "Traceback" not in text
    assert client.get("/boom.json").is_json


def csrf_token(html: str) -> str:
    """The CSRF token a page's form carries (what a browser would send back)."""
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found, "the page has no form with a CSRF token"
    return found.group(1)


def test_revalidate_saves_report_and_dashboard_shows_it(tmp_path: Path) -> None:
    store, _ = browser_store(tmp_path / "store")
    client = create_app(store).test_client()
    token = csrf_token(get(client, "/"))
    resp = client.post("/validate", data={"as_of": AS_OF, "csrf_token": token})
    assert resp.status_code == 303 and "/gaps" in resp.headers["Location"]
    data = json.loads(get(client, "/index.json"))
    assert data["validation"]["as_of"] == AS_OF
    assert client.post("/validate", data={"as_of": "not-a-date", "csrf_token": token}).status_code == 400


def test_too_large_request_is_a_friendly_413(tmp_path: Path) -> None:
    store, _ = browser_store(tmp_path / "store")
    client = create_app(store, {"MAX_CONTENT_LENGTH": 100}).test_client()
    resp = client.post("/validate", data={"as_of": AS_OF, "padding": "x" * 500})
    assert resp.status_code == 413
    assert "<h1>413" in resp.get_data(as_text=True)


@pytest.mark.parametrize("url", ["/", "/obligations", "/systems", "/gaps", "/impact", "/evidence"])
def test_pages_state_their_date(client: FlaskClient, url: str) -> None:
    body = get(client, f"{url}?as_of={AS_OF}")
    assert f"Status as of <strong>{AS_OF}</strong>" in body
    assert "Data built" in body


def test_obligations_paging(client: FlaskClient) -> None:
    data = json.loads(get(client, "/obligations.json"))
    assert data["total"] == len(data["obligations"]) or len(data["obligations"]) == data["page_size"]
    get(client, "/obligations?page=0", 400)
    get(client, "/obligations?page=abc", 400)
    get(client, "/obligations?page=999", 404)


def test_controls_list_counts_obligations_and_implementers(app: Flask, client: FlaskClient) -> None:
    store = app.extensions["compgraph_store"]
    rows = json.loads(get(client, "/controls.json"))["controls"]
    assert rows
    for row in rows:
        ident = row["id"]
        expected = store.select(f"""
            SELECT (COUNT(DISTINCT ?o) AS ?n) (COUNT(DISTINCT ?i) AS ?m) WHERE {{
              ?c dcterms:identifier "{ident}" .
              {{ ?o cg:satisfiedBy ?c }} UNION {{ ?i cg:implementsControl ?c }} UNION {{ BIND(1 AS ?none) }}
            }}""").rows[0]
        assert (row["obligations"], row["implementers"]) == (int(expected[0]), int(expected[1])), ident


def test_cache_computes_each_key_once_for_concurrent_callers() -> None:
    import threading
    import time

    from compgraph.web.model import Cache

    cache, calls, results = Cache(), [], []

    def slow() -> int:
        calls.append(1)
        time.sleep(0.2)
        return 42

    threads = [threading.Thread(target=lambda: results.append(cache.get(("k",), slow))) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [42] * 4 and len(calls) == 1

    def broken() -> int:
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        cache.get(("bad",), broken)
    assert cache.get(("bad",), lambda: 7) == 7  # a failure is not cached and does not block the key


def test_a_value_begun_ahead_is_computed_once_and_handed_to_the_later_caller() -> None:
    import threading

    from compgraph.web.model import Cache

    cache, calls, begun = Cache(), [], threading.Event()

    def slow() -> int:
        calls.append(threading.current_thread().name)
        begun.set()
        return 42

    cache.start(("k",), slow)
    assert begun.wait(5)
    assert cache.get(("k",), slow) == 42
    assert calls == ["compgraph-ahead"]
    cache.start(("k",), slow)  # cached: nothing begun again
    assert cache.get(("k",), slow) == 42 and len(calls) == 1


def test_a_value_begun_ahead_that_fails_is_computed_again_by_the_caller_who_sees_the_error() -> None:
    from compgraph.web.model import Cache

    cache, calls = Cache(), []

    def broken() -> int:
        calls.append(1)
        raise RuntimeError("boom")

    cache.start(("bad",), broken)
    with pytest.raises(RuntimeError):
        cache.get(("bad",), broken)
    assert len(calls) in (1, 2)  # the caller ran it again unless it came first
    assert cache.get(("bad",), lambda: 7) == 7


def test_warm_up_fills_the_coverage_and_list_caches(tmp_path: Path) -> None:
    from datetime import date

    from compgraph.questions import coverage as cv
    from compgraph.web import model

    store, _ = browser_store(tmp_path / "store")
    cache = model.Cache()
    model.warm(store, cache, date.fromisoformat(AS_OF))
    state = model.store_state(store).key
    assert isinstance(cache.get(("coverage-snapshot", state), lambda: None), cv.Snapshot)
    assert cache.get(("ordered-ids", "Evidence", state), lambda: None)
    assert cache.get(("single-points", state, date.fromisoformat(AS_OF)), lambda: None) is not None
    assert model.coverage(store, date.fromisoformat(AS_OF), cache).by_system == cv.compute(
        store, date.fromisoformat(AS_OF)
    ).by_system


def test_control_impact_pages_agree_with_the_library(app: Flask, client: FlaskClient) -> None:
    from datetime import date

    from compgraph.questions import impact as im
    from compgraph.questions.impact import single_point_summary

    store = app.extensions["compgraph_store"]
    point = single_point_summary(store, date.fromisoformat(AS_OF))[0]
    ctl = point.control.iri.rsplit("/", 1)[-1]
    expected = im.control_impact(store, point.control.iri, date.fromisoformat(AS_OF))
    data = json.loads(get(client, f"/controls/{ctl}/impact.json?as_of={AS_OF}&_size=max"))
    assert data["obligations"] == [o.id for o in expected.obligations]
    assert data["systems"] == [s.id for s in expected.systems]
    assert data["pairs_broken"] == len(expected.broken) == len(data["broken"])
    assert [(r["obligation"], r["system"]) for r in data["broken"]] == [(o.id, s.id) for o, s in expected.broken]
    rows = list(csv.DictReader(io.StringIO(get(client, f"/controls/{ctl}/impact.csv?as_of={AS_OF}"))))
    assert len(rows) == len(expected.broken)
    paged = json.loads(get(client, f"/controls/{ctl}/impact.json?as_of={AS_OF}"))
    assert paged["broken"] == data["broken"][: paged["page_size"]]


def test_gaps_page_caps_each_rule_but_exports_every_finding(app: Flask, client: FlaskClient, monkeypatch) -> None:
    from compgraph.web.views import analysis

    data = json.loads(get(client, f"/gaps.json?as_of={AS_OF}"))
    rows = list(csv.DictReader(io.StringIO(get(client, f"/gaps.csv?as_of={AS_OF}"))))
    assert len(rows) == len(data["findings"]) > 1
    monkeypatch.setattr(analysis, "GAPS_PER_RULE", 1)
    monkeypatch.setitem(app.config, "PAGE_CACHE", False)  # the page kept before the cap changed is the old one
    html = get(client, f"/gaps?as_of={AS_OF}")
    assert html.count('<li class="sev-') == len({r["rule"] for r in rows})
    assert "the CSV lists every finding" in html
