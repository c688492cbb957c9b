"""The validation baselines beside pySHACL in ``compgraph bench``: pyrudof and Apache Jena's SHACL.

Each runs in a child process of its own on the files the ``ours`` child wrote into the work folder: the same
triples (``data.nt``), the validation date node the date rules read (``run.nt``) and the same shapes
(``shapes.ttl``). Each writes its SHACL validation report as N-Triples; the parent reads it with rdflib and
compares its results with compgraph's as multisets of what every report says of a result (``result_keys``),
so a baseline is never said to agree when it does not. A baseline that is not installed, fails or runs out
of time gets a column saying why (``not installed: ...``, ``error: ...``, ``>1800s``); the bench goes on.

* pyrudof (compiled Rust SHACL, ``pip install pyrudof``): a Python child that only imports pyrudof.
* Apache Jena SHACL (Java 17, Debian's ``libapache-jena-java``): ``ShaclBench.java`` beside this module, run
  by Java's single-file source launcher against the Jena jars. ``COMPGRAPH_JAVA`` names the java to run
  (default: ``java`` on PATH) and ``COMPGRAPH_JENA_LIB`` the folder of the jars (default ``/usr/share/java``).
"""

from __future__ import annotations

import json
import os
import re
import resource
import shutil
import subprocess
import sys
import threading
import time
import zipfile
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rdflib import Graph

# The column each baseline gets in the table and the JSON document.
NAMES = {"pyrudof": "pyrudof", "jena": "Apache Jena SHACL"}
LOAD_LIMIT_S = 3600
# As the pySHACL child's address space (bench.BASELINE_MEMORY_SHARE): a runaway baseline fails alone.
MEMORY_SHARE = 0.6
DEFAULT_JENA_LIB = Path("/usr/share/java")
# What Debian's libapache-jena-java 4.5.0 depends on (apt-cache depends), by the names its jars have in
# /usr/share/java; slf4j-nop keeps Jena's log quiet instead of picking one of the several bindings there.
JENA_DEPENDENCIES = [
    "commons-cli", "commons-codec", "commons-compress", "commons-csv", "commons-io", "commons-lang3",
    "dexx.collection", "gson", "guava", "httpclient", "httpcore", "jackson-annotations", "jackson-core",
    "jackson-databind", "jakarta.json-api", "jsonld-java", "protobuf", "slf4j-api", "slf4j-nop", "thrift",
    "titanium-json-ld",
]

Key = tuple[str | None, ...]


# --- what the reports say, and whether they agree ---------------------------------------------------


def _n3(term: Any) -> str | None:
    from rdflib import BNode

    return None if term is None or isinstance(term, BNode) else term.n3()


def result_keys(report: Graph) -> Counter[Key]:
    """Each top-level result of a SHACL validation report as (focus node, result path, constraint component,
    source shape, value, severity, message of a SPARQL constraint), blank nodes as None.

    That is what compgraph, pySHACL, pyrudof and Jena all report: a property shape is a blank node in the
    shapes, so its path and component say which it is; a SPARQL constraint's results differ by their
    value and message, which the engines all take from the query (compgraph also names the constraint,
    the others do not). Nested results (sh:detail) are reasons for a result, not results."""
    from rdflib.namespace import RDF, SH

    keys: Counter[Key] = Counter()
    for rep in report.subjects(RDF.type, SH.ValidationReport):
        for r in report.objects(rep, SH.result):
            component = report.value(r, SH.sourceConstraintComponent)
            message = report.value(r, SH.resultMessage) if component == SH.SPARQLConstraintComponent else None
            keys[
                (
                    _n3(report.value(r, SH.focusNode)),
                    _n3(report.value(r, SH.resultPath)),
                    _n3(component),
                    _n3(report.value(r, SH.sourceShape)),
                    _n3(report.value(r, SH.value)),
                    _n3(report.value(r, SH.resultSeverity)),
                    str(message) if message is not None else None,
                )
            ] += 1
    return keys


def save_keys(keys: Counter[Key], path: Path) -> None:
    path.write_text(json.dumps([[*k, n] for k, n in sorted(keys.items(), key=str)]), encoding="utf-8")


def load_keys(path: Path) -> Counter[Key]:
    return Counter({tuple(row[:-1]): row[-1] for row in json.loads(path.read_text(encoding="utf-8"))})


def _short(term: str | None) -> str:
    if term is None:
        return "a blank node"
    iri = term.strip("<>")
    return iri.rsplit("#", 1)[-1] if "#" in iri else iri.rsplit("/", 1)[-1]


def _by_rule(keys: Counter[Key]) -> str:
    groups: Counter[str] = Counter()
    for k, n in keys.items():
        groups[f"{_short(k[3])} {_short(k[2])}" + (f" on {_short(k[1])}" if k[1] else "")] += n
    return ", ".join(f"{rule}: {n}" for rule, n in groups.most_common(4)) + (", ..." if len(groups) > 4 else "")


def compare(ours: Counter[Key], theirs: Counter[Key], name: str) -> str:
    """``N (same as compgraph)``, or how the two differ: how many results only one of them has, by rule."""
    total = sum(theirs.values())
    if ours == theirs:
        return f"{total} (same as compgraph)"
    only_ours, only_theirs = ours - theirs, theirs - ours
    parts = [f"{total}, NOT the same as compgraph's {sum(ours.values())}"]
    if only_ours:
        parts.append(f"{sum(only_ours.values())} only in compgraph ({_by_rule(only_ours)})")
    if only_theirs:
        parts.append(f"{sum(only_theirs.values())} only in {name} ({_by_rule(only_theirs)})")
    return "; ".join(parts)


# --- how each baseline is started ----------------------------------------------------------------------


def _memory_cap() -> int:
    return int(MEMORY_SHARE * os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES"))


def _pyrudof_command(workdir: Path) -> tuple[list[str], str] | str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        v = version("pyrudof")
    except PackageNotFoundError:
        return "not installed: pyrudof (pip install pyrudof)"
    return [sys.executable, "-m", "compgraph.scale.baselines", "pyrudof", str(workdir)], v


def _java(java: str) -> str:
    try:
        proc = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):  # measure() says why when it cannot start it either
        return "Java ?"
    m = re.search(r'version "([^"]+)"', proc.stderr)
    return f"Java {m.group(1) if m else '?'}"


def _jar_version(jar: Path) -> str:
    try:
        with zipfile.ZipFile(jar) as z:
            props = z.read(f"META-INF/maven/org.apache.jena/{jar.stem}/pom.properties").decode()
    except (OSError, KeyError, zipfile.BadZipFile):
        return "?"
    m = re.search(r"^version=(.+)$", props, re.MULTILINE)
    return m.group(1).strip() if m else "?"


def _debian_xerces_messages(core: Path, scratch: Path) -> Path | None:
    """Debian's jena-core 4.5.0 moves Jena's copy of Xerces from org.apache.jena.ext.xerces to xerces but
    leaves its message bundles under the old name; without them Jena's XSD datatypes fail to initialise
    ("internal error" in XSSimpleTypeDecl). The bundles copied to where the moved classes look for them."""
    old = "org/apache/jena/ext/xerces/"
    with zipfile.ZipFile(core) as z:
        names = z.namelist()
        if "xerces/impl/dv/xs/XSSimpleTypeDecl.class" not in names or "xerces/impl/msg/XMLMessages.properties" in names:
            return None
        out = scratch / "jena-xerces-messages"
        for name in names:
            if name.startswith(old) and name.endswith(".properties"):
                target = out / "xerces" / name[len(old) :]
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(z.read(name))
    return out


def jena_classpath(lib: Path, scratch: Path) -> str:
    """The Jena jars in ``lib`` (versionless names, as Debian links them) and the libraries they need."""
    jars = sorted(p for p in lib.glob("jena-*.jar") if not re.search(r"-\d[\d.]*\.jar$", p.name))
    jars += [lib / f"{d}.jar" for d in JENA_DEPENDENCIES if (lib / f"{d}.jar").exists()]
    fix = _debian_xerces_messages(lib / "jena-core.jar", scratch) if (lib / "jena-core.jar").exists() else None
    return os.pathsep.join(str(p) for p in ([fix] if fix else []) + jars)


def _jena_command(workdir: Path) -> tuple[list[str], str] | str:
    java = os.environ.get("COMPGRAPH_JAVA") or shutil.which("java") or "java"
    lib = Path(os.environ.get("COMPGRAPH_JENA_LIB") or DEFAULT_JENA_LIB)
    if not (os.path.isfile(java) and os.access(java, os.X_OK)):
        return f"not installed: no java at {java} (Java 17: apt-get install openjdk-17-jdk-headless)"
    if not (lib / "jena-shacl.jar").is_file():
        return f"not installed: no jena-shacl.jar in {lib} (apt-get install libapache-jena-java)"
    heap = f"-Xmx{_memory_cap() // 2**20}m"
    source = Path(__file__).with_name("ShaclBench.java")
    cp = jena_classpath(lib, workdir)
    files = [str(workdir / f) for f in ("shapes.ttl", "report-jena.nt", "data.nt", "run.nt")]
    return [java, heap, "-cp", cp, str(source), *files], f"{_jar_version(lib / 'jena-shacl.jar')}, {_java(java)}"


COMMANDS = {"pyrudof": _pyrudof_command, "jena": _jena_command}


# --- running one -----------------------------------------------------------------------------------------


def measure(name: str, workdir: Path, validate_limit: int, load_limit: int = LOAD_LIMIT_S) -> dict[str, Any]:
    """Run baseline ``name`` on the work folder's files: its figures (seconds, or a string saying why there is
    none), peak memory, findings, and whether they are compgraph's (``findings check``).

    The child prints one JSON line after loading and one after validating, so a time limit is kept per step
    from here: a compiled engine cannot be interrupted from inside its own Python process."""
    workdir = workdir.resolve()  # the child runs in it
    started = COMMANDS[name](workdir)
    if isinstance(started, str):
        return {"build / load": started, "validate": started}
    cmd, version = started
    figures: dict[str, Any] = {"version": version}
    stopped: list[str] = []
    err_path = workdir / f"{name}.stderr"
    try:
        with err_path.open("wb") as err:
            proc = subprocess.Popen(
                cmd,
                stdout=subprocess.PIPE,
                stderr=err,
                text=True,
                cwd=workdir,
                preexec_fn=_cap_memory if name != "jena" else None,  # the JVM gets -Xmx instead
            )
    except OSError as exc:  # e.g. a java that is not an executable program
        why = f"error: cannot start {cmd[0]}: {exc.strerror or exc}"
        return {**figures, "build / load": why, "validate": why}

    def stop(step: str) -> None:
        stopped.append(step)
        proc.kill()

    assert proc.stdout is not None
    for step, limit in (("build / load", load_limit), ("validate", validate_limit)):
        timer = threading.Timer(limit, stop, (step,))
        timer.start()
        line = proc.stdout.readline()
        timer.cancel()
        if not line.startswith("{"):
            break
        figures.update(json.loads(line))
    proc.stdout.close()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    figures["peak memory (MB)"] = usage.ru_maxrss / 1024
    if stopped:
        figures[stopped[0]] = f">{load_limit if stopped[0] == 'build / load' else validate_limit}s"
    elif proc.returncode != 0:
        why = f"error: {_why(err_path, java=name == 'jena') or f'exit {proc.returncode}'}"
        figures.setdefault("build / load", why)
        figures["validate"] = why
    if isinstance(figures.get("validate"), float):
        from rdflib import Graph

        try:
            keys = result_keys(Graph().parse(workdir / f"report-{name}.nt", format="nt"))
        except Exception as exc:  # rdflib raises many parser-specific types: a report we cannot read is no count
            figures["findings check"] = f"error: its report cannot be read: {type(exc).__name__}: {str(exc)[:120]}"
            return figures
        figures["findings"] = sum(keys.values())
        ours = workdir / "findings-compgraph.json"
        figures["findings check"] = (
            compare(load_keys(ours), keys, NAMES[name]) if ours.exists() else "compgraph's findings are unknown"
        )
    return figures


def _why(stderr: Path, java: bool) -> str:
    """The line of a failed child's stderr that says what went wrong: a Java stack trace names it first
    (its last line is "... 39 more"), a Python traceback last (and an exception's message may go on)."""
    lines = [x.strip() for x in stderr.read_text(encoding="utf-8", errors="replace").splitlines() if x.strip()]
    if java:
        line = ([x for x in lines if re.search(r"Exception|Error|error:", x)][:1] or lines or [""])[0]
    else:
        line = ([x for x in lines if re.match(r"[\w.]*(Error|Exception)\w*:", x)][-1:] or lines or [""])[-1]
    # Both ends: the kind of error first, the file or name it is about often last.
    return line if len(line) <= 200 else f"{line[:100]} ... {line[-95:]}"


def _cap_memory() -> None:
    cap = _memory_cap()
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))


def child_pyrudof(workdir: Path) -> None:
    import pyrudof

    t0 = time.perf_counter()
    rudof = pyrudof.Rudof(pyrudof.RudofConfig())
    rudof.read_data(str(workdir / "data.nt"), format=pyrudof.RDFFormat.NTriples)
    rudof.read_data(str(workdir / "run.nt"), format=pyrudof.RDFFormat.NTriples, merge=True)
    print(json.dumps({"build / load": time.perf_counter() - t0}), flush=True)
    t1 = time.perf_counter()
    rudof.read_shacl(str(workdir / "shapes.ttl"), format=pyrudof.ShaclFormat.Turtle)
    rudof.validate_shacl()
    took = time.perf_counter() - t1
    report = rudof.serialize_shacl_validation_results(format=pyrudof.ResultShaclValidationFormat.NTriples)
    (workdir / "report-pyrudof.nt").write_text(report, encoding="utf-8")
    print(json.dumps({"validate": took}), flush=True)


if __name__ == "__main__":  # the pyrudof child
    child_pyrudof(Path(sys.argv[2]))
