"""The benchmark's figures as one JSON document, and the Markdown table made from it.

``compgraph bench --json FILE`` writes the document; ``compgraph bench --markdown FILE`` renders a saved one
without measuring anything, so the README's table is generated from figures on disk, never typed in. Every
figure a run produced is in the document: per size, the triples and findings, and per step compgraph's
seconds and each baseline's (a number, or a string saying why there is none: ``>300s``, ``error: ...``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

FORMAT = "compgraph-bench/1"
BASELINE = "rdflib + pySHACL"
MEMORY = "peak memory (MB)"
_STEP_PREFIXES = ("question: ", "trace ", "page ", "incremental ")
_FIRST_STEPS = ["build / load", "open store", "validate"]


class BenchFileError(ValueError):
    """A saved benchmark document that cannot be read; the message names the file and the field."""


def step_names(per_size: list[dict[str, Any]]) -> list[str]:
    """The steps in table order: the fixed first ones, then every other step as the runs produced it."""
    names = list(_FIRST_STEPS)
    for r in per_size:
        for k in r["compgraph"]:
            if (k.startswith(_STEP_PREFIXES) or k.startswith("open store ")) and k not in names:
                names.append(k)
    return names + [MEMORY]


def _figure(v: Any) -> float | int | str | None:
    if v is None or isinstance(v, (str, int, float)):
        return v
    return str(v)


def document(results: list[Any], machine: str, shapes: str, command: str) -> dict[str, Any]:
    """The JSON document of a run (``results``: ``bench.SizeResult``)."""
    sizes = []
    for r in results:
        ours = {k: _figure(v) for k, v in r.ours.items() if isinstance(v, (int, float, str)) or v is None}
        baselines = {}
        if r.baseline is not None:
            baselines[BASELINE] = {
                k: _figure(v) for k, v in r.baseline.items() if isinstance(v, (int, float, str)) or v is None
            }
        baselines.update({name: dict(figures) for name, figures in r.extra.items()})
        per = {"compgraph": ours, "baselines": baselines}
        sizes.append(
            {
                "size": r.size,
                "triples": r.triples,
                "note": r.note,
                "findings": {
                    "compgraph": r.ours.get("findings"),
                    **{n: b.get("findings") for n, b in baselines.items()},
                },
                "peak_memory_mb": {
                    "compgraph": r.ours.get(MEMORY),
                    **{n: b.get(MEMORY) for n, b in baselines.items()},
                },
                "steps": [
                    {
                        "step": name,
                        "compgraph": ours.get(name),
                        "baselines": {n: b.get(name) for n, b in baselines.items() if name in b},
                    }
                    for name in step_names([per])
                ],
                "compgraph": ours,
                "baselines": baselines,
                "notes": [r.ours[k] for k in ("questions_note", "pages_note", "incremental_note") if k in r.ours]
                + [_check(n, b) for n, b in baselines.items() if "findings check" in b],
            }
        )
    return {"format": FORMAT, "machine": machine, "shapes": shapes, "command": command, "sizes": sizes}


def _check(name: str, figures: dict[str, Any]) -> str:
    version = f" {figures['version']}" if figures.get("version") else ""
    return f"{name}{version} findings: {figures['findings check']}"


def write(doc: dict[str, Any], path: Path) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(doc, indent=1, sort_keys=False) + "\n", encoding="utf-8")
    tmp.replace(path)  # a reader never sees half a document


def read(path: Path) -> dict[str, Any]:
    """A saved document, checked enough that rendering it cannot fail half-way."""
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise BenchFileError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BenchFileError(f"{path}: not a JSON document ({exc})") from exc
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise BenchFileError(f"{path}: field 'format' is not {FORMAT!r}: not a compgraph bench document")
    if not isinstance(doc.get("sizes"), list):
        raise BenchFileError(f"{path}: field 'sizes' is missing or not a list")
    for i, s in enumerate(doc["sizes"]):
        for name, kind in (("size", str), ("triples", int), ("steps", list), ("baselines", dict)):
            if not isinstance(s, dict) or not isinstance(s.get(name), kind):
                raise BenchFileError(f"{path}: field 'sizes[{i}].{name}' is missing or not a {kind.__name__}")
        for j, step in enumerate(s["steps"]):
            if not isinstance(step, dict) or not isinstance(step.get("step"), str):
                raise BenchFileError(f"{path}: field 'sizes[{i}].steps[{j}].step' is missing")
    return doc


def fmt(v: Any, unit: str = "s") -> str:
    if v is None:
        return "–"
    if isinstance(v, str):
        return v
    if unit == "MB":
        return f"{v:,.0f} MB"
    if v >= 10:
        return f"{v:,.1f} s"
    if v >= 1:
        return f"{v:.2f} s"
    return f"{v * 1000:.1f} ms"


def ratio(base: Any, ours: Any) -> str:
    if isinstance(base, (int, float)) and isinstance(ours, (int, float)) and ours > 0:
        return f"{base / ours:,.1f}×"
    return "–"


def markdown(doc: dict[str, Any]) -> str:
    """The table (one column group per size: compgraph, each baseline and its ratio) and its notes."""
    sizes = doc["sizes"]
    names = sorted({n for s in sizes for n in s["baselines"]}, key=lambda n: (n != BASELINE, n))
    lines = [f"Machine: {doc.get('machine', '?')}", ""]
    if doc.get("shapes"):
        lines += [f"Shapes: {doc['shapes']}", ""]
    groups = []
    for s in sizes:
        cols = ["compgraph"] + [f"{n} | ratio" for n in names]
        groups.append(f"{s['size']} ({s['triples']:,} triples): " + " | ".join(cols))
    lines.append("| step | " + " | ".join(groups) + " |")
    lines.append("|---|" + ("---:|" * (1 + 2 * len(names))) * len(sizes))
    order: list[str] = []
    for s in sizes:
        order += [st["step"] for st in s["steps"] if st["step"] not in order]
    for name in order:
        unit = "MB" if "MB" in name else "s"
        cells = []
        for s in sizes:
            missing: dict[str, Any] = {"compgraph": None, "baselines": {}}
            step: dict[str, Any] = next((st for st in s["steps"] if st["step"] == name), missing)
            ours = step.get("compgraph")
            cells.append(fmt(ours, unit))
            for n in names:
                base = (step.get("baselines") or {}).get(n)
                cells += [fmt(base, unit), ratio(base, ours)]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    lines.append("")
    for s in sizes:
        found = s.get("findings") or {}
        text = f"{found.get('compgraph', '?')} findings"
        # A baseline stopped by its time limit or failing has no count: "–", as in its column.
        others = [f"{n}: {'–' if found.get(n) is None else found[n]}" for n in names if n in s["baselines"]]
        if others:
            text += f" ({'; '.join(others)})"
        note = s.get("note") or ""
        lines.append(f"- {s['size']}: {s['triples']:,} triples, validation {text}" + (f"; {note}" if note else ""))
        lines += [f"  - {n}" for n in s.get("notes") or []]
    lines.append(
        "- ratio = baseline / compgraph (higher is better). rdflib + pySHACL: rdflib Graph parsing N-Triples, "
        "pySHACL with the same shapes, the same SPARQL questions/traces/pages over that Graph; reopening = "
        "parsing again. Questions, traces and pages: median of 3 warm runs; peak memory = maxrss of each process."
    )
    if any(n != BASELINE for n in names):
        lines.append(
            "- The other baselines validate only, each in a process of its own on the same data.nt (and the "
            "validation date node) with the same shapes: build / load = parsing them into the engine; validate = "
            "reading the shapes and validating (Jena's JVM start and compiling are not counted). Their findings "
            "are compared with compgraph's as multisets of (focus node, path, constraint component, source "
            "shape, value, severity, SPARQL message)."
        )
    if doc.get("command"):
        lines.append(f"- measured by: `{doc['command']}`")
    return "\n".join(lines) + "\n"
