"""No part of a planned constraint query grows faster than the data: counted in rows, never timed.

Oxigraph evaluates a MINUS body and a sub-select once, on their own, before joining them to the rest. A part
that joins two many-to-many relations through a variable it then forgets (obligation -> control <- evidence)
enumerates their product: at 1.1M triples such a MINUS in the ImplementedObligationRule ran for more than 8
CPU minutes. The fixture below is that fan-out made small: one organisation with ``n`` binding obligations all
mapped to one control, and ``n`` systems that implement it with current evidence. Doubling ``n`` doubles the
data; it must not more than double the solutions any part of any query enumerates.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from compgraph.checks.shapes import load_shapes
from compgraph.checks.sparql.plan import plan_each
from compgraph.checks.sparql.rewrite import _matching, rewrite_not_exists
from compgraph.checks.sparql.run import run_graph
from compgraph.checks.sparqldeps import needs_of
from compgraph.graph.namespaces import sparql_prefixes
from compgraph.graph.store import LocalStore

AS_OF = date(2026, 11, 22)
CG = "https://w3id.org/compgraph/ontology#"
ID = "https://w3id.org/compgraph/id/"
LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"
TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
IDENT = "<http://purl.org/dc/terms/identifier>"


def fan_out(n: int) -> str:
    """N-Triples: one organisation, one document of ``n`` mandatory obligations mapped to one control, ``n``
    systems implementing that control with evidence valid on AS_OF (the organisation implements it too)."""
    org, doc, ctl = f"<{ID}org/o>", f"<{ID}doc/d>", f"<{ID}control/C>"
    lines = [
        f"{org} {TYPE} <{CG}Organisation> .", f'{org} {LABEL} "Org" .', f"{org} <{CG}subjectTo> {doc} .",
        f'{doc} {LABEL} "Doc" .', f"{ctl} {TYPE} <{CG}Control> .", f'{ctl} {IDENT} "C" .',
        f"{org} <{CG}implementsControl> {ctl} .",
    ]
    for i in range(n):
        ob, sy, ev = f"<{ID}obligation/o{i}>", f"<{ID}system/s{i}>", f"<{ID}evidence/e{i}>"
        lines += [
            f"{ob} <{CG}fromDocument> {doc} .", f"{ob} <{CG}modality> <{CG}Mandatory> .",
            f'{ob} {IDENT} "O-{i}" .', f"{ob} <{CG}satisfiedBy> {ctl} .",
            f"{sy} {TYPE} <{CG}AISystem> .", f"{sy} <{CG}operatedBy> {org} .", f"{sy} <{CG}implementsControl> {ctl} .",
            f"{ev} <{CG}evidenceFor> {ctl} .", f"{ev} <{CG}concerns> {sy} .",
            f'{ev} <{CG}validUntil> "2027-01-01"^^<http://www.w3.org/2001/XMLSchema#date> .',
        ]
    return "\n".join(lines) + "\n"


def parts(query: str) -> list[str]:
    """The groups Oxigraph evaluates on their own: every MINUS body and every sub-select's WHERE group."""
    out = []
    for m in re.finditer(r"\bMINUS\s*\{|\{\s*SELECT\b", query, re.IGNORECASE):
        minus = m.group().upper().startswith("MINUS")
        open_at = m.end() - 1 if minus else query.index("{", m.end())
        out.append(query[open_at + 1 : _matching(query, open_at)])
    return out


def count(store: LocalStore, group: str) -> int:
    return int(store.query(sparql_prefixes() + "SELECT (COUNT(*) AS ?n) WHERE {" + group + "}").rows[0][0])


def largest_part(store: LocalStore) -> tuple[int, str]:
    """The most solutions any part of any planned query enumerates on the store, and which query it is in."""
    best = (0, "")
    for q in plan_each(load_shapes()).queries:
        for text in filter(None, (q.sparql, q.few_sparql)):
            best = max([best, *((count(store, part), str(q.constraint or q.shape)) for part in parts(text))])
    return best


# The body the ImplementedObligationRule's second NOT EXISTS became as a plain MINUS: joined through ?sc first.
JOINED_FIRST = """?value cg:satisfiedBy ?sc .
    ?se cg:evidenceFor ?sc ; cg:concerns ?system ; cg:validUntil ?suntil .
    ?system cg:operatedBy ?this ; cg:implementsControl ?sc .
    ?srun a cg:ValidationRun ; cg:asOf ?sasOf .
    FILTER (?suntil >= ?sasOf)"""


@pytest.fixture(scope="module")
def sizes(tmp_path_factory: pytest.TempPathFactory) -> dict[int, tuple[int, str, int]]:
    """Per n: the largest part of the plan (rows, constraint) and the rows of JOINED_FIRST."""
    out = {}
    for n in (20, 40):
        store = LocalStore(Path(tmp_path_factory.mktemp(f"fan{n}")) / "store")
        store.replace_graph(f"{ID}graph/fan-out", fan_out(n).encode())
        with run_graph(store, AS_OF):
            out[n] = (*largest_part(store), count(store, JOINED_FIRST))
        store.close()
    return out


def test_parts_of_every_planned_query_grow_at_most_linearly_with_the_data(
    sizes: dict[int, tuple[int, str, int]],
) -> None:
    (small, _, _), (large, where, _) = sizes[20], sizes[40]
    assert large <= 2 * small + 2, f"{where}: {small} rows at n=20, {large} at n=40 (faster than the data)"


def test_the_fixture_makes_a_part_joined_through_the_control_first_grow_quadratically(
    sizes: dict[int, tuple[int, str, int]],
) -> None:
    # Guards the test above: on data without the fan-out it would pass whatever the plan.
    assert (sizes[20][2], sizes[40][2]) == (20 * 20, 40 * 40)


FOCUS = "{ SELECT DISTINCT ?this WHERE { ?this a <urn:C> } }"


def test_filter_exists_over_certain_variables_becomes_a_distinct_sub_select_joined_once() -> None:
    exists = "FILTER EXISTS { ?x <urn:q> ?y . ?y a <urn:D> }"
    q = rewrite_not_exists(f"SELECT ?this WHERE {{ {FOCUS} ?this <urn:p> ?x . {exists} }}")
    assert "EXISTS" not in q and "{ SELECT DISTINCT ?x WHERE { ?x <urn:q> ?y . ?y a <urn:D> } }" in q


def test_a_minus_goes_after_the_pattern_that_binds_its_shared_variable() -> None:
    q = rewrite_not_exists(f"SELECT ?this WHERE {{ {FOCUS} FILTER NOT EXISTS {{ ?x <urn:q> ?y }} ?this <urn:p> ?x . }}")
    assert q.index("?this <urn:p> ?x") < q.index("MINUS { ?x <urn:q> ?y }")


def test_a_minus_body_fanning_out_from_its_first_statement_is_cut_down_to_what_minus_reads() -> None:
    inner = "?v <urn:mapped> ?c . ?e <urn:for> ?c ; <urn:concerns> ?this ."
    q = rewrite_not_exists(
        f"SELECT ?this ?v WHERE {{ {FOCUS} ?this <urn:p> ?v . FILTER NOT EXISTS {{ {inner} }} }}",
        FOCUS,
    )
    assert f"MINUS {{ ?v <urn:mapped> ?c . {{ SELECT DISTINCT ?c ?this WHERE {{ {FOCUS}  ?e <urn:for> ?c" in q


def test_a_sub_select_s_projection_is_not_read_as_a_pattern_with_any_predicate() -> None:
    sub = "{ SELECT DISTINCT ?c ?t WHERE { ?e <urn:q> ?c ; <urn:r> ?t } }"
    needs = needs_of(f"SELECT ?s WHERE {{ ?s <urn:p> ?c . {sub} }}", {})
    assert not needs.any_predicate and {"urn:p", "urn:q", "urn:r"} <= needs.iris
