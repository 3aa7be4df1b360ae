"""The key-latency sections: lob-tui's keys against bare Textual widgets (see ``keys.py``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from benchmarks import generate
from benchmarks.context import Context
from benchmarks.report import Table, progress
from benchmarks.stats import Summary, count, ratio, seconds, times
from lob_tui import resources

TO_FRAME = "boom: tot beeld"
"""The series of tree keys timed from sending the key to the drawn frame, without Pilot
(``keys.Recorder.to_frame``)."""

KEY_WARMUP = 3
"""Presses of each kind left out at the start: the first draws fill Textual's caches."""

ACTIONS = {
    # lob-tui's action: (what the user does, the same key in the bare widgets of keys.BareApp)
    "boom": ("↓/↑ door de boom", "Tree ↓/↑"),
    "typen": ("typen in de notitie", "TextArea typen"),
    "status": ("status zetten (1/2/3)", "Tree: label vervangen"),
    "zoekveld openen": ("zoekveld openen (/)", "Tree + Input: Input tonen"),
    "zoeken": ("zoekterm typen", "Input typen"),
    "zoeken: Enter": ("zoeken (Enter, naar de eerste treffer)", "Tree + Input: zoeken"),
    "volgende treffer": ("volgende treffer (n)", "Tree: volgende treffer"),
}


def _series(data: dict[str, Any]) -> dict[tuple[str, str], dict[str, list[float]]]:
    return {(s["app"], s["action"]): s for s in data["series"]}


def _median_p95(values: Sequence[float]) -> str:
    summary = Summary.of(values)
    return f"{seconds(summary.median)} / {seconds(summary.p95)}" if values else "\u2013"


def _spec(ctx: Context, case: generate.Case, scenario: str, **extra: Any) -> dict[str, Any]:
    return {
        "scenario": scenario,
        "framework": str(case.framework),
        "notes": str(case.notes),
        "settings": str(ctx.folder / "instellingen.toml"),
        **extra,
    }


def _key_note(table: Table) -> None:
    table.note(
        "werk = CPU-tijd van de UI-draad per toets (van de binding tot het bijgewerkte scherm): "
        "mediaan / p95; de verhouding gaat hierover."
    )
    table.note(
        "wand = de tijd die `pilot.press` duurde: mediaan / p95; Pilot wacht per toets twee keer "
        "tot het proces stil is, in stappen van 20 ms, dus minstens 40 ms."
    )


def _to_frame_row(table: Table, series: dict[tuple[str, str], dict[str, list[float]]]) -> bool:
    """↓/↑ once more, timed from sending the key to the drawn frame, without Pilot."""
    bare, mine = series.get(("Textual", TO_FRAME)), series.get(("lob-tui", TO_FRAME))
    if bare is None or mine is None:
        return False
    factor = ratio(Summary.of(mine["wall"]).median, Summary.of(bare["wall"]).median)
    table.add(
        "↓/↑, van toets tot getekend beeld",
        "Tree ↓/↑",
        str(len(mine["wall"])),
        "\u2013",
        "\u2013",
        times(factor),
        _median_p95(bare["wall"]),
        _median_p95(mine["wall"]),
    )
    return True


def keys(ctx: Context) -> Table:
    """Every kind of key in lob-tui next to the same key in a bare widget."""
    title = "Toetsen"
    real = generate.real_case(ctx.folder / "echt", resources.default_framework_path())
    # search: letters typed, a search of eight per `/` and Enter; 120 gives `/` and Enter 15
    # presses a round, enough for a median that does not swing with one slow press.
    counts = (
        {"navigate": 6, "type": 6, "status": 3, "search": 4}
        if ctx.quick
        else {"navigate": 80, "type": 80, "status": 30, "search": 120}
    )
    rounds = 1 if ctx.quick else 2
    progress(f"{title}: {sum(counts.values())} toetsen \u00d7 {rounds} rondes \u00d7 2 apps")
    warmup = 0 if ctx.quick else KEY_WARMUP
    spec = _spec(ctx, real, "compare", counts=counts, rounds=rounds, warmup=warmup)
    spec["open_all"] = not ctx.quick  # a user opens the areas; --quick walks them closed
    data = ctx.child("keys", spec, 900)
    assert data is not None
    series = _series(data)

    table = Table(
        title,
        [
            "handeling",
            "vergeleken met",
            "toetsen",
            "werk Textual",
            "werk lob-tui",
            "\u00d7 Textual",
            "wand Textual",
            "wand lob-tui",
        ],
    )
    for action, (label, bare_label) in ACTIONS.items():
        bare = series.get(("Textual", action))
        mine = series.get(("lob-tui", action))
        if bare is None:
            continue
        factor = (
            ratio(Summary.of(mine["cpu"]).median, Summary.of(bare["cpu"]).median)
            if mine
            else float("nan")
        )
        table.add(
            label,
            bare_label,
            str(len(mine["cpu"]) if mine else len(bare["cpu"])),
            _median_p95(bare["cpu"]),
            _median_p95(mine["cpu"]) if mine else "\u2013",
            times(factor),
            _median_p95(bare["wall"]),
            _median_p95(mine["wall"]) if mine else "\u2013",
        )
        if mine:
            ctx.goal(f"{label}: werk ≤ 1,2\u00d7 {bare_label}", times(factor), factor <= 1.2)
        else:
            ctx.goal(f"{label}: werk ≤ 1,2\u00d7 {bare_label}", "niet gemeten", None)
    to_frame = _to_frame_row(table, series)
    _key_note(table)
    table.note(
        "Textual = een kale app met dezelfde inhoud en maten (`benchmarks/keys.py`, `BareApp`): "
        "een Tree zo groot als die van lob-tui, een TextArea zo groot als de editor met "
        "dezelfde notitie en een Input die pas bij / verschijnt, over de boom; 1/2/3 "
        "vervangen het label van de regel, Enter zoekt in de labels en zet de cursor op de "
        "eerste treffer, n op de volgende."
    )
    if to_frame:
        table.note(
            "↓/↑, van toets tot getekend beeld: de toets gaat naar de app zoals de terminal hem "
            "stuurt, zonder Pilot, en de tijd loopt tot het beeld met de verschoven cursor "
            "getekend is (kolommen wand; \u00d7 gaat hier over die tijd). Pilot laat na elke "
            "toets ook elke widget twee keer antwoorden; dat werk kost een scherm met meer "
            "widgets meer dan in een terminal. Geen doel: de doelen gaan over werk."
        )
    table.note(
        f"Het echte raamwerk (38 items), alles ingevuld; {rounds} rondes, de apps afgewisseld."
    )
    for reason in data["skipped"]:
        table.note(f"lob-tui overgeslagen: {reason}.")
    return table


def keys_during_save(ctx: Context, item_count: int) -> Table:
    """Tree keys in lob-tui at rest and while a large notes file is being saved."""
    title = "Toetsen tijdens het bewaren"
    case = generate.write_case(ctx.folder / "bewaren", item_count)
    extra = {"keys": 10, "saves": 1} if ctx.quick else {"keys": 100, "saves": 5}
    progress(f"{title}: {item_count} items")
    data = ctx.child("keys", _spec(ctx, case, "save", **extra), 600)
    assert data is not None
    series = _series(data)
    rest = series[("lob-tui", "rust")]["wall"]
    during = series[("lob-tui", "tijdens bewaren")]["wall"]
    saves = series[("lob-tui", "bewaren")]["wall"]

    table = Table(title, ["situatie", "toetsen", "mediaan", "p95", "max", "\u00d7 rust (mediaan)"])
    base = Summary.of(rest).median
    for label, values in (("in rust", rest), ("terwijl ctrl+s bewaart", during)):
        summary = Summary.of(values)
        table.add(
            label,
            str(len(values)),
            seconds(summary.median),
            seconds(summary.p95),
            seconds(max(values)) if values else "\u2013",
            times(ratio(summary.median, base)),
        )
    number = count(item_count)
    table.note(
        f"{number} items, alles ingevuld. Per toets de tijd van het versturen van ↓/↑ tot de "
        "verschoven cursor getekend is (zonder Pilot, die op een stil proces wacht)."
    )
    save_time = seconds(Summary.of(saves).median)
    table.note(
        f"Bewaren met ctrl+s tot het bestand vervangen is: mediaan {save_time} "
        f"over {len(saves)} keer."
    )
    if during:
        value = ratio(Summary.of(during).median, base)
        ctx.goal(
            f"toets tijdens bewaren van {number} items ≤ 1,5\u00d7 rust", times(value), value <= 1.5
        )
    else:
        table.note(
            "Geen toets viel binnen het bewaren: het bewaren hield de UI vast tot het klaar was."
        )
        ctx.goal(
            f"toets tijdens bewaren van {number} items ≤ 1,5\u00d7 rust", "bewaren blokkeert", False
        )
    return table


def large_navigation(ctx: Context, sizes: Sequence[int]) -> Table:
    """Tree navigation in lob-tui and a bare Tree as the framework grows."""
    title = "Grote raamwerken: door de boom bewegen"
    table = Table(
        title,
        [
            "items",
            "toetsen",
            "werk Textual",
            "werk lob-tui",
            "\u00d7 Textual",
            "wand Textual",
            "wand lob-tui",
        ],
    )
    keys_per_size = 5 if ctx.quick else 60
    for n in sizes:
        case = generate.write_case(ctx.folder / "groot", n)
        progress(f"{title}: {n} items")
        spec = _spec(
            ctx, case, "navigate", keys=keys_per_size, warmup=KEY_WARMUP if not ctx.quick else 0
        )
        data = ctx.child("keys", spec, 900)
        assert data is not None
        series = _series(data)
        bare, mine = series[("Textual", "boom")], series[("lob-tui", "boom")]
        factor = ratio(Summary.of(mine["cpu"]).median, Summary.of(bare["cpu"]).median)
        table.add(
            count(n),
            str(len(mine["cpu"])),
            _median_p95(bare["cpu"]),
            _median_p95(mine["cpu"]),
            times(factor),
            _median_p95(bare["wall"]),
            _median_p95(mine["wall"]),
        )
    _key_note(table)
    table.note("Textual: een kale Tree met alle items vooraf aangemaakt en uitgeklapt.")
    return table
