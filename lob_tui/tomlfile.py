"""Reading TOML files the user wrote, with Dutch messages that point at a line.

``tomllib`` reports syntax errors in English and knows nothing of line numbers
once a file has parsed. Both the framework and the notes file need to tell the
user *where* something is wrong, so this module translates the parser's
messages and keeps a small index of where each table header and key stands.
"""

from __future__ import annotations

import re
import tomllib
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lob_tui.errors import Probleem

_POSITION = re.compile(r"\s*\((?:at line (\d+), column (\d+)|at end of document)\)\s*$")

# The parser's messages that a hand-edited file most often runs into.
_VERTALING = [
    (r"^Invalid value$", "ongeldige waarde (zet tekst tussen aanhalingstekens)"),
    (r"^Unterminated string$", "tekst zonder afsluitend aanhalingsteken"),
    (r"^Cannot overwrite a value$", "deze sleutel staat er al eerder"),
    (r"^Cannot declare (.*) twice$", r"de tabel \1 staat er twee keer"),
    (r"^Expected '=' after a key in a key/value pair$", "na een sleutel hoort '='"),
    (r"^Invalid statement$", "deze regel is geen 'sleutel = waarde' en geen [tabel]"),
    (
        r"^Expected newline or end of document after a statement$",
        "na de waarde hoort de regel te eindigen",
    ),
    (r"^Unescaped '\\' in a string$", "een losse '\\' in tekst: schrijf '\\\\'"),
    (r"^Unclosed array$", "een lijst zonder afsluitende ']'"),
    (r"^Unclosed inline table$", "een tabel zonder afsluitende '}'"),
    (r"^Expected '\]' at the end of a table declaration$", "een [tabel] zonder ']'"),
    (r"^Expected '\]\]' at the end of an array declaration$", "een [[tabel]] zonder ']]'"),
    (r"^Illegal character (.*)$", r"een teken dat hier niet mag staan: \1"),
    (r"^Invalid initial character for a key part$", "een sleutel begint met een ongeldig teken"),
    (r"^Invalid date or datetime$", "ongeldige datum of tijd"),
]


def translate_syntax_error(error: tomllib.TOMLDecodeError, text: str) -> tuple[str, int]:
    """Turn the parser's message into Dutch and the line it names."""
    message = str(error)
    match = _POSITION.search(message)
    if match and match.group(1):
        line = int(match.group(1))
    else:
        line = max(1, text.count("\n") + (0 if text.endswith("\n") else 1))
    detail = message[: match.start()] if match else message
    for pattern, dutch in _VERTALING:
        if re.match(pattern, detail):
            detail = re.sub(pattern, dutch, detail)
            break
    return f"geen geldige TOML: {detail}", line


def decode_utf8(data: bytes, path: Path) -> str | Probleem:
    """Decode a file as UTF-8, or say on which line the first bad byte stands."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return Probleem(path, "het bestand is geen UTF-8-tekst; bewaar het als UTF-8", line)


def parse(text: str, path: Path) -> dict[str, Any] | Probleem:
    """Parse TOML text, or return the Dutch problem with its line."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        melding, line = translate_syntax_error(error, text)
        return Probleem(path, melding, line)


_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$")
_KEY = re.compile(r"""^\s*("[^"]*"|'[^']*'|[A-Za-z0-9_-]+)\s*=""")


@dataclass
class LineIndex:
    """Where each table header and key of a parsed file stands.

    Arrays of tables are numbered in document order per header, which is the
    order ``tomllib`` appends them in, so the n-th ``[[rollen.aandachtsgebieden]]``
    of the file is the n-th area met while walking the parsed data.
    """

    headers: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    spans: dict[int, tuple[int, int]] = field(default_factory=dict)
    keys: dict[int, dict[str, int]] = field(default_factory=dict)

    @classmethod
    def of(cls, text: str) -> LineIndex:
        """Index the headers and keys of ``text`` (one pass, no parsing)."""
        index = cls()
        lines = text.splitlines()
        current = 0  # line 0 stands for the top-level table
        index.keys[0] = {}
        for number, line in enumerate(lines, start=1):
            header = _HEADER.match(line)
            if header:
                name = re.sub(r"\s*\.\s*", ".", header.group(2))
                index.headers[name].append(number)
                index.spans[current] = (index.spans.get(current, (current, 0))[0], number - 1)
                current = number
                index.keys[current] = {}
                index.spans[current] = (number, len(lines))
                continue
            key = _KEY.match(line)
            if key:
                index.keys[current].setdefault(key.group(1).strip("\"'"), number)
        index.spans.setdefault(0, (0, len(lines)))
        return index

    def header(self, name: str, position: int) -> int | None:
        """The line of the ``position``-th ``[[name]]`` (0-based), if written as a header."""
        lines = self.headers.get(name, [])
        return lines[position] if position < len(lines) else None

    def key(self, header_line: int | None, key: str) -> int | None:
        """The line of ``key`` inside the table that starts at ``header_line``."""
        if header_line is None:
            return None
        return self.keys.get(header_line, {}).get(key, header_line or None)
