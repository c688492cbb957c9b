"""What keeps other web sites and other host names away from the app: CSRF, same-origin, Host, headers.

- Every state-changing request (any method but GET/HEAD/OPTIONS) of the browser must carry the form's CSRF
  token (Flask-WTF's CSRFProtect) and, when the browser names one, come from this origin (Origin, else
  Referer). ``/sparql`` is read-only, so its POST needs neither; a request authenticated with a bearer
  token (a script, not a browser with cookies) needs no CSRF token either.
- Only the host names in ``ALLOWED_HOSTS`` are served (Flask's TRUSTED_HOSTS: 400 otherwise), which stops
  DNS rebinding from turning a visited page into a reader of the graph.
- Every answer carries a Content-Security-Policy with no inline script or style, nosniff, no framing, and
  a same-origin Referrer-Policy.
"""

from __future__ import annotations

import secrets
from urllib.parse import urlsplit

from flask import Flask, Response, abort, request
from flask_wtf.csrf import CSRFProtect

DEFAULT_HOSTS = ("localhost", "127.0.0.1", "::1")
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
_SAFE = frozenset({"GET", "HEAD", "OPTIONS"})
# Blueprints whose state-changing-looking requests change nothing (the SPARQL endpoint answers queries).
_READ_ONLY_BLUEPRINTS = frozenset({"sparql"})

csrf = CSRFProtect()


def init_app(app: Flask) -> None:
    """Install the checks and headers; call after the app's config is final."""
    cfg = app.config
    if not cfg.get("SECRET_KEY"):
        # Sessions and CSRF tokens then last as long as the process; `compgraph serve` keeps a key on disk.
        cfg["SECRET_KEY"] = secrets.token_hex(32)
    hosts = cfg.get("ALLOWED_HOSTS")
    cfg["TRUSTED_HOSTS"] = list(hosts) if hosts else list(DEFAULT_HOSTS)
    # CSRFProtect's own before_request check is replaced by ours: it must skip the endpoint and bearer tokens.
    cfg.setdefault("WTF_CSRF_CHECK_DEFAULT", False)
    cfg.setdefault("WTF_CSRF_TIME_LIMIT", None)  # a review page may stay open all afternoon
    # Flask's defaults hold these keys already (SameSite None), so setdefault would not take.
    cfg["SESSION_COOKIE_HTTPONLY"] = True
    cfg["SESSION_COOKIE_SAMESITE"] = cfg.get("SESSION_COOKIE_SAMESITE") or "Lax"
    csrf.init_app(app)
    app.before_request(_check_request)
    app.after_request(_headers)


def _check_request() -> None:
    if request.method in _SAFE or request.blueprint in _READ_ONLY_BLUEPRINTS:
        return
    _same_origin()
    if request.headers.get("Authorization", "").startswith("Bearer "):
        return  # no cookie is involved, so no other site can make the browser send this
    csrf.protect()


def _same_origin() -> None:
    """403 when the browser says the request comes from another site."""
    if request.headers.get("Origin") == "null":  # sandboxed frames and data: pages
        abort(403, description="cross-site request refused (Origin: null)")
    claimed = request.headers.get("Origin") or request.headers.get("Referer")
    if not claimed:
        return  # not a browser, or one that hides where it comes from: the CSRF token still decides
    parts = urlsplit(claimed)
    ours = urlsplit(request.host_url)
    if (parts.scheme, parts.netloc) != (ours.scheme, ours.netloc):
        abort(403, description=f"cross-site request refused: it came from {parts.scheme}://{parts.netloc}")


def _headers(resp: Response) -> Response:
    h = resp.headers
    h.setdefault("Content-Security-Policy", CSP)
    h.setdefault("X-Content-Type-Options", "nosniff")
    h.setdefault("X-Frame-Options", "DENY")
    h.setdefault("Referrer-Policy", "same-origin")
    return resp
