"""What each in-place write of a graph removed and added, kept beside the store for incremental validation.

The audit trail records a graph's content hash before and after each write, not the triples: after a graph was
replaced, its old content is gone, and a reader that kept only hashes cannot tell what changed. So a write that
works out its difference anyway (``writes.difference``) leaves it here, one file per write named by the graph and
the two hashes: ``DIR/cache/deltas/<graph>-<before>-<after>.nt``, its lines ``- <s> <p> <o> .`` and ``+ ...``.
A reader chains the files from the hash it last saw to the current one (``between``); a missing file (a crash
between write and file, a write of a batch or a bulk load, a difference too large to keep) only means the reader
falls back to what it did before. Files are written whole or not at all and the oldest are removed past ``KEEP``.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pyoxigraph as ox

from compgraph.graph import history

DIR = Path("cache") / "deltas"
GRAPH_LARGEST = 200_000  # triples; the old content of a larger graph is not read to keep its difference
LARGEST = 5_000  # quads removed plus added; a larger change is not kept
KEEP = 256  # files
STEPS = 32  # writes of one graph chained at most


def _part(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:20]


def _name(graph: str, before: str, after: str) -> str:
    # The content hashes are hex digests: their first 24 digits name them well enough.
    return f"{_part(graph)}-{before[:24]}-{after[:24]}.nt"


def content(db: ox.Store, graph: str) -> tuple[str, set[ox.Quad]] | None:
    """Before a write: the graph's hash as the trail last recorded it and its quads, or None (no such graph, none
    recorded, or too large to hold)."""
    recorded = history.last_recorded(db, graph)
    if recorded is None or recorded[0] > GRAPH_LARGEST or not db.contains_named_graph(ox.NamedNode(graph)):
        return None
    return recorded[1], set(db.quads_for_pattern(None, None, None, ox.NamedNode(graph)))


def after_write(root: Path, db: ox.Store, graph: str, before: str, old: set[ox.Quad]) -> None:
    """After a write of ``graph`` (``db``: the store as it is now): keep what it removed and added, unless a blank
    node is among them (the store may have given it a new label: a difference of labels, not of data)."""
    recorded = history.last_recorded(db, graph)
    if recorded is None or recorded[1] == before:
        return
    new = set(db.quads_for_pattern(None, None, None, ox.NamedNode(graph)))
    removed, added = [q for q in old if q not in new], [q for q in new if q not in old]
    blank_gone, blank_came = [q for q in removed if _blank(q)], [q for q in added if _blank(q)]
    if _shape(blank_gone) != _shape(blank_came):
        return  # a change among blank nodes, which a kept line could not name again
    # What is left of them is the store's new labels for the same blank nodes (a graph loaded again gets new
    # ones: the build's provenance activity), no change a query could match on anything but the label.
    keep(root, graph, before, recorded[1], [q for q in removed if not _blank(q)], [q for q in added if not _blank(q)])


def _blank(q: ox.Quad) -> bool:
    return isinstance(q.subject, ox.BlankNode) or isinstance(q.object, ox.BlankNode)


def _shape(quads: list[ox.Quad]) -> tuple[list[str], int]:
    """Quads with their blank nodes unnamed, and how many blank nodes: equal for a relabelling."""
    labels = {t for q in quads for t in (q.subject, q.object) if isinstance(t, ox.BlankNode)}

    def unnamed(t: object) -> str:
        return "_" if isinstance(t, ox.BlankNode) else str(t)

    return sorted(f"{unnamed(q.subject)} {q.predicate} {unnamed(q.object)}" for q in quads), len(labels)


def keep(root: Path, graph: str, before: str, after: str, removed: list[ox.Quad], added: list[ox.Quad]) -> None:
    """Keep one write's difference (best effort: a file that cannot be written is simply not there)."""
    if len(removed) + len(added) > LARGEST or before == after:
        return
    folder = root / DIR
    lines = [f"- {history.quad_line(q)} .\n" for q in removed] + [f"+ {history.quad_line(q)} .\n" for q in added]
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        path = folder / _name(graph, before, after)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text("".join(lines), encoding="utf-8")
        os.replace(tmp, path)
        files = sorted(folder.glob("*.nt"), key=lambda p: p.stat().st_mtime_ns)
        for old in files[:-KEEP]:
            old.unlink(missing_ok=True)
    except OSError:
        return


def between(root: Path, graph: str, before: str, after: str) -> tuple[list[ox.Triple], list[ox.Triple]] | None:
    """The triples ``graph`` lost and gained from the content hashed ``before`` to that hashed ``after`` (net of
    each other), or None if the kept files do not chain from one to the other."""
    folder = root / DIR
    removed: dict[ox.Triple, None] = {}
    added: dict[ox.Triple, None] = {}
    at = before[:24]
    for _ in range(STEPS):
        if at == after[:24]:
            return list(removed), list(added)
        found = sorted(folder.glob(f"{_part(graph)}-{at}-*.nt"))
        if len(found) != 1:  # none, or the graph came back to this content and went on differently: not followed
            return None
        step = _read(found[0])
        if step is None:
            return None
        gone, came, at = step
        for t in gone:
            if t in added:
                del added[t]
            else:
                removed[t] = None
        for t in came:
            if t in removed:
                del removed[t]
            else:
                added[t] = None
    if at != after[:24]:
        return None
    return list(removed), list(added)


def _read(path: Path) -> tuple[list[ox.Triple], list[ox.Triple], str] | None:
    """A file's (removed, added) and the hash part it leads to."""
    try:
        text = path.read_text(encoding="utf-8")
        gone, came = (
            [_triple(t) for t in ox.parse("".join(x[2:] + "\n" for x in text.splitlines() if x.startswith(sign)),
                                          format=ox.RdfFormat.N_TRIPLES)]
            for sign in ("- ", "+ ")
        )
    except (OSError, SyntaxError, ValueError):
        return None
    return gone, came, path.stem.split("-")[2]


def _triple(t: ox.Triple | ox.Quad) -> ox.Triple:
    return t if isinstance(t, ox.Triple) else t.triple
