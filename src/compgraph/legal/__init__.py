"""Legal work: bringing a new document into the graph.

Owns, in the order a document goes through them: reading it as text (``readers``: text, Markdown, HTML, PDF, XML; the
repairs Markdown needs in ``markdown_text``; AsciiDoc's numberless lists in ``asciidoc``; legislation.gov.uk's XML in
``clml``), cleaning text for matching and display (``text``), finding its sections, paragraphs and bullets
(``structure``; a statute's articles, paragraphs and points in ``statute``, the state it keeps while reading and the
``Provision`` it builds in ``statute_state``, its heading lines in ``headings``, a section number run into its text in
``section_numbers``, a number a line break left at a line's start in ``citing``, sections numbered anew in each chapter
in ``chapters``), the rules that read a duty's modality, topic, addressee and risk level (``duties``; a statute
sentence's clauses in ``clauses``, the words that give a clause its modality in ``modal_words``, the formulas that use a
modal verb but bind no one in ``nonduty``, who each of a statute's duties binds in ``addressees``), extracting its
obligations into a catalog (``extract``) and scoring that extraction against the hand-verified catalogs (``evaluate``);
then suggesting controls for the obligations (``suggest``, with the fused rankers and their configuration in ``rank``,
the gold-set scoring in ``rank_gold`` and the circular crosswalk check in ``crosswalk_eval``), the reviewer's decisions
and the import command that ties them together (``review``; a new document's default title in ``titles``), the accepted
decisions a replacing import left without their obligation (``orphans``, reported by validate), and the gap report of a
new document (``gaps``).

May import: ``compgraph.graph``, ``compgraph.checks``, ``compgraph.questions``.
"""
