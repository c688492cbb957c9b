"""A number written out and then in figures ("within ten (10) calendar days"), split by a converter at the figures.

Drafters of US rules write a period both ways, the words and then the figures in parentheses ("thirty (30) days",
"fourteen (14) calendar days"). A converter that breaks its text at every subsection marker ("whitespace-collapsed
with breaks at subsection markers", a repository's copies of Oregon's OAR) breaks before those figures too, so the
sentence ends at "within ten" and a paragraph "(10) calendar days of the date of the rejection notice. The appeal
must ..." follows, read as a subsection (10). :func:`rejoin_spelled_numerals` puts such a paragraph back after the
words it completes: only where the line before ends in the same number written out, so a real subsection "(10)" after
a sentence that ends in words stays one.
"""

from __future__ import annotations

import re

__all__ = ["rejoin_spelled_numerals", "spelled_value"]

_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
          "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
_WORD = r"[A-Za-z]+(?:-[A-Za-z]+)?"
# the line's last words, up to three ("one hundred eighty", "forty-five", "ten"), then the break, then the figures
_SPLIT = re.compile(r"((?:\b" + _WORD + r"[ \t]+){0,3}\b" + _WORD + r")[ \t]*\n(?:[ \t]*\n)*[ \t]*"
                    r"(?=\((\d{1,3})\)[ \t])")


def spelled_value(words: str) -> int | None:
    """The value of a cardinal written in words ("ten" 10, "forty-five" 45, "one hundred eighty" 180), else None."""
    total, seen = 0, False
    for word in re.split(r"[\s-]+", words.lower().strip()):
        if word in _UNITS:
            total += _UNITS.index(word)
        elif word in _TENS:
            total += _TENS[word]
        elif word == "hundred" and seen:
            total *= 100
        elif word == "and" and seen:
            continue
        else:
            return None
        seen = True
    return total if seen else None


def _rejoined(m: re.Match[str]) -> str:
    words = m.group(1).split()
    for k in range(len(words)):
        if spelled_value(" ".join(words[k:])) == int(m.group(2)):
            return m.group(1) + " "
    return m.group(0)


def rejoin_spelled_numerals(raw: str) -> str:
    """``raw`` with each paragraph that opens with the figures of a number the line before ends in words joined
    back to that line ("within ten" / "" / "(10) calendar days" -> "within ten (10) calendar days")."""
    return _SPLIT.sub(_rejoined, raw)
