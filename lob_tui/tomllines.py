"""Where each key, table and array element of a TOML text was written.

``tomllib`` knows nothing of line numbers once a file has parsed, yet a message
about a value must say on which line it stands. The index here walks the text
a second time to find out. Only a message needs it, so it is imported when
the first one is written, not by every ``check`` and export of a file that is
in order (its patterns alone cost a millisecond to compile).
"""

from __future__ import annotations

import bisect
import re
import tomllib
from dataclasses import dataclass, field

from lob_tui.tomlfile import KeyPath


@dataclass
class LineIndex:
    """The line each key, table and array element of a TOML text was written on.

    Paths are those of the parsed data, so ``("rollen", 0, "aandachtsgebieden",
    2, "id")`` is the ``id`` of the third area of the first role, however the
    file writes it: as ``[[...]]`` headers, dotted or quoted keys, or inline
    tables and arrays. Text inside strings (a note may hold a line that looks
    like ``[items.x]``) is skipped, not mistaken for a header.
    """

    lines: dict[KeyPath, int] = field(default_factory=dict)
    duplicate: int | None = None
    """The line of the first key written twice, if any (the text is then invalid)."""
    complete: bool = True
    """False when the text could not be followed to its end; lines may then be missing."""

    @classmethod
    def of(cls, text: str) -> LineIndex:
        """Index ``text``; meant for text ``tomllib`` accepted, tolerant of anything else."""
        index = cls()
        try:
            _Scanner(text, index).document()
        except _ScanError:
            # Only line numbers are lost: callers fall back to the enclosing table.
            index.complete = False
        return index

    def line(self, *path: str | int) -> int:
        """The line of ``path``, else of the nearest enclosing table that was written.

        A missing key is reported on its table's header line; a missing
        top-level key on line 1, where such keys belong.
        """
        for end in range(len(path), 0, -1):
            found = self.lines.get(path[:end])
            if found is not None:
                return found
        return 1

    def exact(self, *path: str | int) -> int | None:
        """The line of ``path`` itself, or None if it was not written."""
        return self.lines.get(path)


class _ScanError(Exception):
    """The scanner met something it does not follow (so the text is not valid TOML)."""


_SKIP = re.compile(r"(?:[ \t\r\n]|#[^\n]*)*")
_BLANK = re.compile(r"[ \t]*")
_BARE = re.compile(r"[A-Za-z0-9_-]+")
_BASIC = re.compile(r'"(?:[^"\\\n]+|\\.)*"')
_LITERAL = re.compile(r"'[^'\n]*'")
_ML_BASIC = re.compile(r'"""(?:[^"\\]+|\\.|"(?!""))*"""(?:"{0,2})', re.S)
_ML_LITERAL = re.compile(r"'''.*?'''(?:'{0,2})", re.S)
_SCALAR = re.compile(r"[^,\]}\n#]+")


class _Scanner:
    """Walks a TOML text once, recording where each key path was written.

    It follows the structure only (keys, headers, arrays, inline tables) and
    skips over values: the parser has already read and checked them.
    """

    def __init__(self, text: str, index: LineIndex) -> None:
        """Prepare to fill ``index`` from ``text``."""
        self.text = text
        self.index = index
        self.newlines = [found.start() for found in re.finditer("\n", text)]
        self.table: KeyPath = ()
        self.arrays: dict[KeyPath, int] = {}  # array-of-tables path -> tables so far
        self.explicit: set[KeyPath] = set()

    def line_at(self, pos: int) -> int:
        """The 1-based line of a position, as the parser counts (at \\n only)."""
        return bisect.bisect_left(self.newlines, pos) + 1

    def char(self, pos: int) -> str:
        """The character at ``pos``, or "" past the end (so no index errors)."""
        return self.text[pos : pos + 1]

    def skip(self, pos: int, pattern: re.Pattern[str] = _SKIP) -> int:
        """Move past blanks (and, by default, newlines and comments)."""
        found = pattern.match(self.text, pos)
        return found.end() if found else pos

    def record(self, path: KeyPath, pos: int, *, implicit: bool = False) -> None:
        """Remember ``path``'s line.

        Tables that a dotted key or header only implies keep their first line
        and may be named again; a key or table written out twice is noted as
        the duplicate, which the parser reports without a useful line.
        """
        if implicit:
            self.index.lines.setdefault(path, self.line_at(pos))
            return
        if path in self.explicit and self.index.duplicate is None:
            self.index.duplicate = self.line_at(pos)
        self.explicit.add(path)
        self.index.lines[path] = self.line_at(pos)

    def document(self) -> None:
        """Walk the whole text: headers, and key/value pairs in the current table."""
        pos = self.skip(0)
        while pos < len(self.text):
            if self.text.startswith("[[", pos):
                pos = self.header(pos + 2, array=True)
            elif self.char(pos) == "[":
                pos = self.header(pos + 1, array=False)
            else:
                pos = self.key_value(pos, self.table)
            pos = self.skip(pos)

    def header(self, pos: int, *, array: bool) -> int:
        """Read ``[a.b]`` or ``[[a.b]]`` and make it the current table."""
        start = pos
        parts, pos = self.key(pos)
        closing = "]]" if array else "]"
        if not self.text.startswith(closing, pos):
            raise _ScanError(pos)
        path = (*self.resolve(parts[:-1], start), parts[-1])
        if array:
            count = self.arrays.get(path, 0)
            self.arrays[path] = count + 1
            self.record(path, start, implicit=True)
            path = (*path, count)
        self.record(path, start)
        self.table = path
        return pos + len(closing)

    def resolve(self, parts: tuple[str, ...], pos: int) -> KeyPath:
        """The concrete path of a header's key: an array of tables means its last table."""
        path: KeyPath = ()
        for part in parts:
            path = (*path, part)
            self.record(path, pos, implicit=True)
            if path in self.arrays:
                path = (*path, self.arrays[path] - 1)
        return path

    def key(self, pos: int) -> tuple[tuple[str, ...], int]:
        """Read a possibly dotted, possibly quoted key; return its parts and the end."""
        parts: list[str] = []
        while True:
            part, pos = self.key_part(self.skip(pos, _BLANK))
            parts.append(part)
            pos = self.skip(pos, _BLANK)
            if self.char(pos) != ".":
                return tuple(parts), pos
            pos += 1

    def key_part(self, pos: int) -> tuple[str, int]:
        """One part of a key: bare, "basic" or 'literal'."""
        for pattern in (_BARE, _BASIC, _LITERAL):
            found = pattern.match(self.text, pos)
            if found:
                return _unquote(found.group()), found.end()
        raise _ScanError(pos)

    def key_value(self, pos: int, table: KeyPath) -> int:
        """Read ``key = value`` inside ``table``; return where the value ends."""
        start = pos
        parts, pos = self.key(pos)
        for end in range(1, len(parts)):
            self.record((*table, *parts[:end]), start, implicit=True)
        path = (*table, *parts)
        self.record(path, start)
        if self.char(pos) != "=":
            raise _ScanError(pos)
        return self.value(self.skip(pos + 1, _BLANK), path)

    def value(self, pos: int, path: KeyPath) -> int:
        """Skip one value; arrays and inline tables are entered to index their parts."""
        if self.char(pos) == "[":
            return self.array(pos + 1, path)
        if self.char(pos) == "{":
            return self.inline_table(pos + 1, path)
        for pattern in (_ML_BASIC, _BASIC, _ML_LITERAL, _LITERAL, _SCALAR):
            found = pattern.match(self.text, pos)
            if found:
                return found.end()
        raise _ScanError(pos)

    def array(self, pos: int, path: KeyPath) -> int:
        """Index each element of ``[...]`` by its position, as the parsed list has it."""
        number = 0
        while True:
            pos = self.skip(pos)
            if self.char(pos) in ("]", ""):
                return self.closed(pos, "]")
            self.record((*path, number), pos)
            pos = self.skip(self.value(pos, (*path, number)))
            if self.char(pos) == ",":
                pos += 1
            number += 1

    def inline_table(self, pos: int, path: KeyPath) -> int:
        """Index the keys of ``{...}`` as keys of the table it is the value of."""
        while True:
            pos = self.skip(pos)
            if self.char(pos) in ("}", ""):
                return self.closed(pos, "}")
            pos = self.skip(self.key_value(pos, path))
            if self.char(pos) == ",":
                pos += 1

    def closed(self, pos: int, bracket: str) -> int:
        """Past the closing bracket, or a scan error if the text ended before it."""
        if self.char(pos) != bracket:
            raise _ScanError(pos)
        return pos + 1


def _unquote(raw: str) -> str:
    """The key a quoted key part stands for (escapes decoded by the parser itself)."""
    if raw.startswith('"'):
        try:
            return str(tomllib.loads(f"k = {raw}")["k"])
        except tomllib.TOMLDecodeError as error:
            raise _ScanError(raw) from error
    if raw.startswith("'"):
        return raw[1:-1]
    return raw
