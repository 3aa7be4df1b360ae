"""``lob-tui export`` as a user runs it: files, stdout, exit codes, Dutch messages, no Textual."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from lob_tui import cli, export, notes
from lob_tui.framework import Rol, load_raamwerk
from lob_tui.notes import Notities, Status

RAAMWERK = load_raamwerk(Path(__file__).parent.parent / "raamwerk.toml")
ROL = RAAMWERK.rollen[0]
AREAS = "visie-en-advies, orientatie-en-begeleiding, organisatie, samenwerking"


def today_names(stem: str, suffix: str) -> set[str]:
    """The names an export made now may carry (the test may straddle midnight)."""
    days = (date.today() - timedelta(seconds=5), date.today())
    return {f"{stem}-{d.isoformat()}.{suffix}" for d in days}


def write_notes(path: Path, rol: Rol = ROL) -> Notities:
    notities = Notities(rol.id, naam="Sam de Vries")
    notities.set_status("visie-r1", Status.BESPREKEN)
    notities.set_tekst("visie-r1", "# geen kop\n<script>alert(1)</script>")
    path.write_text(notes.dumps(notities), encoding="utf-8")
    return notities


@pytest.fixture
def notes_file(tmp_path: Path) -> Path:
    path = tmp_path / "notities.toml"
    write_notes(path)
    return path


@pytest.fixture(autouse=True)
def own_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Keep the default notes folder inside the test's own folder."""
    data = tmp_path / "data"
    monkeypatch.setenv("XDG_DATA_HOME", str(data))
    return data / "lob-tui"


def test_blank_to_stdout_is_the_blank_form(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["export", "--blank", "-o", "-"]) == 0

    out = capsys.readouterr().out
    expected = export.markdown(
        RAAMWERK, ROL, Notities(ROL.id), export.Opties(blanco=True), date.today()
    )
    assert out == expected


def test_without_output_it_writes_beside_the_notes_and_says_where(
    notes_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["export", "--notes", str(notes_file)]) == 0

    written = [p for p in notes_file.parent.iterdir() if p.name.startswith("lob-overzicht")]
    assert len(written) == 1 and written[0].name in today_names("lob-overzicht", "md")
    assert capsys.readouterr().out == f"Overzicht geschreven naar {written[0]}\n"
    assert written[0].stat().st_mode & 0o777 == 0o600
    assert "\\# geen kop" in written[0].read_text(encoding="utf-8")


def test_default_notes_path_is_used_and_its_folder_made(
    own_data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["export", "--blank", "--format", "html"]) == 0

    written = list(own_data_dir.iterdir())
    assert len(written) == 1
    assert written[0].name in today_names(f"lob-overzicht-{ROL.id}", "html")
    assert str(written[0]) in capsys.readouterr().out
    assert own_data_dir.stat().st_mode & 0o777 == 0o700


def test_output_file_and_format(notes_file: Path, tmp_path: Path) -> None:
    target = tmp_path / "overzicht.html"

    code = cli.main(["export", "--notes", str(notes_file), "--format", "html", "-o", str(target)])

    assert code == 0
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>") and "&lt;script&gt;" in page


def test_output_folder_gets_the_default_name(notes_file: Path, tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()

    assert cli.main(["export", "--notes", str(notes_file), "-o", str(folder)]) == 0

    names = [p.name for p in folder.iterdir()]
    assert len(names) == 1 and names[0] in today_names("lob-overzicht", "md")


def test_nothing_filled_in_exits_1_in_dutch(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = cli.main(["export", "--notes", str(tmp_path / "nieuw.toml"), "-o", "-"])

    err = capsys.readouterr()
    assert code == 1
    assert err.out == ""
    assert err.err.startswith("lob-tui: er is nog niets om te exporteren")
    assert "--blank" in err.err


def test_unknown_area_exits_1_listing_the_known_ones(
    notes_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = cli.main(["export", "--notes", str(notes_file), "--area", "visie", "-o", "-"])

    err = capsys.readouterr().err
    assert code == 1
    assert "onbekend aandachtsgebied 'visie'" in err and AREAS in err


def test_area_is_repeatable_and_takes_several(
    notes_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["export", "--notes", str(notes_file), "-o", "-"]

    cli.main([*args, "--area", "organisatie", "--area", "visie-en-advies"])
    repeated = capsys.readouterr().out
    cli.main([*args, "--area", "organisatie", "visie-en-advies"])
    together = capsys.readouterr().out

    assert repeated == together
    assert "## Organisatie" in repeated and "## Samenwerking" not in repeated


def test_only_noted_keeps_what_has_notes(
    notes_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["export", "--notes", str(notes_file), "--only-noted", "-o", "-"]) == 0

    out = capsys.readouterr().out
    assert out.count("\n- ") == 1 + 1 + 11 + 2  # the item, its bespreekpunt, the legend, the notes


def test_only_noted_and_blank_exclude_each_other(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        cli.main(["export", "--only-noted", "--blank", "-o", "-"])

    assert stop.value.code == 2
    assert "gaat niet samen met" in capsys.readouterr().err


def test_unknown_format_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        cli.main(["export", "--format", "pdf"])

    assert stop.value.code == 2
    assert "ongeldige keuze" in capsys.readouterr().err


def test_refuses_to_write_over_the_notes_file(
    notes_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = notes_file.read_bytes()

    code = cli.main(["export", "--notes", str(notes_file), "-o", str(notes_file)])

    assert code == 1
    assert notes_file.read_bytes() == before
    assert "zou de uitvoer een invoerbestand overschrijven" in capsys.readouterr().err


def test_notes_of_another_role_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "notities.toml"
    path.write_text(notes.dumps(Notities("mentor", items={})), encoding="utf-8")

    assert cli.main(["export", "--notes", str(path), "-o", "-"]) == 1
    assert "hoort bij de rol 'mentor'" in capsys.readouterr().err


def test_notes_on_unknown_items_are_reported_not_dropped_silently(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "notities.toml"
    notities = write_notes(path)
    notities.set_tekst("verdwenen-item", "oud\x1b[2J")
    path.write_text(notes.dumps(notities), encoding="utf-8")

    assert cli.main(["export", "--notes", str(path), "-o", "-"]) == 0

    err = capsys.readouterr().err
    assert "1 notitie(s)" in err and "verdwenen-item" in err


def test_blank_does_not_read_a_damaged_notes_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "notities.toml"
    path.write_text("dit is geen toml = = =", encoding="utf-8")

    assert cli.main(["export", "--notes", str(path), "--blank", "-o", "-"]) == 0
    assert cli.main(["export", "--notes", str(path), "-o", "-"]) == 1


def run_export(*args: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "lob_tui", "export", *args], cwd=cwd, env=env, capture_output=True
    )


def test_export_runs_from_any_folder_without_loading_textual_or_rich(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from lob_tui import cli\n"
        "code = cli.main(['export', '--blank', '-o', '-'])\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print('LOADED', loaded, code, file=sys.stderr)\n"
    )
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, check=True
    )

    assert result.stderr.decode().strip() == "LOADED [] 0"
    assert result.stdout.decode("utf-8").startswith("# Raamwerk voor loopbaanbegeleiding")


def test_stdout_is_utf8_even_in_an_ascii_locale(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path), "PYTHONIOENCODING": "ascii"}

    result = run_export("--blank", "-o", "-", cwd=tmp_path, env=env)

    assert result.returncode == 0
    assert "Decaan/SLB-coördinator".encode() in result.stdout


def test_a_closed_pipe_is_not_an_error(tmp_path: Path) -> None:
    """Like ``lob-tui export -o - | head``: the reader has gone before the export is written."""
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path)}
    command = [sys.executable, "-m", "lob_tui", "export", "--blank", "-o", "-"]
    process = subprocess.Popen(
        command, cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # long before the child has even loaded the framework

    err = process.stderr.read()
    process.stderr.close()

    assert process.wait() == 0
    assert err == b""


def test_a_relative_notes_path_is_reported_in_full(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write_notes(tmp_path / "notities.toml")
    monkeypatch.chdir(tmp_path)

    assert cli.main(["export", "--notes", "notities.toml"]) == 0

    out = capsys.readouterr().out
    assert out.startswith(f"Overzicht geschreven naar {tmp_path}/lob-overzicht-")


def test_export_into_a_pipe_writes_into_it_and_leaves_it_a_pipe(tmp_path: Path) -> None:
    """-o /dev/null or a FIFO must be written into; a rename over it would replace the device."""
    import os
    import stat
    import threading

    from lob_tui.export import write_export

    fifo = tmp_path / "pijp"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    write_export("# Overzicht\n", fifo)
    reader.join(timeout=10)

    assert received == [b"# Overzicht\n"]
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_export_through_a_symlink_keeps_the_link(tmp_path: Path) -> None:
    from lob_tui.export import write_export

    real = tmp_path / "echt.md"
    real.write_text("oud\n")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    write_export("nieuw\n", link)

    assert link.is_symlink()
    assert real.read_text() == "nieuw\n"
