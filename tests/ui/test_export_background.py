"""A long export runs in the background (issue 22 point 9): the dialog hides, the window
is usable, the status bar shows how far it is with the time left, and cancels it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMainWindow

from plugdesk.api.client import PlugchoiceClient
from plugdesk.domain.settings import Settings
from plugdesk.services.export_job import ExportJob
from plugdesk.services.qtasync import SignalWaiter
from plugdesk.simulator import Simulator
from plugdesk.ui import formatting as fmt
from plugdesk.ui.export_dialog import Period, open_export_dialog
from plugdesk.ui.status_bar import AppStatusBar
from tests.support.export import frozen_sim, temp_files

Run = Callable[..., Any]


@pytest.fixture
def fleet() -> Iterator[Simulator]:
    with frozen_sim(chargers=12, seed=11) as sim:
        yield sim


def test_export_continues_in_the_background_with_progress_and_cancel_in_the_status_bar(
    qtbot: Any, run: Run, fleet: Simulator, tmp_path: Path
) -> None:
    window = QMainWindow()
    status = AppStatusBar()
    window.setStatusBar(status)
    qtbot.addWidget(window)
    window.show()
    progress = status.export_progress
    assert progress.isHidden()
    folder = tmp_path / "exports"
    folder.mkdir()

    async def scenario() -> tuple[Any, ExportJob]:
        async with PlugchoiceClient(fleet.base_url, fleet.token) as client:
            chargers = await client.list_chargers()
            jobs: list[ExportJob] = []

            def factory() -> ExportJob:
                jobs.append(ExportJob(client, concurrency=1))
                return jobs[-1]

            dialog = open_export_dialog(window, factory, chargers, None,
                                        settings=Settings(export_last_dir=str(folder)))
            dialog.export_started.connect(lambda job: progress.track(job, dialog.show_again))
            dialog.period.setCurrentIndex(list(Period).index(Period.ALL_TIME))
            assert QApplication.activeModalWidget() is dialog  # modal while choosing
            fleet.set_chaos("slow", latency=0.05)
            qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
            job = jobs[0]
            assert dialog.background_button.isVisible()
            qtbot.mouseClick(dialog.background_button, Qt.MouseButton.LeftButton)
            assert dialog.isHidden() and job.is_running
            assert QApplication.activeModalWidget() is None  # the window is usable
            assert progress.isVisible() and progress.cancel_button.isVisible()
            await SignalWaiter(job.progress, lambda done, total, rows: done >= 2).wait(30)
            text = progress.label.text()
            assert text.startswith("Export: ") and " of 12 chargers" in text
            assert job.seconds_left is not None and "left" in text
            # Show brings the dialog back, non-modal; hide it again and cancel from the bar.
            qtbot.mouseClick(progress.show_button, Qt.MouseButton.LeftButton)
            assert dialog.isVisible() and QApplication.activeModalWidget() is None
            dialog.continue_in_background()
            cancelled = SignalWaiter(job.cancelled)
            qtbot.mouseClick(progress.cancel_button, Qt.MouseButton.LeftButton)
            await cancelled.wait(30)
            fleet.set_chaos(None)
            return dialog, job

    dialog, job = run(scenario(), timeout=60)
    assert progress.label.text() == "Export cancelled"
    assert progress.cancel_button.isHidden() and progress.bar.isHidden()
    assert not job.is_running and not temp_files(folder)
    assert not list(folder.iterdir())  # no file, no temporary file
    dialog.close()


def test_time_left_reads_in_whole_minutes() -> None:
    assert fmt.time_left(20) == "Less than a minute left"
    assert fmt.time_left(61) == "About 2 min left"
    assert fmt.time_left(25 * 60) == "About 25 min left"
    assert fmt.time_left(3 * 3600 + 10) == "About 3 h 01 min left"
