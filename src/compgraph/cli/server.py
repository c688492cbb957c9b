"""Serving the graph to a team: `serve`, its users and tokens, and the benchmarks that time it (`bench`)."""

from __future__ import annotations

import contextlib
import io
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from compgraph.cli.base import (
    HeldStore,
    InputFile,
    StoreContext,
    UserError,
    main,
    pass_store,
)
from compgraph.cli.history import record_user_change, write_user_record
from compgraph.graph import history, ondisk
from compgraph.graph.store import WRITE, GraphStore
from compgraph.scale.load import MIXES


@main.group()
def users() -> None:
    """Manage the users of a shared server (roles: viewer, auditor, legal, admin)."""


def _users_option(**kw: object) -> Any:
    """The users file option shared by `serve` and `users add` (COMPGRAPH_USERS in the environment)."""
    return click.option(
        "--users", "users_file", type=click.Path(dir_okay=False, path_type=Path), envvar="COMPGRAPH_USERS", **kw
    )


MAX_PASSWORD = 1024


@users.command("add")
@click.argument("name")
@click.option("--role", type=click.Choice(["viewer", "auditor", "legal", "admin"]), required=True)
@_users_option(default="compgraph-users.json", show_default=True)
@click.option("--token", is_flag=True, help="Also make an API token (printed once) for scripts and SPARQL clients.")
@click.option("--password-stdin", is_flag=True, help="Read the password from stdin instead of prompting.")
def users_add(name: str, role: str, users_file: Path, token: bool, password_stdin: bool) -> None:
    """Add a user (or change their role), with an argon2-hashed password."""
    from compgraph.web.auth import Users, UsersError

    if password_stdin:
        # A bounded read: `< /dev/zero` (no newline, ever) grew one line until memory ran out.
        password = sys.stdin.readline(MAX_PASSWORD + 1).rstrip("\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    if len(password) < 8:
        raise UserError("the password must be at least 8 characters long")
    if len(password) > MAX_PASSWORD:
        raise UserError(f"the password must be at most {MAX_PASSWORD} characters long")
    try:
        known = Users(users_file)
        was = known.users[name].role if name in known.users else None
        new_token = known.add(name, role, password, token=token)
    except UsersError as exc:
        raise UserError(str(exc)) from exc
    click.echo(f"{name} is a {role} in {users_file}")
    record_user_change(name, role, was, token)
    if new_token:
        click.echo(f"API token (shown once): {new_token}")




@users.command("record", hidden=True)
@click.argument("name")
@click.option("--role", type=click.Choice(["viewer", "auditor", "legal", "admin"]), required=True)
@click.option("--was", default="", help="The role before (empty for a new user).")
@click.option("--token", is_flag=True)
@pass_store
def users_record(sc: StoreContext, name: str, role: str, was: str, token: bool) -> None:
    """Record a user change in the store's audit trail (what `users add` sends a running server)."""
    write_user_record(sc.open(WRITE), name, role, was or None, token)


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
# Ranges, so a typo is refused before the server starts: port 99999 was served on 34463 (modulo 65536); a time
# limit of -1 stopped every /sparql query (503) and 0 was read as 5 s; a result cap of 0 or less refused every
# answer with a row (400).
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option(
    "--timeout",
    "sparql_timeout",
    default=5.0,
    show_default=True,
    type=click.FloatRange(0, min_open=True),
    help="SPARQL query time limit (s).",
)
@click.option(
    "--max-results", default=10_000, show_default=True, type=click.IntRange(1), help="SPARQL result-size cap."
)
@click.option("--threads", default=8, show_default=True, type=click.IntRange(1, 256), help="Server threads.")
@click.option(
    "--query-workers", default=2, show_default=True, type=click.IntRange(1, 64), help="SPARQL worker processes."
)
@click.option("--worker-memory", default=1024, show_default=True, type=click.IntRange(256), help="MiB per worker.")
@click.option("--allowed-host", "allowed_hosts", multiple=True, metavar="NAME", help="Host name to serve (repeat).")
@click.option("--cors-origin", "cors_origins", multiple=True, metavar="ORIGIN", help="Origin allowed to read /sparql.")
@_users_option(help="Users file (compgraph users add): logins and roles. Required beyond loopback.")
@click.option("--tls-proxy", is_flag=True, help="Behind a TLS reverse proxy: trust X-Forwarded-*, Secure cookies.")
@pass_store
def serve(
    sc: StoreContext,
    host: str,
    port: int,
    sparql_timeout: float,
    max_results: int,
    threads: int,
    query_workers: int,
    worker_memory: int,
    allowed_hosts: tuple[str, ...],
    cors_origins: tuple[str, ...],
    users_file: Path | None,
    tls_proxy: bool,
) -> None:
    """Serve the compliance browser and the SPARQL 1.1 endpoint (/sparql) with waitress."""
    from compgraph.web import create_app, serving
    from compgraph.web.security import DEFAULT_HOSTS

    if host not in ("127.0.0.1", "localhost", "::1") and users_file is None:
        raise UserError(f"serving on {host} needs logins: --users FILE (create it with 'compgraph users add')")
    if users_file is not None and not users_file.is_file():
        raise UserError(f"{users_file}: no users file; create it with 'compgraph users add NAME --role admin'")

    bound = [host] if host not in ("0.0.0.0", "::") else []
    hosts = list(dict.fromkeys([*DEFAULT_HOSTS, *bound, *allowed_hosts]))
    # WARM_CACHE: coverage, the lists' order and the query workers are made in the background at start.
    config = {
        "SPARQL_TIMEOUT": sparql_timeout,
        "SPARQL_MAX_RESULTS": max_results,
        "SPARQL_WORKERS": query_workers,
        "SPARQL_WORKER_MEMORY": worker_memory * 1024 * 1024,
        "ALLOWED_HOSTS": hosts,
        "CORS_ORIGINS": list(cors_origins),
        "WARM_CACHE": True,
        # Pages kept beside the store survive a restart (web.pagecache); tests' apps keep them in memory only.
        "PAGE_CACHE_DISK": True,
        # Absolute: the server changes its working directory while it runs a command sent from another one.
        "USERS_FILE": str(users_file.resolve()) if users_file else None,
        "SESSION_COOKIE_SECURE": tls_proxy,
    }
    from compgraph.web.auth import UsersError

    store = sc.open()
    try:
        app = create_app(store, config)
    except UsersError as exc:  # a users file that is not one: one line, not a traceback
        raise UserError(str(exc)) from exc
    if tls_proxy:
        from werkzeug.middleware.proxy_fix import ProxyFix

        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1, x_proto=1, x_host=1)  # type: ignore[method-assign]
    root: Path | None = getattr(store, "root", None)
    loopback = _loopback_url(host, port)
    writer: list[ondisk.Writer] = []
    if root is not None and loopback:
        from compgraph.web.writer import WriterGate

        token = ondisk.publish_writer(root, loopback)
        writer.append(token)
        # Outside ProxyFix: the gate must see the real peer address, not a forwarded one.
        app.wsgi_app = WriterGate(app.wsgi_app, token.token, _runner(store))  # type: ignore[method-assign]
    click.echo(f"compgraph browser on http://{host}:{port}/  (SPARQL endpoint: http://{host}:{port}/sparql)")
    click.echo(f"serving host names: {', '.join(hosts)}; CORS: {', '.join(cors_origins) or 'off'}")
    if root is not None and writer:
        click.echo(f"CLI commands that write to {root} run in this server (token in {root / ondisk.WRITER})")
    try:
        serving.serve(app, host, port, threads=threads)
    finally:
        if root is not None and writer:
            ondisk.withdraw_writer(root, writer[0])


def _loopback_url(host: str, port: int) -> str | None:
    """Where a command on this machine reaches the server, or None when it listens on one outside address only."""
    if host in ("127.0.0.1", "localhost", "0.0.0.0"):
        return f"http://127.0.0.1:{port}"
    if host in ("::1", "::"):
        return f"http://[::1]:{port}"
    return None


def _runner(store: GraphStore) -> Callable[[list[str], str, str], tuple[int, str, str]]:
    """Run a CLI command sent by another process on this server's open store (the WriterGate serialises calls)."""
    held = HeldStore(store)

    def run(argv: list[str], cwd: str, agent: str) -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        try:
            with (
                contextlib.chdir(cwd),  # relative paths in the command mean what they meant where it was typed
                contextlib.redirect_stdout(out),
                contextlib.redirect_stderr(err),
                history.acting(agent, ""),
            ):
                code = _invoke(argv, held, err)
        except OSError as exc:  # the working directory is gone or unreadable
            err.write(f"Error: {cwd}: {exc.strerror or exc}\n")
            code = 2
        return code, out.getvalue(), err.getvalue()

    return run


def _invoke(argv: list[str], held: HeldStore, err: io.StringIO) -> int:
    try:
        rv = main.main(argv, prog_name="compgraph", standalone_mode=False, obj=held)
        return rv if isinstance(rv, int) else 0
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.ClickException as exc:
        exc.show(file=err)
        return exc.exit_code
    except click.Abort:
        err.write("Aborted.\n")
        return 1
    except SystemExit as exc:  # commands that end with sys.exit(code), as validate does
        return exc.code if isinstance(exc.code, int) else 1
    except Exception as exc:  # one line to the caller, as its own run would give; the server keeps running
        err.write(f"Error: {type(exc).__name__}: {exc}\n")
        return 1




@main.command()
@click.option("--quick", is_flag=True, help="Small size only (CI).")
@click.option(
    "--sizes",
    default="small,medium,large",
    show_default=True,
    help="Comma-separated: small,medium,large,xlarge (xlarge: 10M triples, no baseline).",
)
@click.option("--seed", default=1, show_default=True, type=int)
@click.option(
    "--baseline-max-triples",
    type=click.IntRange(0),
    metavar="N",
    help="Above N triples the rdflib + pySHACL baseline only loads and validates.",
)
@click.option(
    "--baseline-validate-limit",
    type=click.IntRange(1),
    default=1800,
    show_default=True,
    metavar="SECONDS",
    help="Stop a baseline's validation after this long and report '>SECONDS' (a lower bound for the ratio).",
)
@click.option(
    "--baseline",
    "validators",
    multiple=True,
    type=click.Choice(["pyshacl", "pyrudof", "jena"]),
    help="A baseline to measure beside compgraph, repeatable (default: pyshacl only). pyshacl: rdflib + pySHACL, "
    "also questions, traces and pages; pyrudof (pip install pyrudof) and jena (Apache Jena SHACL on Java 17, "
    "Debian's libapache-jena-java; COMPGRAPH_JAVA and COMPGRAPH_JENA_LIB say where java and the jars are): "
    "validation only. Each baseline's findings are checked against compgraph's; one that is missing or "
    "fails gets a column saying why.",
)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Also write the table here.")
@click.option(
    "--json", "json_out", type=click.Path(dir_okay=False, path_type=Path), help="Also write every figure here (JSON)."
)
@click.option(
    "--markdown",
    "from_json",
    type=InputFile(),
    metavar="FILE",
    help="Measure nothing: print the table of a document --json wrote.",
)
@click.option("--load", is_flag=True, help="Instead: many clients against a real `compgraph serve` on loopback.")
@click.option("--clients", default=50, show_default=True, type=click.IntRange(1, 500))
@click.option("--seconds", default=60.0, show_default=True, type=click.FloatRange(1, 3600))
@click.option("--runaways", default=20, show_default=True, type=click.IntRange(0, 200))
@click.option("--query-workers", default=2, show_default=True, type=click.IntRange(1, 64))
@click.option(
    "--mix",
    type=click.Choice(MIXES),
    default="pages",
    show_default=True,
    help="--load's requests: pages (dashboard, a detail page, a /sparql COUNT); count (the same /sparql COUNT, "
    "a kept answer after the first); count-distinct (a COUNT no one sent before, run by a query worker).",
)
@pass_store
def bench(
    sc: StoreContext,
    load: bool,
    clients: int,
    seconds: float,
    runaways: int,
    query_workers: int,
    mix: str,
    quick: bool,
    sizes: str,
    seed: int,
    baseline_max_triples: int | None,
    baseline_validate_limit: int,
    validators: tuple[str, ...],
    output: Path | None,
    json_out: Path | None,
    from_json: Path | None,
) -> None:
    """Time load, open, validate, questions, traces and pages at 10k/100k/1M triples against rdflib + pySHACL
    (and other SHACL engines' validation: --baseline)."""
    if load:
        from compgraph.scale.load import run_load

        location = getattr(sc.open(), "location", None)
        if location is None:
            raise UserError("--load serves the embedded store; it cannot drive a remote endpoint")
        sc.open().close()  # the server opens it; one process at a time
        res = run_load(location, clients=clients, seconds=seconds, runaways=runaways,
                       query_workers=query_workers, mix=mix, progress=lambda m: click.echo(m, err=True))
        click.echo(res.render(), nl=False)
        if output:
            output.write_text(res.render(), encoding="utf-8")
        return
    from compgraph.scale import bench as b
    from compgraph.scale import report

    if from_json is not None:
        try:
            table = report.markdown(report.read(from_json))
        except report.BenchFileError as exc:
            raise UserError(str(exc)) from exc
        click.echo(table, nl=False)
        if output:
            output.write_text(table, encoding="utf-8")
        return
    chosen = ["small"] if quick else [s.strip() for s in sizes.split(",") if s.strip()]
    unknown = [s for s in chosen if s not in b.SIZES]
    if unknown:
        raise UserError(f"--sizes: unknown size {unknown[0]!r} (one of {', '.join(b.SIZES)})")
    results = b.run(
        chosen,
        seed,
        baseline_max_triples,
        progress=lambda m: click.echo(m, err=True),
        baseline_validate_limit=baseline_validate_limit,
        validators=tuple(dict.fromkeys(validators)) or ("pyshacl",),
    )
    command = f"compgraph bench --sizes {','.join(chosen)} --seed {seed}"
    command += "".join(f" --baseline {v}" for v in dict.fromkeys(validators))
    if baseline_max_triples is not None:
        command += f" --baseline-max-triples {baseline_max_triples}"
    command += f" --baseline-validate-limit {baseline_validate_limit}"
    doc = b.document(results, b.bench_shapes()[1], command)
    if json_out:
        report.write(doc, json_out)
    table = report.markdown(doc)
    click.echo(table, nl=False)
    if output:
        output.write_text(table, encoding="utf-8")


# --- exchange: OSCAL, Statement of Applicability, audit pack (issue 17) ---------------------------
