"""Load, save and export for frameworks of growing size, every item noted.

Run by the benchmark as a child process (``python -m benchmarks.scale SPEC``)
so that a 100,000-item framework never sits in the orchestrator's memory.
Each step is timed as the app or the command line performs it:

* ``raamwerk laden``: ``load_raamwerk`` (read, parse, validate, build the model);
* ``notities laden``: ``NotesStore.load`` (read, parse, check every value);
* ``bewaren``: ``NotesStore.save`` after one note changed: the check for changes
  by others, TOML out, an fsynced atomic write and the read-back check;
* ``vloer``: what the libraries alone need for the same save: ``tomli_w`` writing
  the same data, ``tomllib`` reading it back and an fsynced write of the bytes;
* ``export``: ``export.render`` and ``export.write_export``, Markdown and HTML.
"""

from __future__ import annotations

import gc
import json
import os
import sys
import time
import tomllib
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import tomli_w

from benchmarks import generate
from benchmarks.child import exit_with_parent
from lob_tui import notes
from lob_tui.framework import load_raamwerk
from lob_tui.store import NotesStore

DAY = date(2026, 12, 3)


def timed(step: Callable[[], object], runs: int) -> list[float] | str:
    """The seconds each of ``runs`` calls of ``step`` took, or the error that stopped it."""
    result = []
    for _ in range(runs):
        start = time.perf_counter()
        try:
            step()
        except Exception as error:  # a broken step is reported in the table, not fatal
            return f"{type(error).__name__}: {error}"
        result.append(time.perf_counter() - start)
    return result


def fsynced_write(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)


def floor_times(notities: notes.Notities, path: Path, runs: int) -> list[float] | str:
    """What the libraries alone cost for the same notes: tomli-w, tomllib, an fsynced write."""
    data = tomllib.loads(notes.dumps(notities))

    def floor() -> None:
        text = tomli_w.dumps(data, multiline_strings=True)
        tomllib.loads(text)
        fsynced_write(path, text.encode("utf-8"))

    return timed(floor, runs)


def measure_size(folder: Path, item_count: int, runs: int) -> dict[str, list[float] | str]:
    """Every step for one framework size; the keys are the step names of the module doc."""
    case = generate.write_case(folder / str(item_count), item_count)
    rol_id = generate.ROL_ID
    results: dict[str, list[float] | str] = {}

    results["raamwerk laden"] = timed(lambda: load_raamwerk(case.framework), runs)
    results["notities laden"] = timed(lambda: NotesStore(case.notes).load(rol_id), runs)

    raamwerk = load_raamwerk(case.framework)
    rol = raamwerk.rollen[0]
    notities = NotesStore(case.notes).load(rol_id)
    first_item = next(rol.items()).id

    store = NotesStore(case.notes)
    store.load(rol_id)
    store.save(notities)  # the first save of a run also writes the backup; not the steady state
    edits = iter(range(10**9))

    def save() -> None:
        notities.set_tekst(first_item, f"Wijziging {next(edits)}")
        store.save(notities)

    results["bewaren"] = timed(save, runs)

    results["vloer"] = floor_times(notities, case.notes.with_name("vloer.toml"), runs)
    # The floor's parsed TOML was the benchmark's, not the app's: it is gone, so the
    # exports run in a heap holding what lob-tui holds (framework and notes), and the
    # collector has no extra millions of objects to walk.
    gc.collect()

    try:
        from lob_tui import export
    except ImportError:
        return results
    for formaat, label in (("markdown", "export Markdown"), ("html", "export HTML")):
        target = case.notes.with_name(f"overzicht.{export.EXTENSIES[formaat]}")
        opties = export.Opties(formaat=formaat)

        def export_once(opties: export.Opties = opties, target: Path = target) -> None:
            export.write_export(export.render(raamwerk, rol, notities, opties, DAY), target)

        results[label] = timed(export_once, runs)
    return results


def main(argv: Sequence[str]) -> None:
    exit_with_parent()
    spec = json.loads(argv[0])
    results: dict[str, Any] = {
        "item_count": spec["item_count"],
        "steps": measure_size(Path(spec["folder"]), spec["item_count"], spec["runs"]),
    }
    json.dump(results, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1:])
