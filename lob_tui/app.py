"""The lob-tui app: builds the screens, holds the settings, quits only after saving.

``create_app`` is what the command line, the tests and the benchmarks call,
each with their own paths; importing this module reads and creates nothing.
The notes themselves belong to the main screen (``screens.main``); the app
decides which screen comes first (a role choice, the notes, or an error that
the notes file cannot be read) and sees to it that quitting saves.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
import sys
import threading
from collections.abc import Callable, Iterable
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any, ClassVar, cast

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.command import CommandPalette
from textual.message import Message
from textual.screen import Screen

from lob_tui import resources, settings
from lob_tui.crashlog import write_crash_report
from lob_tui.errors import LobFout
from lob_tui.widgets.literal import tell

if TYPE_CHECKING:
    from textual.command import Provider
    from textual.timer import Timer

    from lob_tui.framework import Raamwerk, Rol
    from lob_tui.instance import InstanceLock
    from lob_tui.opening import NotesRead, Opened, StartFiles
    from lob_tui.screens.autosave import Timing
    from lob_tui.screens.main import MainScreen

EXIT_OK, EXIT_FOUT, EXIT_CRASH = 0, 1, 3

_STYLES = ("app.tcss", "main.tcss", "dialogs.tcss")


class FilesRead(Message):
    """Posted by the reading thread: what the files hold, or why they could not be read.

    ``read`` is the opened files, the problems the user must mend (``LobFout``),
    or a bug, which the app raises again so that its crash handling sees it.
    """

    def __init__(self, read: Opened | BaseException) -> None:
        super().__init__()
        self.read = read


def _read_files(app: LobApp, files: StartFiles) -> None:
    """The reading thread: read the files and post what came of it to the app.

    A daemon thread, not a Textual worker: Textual waits for its workers'
    threads when the app exits, so ctrl+q while a large framework is parsed
    would leave a blank terminal until the parse was done. ``post_message``
    is safe from another thread and does nothing once the app has gone.
    """
    from lob_tui.opening import open_files

    read: Opened | BaseException
    try:
        read = open_files(files)
    except Exception as error:  # a LobFout for the user to mend, or a bug to report
        read = error
    app.post_message(FilesRead(read))


def actions_and_items() -> type[Provider]:
    """The palette's source, imported when the palette first opens."""
    from lob_tui.screens.commands import ActionsAndItems

    return ActionsAndItems


class LobApp(App[int]):
    """Walk the framework, mark where you stand, and write notes."""

    TITLE = "lob-tui"
    CSS_PATH: ClassVar[list[str | PurePath]] = [resources.styles_path() / n for n in _STYLES]
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {actions_and_items}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Stoppen", priority=True, id="stoppen"),
        Binding("ctrl+s", "save", "Bewaren", show=False, priority=True, id="bewaren"),
        Binding("f1,question_mark", "help", "Hulp", id="hulp"),
        Binding("ctrl+p", "command_palette", "Opdrachten", show=False, priority=True, id="palet"),
        Binding("ctrl+c", "help_quit", "Zegt hoe je stopt", show=False, system=True, id="ctrl-c"),
    ]

    def __init__(
        self,
        raamwerk: Raamwerk | None,
        rol: Rol | None,
        *,
        notes_path: Path | None,
        settings_path: Path,
        files: StartFiles | None = None,
        timing: Timing | None = None,
        protect: bool = False,
    ) -> None:
        super().__init__()
        self.timing = timing
        """The waits before writing; None: those for people (``autosave.FOR_PEOPLE``)."""
        self._position_timer: Timer | None = None
        self.protect = protect
        self.crash_message: str | None = None
        self.raamwerk = raamwerk
        self.rol = rol
        self.files = files
        self.notes_path_option = notes_path
        self.settings_path = settings_path
        self.instellingen = settings.Instellingen()
        self.main: MainScreen | None = None
        self.warnings: list[str] = []
        self.start_problems: list[str] = []
        """Why the framework could not be opened; printed once the app has closed."""
        self._start_fout: LobFout | None = None
        self._lock: InstanceLock | None = None

    # -- the first screen -------------------------------------------------------------

    def get_default_screen(self) -> Screen[Any]:
        """The frame while the files are read, the role choice, the notes, or an error."""
        self._load_settings()
        if self.files is not None:
            from lob_tui.screens.loading import LoadingScreen

            return LoadingScreen(self.files.framework, self.TITLE)
        if self.raamwerk is None:
            raise ValueError("LobApp needs a framework or the files to read it from")
        return self._first_screen(self.raamwerk, self.rol)

    def _first_screen(
        self, raamwerk: Raamwerk, rol: Rol | None, read: NotesRead | None = None
    ) -> Screen[Any]:
        """The role choice or, with a role, its notes (``read`` already, or now)."""
        self.raamwerk, self.rol = raamwerk, rol
        if rol is None:
            from lob_tui.screens.role import RoleScreen  # only when no role was given

            return RoleScreen(raamwerk, self.choose_role)
        return self._open(rol, read)

    def _load_settings(self) -> None:
        try:
            self.instellingen = settings.load(self.settings_path)
        except LobFout as fout:
            self.warnings.append(str(fout.eerste))
        if self.instellingen.thema in self.available_themes:
            self.theme = self.instellingen.thema

    def _read_behind_first_frame(self) -> None:
        """Read the framework and the notes on a thread; the frame stays responsive."""
        if self.files is not None:
            reading = threading.Thread(
                target=_read_files, args=(self, self.files), name="lob-tui-lezen", daemon=True
            )
            reading.start()

    def on_files_read(self, message: FilesRead) -> None:
        """Show what was read, or stop with the framework's problems (exit code 1)."""
        self.files = None
        read = message.read
        if isinstance(read, LobFout):
            self.start_problems = [str(probleem) for probleem in read.problemen]
            self.exit(EXIT_FOUT, return_code=EXIT_FOUT)
        elif isinstance(read, BaseException):
            raise read  # a bug while reading: the app's crash handling takes it
        else:
            # Pushed over the frame: the default screen cannot be switched out.
            self.push_screen(self._first_screen(read.raamwerk, read.rol, read.notes))
            self._show_warnings()
            self._show_start_error()

    def _open(self, rol: Rol, read: NotesRead | None = None) -> Screen[Any]:
        """The main screen for ``rol``; a file that cannot be read is never written over."""
        from lob_tui.opening import notes_path, read_notes
        from lob_tui.screens.autosave import FOR_PEOPLE
        from lob_tui.screens.main import MainScreen

        if self.raamwerk is None:
            raise ValueError("a role is opened only once its framework is read")
        if read is None:
            read = read_notes(notes_path(self.notes_path_option, rol), rol)
        if read.notities is None:
            self._start_fout = read.fout
            return Screen()
        path = read.store.path
        self._take_lock(path)
        start = self.instellingen.laatste_van(path)
        timing = self.timing or FOR_PEOPLE
        self.main = MainScreen(
            self.raamwerk, rol, read.store, read.notities, start=start, timing=timing
        )
        if self._position_timer is None:
            self._position_timer = self.set_interval(timing.remember, self._remember_position)
        return self.main

    def _take_lock(self, path: Path) -> None:
        """Warn at once when another lob-tui has the same notes file open."""
        from lob_tui.instance import InstanceLock

        self._lock = InstanceLock(path)
        if not self._lock.acquire():
            self.warnings.append(
                f"{path} is al geopend in een andere lob-tui. Sluit die eerst; lob-tui "
                "overschrijft nooit ongezien wat de ander bewaart, maar vraagt het je dan."
            )

    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, lambda _: self._remember_theme())
        if self.protect:
            self._handle_signals()
        self._show_warnings()
        self._show_start_error()
        if self.files is not None:
            self.call_after_refresh(self._read_behind_first_frame)

    def _show_warnings(self) -> None:
        # Shown now; what goes wrong later is printed after the app has closed.
        for warning in self.warnings:
            tell(self, warning, severity="warning")
        self.warnings.clear()

    def choose_role(self, rol: Rol) -> None:
        """The role screen's answer: open that role's notes."""
        self.rol = rol
        self.push_screen(self._open(rol))
        self._show_warnings()
        self._show_start_error()

    def on_unmount(self) -> None:
        if self._lock is not None:
            self._lock.release()

    def _show_start_error(self) -> None:
        """The notes file cannot be read: say why, and stop with exit code 1."""
        if self._start_fout is None:
            return
        message = "\n".join(str(p) for p in self._start_fout.problemen)
        # Each problem already says the file was left as it was.
        message += "\n\nHerstel het bestand, of kies een ander met --notes."
        from lob_tui.screens.dialogs import MessageDialog

        dialog = MessageDialog("Notitiebestand niet te lezen", message, button="Stoppen")
        self.push_screen(dialog, lambda _: self.exit(EXIT_FOUT, return_code=EXIT_FOUT))

    # -- actions ----------------------------------------------------------------------

    # -- signals and crashes: save first, whatever happens --------------------------

    def _handle_signals(self) -> None:
        """SIGTERM (shutdown) and SIGHUP (terminal closed) save, then quit."""
        loop = asyncio.get_running_loop()
        for number in (signal.SIGTERM, signal.SIGHUP):
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.add_signal_handler(number, self._quit_on_signal)

    def _quit_on_signal(self) -> None:
        saved = self._save_blocking()
        code = EXIT_OK if saved else EXIT_FOUT
        self.exit(code, return_code=code)

    def _save_blocking(self) -> bool:
        """Save on this thread, with no dialog: for signals and crashes."""
        if self.main is None:
            return True
        try:
            self.main.commit_editor()
            self.main.autosave.save_blocking()
            self._save_settings(self.main)
        except Exception:
            return False
        return True

    def _handle_exception(self, error: Exception) -> None:
        """A bug in lob-tui: save what can be saved, write the details down, quit.

        Textual offers no public hook for an exception in a handler; its own
        report prints a traceback with local variables, which would put the
        user's notes on the screen. Under tests (``protect`` off) Textual's
        behaviour stays, so a bug fails the test that met it.
        """
        if not self.protect:
            super()._handle_exception(error)
            return
        saved = self._save_blocking()
        report = write_crash_report(error)
        where = f"De details staan in {report}." if report else "De details zijn niet bewaard."
        kept = (
            "Je notities zijn bewaard."
            if saved
            else "Niet alles is bewaard; de laatst bewaarde versie staat er nog."
        )
        self.crash_message = f"lob-tui is gestopt door een fout in het programma. {kept} {where}"
        self.exit(EXIT_CRASH, return_code=EXIT_CRASH)

    async def action_quit(self) -> None:
        """Quit once everything is saved; if saving fails, ask before losing anything."""
        if self.main is None:  # no notes open: nothing to save
            code = EXIT_FOUT if self._start_fout else EXIT_OK
            self.exit(code, return_code=code)
            return
        self.run_worker(self._quit_after_saving(self.main), group="stoppen", exclusive=True)

    async def _quit_after_saving(self, main: MainScreen) -> None:
        from lob_tui.screens.dialogs import QuitDialog
        from lob_tui.widgets.status_line import Bewaarstand

        saved = await main.flush()
        self._save_settings(main)
        if saved:
            self.exit(EXIT_OK)
        elif main.autosave.stand is Bewaarstand.CONFLICT:
            main.ask_conflict()
        else:
            reden = main.status_line.opmerking or "het bewaren lukte niet"
            await self.push_screen(QuitDialog(reden), self._quit_anyway)

    def _quit_anyway(self, quit_anyway: bool | None) -> None:
        if quit_anyway:
            self.exit(EXIT_FOUT, return_code=EXIT_FOUT)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While the files are read only quitting works: the rest needs what they hold."""
        reading = self.files is not None
        return not (reading and action in ("help", "command_palette", "change_theme"))

    def action_save(self) -> None:
        """Ctrl+S: save now."""
        if self.main is not None:
            self.main.save()

    def action_help(self) -> None:
        """? and F1: the help screen."""
        from lob_tui.screens.help import HelpScreen  # the dialogs load when first opened

        if isinstance(self.screen, HelpScreen):
            return
        notes = self.main.notes_path if self.main else Path("(nog geen rol gekozen)")
        self.push_screen(HelpScreen(self.key_sections(), notes, self.settings_path))

    @staticmethod
    def key_sections() -> list[tuple[str, list[BindingType]]]:
        """Every binding of the app, grouped as the help screen lists them."""
        # The dialogs load when first needed, not before the first frame.
        from lob_tui.screens.compare_dialog import CompareDialog
        from lob_tui.screens.export import ExportScreen
        from lob_tui.screens.filter_dialog import FilterDialog
        from lob_tui.screens.main import MainScreen
        from lob_tui.widgets.framework_tree import FrameworkTree
        from lob_tui.widgets.glance import GlanceView
        from lob_tui.widgets.note_editor import NoteEditor
        from lob_tui.widgets.search_bar import SearchBar

        return [
            ("Overal", LobApp.BINDINGS),
            ("In de boom", FrameworkTree.BINDINGS + MainScreen.BINDINGS),
            ("In de notitie", NoteEditor.BINDINGS + MainScreen.BINDINGS),
            ("In het zoekveld", SearchBar.BINDINGS),
            ("In het overzicht (o)", GlanceView.BINDINGS),
            ("In het filter (f)", FilterDialog.BINDINGS),
            ("In de export (e)", ExportScreen.BINDINGS),
            ("Bij vergelijken (v)", CompareDialog.BINDINGS),
        ]

    def action_help_quit(self) -> None:
        """Ctrl+C: say how to quit, in Dutch."""
        tell(self, "Stoppen doe je met ctrl+q (je notities worden eerst bewaard).")

    def action_command_palette(self) -> None:
        """Ctrl+P: the palette, with a Dutch prompt."""
        if not CommandPalette.is_open(cast(App[object], self)):
            placeholder = "Zoek een opdracht, of woorden uit een item…"
            self.push_screen(CommandPalette(placeholder=placeholder, id="--command-palette"))

    def action_change_theme(self) -> None:
        """Choose a theme from Textual's list; the choice is remembered."""
        from lob_tui.screens.commands import Themes

        self.push_screen(CommandPalette(providers=[Themes], placeholder="Zoek een thema…"))

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """The palette's actions, in Dutch (Textual's own are English)."""
        yield SystemCommand("Thema kiezen", "Kies een kleurenthema", self.action_change_theme)
        yield SystemCommand("Hulp", "Alle toetsen en waar je notities staan", self.action_help)
        yield SystemCommand("Stoppen", "Bewaren en stoppen", self.action_quit)
        if self.main is not None and screen is self.main:
            yield from self.main.commands()

    # -- settings ---------------------------------------------------------------------

    def _remember_theme(self) -> None:
        self.instellingen.thema = self.theme
        self._write_settings_behind()

    def _remember_position(self) -> None:
        """Keep the cursor's node in the settings once it has moved, while the app runs.

        Quitting writes it too; this is for a lob-tui that is killed (``kill -9``,
        a crashed terminal), which then reopens where it was a moment before. A look
        every few seconds costs the keys nothing; a write follows only a move.
        """
        main = self.main
        if main is None or main.position is None:
            return
        if self.instellingen.laatste_van(main.notes_path) == main.position:
            return
        self.instellingen.onthoud(main.notes_path, main.position)
        self._write_settings_behind()

    def _write_settings_behind(self) -> None:
        """Write the settings on a thread: the theme and the position change while keys come."""
        self.run_worker(self._write_settings, thread=True, group="instellingen", exclusive=True)

    def _save_settings(self, main: MainScreen) -> None:
        if main.position is not None:
            self.instellingen.onthoud(main.notes_path, main.position)
        self._write_settings()

    def _write_settings(self) -> None:
        """Write the settings; a failure is told once after the app closes, however often
        the position is written (settings are worth a warning, never a dialog)."""
        try:
            settings.save(self.instellingen, self.settings_path)
        except LobFout as fout:
            if str(fout.eerste) not in self.warnings:
                self.warnings.append(str(fout.eerste))


def create_app(
    raamwerk: Raamwerk,
    rol: Rol | None,
    *,
    notes_path: Path | None,
    settings_path: Path,
    timing: Timing | None = None,
    protect: bool = False,
) -> LobApp:
    """Build the app for a framework already read; the notes are read when it runs.

    ``timing`` lets tests and benchmarks shorten the autosave's waits;
    ``protect`` installs the signal and crash handling that a real terminal
    session needs (tests leave it off, so that a bug fails the test).
    """
    return LobApp(
        raamwerk,
        rol,
        notes_path=notes_path,
        settings_path=settings_path,
        timing=timing,
        protect=protect,
    )


def create_app_from_files(
    files: StartFiles,
    *,
    settings_path: Path,
    timing: Timing | None = None,
    protect: bool = False,
) -> LobApp:
    """Build the app as ``lob-tui`` starts it: the frame first, the files read behind it."""
    return LobApp(
        None,
        None,
        notes_path=files.notes,
        settings_path=settings_path,
        files=files,
        timing=timing,
        protect=protect,
    )


def run_app(files: StartFiles, *, settings: Path) -> int:
    """Run the app in the terminal and return its exit code (0 saved, 1 not)."""
    app = create_app_from_files(files, settings_path=settings, protect=True)
    app.run()
    for line in app.start_problems + app.warnings:
        print(f"lob-tui: {line}", file=sys.stderr)
    if app.crash_message:
        print(f"lob-tui: {app.crash_message}", file=sys.stderr)
    return app.return_code or EXIT_OK
