"""A printed act's labels as a PDF's text layer (or an OCR of the print) gives them: repairs before the lines are read.

An enrolled act run through ``pdftotext -layout`` keeps every line where the page put it, and with it what the scan
made of the labels (Tennessee's Public Chapter 408):

- a full stop after a label, "(3). How consumers may exercise ...": read as printed, the point is "(3) ." and its words
  a sentence of their own; the label is "(3)", as its siblings "(2) The purpose ..." and "(4) The categories ..." show;
- a letter label read as a digit that looks like it, "(A) Ways ...", "(8) Need ...", "(C) Ability ...": between "(A)"
  and "(C)" the "(8)" is "(B)" (only where the labels before and after it are the letters either side of the one the
  digit looks like, so a real "(8)" in a run of numbers stays);
- a number written out and then in figures, "one (1) or more secure ... means", wrapped between the words and the
  figures, so that a line opens with "(1) or more ...", read as a label: put back after the words it completes
  (``spelled_numerals``, as a converter's Markdown is repaired).
"""

from __future__ import annotations

import re

from compgraph.legal.spelled_numerals import rejoin_spelled_numerals

__all__ = ["repaired_printed_labels"]

# "(3). How": a label at a line's start, a full stop, then a capital opening the point's words.
_STOP_AFTER_LABEL = re.compile(r"^([ \t]*\((?:\d{1,3}|[A-Za-z]{1,5})\))\.(?=[ \t]+[A-Z])", re.M)
# a label at a line's start: "(A) Ways", "(8) Need"
_LINE_LABEL = re.compile(r"^[ \t]*\(([A-Za-z]|\d)\)[ \t]", re.M)
# the capital letters a scan reads as digits
_LOOKS_LIKE = {"8": "B", "0": "O", "1": "I", "5": "S", "6": "G", "2": "Z"}


def _letters_for_digits(raw: str) -> str:
    found = list(_LINE_LABEL.finditer(raw))
    for before, m, after in zip(found, found[1:], found[2:], strict=False):
        letter = _LOOKS_LIKE.get(m.group(1))
        if letter and before.group(1) == chr(ord(letter) - 1) and after.group(1) == chr(ord(letter) + 1):
            raw = raw[:m.start(1)] + letter + raw[m.end(1):]  # same length: later matches keep their places
    return raw


def repaired_printed_labels(raw: str) -> str:
    """``raw`` with its labels' scan and wrap damage repaired (see the module's docstring)."""
    return rejoin_spelled_numerals(_letters_for_digits(_STOP_AFTER_LABEL.sub(r"\1", raw)))
