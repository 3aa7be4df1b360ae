"""The app keeps the user's notes on this machine: it opens no network connection.

Every way a Python program reaches the network goes through ``socket``; the
test makes creating any socket but a local one fail loudly while the app
starts, saves, exports and quits, and records any attempt.
"""

from __future__ import annotations

import socket
from datetime import date

import pytest
from conftest import SIZE, AppFiles, WaitUntil, jump


@pytest.fixture
def network_attempts(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Fail and record any attempt to open a network connection."""
    attempts: list[object] = []
    real_connect = socket.socket.connect

    def connect(self: socket.socket, address: object) -> None:
        if self.family == socket.AF_UNIX:  # asyncio's own wake-up pairs stay local
            real_connect(self, address)  # type: ignore[arg-type]
            return
        attempts.append(address)
        raise OSError("netwerk geblokkeerd door de test")

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket, "create_connection", lambda *a, **k: connect(socket.socket(), a))
    return attempts


async def test_starting_saving_exporting_and_quitting_open_no_connection(
    files: AppFiles, wait_until: WaitUntil, network_attempts: list[object]
) -> None:
    app = files.app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await jump(pilot, files.item("visie-d4"))
        screen.editor.load_text("Zie https://example.org en mail@example.org")
        await pilot.press("3", "ctrl+s")
        await wait_until(pilot, lambda: files.saved_note("visie-d4") is not None)

        await pilot.press("e")
        await pilot.pause()
        await pilot.press("f", "w")
        target = files.notes.with_name(f"lob-overzicht-{date.today().isoformat()}.html")
        await wait_until(pilot, target.exists)
        await pilot.press("escape", "ctrl+q")

    assert "https://example.org" in target.read_text(encoding="utf-8")
    assert network_attempts == []
