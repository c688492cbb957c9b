"""The failure classes the first run on a 49th never-seen text showed: the Gramm-Leach-Bliley Act, Title V (a US
federal act's privacy title, its catchlines in capitals before an em dash). Its exceptions and rules of
construction ("shall not prohibit", "No provision ... shall be construed so as to prevent"), commencement and
sanctions ("This subtitle shall take effect", "shall be fined") were read as duties, points and all, and "It shall be
a violation of this subtitle ... to" was read as no duty at all. One behaviour each."""

from __future__ import annotations

import pytest
from dutyrows import duty_rows as _duties


@pytest.mark.parametrize(
    "text",
    [
        # an exception that lists the cases it excepts: neither it nor its points bind anyone
        "(e) GENERAL EXCEPTIONS.—Subsections (a) and (b) shall not prohibit the disclosure of nonpublic personal "
        "information—\n\n(1) as necessary to effect a transaction requested by the consumer; or\n\n"
        "(2) with the consent of the consumer.\n",
        # the whole sentence, as the act prints it: its condition's 'and enters into' is no duty of its own
        "(2) EXCEPTION.—This subsection shall not prevent a financial institution from providing nonpublic "
        "personal information to a nonaffiliated third party to perform services for or functions on behalf "
        "of the financial institution, including marketing of the financial institution's own products or "
        "services, or financial products or services offered pursuant to joint agreements between two or more "
        "financial institutions that comply with the requirements imposed by the regulations prescribed under "
        "section 504, if the financial institution fully discloses the providing of such information and "
        "enters into a contractual agreement with the third party that requires the third party to maintain "
        "the confidentiality of such information.\n\n",
        "(c) NONAPPLICABILITY.—No provision of this section shall be construed so as to prevent any action by a law "
        "enforcement agency to obtain customer information.\n",
        "This subtitle shall take effect 6 months after the date on which rules are required to be prescribed.\n",
        "(2) sections 504 and 506 shall be effective upon enactment.\n",
        "(a) IN GENERAL.—Whoever knowingly and intentionally violates section 521 shall be fined in accordance with "
        "title 18, or imprisoned for not more than 5 years, or both.\n",
        "(c) ABSENCE OF STATE ACTION.—If a State insurance authority fails to adopt regulations, such State shall not "
        "be eligible to override any Federal regulation.\n",
        "(d) DEFINITIONS.—The terms used in subsection (a)(1) shall have the same meaning as given in section 1(b) of "
        "the International Banking Act of 1978.\n",
    ],
    ids=[
        "shall-not-prohibit",
        "shall-not-prevent",
        "construed-so-as",
        "take-effect",
        "effective-upon",
        "fined",
        "not-eligible",
        "same-meaning",
    ],
)
def test_an_exception_commencement_sanction_or_definition_binds_no_one(text: str) -> None:
    assert _duties(text) == []


def test_what_is_a_violation_of_the_act_is_a_prohibition() -> None:
    text = (
        "(b) PROHIBITION ON SOLICITATION.—It shall be a violation of this subtitle to request a person to obtain "
        "customer information of a financial institution, knowing that the person will obtain the information "
        "under false pretenses.\n"
    )
    assert [(ref, modality) for ref, modality, _ in _duties(text)] == [("(b)", "prohibition")]


def test_a_party_that_shall_not_prevent_someone_is_still_forbidden_to() -> None:
    # Guard: only what a provision (a section, a subsection) does not prevent is an exception.
    text = "(1) A controller shall not prevent a data subject from exercising the right to erasure.\n"
    assert [(ref, modality) for ref, modality, _ in _duties(text)] == [("(1)", "prohibition")]
