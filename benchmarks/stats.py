"""Summaries of repeated measurements: medians, spreads and ratios.

A noisy two-core machine makes single timings meaningless, so every figure
the benchmarks print is a median of several runs with its spread beside it.
The spread is the interquartile range when there are enough runs to have
quartiles, and the plain minimum to maximum otherwise.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass


def percentile(values: Sequence[float], fraction: float) -> float:
    """The value below which ``fraction`` of ``values`` lie (linear interpolation)."""
    ordered = sorted(values)
    if not ordered:
        return math.nan
    position = fraction * (len(ordered) - 1)
    low = math.floor(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


@dataclass(frozen=True)
class Summary:
    """Median, spread and 95th percentile of one series of measurements."""

    values: tuple[float, ...]

    @classmethod
    def of(cls, values: Sequence[float]) -> Summary:
        return cls(tuple(values))

    @property
    def median(self) -> float:
        return statistics.median(self.values) if self.values else math.nan

    @property
    def p95(self) -> float:
        return percentile(self.values, 0.95)

    @property
    def spread(self) -> tuple[float, float]:
        """The interquartile range from four values on, else minimum and maximum."""
        if len(self.values) >= 4:
            return percentile(self.values, 0.25), percentile(self.values, 0.75)
        if not self.values:
            return math.nan, math.nan
        return min(self.values), max(self.values)

    @property
    def spread_kind(self) -> str:
        return "IQR" if len(self.values) >= 4 else "min\u2013max"


def ratio(value: float, reference: float) -> float:
    """``value / reference``, or NaN when the reference is missing or zero."""
    if not reference or math.isnan(reference) or math.isnan(value):
        return math.nan
    return value / reference


def growth_exponent(small: tuple[int, float], large: tuple[int, float]) -> float:
    """The k in cost ∝ nᵏ between two sizes: 1.0 means linear growth."""
    (n1, t1), (n2, t2) = small, large
    if t1 <= 0 or t2 <= 0 or n1 == n2:
        return math.nan
    return math.log(t2 / t1) / math.log(n2 / n1)


def seconds(value: float) -> str:
    """A duration in the unit that keeps three significant figures readable."""
    if math.isnan(value):
        return "\u2013"
    if value >= 1:
        return f"{value:.2f} s"
    if value >= 1e-3:
        return f"{value * 1e3:.1f} ms"
    return f"{value * 1e6:.0f} µs"


def seconds_with_spread(summary: Summary) -> str:
    low, high = summary.spread
    if math.isnan(low):
        return "\u2013"
    if len(summary.values) == 1:
        return seconds(summary.median)
    return f"{seconds(summary.median)} ({_bare(low, summary.median)}\u2013{seconds(high)})"


def _bare(value: float, like: float) -> str:
    """``value`` in the unit ``seconds(like)`` chose, without the unit, to keep cells short."""
    text, unit = seconds(like).split(" ")
    scale = {"s": 1.0, "ms": 1e3, "µs": 1e6}[unit]
    digits = len(text.split(".")[1]) if "." in text else 0
    return f"{value * scale:.{digits}f}"


def mebibytes(kib: float) -> str:
    if math.isnan(kib):
        return "\u2013"
    return f"{kib / 1024:.1f} MiB"


def mebibytes_with_spread(summary: Summary) -> str:
    low, high = summary.spread
    if math.isnan(low):
        return "\u2013"
    if len(summary.values) == 1:
        return mebibytes(summary.median)
    return f"{mebibytes(summary.median)} ({low / 1024:.1f}\u2013{high / 1024:.1f})"


def times(value: float) -> str:
    """A ratio such as 1.27 with a multiplication sign."""
    return "\u2013" if math.isnan(value) else f"{value:.2f}\u00d7"


def count(n: int) -> str:
    """A number the Dutch way, with a point between thousands: 50.000."""
    return f"{n:,}".replace(",", ".")
