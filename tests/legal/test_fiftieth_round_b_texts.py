"""The failure classes the first runs on two never-seen texts showed (2026-12-07, thirty-eighth session, round 50b):
Uganda's Data Protection and Privacy Act, 2019, sections 11 to 23, as a repository's JSON seed of the Act's provisions
(met every target on its first run), and the Consumer Credit Act 1974, sections 77 to 80, as legislation.gov.uk's
revised HTML.

legislation.gov.uk's page keeps a section's number in a heading beside an extent badge, and an inserted section's
number inside the amendment's brackets and note marker ("[F177AStatements ..."), so no section opened and no duty was
cited under its section; and four formulas with a modal verb that bind no one were taken as duties: compliance deemed
("shall be taken to comply with"), a date deemed ("may be regarded as expiring"), a party freed from a charge ("shall
have no liability to pay") and what a failure costs a creditor ("shall not be entitled to enforce"). One behaviour
each."""

from __future__ import annotations

from pathlib import Path

from dutyrows import duty_rows as _duties

from compgraph.legal.readers import read_document

_BADGE = ('<span class="LegExtentRestriction" id="extent-U.K." title="Applies to "><span class="btr"></span>U.K.'
          '<span class="bbl"></span></span>')


def _subsection(section: str, label: str, words: str) -> str:
    return (f'<a class="LegAnchorID" id="section-{section}-{label}"></a><p class="LegClearFix LegP2Container"><span '
            f'class="LegDS LegLHS LegP2No" id="section-{section}-{label}">({label})</span><span class="LegDS LegRHS '
            f'LegP2Text">{words}</span></p>')


def test_a_legislation_gov_uk_pages_sections_are_cited_by_their_numbers(tmp_path: Path) -> None:
    page = tmp_path / "act.html"
    page.write_text(
        '<html><body>\n<h3 class="LegClearFix LegP1ContainerFirst"><span class="LegDS LegP1No">79</span><span '
        f'class="LegDS LegP1GroupTitleFirst"> Duty to give hirer information.{_BADGE}</span></h3>'
        + _subsection("79", "1", "The owner shall give the hirer a copy of the executed agreement.")
        + _subsection("79", "2", "The owner shall keep a record of each request.")
        + '<div class="LegAnnotations"><p class="LegAnnotationsGroupHeading">Textual Amendments</p><p>F1 Words '
        'substituted; the owner shall be read as the lessor.</p></div>\n<h3 class="LegClearFix '
        'LegP1ContainerFirst"><span class="LegDS LegP1No"><span class="LegChangeDelimiter">[</span><a '
        'class="LegCommentaryLink" href="#c1">F1</a><span class="LegAddition">79A</span></span><span class="LegDS '
        f'LegP1GroupTitleFirst"><span class="LegAddition">Statements to be provided</span>{_BADGE}</span></h3>'
        + _subsection("79A", "1", "The owner must give the hirer statements under this section.")
        + _subsection("79A", "1A", "The statements must relate to consecutive periods.")
        + "\n</body></html>\n", encoding="utf-8")
    assert [(ref, modality) for ref, modality, _ in _duties(read_document(page))] == [
        ("79(1)", "mandatory"), ("79(2)", "mandatory"), ("79A(1)", "mandatory"), ("79A(1A)", "mandatory")]


def test_compliance_deemed_by_shall_be_taken_to_comply_is_no_duty() -> None:
    text = ("Section 77. Duty to give information.\n\n(1) The creditor shall give the debtor a statement of the sums "
            "paid.\n\n(2) If the creditor possesses insufficient information to ascertain the dates, he shall be taken "
            "to comply with that paragraph if his statement gives the basis on which they would be ascertained.\n")
    assert [ref for ref, _, _ in _duties(text)] == ["77(1)"]


def test_a_period_that_may_be_regarded_as_expiring_on_another_day_is_no_leave() -> None:
    text = ("Section 77A. Statements.\n\n(1) The creditor must give the debtor statements under this section.\n\n"
            "(2) For the purposes of subsection (1), a period of a year which expires on a non-working day may be "
            "regarded as expiring on the next working day.\n")
    assert [ref for ref, _, _ in _duties(text)] == ["77A(1)"]


def test_a_party_that_shall_have_no_liability_to_pay_is_bound_to_nothing() -> None:
    text = ("Section 77B. Statement of account.\n\n(1) The creditor must give the debtor a statement in writing.\n\n"
            "(2) The debtor shall have no liability to pay any sum in connection with the preparation or the giving "
            "of a statement under this section.\n")
    assert [ref for ref, _, _ in _duties(text)] == ["77B(1)"]


def test_a_creditor_that_shall_not_be_entitled_to_enforce_after_a_failure_is_under_no_prohibition() -> None:
    text = ("Section 77A. Statements.\n\n(1) The creditor must give the debtor statements under this section.\n\n"
            "(2) Where the creditor fails to give a statement under this section, the creditor shall not be entitled "
            "to enforce the agreement during the period of non-compliance.\n")
    assert [ref for ref, _, _ in _duties(text)] == ["77A(1)"]
