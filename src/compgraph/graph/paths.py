"""Where the shipped ontology, mappings and web assets live.

In a source checkout (editable install, tests) they are the top-level folders of the repository; in an
installed wheel they are copied under ``compgraph/_data``. Resolving both here keeps every other module
free of path guessing.
"""

from __future__ import annotations

import os
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parents[1]  # the compgraph package, one level above graph/


def _root() -> Path:
    override = os.environ.get("COMPGRAPH_DATA_DIR")
    if override:
        return Path(override)
    checkout = _PACKAGE.parents[1]
    if (checkout / "ontology").is_dir() and (checkout / "mappings").is_dir():
        return checkout
    return _PACKAGE / "_data"


def ontology_dir() -> Path:
    return _root() / "ontology"


def mappings_dir() -> Path:
    return _root() / "mappings"


def web_dir() -> Path:
    return _root() / "web"


def queries_dir() -> Path:
    return ontology_dir() / "queries"


def shapes_dir() -> Path:
    return ontology_dir() / "shapes"
