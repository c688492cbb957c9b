"""compgraph: a knowledge-graph compliance mapper for AI governance.

source document -> obligation -> control -> AI system / dataset -> evidence, kept as one RDF graph.
"""

__version__ = "0.1.0"
