"""What the browser shows people, on the shipped demo: question answers in plain words (a mapping's relation as
the review page words it, never a prefixed name or an IRI), ids that never break at their hyphens, "expired" and
"no evidence" told apart without colour, and a graph view whose links read without pointing at them.

Markup through Flask's client; layout in Debian's Chromium at 1280 and 390 px, screenshots in test-artifacts/.
One demo store, one server and one Chromium for the module."""

from __future__ import annotations

import colorsys
import re
from collections.abc import Iterator
from typing import Any

import pytest
from browserlaunch import SHOTS, WRAPPED_IDS
from liveserver import serving
from webfixture import REPO, browser_store

from compgraph.legal.review import RELATION_CHOICES
from compgraph.questions import queries
from compgraph.web import create_app

AS_OF = "2027-06-01"  # the demo has expired and expiring evidence on this day
PREFIXED = re.compile(r"\b(cg|cgr|dcterms|skos|prov|sh|rdfs|dcat|xsd|sys|ctl|obl):[A-Za-z]")
# Values a required parameter needs so that every canned question has an answer to look at.
NEEDS = {"obligation-trace": {"obligation": "COC-05-03"}, "document-obligations": {"document": "eu-coc-deployers"}}
# 150 nodes (the view's cap) and 253 links: the most links of any node's picture in the demo.
LARGEST_GRAPH = "/graph/document/eu-ai-act?depth=2"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Any:
    s, _ = browser_store(tmp_path_factory.mktemp("plain-display") / "store")
    return s


@pytest.fixture(scope="module")
def client(store: Any) -> Any:
    return create_app(store).test_client()


@pytest.fixture(scope="module")
def ids(store: Any) -> list[str]:
    """Every hyphenated id in the demo: the words that must never break across lines."""
    rows = store.select("SELECT DISTINCT ?i WHERE { ?x dcterms:identifier ?i }").rows
    return sorted(str(r[0]) for r in rows if "-" in str(r[0]))


def html_of(client: Any, url: str) -> str:
    resp = client.get(url)
    assert resp.status_code == 200, f"{url}: {resp.status_code}"
    return str(resp.get_data(as_text=True))


def answer(html: str) -> str:
    """The answer table's HTML (the SPARQL text shown below it is meant to be SPARQL)."""
    start = html.index('<section class="table-section" id="t-rows"')
    return html[start : html.index("</section>", start)]


def visible(html: str) -> str:
    return re.sub(r"<[^>]+>", " ", html)


def question_url(q: queries.CannedQuery, suffix: str = "") -> str:
    values = dict(NEEDS.get(q.name, {}))
    if any(p.name == "as_of" for p in q.params):
        values["as_of"] = AS_OF
    return f"/questions/{q.name}{suffix}?" + "&".join(f"{k}={v}" for k, v in values.items())


# --- 1. question answers in plain words -------------------------------------------------------------------


def test_the_obligation_trace_names_relations_in_the_review_pages_words(client: Any) -> None:
    table = answer(html_of(client, f"/questions/obligation-trace?obligation=COC-05-03&as_of={AS_OF}"))
    shown = set(re.findall(r'<td data-label="Relation"><span title="[^"]+">([^<]+)</span>', table))
    assert shown and shown <= {words for _, words, _ in RELATION_CHOICES}, shown
    assert "partly covers" in shown  # COC-05-03 is mapped skos:narrowMatch
    assert "Match" not in visible(table)


def test_no_canned_question_shows_a_prefixed_name_or_an_iri(client: Any) -> None:
    for q in queries.list_queries():
        text = visible(answer(html_of(client, question_url(q))))
        assert not PREFIXED.findall(text), f"{q.name} shows {PREFIXED.findall(text)}"
        assert "http://" not in text and "https://" not in text, q.name


def test_question_json_keeps_the_iri_and_says_so(client: Any) -> None:
    data = client.get(f"/questions/obligation-trace.json?obligation=COC-05-03&as_of={AS_OF}").get_json()
    assert {r["relation"] for r in data["rows"]} == {"http://www.w3.org/2004/02/skos/core#narrowMatch"}
    holds = data["column_values"]["relation"]
    assert "IRI" in holds and "narrowMatch: partly covers" in holds
    html = html_of(client, f"/questions/obligation-trace?obligation=COC-05-03&as_of={AS_OF}")
    assert 'title="relation in .json and .csv, as the IRI of the SKOS mapping predicate' in html


# --- 4. ids whole: markup -----------------------------------------------------------------------------


def test_ids_in_a_detail_pages_plain_cells_are_kept_whole(client: Any) -> None:
    html = html_of(client, f"/systems/sys-credit-limit?as_of={AS_OF}")
    # "Controls mapped" lists several ids in one cell: it may break between them, never inside one.
    assert re.search(r'<td><span class="nobr">CTL-[A-Z]+-\d+</span>, <span class="nobr">CTL-', html)


def test_ids_in_a_question_answers_plain_cells_are_kept_whole(client: Any) -> None:
    table = answer(html_of(client, "/questions/controls-across-documents"))
    cell = re.search(r'<td data-label="Document ids">(.*?)</td>', table, re.S)
    assert cell and cell.group(1).count('<span class="nobr">') == len(visible(cell.group(1)).split())


def test_the_nobr_mark_keeps_a_word_on_one_line() -> None:
    css = (REPO / "web/static/tables.css").read_text(encoding="utf-8")
    assert re.search(r"^\.nobr \{ white-space: nowrap; \}", css, re.M)


# --- 5. expired and no evidence: not by colour alone ---------------------------------------------------------


def test_an_answers_status_column_carries_the_status_class(client: Any) -> None:
    table = answer(html_of(client, f"/questions/controls-without-current-evidence?as_of={AS_OF}"))
    assert re.search(r'<td data-label="Status" class="status status-expired">\s*expired', table)


def test_dashboard_bars_stripe_expired_and_no_evidence_differently(client: Any) -> None:
    html = html_of(client, f"/?as_of={AS_OF}")
    assert '<pattern id="pat-evidence-expired"' in html and '<pattern id="pat-no-evidence"' in html
    css = (REPO / "web/static/style.css").read_text(encoding="utf-8")
    assert "svg.bar rect.status-evidence-expired { fill: url(#pat-evidence-expired)" in css
    assert "svg.bar rect.status-no-evidence { fill: url(#pat-no-evidence)" in css


# --- in Chromium ------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def server(store: Any) -> Iterator[str]:
    with serving(create_app(store)) as url:
        yield url


def width(page: Any) -> int:
    return int(page.viewport_size["width"])


@pytest.mark.browser
@pytest.mark.parametrize(
    "url",
    [
        "/obligations",  # its document filter lists long titles: the page must still fit a phone
        f"/systems/sys-credit-limit?as_of={AS_OF}",
        "/questions/controls-across-documents",
    ],
)
def test_ids_never_wrap_at_their_hyphens_and_the_page_fits(page: Any, server: str, ids: list[str], url: str) -> None:
    page.goto(server + url)
    assert page.evaluate(WRAPPED_IDS, ids) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= width(page), "no sideways scrolling"
    name = re.sub(r"[^a-z0-9]+", "-", url.split("?")[0].strip("/"))
    page.screenshot(path=str(SHOTS / f"ids-whole-{name}-{width(page)}.png"))


def _hue(css_colour: str) -> float:
    r, g, b = (int(v) / 255 for v in re.findall(r"\d+", css_colour)[:3])
    return colorsys.rgb_to_hls(r, g, b)[0] * 360


@pytest.mark.browser
def test_expired_and_no_evidence_differ_in_hue_stripes_and_icon(page: Any, server: str) -> None:
    page.goto(f"{server}/?as_of={AS_OF}")
    look = """s => { const e = document.querySelector('.legend .swatch.' + s), c = getComputedStyle(e);
                     return [c.backgroundColor, c.backgroundImage, e.parentElement.innerText.trim()]; }"""
    expired, none = (page.evaluate(look, s) for s in ("status-evidence-expired", "status-no-evidence"))
    gap = abs(_hue(expired[0]) - _hue(none[0]))
    assert min(gap, 360 - gap) > 90, (expired, none)
    assert "90deg" in expired[1] and "0deg" in none[1], "upright stripes for expired, level ones for no evidence"
    assert expired[2].startswith("↻") and none[2].startswith("∅")
    page.screenshot(path=str(SHOTS / f"status-legend-dashboard-{width(page)}.png"), full_page=True)
    page.goto(f"{server}/evidence?as_of={AS_OF}&state=expired")
    icon = page.evaluate("getComputedStyle(document.querySelector('td.status.status-expired'), '::before').content")
    assert icon == '"↻ "'
    page.screenshot(path=str(SHOTS / f"status-evidence-expired-{width(page)}.png"), full_page=True)


# Pairs of nodes whose boxes (shape and label) overlap on the screen.
OVERLAPS = """() => {
  const boxes = cy.nodes().map(n => [n.data('label'), n.renderedBoundingBox({includeLabels: true})]), out = [];
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const a = boxes[i][1], b = boxes[j][1];
    const apart = a.x2 - 1 <= b.x1 || b.x2 - 1 <= a.x1 || a.y2 - 1 <= b.y1 || b.y2 - 1 <= a.y1;
    if (!apart) out.push(boxes[i][0] + ' / ' + boxes[j][0]);
  }
  return out;
}"""

LINKS_DRAWN = """() => cy.edges().map(e => [e.data('kind'), e.style('line-color'), e.style('line-style')])"""
LINKS_KEYED = """() => [...document.querySelectorAll('#link-legend li')].map(li => {
  const line = li.querySelector('line');
  return [li.dataset.kind, getComputedStyle(line).stroke, line.getAttribute('stroke-dasharray') || '', li.innerText];
})"""


@pytest.mark.browser
def test_the_graph_names_every_kind_of_link_without_hovering(page: Any, server: str) -> None:
    page.goto(f"{server}/graph/system/sys-credit-limit?as_of={AS_OF}")
    page.wait_for_selector("#cy[data-ready='1']")
    drawn = {(kind, colour, line) for kind, colour, line in page.evaluate(LINKS_DRAWN)}
    keyed = page.evaluate(LINKS_KEYED)
    assert {k for k, *_ in drawn} == {k for k, *_ in keyed}, "the key names each kind of link drawn, once"
    assert len(keyed) > 1 and len({(k[1], k[2]) for k in keyed}) == len(keyed), "each kind looks different"
    for kind, colour, line in drawn:
        [(_, key_colour, dashes, words)] = [k for k in keyed if k[0] == kind]
        assert key_colour.replace(" ", "") == colour.replace(" ", ""), kind
        assert f"({line}," in words and (dashes == "") == (line == "solid"), kind
    focus = page.evaluate(
        "(() => { const n = cy.nodes('[?focus]'); return [n.length, n.width(), "
        "cy.nodes('[!focus]').max(m => m.width()).value, n.style('background-color')]; })()"
    )
    assert focus[0] == 1 and focus[1] > focus[2], "one focal node, larger than any other"
    page.screenshot(path=str(SHOTS / f"graph-link-key-{width(page)}.png"), full_page=True)


@pytest.mark.browser
def test_nothing_overlaps_in_the_demos_largest_graph(page: Any, server: str) -> None:
    page.goto(f"{server}{LARGEST_GRAPH}&as_of={AS_OF}")
    page.wait_for_selector("#cy[data-ready='1']")
    assert page.evaluate("cy.nodes().length") == 150
    assert page.evaluate(OVERLAPS) == []
    page.locator("#cy").screenshot(path=str(SHOTS / f"graph-largest-{width(page)}.png"))
