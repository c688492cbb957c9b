"""The web: the Flask app factory, the compliance browser and the SPARQL 1.1 endpoint.

Views are thin: each page family has its module under ``views/`` and asks the library for its data;
``model`` holds the browser's per-store-state cache and the view model shared by pages; ``storestate``
reads the store's state from its files, and ``pagecache`` keeps whole answers per state; ``linkeddata``
the JSON-LD context, pages' JSON-LD and the VoID description; ``graphview`` the graph view's elements;
``pageinfo`` what a detail page's card and the dashboard say of a node.

May import: every stage below it (``graph``, ``checks``, ``questions``, ``legal``, ``exchange``),
never ``scale`` or ``cli``.
"""

from __future__ import annotations

import contextlib
from typing import Any

from flask import Flask
from jinja2 import FileSystemBytecodeCache

from compgraph.graph import paths
from compgraph.graph.store import GraphStore, open_store


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
    # Compiled templates kept on disk (Jinja's own cache, in a directory only this user may use): compiling a page
    # family's templates was 0.1-0.2 s of every fresh process's first view of it.
    with contextlib.suppress(OSError, RuntimeError):  # no private temporary directory: templates compile as before
        app.jinja_env.bytecode_cache = FileSystemBytecodeCache()
    app.extensions["compgraph_store"] = store if store is not None else open_store()

    from compgraph.web import auth, model, security, views

    security.init_app(app)
    app.extensions["compgraph_users"] = auth.config_users(app.config)

    for bp in views.all_blueprints():
        app.register_blueprint(bp)
    from compgraph.web import writer
    from compgraph.web.linkeddata import JsonLdSuffix

    writer.init_app(app)  # after the blueprints, so the login check has named the user the trail records
    app.wsgi_app = JsonLdSuffix(app.wsgi_app)  # type: ignore[method-assign]
    cache = app.extensions.setdefault("compgraph_browser_cache", model.Cache())
    if app.config.get("WARM_CACHE"):
        import threading

        store_ = app.extensions["compgraph_store"]
        stop = app.extensions.setdefault("compgraph_stop", threading.Event())
        every = float(app.config.get("KEEP_STATE_EVERY", 30))

        def warm_then_keep() -> None:
            model.warm(store_, cache)
            model.keep(store_, stop, every)  # what the warm-up made, then what writes move, saved for the next start

        threading.Thread(target=warm_then_keep, name="compgraph-warm", daemon=True).start()
        from compgraph.web import querypool

        # The query workers start now too, so the first SPARQL query does not wait for an interpreter.
        querypool.warm_in_background(app)
    return app

