"""Moving through the framework by keyboard: tree keys, search, n / N, the area filter,
the palette's jump, the help screen, and coming back where you left off."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from conftest import SIZE, AppFiles, Notified, WaitUntil, jump, main_screen
from textual import events
from textual.command import CommandPalette
from textual.widgets import Input, OptionList

from lob_tui import settings
from lob_tui.framework import Aandachtsgebied, Item, Sectie, parse_raamwerk
from lob_tui.notes import Status
from lob_tui.screens.autosave import Timing
from lob_tui.screens.help import HelpScreen
from lob_tui.screens.main import MainScreen
from lob_tui.widgets.framework_tree import FrameworkTree, Knoop
from lob_tui.widgets.search_bar import SearchBar, fold, matches
from lob_tui.widgets.title_bar import TitleBar


def test_folding_ignores_accents_and_case() -> None:
    assert fold("Oriëntatie") == fold("ORIENTATIE") == "orientatie"


def test_search_needs_every_word(files: AppFiles) -> None:
    found = matches("theorieen LOB", files.rol.items())
    assert [item.id for item in found] == ["visie-r1"]


async def test_tree_keys_move_open_and_close(files: AppFiles) -> None:
    app = files.app()
    async with app.run_test(size=SIZE) as pilot:
        screen = main_screen(app)
        tree = screen.query_one(FrameworkTree)
        await pilot.press("home")
        await pilot.pause()
        assert isinstance(screen.current, Aandachtsgebied)
        first_area = screen.current

        await pilot.press("right", "right")  # open the area, step into it
        await pilot.pause()
        assert isinstance(screen.current, Sectie) and screen.current.titel == "Rolbeschrijvingen"
        await pilot.press("right", "j")  # open the section, go down onto its first item
        await pilot.pause()
        assert isinstance(screen.current, Item) and screen.current.id == "visie-r1"
        await pilot.press("k")
        await pilot.pause()
        assert isinstance(screen.current, Sectie)

        await pilot.press("left", "left")  # close the section, go up to the area
        await pilot.pause()
        assert screen.current is first_area
        await pilot.press("left")
        await pilot.pause()
        assert tree.cursor_node is not None and not tree.cursor_node.is_expanded

        await pilot.press("end")
        await pilot.pause()
        assert screen.current is files.rol.aandachtsgebieden[-1]


async def test_a_move_shows_the_new_item_in_the_frame_that_draws_the_cursor(
    files: AppFiles,
) -> None:
    """The details and the note change with the cursor, not a frame after it."""
    app = files.app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await jump(pilot, files.item("visie-r1"))
        screen.framework_tree.action_cursor_down()  # no await: no message handled yet
        assert screen.current == files.item("visie-r2")
        assert screen.editor.doel == files.item("visie-r2")


async def test_the_late_message_of_a_node_already_left_changes_nothing(files: AppFiles) -> None:
    app = files.app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await jump(pilot, files.item("visie-r1"))
        shown: list[object] = []
        show = screen.show

        def recorded(knoop: Knoop) -> None:
            shown.append(knoop)
            show(knoop)

        screen.show = recorded  # type: ignore[method-assign]
        tree = screen.framework_tree
        tree.action_cursor_down()
        tree.action_cursor_up()  # both messages are still on their way
        await pilot.pause()
        assert shown == [files.item("visie-r2"), files.item("visie-r1")], "each shown once"
        assert tree.cursor_node is not None and tree.cursor_node.data == files.item("visie-r1")
        assert screen.current == files.item("visie-r1")
        assert screen.editor.doel == files.item("visie-r1")


async def test_enter_on_an_area_opens_it_and_on_an_item_starts_the_note(files: AppFiles) -> None:
    app = files.app()
    async with app.run_test(size=SIZE) as pilot:
        screen = main_screen(app)
        tree = screen.query_one(FrameworkTree)
        await pilot.press("home", "enter")
        await pilot.pause()
        assert tree.cursor_node is not None and tree.cursor_node.is_expanded
        assert app.focused is tree
        await pilot.press("down", "right", "down", "enter")
        await pilot.pause()
        assert app.focused is screen.editor
        assert screen.editor.doel == files.rol.item("visie-r1")
        await pilot.press("escape")
        assert app.focused is tree


async def test_a_key_right_after_enter_lands_in_the_opened_area(files: AppFiles) -> None:
    """A terminal delivers keys typed quickly in one burst: Enter has opened the area before
    the ↓ behind it moves the cursor, which then goes to the area's first section."""
    app = files.app()
    async with app.run_test(size=SIZE) as pilot:
        tree = main_screen(app).query_one(FrameworkTree)
        await pilot.press("home")
        first_area = tree.current
        assert isinstance(first_area, Aandachtsgebied)
        app.post_message(events.Key("enter", None))  # both queued before either is handled
        app.post_message(events.Key("down", None))
        await pilot.pause()
        assert tree.current == first_area.secties[0]


async def test_a_click_opens_and_closes_an_area_and_starts_an_items_note(
    files: AppFiles,
) -> None:
    app = files.app()
    async with app.run_test(size=SIZE) as pilot:
        screen = main_screen(app)
        tree = screen.query_one(FrameworkTree)
        await pilot.press("home")
        area = tree.cursor_node
        assert area is not None and not area.is_expanded
        await pilot.click(FrameworkTree, offset=(6, 0))  # on the area's name, line 0
        await pilot.pause()
        assert area.is_expanded and app.focused is tree
        await pilot.press("right", "right")  # onto the first section, opened: its items below
        await pilot.click(FrameworkTree, offset=(12, 2))
        await pilot.pause()
        assert screen.editor.doel == files.item("visie-r1") and app.focused is screen.editor
        await pilot.click(FrameworkTree, offset=(6, 0))
        await pilot.pause()
        assert not area.is_expanded


async def test_search_without_accents_finds_the_item_and_focuses_the_tree(
    files: AppFiles,
) -> None:
    app = files.app()
    async with app.run_test(size=SIZE) as pilot:
        screen = main_screen(app)
        await pilot.press("slash")
        bar = screen.query_one(SearchBar)
        assert bar.display and app.focused is bar
        bar.value = "orientatie"
        await pilot.press("enter")
        await pilot.pause()
        assert screen.current == files.rol.item("visie-r1")
        assert app.focused is screen.query_one(FrameworkTree)
        assert not bar.display


async def test_search_with_accents_then_n_and_shift_n(files: AppFiles) -> None:
    app = files.app()
    async with app.run_test(size=SIZE) as pilot:
        screen = main_screen(app)
        await pilot.press("slash")
        screen.query_one(SearchBar).value = "Theorieën"
        await pilot.press("enter", "n")
        await pilot.pause()
        assert screen.current == files.rol.item("visie-d2")
        await pilot.press("n")
        await pilot.pause()
        assert screen.current == files.rol.item("orientatie-d2")
        await pilot.press("n")  # round to the first again
        await pilot.pause()
        assert screen.current == files.rol.item("visie-r1")
        await pilot.press("N")
        await pilot.pause()
        assert screen.current == files.rol.item("orientatie-d2")


async def test_n_says_which_match_in_the_status_line_and_moves_at_once(files: AppFiles) -> None:
    """A match already in view gets the cursor in the same key, with no toast per press."""
    app = files.app()
    async with app.run_test(size=SIZE) as pilot:
        screen = main_screen(app)
        await pilot.press("slash")
        screen.query_one(SearchBar).value = "Theorieën"
        await pilot.press("enter")
        await pilot.pause()
        assert "treffer 1 van 3 voor Theorieën (n, N)" in str(screen.status_line.render())

        tree = screen.query_one(FrameworkTree)
        item = files.item("visie-r2")
        assert tree.reveal(item)  # its section is open with the first match's: no refresh
        assert tree.current == item

        toasts = len(app._notifications)
        await pilot.press("n")
        await pilot.pause()
        assert screen.current == files.item("visie-d2")
        assert "treffer 2 van 3" in str(screen.status_line.render())
        assert len(app._notifications) == toasts


async def test_a_search_without_matches_says_so_and_stays(
    files: AppFiles, notified: Notified
) -> None:
    app = files.app()
    async with app.run_test(size=SIZE) as pilot:
        screen = main_screen(app)
        before = screen.current
        await pilot.press("slash")
        screen.query_one(SearchBar).value = "[bold]nergens"
        await pilot.press("enter")
        await pilot.pause()
        assert screen.current is before
        await notified(pilot, "[bold]nergens")


async def test_a_long_search_term_scrolls_in_the_field_without_a_layout(files: AppFiles) -> None:
    app = files.app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = main_screen(app)
        await pilot.press("slash")
        bar = screen.query_one(SearchBar)
        layouts: list[None] = []
        refresh_layout = screen._refresh_layout

        def counted(*args: object, **kwargs: object) -> None:
            layouts.append(None)
            refresh_layout(*args, **kwargs)  # type: ignore[arg-type]

        screen._refresh_layout = counted  # type: ignore[method-assign]
        await pilot.press(*"loopbaanorientatie en begeleiding van leerlingen")
        await pilot.pause()
        assert bar.value == "loopbaanorientatie en begeleiding van leerlingen"
        assert bar.scroll_offset.x > 0  # the end of the term, where the cursor is, is in view
        assert not layouts


async def test_escape_leaves_the_search_field(files: AppFiles) -> None:
    app = files.app()
    async with app.run_test(size=SIZE) as pilot:
        screen = main_screen(app)
        await pilot.press("slash", "x", "escape")
        assert not screen.query_one(SearchBar).display
        assert app.focused is screen.query_one(FrameworkTree)


async def test_a_shows_only_the_current_area_and_back(files: AppFiles) -> None:
    app = files.app()
    async with app.run_test(size=SIZE) as pilot:
        screen = main_screen(app)
        tree = screen.query_one(FrameworkTree)
        await jump(pilot, files.item("organisatie-r1"))
        await pilot.press("a")
        await pilot.pause()
        assert [node.data for node in tree.root.children] == [files.rol.gebied("organisatie")]
        assert screen.current == files.rol.item("organisatie-r1"), "the cursor stays"
        assert "alleen Organisatie" in str(screen.status_line.render())

        # A search match in another area brings that area into view.
        await jump(pilot, files.item("visie-d4"))
        assert [node.data for node in tree.root.children] == [files.rol.gebied("visie-en-advies")]

        await pilot.press("a")
        await pilot.pause()
        assert len(tree.root.children) == len(files.rol.aandachtsgebieden)
        assert screen.current == files.rol.item("visie-d4")


async def test_help_lists_every_key_and_the_notes_file(files: AppFiles, rendered: object) -> None:
    app = files.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = "\n".join(str(s.render()) for s in app.screen.query("Static"))
        assert str(files.notes) in text
        assert "namen van leerlingen" in text
        for binding in [*FrameworkTree.BINDINGS, *type(app).BINDINGS]:
            assert binding.description in text  # type: ignore[union-attr]
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)


async def test_every_binding_has_a_dutch_description_and_an_id(files: AppFiles) -> None:
    app = files.app()
    sections = app.key_sections()
    for _, bindings in sections:
        for binding in bindings:
            assert binding.description and binding.id  # type: ignore[union-attr]


async def test_the_palette_jumps_to_an_item_by_words(files: AppFiles) -> None:
    app = files.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert CommandPalette.is_open(app)
        await pilot.press(*"alumni")
        await pilot.pause(0.3)
        await pilot.press("down", "enter")
        await pilot.pause()
        screen = main_screen(app)
        assert screen.current == files.rol.item("visie-d4")


def palette_lines(app: object) -> list[str]:
    """The texts the open command palette lists now."""
    palette = app.screen  # type: ignore[attr-defined]
    assert isinstance(palette, CommandPalette)
    options = palette.query_one(OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def test_the_palette_says_in_dutch_when_it_finds_nothing(
    files: AppFiles, wait_until: WaitUntil
) -> None:
    """Textual's own 'No matches found' never shows; the query is shown literally."""
    app = files.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        app.screen.query_one(Input).value = "[/] zqzq"
        expected = "Geen opdracht gevonden met '[/] zqzq'"
        await wait_until(pilot, lambda: any(expected in line for line in palette_lines(app)))
        await pilot.pause(0.6)  # past the moment Textual would add its English line
        assert not any("No matches" in line for line in palette_lines(app))
        await pilot.press("enter")  # choosing it only closes the palette
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)

        await pilot.press("ctrl+p", *"zoeken")
        await wait_until(pilot, lambda: "Zoeken" in palette_lines(app)[0])
        assert not any("Geen opdracht" in line for line in palette_lines(app))
        await pilot.press("escape")

        app.action_change_theme()
        await pilot.pause()
        app.screen.query_one(Input).value = "zqzq"
        expected = "Geen thema gevonden met 'zqzq'"
        await wait_until(pilot, lambda: any(expected in line for line in palette_lines(app)))


async def test_the_title_bar_names_the_role_in_one_widget(files: AppFiles) -> None:
    app = files.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        bar = main_screen(app).query_one(TitleBar)
        assert not bar.children  # one widget, where Textual's header has four
        assert f"lob-tui — {files.rol.naam}" in str(bar.render())


async def test_the_palette_runs_the_apps_actions_in_dutch(files: AppFiles) -> None:
    app = files.app()
    async with app.run_test(size=SIZE) as pilot:
        screen = main_screen(app)
        titles = [command.title for command in app.get_system_commands(screen)]
        assert {"Bewaren", "Zoeken", "Hulp", "Stoppen", "Thema kiezen", "Exporteren"} <= set(titles)
        assert "Status: beheers ik" in titles
        await jump(pilot, files.item("visie-r1"))
        await pilot.press("ctrl+p", *"beheers")
        await pilot.pause(0.3)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert screen.notities.item("visie-r1").status is Status.BEHEERS_IK


async def test_the_chosen_theme_is_remembered(files: AppFiles, wait_until: WaitUntil) -> None:
    app = files.app()
    async with app.run_test(size=SIZE) as pilot:
        app.theme = "nord"
        await wait_until(pilot, lambda: files.settings.exists())
        await pilot.press("ctrl+q")

    again = files.app()
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert again.theme == "nord"


async def test_the_last_node_is_restored_per_notes_file(files: AppFiles) -> None:
    app = files.app()
    async with app.run_test(size=SIZE) as pilot:
        await jump(pilot, files.item("samenwerking-d3"))
        await pilot.press("ctrl+q")

    again = files.app()
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = main_screen(again)
        assert screen.current == files.rol.item("samenwerking-d3")
        tree = screen.query_one(FrameworkTree)
        assert tree.cursor_node is not None and tree.cursor_node.data == screen.current


async def test_the_node_is_kept_in_the_settings_while_the_app_runs(
    files: AppFiles, wait_until: WaitUntil
) -> None:
    """Written a moment after a move, without quitting: a killed app reopens there too."""
    app = files.app(timing=Timing(delay=0.1, retry=0.3, remember=0.1))
    async with app.run_test(size=SIZE) as pilot:

        def kept() -> str | None:
            return settings.load(files.settings).laatste_van(files.notes)

        for item_id in ("organisatie-r2", "samenwerking-d3"):
            await jump(pilot, files.item(item_id))
            await wait_until(pilot, lambda want=f"item:{item_id}": kept() == want)
        assert app.is_running


async def test_settings_that_cannot_be_written_are_told_once(
    files: AppFiles, tmp_path: Path, wait_until: WaitUntil
) -> None:
    """The position is written every few seconds; a settings folder that refuses it must
    not pile up one warning per move for the end of the session."""
    (tmp_path / "geen-map").write_text("een bestand, geen map", encoding="utf-8")
    blocked = replace(files, settings=tmp_path / "geen-map" / "instellingen.toml")
    app = blocked.app(timing=Timing(delay=0.1, retry=0.3, remember=0.05))
    async with app.run_test(size=SIZE) as pilot:
        for item_id in ("organisatie-r2", "samenwerking-d3", "visie-r1"):
            await jump(pilot, files.item(item_id))
            await wait_until(
                pilot,
                lambda want=f"item:{item_id}": app.instellingen.laatste_van(files.notes) == want,
            )
            await app.workers.wait_for_complete()
        await pilot.press("ctrl+q")
    assert app.warnings == [
        f"{blocked.settings}: instellingen niet bewaard: {tmp_path / 'geen-map'} is een "
        "bestand, geen map"
    ]


async def test_space_opens_and_closes_and_ctrl_c_says_how_to_quit(
    files: AppFiles, notified: Notified
) -> None:
    app = files.app()
    async with app.run_test(size=SIZE) as pilot:
        tree = main_screen(app).query_one(FrameworkTree)
        await pilot.press("home", "space")
        await pilot.pause()
        assert tree.cursor_node is not None and tree.cursor_node.is_expanded
        await pilot.press("space", "ctrl+c")
        await pilot.pause()
        assert not tree.cursor_node.is_expanded
        await notified(pilot, "ctrl+q")
        assert app.is_running


def big_framework(areas: int) -> str:
    """A framework of ``areas`` areas with one item in each section."""
    parts = ['formaat = 1\ntitel = "Groot"\n[[rollen]]\nid = "rol"\nnaam = "Rol"\n']
    for n in range(areas):
        parts.append(
            f'[[rollen.aandachtsgebieden]]\nid = "g{n}"\nnaam = "Gebied {n}"\n'
            f'[[rollen.aandachtsgebieden.rolbeschrijvingen]]\nid = "r{n}"\ntekst = "Rol {n}"\n'
            f'[[rollen.aandachtsgebieden.deskundigheden]]\nid = "d{n}"\ntekst = "Kennis {n}"\n'
        )
    return "".join(parts)


async def test_a_large_framework_fills_the_tree_after_the_first_frame(
    files: AppFiles, tmp_path: Path, wait_until: WaitUntil
) -> None:
    raamwerk = parse_raamwerk(big_framework(1200).encode(), tmp_path / "groot.toml")
    app = files.app(raamwerk=raamwerk)
    async with app.run_test(size=SIZE) as pilot:
        screen = main_screen(app)
        tree = screen.query_one(FrameworkTree)
        assert len(tree.root.children) < 1200, "not every area before the first frame"

        # An item far down can be reached at once, before the batches get there.
        await jump(pilot, screen.rol.item("d1100"))  # type: ignore[arg-type]
        assert screen.current == screen.rol.item("d1100")

        await wait_until(pilot, lambda: len(tree.root.children) == 1200)
        await pilot.press("end")
        await pilot.pause()
        assert screen.current == screen.rol.gebied("g1199")
