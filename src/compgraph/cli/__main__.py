"""``python -m compgraph.cli``: the same command as the installed ``compgraph``."""

from compgraph.cli import run

run()
