"""The line index that lets every message about a TOML file name the right line.

It must find a key however the file writes it (headers, arrays of tables,
dotted and quoted keys, inline tables, arrays) and must never mistake the
inside of a string for structure: a note can hold a line reading
``[items.x]``. The property test writes random data with tomli-w in both
string styles and checks that every key and element of the data was found on
a line that really holds it.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import tomli_w
from hostile_text import hostile_text
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lob_tui.errors import Probleem
from lob_tui.tomlfile import KeyPath, decode_utf8, parse
from lob_tui.tomllines import LineIndex


def test_headers_arrays_of_tables_and_keys_get_their_lines() -> None:
    text = (
        "a = 1\n"  # 1
        "[[r]]\n"  # 2
        "id = 'x'\n"  # 3
        "[[r.g]]\n"  # 4
        "[[r]]\n"  # 5
        "[[r.g]]\n"  # 6
        "[[r.g]]\n"  # 7
        "id = 'y'\n"  # 8
    )
    index = LineIndex.of(text)
    assert index.complete
    assert index.exact("a") == 1
    assert index.exact("r", 0) == 2
    assert index.exact("r", 0, "id") == 3
    assert index.exact("r", 0, "g", 0) == 4
    assert index.exact("r", 1, "g", 1) == 7
    assert index.exact("r", 1, "g", 1, "id") == 8


def test_quoted_keys_with_dots_spaces_and_brackets_are_one_key() -> None:
    text = '[items."a.b c]"]\nstatus = 1\n[items.\'d e\'."f"]\nx = 2\n"g.h" = 3\n'
    index = LineIndex.of(text)
    assert index.exact("items", "a.b c]") == 1
    assert index.exact("items", "a.b c]", "status") == 2
    assert index.exact("items", "d e", "f", "x") == 4
    assert index.exact("items", "d e", "f", "g.h") == 5


def test_escaped_quoted_keys_are_decoded() -> None:
    index = LineIndex.of('"a\\u0041\\"" = 1\n')
    assert index.exact('aA"') == 1


def test_dotted_keys_make_their_tables() -> None:
    index = LineIndex.of("x = 0\na.b.c = 1\n")
    assert index.exact("a", "b", "c") == 2
    assert index.line("a", "b", "missing") == 2


def test_inline_tables_and_arrays_over_several_lines() -> None:
    text = "v = [\n  { id = 'a' },\n  # comment ] }\n  { id = 'b', t = [1,\n 2] },\n]\n"
    index = LineIndex.of(text)
    assert index.exact("v", 0, "id") == 2
    assert index.exact("v", 1, "id") == 4
    assert index.exact("v", 1, "t", 1) == 5


def test_structure_inside_strings_is_not_taken_for_headers_or_keys() -> None:
    text = (
        'n = """\n[items.x]\nstatus = 3\n"""\n'  # 1-4
        "m = '''\n[[rollen]]\n'''\n"  # 5-7
        's = "[a] # b = 1"\n'  # 8
        "after = 1\n"  # 9
    )
    index = LineIndex.of(text)
    assert set(index.lines) == {("n",), ("m",), ("s",), ("after",)}
    assert index.exact("after") == 9


def test_a_missing_key_falls_back_to_its_table_and_the_top_to_line_one() -> None:
    index = LineIndex.of("\n\n[t]\nx = 1\n")
    assert index.line("t", "y") == 3
    assert index.line("nothing") == 1


def test_a_key_written_twice_is_found_on_the_second_key() -> None:
    text = 'a = 1\nb = """\nx\n"""\na = 2\n'
    assert LineIndex.of(text).duplicate == 5
    problem = parse(text, Path("f.toml"))
    assert isinstance(problem, Probleem)
    assert problem.regel == 5
    assert "staat er al eerder" in problem.melding


def test_a_table_after_its_subtable_is_not_a_duplicate() -> None:
    index = LineIndex.of("[a.b]\nx = 1\n[a]\ny = 2\n")
    assert index.duplicate is None
    assert index.exact("a") == 3


def test_text_the_scanner_cannot_follow_gives_an_incomplete_index_not_an_error() -> None:
    index = LineIndex.of("a = 1\n[unclosed\nb = 2\n")
    assert not index.complete
    assert index.exact("a") == 1


def test_syntax_errors_are_translated_to_dutch_with_their_line() -> None:
    cases = {
        "a = 1\nb = waar\n": ("ongeldige waarde", 2),
        'a = "open\n': ("aanhalingsteken", 1),
        "[a]\n[a]\n": ("de tabel [a] staat er twee keer", 2),
        "x = {a=1, a=2}\n": ("twee keer in dezelfde", 1),
        'a = "\\uZZZZ"\n': ("\\u-code", 1),
        'a = 1\nb = "C:\\map"\n': ("schrijf '\\\\'", 2),
        "[a\nb = 1\n": ("[tabel] zonder ']'", 1),
    }
    for text, (words, line) in cases.items():
        problem = parse(text, Path("f.toml"))
        assert isinstance(problem, Probleem), text
        assert words in problem.melding, (text, problem.melding)
        assert problem.regel == line, text


def test_a_bad_utf8_byte_is_reported_on_its_line() -> None:
    problem = decode_utf8(b"a = 1\nb = 2\nc = '\xff'\n", Path("f.toml"))
    assert isinstance(problem, Probleem)
    assert problem.regel == 3


KEY = hostile_text(3) | st.sampled_from(["a", "a.b", "1", "", " ", "[x]", '"', "'"])
LEAF = st.integers() | st.booleans() | hostile_text(6) | st.datetimes() | st.floats(allow_nan=False)
DATA: st.SearchStrategy[dict[str, Any]] = st.dictionaries(
    KEY,
    st.recursive(
        LEAF,
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(KEY, inner, max_size=3),
        max_leaves=12,
    ),
    max_size=5,
)


def paths(data: Any, prefix: KeyPath = ()) -> list[KeyPath]:
    """Every key and array element of parsed data, as a path."""
    if isinstance(data, dict):
        items: list[tuple[str | int, Any]] = list(data.items())
    elif isinstance(data, list):
        items = list(enumerate(data))
    else:
        return []
    found = []
    for key, value in items:
        found.append((*prefix, key))
        found += paths(value, (*prefix, key))
    return found


def written_key(key: str) -> str:
    """How tomli-w writes ``key`` (bare or quoted)."""
    return tomli_w.dumps({key: 0}).rsplit(" = ", 1)[0]


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DATA, st.booleans(), st.booleans())
def test_every_key_of_any_written_data_is_found_on_a_line_that_holds_it(
    data: dict[str, Any], multiline: bool, crlf: bool
) -> None:
    text = tomli_w.dumps(data, multiline_strings=multiline)
    if crlf:  # as a Windows editor saves it
        text = text.replace("\n", "\r\n")
    parsed = tomllib.loads(text)
    index = LineIndex.of(text)
    lines = text.split("\n")

    assert index.complete and index.duplicate is None
    for path in paths(parsed):
        line = index.exact(*path)
        assert line is not None, path
        last = path[-1]
        if isinstance(last, str):
            assert written_key(last) in lines[line - 1], (path, lines[line - 1])
