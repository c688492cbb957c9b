"""The last incremental run's findings, kept beside the store so a run on unchanged data makes none afresh.

When no graph's hash moved since the last run (``incremental.graph_hashes``: the audit trail's record of every
write), the same date and the same plan, every query's rows are the last run's and so are the labels read for
them: the findings are the last run's. Making them again from 100k kept rows and naming 259k report triples was
4 s of a 4.6 s run at 1.1M triples that had nothing to do. So ``DIR/cache/findings.json`` keeps, under a key made
of exactly those three (plan digest, date, graph hashes), the findings before the evidence files' integrity is
checked (files change outside the store, so that is checked each run), a digest of the findings after it, and the
report graph's (count, hash) the trail recorded when this run's report was in it (None if the run did not save).

Trusted only if its key is the current one; the report is then made only when asked for (``--format turtle``,
or a save that cannot be skipped). The save is skipped when the trail's record of the report graph is still the
kept one and the findings after the integrity check are the kept ones: the report graph then already says exactly
this (its results are named by content; only its creation time would move, which ``reportpart`` never writes
alone). Both files are needed (the incremental state's hashes and this key), so a crash between their two atomic
writes leaves one that no longer matches the other: the next run makes everything afresh.
"""

from __future__ import annotations

import hashlib
import json
import operator
from dataclasses import fields
from pathlib import Path
from typing import Any

from compgraph.checks.report import Finding
from compgraph.graph import ondisk

FORMAT = "compgraph-findings-kept/1"
KEPT = Path("cache") / "findings.json"


def state_key(plan: str, as_of: str, hashes: dict[str, str]) -> str:
    """The state the findings were made from: the plan, the date and every graph's hash."""
    return hashlib.sha256(json.dumps([plan, as_of, sorted(hashes.items())]).encode()).hexdigest()


# A Finding's fields in order (dataclasses.astuple deep-copies each: 2.5 s for 32k findings).
_FIELDS = operator.attrgetter(*(f.name for f in fields(Finding)))


def findings_digest(findings: list[Finding]) -> str:
    return hashlib.sha256(json.dumps([_FIELDS(f) for f in findings]).encode()).hexdigest()


def keep(root: Path, key: str, conforms: bool, before: list[Finding], after: list[Finding],
         saved: tuple[int, str] | None) -> None:
    doc = {"format": FORMAT, "key": key, "conforms": conforms, "findings": [_FIELDS(f) for f in before],
           "after": findings_digest(after), "saved": list(saved) if saved else None}
    ondisk.keep_json(root / KEPT, doc)


def load(root: Path, key: str) -> dict[str, Any] | None:
    """The kept findings if they were made from the state ``key`` names, else None."""
    doc = ondisk.kept_json(root / KEPT, FORMAT, {"conforms": bool, "after": str})
    if doc is None or doc.get("key") != key:
        return None
    saved = doc.get("saved")
    if not (saved is None or (isinstance(saved, list) and len(saved) == 2)):
        return None  # not a file this module wrote: made afresh
    try:
        doc["findings"] = [Finding(*row) for row in doc["findings"]]
    except (TypeError, KeyError):
        return None
    return doc


def save_needed(kept: dict[str, Any], after: list[Finding], recorded: tuple[int, str] | None) -> bool:
    """Whether the report graph may differ from this run's report (see the module's doc)."""
    saved = kept.get("saved")
    return saved is None or tuple(saved) != recorded or kept.get("after") != findings_digest(after)
