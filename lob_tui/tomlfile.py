"""Reading TOML files the user wrote, with Dutch messages that point at a line.

``tomllib`` reports syntax errors in English and knows nothing of line numbers
once a file has parsed. Both the framework and the notes file need to tell the
user *where* something is wrong, so this module translates the parser's
messages; ``tomllines`` keeps an index of the line each key and table was
written on, and is loaded only when a message needs one.
"""

from __future__ import annotations

import ast
import re
import tomllib
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from lob_tui.errors import Probleem

KeyPath = tuple[str | int, ...]
"""Where a value sits in the parsed data: keys, and indexes into arrays."""

# Patterns of error messages are strings: ``re`` compiles (and caches) them at the first error.
_POSITION = r"\s*\((?:at line (\d+), column (\d+)|at end of document)\)\s*$"
_KEY_TUPLE = r"(\(.*\))"

# The parser's messages, in the words of someone editing the file by hand.
_VERTALING = [
    (r"^Invalid value$", "ongeldige waarde (zet tekst tussen aanhalingstekens)"),
    (r"^Unterminated string$", "tekst zonder afsluitend aanhalingsteken"),
    (r"^Cannot overwrite a value$", "deze sleutel staat er al eerder"),
    (rf"^Cannot declare {_KEY_TUPLE} twice$", r"de tabel [\1] staat er twee keer"),
    (rf"^Cannot mutate immutable namespace {_KEY_TUPLE}$", r"[\1] is al eerder volledig gegeven"),
    (rf"^Cannot redefine namespace {_KEY_TUPLE}$", r"[\1] is al eerder gegeven"),
    (r"^Duplicate inline table key (.*)$", r"de sleutel \1 staat twee keer in dezelfde {…}"),
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
    (r"^Expected (.*)$", r"hier hoort \1"),
    (
        r"^Illegal character '\\n'$",
        "tekst zonder afsluitend aanhalingsteken op deze regel (tekst over meer regels "
        'staat tussen """ en """)',
    ),
    (r"^(?:Illegal|Found invalid) character (.*)$", r"een teken dat hier niet mag staan: \1"),
    (r"^Invalid initial character for a key part$", "een sleutel begint met een ongeldig teken"),
    (r"^Invalid date or datetime$", "ongeldige datum of tijd"),
    (r"^Invalid hex value$", "ongeldige \\u-code: daar horen hexadecimale cijfers"),
    (
        r"^Escaped character is not a Unicode scalar value$",
        "deze \\u-code is geen geldig teken",
    ),
]


_KIND_NAMES: dict[type, str] = {
    bool: "waar of onwaar (true/false)",
    str: "tekst",
    int: "een geheel getal",
    float: "een kommagetal",
    list: "een lijst",
    dict: "een tabel",
    datetime: "een datum en tijd",
    date: "een datum",
    time: "een tijd",
}


def kind_name(kind: type) -> str:
    """The Dutch for a TOML value type, as a message names what was expected."""
    return _KIND_NAMES.get(kind, kind.__name__)


def type_name(value: object) -> str:
    """The Dutch for the type of a parsed value, as a message names what was found."""
    return kind_name(type(value))


def _dotted(match: re.Match[str]) -> str:
    """``('a', 'b c')`` as the parser prints a key, written the way the file does."""
    try:
        parts = ast.literal_eval(match.group(1))
    except (ValueError, SyntaxError):
        return match.group(1)
    return ".".join(p if re.fullmatch(r"[A-Za-z0-9_-]+", p) else f'"{p}"' for p in parts)


def translate_syntax_error(error: tomllib.TOMLDecodeError, text: str) -> tuple[str, int]:
    """Turn the parser's message into Dutch and the line it names.

    For a key written twice the parser names the end of the second value
    (which may be many lines further for a long note), so the line of the
    repeated key itself is looked up instead.
    """
    message = str(error)
    match = re.search(_POSITION, message)
    if match and match.group(1):
        line = int(match.group(1))
    else:
        line = max(1, text.count("\n") + (0 if text.endswith("\n") else 1))
    detail = message[: match.start()] if match else message
    if detail == "Cannot overwrite a value":
        from lob_tui.tomllines import LineIndex

        line = LineIndex.of(text).duplicate or line
    return f"geen geldige TOML: {_translate(detail)}", line


def _translate(detail: str) -> str:
    """The Dutch for one of the parser's messages; an unknown one is kept as it is.

    The Dutch is a plain template (``\\1`` stands for the captured part), not a
    regular-expression replacement, so backslashes in it are meant literally.
    """
    for pattern, dutch in _VERTALING:
        found = re.match(pattern, detail)
        if found is None:
            continue
        if not found.groups():
            return dutch
        captured = _dotted(found) if _KEY_TUPLE in pattern else found.group(1)
        return dutch.replace("\\1", captured)
    return detail


def decode_utf8(data: bytes, path: Path) -> str | Probleem:
    """Decode a file as UTF-8, or say on which line the first bad byte stands.

    A byte order mark (which some Windows editors write) is dropped: it is
    valid UTF-8 but not valid TOML, and the user cannot see it.
    """
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
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
