"""The bracket matching both the shapes graph's rule checks and the SPARQL engine's rewrites read queries with."""

from __future__ import annotations

from compgraph.checks.sparqltext import first_brace, matching, strip


def test_a_brace_inside_a_string_an_iri_or_a_comment_does_not_close_the_group() -> None:
    text = '{ ?s <http://x/{a}> "}" . # }\n ?s ?p ?o }'
    assert matching(text, 0) == len(text) - 1


def test_in_stripped_text_a_less_than_is_a_comparison_not_the_start_of_an_iri() -> None:
    bare = strip("FILTER((?a<?b)<?c>?d) }")
    assert matching(bare, bare.index("("), "()", tokens=False) == bare.rindex(")")


def test_an_unclosed_bracket_has_no_match() -> None:
    assert matching("{ ?s ?p { ?o }", 0) is None


def test_the_first_brace_skips_one_written_in_a_string() -> None:
    text = 'SELECT ("{" AS ?x) WHERE { }'
    assert first_brace(text, 0) == text.index("WHERE") + len("WHERE ")
