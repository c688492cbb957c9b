"""The failure classes the first runs on two never-seen texts showed (2026-12-07, thirty-third session, round 40a):
the Batteries Regulation (EU) 2023/1542's Articles 38, 40 and 42 as a dataset's per-article text written out as flat
paragraphs (it met every target on its first run), and the Data Governance Act (EU) 2022/868's Articles 11, 12, 20 and
21 as the EUR-Lex OJ page's markup.

Under a lead-in that makes its points "the following conditions" a thing "shall be subject to", a point's own "may"
was read as the lead-in's "shall", and the party each point names was not taken as its addressee; a point written as
a full clause kept ", and the data intermediation services provider shall further ensure ..." inside its first duty;
and "The notification ... shall entitle the ... provider to provide ..." (what a notification does in law) was a duty.
One behaviour each."""

from __future__ import annotations

from dutyrows import duty_rows as _duties

from compgraph.legal.extract import extract_obligations

_CONDITIONS = ("Article 12\nConditions for providing the services\n\nThe provision of the services referred to in "
               "Article 10 shall be subject to the following conditions:\n"
               "(a) the service provider shall keep a log record of its activity;\n"
               "(b) the services may include offering additional tools to data holders for the purpose of "
               "facilitating the exchange of data;\n"
               "(c) the commercial terms shall not depend on whether the data holder uses other services.\n")


def test_points_of_conditions_a_thing_is_subject_to_keep_their_own_modal_verb() -> None:
    assert [(ref, modality) for ref, modality, _ in _duties(_CONDITIONS)] == [
        ("12(a)", "mandatory"), ("12(b)", "permission"), ("12(c)", "prohibition")]


def test_points_of_conditions_a_thing_is_subject_to_bind_the_party_each_names() -> None:
    text = _CONDITIONS + "\nArticle 13\nUsers\n\nData users shall keep the data secure.\n"
    rows = [o for o in extract_obligations(text, "X", "regulation") if o.text.endswith("log record of its activity;")]
    assert [o.addressee for o in rows] == ["provider"]


def test_a_point_written_as_a_clause_parts_at_and_a_party_of_its_own_shall() -> None:
    text = ("Article 12\nConditions\n\nThe provision of the services shall be subject to the following conditions:\n"
            "(l) the service provider shall take necessary measures to ensure the security of non-personal data, and "
            "the service provider shall further ensure the highest level of security for competitively sensitive "
            "information;\n(o) the service provider shall keep a log record of its activity.\n")
    rows = _duties(text)
    assert [ref for ref, _, _ in rows] == ["12(l)", "12(l)", "12(o)"]
    assert "highest level" not in rows[0][2]
    assert rows[1][2].endswith("and the service provider shall further ensure the highest level of security for "
                               "competitively sensitive information;")


def test_a_notification_that_entitles_its_maker_binds_no_one() -> None:
    text = ("Article 11\nNotification\n\n4. After having submitted a notification, the service provider may start "
            "the activity.\n\n5. The notification referred to in paragraph 1 shall entitle the service provider to "
            "provide the services in all Member States.\n")
    assert [(ref, modality) for ref, modality, _ in _duties(text)] == [("11(4)", "permission")]
