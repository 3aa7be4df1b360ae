"""``lob-tui check``: a summary and exit 0, or every error and exit 1.

A good framework gets a summary (roles, areas, items per section, sources
used). A framework file that is missing, not UTF-8 or full of mistakes gets
one Dutch line per problem on stderr, each with the file and its line, and no
traceback. Wrong usage exits 2 (argparse's SystemExit); ``--version`` works.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_framework import GELDIG, line_of

from lob_tui import __version__, cli


def check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(["check", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_check_of_the_shipped_framework_prints_a_summary_and_exits_0(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = check(capsys)
    assert code == 0 and err == ""
    assert "Rollen: 1" in out
    assert "4 aandachtsgebieden, 38 items" in out
    assert re.search(r"Visie en advies voor beleid: 3 rolbeschrijvingen, 5 deskundigheden", out)
    assert "Bronnen gebruikt: " in out


def test_check_with_framework_reads_that_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "raamwerk.toml"
    path.write_text(GELDIG, encoding="utf-8")
    code, out, _ = check(capsys, "--framework", str(path))
    assert code == 0
    assert "Proefraamwerk" in out and "1 aandachtsgebieden, 2 items" in out


def test_the_framework_option_may_also_come_before_the_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "raamwerk.toml"
    path.write_text(GELDIG, encoding="utf-8")
    assert cli.main(["--framework", str(path), "check"]) == 0
    assert "Proefraamwerk" in capsys.readouterr().out


def test_check_prints_every_error_with_file_and_line_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (
        GELDIG.replace('tekst = "Rolbeschrijving"', "tekst = 3")
        .replace('bronnen = ["A", "B"]', 'bronnen = ["A", "Q"]')
        .replace("voetnoot = 1", "voetnoot = 7")
        .replace('id = "d1"', 'id = "r1"')
    )
    path = tmp_path / "raamwerk.toml"
    path.write_text(text, encoding="utf-8")
    code, out, err = check(capsys, "--framework", str(path))
    assert code == 1 and out == ""
    lines = err.strip().split("\n")
    expected = [
        line_of(text, "tekst = 3"),
        line_of(text, '"Q"'),
        line_of(text, 'id = "r1"', occurrence=2),
        line_of(text, "voetnoot = 7"),
    ]
    assert [int(re.search(r", regel (\d+):", line).group(1)) for line in lines] == expected  # type: ignore[union-attr]
    assert all(line.startswith(f"lob-tui: {path}, regel ") for line in lines)
    assert "Traceback" not in err


def test_check_of_a_syntax_error_names_the_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "raamwerk.toml"
    path.write_text(GELDIG.replace('naam = "Rol"', "naam = Rol"), encoding="utf-8")
    code, _, err = check(capsys, "--framework", str(path))
    assert code == 1
    assert f"{path}, regel 13: geen geldige TOML" in err


def test_check_of_a_file_that_is_not_utf8_names_the_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "raamwerk.toml"
    path.write_bytes(GELDIG.encode().replace(b"Bron B", b"Bron \xe9"))
    code, _, err = check(capsys, "--framework", str(path))
    assert code == 1
    assert f"{path}, regel 6: het bestand is geen UTF-8-tekst" in err


def test_check_of_a_missing_file_says_so_in_dutch(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = check(capsys, "--framework", str(tmp_path / "weg.toml"))
    assert code == 1
    assert err == f"lob-tui: {tmp_path / 'weg.toml'}: het raamwerkbestand bestaat niet\n"


def test_check_output_shows_escape_sequences_from_the_file_inert(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "raamwerk.toml"
    path.write_text(GELDIG.replace('"Proefraamwerk"', '"\\u001b[2JWeg"'), encoding="utf-8")
    code, out, _ = check(capsys, "--framework", str(path))
    assert code == 0
    assert "\x1b" not in out and "\\x1b[2JWeg" in out


@pytest.mark.parametrize(
    "argv",
    [["check", "--onbekend"], ["bestaat-niet"], ["check", "--framework"], ["--notes"]],
)
def test_wrong_usage_exits_2_with_a_dutch_message(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as end:
        cli.main(argv)
    assert end.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("gebruik: ")
    assert "error" not in err and "usage" not in err


def test_version_prints_the_version_and_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as end:
        cli.main(["--version"])
    assert end.value.code == 0
    assert capsys.readouterr().out.strip() == f"lob-tui {__version__}"


def test_help_is_in_dutch(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as end:
        cli.main(["check", "--help"])
    assert end.value.code == 0
    out = capsys.readouterr().out
    assert "Controleer een raamwerkbestand" in out and "gebruik:" in out


def test_check_piped_into_a_reader_that_stops_early_is_no_error() -> None:
    """`lob-tui check | head -1` must not end in a traceback about a broken pipe."""
    import os
    import subprocess
    import sys

    # A pipe whose reader is already gone: the first write meets EPIPE, every time.
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        check = subprocess.run(
            [sys.executable, "-m", "lob_tui", "check"],
            stdout=write_end,
            stderr=subprocess.PIPE,
            check=False,
        )
    finally:
        os.close(write_end)
    assert check.returncode == 0
    assert b"Traceback" not in check.stderr
