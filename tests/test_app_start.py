"""How the app starts: the role choice, the settings file, and the factory's promises."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from conftest import SIZE, AppFiles, Notified, WaitUntil, jump

from lob_tui import notes, resources, settings
from lob_tui.errors import LobFout
from lob_tui.framework import Raamwerk, parse_raamwerk
from lob_tui.screens.main import MainScreen
from lob_tui.screens.role import RoleScreen

SECOND_ROLE = """
[[rollen]]
id = "mentor"
naam = "Mentor/SLB-er [b"

[[rollen.aandachtsgebieden]]
id = "begeleiding"
naam = "Begeleiding"

[[rollen.aandachtsgebieden.rolbeschrijvingen]]
id = "begeleiding-r1"
tekst = "Voert loopbaangesprekken met jongeren"

[[rollen.aandachtsgebieden.deskundigheden]]
id = "begeleiding-d1"
tekst = "Kent de loopbaancompetenties"
"""


@pytest.fixture
def two_roles(tmp_path: Path) -> Raamwerk:
    text = resources.default_framework_path().read_text(encoding="utf-8") + SECOND_ROLE
    return parse_raamwerk(text.encode(), tmp_path / "raamwerk.toml")


async def test_with_several_roles_the_app_asks_which_one(
    files: AppFiles, two_roles: Raamwerk
) -> None:
    app = files.app(raamwerk=two_roles)
    app.rol = None
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, RoleScreen)
        await pilot.press("down", "enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MainScreen)
        assert screen.rol.id == "mentor"
        assert screen.sub_title == "Mentor/SLB-er [b"
        await pilot.press("ctrl+q")
    assert app.return_code == 0


def test_importing_the_app_reads_and_creates_nothing(tmp_path: Path) -> None:
    # The module is imported already by now; building an app must not touch the disk.
    from lob_tui.app import create_app

    raamwerk = parse_raamwerk(
        resources.default_framework_path().read_bytes(), resources.default_framework_path()
    )
    create_app(
        raamwerk,
        raamwerk.rollen[0],
        notes_path=tmp_path / "a" / "n.toml",
        settings_path=tmp_path / "b" / "s.toml",
    )
    assert not list(tmp_path.iterdir())
    assert "lob_tui.app" in sys.modules


def test_settings_round_trip_and_remember_per_notes_file(tmp_path: Path) -> None:
    path = tmp_path / "config" / "instellingen.toml"
    assert settings.load(path) == settings.Instellingen()
    instellingen = settings.Instellingen(thema="nord")
    instellingen.onthoud(Path("/a/notities.toml"), "item:visie-d4")
    instellingen.onthoud(Path("/b/notities.toml"), "gebied:organisatie")
    settings.save(instellingen, path)

    again = settings.load(path)
    assert again.thema == "nord"
    assert again.laatste_van(Path("/a/notities.toml")) == "item:visie-d4"
    assert again.laatste_van(Path("/b/notities.toml")) == "gebied:organisatie"
    assert path.stat().st_mode & 0o777 == 0o600


def test_settings_that_cannot_be_written_say_why_in_dutch(tmp_path: Path) -> None:
    taken = tmp_path / "config"
    taken.write_text("een bestand waar de map zou komen")
    with pytest.raises(LobFout) as folder_is_a_file:
        settings.save(settings.Instellingen(thema="nord"), taken / "instellingen.toml")
    assert str(folder_is_a_file.value).endswith(f"{taken} is een bestand, geen map")
    with pytest.raises(LobFout) as file_on_the_way:
        settings.save(settings.Instellingen(), taken / "lob-tui" / "instellingen.toml")
    assert str(file_on_the_way.value).endswith(
        f"een deel van {taken / 'lob-tui'} is een bestand, geen map"
    )
    assert taken.read_text() == "een bestand waar de map zou komen"


def test_a_broken_settings_file_is_reported_in_dutch_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "instellingen.toml"
    path.write_text('# lob-tui\nthema = "nord"\n[laatste\n')
    with pytest.raises(LobFout) as broken:
        settings.load(path)
    message = str(broken.value)
    assert message.startswith(f"{path}, regel 3: instellingen niet gelezen (geen geldige TOML")
    assert message.endswith("; de standaard wordt gebruikt")
    path.write_bytes(b'thema = "caf\xe9"\n')
    with pytest.raises(LobFout, match=r"regel 1: instellingen niet gelezen .*geen UTF-8"):
        settings.load(path)


def test_a_settings_file_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    path = tmp_path / "instellingen.toml"
    path.write_bytes('\ufeffthema = "nord"\n'.encode())
    assert settings.load(path).thema == "nord"


async def test_a_broken_settings_file_warns_and_the_app_goes_on(
    files: AppFiles, notified: Notified
) -> None:
    files.settings.write_text("[[[")
    app = files.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        await notified(pilot, "instellingen")


async def test_notes_for_unknown_ids_are_reported_and_kept(
    files: AppFiles, wait_until: WaitUntil, notified: Notified
) -> None:
    old = notes.Notities(files.rol.id)
    old.set_tekst("verdwenen-item", "nog steeds van mij")
    old.set_tekst("visie-r1", "bekend")
    files.notes.write_bytes(notes.to_bytes(old))
    app = files.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await notified(pilot, "verdwenen-item")
        screen = await jump(pilot, files.item("visie-r1"))
        screen.editor.load_text("bekend, en meer")
        await wait_until(pilot, lambda: files.saved_note("visie-r1") == "bekend, en meer")
    assert files.saved_note("verdwenen-item") == "nog steeds van mij"


def test_settings_that_cannot_be_read_say_why_in_dutch(tmp_path: Path) -> None:
    taken = tmp_path / "config"
    taken.write_text("een bestand waar de map zou komen")
    with pytest.raises(LobFout) as unreadable:
        settings.load(taken / "instellingen.toml")
    assert "(een deel van het pad is een bestand, geen map)" in str(unreadable.value)
