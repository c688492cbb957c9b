"""The failure classes the first runs on two never-seen Washington code chapters showed (2026-12-06, twenty-ninth
session, round 33b): RCW 19.375 (biometric identifiers) and RCW 43.386.020-.060 (facial recognition), both as
wa-law.org's AsciiDoc, whose subsections, paragraphs and subparagraphs are ordered-list items numbered only by the
list (``. ``, ``.. ``, ``... ``).

Read as plain text no item had a label, so no lead-in reached its points and every duty was cited "whole text"; a
permission to retain "no longer than is reasonably necessary to:" its purposes was read as a permission per purpose;
and "This chapter may be enforced solely by the attorney general" as a permission. One behaviour each."""

from __future__ import annotations

from pathlib import Path

from dutyrows import duty_rows as _duties

from compgraph.legal.corpus import labelled_texts
from compgraph.legal.readers import read_document

_CHAPTER = "= 19.375 - Biometric identifiers.\n:toc:\n\n"


def _read_adoc(tmp_path: Path, body: str) -> str:
    page = tmp_path / "chapter-adoc.txt"
    page.write_text(_CHAPTER + body, encoding="utf-8")
    return read_document(page)


def test_asciidoc_list_items_are_numbered_by_their_depth_and_lead_ins_reach_their_points(tmp_path: Path) -> None:
    text = _read_adoc(tmp_path, "== 19.375.010 - Definitions.\n. \"Capture\" means collecting.\n\n"
                                "== 19.375.020 - Enrollment.\n. A person may not enroll a biometric identifier.\n\n"
                                ". A person who knowingly possesses a biometric identifier:\n\n"
                                ".. Must take reasonable care to guard against unauthorized access; and\n\n"
                                ".. Must destroy it.\n")
    assert [(ref, modality) for ref, modality, _ in _duties(text)] == [
        ("19.375.020(1)", "prohibition"), ("19.375.020(2)(a)", "mandatory"), ("19.375.020(2)(b)", "mandatory")]
    assert "knowingly possesses" in _duties(text)[1][2]


def test_an_empty_asciidoc_item_runs_into_its_first_childs_line(tmp_path: Path) -> None:
    text = _read_adoc(tmp_path, "== 43.386.020 - Accountability report.\n. A state agency must file a notice.\n\n"
                                ". [Empty]\n.. A state agency must produce an accountability report.\n\n"
                                ".. The agency must post it.\n")
    assert [ref for ref, _, _ in _duties(text)] == ["43.386.020(1)", "43.386.020(2)(a)", "43.386.020(2)(b)"]


def test_a_paragraph_between_asciidoc_lists_counts_the_next_list_from_one(tmp_path: Path) -> None:
    text = _read_adoc(tmp_path, "== 43.386.050 - Testing.\n. The agency must test the service.\n\n"
                                ". The provider must mitigate.\n\n"
                                "[ http://lawfilesext.leg.wa.gov/x.pdf?cite=2020[2020 c 257 § 6]; ]\n\n"
                                "== 43.386.060 - Training.\nAn agency must conduct periodic training. The training "
                                "must include coverage of:\n\n. The capabilities of the service;\n\n. Procedures to "
                                "act.\n")
    assert [ref for ref, _, _ in _duties(text)] == ["43.386.050(1)", "43.386.050(2)", "43.386.060",
                                                    "43.386.060(1)", "43.386.060(2)"]
    assert "[ 2020 c 257 § 6; ]" in text and "http" not in text


def test_a_permission_to_retain_no_longer_than_necessary_to_its_purposes_is_one_row() -> None:
    text = ("19.375.020 - Enrollment.\n\n4. A person who knowingly possesses a biometric identifier:\n\n"
            "  (b) May retain the biometric identifier no longer than is reasonably necessary to:\n\n"
            "    (i) Comply with a court order;\n\n    (ii) Protect against fraud; and\n\n"
            "    (iii) Provide the services.\n")
    assert [(ref, modality) for ref, modality, _ in _duties(text)] == [("19.375.020(4)(b)", "permission")]


def test_a_chapter_enforced_solely_by_the_attorney_general_is_no_duty() -> None:
    text = ("19.375.030 - Application of consumer protection act.\n\n2. This chapter may be enforced solely by the "
            "attorney general under the consumer protection act, chapter 19.86 RCW.\n")
    assert _duties(text) == []


def test_an_adoc_file_is_imported_as_the_asciidoc_it_is(tmp_path: Path) -> None:
    body = ("== 43.386.020 - Accountability report.\n. A state agency must file a notice.\n\n"
            ". The agency must post it.\n")
    as_text = _read_adoc(tmp_path, body)
    page = tmp_path / "chapter.adoc"
    page.write_text(_CHAPTER + body, encoding="utf-8")
    assert read_document(page) == as_text
    assert [ref for ref, _, _ in _duties(as_text)] == ["43.386.020(1)", "43.386.020(2)"]


def test_an_adoc_text_with_labels_beside_it_is_part_of_a_corpus(tmp_path: Path) -> None:
    (tmp_path / "chapter.adoc").write_text(_CHAPTER + "== 43.386.020 - Report.\n. An agency must report.\n",
                                           encoding="utf-8")
    (tmp_path / "chapter.truth.tsv").write_text("id\tref\tmodality\ttext\nr1\t43.386.020(1)\tmandatory\treport\n",
                                                encoding="utf-8")
    assert labelled_texts(tmp_path) == [tmp_path / "chapter.adoc"]
