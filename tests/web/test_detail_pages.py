"""Detail pages, the dashboard and the graph view through Flask's client, on the shipped demo with a saved
validation: the header card and the node's own findings, an obligation's provenance down to its source line,
the dashboard's tiles and its stale-validation warning, and plain words instead of prefixed names."""

from __future__ import annotations

import colorsys
import json
import re
import sys
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from webfixture import REPO, browser_store, fixture_store  # noqa: E402

from compgraph.checks.validate import validate_store  # noqa: E402
from compgraph.graph import evidence, history  # noqa: E402
from compgraph.web import create_app  # noqa: E402

AS_OF = "2026-11-22"
DEMO_DAY = date(2026, 11, 22)
PREFIXED = re.compile(r"\b(cg|cgr|dcterms|skos|prov|sh|rdfs|dcat):[A-Za-z]")


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Any:
    s, _ = browser_store(tmp_path_factory.mktemp("details") / "store")
    with history.acting("tester", "validate"):
        validate_store(s, DEMO_DAY, save=True)
    return s


@pytest.fixture(scope="module")
def client(store: Any) -> Iterator[Any]:
    yield create_app(store).test_client()


def page(client: Any, url: str, status: int = 200) -> str:
    resp = client.get(url)
    body = resp.get_data(as_text=True)
    assert resp.status_code == status, f"{url}: {resp.status_code}\n{body[:1500]}"
    return body


def card(html: str) -> str:
    """The header card's HTML."""
    start = html.index('<section class="header-card"')
    return html[start : html.index("</section>", start)]


def visible(html: str) -> str:
    """The page's text as a reader sees it: no tags, scripts or attribute values."""
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)


# --- the header card -------------------------------------------------------------------------------


def test_system_page_leads_with_risk_annex_area_owner_and_review_due(client: Any) -> None:
    html = page(client, f"/systems/sys-credit-limit?as_of={AS_OF}")
    head = card(html)
    for name, value in [
        ("Risk level", "High"),
        ("Annex III area", "Access to essential private and public services"),
        ("Owner", "Mozart Ltd"),
        ("Review due", "2026-12-31"),
    ]:
        assert re.search(rf"<dt>{name}</dt><dd>[^<]*{re.escape(value)}", head), f"card lacks {name}: {value}"
    assert html.index("header-card") < html.index('id="t-trace"'), "the card must come before the long trace table"


def test_system_page_says_it_lacks_human_oversight(client: Any) -> None:
    head = card(page(client, f"/systems/sys-credit-limit?as_of={AS_OF}"))
    assert "has no human-oversight control" in head
    assert f"as of {AS_OF}" in head, "the findings must state the date of the validation they come from"


def test_crm_dataset_page_says_it_has_no_legal_basis(client: Any) -> None:
    head = card(page(client, "/datasets/ds-crm-interactions"))
    assert re.search(r"<dt>Legal basis</dt><dd>none recorded", head)
    assert "contains personal data but has no recorded legal basis" in head


def test_a_node_without_findings_says_so(client: Any) -> None:
    head = card(page(client, f"/controls/CTL-HO-01?as_of={AS_OF}"))
    assert "No shape finding about it" in head


def test_system_card_counts_its_uncovered_obligations_on_the_page_date(client: Any) -> None:
    data = json.loads(page(client, f"/systems/sys-credit-limit.json?as_of={AS_OF}"))
    counts = data["counts"]
    messages = [f["message"] for f in data["findings"]["coverage"]]
    assert any(m.startswith(f"{counts['missing control']} of {sum(counts.values())}") for m in messages)


def test_expired_evidence_page_says_it_no_longer_counts(client: Any) -> None:
    rows = json.loads(page(client, f"/evidence.json?as_of={AS_OF}"))["evidence"]
    expired = next(r["id"] for r in rows if r["state"] == "expired")
    head = card(page(client, f"/evidence/{expired}?as_of={AS_OF}"))
    assert "no longer counts as evidence" in head and "flag-bad" in head


def test_the_title_is_shown_once(client: Any) -> None:
    html = page(client, f"/systems/sys-credit-limit?as_of={AS_OF}")
    assert '<h1>AI system <span class="id">sys-credit-limit</span>: Customer credit-limit recommender</h1>' in html
    facts = html[html.index('<dl class="facts">') : html.index("</dl>", html.index('<dl class="facts">'))]
    assert "<dt>title</dt>" not in facts and "<dt>id</dt>" not in facts, "the facts repeat the heading"


def test_detail_json_carries_the_card_and_findings_and_csv_still_works(client: Any) -> None:
    data = json.loads(page(client, "/datasets/ds-crm-interactions.json"))
    assert data["summary"]["Legal basis"] == "none recorded"
    assert data["findings"]["validation"][0]["severity"] == "Violation"
    assert data["findings"]["validation_as_of"] == AS_OF
    csv_text = page(client, "/datasets/ds-crm-interactions.csv")
    assert csv_text.splitlines()[0] == "relation,label"


# --- obligation provenance and the source text ------------------------------------------------------


def test_obligation_provenance_names_source_line_both_hashes_and_load_time(client: Any, store: Any) -> None:
    html = page(client, f"/obligations/COC-11-10?as_of={AS_OF}")
    panel = html[html.index('class="provenance"') :]
    assert 'href="/documents/eu-coc-deployers/source#L339"' in panel
    doc_hash = store.select(
        "SELECT ?h WHERE { <https://w3id.org/compgraph/id/document/eu-coc-deployers> cg:sha256 ?h }"
    ).rows[0][0]
    catalog_hash, loaded = store.select(
        "SELECT ?h ?t WHERE { <https://w3id.org/compgraph/graph/document/eu-coc-deployers> cg:sha256 ?h ;"
        " prov:wasGeneratedBy/prov:endedAtTime ?t }"
    ).rows[0]
    assert str(doc_hash) in panel and str(catalog_hash) in panel and str(loaded) in panel
    assert str(doc_hash) != str(catalog_hash)


def test_obligation_provenance_gives_each_mappings_author_date_and_comment(client: Any) -> None:
    data = json.loads(page(client, f"/obligations/COC-11-10.json?as_of={AS_OF}"))
    [m] = data["provenance"]["mappings"]
    assert m["control"] == "CTL-LT-01" and m["author"] == "compgraph team"
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", m["date"])
    assert m["comment"] == "training prepares staff to take part in AI governance"
    html = page(client, f"/obligations/COC-11-10?as_of={AS_OF}")
    assert "cgr:mapping" not in html and "/mapping/" not in visible(html)


def test_source_text_page_anchors_every_line_and_checks_the_hash(client: Any) -> None:
    html = page(client, "/documents/eu-coc-deployers/source")
    line = (REPO / "mappings/sources/eu-ai-act-code-of-conduct-deployers.txt").read_text().splitlines()[338]
    match = re.search(r'<li id="L339">.*?<span class="src-line">(.*?)</span>', html)
    assert match and match.group(1).replace("&#39;", "'") == line.replace("'", "'")
    assert "the hashes match" in html


def test_source_text_is_also_json_and_csv(client: Any) -> None:
    data = json.loads(page(client, "/documents/eu-coc-deployers/source.json"))
    assert data["matches_recorded"] is True and data["lines"][338]["line"] == 339
    assert page(client, "/documents/eu-coc-deployers/source.csv").splitlines()[0] == "line,text"


def test_source_text_of_an_unknown_document_is_a_404(client: Any) -> None:
    assert "no document" in page(client, "/documents/nope/source", 404).lower()


def test_document_page_links_its_source_text(client: Any) -> None:
    assert 'href="/documents/eu-coc-deployers/source"' in page(client, "/documents/eu-coc-deployers")


# --- dashboard ----------------------------------------------------------------------------------


def test_dashboard_tiles_show_coverage_systems_expiring_evidence_and_violations(client: Any) -> None:
    kpi = json.loads(page(client, f"/index.json?as_of={AS_OF}"))["kpis"]
    html = page(client, f"/?as_of={AS_OF}")
    tiles = html[html.index('class="kpis"') : html.index('class="cards"')]
    bars = json.loads(page(client, f"/index.json?as_of={AS_OF}"))["coverage_by_system"].values()
    assert kpi["binding_pairs"] == sum(sum(c.values()) for c in bars)
    pct = round(100 * kpi["binding_pairs_covered"] / kpi["binding_pairs"])
    assert f"{pct}%" in tiles and "Binding obligations covered" in tiles
    assert f"{kpi['systems']}</span>" in tiles and kpi["systems"] == 7
    assert "Evidence expiring in 30 days" in tiles and f"{kpi['evidence']['expired']} already expired" in tiles
    listed = json.loads(page(client, f"/evidence.json?as_of={AS_OF}&_size=max"))["evidence"]
    assert kpi["evidence"]["expired"] == sum(r["state"] == "expired" for r in listed) > 0
    assert kpi["violations"] == 20 and "20</span>" in tiles  # the demo's planted findings (mappings/demo/README.md)


def test_dashboard_bars_give_coverage_percentages(client: Any) -> None:
    html = page(client, f"/?as_of={AS_OF}")
    assert re.search(r"(\d+)/(\d+) covered <strong class=\"pct\">\d+%</strong>", html)


def test_dashboard_lists_risk_levels_most_severe_first(client: Any) -> None:
    data = json.loads(page(client, f"/index.json?as_of={AS_OF}"))
    assert list(data["coverage_by_risk"]) == ["High", "Medium", "Limited", "Low", "Minimal"]


def test_dashboard_has_one_date_picker(client: Any) -> None:
    html = page(client, f"/?as_of={AS_OF}")
    assert html.count('type="date"') == 1
    assert f"validation as of {AS_OF}</button>" in html


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, Any]:
    """The small Turtle fixture, loaded as `compgraph load` does (no catalog, so no load record): a store to
    write to and validate quickly."""
    with history.acting("tester", "load"):
        s = fixture_store(tmp_path_factory.mktemp("small") / "store")
    return s, create_app(s).test_client()


def test_data_built_shows_the_load_time_of_a_store_without_catalogs(small: tuple[Any, Any]) -> None:
    html = page(small[1], "/")
    assert "Data built (unknown)" not in html
    assert re.search(r"Data built (<span class=\"nobr\">)?\d{4}-\d\d-\d\dT\d\d:\d\d", html)


def test_dashboard_warns_when_the_data_changed_after_the_saved_validation(small: tuple[Any, Any]) -> None:
    s, client = small
    with history.acting("tester", "validate"):
        validate_store(s, DEMO_DAY, save=True)
    assert "The data changed after this validation" not in page(client, f"/?as_of={AS_OF}")
    with history.acting("tester", "load"):
        s.replace_graph(
            "https://w3id.org/compgraph/graph/extra",
            b'<https://w3id.org/compgraph/id/system/sys-x> <http://www.w3.org/2000/01/rdf-schema#label> "x" .\n',
        )
    assert "The data changed after this validation" in page(client, f"/?as_of={AS_OF}")
    system = s.select("SELECT ?id WHERE { ?s a cg:AISystem ; dcterms:identifier ?id } LIMIT 1").rows[0][0]
    assert "these findings may be out of date" in page(client, f"/systems/{system}")


def test_validate_now_returns_to_the_page_that_asked_and_refuses_another_site(small: tuple[Any, Any]) -> None:
    client = small[1]
    form = page(client, f"/?as_of={AS_OF}")
    token = re.search(r'name="csrf_token" value="([^"]+)"', form).group(1)  # type: ignore[union-attr]
    asked = {"as_of": AS_OF, "csrf_token": token}
    back = client.post("/validate", data=asked | {"next": "/datasets/ds-crm-interactions"})
    assert back.status_code == 303 and back.headers["Location"].endswith("/datasets/ds-crm-interactions")
    away = client.post("/validate", data=asked | {"next": "//evil.example/x"})
    assert away.status_code == 400 and "next:" in away.get_data(as_text=True)


# --- graph view and plain words ------------------------------------------------------------------


def test_graph_json_marks_the_focal_node_and_each_nodes_distance(client: Any) -> None:
    data = json.loads(page(client, f"/graph/system/sys-credit-limit.json?depth=2&as_of={AS_OF}"))
    nodes = [e["data"] for e in data["elements"] if e["group"] == "nodes"]
    [focus] = [n for n in nodes if n["focus"]]
    assert focus["label"] == "sys-credit-limit" and focus["dist"] == 0
    assert {n["dist"] for n in nodes} == {0, 1, 2}


def test_no_prefixed_predicate_names_on_detail_pages_or_graph_edges(client: Any) -> None:
    urls = [
        f"/systems/sys-credit-limit?as_of={AS_OF}",
        "/datasets/ds-crm-interactions",
        f"/controls/CTL-LT-01?as_of={AS_OF}",
        f"/obligations/COC-11-10?as_of={AS_OF}",
        f"/documents/eu-coc-deployers?as_of={AS_OF}",
        f"/evidence/ev-credit-limit-bt-01?as_of={AS_OF}",
        f"/graph/control/CTL-LT-01?as_of={AS_OF}",
    ]
    for url in urls:
        found = PREFIXED.findall(visible(page(client, url)))
        assert not found, f"{url} shows prefixed names: {found}"
    data = json.loads(page(client, f"/graph/system/sys-credit-limit.json?depth=2&as_of={AS_OF}"))
    edges = {e["data"]["label"] for e in data["elements"] if e["group"] == "edges"}
    assert not [e for e in edges if ":" in e or "/" in e], edges


def _colour(css: str, name: str) -> str:
    m = re.search(rf"--{name}:\s*(#[0-9a-fA-F]{{6}})", css)
    assert m, f"style.css defines no --{name}"
    return m.group(1).lower()


def test_expired_and_no_evidence_differ_in_hue_and_carry_their_own_icons() -> None:
    css = (REPO / "web/static/style.css").read_text()
    expired, none = _colour(css, "evidence-expired"), _colour(css, "no-evidence")
    hues = [colorsys.rgb_to_hls(*(int(c[i : i + 2], 16) / 255 for i in (1, 3, 5)))[0] * 360 for c in (expired, none)]
    assert min(abs(hues[0] - hues[1]), 360 - abs(hues[0] - hues[1])) > 90
    js = (REPO / "web/static/graph.js").read_text().lower()
    assert f'"evidence-expired": "{expired}"' in js and f'"no-evidence": "{none}"' in js, "graph.js and css differ"
    icons = re.findall(r'\.tag\.status-(evidence-expired|no-evidence)::before[^{]*\{ content: "(.)', css)
    assert len(dict(icons)) == 2 and len(set(dict(icons).values())) == 2


def test_id_cells_are_marked_as_unbreakable(client: Any) -> None:
    html = page(client, f"/systems/sys-credit-limit?as_of={AS_OF}")
    assert re.search(r'<td class="id"><a href="/obligations/[^"]+">', html)
    assert re.search(r"\.id[^{]*\{[^}]*white-space: nowrap", (REPO / "web/static/style.css").read_text())


def test_evidence_card_names_the_renewal_that_supersedes_it(small: tuple[Any, Any]) -> None:
    s, client = small
    old = evidence.previous(s, "ev-ho-credit")
    renewal = replace(old, ident="ev-ho-credit-2027", valid_until=date(2027, 12, 31), revises="ev-ho-credit")
    with history.acting("tester", "evidence renew"):
        evidence.add(s, renewal)
    assert re.search(
        r'<dt>Superseded by</dt><dd><a href="/evidence/ev-ho-credit-2027">',
        card(page(client, "/evidence/ev-ho-credit")),
    )
    assert re.search(
        r'<dt>Renews</dt><dd><a href="/evidence/ev-ho-credit">', card(page(client, "/evidence/ev-ho-credit-2027"))
    )


@pytest.mark.parametrize(("ident", "counted"), [("COC-03-01", "yes (binding)"), ("COC-11-10", "no (not a binding")])
def test_obligation_card_says_whether_coverage_counts_it(client: Any, ident: str, counted: str) -> None:
    head = card(page(client, f"/obligations/{ident}?as_of={AS_OF}"))
    assert f"<dt>Counted in coverage</dt><dd>{counted}" in head
