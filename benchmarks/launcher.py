"""Start one command at a time and report its wall time and peak memory.

Run as ``python -I -S launcher.py``: a process this small is the parent of
every measured process, because Linux gives a child the parent's peak memory
(``ru_maxrss``) from before ``exec``. Spawned from the benchmark itself, which
holds frameworks of 100,000 items, even ``python -c pass`` would report
hundreds of MiB. This launcher stays under 10 MiB, and prints its own peak
when asked, so the floor it sets is on record.

Protocol, one line each way: in, the path for the child's stderr and the
argv, separated by ``\\x1f``; out, ``<seconds> <maxrss KiB> <wait status>``.
An empty line asks for the launcher's own peak (``VmHWM``) in KiB.
"""

import os
import sys
import time

SEPARATOR = "\x1f"


def own_peak_kib() -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def run(stderr_path: str, argv: list[str]) -> str:
    actions = [
        (os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
        (os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0),
        (os.POSIX_SPAWN_OPEN, 2, stderr_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600),
    ]
    start = time.perf_counter()
    pid = os.posix_spawnp(argv[0], argv, os.environ, file_actions=actions)
    _, status, usage = os.wait4(pid, 0)
    elapsed = time.perf_counter() - start
    return f"{elapsed:.6f} {usage.ru_maxrss} {status}"


def main() -> None:
    for line in sys.stdin:
        fields = line.rstrip("\n").split(SEPARATOR)
        answer = str(own_peak_kib()) if fields == [""] else run(fields[0], fields[1:])
        sys.stdout.write(answer + "\n")
        sys.stdout.flush()


main()
