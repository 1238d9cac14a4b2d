"""The export dialog, driven with qtbot on the running qasync loop against the simulator."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import QRadioButton, QStyle

from plugdesk.api.client import PlugchoiceClient
from plugdesk.api.models import Charger
from plugdesk.domain.export_run import ExportSummary
from plugdesk.domain.settings import Settings
from plugdesk.services.export_job import ExportJob
from plugdesk.services.qtasync import SignalWaiter
from plugdesk.simulator import Simulator
from plugdesk.ui.export_dialog import ExportDialog, Period, open_export_dialog
from tests.support.export import frozen_sim, read_csv, temp_files, truth_ids

Run = Callable[..., Any]
TODAY = date(2026, 11, 15)
OLD_CONTENT = b"last month's good export\r\n"


@pytest.fixture
def fleet() -> Iterator[Simulator]:
    with frozen_sim(chargers=6, seed=11) as sim:
        yield sim


class Factory:
    """Makes ExportJobs on one client and keeps them, so a test can watch each job."""

    def __init__(self, client: PlugchoiceClient | None) -> None:
        self.client = client
        self.jobs: list[ExportJob] = []

    def __call__(self) -> ExportJob:
        assert self.client is not None, "this test should not start an export"
        job = ExportJob(self.client, concurrency=2)
        self.jobs.append(job)
        return job


def _offline_chargers() -> list[Charger]:
    return [
        Charger(uuid="b-uuid", identity="CP-B", reference="Car park B"),
        Charger(uuid="a-uuid", identity="CP-A"),
        Charger(uuid="c-uuid", identity="CP-C"),
    ]


def _dialog(
    qtbot: Any,
    factory: Factory,
    chargers: list[Charger],
    folder: Path,
    selected: Charger | str | None = None,
    **options: Any,
) -> ExportDialog:
    settings = Settings(export_last_dir=str(folder))
    dialog = ExportDialog(factory, chargers, selected, settings=settings, today=TODAY, **options)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _uuids(dialog: ExportDialog) -> list[str]:
    items = dialog.build_request().scope.chargers or ()
    return [item if isinstance(item, str) else item.uuid for item in items]


def _click_radio(qtbot: Any, button: QRadioButton) -> None:
    """Click on the radio's indicator: a stretched radio button ignores clicks on the empty
    space right of its label, which is where a click on its centre lands."""
    point = QPoint(button.style().pixelMetric(QStyle.PixelMetric.PM_ExclusiveIndicatorWidth) // 2
                   + 2, button.height() // 2)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=point)
    assert button.isChecked()


def _choose_period(dialog: ExportDialog, period: Period) -> None:
    dialog.period.setCurrentIndex(dialog.period.findData(period))


# -- choices, names and validation (no network) -----------------------------------------


def test_default_file_name_follows_period_and_format(qtbot: Any, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, Factory(None), _offline_chargers(), tmp_path)
    assert dialog.period.currentData() is Period.LAST_MONTH  # billing is for last month
    assert dialog.dates() == (date(2026, 10, 1), date(2026, 10, 31))
    assert dialog.destination.text() == str(tmp_path / "plugdesk-transactions-2026-10.csv")

    _click_radio(qtbot, dialog.format_xlsx)
    assert dialog.destination.text().endswith("plugdesk-transactions-2026-10.xlsx")
    assert not dialog.delimiter.isEnabled()  # CSV only
    _choose_period(dialog, Period.THIS_YEAR)
    assert dialog.destination.text().endswith("plugdesk-transactions-2026.xlsx")
    _choose_period(dialog, Period.THIS_MONTH)
    assert dialog.dates() == (date(2026, 11, 1), date(2026, 11, 30))
    assert dialog.destination.text().endswith("plugdesk-transactions-2026-11.xlsx")
    _choose_period(dialog, Period.ALL_TIME)
    assert dialog.dates() == (None, None)
    assert dialog.date_from.text() == "any"
    assert dialog.destination.text().endswith("plugdesk-transactions-all.xlsx")

    # Editing a date makes the period "Custom" and names the file after the range.
    _choose_period(dialog, Period.LAST_MONTH)
    dialog.date_to.setDate(QDate(2026, 11, 12))
    assert dialog.period.currentData() is Period.CUSTOM
    assert dialog.destination.text().endswith("plugdesk-transactions-2026-10-01_2026-11-12.xlsx")

    # A name the user typed is kept; only its suffix follows the format.
    dialog.destination.clear()
    qtbot.keyClicks(dialog.destination, str(tmp_path / "billing.xlsx"))
    _choose_period(dialog, Period.THIS_YEAR)
    _click_radio(qtbot, dialog.format_csv)
    assert dialog.destination.text() == str(tmp_path / "billing.csv")
    assert dialog.delimiter.isEnabled()


def test_settings_preselect_format_zone_and_delimiter(qtbot: Any, tmp_path: Path) -> None:
    settings = Settings(
        export_format="xlsx", export_tz="local", export_delimiter=";", export_last_dir=str(tmp_path)
    )
    dialog = ExportDialog(Factory(None), _offline_chargers(), settings=settings, today=TODAY)
    qtbot.addWidget(dialog)
    assert dialog.format_xlsx.isChecked()
    assert dialog.timezone.currentData() == "local"
    assert dialog.delimiter.currentData() == ";"
    assert dialog.destination.text().endswith(".xlsx")


def test_scope_choices(qtbot: Any, tmp_path: Path) -> None:
    chargers = _offline_chargers()
    dialog = _dialog(qtbot, Factory(None), chargers, tmp_path, selected="b-uuid")
    assert dialog.scope_selected.isChecked()
    assert "CP-B" in dialog.scope_selected.text()
    assert _uuids(dialog) == ["b-uuid"]
    # The checkable list is sorted by name and starts with the selected charger ticked.
    labels = [dialog.charger_list.item(i).text() for i in range(dialog.charger_list.count())]
    assert labels == ["CP-A", "CP-B — Car park B", "CP-C"]
    assert not dialog.charger_list.isEnabled()
    _click_radio(qtbot, dialog.scope_chosen)
    assert dialog.charger_list.isEnabled()
    assert dialog.chosen_uuids() == ["b-uuid"]
    dialog.charger_list.item(2).setCheckState(Qt.CheckState.Checked)
    assert dialog.chosen_count.text() == "2 of 3 ticked"
    assert _uuids(dialog) == ["b-uuid", "c-uuid"]
    qtbot.keyClicks(dialog.charger_filter, "cp-a")
    assert [dialog.charger_list.item(i).isHidden() for i in range(3)] == [False, True, True]
    qtbot.mouseClick(dialog.check_all, Qt.MouseButton.LeftButton)
    # Ticked chargers the filter hides are not exported unseen, and the count says so.
    assert dialog.chosen_uuids() == ["a-uuid"]
    assert dialog.chosen_count.text() == "1 of 3 ticked"
    dialog.charger_filter.clear()
    assert dialog.chosen_uuids() == ["a-uuid", "b-uuid", "c-uuid"]
    _click_radio(qtbot, dialog.scope_all)
    assert dialog.build_request().scope.is_all
    # Without a selected charger that choice is off, and "all" is the default.
    other = _dialog(qtbot, Factory(None), chargers, tmp_path)
    assert not other.scope_selected.isEnabled()
    assert other.scope_all.isChecked()


def test_validation_says_what_is_wrong(qtbot: Any, tmp_path: Path) -> None:
    factory = Factory(None)
    dialog = _dialog(qtbot, factory, _offline_chargers(), tmp_path)
    assert dialog.export_button.isEnabled()

    dialog.date_from.setDate(QDate(2026, 10, 20))
    dialog.date_to.setDate(QDate(2026, 10, 5))
    assert not dialog.export_button.isEnabled()
    assert dialog.message.text() == "The start date 2026-10-20 is after the end date 2026-10-05."
    dialog.date_to.setDate(QDate(2026, 10, 25))
    assert dialog.export_button.isEnabled()

    dialog.destination.clear()
    assert dialog.message.text() == "Choose where to save the export."
    assert not dialog.export_button.isEnabled()
    dialog.destination.setText("relative.csv")  # a bare name goes in the export folder
    assert dialog.destination_path() == tmp_path / "relative.csv"
    assert dialog.export_button.isEnabled()

    dialog.destination.setText(str(tmp_path / "no-such-folder" / "x.csv"))
    assert dialog.export_button.isEnabled()  # a disk check runs only on click
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == f"The folder {tmp_path / 'no-such-folder'} does not exist."
    dialog.destination.setText(str(tmp_path))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == f"{tmp_path} is a folder; add a file name."
    assert factory.jobs == []  # nothing started

    dialog.destination.setText(str(tmp_path / "x.csv"))
    _click_radio(qtbot, dialog.scope_chosen)
    assert dialog.message.text() == "Tick at least one charger to export."
    assert not dialog.export_button.isEnabled()

    (tmp_path / "exists.csv").write_bytes(OLD_CONTENT)
    _click_radio(qtbot, dialog.scope_all)
    dialog.destination.setText(str(tmp_path / "exists.csv"))
    assert "replaced only when the export completes" in dialog.message.text()
    assert dialog.export_button.isEnabled()


# -- real exports on the running loop -----------------------------------------------------


async def _chargers(client: PlugchoiceClient) -> list[Charger]:
    return await client.list_chargers()


def test_dialog_runs_an_export_to_the_end(
    qtbot: Any, run: Run, fleet: Simulator, tmp_path: Path
) -> None:
    opened: list[Path] = []
    saved: list[Settings] = []

    async def scenario() -> ExportSummary:
        async with PlugchoiceClient(fleet.base_url, fleet.token) as client:
            chargers = await _chargers(client)
            factory = Factory(client)
            dialog = _dialog(qtbot, factory, chargers, tmp_path, open_folder=opened.append)
            dialog.settings_changed.connect(saved.append)
            progress: list[tuple[int, int, int]] = []
            _click_radio(qtbot, dialog.scope_all)
            _choose_period(dialog, Period.ALL_TIME)
            _click_radio(qtbot, dialog.format_xlsx)
            finished = SignalWaiter(dialog.export_finished)
            qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
            assert dialog.is_running
            assert not dialog.export_button.isEnabled()
            assert dialog.close_button.text() == "Cancel export"
            assert dialog.progress.isVisible()
            factory.jobs[0].progress.connect(lambda *p: progress.append(p))
            (summary,) = await finished.wait(30)
            assert progress and progress[-1][0] == progress[-1][1] == 6
            assert dialog.progress.isHidden()
            assert dialog.close_button.text() == "Close"
            self_check(dialog, summary)
            qtbot.mouseClick(dialog.open_folder_button, Qt.MouseButton.LeftButton)
            return summary

    summary = run(scenario(), timeout=60)
    out = tmp_path / "plugdesk-transactions-all.xlsx"
    assert summary.path == out and out.exists()
    assert summary.rows == len(truth_ids(fleet))
    assert opened == [tmp_path]
    # The folder is remembered; choosing Excel once leaves the Settings default alone.
    assert saved and saved[-1].export_format == "csv"
    assert saved[-1].export_last_dir == str(tmp_path)


def self_check(dialog: ExportDialog, summary: ExportSummary) -> None:
    text = dialog.message.text()
    assert "Export complete." in text
    assert f"{summary.rows:,} transactions" in text
    assert f"{summary.kwh:,.3f} kWh" in text
    assert str(summary.path) in text
    assert dialog.open_folder_button.isVisible()


def test_csv_from_the_dialog_holds_the_chosen_chargers(
    qtbot: Any, run: Run, fleet: Simulator, tmp_path: Path
) -> None:
    out = tmp_path / "two.csv"

    async def scenario() -> None:
        async with PlugchoiceClient(fleet.base_url, fleet.token) as client:
            chargers = await _chargers(client)
            dialog = _dialog(qtbot, Factory(client), chargers, tmp_path)
            _click_radio(qtbot, dialog.scope_chosen)
            for row in (0, 2):
                dialog.charger_list.item(row).setCheckState(Qt.CheckState.Checked)
            _choose_period(dialog, Period.ALL_TIME)
            dialog.delimiter.setCurrentIndex(dialog.delimiter.findData(";"))
            dialog.destination.setText(str(out))
            finished = SignalWaiter(dialog.export_finished)
            qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
            await finished.wait(30)

    run(scenario(), timeout=60)
    rows = read_csv(out, delimiter=";")
    uuids = {r["charger_uuid"] for r in rows}
    assert len(uuids) <= 2
    expected = truth_ids(fleet, sorted(uuids))
    assert sorted(int(r["transaction_id"]) for r in rows) == sorted(expected)


def test_cancel_keeps_the_existing_file(
    qtbot: Any, run: Run, fleet: Simulator, tmp_path: Path
) -> None:
    out = tmp_path / "plugdesk-transactions-all.csv"
    out.write_bytes(OLD_CONTENT)

    async def scenario() -> ExportDialog:
        async with PlugchoiceClient(fleet.base_url, fleet.token) as client:
            factory = Factory(client)
            dialog = _dialog(qtbot, factory, await _chargers(client), tmp_path)
            _choose_period(dialog, Period.ALL_TIME)
            fleet.set_chaos("slow", latency=0.2)  # slow enough to catch it mid-way
            qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
            job = factory.jobs[0]
            await SignalWaiter(job.progress, lambda done, total, rows: done >= 1).wait(30)
            cancelled = SignalWaiter(job.cancelled)
            qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)  # "Cancel export"
            assert dialog.message.text() == "Cancelling…"
            await cancelled.wait(30)
            fleet.set_chaos(None)
            return dialog

    dialog = run(scenario(), timeout=60)
    assert dialog.isVisible()  # cancel stops the export, not the dialog
    assert dialog.message.text() == "Export cancelled. No file was written."
    assert out.read_bytes() == OLD_CONTENT
    assert not temp_files(tmp_path)
    assert dialog.export_button.isEnabled()


@pytest.fixture
def no_quit_on_close(qapp: Any) -> Iterator[None]:
    """In the app the main window stays open; here the dialog is the last window, and
    closing it must not quit the application (stopping the loop) under the test."""
    before = qapp.quitOnLastWindowClosed()
    qapp.setQuitOnLastWindowClosed(False)
    try:
        yield
    finally:
        qapp.setQuitOnLastWindowClosed(before)


@pytest.mark.usefixtures("no_quit_on_close")
def test_closing_while_running_cancels_then_closes(
    qtbot: Any, run: Run, fleet: Simulator, tmp_path: Path
) -> None:
    async def scenario() -> ExportDialog:
        async with PlugchoiceClient(fleet.base_url, fleet.token) as client:
            factory = Factory(client)
            dialog = _dialog(qtbot, factory, await _chargers(client), tmp_path)
            fleet.set_chaos("slow", latency=0.2)
            qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
            cancelled = SignalWaiter(factory.jobs[0].cancelled)
            dialog.close()  # the window's X
            assert dialog.isVisible()  # still there until the temporary file is gone
            await cancelled.wait(30)
            fleet.set_chaos(None)
            return dialog

    dialog = run(scenario(), timeout=60)
    assert not dialog.isVisible()
    assert list(tmp_path.glob("*.csv")) == []
    assert not temp_files(tmp_path)


def test_failed_chargers_are_listed_and_nothing_is_saved(
    qtbot: Any, run: Run, fleet: Simulator, tmp_path: Path
) -> None:
    ghost = Charger(uuid="00000000-0000-4000-8000-0000000000aa", identity="GHOST-1")
    out = tmp_path / "with-ghost.csv"

    async def scenario() -> ExportDialog:
        async with PlugchoiceClient(fleet.base_url, fleet.token, max_attempts=1) as client:
            chargers = [*await _chargers(client), ghost]
            factory = Factory(client)
            dialog = _dialog(qtbot, factory, chargers, tmp_path, selected=ghost)
            _click_radio(qtbot, dialog.scope_chosen)
            qtbot.mouseClick(dialog.check_all, Qt.MouseButton.LeftButton)
            dialog.destination.setText(str(out))
            qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
            # The job is made by the click; it cannot emit before this coroutine awaits.
            await SignalWaiter(factory.jobs[0].failed).wait(30)
            return dialog

    dialog = run(scenario(), timeout=60)
    text = dialog.message.text()
    assert "Export failed." in text
    assert "1 charger of 7 could not be read" in text
    assert "No file was written" in text
    items = [dialog.failures.item(i).text() for i in range(dialog.failures.count())]
    assert len(items) == 1 and items[0].startswith("GHOST-1: ")
    assert dialog.failures.isVisible()
    assert not dialog.open_folder_button.isVisible()
    assert not out.exists() and not temp_files(tmp_path)


def test_permission_denied_is_reported(
    qtbot: Any, run: Run, fleet: Simulator, tmp_path: Path
) -> None:
    async def scenario() -> ExportDialog:
        async with PlugchoiceClient(fleet.base_url, fleet.token) as client:
            factory = Factory(client)
            dialog = _dialog(qtbot, factory, await _chargers(client), tmp_path)
            dialog.destination.setText("/sys/plugdesk-export.csv")
            qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
            if factory.jobs:  # as root the folder check passes and the OS refuses instead
                await SignalWaiter(factory.jobs[0].failed).wait(30)
            return dialog

    dialog = run(scenario(), timeout=60)
    assert "permission denied" in dialog.message.text()


def test_open_export_dialog_is_window_modal_and_saves_settings(
    qtbot: Any, tmp_path: Path
) -> None:
    saved: list[Settings] = []
    dialog = open_export_dialog(
        None,
        Factory(None),
        _offline_chargers(),
        "a-uuid",
        settings=Settings(export_last_dir=str(tmp_path)),
        on_settings_changed=saved.append,
    )
    qtbot.addWidget(dialog)
    assert dialog.isVisible() and dialog.isModal()
    assert dialog.scope_selected.isChecked() and "CP-A" in dialog.scope_selected.text()
    dialog._remember_choices(ExportSummary(1, 1.0, 1.0, 1, tmp_path / "x.csv"))
    assert saved and saved[0].export_last_dir == str(tmp_path)
    dialog.reject()


def test_open_folder_goes_after_a_failed_run_and_the_zone_defaults_to_the_screens(
    qtbot: Any, tmp_path: Path
) -> None:
    dialog = _dialog(qtbot, Factory(None), _offline_chargers(), tmp_path)
    assert dialog.timezone.currentData() == "local"  # the zone the window shows times in
    dialog._on_finished(ExportSummary(1, 1.0, 1.0, 1, tmp_path / "x.csv"))
    assert dialog.open_folder_button.isVisible()
    dialog._on_failed("The API is unreachable")
    assert not dialog.open_folder_button.isVisible() and dialog.last_summary is None


def test_export_starts_from_the_filters_on_screen(qtbot: Any, tmp_path: Path) -> None:
    from plugdesk.services.chargers import TransactionFilters

    on_screen = TransactionFilters("finished", date(2026, 9, 1), date(2026, 9, 30), 1000)
    dialog = ExportDialog(Factory(None), _offline_chargers(), "a-uuid", today=TODAY,
                          settings=Settings(export_last_dir=str(tmp_path)),
                          screen_filters=on_screen)  # fmt: skip
    qtbot.addWidget(dialog)
    request = dialog.build_request()
    assert request.filters.status == "finished"
    assert dialog.dates() == (date(2026, 9, 1), date(2026, 9, 30))
    assert dialog.period.currentData() is Period.CUSTOM
