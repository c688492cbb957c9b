"""The Flask app: the compliance browser and the SPARQL 1.1 endpoint, thin views over the library."""

from __future__ import annotations

from typing import Any

from flask import Flask

from .. import paths
from ..store import GraphStore, open_store


def create_app(store: GraphStore | None = None, config: dict[str, Any] | None = None) -> Flask:
    """App factory: ``store`` defaults to the one named by the COMPGRAPH_* environment."""
    app = Flask(
        __name__,
        template_folder=str(paths.web_dir() / "templates"),
        static_folder=str(paths.web_dir() / "static"),
    )
    app.config.update(
        SPARQL_TIMEOUT=float(5),
        SPARQL_MAX_RESULTS=10_000,
        MAX_CONTENT_LENGTH=5 * 1024 * 1024,
    )
    if config:
        app.config.update(config)
    app.extensions["compgraph_store"] = store if store is not None else open_store()

    from . import blueprints, model

    for bp in blueprints.all_blueprints():
        app.register_blueprint(bp)
    cache = app.extensions.setdefault("compgraph_browser_cache", model.Cache())
    if app.config.get("WARM_CACHE"):
        import threading

        store_ = app.extensions["compgraph_store"]
        threading.Thread(target=model.warm, args=(store_, cache), name="compgraph-warm", daemon=True).start()
    return app


def get_store() -> GraphStore:
    from flask import current_app

    return current_app.extensions["compgraph_store"]
