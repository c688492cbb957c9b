"""The questions people ask of the graph.

Owns the canned SPARQL questions (``queries``, loading ``ontology/queries/*.rq``; ``answers`` keeps their
answers beside the embedded store per state), tracing an obligation or a system to its evidence
(``trace``), coverage counted with bit sets (``coverage``), what breaks if a control fails (``impact``),
what the graph holds (``stats``) and what changed between two snapshots (``diff``).

May import: ``compgraph.graph``, ``compgraph.checks``.
"""
