"""``python -m benchmarks``: run every benchmark and print the tables."""

from benchmarks.run import main

raise SystemExit(main())
