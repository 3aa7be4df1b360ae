"""Which framework, role and notes file the options select.

Every command resolves these the same way, so the rules live in one place:
``--framework`` or the shipped ``raamwerk.toml``; ``--role`` or the only
role; ``--notes`` or the role's file in the user's data folder.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from lob_tui import resources
from lob_tui.errors import LobFout, Probleem
from lob_tui.framework import Raamwerk, Rol, load_raamwerk
from lob_tui.notes import Notities


def framework_path(args: argparse.Namespace) -> Path:
    """The framework file the options select."""
    path: Path | None = getattr(args, "framework", None)
    return path.expanduser() if path else resources.default_framework_path()


def load_framework(args: argparse.Namespace) -> Raamwerk:
    """Load the selected framework, or raise its Dutch problems."""
    return load_raamwerk(framework_path(args))


def choose_role(raamwerk: Raamwerk, rol_id: str | None) -> Rol | None:
    """The role ``--role`` names, the only role, or None when the user must choose."""
    if rol_id is not None:
        rol = raamwerk.rol(rol_id)
        if rol is None:
            bekend = ", ".join(r.id for r in raamwerk.rollen)
            raise LobFout(Probleem(raamwerk.pad, f"de rol '{rol_id}' bestaat niet (wel: {bekend})"))
        return rol
    return raamwerk.rollen[0] if len(raamwerk.rollen) == 1 else None


def require_role(raamwerk: Raamwerk, rol_id: str | None) -> Rol:
    """Like ``choose_role``, but a command without a dialog needs an answer now."""
    rol = choose_role(raamwerk, rol_id)
    if rol is None:
        bekend = ", ".join(r.id for r in raamwerk.rollen)
        raise LobFout(f"dit raamwerk heeft meer rollen; kies er een met --role ({bekend})")
    return rol


def notes_path(args: argparse.Namespace, rol: Rol) -> Path:
    """The notes file the options select for this role."""
    path: Path | None = getattr(args, "notes", None)
    return path.expanduser() if path else resources.default_notes_path(rol.id)


def unknown_notes(notities: Notities, rol: Rol) -> str:
    """Which notes are on ids the role does not have (kept in the file), in words; "" if none.

    The ids come from the notes file, so they are made visible: an id holding an
    escape sequence must not steer the user's terminal.
    """
    from lob_tui.export_literal import visible

    sectie_ids = [s.id for gebied in rol.aandachtsgebieden for s in gebied.secties]
    onbekend = notities.onbekend((i.id for i in rol.items()), sectie_ids)
    if not onbekend:
        return ""
    ids = ", ".join(visible(i).replace("\n", " ") for i in onbekend)
    return (
        f"{len(onbekend)} notitie(s) bij items of onderdelen die niet in dit raamwerk staan: {ids}"
    )
