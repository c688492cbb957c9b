"""A finding's message fills the template's ``{?var}`` / ``{$var}`` placeholders in one pass, as the substitution
one variable at a time did (the SPARQL engine's findings at 1.1M triples: 28k messages)."""

from __future__ import annotations

import re

import pytest
from rdflib import BNode, Literal, URIRef

from compgraph.checks.sparql.run import _message


def one_variable_at_a_time(template: str, bindings: dict) -> str:
    for var, val in bindings.items():
        if val is not None:
            template = re.sub(f"{{[?$]{var}}}", lambda _m, v=val: str(v), template)
    return template


BINDINGS = {"kind": Literal("Mandatory obligation"), "id": Literal("O-1"), "doc": URIRef("urn:doc"), "gone": None}


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        ("{?kind} {?id} of {$doc}", "Mandatory obligation O-1 of urn:doc"),
        ("{?kind} {?id} twice {?id}", "Mandatory obligation O-1 twice O-1"),
        ("unbound {?gone} and unknown {?nope} stay", "unbound {?gone} and unknown {?nope} stay"),
        ("{?idx} is not {?id}, {id} is not a placeholder", "{?idx} is not O-1, {id} is not a placeholder"),
    ],
)
def test_a_message_fills_each_bound_placeholder(template: str, expected: str) -> None:
    assert _message(template, BINDINGS) == expected == one_variable_at_a_time(template, BINDINGS)


def test_a_value_holding_a_placeholder_is_filled_as_one_variable_at_a_time_did() -> None:
    bindings = {"a": Literal("x{?b}"), "b": BNode("b1"), "c": Literal("{?a}")}
    template = "{?a} {?c}"
    assert _message(template, bindings) == one_variable_at_a_time(template, bindings) == "xb1 {?a}"
