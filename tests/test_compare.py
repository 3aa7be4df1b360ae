"""``lob-tui compare``: what moved between two assessments, and both sides of every item.

The files are saved through the store, as the app saves them; the reports are
read back with markdown-it-py, so the tests check what a reader sees rather
than how the Markdown happens to be spelled.
"""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token
from reportfiles import (
    ROL,
    framework,
    parse,
    rendered_text,
    section,
    two_role_framework,
    write_notes,
)

from lob_tui.cli import main
from lob_tui.compare import compare_files
from lob_tui.export_literal import visible
from lob_tui.mdtext import literal
from lob_tui.notes import Status

ONTWIKKELEN, BEHEERS, BESPREKEN = Status.WIL_IK_ONTWIKKELEN, Status.BEHEERS_IK, Status.BESPREKEN

LAST_YEAR = {"visie-r1": ONTWIKKELEN, "visie-r2": ONTWIKKELEN, "organisatie-d1": BESPREKEN}
THIS_YEAR = {
    "visie-r1": BEHEERS,  # moved
    "visie-r2": ONTWIKKELEN,  # stayed
    "organisatie-d1": None,  # cleared
    "samenwerking-d3": BESPREKEN,  # new
}
MOVED = {
    (ONTWIKKELEN.value, BEHEERS.value): {"visie-r1"},
    (BESPREKEN.value, "nog niet bekeken"): {"organisatie-d1"},
    ("nog niet bekeken", BESPREKEN.value): {"samenwerking-d3"},
}


@pytest.fixture
def years(tmp_path: Path) -> tuple[Path, Path]:
    a = write_notes(tmp_path / "2025.toml", LAST_YEAR, {"visie-r2": "Nog doen."}, naam="Sam")
    b = write_notes(tmp_path / "2026.toml", THIS_YEAR, {"visie-r2": "Gepland."}, naam="Sam")
    return a, b


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def moves_listed(tokens: list[Token]) -> dict[tuple[str, str], set[str]]:
    """From the summary: per "Van X naar Y" heading, the item ids listed under it."""
    moves: dict[tuple[str, str], set[str]] = {}
    current: tuple[str, str] | None = None
    for n, token in enumerate(tokens):
        if token.type != "inline":
            continue
        heading = re.fullmatch(r"Van (.+) naar (.+): \d+ items?", rendered_text(token))
        if heading and tokens[n - 1].tag == "h3":
            current = (heading[1], heading[2])
            moves[current] = set()
        elif tokens[n - 1].tag == "h3":
            current = None
        elif current and tokens[n - 1].type == "paragraph_open" and tokens[n - 2].tag == "li":
            moves[current].add(re.findall(r"\(([a-z0-9-]+)\)$", rendered_text(token))[0])
    return moves


def test_the_summary_lists_exactly_the_changed_statuses(years: tuple[Path, Path]) -> None:
    text = compare_files(framework(), *years, None)
    summary = section(parse(text), "Wat er veranderde")
    assert moves_listed(summary) == MOVED
    assert "Bij 3 van de 38 items is de status anders in B dan in A." in text


def test_the_summary_comes_before_the_items(years: tuple[Path, Path]) -> None:
    tokens = parse(compare_files(framework(), *years, None))
    h2 = [
        rendered_text(t)
        for n, t in enumerate(tokens)
        if t.type == "inline" and tokens[n - 1].tag == "h2"
    ]
    assert h2[:2] == ["Wat er veranderde", "In één oogopslag"]
    assert h2[2:] == [g.naam for g in framework().rollen[0].aandachtsgebieden]


def test_a_note_that_changed_without_its_status_is_named(years: tuple[Path, Path]) -> None:
    summary = section(parse(compare_files(framework(), *years, None)), "Wat er veranderde")
    texts = [rendered_text(t) for t in summary if t.type == "inline"]
    assert "Alleen de notitie anders: 1 item" in texts
    assert any(t.endswith("(visie-r2)") for t in texts)


def test_each_item_shows_both_statuses_what_changed_and_both_notes(
    years: tuple[Path, Path],
) -> None:
    tokens = parse(compare_files(framework(), *years, None))
    texts = [rendered_text(t) for t in tokens if t.type == "inline"]
    at = next(n for n, t in enumerate(texts) if t.endswith("(visie-r1)") and n > 20)
    assert (
        texts[at + 1] == "Status veranderd: van wil ik ontwikkelen naar beheers ik. Geen notities."
    )
    assert texts[at + 2] == "A · Sam (2025.toml): wil ik ontwikkelen, geen notitie"
    assert texts[at + 3] == "B · Sam (2026.toml): beheers ik, geen notitie"

    at = next(n for n, t in enumerate(texts) if t.endswith("(visie-r2)") and n > at)
    assert texts[at + 1] == "Status gelijk: wil ik ontwikkelen. Notitie anders."
    assert texts[at + 2 : at + 6] == [
        "A · Sam (2025.toml): wil ik ontwikkelen",
        "Nog doen.",
        "B · Sam (2026.toml): wil ik ontwikkelen",
        "Gepland.",
    ]


def test_the_names_in_the_files_label_a_and_b(tmp_path: Path) -> None:
    a = write_notes(tmp_path / "a.toml", {}, naam="Sam de Vries")
    b = write_notes(tmp_path / "b.toml", {"visie-r1": BEHEERS}, naam="Noor Bakker")
    text = compare_files(framework(), a, b, None)
    texts = [rendered_text(t) for t in parse(text) if t.type == "inline"]
    assert f"A: Sam de Vries, bestand {a}" in texts
    assert "B · Noor Bakker: beheers ik, geen notitie" in texts


HOSTILE = (
    "# geen kop\n"
    "<script>alert('x')</script> & &amp; <b>vet</b>\n"
    "[link](javascript:alert(1)) ![plaatje](x.png) <https://voorbeeld.nl>\n"
    "- geen lijst\n"
    "1. ook geen lijst\n"
    "| geen | tabel |\n"
    "```\n"
    "*geen nadruk* _ook niet_ `geen code` \\ backslash ~~niet doorgehaald~~\n"
    "===\n"
    "\n"
    "> geen citaat"
)


def test_hostile_notes_stay_literal(tmp_path: Path) -> None:
    a = write_notes(tmp_path / "a.toml", {"visie-r1": BESPREKEN}, {"visie-r1": HOSTILE})
    b = write_notes(tmp_path / "b.toml", {}, {"visie-r1": "    vier spaties\n\tmet tab"})
    tokens = parse(compare_files(framework(), a, b, None))

    kinds = {t.type for t in tokens} | {c.type for t in tokens for c in t.children or []}
    for markup in ("html_block", "html_inline", "link_open", "image", "code_block", "fence"):
        assert markup not in kinds
    assert "blockquote_open" not in kinds and "ordered_list_open" not in kinds

    shown = [rendered_text(t) for t in tokens if t.type == "inline"]
    assert HOSTILE in shown
    assert "    vier spaties\n\tmet tab" in shown


def test_control_characters_are_shown_not_sent(tmp_path: Path) -> None:
    a = write_notes(tmp_path / "a.toml", {}, {"visie-r1": "rood\x1b[31m\x00!"})
    b = write_notes(tmp_path / "b.toml", {})
    text = compare_files(framework(), a, b, None)
    assert "\x1b" not in text and "\x00" not in text
    assert "rood␛\\[31m␀!" in text


def test_html_is_a_standalone_page_without_scripts(tmp_path: Path) -> None:
    a = write_notes(tmp_path / "a.toml", {"visie-r1": BESPREKEN}, {"visie-r1": HOSTILE})
    b = write_notes(tmp_path / "b.toml", {})
    page = compare_files(framework(), a, b, None, "html")
    assert page.startswith('<!doctype html>\n<html lang="nl">')
    assert page.endswith("</html>\n")
    assert "<script" not in page and "src=" not in page and "href=" not in page
    assert "&lt;script&gt;alert(" in page
    assert "<style>" in page
    assert '<h2 id="veranderd">Wat er veranderde</h2>' in page
    assert '<h2 id="gebied-samenwerking">Samenwerking</h2>' in page


def test_the_same_inputs_give_the_same_bytes(years: tuple[Path, Path]) -> None:
    first = compare_files(framework(), *years, None)
    assert first == compare_files(framework(), *years, None)
    assert first.endswith("\n") and not first.endswith("\n\n")


def test_a_file_of_another_role_is_refused_by_name(
    tmp_path: Path, years: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    raamwerk = two_role_framework(tmp_path)
    mentor = write_notes(tmp_path / "mentor.toml", {}, rol="mentor")
    code, out, err = run(
        capsys, "compare", "--framework", str(raamwerk), str(years[0]), str(mentor)
    )
    assert code == 1 and out == ""
    assert f"{mentor}: dit notitiebestand hoort bij de rol 'mentor', niet bij '{ROL}'" in err
    assert "Traceback" not in err


def test_a_file_of_another_framework_is_refused_by_name(
    tmp_path: Path, years: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    mentor = write_notes(tmp_path / "mentor.toml", {}, rol="mentor")
    code, _, err = run(capsys, "compare", str(mentor), str(years[1]))
    assert code == 1
    assert f"{mentor}: dit notitiebestand hoort bij de rol 'mentor', die dit raamwerk" in err


def test_a_missing_file_is_an_error_not_an_empty_assessment(
    tmp_path: Path, years: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "compare", str(years[0]), str(tmp_path / "typo.toml"))
    assert (code, out) == (1, "")
    assert "typo.toml: dit bestand bestaat niet" in err


def test_output_goes_to_a_private_file_atomically(
    tmp_path: Path, years: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "vergelijking.html"
    code, out, _ = run(capsys, "compare", *map(str, years), "--format", "html", "-o", str(target))
    assert code == 0 and out == f"Vergelijking geschreven naar {target}\n"
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    assert target.read_text(encoding="utf-8") == compare_files(framework(), *years, None, "html")
    assert [p.name for p in tmp_path.iterdir() if "tmp" in p.name] == []


def test_output_never_overwrites_a_notes_file(
    years: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    before = years[1].read_bytes()
    code, _, err = run(capsys, "compare", *map(str, years), "-o", str(years[1]))
    assert code == 1 and f"{years[1]}: hier zou de uitvoer een invoerbestand overschrijven" in err
    assert years[1].read_bytes() == before


def test_stdout_gets_utf8_and_no_textual(years: tuple[Path, Path]) -> None:
    script = (
        "import sys; from lob_tui.cli import main; code = main(sys.argv[1:]); "
        "bad = [m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')]; "
        "sys.stderr.write(repr(bad)); sys.exit(code)"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, "compare", *map(str, years)],
        capture_output=True,
        env={**os.environ, "LC_ALL": "C", "PYTHONIOENCODING": "ascii"},
        check=True,
    )
    assert done.stderr == b"[]"
    assert "Oriëntatie en begeleiding".encode() in done.stdout


def test_notes_on_unknown_items_are_named_not_compared(tmp_path: Path) -> None:
    a = write_notes(tmp_path / "a.toml", {"visie-r9": BEHEERS, "visie-r1": BEHEERS})
    b = write_notes(tmp_path / "b.toml", {"visie-r1": BEHEERS})
    tokens = parse(compare_files(framework(), a, b, None))
    unknown = [rendered_text(t) for t in section(tokens, "Niet vergeleken") if t.type == "inline"]
    assert unknown == ["A heeft notities bij id's die dit raamwerk niet kent: visie-r9"]
    assert "Bij geen van de 38 items is de status anders in B dan in A." in [
        rendered_text(t) for t in tokens if t.type == "inline"
    ]


PIECES = st.characters(blacklist_categories=("Cs",), max_codepoint=0x17F) | st.sampled_from(
    ["\n", "\t", "    ", "# ", "- ", "1. ", "```", "<b>", "&amp;", "\\", "\u2003", "| a |", "==="]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, min_size=1).map("".join))
def test_any_note_renders_as_typed(text: str) -> None:
    """Inside a list item, as compare places it, a note shows what export_literal promises."""
    assume(visible(text))
    tokens = MarkdownIt("commonmark", {"html": False}).parse("- **A**\n\n  " + literal(text, "  "))
    paragraphs = [t for t in tokens if t.type == "inline"]
    assert len(paragraphs) == 2
    assert rendered_text(paragraphs[1]) == visible(text)
