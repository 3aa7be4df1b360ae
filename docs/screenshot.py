"""Make ``docs/screenshot.svg``, the picture of the app in the README.

Run ``python docs/screenshot.py`` after a change to the look. It opens the
shipped framework with a few example notes in a temporary folder (nobody's
real notes), selects an item, and lets Textual save the screen as SVG.
"""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

from lob_tui import notes, resources
from lob_tui.app import create_app
from lob_tui.framework import load_raamwerk
from lob_tui.store import NotesStore

OUT = Path(__file__).resolve().parent / "screenshot.svg"

EXAMPLE = {
    "visie-r1": (notes.Status.BEHEERS_IK, ""),
    "visie-r2": (notes.Status.WIL_IK_ONTWIKKELEN, "Eerst met het MT de LOB-vragen ophalen."),
    "visie-d4": (
        notes.Status.BESPREKEN,
        "Oud-leerlingen uitnodigen voor de voorlichtingsavond.\nBespreken met Sam (mentor 4h).",
    ),
    "orientatie-d3": (notes.Status.BEHEERS_IK, ""),
}


async def main() -> None:
    raamwerk = load_raamwerk(resources.default_framework_path())
    rol = raamwerk.rollen[0]
    # A fixed folder, so the path in the status line (and so the picture) is the same each run.
    folder = Path("/tmp/lob-tui-voorbeeld")
    shutil.rmtree(folder, ignore_errors=True)
    try:
        path = folder / "notities.toml"
        notities = notes.Notities(rol.id, naam="Voorbeeld")
        for item_id, (status, tekst) in EXAMPLE.items():
            notities.set_status(item_id, status)
            notities.set_tekst(item_id, tekst)
        NotesStore(path).save(notities)

        app = create_app(raamwerk, rol, notes_path=path, settings_path=folder / "instellingen.toml")
        async with app.run_test(size=(120, 34)) as pilot:
            await pilot.press("slash", *"alumni", "enter")
            await pilot.pause(0.5)
            app.save_screenshot(str(OUT.name), str(OUT.parent))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print(f"Geschreven: {OUT}")


if __name__ == "__main__":
    asyncio.run(main())
