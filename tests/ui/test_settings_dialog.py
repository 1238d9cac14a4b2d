"""The settings dialog validates with the domain's rules and returns typed settings."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from plugdesk.domain.settings import Settings
from plugdesk.ui.settings_dialog import SettingsDialog


def _ok_enabled(dialog: SettingsDialog) -> bool:
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def test_defaults_are_valid_and_round_trip(qtbot: Any) -> None:
    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    assert _ok_enabled(dialog)
    assert dialog.problems.text() == ""
    assert dialog.result_settings() == Settings()


def test_bad_values_disable_ok_and_say_why(qtbot: Any) -> None:
    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    dialog.spins["refresh_interval_s"].setValue(2)
    assert not _ok_enabled(dialog)
    assert "Refresh interval" in dialog.problems.text()
    assert "5" in dialog.problems.text()

    dialog.spins["refresh_interval_s"].setValue(60)
    dialog.api_url.setText("http://example.com/api/v3")
    assert not _ok_enabled(dialog)
    assert "https" in dialog.problems.text().lower()

    dialog.api_url.setText("http://127.0.0.1:8000/api/v3")  # the simulator is fine
    assert _ok_enabled(dialog)


def test_edits_reach_the_result(qtbot: Any) -> None:
    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    dialog.spins["grace_fault_s"].setValue(300)
    dialog.checks["notify_resolved"].setChecked(False)
    dialog.quiet.setChecked(True)
    dialog.export_delimiter.setCurrentIndex(dialog.export_delimiter.findData(";"))
    result = dialog.result_settings()
    assert result.grace_fault_s == 300
    assert result.notify_resolved is False
    assert result.quiet_hours_enabled is True
    assert result.export_delimiter == ";"


def test_grace_periods_read_in_minutes_like_the_stale_limit(qtbot: Any) -> None:
    from PySide6.QtCore import Qt

    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    fault, offline = dialog.spins["grace_fault_s"], dialog.spins["grace_offline_s"]
    assert fault.text() == "2 min" and offline.text() == "5 min"
    assert dialog.spins["stale_after_min"].text() == "15 min"
    fault.setValue(90)
    assert fault.text() == "1 min 30 s"
    fault.lineEdit().selectAll()
    qtbot.keyClicks(fault, "3 min")
    qtbot.keyClick(fault, Qt.Key.Key_Enter)
    assert fault.value() == 180
    assert dialog.result_settings().grace_fault_s == 180


def test_demo_mode_shows_the_simulator_not_the_public_api(qtbot: Any) -> None:
    settings = Settings()
    dialog = SettingsDialog(settings, demo_url="http://127.0.0.1:5555/api/v3")
    qtbot.addWidget(dialog)
    assert dialog.api_url.text() == "http://127.0.0.1:5555/api/v3"
    assert dialog.api_url.isReadOnly()
    assert dialog.result_settings().api_url == settings.api_url  # the saved URL is kept


def test_a_problem_reads_dutch_in_the_dialog_and_english_for_the_command_line(
    qtbot: Any,
) -> None:
    from plugdesk.domain.settings import SettingsError, check_settings
    from plugdesk.ui import i18n

    try:
        assert "plugdesk" in i18n.install_translators("nl")
        dialog = SettingsDialog(Settings())
        qtbot.addWidget(dialog)
        dialog.spins["storm_threshold"].setValue(1)
        assert not _ok_enabled(dialog)
        assert dialog.problems.text() == (
            "Drempel voor meldingenstorm: moet tussen 2 en 1000 laadpalen liggen, niet 1"
        )
    finally:
        i18n.install_translators("en")
    # The settings file's check (the command line, the log) keeps the English words.
    with pytest.raises(SettingsError) as raised:
        check_settings(Settings(storm_threshold=1))
    assert str(raised.value) == "storm_threshold: must be from 2 to 1000 chargers, not 1"
