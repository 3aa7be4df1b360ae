"""``lob-tui check``: a summary and exit 0, or every error and exit 1.

A good framework gets a summary (roles, areas, items per section, sources
used). A framework file that is missing, not UTF-8 or full of mistakes gets
one Dutch line per problem on stderr, each with the file and its line, and no
traceback. The notes file (``--notes``, or the role's own) is read as the app
reads it: what it holds, or its first problem with file and line. Wrong usage
exits 2 (argparse's SystemExit); ``--version`` works.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_framework import GELDIG, TWEEDE_ROL, line_of

from lob_tui import __version__, cli, notes
from lob_tui.notes import Notities, Status

ROL = "decaan-slb-coordinator"


@pytest.fixture(autouse=True)
def own_data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Without --notes, check reads the role's file in the data folder: a private one here."""
    folder = tmp_path / "gegevens"
    monkeypatch.setenv("XDG_DATA_HOME", str(folder))
    return folder / "lob-tui"


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
    assert "Controleer het raamwerkbestand en je notitiebestand" in out and "gebruik:" in out


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


def write_notes(path: Path, notities: Notities) -> str:
    text = notes.dumps(notities)
    path.write_text(text, encoding="utf-8")
    return text


def test_check_reads_the_roles_own_notes_file_and_says_what_it_holds(
    own_data_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = check(capsys)
    assert code == 0
    assert f"Notities: {own_data_folder / f'notities-{ROL}.toml'} bestaat nog niet" in out

    notities = Notities(ROL)
    notities.set_status("visie-r1", Status.BEHEERS_IK)
    notities.set_status("visie-d4", Status.BESPREKEN)
    notities.set_tekst("visie-d4", "Alumni [bold]uitnodigen[/]")
    notities.set_veld("visie-en-advies/rolbeschrijvingen", "Eerst overleggen")
    own_data_folder.mkdir(parents=True)
    write_notes(own_data_folder / f"notities-{ROL}.toml", notities)
    code, out, err = check(capsys)
    assert code == 0 and err == ""
    assert "items met een status: 2, met een notitie: 1; aandachtsvelden ingevuld: 1" in out
    assert out.endswith("In orde.\n")


def test_check_of_a_notes_file_with_a_mistake_names_its_line_and_leaves_it_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "notities.toml"
    notities = Notities(ROL)
    notities.set_status("visie-r1", Status.BEHEERS_IK)
    text = write_notes(path, notities).replace('"beheers ik"', '"beheerst"')
    path.write_text(text, encoding="utf-8")

    code, out, err = check(capsys, "--notes", str(path))
    assert code == 1 and "In orde." not in out
    assert err.startswith(f"lob-tui: {path}, regel {line_of(text, 'beheerst')}: ")
    assert "'beheers ik'" in err  # what would be right
    assert path.read_text(encoding="utf-8") == text


def test_check_of_notes_with_a_toml_error_exits_1_after_the_frameworks_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "notities.toml"
    path.write_bytes(b'schema = 1\nrol = "decaan-slb-coordinator"\n[items.visie-d4\n')
    code, out, err = check(capsys, "--notes", str(path))
    assert code == 1
    assert "38 items" in out and "In orde." not in out
    assert err.startswith(f"lob-tui: {path}, regel 3: geen geldige TOML")


def test_check_names_notes_on_ids_the_framework_lacks_shown_inert(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Such notes are kept, not an error; an id from the file cannot steer the terminal."""
    path = tmp_path / "notities.toml"
    notities = Notities(ROL)
    notities.set_tekst("weg\x1b[2J", "Van een oud raamwerk")
    write_notes(path, notities)
    code, out, _ = check(capsys, "--notes", str(path))
    assert code == 0 and "\x1b" not in out
    assert "let op: 1 notitie(s) bij items of onderdelen die niet in dit raamwerk staan" in out
    assert "weg\N{SYMBOL FOR ESCAPE}[2J" in out and out.endswith("In orde.\n")


def test_check_with_several_roles_needs_a_role_for_the_notes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    framework = tmp_path / "raamwerk.toml"
    framework.write_text(GELDIG + TWEEDE_ROL, encoding="utf-8")
    code, out, _ = check(capsys, "--framework", str(framework))
    assert code == 0 and "Notities: niet gecontroleerd; kies een rol met --role" in out

    notes_file = tmp_path / "notities.toml"
    code, _, err = check(capsys, "--framework", str(framework), "--notes", str(notes_file))
    assert code == 1 and "kies er een met --role (rol, rol-2)" in err
    code, out, _ = check(
        capsys, "--framework", str(framework), "--notes", str(notes_file), "--role", "rol-2"
    )
    assert code == 0 and f"Notities: {notes_file} bestaat nog niet" in out
