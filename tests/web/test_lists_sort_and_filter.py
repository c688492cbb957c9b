"""Lists, the evidence list and question results, through Flask's client on the demo (/sparql's format=:
tests/web/test_endpoint_format_parameter.py).

The address holds what the user sees (datasette-style): sort=, desc=, q= and per-column filters work on
the HTML page, its .json and its .csv alike and survive paging.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from flask.testing import FlaskClient
from webfixture import browser_store, fixture_store

from compgraph.questions import queries
from compgraph.web import create_app
from compgraph.web.views.listing import days_phrase, human_duration

AS_OF = "2026-11-22"


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FlaskClient]:
    store, _ = browser_store(tmp_path_factory.mktemp("lists") / "store")
    yield create_app(store).test_client()


def rows_of(client: FlaskClient, url: str, key: str) -> list[dict[str, Any]]:
    resp = client.get(url)
    assert resp.status_code == 200, resp.get_data(as_text=True)
    return resp.get_json()[key]


def csv_rows(client: FlaskClient, url: str) -> list[dict[str, str]]:
    resp = client.get(url)
    assert resp.status_code == 200 and resp.mimetype == "text/csv", resp.get_data(as_text=True)
    return list(csv.DictReader(io.StringIO(resp.get_data(as_text=True))))


# --- sorting and filtering every list ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "column"),
    [
        ("documents", "obligations"),
        ("controls", "owner"),
        ("systems", "gaps"),
        ("datasets", "label"),
        ("questions", "title"),
    ],
)
def test_a_list_sorts_by_any_column_both_ways(client: FlaskClient, kind: str, column: str) -> None:
    up = [r[column] for r in rows_of(client, f"/{kind}.json?sort={column}", kind)]
    down = [r[column] for r in rows_of(client, f"/{kind}.json?sort={column}&desc=1", kind)]
    assert len(set(up)) > 1
    key = (lambda v: v) if isinstance(up[0], int) else (lambda v: str(v).casefold())
    filled = [v for v in up if v != ""]
    assert filled == sorted(filled, key=key)
    assert [v for v in down if v != ""] == sorted(filled, key=key, reverse=True)


def test_sorting_a_paged_list_orders_every_row_not_one_page(client: FlaskClient) -> None:
    first = client.get("/obligations.json?sort=id&desc=1").get_json()
    every = [r["id"] for r in csv_rows(client, "/obligations.csv")]
    assert first["total"] == len(every) > 200
    assert [r["id"] for r in first["obligations"]] == sorted(every, reverse=True)[:200]


def test_the_pager_keeps_the_sort_and_the_filter(client: FlaskClient) -> None:
    html = client.get("/obligations?sort=id&desc=1&q=e").get_data(as_text=True)
    nxt = re.search(r'<a href="([^"]+)" rel="next">', html)
    assert nxt, "more than one page of obligations hold an e"
    args = parse_qs(urlsplit(nxt.group(1).replace("&amp;", "&")).query)
    assert args == {"sort": ["id"], "desc": ["1"], "q": ["e"], "page": ["2"]}


def test_the_json_and_csv_links_carry_the_view(client: FlaskClient) -> None:
    html = client.get("/controls?sort=title&owner=Legal/Compliance").get_data(as_text=True)
    assert 'href="/controls.csv?sort=title&amp;owner=Legal/Compliance"' in html
    assert 'href="/controls.json?sort=title&amp;owner=Legal/Compliance"' in html


def test_a_column_heading_links_to_the_list_sorted_by_it_then_reversed(client: FlaskClient) -> None:
    html = client.get("/controls?q=data").get_data(as_text=True)
    assert 'href="/controls?q=data&amp;sort=owner"' in html
    sorted_html = client.get("/controls?q=data&sort=owner").get_data(as_text=True)
    assert 'aria-sort="ascending"><a href="/controls?q=data&amp;sort=owner&amp;desc=1"' in sorted_html


def test_q_keeps_the_rows_holding_the_word_in_any_column(client: FlaskClient) -> None:
    every = rows_of(client, "/controls.json", "controls")
    kept = rows_of(client, "/controls.json?q=TRAINING", "controls")
    expected = [r["id"] for r in every if any("training" in str(v).casefold() for v in r.values() if v != r["iri"])]
    assert [r["id"] for r in kept] == expected and 0 < len(kept) < len(every)


def test_a_column_filter_keeps_the_rows_with_that_value(client: FlaskClient) -> None:
    kept = rows_of(client, "/controls.json?scope=organisation", "controls")
    assert kept and {r["scope"] for r in kept} == {"organisation"}
    assert len(kept) < len(rows_of(client, "/controls.json", "controls"))


def test_the_csv_export_is_the_filtered_sorted_view(client: FlaskClient) -> None:
    shown = rows_of(client, "/systems.json?sort=label&desc=1&risk=High", "systems")
    exported = csv_rows(client, "/systems.csv?sort=label&desc=1&risk=High")
    assert [r["id"] for r in exported] == [r["id"] for r in shown] and len(shown) >= 2


@pytest.mark.parametrize(
    ("url", "names"),
    [
        ("/controls?sort=colour", "sort: 'colour'"),
        ("/evidence.json?desc=maybe", "desc"),
        ("/evidence?within=0", "within"),
        # int() refuses a superscript digit str.isdigit() passes, and any number over 4,300 digits: both were a 500
        ("/evidence?within=%C2%B2", "within"),
        ("/evidence?within=" + "9" * 5000, "within"),
        ("/obligations?page=%C2%B2", "page"),
        ("/obligations?page=" + "9" * 5000, "page"),
    ],
)
def test_a_bad_view_parameter_is_a_400_naming_it(client: FlaskClient, url: str, names: str) -> None:
    resp = client.get(url)
    assert resp.status_code == 400
    assert names in resp.get_data(as_text=True).replace("&#39;", "'")


def test_the_controls_status_agrees_with_the_controls_without_current_evidence_question(client: FlaskClient) -> None:
    listed = {r["id"]: r for r in rows_of(client, f"/controls.json?as_of={AS_OF}", "controls")}
    lacking = {
        r["controlId"]
        for r in rows_of(client, f"/questions/controls-without-current-evidence.json?as_of={AS_OF}", "rows")
    }
    assert lacking
    for cid, row in listed.items():
        if cid in lacking:
            assert row["status"] in ("no evidence", "evidence expired"), cid
        elif row["implementers"]:
            assert row["status"] == "implemented", cid
        else:
            assert row["status"] == ("mapped only" if row["obligations"] else "not mapped"), cid


def test_the_controls_status_filter_and_worst_first_sort(client: FlaskClient) -> None:
    expired = rows_of(client, f"/controls.json?as_of={AS_OF}&status=evidence+expired", "controls")
    assert expired and {r["status"] for r in expired} == {"evidence expired"}
    ordered = [r["status"] for r in rows_of(client, f"/controls.json?as_of={AS_OF}&sort=status", "controls")]
    assert ordered.index("evidence expired") < ordered.index("implemented")


# --- the evidence list -------------------------------------------------------------------------------


def test_evidence_within_30_days_is_what_runs_out_in_the_next_30_days(client: FlaskClient) -> None:
    day = date.fromisoformat("2027-06-01")
    every = csv_rows(client, f"/evidence.csv?as_of={day}")
    expected = {r["id"] for r in every if 0 <= (date.fromisoformat(r["valid_until"]) - day).days <= 30}
    kept = csv_rows(client, f"/evidence.csv?as_of={day}&within=30")
    assert {r["id"] for r in kept} == expected and expected
    assert {r["state"] for r in kept} == {"expiring"}


def test_evidence_sorts_by_valid_until(client: FlaskClient) -> None:
    dates = [r["valid_until"] for r in csv_rows(client, "/evidence.csv?sort=valid_until&desc=1")]
    assert dates == sorted(dates, reverse=True) and len(set(dates)) > 5


@pytest.mark.parametrize("column", ["owner", "control", "concerns", "state"])
def test_evidence_filters_by_owner_control_system_and_state(client: FlaskClient, column: str) -> None:
    every = csv_rows(client, f"/evidence.csv?as_of={AS_OF}")
    value = every[0][column]
    kept = csv_rows(client, f"/evidence.csv?as_of={AS_OF}&{column}={value}")
    assert kept == [r for r in every if r[column] == value] and len(kept) < len(every)


def test_evidence_time_left_reads_in_days_never_as_a_duration(client: FlaskClient) -> None:
    rows = csv_rows(client, f"/evidence.csv?as_of={AS_OF}")
    for r in rows:
        days = (date.fromisoformat(r["valid_until"]) - date.fromisoformat(AS_OF)).days
        assert r["remaining"] == days_phrase(days, "expired {n} ago")
    html = client.get(f"/evidence?as_of={AS_OF}&state=expired").get_data(as_text=True)
    assert re.search(r">expired \d+ days ago<", html)
    assert not re.search(r"\bP\d+D\b", html)


def test_evidence_quick_filters_link_30_60_and_90_days(client: FlaskClient) -> None:
    html = client.get(f"/evidence?as_of={AS_OF}").get_data(as_text=True)
    for n in (30, 60, 90):
        assert f'href="?within={n}&amp;sort=valid_until&amp;as_of={AS_OF}"' in html


RENEWAL = b"""
<https://w3id.org/compgraph/id/evidence/ev-gov-2027> a <https://w3id.org/compgraph/ontology#Evidence> ;
  <http://purl.org/dc/terms/identifier> "ev-gov-2027" ;
  <http://www.w3.org/ns/prov#wasRevisionOf> <https://w3id.org/compgraph/id/evidence/ev-gov> ;
  <https://w3id.org/compgraph/ontology#validUntil> "2028-06-01"^^<http://www.w3.org/2001/XMLSchema#date> .
"""


def test_a_renewed_item_is_superseded_and_left_out_of_the_expiring_windows(tmp_path: Path) -> None:
    store = fixture_store(tmp_path / "store")
    store.replace_graph("https://w3id.org/compgraph/graph/renewal", RENEWAL, "text/turtle")
    client = create_app(store).test_client()
    rows = {r["id"]: r for r in client.get("/evidence.json?as_of=2027-04-20").get_json()["evidence"]}
    assert rows["ev-gov"]["state"] == "superseded" and rows["ev-gov"]["renewed_by"] == "ev-gov-2027"
    assert rows["ev-tn-credit"]["state"] == "expiring"  # runs out 2027-05-01, not renewed: still to plan
    window = {r["id"] for r in client.get("/evidence.json?as_of=2027-04-20&within=60").get_json()["evidence"]}
    assert "ev-gov" not in window and "ev-tn-credit" in window


def test_day_phrases() -> None:
    assert days_phrase(210) == "210 days"
    assert days_phrase(1) == "1 day"
    assert days_phrase(0) == "today"
    assert days_phrase(-12, "expired {n} ago") == "expired 12 days ago"
    assert human_duration("P210D") == "210 days"
    assert human_duration("-P3D") == "minus 3 days"
    assert human_duration("PT5H") == "PT5H"  # not whole days: left as written


# --- question results --------------------------------------------------------------------------------


def test_question_columns_are_headed_by_the_titles_in_the_rq_file(client: FlaskClient) -> None:
    html = client.get("/questions/high-risk-without-human-oversight").get_data(as_text=True)
    heads = re.findall(r'<th scope="col"[^>]*>([^<]+)</th>', html)
    assert heads == ["System", "System id", "Name", "Organisation"]
    assert "systemId</th>" not in html


def test_question_results_show_labels_with_the_id_as_the_link(client: FlaskClient) -> None:
    html = client.get("/questions/high-risk-without-human-oversight").get_data(as_text=True)
    assert (
        'Customer credit-limit recommender <a href="/systems/sys-credit-limit" class="id">sys-credit-limit</a>' in html
    )
    assert "sys:sys-credit-limit" not in html.split("<details>")[0]


def test_question_durations_read_in_days(client: FlaskClient) -> None:
    data = client.get(f"/questions/overdue-reviews.json?as_of={AS_OF}").get_json()
    assert data["rows"] and re.fullmatch(r"P\d+D", data["rows"][0]["sinceReview"])
    html = client.get(f"/questions/overdue-reviews?as_of={AS_OF}").get_data(as_text=True)
    days = data["rows"][0]["sinceReview"][1:-1]
    assert f">{days} days<" in html and not re.search(r">P\d+D<", html)


def test_question_json_and_csv_keep_the_variable_names(client: FlaskClient) -> None:
    data = client.get("/questions/high-risk-without-human-oversight.json").get_json()
    assert list(data["rows"][0]) == ["system", "systemId", "label", "organisation"]
    assert data["column_titles"]["systemId"] == "System id"
    header = client.get("/questions/high-risk-without-human-oversight.csv").get_data(as_text=True).splitlines()[0]
    assert header == "system,systemId,label,organisation"


def test_a_column_title_for_a_variable_the_query_lacks_is_refused(tmp_path: Path) -> None:
    text = "# title: t\n# column: nothing  Nothing\nSELECT ?s WHERE { ?s ?p ?o }\n"
    with pytest.raises(queries.QueryError, match="column 'nothing' is not a variable"):
        queries.parse_query(text, "t")


def test_every_shipped_question_titles_every_column(client: FlaskClient) -> None:
    needs = {"document-obligations": "?document=eu-coc-deployers", "obligation-trace": "?obligation=COC-05-03"}
    for q in queries.list_queries():
        titles = client.get(f"/questions/{q.name}.json{needs.get(q.name, '')}").get_json()["column_titles"]
        assert titles and all(title != variable for variable, title in titles.items()), q.name
