"""Whole-process sections: the app's first frame, the command line, large frameworks.

Every figure here is a process from start to exit, run by the launcher and
interleaved with its references, so it includes what a user waits for:
starting Python, importing, reading files, building the screen once.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import replace

from benchmarks import generate
from benchmarks.context import DRIVERS, Context
from benchmarks.processes import Series, Variant, measure
from benchmarks.report import Table, progress
from benchmarks.stats import (
    Summary,
    count,
    mebibytes_with_spread,
    ratio,
    seconds_with_spread,
    times,
)
from lob_tui import resources

PY = sys.executable
PASS = "`python -c pass`"
MINIMAL = "minimale Textual-app"
FLOOR = '`python -c "import tomllib, markdown_it"`'


def _driver(name: str, *args: object) -> list[str]:
    return [PY, str(DRIVERS / f"{name}.py"), *(str(a) for a in args)]


def _lob_tui(case: generate.Case, ctx: Context, moment: str = "first") -> list[str]:
    """lob-tui started as ``lob-tui`` starts, stopped at ``moment`` (see drivers/lobtui.py)."""
    settings = ctx.folder / "instellingen.toml"
    return _driver("lobtui", moment, case.framework, case.notes, settings)


FIRST = "eerste beeld"
READY = "klaar: boom en notities getekend"


def _process_table(
    title: str, results: dict[str, Series], reference: str, ctx: Context, runs: int
) -> Table:
    """Time and peak memory per variant, each divided by the reference's median."""
    table = Table(
        title,
        [
            "proces",
            "tijd: mediaan (spreiding)",
            f"\u00d7 {reference}",
            "piekgeheugen",
            f"\u00d7 {reference}",
        ],
    )
    base = results[reference]
    base_time, base_peak = Summary.of(base.seconds).median, Summary.of(base.peak_kib).median
    for label, series in results.items():
        elapsed, peak = Summary.of(series.seconds), Summary.of(series.peak_kib)
        table.add(
            label,
            seconds_with_spread(elapsed),
            times(ratio(elapsed.median, base_time)),
            mebibytes_with_spread(peak),
            times(ratio(peak.median, base_peak)),
        )
    kind = Summary.of(base.seconds).spread_kind
    table.note(
        f"{runs} runs per proces, afgewisseld; spreiding = {kind}; "
        f"piekgeheugen = ru_maxrss van het kindproces (ondergrens: de starter zelf, "
        f"{ctx.launcher.own_peak_kib() / 1024:.1f} MiB)."
    )
    return table


def _medians(series: Series) -> tuple[float, float]:
    return Summary.of(series.seconds).median, Summary.of(series.peak_kib).median


def first_frame(ctx: Context) -> Table:
    """lob-tui's first frame against a minimal Textual app and an empty Python."""
    title = "Start tot het eerste beeld"
    real = generate.real_case(ctx.folder / "echt", resources.default_framework_path())
    variants = [
        Variant(PASS, [PY, "-c", "pass"]),
        Variant(MINIMAL, _driver("minimal")),
        Variant("Textual: Tree (38) + TextArea + Header + Footer", _driver("textual_tree", 38)),
    ]
    lob_tui = "lob-tui (echt raamwerk, alles ingevuld)"
    variants += [
        Variant(f"{lob_tui}: {FIRST}", _lob_tui(real, ctx, "first")),
        Variant(f"{lob_tui}: {READY}", _lob_tui(real, ctx, "ready")),
    ]
    progress(f"{title}: {len(variants)} processen \u00d7 {ctx.runs}")
    results = measure(ctx.launcher, variants, ctx.runs, ctx.warmup)
    table = _process_table(title, results, MINIMAL, ctx, ctx.runs)
    table.note(
        f"{FIRST}: het venster van lob-tui met kop, statusregel en toetsen, dat zegt welk "
        f"raamwerk geladen wordt; {READY}: de bestanden zijn gelezen en het hoofdscherm is "
        "getekend."
    )

    app_time, app_peak = _medians(results[variants[-2].label])
    ready_peak = _medians(results[variants[-1].label])[1]
    base_time, base_peak = _medians(results[MINIMAL])
    ctx.goal(
        "eerste beeld ≤ 1,3\u00d7 minimale app",
        times(app_time / base_time),
        app_time <= 1.3 * base_time,
    )
    ctx.goal(
        "piekgeheugen ≤ 1,3\u00d7 minimale app",
        times(max(app_peak, ready_peak) / base_peak),
        max(app_peak, ready_peak) <= 1.3 * base_peak,
    )
    return table


def command_line(ctx: Context) -> Table:
    """``lob-tui check`` and ``lob-tui export`` against importing their libraries."""
    title = "Opdrachtregel: check en export"
    real = generate.real_case(ctx.folder / "echt", resources.default_framework_path())
    lob = [PY, "-m", "lob_tui"]
    out = ctx.folder / "overzicht"
    variants = [
        Variant(PASS, [PY, "-c", "pass"]),
        Variant(FLOOR, [PY, "-c", "import tomllib, markdown_it"]),
        Variant("`lob-tui check`", [*lob, "check", "--notes", str(real.notes)]),
    ]
    export = [*lob, "export", "--notes", str(real.notes)]
    variants += [
        Variant("`lob-tui export`", [*export, "-o", f"{out}.md"]),
        Variant(
            "`lob-tui export --format html`", [*export, "--format", "html", "-o", f"{out}.html"]
        ),
    ]
    runs = ctx.runs if ctx.quick else ctx.runs * 2
    progress(f"{title}: {len(variants)} processen \u00d7 {runs}")
    results = measure(ctx.launcher, variants, runs, ctx.warmup)
    table = _process_table(title, results, FLOOR, ctx, runs)
    table.note(
        "check en export: het echte raamwerk en een notitiebestand met op elk item een status "
        "en notitie; export schrijft naar een bestand."
    )

    floor = _medians(results[FLOOR])[0]
    for label in ("`lob-tui check`", "`lob-tui export`", "`lob-tui export --format html`"):
        value = _medians(results[label])[0] / floor
        ctx.goal(f"{label} ≤ 1,5\u00d7 importvloer", times(value), value <= 1.5)
    return table


def large_first_frame(ctx: Context, sizes: Sequence[int]) -> Table:
    """lob-tui's first frame with generated frameworks of growing size."""
    title = "Grote raamwerken: start tot het eerste beeld"
    cases = [generate.write_case(ctx.folder / "groot", n) for n in sizes]
    largest = cases[-1]
    # The README's goal names the framework alone; with every item noted the notes
    # file is parsed before the first frame too, so both are measured.
    bare = replace(largest, notes=ctx.folder / "groot" / "geen-notities.toml")
    framework_only = f"lob-tui, {count(largest.item_count)} items, zonder notities"
    variants = [Variant(MINIMAL, _driver("minimal"))]
    for case in cases:
        name = f"lob-tui, {count(case.item_count)} items, alles ingevuld"
        variants.append(Variant(f"{name}: {FIRST}", _lob_tui(case, ctx, "first")))
        variants.append(Variant(f"{name}: klaar", _lob_tui(case, ctx, "ready")))
    variants.append(Variant(f"{framework_only}: {FIRST}", _lob_tui(bare, ctx, "first")))
    variants.append(Variant(f"{framework_only}: klaar", _lob_tui(bare, ctx, "ready")))
    plain = f"Textual: Tree met alle {count(largest.item_count)} items vooraf"
    variants.append(Variant(plain, _driver("textual_tree", largest.item_count)))
    progress(f"{title}: {len(variants)} processen \u00d7 {ctx.big_runs}")
    # One warm-up round of the two quick variants caches every module's bytecode;
    # a warm-up of the slow ones would add minutes and teach nothing.
    measure(ctx.launcher, variants[:2], runs=ctx.warmup, warmup=0)
    results = measure(ctx.launcher, variants, ctx.big_runs, warmup=0)
    table = _process_table(title, results, MINIMAL, ctx, ctx.big_runs)
    table.note(
        "Gegenereerde raamwerken met aandachtsgebieden van tien items "
        "(zie benchmarks/generate.py). "
        f"{FIRST}: het venster dat zegt welk raamwerk geladen wordt, terwijl de bestanden op een "
        "eigen draad gelezen worden; klaar: het hoofdscherm met de boom is getekend."
    )

    base = _medians(results[MINIMAL])[0]
    largest_noted = f"lob-tui, {count(largest.item_count)} items, alles ingevuld"
    for name in (framework_only, largest_noted):
        first = _medians(results[f"{name}: {FIRST}"])[0] / base
        ctx.goal(f"{name}: {FIRST} ≤ 3\u00d7 minimale app", times(first), first <= 3)
    return table
