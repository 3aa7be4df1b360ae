"""A note is literal text: whatever it holds, it reads as typed and never changes the outline.

The proof is a property test. For any text, put it in the three places a user
writes (an item's note, which then also shows under Bespreekpunten, a
section's aandachtsveld, and the name), parse the export with markdown-it-py
and compare with the export of a harmless note "x": the block structure must
be identical, every other paragraph unchanged, and the user's paragraphs must
hold nothing but text and hard line breaks, reading exactly ``visible(note)``.
Hostile examples (headings, lists, fences, HTML, links) are run by name as well, and the same is
shown for the framework's own texts and for the HTML page.
"""

from __future__ import annotations

import string
from collections import Counter
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from markdown_it.token import Token

from lob_tui import export
from lob_tui.export_html import markdown_parser
from lob_tui.framework import (
    Aandachtsgebied,
    Bron,
    Item,
    Raamwerk,
    Rol,
    Sectie,
    Soort,
    Voetnoot,
    load_raamwerk,
)
from lob_tui.notes import Aandachtsveld, ItemNotitie, Notities, Status

RAAMWERK = load_raamwerk(Path(__file__).parent.parent / "raamwerk.toml")
ROL = RAAMWERK.rollen[0]
DATUM = date(2026, 12, 3)
VELD = "visie-en-advies/rolbeschrijvingen"
USER_TEXT = {"text", "hardbreak"}

HOSTILE = [
    "# kop",
    "###### kop ##",
    "- lijst",
    "* lijst",
    "+ lijst",
    "1. een",
    "1) een",
    "12345. groot",
    "> citaat",
    "    vier spaties",
    "\tmet een tab",
    "```\nfence\n```",
    "~~~python\nfence\n~~~",
    "---",
    "===",
    "***",
    "___",
    "- - -",
    "Titel\n===",
    "Titel\n---",
    "<script>alert(1)</script>",
    "<div>blok</div>",
    "<!-- commentaar -->",
    "[x](y)",
    "![i](y)",
    "[x]: /url",
    "[x]\n\n[x]: /url",
    "<http://x>",
    "http://example.com en www.example.nl en mail@example.nl",
    "*emph* **sterk**",
    "_x_ __y__",
    "~~weg~~",
    "`code` ``dubbel``",
    "\\",
    "eindigt op \\",
    "\\# al ontsnapt",
    "&amp; &copy; &#35; &#x41;",
    "|a|b|\n|-|-|\n|1|2|",
    "a | b\n--|--",
    "a | b\n:-:",
    "x\n| a |\n:--|--:",
    ":--",
    "twee spaties  \nvolgende regel",
    "a\n\nb",
    "a\n\n\n\nb",
    "\n\nleeg ervoor",
    "laatste regel\n\n",
    "  spaties ervoor",
    "spaties erna   ",
    "\u00a0harde spatie\u00a0",
    "\u3000ideografisch\u3000",
    "- [ ] taak",
    "2. twee\n3. drie",
    "a\r\nb\rc",
    "ESC \x1b[31mrood\x1b[0m NUL \x00 DEL \x7f C1 \x85 \x9b",
    "   \n\t\n  ",
    "$x$ {: .klasse} ^[voetnoot] [^1]",
]

FRAGMENTS = [
    *string.punctuation,
    *(f"\n{start}" for start in ("=", "-", "+", "*", "#", ">", "1.", "9)", "    ", "```", "<div>")),
    *"\n\n\n    \t\r",
    "```",
    "~~~",
    "1.",
    "1)",
    "---",
    "===",
    "<script>",
    "<http://x.nl>",
    "http://x.nl",
    "&amp;",
    "&#32;",
    "  \n",
    "\\\n",
    "\u00a0",
    "\u3000",
    "\u2028",
    "\x1b",
    "\x00",
    "\x0b",
    "\x85",
    "é",
    "a",
    "7",
]
NOTES = st.one_of(
    st.text(),
    st.text(alphabet=string.punctuation + " \t\n\r\x1bab1"),
    st.lists(st.sampled_from(FRAGMENTS), max_size=30).map("".join),
)


def notities_with(note: str) -> Notities:
    """``note`` as the name, as a note on an item to discuss and as an aandachtsveld."""
    return Notities(
        ROL.id,
        naam=note,
        items={"visie-r1": ItemNotitie(Status.BESPREKEN, note)},
        velden={VELD: Aandachtsveld(note)},
    )


def parse(note: str) -> list[Token]:
    markdown = export.markdown(RAAMWERK, ROL, notities_with(note), export.Opties(), DATUM)
    return markdown_parser().parse(markdown)


REFERENCE = parse("x")
"""The export with a harmless note: what every note's export must look like."""


def plain(inline: Token) -> str:
    parts = []
    for child in inline.children or []:
        # Bold for labels and the summary's role, code spans for its bars: never more.
        assert child.type in {"text", "hardbreak", "strong_open", "strong_close", "code_inline"}
        parts.append("\n" if child.type == "hardbreak" else child.content)
    return "".join(parts)


def is_users(tokens: list[Token], i: int) -> bool:
    """Whether inline token ``i`` holds user text: a block quote, or the name line."""
    return tokens[i - 2].type == "blockquote_open" or i == 4


def assert_literal(note: str) -> None:
    tokens = parse(note)
    expected = export.visible(note)
    if not expected:  # nothing visible: no block quote, no name
        return

    shape = [(t.type, t.tag, t.level, t.nesting) for t in tokens]
    assert shape == [(t.type, t.tag, t.level, t.nesting) for t in REFERENCE]

    users = 0
    for i, (token, reference) in enumerate(zip(tokens, REFERENCE, strict=True)):
        if token.type != "inline":
            continue
        if not is_users(tokens, i):
            assert plain(token) == plain(reference)
            continue
        users += 1
        assert {c.type for c in token.children or []} <= USER_TEXT
        if i == 4:
            assert plain(token) == f"Naam: {expected} · Datum: 3 december 2026"
        else:
            assert plain(token) == expected
    assert users == 4  # the name, the note twice (its item, Bespreekpunten), the aandachtsveld


@pytest.mark.parametrize("note", HOSTILE)
def test_hostile_note_reads_as_typed_and_keeps_the_outline(note: str) -> None:
    assert_literal(note)


@settings(max_examples=400, deadline=None)
@given(NOTES)
def test_any_note_reads_as_typed_and_keeps_the_outline(note: str) -> None:
    assert_literal(note)


def test_reference_really_has_the_name_line_at_token_four() -> None:
    assert plain(REFERENCE[4]) == "Naam: x · Datum: 3 december 2026"
    assert sum(is_users(REFERENCE, i) for i, t in enumerate(REFERENCE) if t.type == "inline") == 4


def test_notes_keep_their_lines_exactly() -> None:
    note = "  eerste\n\n    # tweede  \n\teinde\\"
    tokens = parse(note)
    quotes = [tokens[i + 2] for i, t in enumerate(tokens) if t.type == "blockquote_open"]

    assert [plain(q) for q in quotes] == [note] * 3


# --- what visible() changes, and nothing else -----------------------------------------------


def test_control_characters_become_visible_symbols() -> None:
    assert export.visible("a\x1b[2Jb\x00c\x7fd\x85e\x9bf") == "a␛[2Jb␀c␡d[U+0085]e[U+009B]f"
    assert export.visible("tab\tblijft\nregel") == "tab\tblijft\nregel"


def test_carriage_returns_are_line_breaks_and_trailing_empty_lines_go() -> None:
    assert export.visible("a\r\nb\rc\n\n") == "a\nb\nc"
    assert export.visible("\n\n") == ""


def test_lone_surrogates_cannot_break_the_utf8_file() -> None:
    assert export.visible("a\ud800b") == "a\ufffdb"


@given(st.text())
def test_visible_changes_nothing_else(text: str) -> None:
    clean = "".join(c for c in text if c.isprintable() or c in "\t\n").rstrip("\n")
    if clean == text.rstrip("\n") and "\r" not in text:
        assert export.visible(text) == text.rstrip("\n")


def test_exported_markdown_holds_no_terminal_control_characters() -> None:
    note = "\x1b]0;titel\x07\x1b[2J\x9b31m"
    markdown = export.markdown(RAAMWERK, ROL, notities_with(note), export.Opties(), DATUM)

    assert not [c for c in markdown if (ord(c) < 0x20 and c != "\n") or 0x7F <= ord(c) <= 0x9F]


# --- the framework's own texts ---------------------------------------------------------------


def tiny_raamwerk(text: str) -> Raamwerk:
    """A framework whose every text is ``text``, to show they too are literal."""
    item = Item("i1", text, "g1", Soort.ROLBESCHRIJVINGEN, ("A",), 1)
    gebied = Aandachtsgebied(
        "g1",
        text,
        Sectie("g1", Soort.ROLBESCHRIJVINGEN, (item,)),
        Sectie("g1", Soort.DESKUNDIGHEDEN, ()),
    )
    rol = Rol("r", text, "", (gebied,))
    return Raamwerk(text, {"A": Bron("A", text)}, {1: Voetnoot(1, text)}, (rol,))


@settings(max_examples=200, deadline=None)
@given(NOTES)
def test_framework_texts_are_literal_too(text: str) -> None:
    assume(text.strip())  # the framework's loader refuses empty and blank texts
    raamwerk = tiny_raamwerk(text)
    rol = raamwerk.rollen[0]
    markdown = export.markdown(raamwerk, rol, Notities("r"), export.Opties(), DATUM)
    tokens = markdown_parser().parse(markdown)

    one_line = export.visible(text).replace("\n", " ")
    assert [
        (t.tag, plain(tokens[i + 1])) for i, t in enumerate(tokens) if t.type == "heading_open"
    ] == [
        ("h1", f"{one_line} — {one_line}"),
        ("h2", one_line),
        ("h3", "Rolbeschrijvingen"),
        ("h3", "Deskundigheden"),
        ("h2", "Bronnen"),
        ("h2", "Noten"),
    ]
    items = [plain(tokens[i + 2]) for i, t in enumerate(tokens) if t.type == "list_item_open"]
    shown = export.visible(text)
    assert items == [f"{shown} (A) (voetnoot 1)", f"A — {shown}", f"1 — {shown}"]

    # The summary names the role and the area on one line each, in a table of its own.
    assert [t.type for t in tokens].count("table_open") == 1
    names = [plain(tokens[i + 1]) for i, t in enumerate(tokens) if t.type == "td_open"][::6]
    assert names == [one_line.strip(), "\u00a0\u00a0" + one_line.strip()]


# --- the HTML page -------------------------------------------------------------------------


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: Counter[str] = Counter()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "br":
            self.tags[tag] += 1


def html_tags(note: str) -> Counter[str]:
    page = export.html(RAAMWERK, ROL, notities_with(note), export.Opties(), DATUM)
    parser = _Tags()
    parser.feed(page)
    return parser.tags


HTML_REFERENCE = html_tags("x")


@pytest.mark.parametrize("note", HOSTILE)
def test_hostile_note_adds_no_html_element(note: str) -> None:
    if export.visible(note):
        assert html_tags(note) == HTML_REFERENCE


@settings(max_examples=100, deadline=None)
@given(NOTES)
def test_any_note_adds_no_html_element(note: str) -> None:
    if export.visible(note):
        assert html_tags(note) == HTML_REFERENCE
