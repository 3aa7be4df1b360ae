"""The benchmark command: options, the order of the sections, the summary of goals."""

from __future__ import annotations

import argparse
import platform
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Sequence
from datetime import date
from importlib.metadata import version
from pathlib import Path

from benchmarks import growth, latency, startup
from benchmarks.context import ROOT, Context
from benchmarks.processes import Launcher, child_env
from benchmarks.report import Table, progress

SECTIONS = ("start", "cli", "toetsen", "schaal", "bewaren", "groot")

SCALE_SIZES = (38, 1_000, 10_000, 100_000)
LARGE_SIZES = (1_000, 10_000, 50_000)
SAVE_SIZE = 10_000
QUICK_SCALE_SIZES = (38, 200)
QUICK_LARGE_SIZES = (200,)
QUICK_SAVE_SIZE = 200


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="Meet lob-tui naast Textual en naast zijn eigen bibliotheken; "
        "drukt Markdown-tabellen af (voortgang op stderr).",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="kleinste maten, één run: bewijst dat alles werkt (CI), meet niets betrouwbaars",
    )
    parser.add_argument(
        "--runs", type=int, default=7, metavar="N", help="runs per proces (standaard 7)"
    )
    parser.add_argument(
        "--only",
        action="append",
        choices=SECTIONS,
        metavar="DEEL",
        help=f"alleen dit deel (herhaalbaar): {', '.join(SECTIONS)}",
    )
    return parser


def header(ctx: Context) -> Table:
    """When and where this run was made, so a table in the README can be judged."""
    table = Table(f"Meting van {date.today().isoformat()}", [])
    table.note(
        f"Python {platform.python_version()}, Textual {version('textual')}, "
        f"{platform.system()} {platform.machine()}, {_cpu_count()} kernen; "
        f"{'--quick' if ctx.quick else f'--runs {ctx.runs}'}."
    )
    return table


def _cpu_count() -> int:
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def goals_table(ctx: Context) -> Table:
    table = Table("Snelheidsdoelen", ["doel", "gemeten", "gehaald"])
    for goal in ctx.goals:
        verdict = {True: "ja", False: "**nee**", None: "\u2013"}[goal.gehaald]
        table.add(goal.doel, goal.gemeten, verdict)
    return table


def sections(ctx: Context) -> dict[str, Callable[[], Table]]:
    scale = QUICK_SCALE_SIZES if ctx.quick else SCALE_SIZES
    large = QUICK_LARGE_SIZES if ctx.quick else LARGE_SIZES
    save = QUICK_SAVE_SIZE if ctx.quick else SAVE_SIZE
    return {
        "start": lambda: startup.first_frame(ctx),
        "cli": lambda: startup.command_line(ctx),
        "toetsen": lambda: latency.keys(ctx),
        "schaal": lambda: growth.load_save_export(ctx, scale),
        "bewaren": lambda: latency.keys_during_save(ctx, save),
        "groot": lambda: _large(ctx, large),
    }


def _large(ctx: Context, sizes: Sequence[int]) -> Table:
    first = startup.large_first_frame(ctx, sizes)
    first.print()
    return latency.large_navigation(ctx, sizes)


def main(argv: Sequence[str] | None = None) -> int:
    options = build_parser().parse_args(argv)
    runs = 1 if options.quick else max(1, options.runs)
    started = time.perf_counter()
    failed = False
    with tempfile.TemporaryDirectory(prefix="lob-bench-") as tmp:
        folder = Path(tmp)
        env = child_env(folder)
        with Launcher(env, ROOT) as launcher:
            ctx = Context(options.quick, runs, folder, env, launcher)
            header(ctx).print()
            for name, section in sections(ctx).items():
                if options.only and name not in options.only:
                    continue
                try:
                    section().print()
                except Exception:  # one broken section must not hide the others' figures
                    failed = True
                    traceback.print_exc()
                    Table(f"Mislukt: {name}", []).print()
            goals_table(ctx).print()
    progress(f"klaar in {time.perf_counter() - started:.0f} s")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
