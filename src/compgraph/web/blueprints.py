"""Registry of the app's blueprints, so adding one is a one-line change here."""

from __future__ import annotations

from flask import Blueprint


def all_blueprints() -> list[Blueprint]:
    found: list[Blueprint] = []
    from compgraph.web.endpoint import bp as sparql

    found.append(sparql)
    from compgraph.web.browser import bp as browser

    found.append(browser)
    from compgraph.web.legal import bp as legal

    found.append(legal)
    return found
