"""Rule-based obligation extraction, and the catalog it produces.

Turns a document's text into the obligation catalog structure of ``docs/design.md``: sections, and one
obligation per duty-bearing sentence or list item, with modality, topic, addressee and (where the text scopes
it) a risk level.

The extractor is deliberately rule-based and explainable: document structure (headings, bullets, lead-in
sentences ending in ``:``, from ``structure``) decides granularity, and the rules of ``duties`` decide
modality, topic and addressee. It knows nothing about any particular document; the hand-verified catalogs
under ``mappings/obligations`` are its gold standard (``evaluate``).

Every extracted ``text`` is a verbatim span of the input (only whitespace differs once collapsed), so a
catalog entry can always be traced back to its source line. ``clean_text`` is used for matching topics,
never for the stored text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from compgraph.legal.duties import (
    IMPERATIVE,
    POLICY_ROLES,
    WE_PRESENT,
    detect_addressee,
    detect_modality,
    detect_topic,
    risk_level,
    subject_area,
)
from compgraph.legal.structure import Block, Section, split_sections
from compgraph.legal.text import clean_text

__all__ = ["ExtractedObligation", "addressee_roles", "catalog_from_text", "extract_obligations", "statute_duty_topic",
           "write_catalog"]


@dataclass
class ExtractedObligation:
    id: str
    section: str
    section_title: str
    line: int
    text: str
    modality: str
    topic: str
    addressee: str | None = None
    applies_to_risk: str | None = None
    start: int = 0  # offsets into the input, for tooling
    end: int = 0
    ref: str | None = None  # a statute's citation: "9(2)(a)", "13-77-103(2)(a)"
    article: str | None = None
    paragraph: str | None = None
    point: str | None = None
    subpoint: str | None = None


_ABBREVIATIONS = ("e.g.", "i.e.", "etc.", "Ltd.", "Inc.", "No.", "vs.", "cf.", "Art.", "para.")


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split text[start:end] into sentence spans (offsets into text)."""
    spans: list[tuple[int, int]] = []
    s = start
    for m in re.finditer(r"(?<=[.!?])[\"”’)]?(?=\s+[\"“(\[]?[A-Z])", text[start:end]):
        cut = start + m.end()
        piece = text[s:cut]
        if any(piece.rstrip().endswith(a) for a in _ABBREVIATIONS):
            continue
        spans.append((s, cut))
        s = cut
    spans.append((s, end))
    out = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        # Word-processor bookmark debris ("[bookmark: _Hlk1]") is not part of the statement.
        m = re.match(r"\[(?:bookmark|_Hlk)[^\]]*\]", text[a:b])
        if m:
            a += m.end()
        if b > a:
            out.append((a, b))
    return out


def _infer_kind(text: str) -> str:
    lowered = text.lower()
    we = len(re.findall(r"\b(?:we|our)\b", lowered))
    if we >= 15 or re.search(r"\bpolicy\b", lowered[:2000]) and we >= 5:
        return "policy"
    if re.search(r"\bcode of conduct\b", lowered):
        return "code-of-conduct"
    return "regulation"


def addressee_roles() -> frozenset[str]:
    """Every addressee slug the extractor can write (each must be a role concept of the ontology)."""
    from compgraph.legal.clauses import STATUTE_ROLES

    return frozenset({*STATUTE_ROLES, *POLICY_ROLES, "organisation", "deployer", "provider"})


def _default_addressee(text: str, kind: str) -> str:
    lowered = text.lower()
    if kind == "policy":
        return "organisation"
    deployers = lowered.count("deployer")
    providers = lowered.count("provider")
    if deployers or providers:
        return "deployer" if deployers >= providers else "provider"
    return "organisation"


@dataclass
class _Unit:
    block: Block
    start: int
    end: int
    modality: str
    subject: str


def _line_breaks(source: str) -> list[int]:
    """Where each line break is, so a position's line is a binary search (counting from the text's start for
    each duty made a long policy quadratic)."""
    return [m.start() for m in re.finditer("\n", source)]


def extract_obligations(text: str, prefix: str, kind: str | None = None) -> list[ExtractedObligation]:
    """Extract duty-bearing statements from ``text`` with rules over modal verbs and document structure.

    ``kind`` (policy / code-of-conduct / regulation) changes two rules: in a policy, imperatives and
    first-person present-tense statements ("We design ...") are duties.  It is inferred when omitted.
    """
    kind = kind or _infer_kind(text)
    if kind == "regulation":
        return _statute_obligations(text, prefix)
    default_addressee = _default_addressee(text, kind)
    results: list[ExtractedObligation] = []
    breaks = _line_breaks(text)
    for section in split_sections(text):
        if not section.normative:
            continue
        units = _section_units(text, section, kind)
        for seq, unit in enumerate(units, start=1):
            span = text[unit.start : unit.end]
            label = unit.block.label
            addressee = detect_addressee(unit.subject) or default_addressee
            results.append(
                ExtractedObligation(
                    id=f"{prefix}-{section.id}-{seq:02d}",
                    section=section.id,
                    section_title=section.title,
                    line=bisect.bisect_left(breaks, unit.start) + 1,
                    text=" ".join(span.split()),
                    modality=unit.modality,
                    topic=detect_topic(label, clean_text(span), section.title),
                    addressee=addressee,
                    applies_to_risk=risk_level(span),
                    start=unit.start,
                    end=unit.end,
                )
            )
    return results


def statute_duty_topic(own_text: str, text: str, section_title: str) -> str:
    """A statute duty's topic as the import labels it: the clause's or its article's (``statute_topic``), else
    the policy rules on the article title and the main clause. ``rank_gold`` reads gold duties with it too."""
    from compgraph.legal.clauses import main_clause, statute_topic, strip_risk_class

    return statute_topic(own_text, section_title) or detect_topic(
        strip_risk_class(section_title), main_clause(strip_risk_class(clean_text(text))), "")


def _statute_obligations(text: str, prefix: str) -> list[ExtractedObligation]:
    """A statute's duties, identified by article, paragraph and point (``provisions``)."""
    from compgraph.legal.provisions import statute_duties
    from compgraph.legal.statute import repair_typography

    text = repair_typography(text)
    results = []
    for duty in statute_duties(text):
        path = list(duty.path) + [None] * 3
        scope = f"{duty.section_title} {duty.text}"
        results.append(ExtractedObligation(
            id=f"{prefix}-{duty.id_path.lstrip('-')}".rstrip("-"),
            section=duty.section,
            section_title=duty.section_title,
            line=duty.line,
            text=duty.text,
            modality=duty.modality,
            topic=statute_duty_topic(duty.own_text, duty.text, duty.section_title),
            addressee=duty.addressee or "organisation",
            applies_to_risk="high" if re.search(r"(?<!not )\bhigh-risk\b", scope, re.I) else risk_level(duty.text),
            start=duty.start,
            end=duty.start + len(duty.text),
            ref=duty.ref,
            article=duty.section if duty.section != "main" else None,
            paragraph=path[0],
            point=path[1],
            subpoint="-".join(duty.path[2:]) or None,
        ))
    return results


_RESPONSIBILITY_SECTION = re.compile(r"\b(roles?|responsibilit(?:y|ies))\b", re.I)


def _section_units(text: str, section: Section, kind: str) -> list[_Unit]:
    """The duty-bearing statements of one section, each with its modality and subject phrase.

    Long because a list's lead-in ("Deployers shall:") hands its modality and subject down
    to the items under it, and that state (``top``, ``nested``, ``example_next``) lives across blocks.
    """
    units: list[_Unit] = []
    blocks = section.blocks
    # Lead-in state: (modality or None, subject) of the paragraph or bullet that ends in ":".
    top: tuple[str | None, str] | None = None
    nested: tuple[str | None, str, int] | None = None  # plus the level of the bullet that opened it
    example_next = False
    responsibilities = bool(_RESPONSIBILITY_SECTION.search(section.title))

    for idx, block in enumerate(blocks):
        content_start = block.label_end if block.label_end is not None else block.start
        raw = text[block.start : block.end]
        if example_next:
            example_next = False
            continue
        if re.fullmatch(r"\s*\[[^\]]*\]\s*", raw, re.S):
            continue  # template placeholder
        nxt = blocks[idx + 1] if idx + 1 < len(blocks) else None
        ends_colon = bool(re.search(r":\**\s*$", raw))
        if block.kind == "paragraph" and re.match(r"(?i)(?:example|sample)\b[^\n]*:\s*(?:\n|$)", raw):
            # Sample wording ("Example Transparency Statement:") illustrates, it does not bind.
            example_next = ends_colon and "\n" not in raw.strip()
            continue

        is_item = block.kind in ("bullet", "numbered")
        sentences = _sentences(text, content_start, block.end)
        if not sentences:
            # A bullet that is only a label ("3. Review Requirements:") can still open a sub-list.
            sentences = [(block.start, block.end)]
        analysed = [(a, b, *detect_modality(text[a:b], kind)) for a, b in sentences]

        # Work out whether this block sits in a list and what it inherits.
        inherited: tuple[str | None, str] | None = None
        if is_item:
            if nested is not None and (
                block.level > nested[2]
                or (block.label is None and not any(e for *_, e in analysed) and block.level == nested[2])
            ):
                inherited = (nested[0], nested[1])
            else:
                nested = None
                inherited = top
        else:
            top = None
            nested = None

        opens_list = ends_colon and nxt is not None and nxt.kind in ("bullet", "numbered") and (
            not is_item or nxt.level > block.level or (nxt.label is None and block.label is not None)
        )
        if opens_list:
            last_a, last_b, lead_mod, _ = analysed[-1]
            subject = subject_area(text[last_a:last_b])
            if block.label is not None and block.label_end is not None and not text[block.label_end:block.end].strip():
                # A bare label ("3. Review Requirements:") has no verb; only its wording can carry a duty.
                lead_mod = "mandatory" if re.search(r"(?i)\brequire", block.label) else None
                subject = ""
            if lead_mod is None and inherited is not None:
                lead_mod, subject = inherited[0], inherited[1] + " " + subject
            if not lead_mod and re.search(r"\bthe following (?:procedures|processes|steps|commitments|measures|"
                                          r"requirements|rules)\b", text[last_a:last_b], re.I):
                lead_mod = "mandatory" if kind != "policy" else "commitment"
            if is_item:
                nested = (lead_mod, subject, block.level)
            else:
                top = (lead_mod, subject)
            analysed = analysed[:-1]

        own = [(a, b, m, e) for a, b, m, e in analysed if m]
        explicit = [x for x in own if x[3]]
        if is_item and inherited is not None and inherited[0] and not explicit:
            we_statements = [x for x in own if WE_PRESENT.match(" ".join(text[x[0]:x[1]].split()))]
            if we_statements and not opens_list:
                for a, b, _m, _e in we_statements:
                    # Fall back to the lead-in subject when the statement names no role.
                    subject = subject_area(text[a:b])
                    if IMPERATIVE.match(" ".join(text[a:b].split())) or not detect_addressee(subject):
                        subject = inherited[1]
                    units.append(_Unit(block, a, b, inherited[0], subject))
            elif not opens_list:
                start = block.start
                units.append(_Unit(block, start, block.end, inherited[0], _item_subject(text, block, inherited[1])))
            continue
        if is_item and not own and responsibilities and not opens_list and block.label:
            units.append(_Unit(block, block.start, block.end, "mandatory", _item_subject(text, block, "")))
            continue
        for a, b, m, _e in own:
            subject = subject_area(text[a:b])
            if is_item and inherited is not None and not detect_addressee(subject):
                subject += " " + inherited[1]
            units.append(_Unit(block, a, b, m, subject))
    return units


def _item_subject(text: str, block: Block, lead_subject: str) -> str:
    """Who an item without its own subject binds: a role opening the item, a "by <role>" agent, the label
    in a roles section, else the lead-in's subject."""
    content = " ".join(text[block.label_end or block.start : block.end].split())
    m = re.match(r"^(?:\w+ ){0,2}?(?:ai ethics committee|committee|ai office|product managers?|employees|"
                 r"engineering leads?|department heads?|ceo|leadership)\b", content, re.I)
    if m:
        return m.group(0)
    m = re.search(r"\bby (?:the |at least one |an? )?((?:\w+ ){0,3}?(?:head|committee(?: member)?|office|"
                  r"team|manager|officer))\b", content, re.I)
    if m:
        return m.group(1)
    if block.label and _RESPONSIBILITY_SECTION.search(block.label) is None and detect_addressee(block.label):
        role = detect_addressee(block.label)
        if role in ("committee", "management") or lead_subject == "":
            return block.label
    return lead_subject


def catalog_from_text(text: str, doc_meta: dict[str, Any]) -> dict[str, Any]:
    """Build the design.md catalog structure (document, sections, obligations) for one document.

    ``doc_meta`` supplies the ``document`` block and must contain ``prefix``; ``kind`` (policy,
    code-of-conduct, regulation) is passed to the extractor when given.
    """
    if "prefix" not in doc_meta:
        raise ValueError("doc_meta needs a 'prefix' for obligation ids")
    kind = doc_meta.get("kind") or _infer_kind(text)
    obligations = extract_obligations(text, doc_meta["prefix"], kind=kind)
    if kind == "regulation":
        from compgraph.legal.chapters import chapter_sections
        from compgraph.legal.statute import parse_provisions, repair_typography

        repaired = repair_typography(text)
        provisions = parse_provisions(repaired)
        chapter_sections(provisions, repaired.split("\n"))
        titles = {p.section: p.section_title for p in provisions}
        titles.update((o.section, o.section_title) for o in obligations if o.section not in titles)
        sections = [{"id": sid, "title": _section_title(sid, title)} for sid, title in titles.items()]
    else:
        sections = [{"id": s.id, "title": s.title} for s in split_sections(text)]
    entries = []
    for ob in obligations:
        entry: dict[str, Any] = {
            "id": ob.id,
            "section": ob.section,
            "line": ob.line,
            "text": ob.text,
            "modality": ob.modality,
            "topic": ob.topic,
        }
        if ob.addressee:
            entry["addressee"] = ob.addressee
        if ob.applies_to_risk:
            entry["applies_to_risk"] = ob.applies_to_risk
        for name in ("ref", "article", "paragraph", "point", "subpoint"):
            if getattr(ob, name):
                entry[name] = getattr(ob, name)
        entries.append(entry)
    return {"document": dict(doc_meta), "sections": sections, "obligations": entries}


def _section_title(sid: str, title: str) -> str:
    if sid == "main":
        return title or "Whole document"
    number = sid if sid[:1].isdigit() or sid.startswith("Annex") else sid
    label = "Article" if re.fullmatch(r"\d+[a-z]?(?:\.\d+)?", number) else "Section"
    return f"{label} {number}" + (f" {title}" if title else "")


def write_catalog(catalog: dict[str, Any], path: Path) -> None:
    """Write a catalog as YAML in design.md field order, keeping non-ASCII text readable."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        yaml.safe_dump(catalog, fh, sort_keys=False, allow_unicode=True, width=1000, default_flow_style=False)
