"""Killing a writing process at random moments never loses a committed bookmark or the file.

A child process adds bookmarks (and history and position) and flushes in a tight loop; after
each flush() that returns True it prints the bookmark's number. The parent kills it with SIGKILL
at a random moment: while starting, while opening (with a hot journal to roll back), or between
and inside flushes. After every kill the file must open cleanly (no notice, nothing moved aside)
and hold every bookmark the child reported.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from fieldguide.userdata import UserData

TRIALS = 100
WORKERS = 4

CHILD = """
import os
import sys
from pathlib import Path
from fieldguide.userdata import UserData

def say(*words):
    # One write() per line, whatever the buffering of stdout, so that a kill never cuts a line.
    os.write(1, (" ".join(map(str, words)) + "\\n").encode())

store = UserData.open(Path(sys.argv[1]))
if store.notices or not store.is_saving:
    say("trouble", [n.kind for n in store.notices])
    sys.exit(3)
i = len(store.bookmarks)
say("ready", i)
while True:
    store.add_bookmark("kill", f"a/{i}", f"Article {i}")
    store.record_visit("kill", f"a/{i}", f"Article {i}")
    store.set_last_position("kill", f"a/{i}", (i % 100) / 100)
    if i % 7 == 0:
        store.rename_bookmark("kill", f"a/{i}", f"Label {i}")
    if not store.flush():
        say("failed", i)
        sys.exit(4)
    say("committed", i)
    i += 1
"""


def run_trial(path: Path, rng: random.Random, committed: set[int]) -> None:
    errors = path.parent / "child-errors.txt"
    with errors.open("ab") as stderr:
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(path)],
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
        )
    assert child.stdout is not None
    lines: list[str] = []
    if rng.random() < 0.15:
        # Kill during interpreter start-up or while the store opens the file.
        time.sleep(rng.uniform(0.0, 0.08))
    else:
        for _ in range(rng.randint(1, 12)):  # "ready" plus some committed lines
            line = child.stdout.readline()
            if not line:
                break
            lines.append(line)
        time.sleep(rng.uniform(0.0, 0.003))  # land anywhere inside the next flush
    child.send_signal(signal.SIGKILL)
    # Read the rest through the same buffered reader (communicate() would bypass its buffer).
    lines += child.stdout.readlines()
    child.stdout.close()
    child.wait()
    assert child.returncode == -signal.SIGKILL, errors.read_text()
    # Each line is written whole with one write() after flush() returned True.
    assert all(line.endswith("\n") for line in lines), lines
    assert not any(line.startswith(("trouble", "failed")) for line in lines), lines
    committed.update(int(line.split()[1]) for line in lines if line.startswith("committed"))


def run_trials(path: Path, trials: int, seed: int) -> int:
    """Kill a writer on `path` again and again; return how many bookmarks were reported."""
    rng = random.Random(seed)
    committed: set[int] = set()
    for trial in range(trials):
        run_trial(path, rng, committed)
        with UserData.open(path) as store:
            assert store.notices == (), f"seed {seed}, trial {trial}: the file did not open cleanly"
            assert store.is_saving
            found = {int(b.slug.split("/")[1]) for b in store.bookmarks}
            lost = committed - found
            assert not lost, (
                f"seed {seed}, trial {trial}: committed bookmarks lost: {sorted(lost)[:10]}"
            )
            assert found == set(range(len(found))), (
                f"seed {seed}, trial {trial}: a gap in the bookmarks"
            )
    assert list(path.parent.glob("*.broken-*")) == []
    return len(committed)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_no_committed_bookmark_is_lost_when_the_writer_is_killed(tmp_path: Path) -> None:
    # Independent files side by side, so that the trials share the machine's cores.
    seed = int.from_bytes(os.urandom(4), "big")
    paths = [tmp_path / f"run{n}" / "userdata.sqlite" for n in range(WORKERS)]
    for path in paths:
        path.parent.mkdir()
    with ThreadPoolExecutor(WORKERS) as pool:
        counts = list(
            pool.map(lambda n: run_trials(paths[n], TRIALS // WORKERS, seed + n), range(WORKERS))
        )
    assert sum(counts) > TRIALS, f"the writers hardly wrote (seed {seed})"
