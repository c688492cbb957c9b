"""The labelled regulation corpus and its scoring rule (tests/fixtures/regulations)."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from compgraph.legal.corpus import (
    DocumentScore,
    evaluate_corpus,
    extract_file,
    fragment_occurs,
    read_labels,
    score_document,
)
from compgraph.legal.readers import read_document

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "regulations"
HELD_OUT = CORPUS.with_name("regulations-heldout")


@pytest.mark.parametrize("labels", sorted([*CORPUS.glob("*.tsv"), *HELD_OUT.glob("*.tsv")]), ids=lambda p: p.name)
def test_every_labelled_fragment_occurs_in_its_text(labels: Path) -> None:
    stem = labels.name.rsplit(".", 2)[0]
    source = next(p for p in labels.parent.iterdir() if p.name.startswith(stem + ".") and p.suffix != ".tsv")
    rows = read_labels(labels, ("id", "text"))
    assert rows
    # a PDF's words are only there as the reader extracts them; so are an XML file's (CLML wraps amended words and
    # note markers in elements inside a sentence)
    if source.suffix not in (".pdf", ".xml"):
        data = source.read_bytes()
        try:
            raw = data.decode("utf-8")
        except UnicodeDecodeError:  # a page in the legacy charset it declares (the Oregon Legislature's windows-1252)
            declared = re.search(rb"charset=[\"']?([\w-]+)", data)
            assert declared is not None, f"{source.name} is not UTF-8 and declares no charset"
            raw = data.decode(declared.group(1).decode("ascii"))
        assert all(fragment_occurs(r["text"], raw) for r in rows)
    text = read_document(source)
    assert all(fragment_occurs(r["text"], text) for r in rows)


def test_a_fragment_with_an_ellipsis_matches_part_by_part_in_order() -> None:
    assert fragment_occurs("shall be provided: ... (b) in writing", "It shall be provided: (a) orally; (b) in writing")
    assert not fragment_occurs("(b) in writing ... shall be provided:", "shall be provided: (b) in writing")


def test_one_row_matches_one_obligation() -> None:
    obligations = [{"id": "A", "text": "Providers shall keep logs.", "modality": "mandatory"}]
    truth = [{"id": "1", "text": "Providers shall keep logs", "modality": "mandatory"},
             {"id": "2", "text": "shall keep logs", "modality": "mandatory"}]
    score = score_document("d", obligations, truth, [])
    assert (score.precision, score.recall) == (1.0, 0.5)


def test_a_trap_inside_an_obligation_counts_as_extracted() -> None:
    obligations = [{"id": "A", "text": "This obligation shall not apply to SMEs.", "modality": "prohibition"}]
    score = score_document("d", obligations, [], [{"id": "T1", "text": "shall not apply to SMEs"}])
    assert score.trap_rate == 1.0


# Held-out texts whose first-run failure classes are not fixed yet (tests/fixtures/regulations-heldout/SOURCES.md
# says which), with what they still miss; each must still miss it, so that the day it passes it is taken off this
# list and guarded again.
PENDING = {"us-nsm-ai-framework-2024-pillars-2-4.md": {"targets", "citations"},
           # modality 0.926: 7(1)'s and 7(2)'s "Workers shall have the right to request ..." (labelled the employer's
           # duties) are read as permissions, as the corpus reads a right held against no one named (ePrivacy 7(1))
           "eu-pay-transparency-directive-2023-970-art4-8.md": {"targets"},
           # the print's lists restart at "1." (the renderer numbers each list it opens from 1): 9(2)-9(10) are
           # printed "1."-"9." and cited so
           "eu-pay-transparency-directive-2023-970-art9-13-print.pdf": {"citations"},
           "us-omb-m-24-10-2024-s5b-5c.pdf": {"targets", "citations"},
           "us-nyc-dcwp-6-rcny-5-300-5-304.pdf": {"targets", "citations"},
           "us-glba-1999-title-v-privacy.md": {"citations"},
           # round 39b: 20(a), run in after its catchline ("Section 20. Security of Personal Information. - (a)
           # The personal information controller must ..."), is cited "20"
           "ph-data-privacy-act-2012-s11-21-lawphil.html": {"citations"},
           # round 39b: 4.61's last sentence, after the points run into its second ("except: (1) ...; (3) ..."), is
           # cited "4.61(3), sentence 2"
           "us-valdosta-ga-charter-art4.txt": {"citations"},
           # round 47b: the ordinance's own sections, run in after their numbers ("Section 2:- That the City Manager is
           # authorized to ...") before the policy it approves, whose headings reuse "Section 1" to "Section 4", are
           # cited "whole text, sentence 3" and "sentence 4" (labelled "Ordinance 2", "Ordinance 3")
           "us-norfolk-va-ord-46912-open-data-policy-2017.md": {"citations"},
           # P and R 0.850: its 6(b)(i)-(iii) labels carry the sentence before the lead-in "The playbook shall:"
           "us-eo-14028-2021-s6-8-11.md": {"targets"},
           # 3.70(6)(c), quoted after the ordinance's "Subdivision (c) ... of Subsection (6) ... of Section 3.70 ... is
           # created to read as follows:", is cited "(c)"; and 3.72(2)'s legacy-data duty is labelled 3.72(2), where
           # it stands in the definition's point 8 (a label error, left as committed)
           "us-madison-wi-mgo-3-70-3-72-open-data.html": {"citations"},
           # 5(1)(f)'s and 11(1)'s indents ("— ...") are cited by their place under the point ("5(1)(f)(1)"), the
           # labels by the point they belong to ("5(1)(f)"; the Official Journal says "first indent")
           "eu-ecommerce-directive-2000-31-art5-7-10-11.html": {"citations"},
           # P 0.732: the extractor gives a row per item of 2-503(a)(1)(I) (the crimes excepted), of 2-505(b)(2)(II)
           # (who may ask for the audit) and of 2-503(a)(2)(II) (conditions), which the labels, by this round's
           # judgement, give none, and two of those rows, matched to the lead-in's label, are cited by their item
           "us-maryland-hb338-2024-cp-2-501-510-facial-recognition.md": {"targets", "citations"},
           # R 0.875: three relative clauses labelled rows of their own are kept in the sentence they qualify: "vested
           # in the Mayor who shall be the chief executive officer" (after a vesting, which binds no one), (1)'s "who
           # may, during periods of disability ..., execute and perform the powers and duties of the Mayor" and (6)'s
           # "who may, with the approval of the Mayor, make a further delegation"
           "us-dc-charter-home-rule-1-204-22.html": {"targets"},
           # traps 1/8: 6.13's "subject, however, to the provisions of Chapter 13 which shall also control the action
           # of the mayor and council thereon" (labelled a trap) stays at the end of the duty it qualifies
           "us-richmond-va-charter-ch6-budget.html": {"targets"},
           # R 0.870: (b)(3)'s "..., For the purposes of clarity, a business may elect ..." after a comma the drafter
           # left for a full stop stays in the exemption before it, and (c)(4)'s and (c)(5)'s "refrain from selling
           # ... and wait for at least 12 months before requesting ..." give only the prohibition (the duty to wait,
           # coordinated without a modal verb of its own, is not parted from it)
           "us-california-cpra-prop24-1798-135-redline.md": {"targets"},
           # the RSA's Roman paragraphs ("I. For all software acquisitions, each state agency ... shall:") are no
           # labels to the parser, so 21-R:11(I)(a) is cited "21-R:11(a)" and 21-R:14(II) "21-R:14, sentence 4"
           "us-new-hampshire-hb418-2012-rsa-21-r.md": {"citations"},
           # P 0.950, traps 2/10: 1045(a)'s "..., which date shall be deemed the publication date of the Compilation,
           # and shall be updated ..." and 1045(b)'s "shall be certified ... and shall be the rules of the city unless
           # ..." keep the trap inside their duty; 1046(e)'s "shall make final findings ..., and shall not make ...,
           # but shall only recommend such, and shall forward ..." gives two mandatory rows where the labels give one
           "us-nyc-charter-ch45-capa-1042-1045-1047.md": {"targets"},
           # traps 1/4: (b-2)'s "Review costs shall include only the direct costs ..." (labelled a trap, a limit of a
           # term) is read as a duty, as the AI Act's 49(4) "shall include only the following information" is labelled
           "us-dc-code-2-532-foia-right-of-access.xml": {"targets"},
           # R 0.917: (e)'s "All employees ... are responsible for compliance ..., and this requirement shall be
           # incorporated in section 1803 ..." stays one row (a clause opened by "this requirement" is not parted from
           # a first clause with no modal verb)
           "us-dc-code-2-537-foia-appeals.xml": {"targets"},
           # modality 0.974: 2.28(5)'s "The mayor shall: ... (5) Veto any ordinance ..." (labelled a permission, a
           # right the mayor may use) takes the lead-in's "shall"; P and R 0.974: 6.26(a)'s prohibition is labelled
           # with its coordinating "and" ("and the total appropriations ... shall not exceed"), found without it
           "us-ashburn-ga-charter-2-28-6-29.txt": {"targets"},
           # modality 0.977: 3.01(a)(6)'s "The mayor shall: ... (6) Vote in matters before the city council ..."
           # (labelled a permission) takes the lead-in's "shall"; 5.04(a)'s prohibition labelled with its "and"
           "us-brookhaven-ga-charter-3-01-5-07.xml": {"targets"},
           # traps 1/4: 2-105(c)'s "except in connection with policies promulgated by the city council ..." (labelled
           # a trap) stays at the end of the prohibition it qualifies
           "us-americus-ga-charter-2-105-3-102.txt": {"targets"},
           # round 26a: P 0.731, R 0.679, citations 0.632; since the twenty-fifth session's inline points
           # (tests/legal/test_twenty_sixth_round_a_leftovers.py) P and R 0.786, citations 0.909: catchlines with a
           # spaced full stop ("Authorized use . The uses ...") part a point from its lead-in, the definitions'
           # binding sentences are lost, and the sentences after 10-63(c)(1)'s "i. ... iii." are cited "10-63(c)"
           "us-somerville-ma-code-10-61-64-surveillance-technology.md": {"targets", "citations"},
           # traps 1/5: 2-2132(d)'s "... shall apply to ... and shall include data prepared on behalf of the City"
           # (scope) gives its second clause as a duty, and 2-2135(b)'s operative "should also make suggestions" is read
           # as a recommendation row
           "us-kansas-city-mo-code-2-2130-2135-open-data.md": {"targets"},
           # the run-in heading "§ 162.01 DEFINITIONS. As used ..." opens no section (162.01's duties cited "(a)",
           # "(e), sentence N"); "reserves the right to", "should be reviewed" and a definition's "may include" read as
           # rows; 162.01(b)'s inline "which shall (i) ...; (ii) ..." lost with the definitions' lead-in
           "us-pittsburgh-pa-code-ch-162-open-data-sets.html": {"targets", "citations"},
           # round 26b: P 0.881, traps 6/11, citations 0; now P and R 1.000, traps 0/11, citations 1.000, modality
           # 0.974: "Because information ... may be the most current, the general assembly directs ... agencies ...
           # to cooperate" reads as a permission (labelled mandatory)
           "us-colorado-crs-16-20-5-21-criminal-justice-information.xml": {"targets"},
           # round 27a: R 0.867: the text layer glued two duties' words ("(b) Maybesecuredintheformofa
           # writtenreleaseexecutedbyanemployeeasa condition of employment", "Thecourtshallawardallattorney'sfeesand
           # costs"), so their modal verbs are no words and they are missed; the labels quote the file as it reads
           "us-missouri-hb2594-2024-rsmo-1-561-1-572-biometric.md": {"targets"},
           # round 27b: traps 1/7 (8(a)(5)'s proviso "such requested audits shall not ... unduly hinder" stays in its
           # point), 5's lead-in "shall have the following responsibilities ...:" over subsections that are whole
           # sentences is a row; citations 0: the DocBook's <emphasis> puts "§" on a line apart from its number, so
           # "Article V" is read as the section ("V(8)(a)(1)") and a subsection's catchline line opens nothing
           "us-baltimore-md-charter-art5-comptroller.xml": {"targets", "citations"},
           # round 27b: traps 2/16 (both "The City reserves the right to ...", a permission by the Jackson convention,
           # labelled traps as Pittsburgh's), 6.A.1's advisory "is provided for informational purposes only" lost;
           # citations 0: the ordinance's "section 1.A" form ("3.C.4(a)") against the parser's "3(C)(4)(a)"
           "us-bethlehem-pa-ord-2017-34-open-data.md": {"targets", "citations"},
           # round 27b: traps 1/9 ("A tax budget will only be prepared ... if the County requires"), 7.04's "may adopt
           # an Administrative Code which shall provide ..." kept as one permission, 8.07's purpose clause "so that the
           # expenditures ... shall not exceed" read as a prohibition, two rows whose labels end in the comma before
           # the next clause ("for utilities,", "from time to time,")
           "us-springboro-oh-charter-art7-8.md": {"targets"},
           # round 27c: meets the targets after its fixes; 3-225(E)(6)'s second sentence ("Surveillance video
           # recordings may not be destroyed if ...", a PDF line of its own after "... for any other purpose.") is
           # read as a paragraph of (E) after the list, cited "3-225(E), sentence 3"
           "us-colorado-1-ccr-212-3-3-225-video-surveillance.txt": {"citations"},
           # round 27c: modality 0.875, traps 2/4: a point with its own modal verb is read by its lead-in's
           # ("must meet the following minimum requirements: ... (7) A hybrid micrographic system ... may be used.",
           # "may serve as the official copy ... under the following conditions: ... (3) ... they must additionally
           # retain"); 0045(4)'s duty ("must be converted to ... one of the following file formats ...: (a) ...") is
           # given as its first format point, cited "(4)(a)"; a trailing "which are incorporated by reference and are
           # available from ..." and a point's second sentence "This includes born-digital records ..." stay inside
           "us-oregon-oar-166-017-electronic-records.md": {"targets", "citations"},
           # round 28a: the Law cites its own "A." points in lower case ("Subparagraphs (b) and (c) of Paragraph
           # (2)"), as the labels do; the extractor cites them as printed, "29(2)(B)", "30(4)(D)" (9 of 66)
           "sa-pdpl-2021-art8-22-29-31.md": {"citations"},
           # round 28c: 4.4's footnote 6 is cited "4.4, sentence 5" and Appendix A "AnnexA" (read as an annex)
           "us-nys-its-p24-001-acceptable-use-of-ai-2024.pdf": {"citations"},
           # round 28b: meets the targets after its fixes; 9(2)'s last content, which the converter nested as
           # `<ol type="i">` under (h) ("(i) The signature of the consumer and date."), is read as the letter after
           # (h), cited "9(2)(i)" where the label (the converter's numbering) says "9(2)(h)(i)"
           "us-washington-hb1155-2023-my-health-my-data-s1-s4-10.html": {"citations"},
           # round 29a (21(2)'s "Subsection (1) applies unless---" points fixed in the twenty-seventh session: P 0.974,
           # traps 0, R 0.949): 22(5)(a)'s point "must identify ..." under the bare-subject lead-in
           # "An instruction issued under subsection (1)(c)---" is read without it; 23(1)(b)'s "if paragraph (a) does
           # not apply, the public office designated ..." is missed; 24(b)'s "may impose conditions" is read as
           # mandatory after (a)'s "must return"
           "nz-public-records-act-2005-s17-25.md": {"targets"},
           # round 29b: its fixes applied again (the catchline one narrowed after it broke a round-21 list test), so
           # 164.404 is at P 0.944, R 0.944; the site's Markdown of each section has no heading, so "164.404" /
           # "164.410" is nowhere in the text and every duty is cited by its paragraphs alone ("(a)(1)")
           "us-hhs-hipaa-breach-45-cfr-164-404-notification-individuals.md": {"targets", "citations"},
           "us-hhs-hipaa-breach-45-cfr-164-410-notification-business-associate.md": {"citations"},
           # round 30b: the same site's Markdown of two Privacy Rule sections, no heading either, so every duty is
           # cited by its paragraphs alone ("(a)(2), sentence 2", the "Standard: ..." catchline counted as sentence 1)
           "us-hhs-hipaa-privacy-45-cfr-164-526-amendment.md": {"citations"},
           "us-hhs-hipaa-privacy-45-cfr-164-530-administrative-requirements.md": {"citations"},
           # round 31b: P 0.900: (c)(4)(C)'s "The Secretary may set an effective date ..., but in no case may the date
           # specified under (i) subparagraph (A) be later than 2016; or (ii) ..." gives a prohibition row per point
           # (labelled the permission's limit, no rows)
           "us-42-usc-17935-hitech-restrictions-sale-access-chunks.md": {"targets"},
           # round 40b: R 0.809: (d)(2)'s "..., and every ballot ... shall be advanced" and "the winner, If no candidate
           # ..." (a comma for a full stop) stay in the point's first duty, (h)'s "shall remain so" runs on from
           # "declared "exhausted"" (no full stop), (i)'s lead-in and (i)(3)'s run-in points "(a) that count ..., (b)
           # ..." give one row, (k)(4)'s "may authorize the following change ...: ... shall be tallied" one mandatory
           # row, (k)(5)'s proviso stays in its power; and (i)'s run-in "(1) ... (4)" are no labels to the parser, so
           # (i)(2)-(4) are cited "1105(i), sentence N"
           "us-oakland-ca-charter-1105-ranked-choice-voting.txt": {"targets", "citations"},
           # round 42a: traps 4/8: a trap's words inside a row that rightly carries them (92-3.1(b)'s "shall not be
           # required to have a quorum" in the lead-in its provisos carry, 92-9(c)'s proviso in its leave), 92-7(c)'s
           # "The meeting shall be canceled as a matter of law, the chairperson ... shall ensure ..." one clause, and
           # 92-9(a)'s "neither a full transcript nor a recording ... is required, but the written minutes shall ..."
           "us-hawaii-hrs-92-3-9-sunshine-law-meetings.md": {"targets"},
           # round 43b: P 0.903, R 0.933, modality 0.964: 4.01's "shall consist of ..., and such other officers ...
           # as the council may provide" cut at ", and such other", 3.04(h)'s "provided such boards shall not receive"
           # cut off, 3.04(b)'s attend / right / "may not vote" and 4.02's "..., provided, however, that the city
           # council may enter into agreements" not cut as labelled, 3.03's "may revoke ... until the city manager shall
           # return" and 3.04(i)'s "At any time in his/her discretion ... examine" under "powers and duties:" mandatory
           "us-san-mateo-ca-charter-art3-4.html": {"targets"},
           # round 44a: R 0.929, traps 1/5: 514B-154(h)'s "may dispose ..., except for tax records, which shall be kept
           # for seven years, ..., which notice shall include ..." one permission row, 154(j)'s "except the fee ...
           # may exceed $1 per page" inside the "shall not exceed" row, and its "provided that a reasonable fee shall
           # include ..." (a trap) inside the "shall be reasonable" row
           "us-hawaii-hrs-514b-153-154-condominium-association-records.md": {"targets"},
           # round 45b: citations 0.636: points run on after a full stop ("... Agency. (a) Agencies must not ...",
           # "(b) Ownership. An OFC must ...") are cited as their subsection's sentences ("125-055-0010(1), sentence 2")
           "us-oregon-oar-125-055-0010-0025-oregon-forward.md": {"citations"}}


@pytest.fixture(scope="module")
def scores() -> Callable[[Path], list[DocumentScore]]:
    """The targets and the citations are read from one extraction of each folder (the held-out one takes ~30 s). A
    fixture, not a module-level cache: mutmut forks each mutant's run from a process that ran the tests unmutated."""
    return functools.cache(lambda folder: evaluate_corpus(folder, extract_file))


@pytest.mark.parametrize("folder", [CORPUS, HELD_OUT], ids=["development", "held-out"])
def test_the_extractor_meets_the_targets_on_every_labelled_text(
    folder: Path, scores: Callable[[Path], list[DocumentScore]]
) -> None:
    for score in scores(folder):
        if "targets" in PENDING.get(score.document, ()):
            assert not score.meets_targets(), f"{score.document} meets the targets now: take it off PENDING"
            continue
        assert score.meets_targets(), (score.document, score.missed, score.false_positives, score.traps_taken)


def test_a_duty_found_under_the_wrong_citation_lowers_the_citation_score() -> None:
    truth = [{"id": "t1", "ref": "22757.12(a)(1)", "modality": "mandatory", "text": "publish a framework"},
             {"id": "t2", "ref": "22757.12(b)", "modality": "mandatory", "text": "review the framework"}]
    found = [{"id": "X-a-1", "ref": "(a)(1)", "modality": "mandatory", "text": "shall publish a framework"},
             {"id": "X-b", "ref": "22757.12(b), sentence 2", "modality": "mandatory", "text": "review the framework"}]
    score = score_document("doc", found, truth, [])
    assert (score.recall, score.ref_accuracy) == (1.0, 0.5)
    assert score.wrong_ref == ["t1 22757.12(a)(1): cited as (a)(1)"]


@pytest.mark.parametrize("folder", [CORPUS, HELD_OUT], ids=["development", "held-out"])
def test_every_labelled_text_cites_each_duty_it_finds_where_its_label_does(
    folder: Path, scores: Callable[[Path], list[DocumentScore]]
) -> None:
    for score in scores(folder):
        if "citations" in PENDING.get(score.document, ()):
            assert score.ref_accuracy < 1.0, f"{score.document} cites every duty right now: take it off PENDING"
            continue
        assert score.ref_accuracy == 1.0, (score.document, score.wrong_ref)
