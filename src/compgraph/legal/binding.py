"""Which AI systems an obligation binds, and how to cite it: the rules of the gap report.

An obligation binds a system when all three hold:

- role: the obligation's addressee is the system's (or its organisation's) role, or an internal role that
  every organisation has (organisation, employee, committee, management), or none is recorded; a data
  protection role (controller, processor) binds an organisation that has recorded neither, since its roles
  towards AI systems say nothing of its role towards personal data, and a data subject's right binds none;
- risk: the obligation is scoped to no risk level, or to the system's;
- Annex III area: the obligation names no Annex III point, or names the system's area's point ("deployers of
  high-risk AI systems referred to in points 5 (b) and (c) of Annex III"), and does not except it ("with the
  exception of ... point 2 of Annex III"). "referred to in Annex III" alone asks for any Annex III area.

``citation`` turns an obligation id back into the reference a lawyer cites ("EUAI-26-6-s2" in section "26"
-> "26(6), sentence 2").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["DATA_PROTECTION_ROLES", "INTERNAL_ROLES", "AnnexScope", "annex_scope", "binds", "citation"]

INTERNAL_ROLES = frozenset({"organisation", "employee", "committee", "management"})
DATA_PROTECTION_ROLES = frozenset({"controller", "processor"})
_POINTS = re.compile(r"\bpoints?\s+((?:\d+\s*(?:\([a-z]\))?(?:\s*(?:,|and|or)\s*(?:\([a-z]\)|\d+))*\s*)+)"
                     r"(?:of\s+|in\s+)Annex\s+III\b", re.I)
_EXCEPT = re.compile(r"(?:exception of|other than|except(?:ing)?|excluding)\b[^.;]{0,120}$", re.I)


@dataclass(frozen=True)
class AnnexScope:
    """The Annex III points an obligation is limited to (``only``) or excepts (``excluded``)."""

    only: frozenset[int] = frozenset()
    excluded: frozenset[int] = frozenset()
    any_area: bool = False  # "referred to in Annex III" with no point


def annex_scope(text: str) -> AnnexScope:
    only: set[int] = set()
    excluded: set[int] = set()
    for m in _POINTS.finditer(text):
        numbers = {int(n) for n in re.findall(r"(?<!\()\b(\d+)\b", m.group(1))}
        (excluded if _EXCEPT.search(text[max(0, m.start() - 160) : m.start()]) else only).update(numbers)
    any_area = not only and bool(re.search(r"\b(?:referred to|listed) in Annex III\b", text))
    return AnnexScope(frozenset(only), frozenset(excluded), any_area)


def binds(*, addressee: str | None, risk: str | None, scope: AnnexScope, system_roles: set[str],
          system_risk: str | None, system_area: int | None) -> bool:
    """Whether an obligation (addressee, risk, Annex III scope) binds a system (roles, risk, area point)."""
    if addressee == "data-subject":
        return False
    if addressee and addressee not in INTERNAL_ROLES and system_roles and addressee not in system_roles \
            and not (addressee in DATA_PROTECTION_ROLES and not system_roles & DATA_PROTECTION_ROLES):
        return False
    if risk is not None and risk != system_risk:
        return False
    if system_area is not None and system_area in scope.excluded:
        return False
    if scope.only:
        return system_area in scope.only
    return not scope.any_area or system_area is not None


def citation(obligation_id: str, section: str | None) -> str:
    """The provision an id names: article or section, then paragraph, point and sentence."""
    if not section:
        return ""
    marker = f"-{section}"
    at = obligation_id.find(marker + "-")
    if at < 0:
        return section if obligation_id.endswith(marker) else ""
    parts = obligation_id[at + len(marker) + 1 :].split("-")
    if any(re.fullmatch(r"0\d+", p) for p in parts):
        return section  # a policy's running number ("COC-3-01"), not a paragraph
    path = [p for p in parts if not re.fullmatch(r"[sc]\d+", p)]
    sentence = next((p[1:] for p in parts if re.fullmatch(r"s\d+", p)), None)
    return section + "".join(f"({p})" for p in path) + (f", sentence {sentence}" if sentence else "")
