"""The app's own small settings: the chosen theme and, per notes file, the last node.

They live in a TOML file in the user's config folder (see ``resources``), apart
from the notes, because they are about the screen and not about the person's
assessment; losing them costs a click, never a note. That is why a settings
file that cannot be read is reported and then replaced, not refused.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tomli_w

from lob_tui.atomic import write_atomic
from lob_tui.errors import LobFout, Probleem, describe_read_error

MAX_NOTES_FILES = 50
"""How many notes files keep their last position; the oldest are forgotten first."""


@dataclass
class Instellingen:
    """The theme, and the key of the node last selected in each notes file."""

    thema: str | None = None
    laatste: dict[str, str] = field(default_factory=dict)

    def laatste_van(self, notes_path: Path) -> str | None:
        """The node last selected in this notes file, if remembered."""
        return self.laatste.get(_key(notes_path))

    def onthoud(self, notes_path: Path, node_key: str) -> None:
        """Remember the node for this notes file, as the most recent one."""
        key = _key(notes_path)
        self.laatste.pop(key, None)
        self.laatste[key] = node_key
        while len(self.laatste) > MAX_NOTES_FILES:
            self.laatste.pop(next(iter(self.laatste)))


def _key(notes_path: Path) -> str:
    return str(notes_path.expanduser().absolute())


def load(path: Path) -> Instellingen:
    """Read the settings; a missing file gives the defaults.

    Raises ``LobFout`` (in Dutch) when the file exists but cannot be used; the
    caller reports it and goes on with the defaults.
    """
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Instellingen()
    except OSError as error:
        raise _unreadable(Probleem(path, describe_read_error(error))) from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError):
        data = _parse_slowly(raw, path)
    return Instellingen(_text(data.get("thema")), _positions(data.get("laatste")))


def _parse_slowly(raw: bytes, path: Path) -> dict[str, Any]:
    """The settings through lob-tui's own TOML reading, which says in Dutch on which line
    a file is wrong (and drops a byte order mark); loaded only when it is needed."""
    from lob_tui import tomlfile

    text = tomlfile.decode_utf8(raw, path)
    parsed = text if isinstance(text, Probleem) else tomlfile.parse(text, path)
    if isinstance(parsed, Probleem):
        raise _unreadable(parsed) from None
    return parsed


def _unreadable(probleem: Probleem) -> LobFout:
    melding = f"instellingen niet gelezen ({probleem.melding}); de standaard wordt gebruikt"
    return LobFout(probleem._replace(melding=melding))


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _positions(value: Any) -> dict[str, str]:
    if not isinstance(value, dict):
        return {}
    return {k: v for k, v in value.items() if isinstance(v, str)}


def save(instellingen: Instellingen, path: Path) -> None:
    """Write the settings atomically; raise ``LobFout`` in Dutch when the disk refuses."""
    data: dict[str, Any] = {}
    if instellingen.thema:
        data["thema"] = instellingen.thema
    if instellingen.laatste:
        data["laatste"] = dict(instellingen.laatste)
    text = "# Instellingen van lob-tui: het thema en waar je de vorige keer was.\n"
    text += tomli_w.dumps(data)
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        write_atomic(path, text.encode("utf-8"))
    except OSError as error:
        from lob_tui.store import describe_os_error  # only now: the app's start skips it

        reden = describe_os_error(error, path)
        raise LobFout(Probleem(path, f"instellingen niet bewaard: {reden}")) from None
