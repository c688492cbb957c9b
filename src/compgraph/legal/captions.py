"""A bare caption over a paragraph that says what the text is for, not what anyone must do.

Split from ``provisions`` (the walk over a statute's provisions), whose size it would pass. May import:
``compgraph.legal.statute``.
"""

from __future__ import annotations

import re

from compgraph.legal.statute import Provision

# San Diego's Open Data Policy prints "PURPOSE:" as a paragraph of its own over "This policy creates a process ... The
# City will devote its best efforts to making its data publicly available online, while recognizing that ...": a
# statement of purpose, like a findings section's, binds no one, though a code's "will" elsewhere does. A caption that
# is only such a word (and a colon), before any numbered section, heads the paragraph below it.
_PURPOSE_CAPTION = re.compile(r"^\W*(?:statement\s+of\s+)?(?:purposes?|background|intent|findings|recitals)\s*:?\s*$",
                              re.I)


def under_purpose_caption(above: Provision | None, prov: Provision) -> bool:
    """Whether ``prov`` is the unlabelled paragraph right under a bare "PURPOSE:" (or "BACKGROUND:", "FINDINGS:")
    caption of the same section."""
    return above is not None and not above.labels and not prov.labels and not above.children \
        and above.section == prov.section and bool(_PURPOSE_CAPTION.match(above.text))
