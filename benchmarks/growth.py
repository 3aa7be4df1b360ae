"""The section on load, save and export as frameworks grow (see ``scale.py``)."""

from __future__ import annotations

from collections.abc import Sequence

from benchmarks.context import Context
from benchmarks.report import Table, progress
from benchmarks.stats import Summary, count, growth_exponent, seconds_with_spread, times

STEPS = (
    "raamwerk laden",
    "notities laden",
    "bewaren",
    "vloer",
    "export Markdown",
    "export HTML",
)
LINEAR = 1.15
"""The largest growth exponent still called linear (timing noise, the GC)."""


def _runs(ctx: Context, item_count: int) -> int:
    if ctx.quick:
        return 1
    if item_count <= 1_000:
        return ctx.runs
    # The growth is read off the two largest sizes, so both need a median of several
    # runs: one run of 100,000 items (about 70 s for all steps) misjudged it by 0.1.
    return 3 if item_count > 10_000 else max(3, ctx.runs // 2)


def load_save_export(ctx: Context, sizes: Sequence[int]) -> Table:
    """One column per size: median, spread and time per item for every step."""
    title = "Laden, bewaren en exporteren naar grootte"
    measured: dict[int, dict[str, list[float] | str] | None] = {}
    for n in sizes:
        progress(f"{title}: {count(n)} items \u00d7 {_runs(ctx, n)}")
        timeout = 120 if ctx.quick else 900
        data = ctx.child(
            "scale",
            {"folder": str(ctx.folder / "schaal"), "item_count": n, "runs": _runs(ctx, n)},
            timeout,
        )
        measured[n] = None if data is None else data["steps"]

    table = Table(
        title,
        [
            "stap",
            *(f"{count(n)} items" for n in sizes),
            f"groei {count(sizes[-2])}→{count(sizes[-1])}",
        ],
    )
    medians: dict[str, dict[int, float]] = {step: {} for step in STEPS}
    for step in STEPS:
        cells = []
        for n in sizes:
            steps = measured[n]
            value = None if steps is None else steps.get(step)
            if steps is None:
                cells.append("> time-out")
            elif value is None:
                cells.append("\u2013")
            elif isinstance(value, str):
                cells.append(f"fout: {value[:60]}")
            else:
                summary = Summary.of(value)
                medians[step][n] = summary.median
                per_item = summary.median / n * 1e6
                cells.append(f"{seconds_with_spread(summary)} · {per_item:.0f} µs/item")
        if not medians[step] and all(c == "\u2013" for c in cells):
            continue
        exponent = _exponent(medians[step], sizes)
        table.add(step, *cells, "\u2013" if exponent is None else f"n^{exponent:.2f}")

    saves, floors = medians["bewaren"], medians["vloer"]
    table.add(
        "bewaren ÷ vloer",
        *(times(saves[n] / floors[n]) if n in saves and n in floors else "\u2013" for n in sizes),
        "",
    )
    runs = ", ".join(f"{count(n)}: {_runs(ctx, n)}" for n in sizes)
    table.note(
        "Mediaan (spreiding) · tijd per item. Groei: de exponent k in tijd ∝ nᵏ tussen de twee "
        f"grootste maten; 1,00 is lineair. Runs per maat: {runs}."
    )
    _goals(ctx, sizes, medians)
    return table


def _exponent(by_size: dict[int, float], sizes: Sequence[int]) -> float | None:
    small, large = sizes[-2], sizes[-1]
    if small not in by_size or large not in by_size:
        return None
    return growth_exponent((small, by_size[small]), (large, by_size[large]))


def _goals(ctx: Context, sizes: Sequence[int], medians: dict[str, dict[int, float]]) -> None:
    target = 10_000 if 10_000 in sizes else sizes[-1]
    saves, floors = medians["bewaren"], medians["vloer"]
    if target in saves and target in floors:
        value = saves[target] / floors[target]
        ctx.goal(f"bewaren {count(target)} items ≤ 1,3\u00d7 vloer", times(value), value <= 1.3)
    else:
        ctx.goal(f"bewaren {count(target)} items ≤ 1,3\u00d7 vloer", "niet gemeten", None)
    for step in ("bewaren", "export Markdown", "export HTML"):
        exponent = _exponent(medians[step], sizes)
        gemeten = "niet gemeten" if exponent is None else f"n^{exponent:.2f}"
        ctx.goal(
            f"{step} groeit lineair (k ≤ {LINEAR:.2f})",
            gemeten,
            None if exponent is None else exponent <= LINEAR,
        )
