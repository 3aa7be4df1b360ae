"""Printing results as Markdown, so a run can be pasted into the README as it is."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass
class Table:
    """One titled Markdown table, with notes printed under it."""

    title: str
    header: Sequence[str]
    rows: list[list[str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def add(self, *cells: str) -> None:
        self.rows.append(list(cells))

    def note(self, text: str) -> None:
        self.notes.append(text)

    def render(self) -> str:
        lines = [f"### {self.title}", ""]
        if self.rows:
            lines.append("| " + " | ".join(self.header) + " |")
            lines.append("|" + "|".join("---" for _ in self.header) + "|")
            lines += ["| " + " | ".join(row) + " |" for row in self.rows]
            lines.append("")
        lines += [
            f"{note}  " if i < len(self.notes) - 1 else note for i, note in enumerate(self.notes)
        ]
        if self.notes:
            lines.append("")
        return "\n".join(lines)

    def print(self) -> None:
        print(self.render(), flush=True)


def progress(text: str) -> None:
    """A line on stderr about what is running, so stdout holds only the tables."""
    print(f"… {text}", file=sys.stderr, flush=True)
