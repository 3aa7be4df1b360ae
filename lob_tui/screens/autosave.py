"""Saving the notes in the background, so that no keystroke waits for the disk.

Every change restarts a short timer; when typing pauses, a snapshot of the
notes (``Notities.copy()``) is written by a thread while the user goes on; for
many notes a child process turns them into bytes, so that the thread leaves
the GIL to the keys (``lob_tui.prepare``).
Saves never overlap: a change that arrives during a save is saved right after
it. A save that fails is reported once and retried every few seconds, while
the text stays in the editor. When someone else changed the file, saving stops
until the user has chosen what to do (``on_conflict``).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass

from textual.timer import Timer
from textual.widget import Widget
from textual.worker import Worker, WorkerError

from lob_tui.errors import LobFout
from lob_tui.notes import Notities
from lob_tui.prepare import in_child
from lob_tui.store import ConflictFout, NotesStore
from lob_tui.widgets.literal import tell
from lob_tui.widgets.status_line import Bewaarstand

DELAY = 1.0
"""Seconds of quiet after the last change before saving (the promise is at most 2)."""

RETRY = 3.0
"""Seconds between attempts after a failed save."""

REMEMBER = 2.0
"""Seconds between two looks at where the cursor is, to keep it in the settings."""


@dataclass(frozen=True)
class Timing:
    """How long the app waits before it writes; tests and benchmarks may want it quicker."""

    delay: float = DELAY
    retry: float = RETRY
    remember: float = REMEMBER


FOR_PEOPLE = Timing()
"""The waits the app uses when people type."""


class Autosave:
    """Keeps one notes file up to date with the notes on screen."""

    def __init__(
        self,
        owner: Widget,
        store: NotesStore,
        notities: Notities,
        *,
        on_state: Callable[[Bewaarstand, str], None],
        on_conflict: Callable[[], None],
        timing: Timing = FOR_PEOPLE,
    ) -> None:
        self.owner = owner
        self.timing = timing
        self.store = store
        self.notities = notities
        self.stand = Bewaarstand.BEWAARD
        self._on_state = on_state
        self._on_conflict = on_conflict
        self._saved = notities.revisie
        self._timer: Timer | None = None
        self._waiting_for_retry = False
        self._changed_at = 0.0
        self._worker: Worker[None] | None = None
        self._again = False
        self._reported = ""

    @property
    def dirty(self) -> bool:
        """Whether the notes hold changes that are not in the file yet."""
        return self.notities.revisie != self._saved

    def changed(self) -> None:
        """Call after every change; the save follows once typing pauses."""
        if self.stand is Bewaarstand.CONFLICT:
            return
        # Every keystroke comes here: tell the status line only when its state changes,
        # and note the time rather than start a new timer (a timer is a task to create
        # and cancel); the one timer running looks again when it fires.
        if self._worker is None and self.stand not in (Bewaarstand.MISLUKT, Bewaarstand.GEWIJZIGD):
            self._set(Bewaarstand.GEWIJZIGD)
        self._changed_at = time.monotonic()
        if self._timer is None or self._waiting_for_retry:
            self._start_timer(self.timing.delay, self._when_quiet)

    def _when_quiet(self) -> None:
        """Save once no change came for ``delay`` seconds; else wait for the rest of it."""
        self._timer = None
        quiet = time.monotonic() - self._changed_at
        if quiet < self.timing.delay:
            self._start_timer(self.timing.delay - quiet, self._when_quiet)
        else:
            self.save_now()

    def save_now(self, *, force: bool = False) -> None:
        """Start a save unless one is running (then it follows that one)."""
        self._stop_timer()
        if self._worker is not None:
            self._again = True
            return
        if self.stand is Bewaarstand.CONFLICT and not force:
            return
        if not self.dirty and not force:
            return
        snapshot = self.notities.copy()
        self._worker = self.owner.run_worker(
            self._write(snapshot, force), group="bewaren", exit_on_error=False
        )

    async def flush(self) -> bool:
        """Save what is left and wait; True when the file holds every change."""
        self._stop_timer()
        await self._wait()
        if self.dirty and self.stand is not Bewaarstand.CONFLICT:
            self.save_now()
            await self._wait()
        return not self.dirty

    def save_blocking(self) -> str | None:
        """Save at once on this thread, for a signal or a crash; return where it went.

        No dialog can be shown any more, so a file someone else changed is not
        overwritten: the notes go to a copy beside it instead.
        """
        self._stop_timer()
        snapshot = self.notities.copy()
        try:
            self.store.save(snapshot)
        except ConflictFout:
            copy = self.store.copy_path()
            self.store.save_copy(snapshot, copy)
            return str(copy)
        self._saved = snapshot.revisie
        return str(self.store.path)

    def reset(self, notities: Notities) -> None:
        """Follow notes that were just read from the file (they are saved by definition)."""
        self._stop_timer()
        self.notities = notities
        self._saved = notities.revisie
        self._reported = ""
        self._set(Bewaarstand.BEWAARD)

    def resume(self) -> None:
        """Save again after a conflict, overwriting the other version."""
        self._set(Bewaarstand.GEWIJZIGD)
        self.save_now(force=True)

    async def _wait(self) -> None:
        while self._worker is not None:
            try:
                await self._worker.wait()
            except WorkerError:
                return

    async def _write(self, snapshot: Notities, force: bool) -> None:
        self._set(Bewaarstand.BEZIG)
        try:
            # A child process turns many notes into bytes, so that this thread
            # leaves the GIL (and the keys) to the UI; see lob_tui.prepare.
            await asyncio.to_thread(self.store.save, snapshot, force=force, prepare=in_child)
        except ConflictFout:
            self._set(Bewaarstand.CONFLICT)
            self._on_conflict()
        except LobFout as fout:
            self._failed(fout.eerste.melding)
        except Exception as error:  # a bug must not cost the typed text: show it, retry
            self._failed(f"onverwachte fout in lob-tui: {error!r}")
        else:
            self._saved = snapshot.revisie
            self._succeeded()
        finally:
            self._worker = None

        if self._again and self.stand is not Bewaarstand.CONFLICT:
            self._again = False
            self.save_now()

    def _failed(self, melding: str) -> None:
        # The store's reasons start "niet bewaard: ", which the status and title already say.
        melding = melding.removeprefix("niet bewaard: ")
        self._set(Bewaarstand.MISLUKT, f"{melding} (opnieuw over {self.timing.retry:g} s)")
        if melding != self._reported:
            tell(self.owner, melding, title="Notities niet bewaard", severity="error")
            self._reported = melding
        self._start_timer(self.timing.retry)

    def _succeeded(self) -> None:
        if self._reported:
            tell(self.owner, f"Weer bewaard in {self.store.path}", title="Bewaard")
            self._reported = ""
        self._set(Bewaarstand.GEWIJZIGD if self.dirty else Bewaarstand.BEWAARD)

    def _set(self, stand: Bewaarstand, opmerking: str = "") -> None:
        self.stand = stand
        self._on_state(stand, opmerking)

    def _start_timer(self, delay: float, then: Callable[[], None] | None = None) -> None:
        """Call ``then`` (a save, by default: a retry) after ``delay`` seconds."""
        self._stop_timer()
        self._waiting_for_retry = then is None
        self._timer = self.owner.set_timer(delay, then or self.save_now, name="autosave")

    def _stop_timer(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
