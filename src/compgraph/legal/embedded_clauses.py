"""Modal verbs inside a clause that asks, foresees or describes, not the sentence's own: an indirect question's
"should", what parties expect "will" happen, and a relative clause's "is not required to". Data for ``modal_words``
(``without_decided``) and ``nonduty`` (``NON_DUTY``).

Met in round 46a of the thirty-fifth session (the NIS Regulations 2018 regs. 15-17; Regulation B, 12 CFR 1002.9 and
1002.12) and round 47a of the thirty-sixth (a leave's object described by what another party shall do with it).
"""

from __future__ import annotations

import re

from compgraph.legal.limits_and_effects import NOT_REQUIRED

__all__ = ["AWARE_THAT", "CONTEMPLATED_WILL", "NOT_REQUIRED_LIMIT", "RELATIVE_SHALL", "WHETHER_SHOULD"]

# An indirect question ("In order to assess whether a person should be an OES, a designated competent authority may
# serve an information notice ..."): what is asked, no recommendation; the sentence's own verb decides.
WHETHER_SHOULD = re.compile(r"(\bwhether\s+(?:[\w'’-]+\s+){1,4}?)should\b", re.I)

# What parties foresee ("When an applicant submits an application and the parties contemplate that the applicant will
# inquire about its status, ... the creditor may treat the application as withdrawn"): an expectation, no one's duty.
# So is a "will" in a clause of extent (the GDPR's 5(1)(e): "personal data may be stored for longer periods insofar as
# the personal data will be processed solely for archiving purposes ...": the leave's reach; round 50a).
CONTEMPLATED_WILL = re.compile(r"(\b(?:(?:contemplate|expect|anticipate)[sd]?\s+that|in\s*so\s*far\s+as)\s+"
                               r"(?:[\w'’-]+\s+){1,4}?)will\b", re.I)

# What a party is made aware of (Saskatchewan's HIPA 21(b): "take reasonable steps to ensure that the person to whom the
# information is disclosed is aware that the information must not be used or disclosed for any purpose other than ..."):
# the message, not the sentence's own verb; round 51a.
AWARE_THAT = re.compile(r"(\b(?:is|are|be|been|being|made|remains?)\s+(?:made\s+)?aware\s+that\s+[^;:]{1,160}?)"
                        r"\b(?:must|shall|may)\s+(?=not\b)", re.I)

# A leave's object described by what another party shall do with it ("The data collector may send to the Attorney
# General ... a second copy of the consumer notice, from which is redacted ..., and which the Attorney General or the
# Department shall use for any public disclosure of the breach", 9 V.S.A. 2435(b)(3)(C)(ii)): the sentence's own verb is
# "may send"; the relative clause's "shall" binds its own subject, not the one given leave.
RELATIVE_SHALL = re.compile(r"(\bmay\b[^;]*?,\s+and\s+which\s+(?:the\s+)?(?:[\w'’-]+\s+){1,8}?)shall\b", re.I)

# A requirement lifted is a limitation ("is not required to"), but not inside a relative clause that says which thing
# a duty is about ("after the date that a creditor receives an application for which the creditor is not required to
# comply with the notification requirements of § 1002.9, the creditor shall retain all written or recorded
# information"): the sentence's duty stands. A second predicate ("and is not required to") stays as before.
NOT_REQUIRED_LIMIT = (r"^(?:(?!\b(?:for|to|under|with|in|of|on|by|from)\s+(?:which|whom)\b)[\s\S])*?"
                      r"(?<!\band\s)\b" + NOT_REQUIRED)
