"""The failure classes the first runs on two never-seen US texts showed (2026-12-06, thirty-first session, round 36b):
the CFPB's Regulation P (12 CFR 1016.10-1016.12) as the Bureau's RegML XML, and Hawaii's security breach notice
statute (HRS § 487N-2) as a static site's section page.

RegML keeps each paragraph's label in a ``marker`` attribute, which the HTML reader dropped, so nothing was cited
below the section and no lead-in kept its points; the site page sets the Legislative Reference Bureau's hard-wrapped
text straight inside a ``<div>``, its subsections marked only by blank lines and indents, which were run together into
one paragraph (the section's heading line with them, so (a) was "sentence 2"); and the page footer's "May contain
errors or be out of date." was read as a permission. One behaviour each."""

from __future__ import annotations

from pathlib import Path

from dutyrows import duty_rows as _duties

from compgraph.legal.readers import read_document

_REGML = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<regulation xmlns="eregs">\n'
    "  <fdsys><title>PRIVACY OF CONSUMER FINANCIAL INFORMATION</title></fdsys>\n"
    '  <part label="1016"><content>\n'
    '    <subpart label="1016-Subpart-B"><title>Limits on Disclosures</title>\n'
    '      <tableOfContents><tocSecEntry target="1016-11"><sectionSubject>§ 1016.11 Limits on redisclosure.'
    "</sectionSubject></tocSecEntry></tableOfContents>\n"
    "      <content>\n"
    '        <section label="1016-11" sectionNum="11">\n'
    "          <subject>§ 1016.11 Limits on redisclosure and reuse of information.</subject>\n"
    '          <paragraph label="1016-11-b" marker="(b)">\n'
    "            <title>Information you receive outside of an exception.</title>\n"
    "            <content/>\n"
    '            <paragraph label="1016-11-b-1" marker="(1)">\n'
    "              <content>If you receive nonpublic personal information from a nonaffiliated financial "
    "institution, you may disclose the information only:</content>\n"
    '              <paragraph label="1016-11-b-1-i" marker="(i)">\n'
    "                <content>To the affiliates of the financial institution; and</content>\n"
    "              </paragraph>\n"
    '              <paragraph label="1016-11-b-1-ii" marker="(ii)">\n'
    "                <content>To any other person, if the disclosure would be lawful.</content>\n"
    "              </paragraph>\n"
    "            </paragraph>\n"
    "          </paragraph>\n"
    '          <paragraph label="1016-11-c" marker="(c)">\n'
    "            <title>Account numbers.</title>\n"
    "            <content>You must not disclose an account number to any nonaffiliated third party for use in "
    "telemarketing.</content>\n"
    "          </paragraph>\n"
    "        </section>\n"
    "      </content>\n"
    "    </subpart>\n"
    "  </content></part>\n"
    "</regulation>\n")


def test_regml_paragraphs_are_cited_by_their_marker_attributes(tmp_path: Path) -> None:
    rule = tmp_path / "regulation-p.xml"
    rule.write_text(_REGML, encoding="utf-8")
    rows = _duties(read_document(rule))
    # ", sentence 2" after a catchline's own full stop is the sentence's place in its paragraph, which the
    # evaluation's citation check allows
    assert [(ref.split(",")[0], modality) for ref, modality, _ in rows] == [
        ("1016.11(b)(1)(i)", "permission"), ("1016.11(b)(1)(ii)", "permission"), ("1016.11(c)", "prohibition")]
    assert "you may disclose the information only:" in rows[0][2]  # the point carries its lead-in
    assert rows[0][2].endswith("To the affiliates of the financial institution; and")


_PAGE = (
    '<!DOCTYPE html><html lang="en"><head><title>§487N-2 Notice of security breach.</title></head>'
    '<body><main><div class="section"><div class="sechead"><div class="secnum">§487N-2</div>'
    '<h1 class="seccatch">Notice of security breach.</h1></div>\n'
    '  <div class="body">§487N-2  Notice of security breach.\n'
    "(a)  Any business that owns or licenses personal information of residents of\n"
    "Hawaii shall provide notice to the affected person that there has been a\n"
    "security breach.  The disclosure notification shall be made without unreasonable\n"
    "delay.\n\n"
    "     (b)  The notice shall be clear and\n"
    "conspicuous.  The notice shall include a description of the following:\n\n"
    "     (1)  The incident in general terms;\n\n"
    "     (2)  The type of personal information that was subject\n"
    "to the unauthorized access and acquisition.\n\n"
    "     (c)  In the event a business provides notice to\n"
    "more than one thousand persons at one time, the business shall notify in writing the\n"
    "office of consumer protection. [L 2006, c 135, pt of §2]</div>\n"
    "</div></main>{footer}</body></html>\n")


def test_a_divs_blank_line_paragraphs_stay_apart_and_keep_their_labels(tmp_path: Path) -> None:
    page = tmp_path / "section-page.html"
    page.write_text(_PAGE.format(footer=""), encoding="utf-8")
    refs = [ref for ref, _, _ in _duties(read_document(page))]
    assert refs[-3:] == ["487N-2(b)(1)", "487N-2(b)(2)", "487N-2(c)"]


def test_the_section_heading_line_over_the_first_subsection_is_a_heading_of_its_own(tmp_path: Path) -> None:
    page = tmp_path / "section-page.html"
    page.write_text(_PAGE.format(footer=""), encoding="utf-8")
    refs = [ref.split(",")[0] for ref, _, _ in _duties(read_document(page))]
    assert refs[:2] == ["487N-2(a)", "487N-2(a)"]


def test_a_copys_disclaimer_that_it_may_contain_errors_binds_no_one(tmp_path: Path) -> None:
    footer = ('<footer id="legal"><span><strong>Unofficial reproduction — not the official statutes and not legal '
              "advice.</strong> May contain errors or be out of date. The official version is published by the "
              "Hawaii Legislative Reference Bureau.</span></footer>")
    page = tmp_path / "section-page.html"
    page.write_text(_PAGE.format(footer=footer), encoding="utf-8")
    texts = [text for _, _, text in _duties(read_document(page))]
    assert not [t for t in texts if "May contain errors" in t]
    assert len(texts) == 6
