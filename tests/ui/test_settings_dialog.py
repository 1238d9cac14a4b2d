"""The settings dialog validates with the domain's rules and returns typed settings."""

from __future__ import annotations

from typing import Any

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
