"""The failure classes the first runs on two never-seen US federal statutes showed (2026-12-06, twenty-eighth session,
round 32b): the Children's Online Privacy Protection Act of 1998, ss. 1303-1305, as a school site's hand-made HTML of
the slip law, and the Privacy Act's agency requirements, 5 U.S.C. 552a(e), as one Markdown chunk of the U.S. Code.

The page nests points in ``<dir>`` inside a ``<p>`` and runs the next point on after ``</dir>``, so points ran together
and took each other's lead-ins; the slip law's long capitals catchline after "SEC. 1303." was not read as a heading;
its liability shield, preemption, venue and service of process were read as duties; the cases a consent is "not
required in the case of" were read as duties; and the Privacy Act's "maintain no record ..." as a mandatory duty.
One behaviour each."""

from __future__ import annotations

from pathlib import Path

from dutyrows import duty_rows as _duties

from compgraph.legal.readers import read_document


def _read_html(tmp_path: Path, body: str) -> str:
    page = tmp_path / "page.html"
    page.write_text(f"<html><body>{body}</body></html>", encoding="utf-8")
    return read_document(page)


def test_points_in_dir_blocks_inside_a_paragraph_are_lines_of_their_own(tmp_path: Path) -> None:
    text = _read_html(tmp_path, "<p><b>SEC. 1305. ACTIONS BY STATES.</b></p><p><dir>(a) IN GENERAL.—The attorney "
                                "general shall provide to the Commission—</dir><dir>(1) written notice of that action;"
                                " and</dir>(2) a copy of the complaint for that\n<br /> action.</p>")
    assert [(ref, row.split("—")[-1]) for ref, _, row in _duties(text)] == [
        ("1305(a)(1)", " (1) written notice of that action; and"),
        ("1305(a)(2)", " (2) a copy of the complaint for that action.")]


def test_a_slip_laws_long_capitals_catchline_opens_its_section() -> None:
    text = ("SEC. 1303. REGULATION OF UNFAIR AND DECEPTIVE ACTS AND PRACTICES IN CONNECTION WITH THE COLLECTION AND "
            "USE OF PERSONAL INFORMATION FROM AND ABOUT CHILDREN ON THE INTERNET.\n\n"
            "(a) IN GENERAL.—The Commission shall promulgate regulations.\n")
    assert [ref for ref, _, _ in _duties(text)] == ["1303(a)"]


def test_a_party_held_to_be_liable_or_not_is_no_duty() -> None:
    text = ("SEC. 1303. ACTS PROHIBITED.\n\n(a) DISCLOSURE TO PARENT PROTECTED.—Neither an operator of such a website "
            "nor the operator's agent shall be held to be liable under any Federal or State law for any disclosure "
            "made in good faith.\n")
    assert _duties(text) == []


def test_no_state_or_local_government_may_impose_liability_is_preemption() -> None:
    text = ("SEC. 1303. REGULATION.\n\n(d) INCONSISTENT STATE LAW.—No State or local government may impose any "
            "liability for commercial activities by operators that is inconsistent with this section.\n")
    assert _duties(text) == []


def test_venue_and_service_of_process_bind_no_one() -> None:
    text = ("SEC. 1305. ACTIONS BY STATES.\n\n(e) VENUE.—\n\n(1) VENUE.—Any action brought under subsection (a) may "
            "be brought in the district court of the United States that meets applicable requirements relating to "
            "venue.\n\n(2) SERVICE OF PROCESS.—In an action brought under subsection (a), process may be served in "
            "any district in which the defendant is an inhabitant.\n")
    assert _duties(text) == []


def test_the_cases_a_requirement_is_not_required_in_are_no_duties_of_their_own() -> None:
    text = ("SEC. 1303. REGULATION.\n\n(b) REGULATIONS.—\n\n(2) WHEN CONSENT NOT REQUIRED.—The regulations shall "
            "provide that verifiable parental consent is not required in the case of—\n\n(A) online contact "
            "information used only to respond directly on a one-time basis to a request from the child;\n\n"
            "(B) the collection of such information by the operator necessary—\n\n(i) to protect the security of "
            "its website; or\n\n(ii) to respond to judicial process.\n")
    assert [(ref, modality) for ref, modality, _ in _duties(text)] == [("1303(b)(2)", "mandatory")]


def test_a_point_whose_verb_takes_no_as_its_object_is_a_prohibition() -> None:
    text = ("#### § 552a. Records maintained on individuals\n###### (e) Agency Requirements .\n\n"
            "Each agency that maintains a system of records shall\n\n(1) maintain in its records only such "
            "information as is relevant;\n\n(7) maintain no record describing how any individual exercises rights "
            "guaranteed by the First Amendment unless expressly authorized by statute;\n")
    assert [(ref, modality) for ref, modality, _ in _duties(text)] == [("552a(e)(1)", "mandatory"),
                                                                      ("552a(e)(7)", "prohibition")]
