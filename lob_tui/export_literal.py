"""Any text as Markdown that renders exactly that text: notes cannot become markup.

A note is the user's own words. A ``#`` at the start of a line, a ``<script>``,
a ``[link](x)`` or four leading spaces must reach the reader as those
characters, never as a heading, HTML, a link or a code block, or the export's
fixed outline would be at the mercy of what someone typed. The framework's own
texts go through here too: a school may edit them.

* Characters with a meaning inside a line (``\\ ` * _ [ ] < & | ~``) are
  backslash-escaped wherever they stand, which CommonMark allows for any ASCII
  punctuation; ``# > - + = :`` are escaped where they start a line, as is the
  ``.`` or ``)`` after a number there (``:`` because a line like ``:-:`` under a
  line holding a ``|`` would start a table in the export's parser, which has
  tables on for its summary). The rest stays as typed, so the Markdown
  file remains pleasant to read: ``(LOB)``, ``-begeleiding`` and ``a.d.h.v.`` are
  left alone.
* Whitespace at the start or end of a line becomes a character reference
  (``&#32;``), which Markdown would otherwise strip, or read as a code block or
  a line break.
* Each line break becomes a hard break (a backslash ending the line), an empty
  line a line holding only that backslash, so a note stays one paragraph.

What a reader sees differs from the text in three ways only, all in
``visible``: empty lines at the very end are dropped (a paragraph cannot end in
one), a carriage return counts as a line break (as ``notes.normalise`` has it),
and control characters are shown as symbols: C0 controls as their Unicode
Control Pictures (ESC ``␛``, NUL ``␀``), DEL as ``␡``, C1 controls as
``[U+0085]``. So ``lob-tui export -o -`` can never send an escape sequence to a
terminal; the notes file itself keeps them untouched. tests/test_export_literal.py
proves all this for arbitrary text by parsing the result with markdown-it-py.

This module never imports Textual or Rich.
"""

from __future__ import annotations

import re

_INLINE = "\\`*_[]<&|~"
_HEADING = _INLINE + "#"  # a trailing "#" would close an ATX heading
# A backslash goes before each in one pass of the regex engine, which skips the
# rest of a line in C: about twice as fast as str.translate with a table of strings.
_ESCAPE_INLINE = re.compile(f"[{re.escape(_INLINE)}]")
_ESCAPE_HEADING = re.compile(f"[{re.escape(_HEADING)}]")
_LINE_START = frozenset("#>-+=:")
_ORDERED_MARKER = re.compile(r"^([0-9]+)([.)])")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _show_control(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)
    return "\u2421" if code == 0x7F else f"[U+{code:04X}]"


def visible(text: str) -> str:
    """The text as the export shows it: see the module docstring for the three differences."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub(_show_control, text)
    # A lone surrogate cannot be written as UTF-8; notes.normalise refuses them on input.
    return _LONE_SURROGATE.sub("\ufffd", text).rstrip("\n")


def one_line(text: str) -> str:
    """``visible(text)`` on one line, for headings and titles, which cannot break."""
    return visible(text).replace("\n", " ")


def _references(whitespace: str) -> str:
    return "".join(f"&#{ord(c)};" for c in whitespace)


def _backslashed(found: re.Match[str]) -> str:
    return "\\" + found.group()


def escape_line(line: str, *, heading: bool = False) -> str:
    """One line of visible text as Markdown that renders exactly that line."""
    body = line.strip()
    lead = line[: len(line) - len(line.lstrip())]
    trail = line[len(lead) + len(body) :]

    # A function, not the template r"\\\g<0>": for a template, re calls back into
    # Python at every call and for every match, and this runs for every line.
    escaped = (_ESCAPE_HEADING if heading else _ESCAPE_INLINE).sub(_backslashed, body)
    if escaped[:1] in _LINE_START:
        escaped = "\\" + escaped
    elif escaped[:1].isdigit():  # the pattern is only worth trying where it can match
        escaped = _ORDERED_MARKER.sub(r"\1\\\2", escaped, count=1)
    if lead or trail:
        return _references(lead) + escaped + _references(trail)
    return escaped


def literal(text: str) -> list[str]:
    """``text`` as the Markdown lines of one paragraph that renders ``visible(text)``.

    The caller puts the lines where they belong (after ``- `` or ``> ``, indented
    inside a list item); the lines never start with whitespace, so no indent is
    misread.
    """
    lines = [escape_line(line) for line in visible(text).split("\n")]
    return [line + "\\" for line in lines[:-1]] + lines[-1:]


__all__ = ["escape_line", "literal", "one_line", "visible"]
