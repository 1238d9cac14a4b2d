"""The settings dialog: edits `Settings` with the same validation the settings file gets.

Each field's problem is shown next to the form in words (the domain's messages), and OK
stays disabled until every field is valid, so a bad value never reaches the file.
"""

from __future__ import annotations

import re
from typing import Any

import msgspec
from PySide6.QtCore import QCoreApplication, QTime
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from plugdesk.api.client import check_api_url
from plugdesk.api.errors import InsecureURLError
from plugdesk.domain.settings import FIELD_LABELS, Settings, field_problem
from plugdesk.marks import QT_TRANSLATE_NOOP
from plugdesk.services.wording import translated
from plugdesk.ui.i18n import LANGUAGE_NAMES

_SPINS: dict[str, tuple[int, int, str]] = {
    # field: (widget min, widget max, suffix). The widget range is wider than the valid
    # range on purpose: the domain's message explains the limit instead of a silent clamp.
    "refresh_interval_s": (1, 86_400, QT_TRANSLATE_NOOP("SettingsDialog", " s")),
    "stale_after_min": (0, 100_000, QT_TRANSLATE_NOOP("SettingsDialog", " min")),
    "grace_fault_s": (0, 100_000, ""),  # shown in minutes and seconds (DurationSpin)
    "grace_offline_s": (0, 200_000, ""),
    "storm_threshold": (0, 100_000, ""),
}
_CHECKS = ("notify_fault", "notify_offline", "notify_stale", "notify_resolved")
# The domain's field labels (domain/settings.py never imports Qt), marked for translation.
_LABEL_WORDS = (
    QT_TRANSLATE_NOOP("Settings", "API URL"),
    QT_TRANSLATE_NOOP("Settings", "Refresh interval"),
    QT_TRANSLATE_NOOP("Settings", "Data counts as stale after"),
    QT_TRANSLATE_NOOP("Settings", "Fault grace period"),
    QT_TRANSLATE_NOOP("Settings", "Offline grace period"),
    QT_TRANSLATE_NOOP("Settings", "Alert storm threshold"),
    QT_TRANSLATE_NOOP("Settings", "Notify on faults"),
    QT_TRANSLATE_NOOP("Settings", "Notify when offline"),
    QT_TRANSLATE_NOOP("Settings", "Notify when data is stale"),
    QT_TRANSLATE_NOOP("Settings", "Notify when resolved"),
    QT_TRANSLATE_NOOP("Settings", "Quiet hours start"),
    QT_TRANSLATE_NOOP("Settings", "Quiet hours end"),
    QT_TRANSLATE_NOOP("Settings", "Export format"),
    QT_TRANSLATE_NOOP("Settings", "Export time zone"),
    QT_TRANSLATE_NOOP("Settings", "CSV delimiter"),
    QT_TRANSLATE_NOOP("Settings", "Language"),
    QT_TRANSLATE_NOOP("Settings", "Colours"),
)


def label(name: str) -> str:
    """A setting's label in the window's language."""
    return QCoreApplication.translate("Settings", FIELD_LABELS[name])


class SettingsDialog(QDialog):
    def __init__(
        self, settings: Settings, parent: QWidget | None = None, *, demo_url: str | None = None
    ) -> None:
        """`demo_url`: in demo mode, the simulator's URL; the API URL then shows it, read
        only (the saved public URL is not what this session talks to)."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))  # Qt adds " — PlugDesk"
        self._original = settings
        self.spins: dict[str, QSpinBox] = {}
        self.checks: dict[str, QCheckBox] = {}

        self.api_url = QLineEdit(settings.api_url)
        connection = QGroupBox(self.tr("Connection"))
        connection_form = QFormLayout(connection)
        connection_form.addRow(label("api_url"), self.api_url)
        self._demo = demo_url is not None
        if demo_url is not None:
            self.api_url.setText(demo_url)
            self.api_url.setReadOnly(True)
            self.api_url.setToolTip(self.tr("Demo mode: the built-in simulator on this computer"))

        monitoring = QGroupBox(self.tr("Monitoring"))
        monitoring_form = QFormLayout(monitoring)
        for name, (low, high, suffix) in _SPINS.items():
            spin = DurationSpin() if name in _DURATIONS else QSpinBox()
            spin.setRange(low, high)
            spin.setSuffix(self.tr(suffix) if suffix else "")
            spin.setValue(getattr(settings, name))
            self.spins[name] = spin
            monitoring_form.addRow(label(name), spin)

        notifications = QGroupBox(self.tr("Notifications"))
        notifications_form = QFormLayout(notifications)
        for name in _CHECKS:
            check = QCheckBox(label(name))
            check.setChecked(getattr(settings, name))
            self.checks[name] = check
            notifications_form.addRow(check)
        self.quiet = QCheckBox(self.tr("Quiet hours: keep the history, show no pop-ups"))
        self.quiet.setChecked(settings.quiet_hours_enabled)
        self.quiet_start = _time_edit(settings.quiet_start)
        self.quiet_end = _time_edit(settings.quiet_end)
        notifications_form.addRow(self.quiet)
        notifications_form.addRow(self.tr("From"), self.quiet_start)
        notifications_form.addRow(self.tr("Until"), self.quiet_end)

        export = QGroupBox(self.tr("Export defaults"))
        export_form = QFormLayout(export)
        self.export_format = _combo(("csv", "CSV"), ("xlsx", self.tr("Excel (XLSX)")))
        self.export_tz = _combo(("utc", "UTC"), ("local", self.tr("Local time")))
        self.export_delimiter = _combo((",", self.tr("Comma (,)")), (";", self.tr("Semicolon (;)")))
        _select(self.export_format, settings.export_format)
        _select(self.export_tz, settings.export_tz)
        _select(self.export_delimiter, settings.export_delimiter)
        export_form.addRow(label("export_format"), self.export_format)
        export_form.addRow(label("export_tz"), self.export_tz)
        export_form.addRow(label("export_delimiter"), self.export_delimiter)

        appearance = QGroupBox(self.tr("Appearance"))
        appearance_form = QFormLayout(appearance)
        self.language = _combo(
            ("system", self.tr("System language")),
            *((code, name) for code, name in LANGUAGE_NAMES.items()),  # in their own words
        )
        _select(self.language, settings.language)
        self.language.setToolTip(self.tr("Applies the next time PlugDesk starts."))
        appearance_form.addRow(label("language"), self.language)
        self.appearance = _combo(
            ("system", self.tr("Like the system (light or dark)")),
            ("light", self.tr("Light")),
            ("dark", self.tr("Dark")),
        )
        _select(self.appearance, settings.appearance)
        self.appearance.setToolTip(self.tr("Applies the next time PlugDesk starts."))
        appearance_form.addRow(label("appearance"), self.appearance)

        self.problems = QLabel("")
        self.problems.setWordWrap(True)
        self.problems.setAccessibleName(self.tr("Problems"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        for group in (connection, monitoring, notifications, export, appearance):
            layout.addWidget(group)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)

        self.api_url.textChanged.connect(self._revalidate)
        for spin in self.spins.values():
            spin.valueChanged.connect(self._revalidate)
        self.quiet.toggled.connect(self._revalidate)
        self._revalidate()

    def values(self) -> dict[str, Any]:
        """The form as settings fields (not yet validated)."""
        url = self._original.api_url if self._demo else self.api_url.text().strip().rstrip("/")
        values: dict[str, Any] = {"api_url": url}
        values.update({name: spin.value() for name, spin in self.spins.items()})
        values.update({name: check.isChecked() for name, check in self.checks.items()})
        values["quiet_hours_enabled"] = self.quiet.isChecked()
        values["quiet_start"] = self.quiet_start.time().toString("HH:mm")
        values["quiet_end"] = self.quiet_end.time().toString("HH:mm")
        values["export_format"] = self.export_format.currentData()
        values["export_tz"] = self.export_tz.currentData()
        values["export_delimiter"] = self.export_delimiter.currentData()
        values["language"] = self.language.currentData()
        values["appearance"] = self.appearance.currentData()
        return values

    def problem_list(self) -> list[str]:
        problems = []
        for name, value in self.values().items():
            problem = field_problem(name, value)
            if problem:
                problems.append(self.tr("{setting}: {problem}").format(
                    setting=label(name), problem=translated(problem)
                ))
        return problems

    def result_settings(self) -> Settings:
        """The edited settings; call after the dialog was accepted."""
        return msgspec.structs.replace(self._original, **self.values())

    def _revalidate(self) -> None:
        problems = self.problem_list()
        self.problems.setText("\n".join(problems))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problems)
        self.quiet_start.setEnabled(self.quiet.isChecked())
        self.quiet_end.setEnabled(self.quiet.isChecked())


def _normalised_url(text: str) -> str:
    """The URL as the one URL check spells it; as typed (trimmed) while it fails the check,
    so the problem shown is about what the user sees."""
    try:
        return check_api_url(text)
    except InsecureURLError:
        return text.strip()
_DURATIONS = ("grace_fault_s", "grace_offline_s")
_DURATION_TEXT = re.compile(r"^\s*(?:(\d+)\s*min)?\s*(?:(\d+)\s*s?)?\s*$")


class DurationSpin(QSpinBox):
    """Seconds, shown as "2 min" or "1 min 30 s" so they read like the other minutes in
    the dialog; steps of 30 s; typed "3 min", "90 s" or "90" all work."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSingleStep(30)

    def textFromValue(self, value: int) -> str:
        minutes, seconds = divmod(value, 60)
        if not minutes:
            return f"{seconds} s"
        return f"{minutes} min" + (f" {seconds} s" if seconds else "")

    def valueFromText(self, text: str) -> int:
        match = _DURATION_TEXT.match(text)
        if match is None:
            return self.value()
        minutes, seconds = (int(part) if part else 0 for part in match.groups())
        return minutes * 60 + seconds

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        state = (QValidator.State.Acceptable if _DURATION_TEXT.match(text)
                 else QValidator.State.Intermediate)  # fmt: skip
        return state, text, pos


def _time_edit(hhmm: str) -> QTimeEdit:
    edit = QTimeEdit(QTime.fromString(hhmm, "HH:mm"))
    edit.setDisplayFormat("HH:mm")
    return edit


def _combo(*items: tuple[str, str]) -> QComboBox:
    combo = QComboBox()
    for data, text in items:
        combo.addItem(text, data)
    return combo


def _select(combo: QComboBox, data: str) -> None:
    index = combo.findData(data)
    combo.setCurrentIndex(max(index, 0))
