"""Input fuzzing: whatever a user (or a damaged disk) hands PlugDesk, the answer is a clear
message, never a traceback. Hypothesis drives the settings file, the command line, the
dates of the transaction filter bar and of the export dialog, and the public charging
inputs (codes, connectors, e-mails, session tokens)."""

from __future__ import annotations

import io
import json
import string
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QDate

from plugdesk.api.client import transaction_params
from plugdesk.api.models import Charger
from plugdesk.cli import main as cli
from plugdesk.domain.export_run import writable_folder_problem
from plugdesk.domain.public_input import (
    InputError,
    validate_connector,
    validate_email,
    validate_public_code,
    validate_session_token,
)
from plugdesk.domain.settings import (
    Settings,
    api_url_problem,
    load_settings,
    save_settings,
    validate_settings,
)
from plugdesk.simulator import CHAOS_MODES, Simulator
from plugdesk.ui.export_dialog import NO_DATE, ExportDialog, Period
from plugdesk.ui.transactions_view import TransactionFilterBar
from tests.support.export import frozen_sim, read_csv, temp_files

FUZZ = settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def a_message(text: object, *, limit: int = 600) -> str:
    """A message for a person: words, no traceback, not a wall of text."""
    assert isinstance(text, str) and text.strip(), f"no message: {text!r}"
    assert "Traceback" not in text and 'File "' not in text, text
    assert len(text) <= limit, f"{len(text)} characters: {text[:200]}…"
    return text


# -- the settings file --------------------------------------------------------------------------

SETTING_NAMES = list(Settings.__struct_fields__)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**12), 10**12) | st.floats(allow_nan=False)
    | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                 max_size=4),
    max_leaves=12,
)  # fmt: skip
plausible_values = st.one_of(
    json_values,
    st.integers(-5, 100_000),
    st.sampled_from(["csv", "xlsx", "utc", "local", ",", ";", "22:00", "7:5", "24:00",
                     "https://app.plugchoice.com/api/v3", "http://127.0.0.1:8000/api/v3",
                     "http://example.com/api/v3", "", " "]),
)  # fmt: skip
settings_documents = st.dictionaries(
    st.sampled_from(SETTING_NAMES) | st.text(max_size=12), plausible_values, max_size=8
)
settings_files = st.one_of(
    st.binary(max_size=600),
    settings_documents.map(lambda d: json.dumps(d).encode()),
    json_values.map(lambda v: json.dumps(v).encode()),
    settings_documents.map(lambda d: json.dumps(d).encode()[: max(1, len(json.dumps(d)) // 2)]),
    st.just(b"\xef\xbb\xbf{}"),
)


@pytest.mark.log_warnings("a bad settings file is set aside, with a warning")
@FUZZ
@given(content=settings_files)
@example(content=b'{"api_url": ""}')  # kept as saved, with its problem (found by CI)
def test_any_settings_file_loads_or_is_set_aside_with_a_sentence(
    tmp_path_factory: pytest.TempPathFactory, content: bytes
) -> None:
    folder = tmp_path_factory.mktemp("settings")
    path = folder / "settings.json"
    path.write_bytes(content)
    loaded, warning = load_settings(path)
    assert isinstance(loaded, Settings)
    # An API URL that fails the URL check is kept as saved (the window opens its settings
    # dialog showing why); every other field is valid.
    problems = validate_settings(loaded)
    assert [p for p in problems if not p.startswith("api_url:")] == []
    if problems:
        a_message(api_url_problem(loaded.api_url))
    if warning is None:
        assert path.read_bytes() == content  # used as it is, untouched
        return
    a_message(warning)
    kept = [p for p in folder.iterdir() if p.name.startswith("settings.json.bad-")]
    if kept:  # nothing the user wrote is lost: the file is kept aside, byte for byte
        assert kept[0].read_bytes() == content and kept[0].name in warning
    assert loaded == Settings()
    save_settings(loaded, path)  # and the next start is clean
    assert load_settings(path) == (loaded, None)


# -- the command line ---------------------------------------------------------------------------

WORDS = [
    "sim", "status", "login", "logout", "export", "--json", "--help", "-h", "--version",
    "--demo", "--self-test", "--api-url", "--port", "--chargers", "--seed", "--time-scale",
    "--chaos", *CHAOS_MODES, "quake", "--token-stdin", "--charger", "--all", "--from", "--to",
    "--status", "active", "finished", "running", "--format", "csv", "xlsx", "pdf", "--tz",
    "utc", "local", "--delimiter", ",", ";", "|", "-o", "--output", "-", "out.csv",
    "out.xlsx", "2026-01-31", "2026-02-30", "2026-13-01", "31/01/2026", "0", "-1", "65536",
    "10001", "1e9", "nan", "inf", "http://127.0.0.1:9/api/v3", "https://app.plugchoice.com/api/v3",
    "http://example.com/api/v3", "ftp://x", "--", "---", "=",
]  # fmt: skip
# Free text may not name absolute paths, the home folder or a parent folder: an export
# with `-o` writes there (the test runs in a temporary working folder).
free_text = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=16
).filter(lambda t: not t.startswith(("/", "~")) and ".." not in t)
OPTIONS = ["--api-url", "--port", "--chargers", "--seed", "--time-scale", "--chaos", "--charger",
           "--from", "--to", "--status", "--format", "--tz", "--delimiter", "-o"]  # fmt: skip
FLAGS = ["--json", "--all", "--token-stdin", "--demo", "--help", "--version"]
values = (
    st.sampled_from(WORDS)
    | free_text
    | st.dates().map(date.isoformat)
    | st.integers(-10, 70_000).map(str)
    | st.floats(allow_nan=True).map(str)
)


def _flatten(pairs: list[tuple[str, str]]) -> list[str]:
    return [word for pair in pairs for word in pair]


structured = st.builds(
    lambda command, pairs, flags: [*command, *_flatten(pairs), *flags],
    st.sampled_from([[], ["sim"], ["status"], ["login"], ["logout"], ["export"]]),
    st.lists(st.tuples(st.sampled_from(OPTIONS), values), max_size=5),
    st.lists(st.sampled_from(FLAGS), max_size=2, unique=True),
)
argvs = st.lists(st.sampled_from(WORDS) | free_text, max_size=9) | structured


class CliRun:
    """Calls plugdesk.cli.main in-process; the GUI and the simulator command are replaced
    by stand-ins (they would block), every other command runs for real."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
        self.capsys = capsys
        self.blocking: list[str] = []
        monkeypatch.setitem(cli.COMMANDS, None, self._stand_in("gui"))
        monkeypatch.setitem(cli.COMMANDS, "sim", self._stand_in("sim"))

    def _stand_in(self, name: str) -> Any:
        def command(args: Any) -> int:
            self.blocking.append(name)
            return 0

        return command

    def __call__(self, argv: list[str]) -> tuple[int, str, str]:
        self.capsys.readouterr()
        sys.stdin = io.StringIO("")  # login reads a token from standard input
        try:
            code: object = cli.main(argv)
        except SystemExit as exit_:  # argparse: --help, --version, usage errors
            code = exit_.code
        out, err = self.capsys.readouterr()
        assert isinstance(code, int) and not isinstance(code, bool), f"exit code {code!r}"
        return code, out, err


@pytest.fixture
def cli_run(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> Iterator[CliRun]:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "stdin", sys.stdin)  # restored after the test
    yield CliRun(monkeypatch, capsys)


def _judge(code: int, out: str, err: str) -> None:
    assert "Traceback" not in err + out, err
    assert "unexpected error" not in err, err  # the last-resort handler is for bugs
    if code not in (0, 1, 2):
        first = err.strip().splitlines()[0] if err.strip() else ""
        assert first.startswith(("plugdesk: ", "usage: ")), f"exit {code} with {err!r}"
        a_message(err, limit=2000)


@FUZZ
@given(argv=argvs)
def test_any_command_line_gets_an_exit_code_and_words(cli_run: CliRun, argv: list[str]) -> None:
    code, out, err = cli_run(argv)
    event(f"exit {code}")
    _judge(code, out, err)


@pytest.fixture
def small_sim() -> Iterator[Simulator]:
    with frozen_sim(chargers=3, seed=5) as sim:
        yield sim


date_words = st.one_of(
    st.dates(min_value=date(2024, 1, 1), max_value=date(2027, 12, 31)).map(date.isoformat),
    st.dates().map(date.isoformat),
    st.sampled_from(["2026-02-29", "2024-02-29", "20260131", "2026-W05-1", " 2026-01-31 ",
                     "yesterday", "31/01/2026", ""]),
    free_text,
)  # fmt: skip
export_words = st.builds(
    lambda dates, choices: [*_flatten(dates), *_flatten(choices)],
    st.lists(st.tuples(st.sampled_from(["--from", "--to"]), date_words), max_size=2),
    st.lists(
        st.tuples(st.sampled_from(["--status", "--format", "--tz", "--delimiter"]),
                  st.sampled_from(["active", "finished", "csv", "xlsx", "utc", "local", ",",
                                   ";", "all"]) | free_text),
        max_size=3,
    ),
)  # fmt: skip


@settings(FUZZ, max_examples=60)
@given(options=export_words, output=st.sampled_from(["out.csv", "out.xlsx", "-", "sub/out.csv"]))
def test_any_export_options_against_the_simulator(
    cli_run: CliRun,
    small_sim: Simulator,
    monkeypatch: pytest.MonkeyPatch,
    options: list[str],
    output: str,
) -> None:
    """The export command for real (dates and all) against a 3-charger simulator: it
    exports, or says in one line what was wrong; a file is complete or absent."""
    monkeypatch.setenv("PLUGDESK_TOKEN", small_sim.token)
    target = Path.cwd() / output
    target.unlink(missing_ok=True)
    argv = ["export", "--all", "--api-url", small_sim.base_url, "-o", output, *options]
    code, out, err = cli_run(argv)
    event(f"export exit {code}")
    _judge(code, out if output != "-" else "", err)
    assert not temp_files(Path.cwd())
    if code == 0 and output == "out.csv":
        given = [options[i + 1] for i, o in enumerate(options[:-1]) if o == "--delimiter"]
        delimiter = given[-1] if given else ","  # argparse keeps the last one
        read_csv(target, delimiter)  # a complete CSV with the header
    if code != 0 and output != "-":
        assert not target.exists()


# -- the transaction filter bar -----------------------------------------------------------------

any_date = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))
maybe_date = st.none() | any_date
typed = st.text(string.digits + "-/ .:abcxyz", max_size=12)


@FUZZ
@given(start=maybe_date, stop=maybe_date, typed_start=typed, typed_stop=typed)
def test_filter_bar_dates_give_filters_or_a_message(
    qtbot: Any, start: date | None, stop: date | None, typed_start: str, typed_stop: str
) -> None:
    bar = TransactionFilterBar()
    qtbot.addWidget(bar)
    bar.started_from.set_value(start)
    bar.stopped_until.set_value(stop)
    for widget, text in ((bar.started_from, typed_start), (bar.stopped_until, typed_stop)):
        if widget.check.isChecked() and text:
            widget.edit.setFocus()
            qtbot.keyClicks(widget.edit, text)  # typed over the date, as a user would
    problem = bar.problem()
    event("filter bar: message" if problem else "filter bar: filters")
    if problem is not None:
        a_message(problem)
        return
    filters = bar.filters()  # what the window hands to the service
    # ... and the request the API client would build from it: no surprise left.
    transaction_params(
        status=filters.status,
        started_from=filters.started_from,
        stopped_until=filters.stopped_until,
        limit=filters.limit,
    )


# -- the export dialog ---------------------------------------------------------------------------

CHARGERS = [Charger(uuid="a-uuid", identity="CP-A"), Charger(uuid="b-uuid", identity="CP-B")]
qdates = st.one_of(
    st.just(NO_DATE), any_date.map(lambda d: QDate(d.year, d.month, d.day)), st.just(QDate())
)


def _never_called() -> Any:
    raise AssertionError("the fuzz never starts an export")


@FUZZ
@given(
    period=st.sampled_from(list(Period)),
    start=qdates,
    stop=qdates,
    typed_start=typed,
    destination=st.one_of(st.none(), free_text, st.sampled_from(["out.csv", "sub/x.xlsx"])),
    xlsx=st.booleans(),
)
def test_export_dialog_dates_and_file_give_a_request_or_a_message(
    qtbot: Any,
    tmp_path_factory: pytest.TempPathFactory,
    period: Period,
    start: QDate,
    stop: QDate,
    typed_start: str,
    destination: str | None,
    xlsx: bool,
) -> None:
    folder = tmp_path_factory.mktemp("exports")
    dialog = ExportDialog(
        _never_called, CHARGERS, "a-uuid", settings=Settings(export_last_dir=str(folder)),
        today=date(2026, 11, 15),
    )  # fmt: skip
    qtbot.addWidget(dialog)
    dialog.period.setCurrentIndex(list(Period).index(period))
    dialog.date_from.setDate(start)
    dialog.date_to.setDate(stop)
    if typed_start:
        qtbot.keyClicks(dialog.date_from, typed_start)
    (dialog.format_xlsx if xlsx else dialog.format_csv).setChecked(True)
    if destination is not None:
        dialog.destination.setText(str(folder / destination) if destination else "")
    problem = dialog.problem()
    event("export dialog: " + (problem.split(" ")[0] if problem else "request"))
    if problem is not None:
        a_message(problem)
        assert not dialog.export_button.isEnabled()
        return
    path = dialog.destination_path()
    assert path is not None
    folder_problem = writable_folder_problem(path)  # checked when Export is clicked
    if folder_problem is not None:
        a_message(folder_problem)
        return
    request = dialog.build_request()  # exactly what start_export hands to the job
    filters = request.filters
    if filters.started_from and filters.stopped_until:
        assert filters.started_from <= filters.stopped_until


# -- public charging inputs ----------------------------------------------------------------------

public_text = st.one_of(
    st.text(max_size=300),
    st.text(string.ascii_letters + string.digits + " .@+-_'!#", max_size=70),
    st.sampled_from(["ab12", " AB12 ", "PC-001", "ÄB12", "a" * 10, "a" * 11, "user@example.com",
                     "user@10.0.0.1", "a@b", "a@b.c", "@example.com", "user@@example.com",
                     ".user@example.com", "us..er@example.com", "x" * 65 + "@example.com"]),
)  # fmt: skip


@FUZZ
@given(text=st.none() | public_text)
def test_public_code_and_email_give_a_value_or_a_message(text: str | None) -> None:
    for check, field in ((validate_public_code, "code"), (validate_email, "email")):
        try:
            value = check(text)
        except InputError as error:
            assert error.field == field
            a_message(str(error))
            continue
        if check is validate_public_code:
            assert isinstance(value, str) and value.isalnum() and value == value.upper()
            assert 1 <= len(value) <= 10
        else:
            assert value is None or ("@" in value and value == value.strip())


@FUZZ
@given(value=st.none() | st.integers() | st.booleans() | public_text)
def test_connector_gives_a_number_or_a_message(value: Any) -> None:
    try:
        number = validate_connector(value)
    except InputError as error:
        a_message(str(error))
        return
    assert isinstance(number, int) and 1 <= number <= 100


@FUZZ
@given(text=st.none() | public_text | st.text(string.ascii_letters + "-_.~", min_size=1))
def test_session_token_never_echoed_in_its_message(text: str | None) -> None:
    try:
        token = validate_session_token(text)
    except InputError as error:
        message = a_message(str(error))
        secret = (text or "").strip()
        if len(secret) >= 4:
            assert secret not in message
        return
    assert token and token == token.strip()

