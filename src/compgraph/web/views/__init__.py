"""The app's pages and endpoints, one module per page family, each a thin view over the library.

Owns every route: ``common`` defines the compliance browser's blueprint (``browser``) with the page plumbing
and error pages that all browser pages share (``listing`` adds the lists' server-side sorting and filtering),
and ``dashboard``, ``lists``, ``details``, ``analysis``,
``questions``, ``history`` (the audit trail) and ``evidence_form`` add their pages to it; ``sparql`` (the SPARQL
1.1 endpoint), ``legal`` (mapping review and gap reports), ``exports`` (OSCAL, SoA, audit pack downloads) and
``void`` (the JSON-LD @context and the VoID description) are blueprints of their own; ``validation`` runs the
user's own shapes (``POST /validate/shapes``).

May import: ``compgraph.web.model``, ``compgraph.web.linkeddata`` and the stages below it (``graph``, ``checks``,
``questions``, ``legal``, ``exchange``). A page module imports ``common`` and never another page module, so a
page family can move or go without touching the others.
"""

from __future__ import annotations

from flask import Blueprint


def all_blueprints() -> list[Blueprint]:
    """Every blueprint of the app, in the order they are registered."""
    # A page module's routes exist only once it is imported, so all are imported before ``bp`` is handed out.
    from compgraph.web.views import (  # noqa: F401
        analysis,
        dashboard,
        details,
        evidence_form,
        history,
        lists,
        questions,
        validation,
    )
    from compgraph.web.views.account import bp as account
    from compgraph.web.views.common import bp as browser
    from compgraph.web.views.exports import bp as exports
    from compgraph.web.views.legal import bp as legal
    from compgraph.web.views.sparql import bp as sparql
    from compgraph.web.views.void import bp as linked

    return [account, sparql, browser, legal, exports, linked]
