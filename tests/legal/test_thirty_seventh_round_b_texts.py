"""The failure classes the first runs on two never-seen US federal regulations showed (2026-12-06, thirty-first
session, round 37b): the ATF's storage rules for explosive materials (27 CFR 555.204-555.217) and its records of
cigarette distribution (27 CFR 646.146-646.153), both as the GPO's USLM 2.0 XML of the Code of Federal Regulations.

USLM gives a section's number with its section sign ("§ 555.204") and its catchline in elements of their own; read as
other numbered XML the catchline stood as a heading above and the number ran into the first words, so no duty was
cited by its section, and a paragraph's own catchline ("Distributors who are exempted persons.") stood as a heading
that parted (a) from its section. Then the drafting: "Floors are to be regularly swept." and "are to be of
nonsparking materials" (a passive duty with an adverb, or with "of"); "are not permitted:" over the places a thing is
forbidden in; "are not to be stored ..., except under the following circumstances:" over points that grant their own
leave; a permission's points that are its warrants ("Pursuant to duly issued search warrant ...; or Upon the consent
...") after a dash; "may, pursuant to an application ..., approve ... where—" over its cases; and "This inspection
need not be an inventory, but must be sufficient ...", cut to its second clause. One behaviour each."""

from __future__ import annotations

from pathlib import Path

from dutyrows import duty_rows as _duties

from compgraph.legal.readers import read_document

_USLM = ('<?xml version="1.0" encoding="UTF-8"?>\n'
         '<cfrDoc xmlns="http://schemas.gpo.gov/xml/uslm">\n{}\n</cfrDoc>\n')


def test_a_uslm_section_cites_its_duties_by_its_signed_number_and_runs_in_paragraph_catchlines(tmp_path: Path) -> None:
    page = tmp_path / "cfr-uslm.xml"
    page.write_text(_USLM.format(
        '<section identifier="/us/cfr/t27/s646.146"><num value="646.146">§ 646.146</num>'
        '<heading>General requirements.</heading>'
        '<content>Each distributor of cigarettes shall keep copies of commercial records.</content></section>'
        '<section identifier="/us/cfr/t27/s646.150"><num value="646.150">§ 646.150</num>'
        '<heading>Retention of records.</heading>'
        '<paragraph><num value="a">(a) </num><heading>General.</heading>'
        '<content> Each distributor of cigarettes shall retain the records for three years.</content></paragraph>'
        '<paragraph><num value="b">(b) </num><heading>Application requirements.</heading>'
        '<content> Each distributor shall submit a written application to the appropriate ATF officer.</content>'
        '</paragraph></section>'), encoding="utf-8")
    assert [(ref, modality) for ref, modality, _ in _duties(read_document(page))] == [
        # the run-in catchline is the paragraph's first "sentence", as RegML's are
        ("646.146", "mandatory"), ("646.150(a), sentence 2", "mandatory"), ("646.150(b), sentence 2", "mandatory")]


def test_a_passive_to_be_duty_with_an_adverb_or_of_binds() -> None:
    text = ("§ 555.215 Housekeeping.\n\nFloors are to be regularly swept. Tools used for opening containers are to be "
            "of nonsparking materials.\n")
    assert [(ref, modality) for ref, modality, _ in _duties(text)] == [
        ("555.215", "mandatory"), ("555.215, sentence 2", "mandatory")]


def test_not_permitted_over_a_list_of_places_forbids_each() -> None:
    text = ("§ 555.212 Smoking and open flames.\n\nSmoking, matches, open flames, and spark producing devices are not "
            "permitted:\n\n(a) In any magazine;\n\n(b) Within 50 feet of any outdoor magazine; or\n\n"
            "(c) Within any room containing an indoor magazine.\n")
    assert [(ref, modality) for ref, modality, _ in _duties(text)] == [
        ("555.212(a)", "prohibition"), ("555.212(b)", "prohibition"), ("555.212(c)", "prohibition")]


def test_a_passive_prohibition_except_under_the_following_circumstances_keeps_its_points_own_leave() -> None:
    text = ("§ 555.213 Quantity and storage restrictions.\n\n(b) Detonators are not to be stored in the same magazine "
            "with other explosive materials, except under the following circumstances:\n\n"
            "(1) In a type 4 magazine, detonators may be stored with electric squibs.\n\n"
            "(2) In a type 1 magazine, detonators may be stored with delay devices.\n")
    assert [(ref, modality) for ref, modality, _ in _duties(text)] == [
        ("555.213(b)", "prohibition"), ("555.213(b)(1)", "permission"), ("555.213(b)(2)", "permission")]


def test_a_permission_over_the_warrants_it_rests_on_is_one_row() -> None:
    text = ("§ 646.153 Authority.\n\nAny appropriate ATF officer may enter the business premises of any distributor "
            "to inspect the records required by § 646.146—\n\n(a) Pursuant to duly issued search warrant or an "
            "administrative inspection warrant; or\n\n(b) Upon the consent of the distributor to enter his premises.\n")
    assert [(ref, modality) for ref, modality, _ in _duties(text)] == [("646.153", "permission")]


def test_a_permission_after_an_aside_over_where_cases_is_one_row() -> None:
    text = ("§ 646.150 Retention of records.\n\n(b) The appropriate ATF officer may, pursuant to an application "
            "submitted by a distributor, approve a shorter retention period where—\n\n(1) The distributor is an "
            "agent of a tobacco products manufacturer;\n\n(2) The manufacturer will keep the required record; and\n\n"
            "(3) The approval will not unduly hinder the administration of this subpart.\n")
    assert [(ref, modality) for ref, modality, _ in _duties(text)] == [("646.150(b)", "permission")]


def test_what_a_duty_need_not_be_then_what_it_must_be_is_one_duty_read_whole() -> None:
    text = ("§ 555.204 Inspection of magazines.\n\nAny person storing explosive materials shall inspect his magazines "
            "at least every seven days. This inspection need not be an inventory, but must be sufficient to determine "
            "whether there has been unauthorized entry into the magazines.\n")
    assert _duties(text)[1] == (
        "555.204, sentence 2", "mandatory", "This inspection need not be an inventory, but must be sufficient to "
        "determine whether there has been unauthorized entry into the magazines.")
