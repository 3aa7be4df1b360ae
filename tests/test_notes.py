"""The notes file: whatever a person writes comes back exactly, and a bad file is named, not used.

The round trip is a Hypothesis property over hostile text (quotes, triple
quotes, backslashes, control characters, NUL, emoji, CR LF, markup), statuses,
aandachtsvelden, names, item ids and moments: ``loads(dumps(n)) == n``, with the
one documented change that line ends become ``\\n``. Every kind of bad notes
file raises ``NotitieFout`` naming the file and the right line, and the store
then leaves it byte-identical and refuses to save over it.
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime, time, timedelta, timezone
from pathlib import Path

import pytest
from hostile_text import hostile_text
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lob_tui import notes
from lob_tui.errors import NotitieFout
from lob_tui.notes import (
    SCHEMA,
    UPGRADES,
    Aandachtsveld,
    ItemNotitie,
    Notities,
    Status,
    dumps,
    loads,
    normalise,
    parse_bytes,
    to_bytes,
)
from lob_tui.store import NotesStore

PAD = Path("notities-proef.toml")
ROL = "decaan-slb-coordinator"
MOMENT = datetime(2024, 3, 1, 9, 30, tzinfo=timezone(timedelta(hours=1)))


def line_of(text: str, fragment: str) -> int:
    """The 1-based line of the first line holding ``fragment`` (lines end at \\n only)."""
    return next(n for n, line in enumerate(text.split("\n"), start=1) if fragment in line)


def expected_text(text: str) -> str:
    """What a text reads back as: the same, with every line end turned into \\n."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


# --- Round trip ---

OFFSETS = st.integers(-(23 * 60 + 59), 23 * 60 + 59).map(lambda m: timezone(timedelta(minutes=m)))
MOMENTS = st.none() | st.datetimes(timezones=st.none() | OFFSETS)
IDS = hostile_text(3) | st.sampled_from(["visie-r1", "a.b", "", " ", "x/y", "[items]"])
SOORTEN = st.sampled_from(["rolbeschrijvingen", "deskundigheden"]) | hostile_text(2)


@st.composite
def notities(draw: st.DrawFn) -> Notities:
    """Notes as the app builds them, with hostile ids, texts and moments."""
    result = Notities(draw(IDS), naam=draw(hostile_text(4)))
    for item_id in draw(st.lists(IDS, max_size=4, unique=True)):
        when = draw(MOMENTS)
        result.set_tekst(item_id, draw(hostile_text(20)), when)
        result.set_status(item_id, draw(st.none() | st.sampled_from(Status)), when)
    for gebied in draw(st.lists(hostile_text(3).filter(lambda g: "/" not in g), max_size=3)):
        result.set_veld(f"{gebied}/{draw(SOORTEN)}", draw(hostile_text(12)), draw(MOMENTS))
    return result


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(notities())
def test_any_notes_round_trip_through_the_file_format(original: Notities) -> None:
    back = parse_bytes(to_bytes(original), PAD)
    assert back == original
    assert back.rol_id == original.rol_id and back.naam == original.naam
    for item_id, notitie in original.items.items():
        assert back.items[item_id].tekst == notitie.tekst
        assert back.items[item_id].status == notitie.status
        assert back.items[item_id].gewijzigd == notitie.gewijzigd
    assert back.velden == original.velden


@settings(max_examples=300, deadline=None)
@given(hostile_text(30), st.none() | st.sampled_from(Status))
def test_a_typed_text_reads_back_exactly_but_for_line_ends(
    text: str, status: Status | None
) -> None:
    original = Notities(ROL)
    original.set_tekst("visie-r1", text, MOMENT)
    original.set_status("visie-r1", status, MOMENT)
    back = loads(dumps(original), PAD)
    assert back.item("visie-r1").tekst == expected_text(text)
    assert back.item("visie-r1").status == status


@pytest.mark.parametrize(
    "text",
    [
        "say \"\"\"hi\"\"\" and '''bye'''",
        "ends with a backslash \\",
        'ends with quotes ""',
        "\n\nblank lines before\n\n\nand after\n\n",
        "tab\there, NUL\x00 there, bell\x07, escape\x1b[2J, DEL\x7f",
        "[bold]markup[/] and [items.x]\nstatus = 3",
        "emoji 🎉 👩‍👩‍👧, rtl \u202ereversed\u202c, bom \ufeff, nel \x85, ls \u2028",
        "crlf\r\nand lone cr\rend",
        "\\u0041 is not an escape here, nor is \\n",
    ],
)
def test_awkward_texts_round_trip(text: str) -> None:
    original = Notities(ROL)
    original.set_tekst("visie-r1", text, MOMENT)
    original.set_veld("visie-en-advies/rolbeschrijvingen", text, MOMENT)
    back = loads(dumps(original), PAD)
    assert back.item("visie-r1").tekst == expected_text(text)
    assert back.veld("visie-en-advies/rolbeschrijvingen").tekst == expected_text(text)


def saved_and_loaded(tmp_path: Path, original: Notities) -> Notities:
    store = NotesStore(tmp_path / "notities.toml")
    store.load(ROL)
    store.save(original)
    return NotesStore(tmp_path / "notities.toml").load(ROL)


def test_a_100_kb_note_round_trips_through_the_store(tmp_path: Path) -> None:
    text = ('Honderd kilobyte aan "aantekeningen" met \\ en 🎉.\n' * 2000)[:100_000]
    original = Notities(ROL)
    original.set_tekst("visie-r1", text, MOMENT)
    assert saved_and_loaded(tmp_path, original).item("visie-r1").tekst == text


def test_a_1_mb_note_of_10000_lines_round_trips_through_the_store(tmp_path: Path) -> None:
    line = "regel {:05d}: " + "x" * 86 + ' "\\ [/]\n'
    text = "".join(line.format(n) for n in range(10_000))
    assert len(text.encode()) >= 1_000_000 and text.count("\n") == 10_000
    original = Notities(ROL)
    original.set_tekst("visie-r1", text, MOMENT)
    assert saved_and_loaded(tmp_path, original).item("visie-r1").tekst == text


# --- What cannot be stored ---


@pytest.mark.parametrize(
    "store_it",
    [
        lambda n: n.set_tekst("visie-r1", "half \ud83d teken"),
        lambda n: n.set_veld("visie-en-advies/rolbeschrijvingen", "\udfff"),
        lambda n: n.set_naam("Naam \ud800"),
        lambda n: ItemNotitie(None, "\ud800"),
        lambda n: Aandachtsveld("\udc80"),
        lambda n: Notities(ROL, naam="\ud800"),
    ],
)
def test_a_lone_surrogate_is_refused_with_a_dutch_message(store_it: object) -> None:
    with pytest.raises(NotitieFout, match="ongeldig teken"):
        store_it(Notities(ROL))  # type: ignore[operator]


def test_a_lone_surrogate_in_an_id_is_refused_when_saving_not_crashing() -> None:
    notities = Notities(ROL)
    notities.set_status("id-\ud800", Status.BEHEERS_IK)
    with pytest.raises(NotitieFout, match="ongeldig teken"):
        to_bytes(notities)


def test_line_ends_are_normalised_to_newline() -> None:
    assert normalise("a\r\nb\rc\n") == "a\nb\nc\n"


# --- Unknown ids ---

ONBEKEND = f"""\
schema = 1
rol = "{ROL}"

[items.visie-r1]
status = "beheers ik"

[items.verdwenen-item]
status = "bespreken met collega"
notitie = "Dit item staat niet meer in het raamwerk."

[aandachtsvelden.verdwenen-gebied.deskundigheden]
tekst = "Ook dit veld hoort nergens meer bij."
"""


def test_notes_on_unknown_ids_are_reported_and_kept_through_load_and_save(tmp_path: Path) -> None:
    path = tmp_path / "notities.toml"
    path.write_text(ONBEKEND, encoding="utf-8")
    store = NotesStore(path)
    notities = store.load(ROL)
    assert notities.onbekend(["visie-r1"], ["visie-en-advies/rolbeschrijvingen"]) == [
        "verdwenen-item",
        "verdwenen-gebied/deskundigheden",
    ]

    notities.set_tekst("visie-r1", "Nieuw", MOMENT)
    store.save(notities)
    again = NotesStore(path).load(ROL)
    assert again.item("verdwenen-item").tekst == "Dit item staat niet meer in het raamwerk."
    assert again.item("verdwenen-item").status is Status.BESPREKEN
    assert again.veld("verdwenen-gebied/deskundigheden").tekst.startswith("Ook dit veld")


# --- Bad files: the message names the file and the line ---

GOED = f"""\
schema = 1
rol = "{ROL}"
naam = "Proef"

[items.visie-r1]
status = "beheers ik"
notitie = "Een notitie"
gewijzigd = 2024-03-01T09:30:00+01:00

[aandachtsvelden.visie-en-advies.rolbeschrijvingen]
tekst = "Een veld"
"""

# (what is wrong, line to replace, replacement, words of the message)
BAD = [
    ("a TOML syntax error", 'notitie = "Een notitie"', 'notitie = "Een notitie', "TOML"),
    ("a missing schema", "schema = 1", "", "'schema' ontbreekt"),
    ("a newer schema", "schema = 1", "schema = 2", "nieuwere lob-tui"),
    ("an unknown schema", "schema = 1", "schema = 0", "bestaat niet"),
    ("a schema as text", "schema = 1", 'schema = "1"', "geheel getal"),
    ("a missing role", f'rol = "{ROL}"', "", "'rol' ontbreekt"),
    ("a role as a number", f'rol = "{ROL}"', "rol = 3", "moet tekst zijn"),
    ("a name as a list", 'naam = "Proef"', "naam = []", "moet tekst zijn"),
    ("a status as a number", 'status = "beheers ik"', "status = 3", "moet tekst zijn"),
    ("an unknown status", 'status = "beheers ik"', 'status = "klaar"', "geen status"),
    ("a note as a number", 'notitie = "Een notitie"', "notitie = 5", "moet tekst zijn"),
    ("a misspelled key", 'notitie = "Een notitie"', 'notite = "Een notitie"', "'notitie'"),
    ("a date as text", "gewijzigd = 2024-03-01T09:30:00+01:00", 'gewijzigd = "gisteren"', "datum"),
    (
        "a time of day only",
        "gewijzigd = 2024-03-01T09:30:00+01:00",
        "gewijzigd = 09:30:00",
        "datum",
    ),
    ("a field text as a number", 'tekst = "Een veld"', "tekst = 1", "moet tekst zijn"),
    ("an unknown top-level key", 'naam = "Proef"', 'opmerking = "Proef"', "onbekende sleutel"),
]


@pytest.mark.parametrize(("fault", "old", "new", "words"), BAD, ids=[b[0] for b in BAD])
def test_a_bad_notes_file_is_named_with_file_and_line(
    fault: str, old: str, new: str, words: str
) -> None:
    text = GOED.replace(old, new, 1)
    with pytest.raises(NotitieFout) as caught:
        loads(text, PAD)
    probleem = caught.value.eerste
    assert probleem.pad == PAD
    assert words in probleem.melding
    assert probleem.regel == (line_of(text, new.split("\n")[0]) if new else 1)


@pytest.mark.parametrize(
    ("text", "words", "line"),
    [
        (f'schema = 1\nrol = "{ROL}"\nitems = "x"\n', "'items' moet een tabel zijn", 3),
        (f'schema = 1\nrol = "{ROL}"\n[items]\na = 5\n', "'items.a' moet een tabel zijn", 4),
        (f'schema = 1\nrol = "{ROL}"\n[aandachtsvelden]\ng = 3\n', "moet een tabel zijn", 4),
        (
            f'schema = 1\nrol = "{ROL}"\n[items.a]\nstatus = "beheers ik"\nstatus = ""\n',
            "eerder",
            5,
        ),
    ],
)
def test_wrongly_typed_tables_are_named_on_their_line(text: str, words: str, line: int) -> None:
    with pytest.raises(NotitieFout) as caught:
        loads(text, PAD)
    assert words in caught.value.eerste.melding
    assert caught.value.eerste.regel == line


def test_a_quoted_item_id_with_a_dot_is_found_on_its_line() -> None:
    text = f'schema = 1\nrol = "{ROL}"\n\n[items."a.b c"]\nnotitie = "x"\nstatus = 3\n'
    with pytest.raises(NotitieFout) as caught:
        loads(text, PAD)
    assert caught.value.eerste.regel == 6


def test_a_note_holding_header_like_lines_does_not_shift_the_line_of_an_error() -> None:
    text = GOED.replace(
        'notitie = "Een notitie"', 'notitie = """\n[items.nep]\nstatus = 3\n"""'
    ).replace('tekst = "Een veld"', "tekst = 7")
    with pytest.raises(NotitieFout) as caught:
        loads(text, PAD)
    assert caught.value.eerste.regel == line_of(text, "tekst = 7")


def test_a_file_that_is_not_utf8_is_named_with_its_line() -> None:
    data = GOED.encode().replace(b"Een veld", b"Een \xff veld")
    with pytest.raises(NotitieFout, match="UTF-8") as caught:
        parse_bytes(data, PAD)
    assert caught.value.eerste.regel == line_of(GOED, "Een veld")


def test_a_date_without_time_is_read_as_that_day() -> None:
    text = GOED.replace("2024-03-01T09:30:00+01:00", "2024-03-01")
    assert loads(text, PAD).item("visie-r1").gewijzigd == datetime(2024, 3, 1)


def test_an_empty_status_means_no_status() -> None:
    text = GOED.replace('status = "beheers ik"', 'status = ""')
    assert loads(text, PAD).item("visie-r1").status is None


BAD_FILES = [GOED.replace(old, new, 1) for _, old, new, _ in BAD]


@pytest.mark.parametrize("text", BAD_FILES, ids=[b[0] for b in BAD])
def test_the_store_leaves_a_bad_file_byte_identical_and_never_saves_over_it(
    tmp_path: Path, text: str
) -> None:
    path = tmp_path / "notities.toml"
    path.write_bytes(text.encode())
    store = NotesStore(path)
    with pytest.raises(NotitieFout) as caught:
        store.load(ROL)
    assert "niet veranderd" in caught.value.eerste.melding

    for force in (False, True):
        with pytest.raises(NotitieFout, match="niet bewaard"):
            store.save(Notities(ROL), force=force)
    assert path.read_bytes() == text.encode()
    assert os.listdir(tmp_path) == ["notities.toml"]  # no backup, no temporary file


def test_notes_of_another_role_are_refused_and_not_saved_over(tmp_path: Path) -> None:
    path = tmp_path / "notities.toml"
    path.write_text(GOED, encoding="utf-8")
    store = NotesStore(path)
    with pytest.raises(NotitieFout, match="hoort bij de rol"):
        store.load("mentor")
    with pytest.raises(NotitieFout):
        store.save(Notities("mentor"), force=True)
    assert path.read_text(encoding="utf-8") == GOED


# --- The model ---


def test_equal_notes_are_equal_whatever_their_revision() -> None:
    a, b = Notities(ROL), Notities(ROL)
    a.set_tekst("x", "tekst", MOMENT)
    b.set_tekst("x", "eerst", MOMENT)
    b.set_tekst("x", "tekst", MOMENT)
    assert a.revisie != b.revisie
    assert a == b


def test_a_copy_does_not_change_with_the_original() -> None:
    original = Notities(ROL)
    original.set_tekst("x", "voor", MOMENT)
    snapshot = original.copy()
    original.set_tekst("x", "na", MOMENT)
    original.items["x"].tekst = "ook na"
    assert snapshot.item("x").tekst == "voor"


def test_a_copy_is_equal_and_shares_no_entry_with_the_original() -> None:
    original = Notities(ROL, naam="Decaan")
    original.set_tekst("x", "regel\r\nregel", MOMENT)
    original.set_status("x", Status.BESPREKEN, MOMENT)
    original.set_veld("visie/deskundigheden", "veld", MOMENT)
    snapshot = original.copy()
    assert snapshot == original and snapshot.revisie == original.revisie
    for mine, theirs in [(snapshot.items, original.items), (snapshot.velden, original.velden)]:
        for key, entry in mine.items():
            assert type(entry) is type(theirs[key]) and entry is not theirs[key]


def test_setters_report_whether_anything_changed_and_clear_empty_entries() -> None:
    notities = Notities(ROL)
    assert notities.set_status("x", Status.BESPREKEN, MOMENT)
    assert not notities.set_status("x", Status.BESPREKEN, MOMENT)
    assert notities.voortgang(["x", "y"]) == (1, 2)
    assert notities.set_status("x", None, MOMENT)
    assert notities.is_leeg and "x" not in notities.items


# --- Schema versions ---


def test_every_older_schema_has_an_upgrade_step() -> None:
    # Schema 1 is the first, so there is nothing to upgrade yet; when SCHEMA goes
    # up, this fails until a step from the previous version is added.
    assert set(UPGRADES) == set(range(1, SCHEMA))


def test_an_upgrade_step_runs_on_load_when_the_schema_goes_up(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A pretend schema 2 that renamed "notitie" to "tekst", to show the hook works.
    def rename(data: dict[str, object]) -> dict[str, object]:
        return {**data, "schema": 2}

    monkeypatch.setattr(notes, "SCHEMA", 2)
    monkeypatch.setitem(UPGRADES, 1, rename)
    assert loads(GOED, PAD).item("visie-r1").tekst == "Een notitie"
    assert "schema = 2" in dumps(loads(GOED, PAD))


def test_moments_keep_their_offset_and_plain_dates_and_times_are_distinguished() -> None:
    original = Notities(ROL)
    original.set_tekst("x", "t", datetime(2024, 1, 2, 3, 4, 5, 678901, tzinfo=UTC))
    back = loads(dumps(original), PAD)
    assert back.item("x").gewijzigd == original.item("x").gewijzigd
    assert isinstance(date(2024, 1, 1), date) and not isinstance(time(1), date)
