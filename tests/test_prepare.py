"""A save prepared by a child process writes exactly what a save prepared here writes.

A background save of many notes has a child (``lob_tui.prepare.main``) turn them
into bytes on another core (see ``lob_tui/prepare.py``). These tests start
real children: a child must give the very bytes an in-process preparation
gives, and every way a child can fail (no interpreter, another lob-tui, too
slow, notes that cannot be saved) must end in a preparation here, with the
same Dutch message an in-process save gives.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from crash_saver import version
from hostile_text import hostile_text
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lob_tui import prepare
from lob_tui.errors import LobFout, NotitieFout
from lob_tui.notes import Notities, Status, to_bytes
from lob_tui.store import NotesStore

ROL = "decaan-slb-coordinator"
MOMENT = datetime(2024, 3, 1, 9, 30, tzinfo=timezone(timedelta(hours=1), "CET"))
PATH = Path("notities.toml")


def many_notes(count: int) -> Notities:
    """``count`` items with a status and a note of two lines, as a diligent user writes."""
    notities = Notities(ROL, naam="Decaan")
    for number in range(count):
        notities.set_tekst(f"item-{number}", f"Eerste regel {number}.\nTweede regel.", MOMENT)
        notities.set_status(f"item-{number}", list(Status)[number % 3], MOMENT)
    return notities


@st.composite
def hostile_notes(draw: st.DrawFn) -> Notities:
    """Notes whose ids, texts and moments are the hardest to write and read back."""
    notities = Notities(ROL, naam=draw(hostile_text(4)))
    for item_id in draw(st.lists(hostile_text(3), min_size=1, max_size=4, unique=True)):
        notities.set_tekst(item_id, draw(hostile_text(20)), draw(st.none() | st.datetimes()))
        notities.set_status(item_id, draw(st.none() | st.sampled_from(Status)), MOMENT)
    notities.set_veld("visie/deskundigheden", draw(hostile_text(12)), MOMENT)
    return notities


def assert_this_process_prepares(monkeypatch: pytest.MonkeyPatch) -> None:
    """The child gives nothing, and the save still gets the right bytes, made here."""
    monkeypatch.setattr(prepare, "CHILD_FROM", 0)
    notities = many_notes(3)
    assert prepare._from_child(notities, PATH) is None
    assert prepare.in_child(notities, PATH) == to_bytes(notities)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile_notes())
def test_a_child_prepares_exactly_the_bytes_prepared_here(notities: Notities) -> None:
    assert prepare._from_child(notities, PATH) == prepare.in_process(notities, PATH)


def test_a_store_saving_through_a_child_writes_the_file_an_in_process_save_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    here, there = tmp_path / "hier.toml", tmp_path / "kind.toml"
    NotesStore(here).save(version(7))
    monkeypatch.setattr(prepare, "CHILD_FROM", 0)
    NotesStore(there).save(version(7), prepare=prepare.in_child)
    assert there.read_bytes() == here.read_bytes() == to_bytes(version(7))


def test_many_notes_go_to_a_child_and_a_few_are_prepared_here(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    children: list[int] = []
    real = prepare._from_child

    def counted(notities: Notities, path: Path) -> bytes | None:
        children.append(len(notities.items))
        return real(notities, path)

    monkeypatch.setattr(prepare, "_from_child", counted)
    few, many = many_notes(prepare.CHILD_FROM - 1), many_notes(prepare.CHILD_FROM)
    assert prepare.in_child(few, PATH) == to_bytes(few)
    assert prepare.in_child(many, PATH) == to_bytes(many)
    assert children == [prepare.CHILD_FROM]


def test_a_child_that_cannot_start_leaves_the_work_to_this_process(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(prepare.sys, "executable", str(tmp_path / "geen-python"))
    assert_this_process_prepares(monkeypatch)


@pytest.mark.parametrize(
    "other",
    [
        ("0.0.1", 1, prepare._TAG[2]),  # upgraded while the app ran
        (*prepare._TAG[:2], "/elders/lob_tui/__init__.py"),  # another copy of lob_tui
    ],
    ids=["version", "folder"],
)
def test_a_child_of_another_lob_tui_says_no_and_this_process_prepares(
    monkeypatch: pytest.MonkeyPatch, other: tuple[str, int, str]
) -> None:
    monkeypatch.setattr(prepare, "_TAG", other)
    assert_this_process_prepares(monkeypatch)


def test_a_child_uses_the_lob_tui_the_app_runs_even_beside_another_one(tmp_path: Path) -> None:
    """A checkout run beside an installed lob-tui: the child must take the checkout's too."""
    copy = tmp_path / "checkout"
    shutil.copytree(Path(prepare.__file__).parent, copy / "lob_tui")
    parent = (
        "import sys; sys.path.insert(0, sys.argv[1]); from pathlib import Path; "
        "from lob_tui import notes, prepare; "
        "n = notes.Notities('decaan-slb-coordinator'); n.set_tekst('a', 'b'); "
        "print(prepare.__file__); print(prepare._from_child(n, Path('n.toml')) is not None)"
    )
    ran = subprocess.run(
        [sys.executable, "-P", "-c", parent, str(copy)],
        capture_output=True,
        text=True,
        check=True,
    )
    imported, prepared = ran.stdout.split()
    assert Path(imported).is_relative_to(copy), "the parent runs the copy"
    assert prepared == "True", "the child ran the same copy, so it did the work"


def test_a_child_that_gets_no_notes_fails_and_this_process_prepares(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(prepare, "_TAG", (lambda: "kan niet gepickeld worden",))
    assert_this_process_prepares(monkeypatch)


def test_a_child_that_takes_too_long_is_stopped_and_this_process_prepares(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(prepare, "TIMEOUT", 0.001)
    assert_this_process_prepares(monkeypatch)


def test_notes_that_cannot_be_saved_give_the_same_dutch_message_through_a_child(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(prepare, "CHILD_FROM", 0)
    notities = many_notes(3)
    notities.set_status("id-\ud800", Status.BEHEERS_IK)  # a lone surrogate in an id
    assert prepare._from_child(notities, PATH) is None
    with pytest.raises(NotitieFout, match="ongeldig teken") as here:
        prepare.in_process(notities, PATH)
    with pytest.raises(NotitieFout, match="ongeldig teken") as there:
        prepare.in_child(notities, PATH)
    assert str(there.value) == str(here.value)


def test_bytes_that_would_not_read_back_as_the_notes_are_refused_before_writing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    notities = many_notes(3)
    monkeypatch.setattr(prepare.notes, "parse_bytes", lambda data, path: Notities(ROL))
    with pytest.raises(LobFout, match="las niet terug als je notities"):
        prepare.in_process(notities, PATH)
