"""Legal work: bringing a new document into the graph.

Owns reading a document (text, Markdown, HTML, PDF) and extracting its duties (``ingest``), suggesting
controls for them (``suggest``), the reviewer's decisions and the import command that ties them together
(``review``), and the gap report of a new document (``gaps``).

May import: ``compgraph.graph``, ``compgraph.checks``, ``compgraph.questions``.
"""
