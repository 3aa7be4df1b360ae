"""lob-tui's benchmarks: ``python -m benchmarks`` (see the README, section "Snelheid").

Measures, side by side and in one run, what lob-tui promises on speed: the first
frame against a minimal Textual app, the command line against importing its
libraries, key latency against bare Textual widgets, and load, save and
export as frameworks grow. It prints Markdown tables of medians, spreads and
ratios, and never asserts a time: ``tests/test_benchmarks.py`` only checks
that ``--quick`` prints every table.
"""
