"""The bytes of a save are proved to read back as the notes before anything is written."""

from __future__ import annotations

from pathlib import Path

import pytest

from lob_tui import prepare
from lob_tui.errors import LobFout
from lob_tui.notes import Notities, Status

ROL = "decaan-slb-coordinator"
PATH = Path("notities.toml")


def test_bytes_that_would_not_read_back_as_the_notes_are_refused_before_writing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    notities = Notities(ROL)
    notities.set_tekst("visie-r1", "tekst")
    notities.set_status("visie-r1", Status.BESPREKEN)
    monkeypatch.setattr(prepare.notes, "parse_bytes", lambda data, path: Notities(ROL))
    with pytest.raises(LobFout, match="las niet terug als je notities"):
        prepare.in_process(notities, PATH)
