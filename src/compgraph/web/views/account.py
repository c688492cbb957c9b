"""Logins (``/login``, ``/logout``) and the role each request needs, when the app has a users file.

Without one the app is open (the single-user default ``serve`` allows on loopback only) and every page
says so. With one, a browser logs in (session cookie: HttpOnly, SameSite=Lax, Secure behind TLS) and a
script sends ``Authorization: Bearer <token>``; a request without either gets the login page (HTML) or a
401 (the SPARQL endpoint, .json and .csv).
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, abort, current_app, g, redirect, render_template, request, session, url_for

from compgraph.web.auth import User, Users

bp = Blueprint("account", __name__)

# (method, path prefix) -> the least role that may do it; anything else needs "viewer".
RULES: list[tuple[str, str, str]] = [
    ("POST", "/validate", "admin"),
    ("POST", "/review/", "legal"),
    ("GET", "/review/", "legal"),
    ("GET", "/exports", "auditor"),
    ("GET", "/history", "auditor"),
    ("GET", "/diff", "auditor"),
    ("POST", "/evidence", "admin"),
    ("POST", "/legal/upload", "legal"),
    ("GET", "/legal/upload", "legal"),
    ("POST", "/snapshots", "admin"),
]
_OPEN_ENDPOINTS = frozenset({"account.login", "static", "linked.context"})


def users() -> Users | None:
    return current_app.extensions.get("compgraph_users")


def needed_role(method: str, path: str) -> str:
    for m, prefix, role in RULES:
        if method == m and path.startswith(prefix):
            return role
    return "viewer"


def _wants_machine_answer() -> bool:
    return (
        request.path.startswith("/sparql")
        and not request.path.startswith("/sparql-console")
        or (request.path.endswith((".json", ".csv")) or "Authorization" in request.headers)
        # Downloads and the dataset description are files a script fetches: a redirect to a form helps no one.
        or request.path.startswith(("/exports/", "/.well-known/"))
    )


@bp.before_app_request
def authenticate() -> Any:
    g.user = None
    known = users()
    if known is None or request.endpoint in _OPEN_ENDPOINTS:
        return None
    header = request.headers.get("Authorization", "")
    user: User | None = None
    if header.startswith("Bearer "):
        user = known.by_token(header.removeprefix("Bearer ").strip())
    elif session.get("user"):
        user = known.users.get(session["user"])
    if user is None:
        if _wants_machine_answer():
            resp = Response("login required: send Authorization: Bearer <token>\n", 401, mimetype="text/plain")
            resp.headers["WWW-Authenticate"] = 'Bearer realm="compgraph"'
            return resp
        return redirect(url_for("account.login", next=request.full_path.rstrip("?")))
    role = needed_role(request.method, request.path)
    if not user.can(role):
        abort(403, description=f"{user.name} is a {user.role}; this needs the {role} role.")
    g.user = user
    return None


@bp.app_context_processor
def _who() -> dict[str, Any]:
    return {"current_user": g.get("user"), "open_mode": users() is None}


@bp.route("/login", methods=["GET", "POST"])
def login() -> Any:
    known = users()
    if known is None:
        return redirect("/")
    error = ""
    nxt = request.values.get("next", "/")
    # Never send a user on to another site after logging in, nor put a CR LF into the Location header (a 500 after
    # the password was accepted). A backslash is refused as /validate refuses it: werkzeug sends it as %5C today,
    # but a browser given a raw "/\\" reads "//", another site.
    if not nxt.startswith("/") or nxt.startswith("//") or "\\" in nxt or not nxt.isprintable():
        nxt = "/"
    if request.method == "POST":
        user = known.check_password(request.form.get("name", ""), request.form.get("password", ""))
        if user is not None:
            session.clear()
            session["user"] = user.name
            return redirect(nxt, code=303)
        error = "Unknown name or wrong password."
    status = 401 if error else 200
    return render_template("login.html", title="Log in", description="", meta={}, error=error, next=nxt), status


@bp.route("/logout", methods=["POST"])
def logout() -> Response:
    session.clear()
    return redirect(url_for("account.login"), code=303)
