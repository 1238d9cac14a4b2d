"""The export dialog (Ctrl+E): which chargers, which period, which file; then progress.

It only collects choices and shows what an `ExportJob` reports: no HTTP here. A new job is
made per export through the factory the window passes in. The dialog never shows a partial
export as done: a failed or cancelled run says that no file was written (and that an
existing file was left as it was), listing every charger that could not be read.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from datetime import date, datetime
from enum import Enum
from pathlib import Path
from typing import Any

import msgspec
from PySide6.QtCore import QDate, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from plugdesk.api.models import Charger
from plugdesk.domain.export_run import (
    ExportFilters,
    ExportFormat,
    ExportRequest,
    ExportScope,
    ExportSummary,
    ExportTz,
    charger_name,
    charger_sort_key,
    default_file_name,
    month_range,
    writable_folder_problem,
)
from plugdesk.domain.housekeeping import default_export_folder
from plugdesk.domain.settings import Settings
from plugdesk.marks import QT_TRANSLATE_NOOP
from plugdesk.services.chargers import TransactionFilters
from plugdesk.services.export_job import ExportJob
from plugdesk.ui import formatting as fmt

JobFactory = Callable[[], ExportJob]
FolderOpener = Callable[[Path], object]

# QDateEdit cannot be empty: its minimum date shows as "any" and means "no bound".
NO_DATE = QDate(1990, 1, 1)
NO_DATE_TEXT = QT_TRANSLATE_NOOP("ExportDialog", "any")  # shown translated
LIST_HEIGHT = 130  # about six rows: enough to pick from, the filter box does the rest
STATUS_CHOICES = (
    (QT_TRANSLATE_NOOP("ExportDialog", "All"), None),
    (QT_TRANSLATE_NOOP("ExportDialog", "Active only"), "active"),
    (QT_TRANSLATE_NOOP("ExportDialog", "Finished only"), "finished"),
)


class Period(Enum):
    THIS_MONTH = QT_TRANSLATE_NOOP("ExportDialog", "This month")
    LAST_MONTH = QT_TRANSLATE_NOOP("ExportDialog", "Last month")
    THIS_YEAR = QT_TRANSLATE_NOOP("ExportDialog", "This year")
    ALL_TIME = QT_TRANSLATE_NOOP("ExportDialog", "All time")
    CUSTOM = QT_TRANSLATE_NOOP("ExportDialog", "Custom")


class Scope(Enum):
    SELECTED = "selected"
    CHOSEN = "chosen"
    ALL = "all"


def period_dates(period: Period, today: date) -> tuple[date | None, date | None]:
    """The dates a preset stands for (Custom keeps whatever is in the date fields)."""
    if period is Period.THIS_MONTH:
        return month_range(today.year, today.month)
    if period is Period.LAST_MONTH:
        year, month = (today.year, today.month - 1) if today.month > 1 else (today.year - 1, 12)
        return month_range(year, month)
    if period is Period.THIS_YEAR:
        return date(today.year, 1, 1), date(today.year, 12, 31)
    return None, None


def _to_qdate(value: date | None) -> QDate:
    return NO_DATE if value is None else QDate(value.year, value.month, value.day)


def _from_qdate(value: QDate) -> date | None:
    if value <= NO_DATE:
        return None
    return date(value.year(), value.month(), value.day())


def _default_folder() -> Path:
    documents = default_export_folder()  # the folder the start-up sweep also cleans
    if documents is not None and documents.is_dir():
        return documents
    return Path.home()


def _compact(widget: QWidget) -> QHBoxLayout:
    """A form field at its natural width (a stretched combo box reads as a text field)."""
    row = QHBoxLayout()
    row.addWidget(widget)
    row.addStretch(1)
    return row


def _find(selected: Charger | str | None, chargers: Sequence[Charger]) -> Charger | None:
    """The window knows the selected charger by UUID; the list has its details."""
    if not isinstance(selected, str):
        return selected
    return next((c for c in chargers if c.uuid == selected), Charger(uuid=selected))


def open_folder_in_file_manager(folder: Path) -> object:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


class ExportDialog(QDialog):
    """Choose, export, see the outcome. `settings_changed` carries the settings with the
    folder of a successful export (format, time zone and delimiter stay Settings' own),
    for the window to save."""

    settings_changed = Signal(object)  # Settings
    export_finished = Signal(object)  # ExportSummary
    export_started = Signal(object)  # ExportJob: the status bar follows it

    def __init__(
        self,
        job_factory: JobFactory,
        chargers: Sequence[Charger],
        selected: Charger | str | None = None,
        *,
        settings: Settings | None = None,
        today: date | None = None,
        open_folder: FolderOpener = open_folder_in_file_manager,
        screen_filters: TransactionFilters | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """`screen_filters`: the transaction filters on screen; the export starts from
        them (status and dates) rather than from a default the user did not choose."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export transactions"))
        self.setMinimumWidth(560)
        self._job_factory = job_factory
        self._chargers = sorted(chargers, key=charger_sort_key)
        self._selected = _find(selected, self._chargers)
        self._settings = settings or Settings()
        self._today = today or date.today()
        self._open_folder = open_folder
        self._job: ExportJob | None = None
        self._auto_name = True  # the file name follows the period until the user types one
        self._close_when_stopped = False
        self.last_summary: ExportSummary | None = None

        layout = QVBoxLayout(self)
        layout.addWidget(self._build_scope())
        layout.addWidget(self._build_filters())
        layout.addWidget(self._build_file())
        layout.addWidget(self._build_outcome())
        layout.addStretch(1)  # room the window gains goes here, not between the choices
        layout.addWidget(self._build_buttons())
        # Only now, inside the dialog, does QDialog record its default button (set earlier,
        # the first auto-default button, "Check shown", took Enter): Enter exports.
        self.export_button.setDefault(True)
        self._apply_settings()
        self._select_default_scope()
        self.period.setCurrentIndex(list(Period).index(Period.LAST_MONTH))
        self._on_period()
        if screen_filters is not None:
            self._start_from(screen_filters)
        self._validate()

    def _start_from(self, filters: TransactionFilters) -> None:
        self.status.setCurrentIndex(max(0, self.status.findData(filters.status)))
        if filters.started_from is None and filters.stopped_until is None:
            return
        self.period.setCurrentIndex(list(Period).index(Period.CUSTOM))
        self.date_from.setDate(_to_qdate(filters.started_from))
        self.date_to.setDate(_to_qdate(filters.stopped_until))

    # -- building ------------------------------------------------------------------------

    def _build_scope(self) -> QGroupBox:
        box = QGroupBox(self.tr("Chargers"))
        name = charger_name(self._selected) if self._selected else None
        self.scope_selected = QRadioButton(
            self.tr("Selected charger: {name}").format(name=name)
            if name
            else self.tr("Selected charger (none selected)")
        )
        self.scope_selected.setEnabled(self._selected is not None)
        self.scope_chosen = QRadioButton(self.tr("Chosen chargers:"))
        self.scope_all = QRadioButton(
            self.tr("All chargers ({count} known)").format(count=fmt.integer(len(self._chargers)))
        )
        self.scope_all.setToolTip(
            self.tr("The list is read fresh from Plugchoice when the export starts.")
        )
        self._scope_group = QButtonGroup(self)
        for button in (self.scope_selected, self.scope_chosen, self.scope_all):
            self._scope_group.addButton(button)
        self._scope_group.buttonToggled.connect(self._on_scope)

        self.charger_filter = QLineEdit()
        self.charger_filter.setPlaceholderText(self.tr("Filter chargers"))
        self.charger_filter.setClearButtonEnabled(True)
        self.charger_filter.setAccessibleName(self.tr("Filter chargers"))
        self.charger_filter.textChanged.connect(self._filter_list)
        self.charger_list = QListWidget()
        self.charger_list.setAccessibleName(self.tr("Chargers to export"))
        self.charger_list.setFixedHeight(LIST_HEIGHT)
        self.charger_list.setUniformItemSizes(True)
        for charger in self._chargers:
            item = QListWidgetItem(self._list_label(charger))
            item.setData(Qt.ItemDataRole.UserRole, charger.uuid)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = self._selected is not None and charger.uuid == self._selected.uuid
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.charger_list.addItem(item)
        self.charger_list.itemChanged.connect(self._on_checked)
        self._scroll_to_checked()
        self.check_all = QPushButton(self.tr("Check shown"))
        self.check_none = QPushButton(self.tr("Uncheck all"))
        self.check_all.clicked.connect(lambda: self._check_shown(True))
        self.check_none.clicked.connect(lambda: self._check_all(False))
        self.chosen_count = QLabel()

        chosen_tools = QHBoxLayout()
        chosen_tools.addWidget(self.charger_filter, 1)
        chosen_tools.addWidget(self.check_all)
        chosen_tools.addWidget(self.check_none)
        layout = QVBoxLayout(box)
        layout.addWidget(self.scope_selected)
        layout.addWidget(self.scope_chosen)
        layout.addLayout(chosen_tools)
        layout.addWidget(self.charger_list)
        layout.addWidget(self.chosen_count)
        layout.addWidget(self.scope_all)
        return box

    def _scroll_to_checked(self) -> None:
        for row in range(self.charger_list.count()):
            item = self.charger_list.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                self.charger_list.scrollToItem(item, QListWidget.ScrollHint.PositionAtTop)
                return

    @staticmethod
    def _list_label(charger: Charger) -> str:
        name = charger_name(charger)
        extra = charger.reference if charger.reference and charger.reference != name else None
        return f"{name} — {extra}" if extra else name

    def _build_filters(self) -> QGroupBox:
        box = QGroupBox(self.tr("Transactions"))
        self.period = QComboBox()
        for period in Period:
            self.period.addItem(self.tr(period.value), period)
        self.period.setAccessibleName(self.tr("Period"))
        self.date_from = self._date_edit(self.tr("From"))
        self.date_to = self._date_edit(self.tr("To"))
        self.period.currentIndexChanged.connect(self._on_period)
        self.date_from.dateChanged.connect(self._on_date_edited)
        self.date_to.dateChanged.connect(self._on_date_edited)
        self.status = QComboBox()
        for label, value in STATUS_CHOICES:
            self.status.addItem(self.tr(label), value)
        self.status.setAccessibleName(self.tr("Status"))

        dates = QHBoxLayout()
        dates.addWidget(self.period)
        dates.addSpacing(8)
        dates.addWidget(QLabel(self.tr("From")))
        dates.addWidget(self.date_from)
        dates.addWidget(QLabel(self.tr("to")))
        dates.addWidget(self.date_to)
        dates.addStretch(1)
        form = QFormLayout(box)
        form.addRow(self.tr("Period"), dates)
        form.addRow(self.tr("Status"), _compact(self.status))
        return box

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText(self.tr(NO_DATE_TEXT))
        edit.setAccessibleName(name)
        edit.setToolTip(
            self.tr(
                "Transactions that started on or after “From” and stopped on or before “To”. "
                "“{any}” means no limit."
            ).format(any=self.tr(NO_DATE_TEXT))
        )
        return edit

    def _build_file(self) -> QGroupBox:
        box = QGroupBox(self.tr("File"))
        self.format_csv = QRadioButton("CSV")
        self.format_xlsx = QRadioButton(self.tr("Excel (XLSX)"))
        self._format_group = QButtonGroup(self)
        self._format_group.addButton(self.format_csv)
        self._format_group.addButton(self.format_xlsx)
        self.format_csv.toggled.connect(self._on_format)
        self.timezone = QComboBox()
        self.timezone.addItem("UTC", "utc")
        local_name = datetime.now().astimezone().tzname() or self.tr("this computer")
        self.timezone.addItem(self.tr("Local time ({zone})").format(zone=local_name), "local")
        self.timezone.setAccessibleName(self.tr("Time zone"))
        self.delimiter = QComboBox()
        self.delimiter.addItem(self.tr("Comma ( , )"), ",")
        self.delimiter.addItem(
            self.tr("Semicolon ( ; ) for Excel in many European locales"), ";"
        )
        self.delimiter.setAccessibleName(self.tr("CSV delimiter"))
        self.destination = QLineEdit()
        self.destination.setAccessibleName(self.tr("Save to"))
        self.destination.textEdited.connect(self._on_destination_edited)
        self.destination.textChanged.connect(self._validate)
        self.browse = QPushButton(self.tr("Browse…"))
        self.browse.clicked.connect(self._browse)

        formats = QHBoxLayout()
        formats.addWidget(self.format_csv)
        formats.addWidget(self.format_xlsx)
        formats.addStretch(1)
        where = QHBoxLayout()
        where.addWidget(self.destination, 1)
        where.addWidget(self.browse)
        form = QFormLayout(box)
        form.addRow(self.tr("Format"), formats)
        form.addRow(self.tr("Times in"), _compact(self.timezone))
        form.addRow(self.tr("Delimiter"), _compact(self.delimiter))
        form.addRow(self.tr("Save to"), where)
        # The window speaks the user's language; the file speaks the machines' one.
        self.formats_note = QLabel(
            self.tr(
                "Files keep machine formats in every language: ISO dates and times "
                "(2026-05-09T10:11:12+00:00) and a dot as the decimal mark, also with ;."
            )
        )
        self.formats_note.setWordWrap(True)
        self.formats_note.setEnabled(False)  # the palette's dimmed text: a note, not a choice
        form.addRow(self.formats_note)
        return box

    def _build_outcome(self) -> QWidget:
        panel = QWidget()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setAccessibleName(self.tr("Export status"))
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Export progress"))
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.failures = QListWidget()
        self.failures.setAccessibleName(self.tr("Chargers that failed"))
        self.failures.setMaximumHeight(120)
        self.failures.setWordWrap(True)  # reasons are sentences: wrap, never cut them off
        self.failures.setAlternatingRowColors(True)
        self.failures.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.failures.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.failures.hide()
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.failures)
        return panel

    def _build_buttons(self) -> QDialogButtonBox:
        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton(
            self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.open_folder_button = self.buttons.addButton(
            self.tr("Open folder"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.open_folder_button.hide()
        # A whole-fleet export takes minutes: the window must stay usable meanwhile.
        self.background_button = self.buttons.addButton(
            self.tr("Continue in background"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.background_button.setToolTip(
            self.tr("Hide this dialog; the status bar shows the progress, with Cancel and Show")
        )
        self.background_button.hide()
        self.background_button.clicked.connect(self.continue_in_background)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.export_button.clicked.connect(self.start_export)
        self.open_folder_button.clicked.connect(self._open_result_folder)
        self.close_button.clicked.connect(self._on_close_button)
        return self.buttons

    def _apply_settings(self) -> None:
        s = self._settings
        (self.format_xlsx if s.export_format == "xlsx" else self.format_csv).setChecked(True)
        self.timezone.setCurrentIndex(max(0, self.timezone.findData(s.export_tz)))
        self.delimiter.setCurrentIndex(max(0, self.delimiter.findData(s.export_delimiter)))
        folder = Path(s.export_last_dir) if s.export_last_dir else None
        self._folder = folder if folder is not None and folder.is_dir() else _default_folder()
        self._on_format()

    def _select_default_scope(self) -> None:
        (self.scope_selected if self._selected else self.scope_all).setChecked(True)
        self._on_scope()

    # -- reading the choices ---------------------------------------------------------------

    def scope_kind(self) -> Scope:
        if self.scope_selected.isChecked():
            return Scope.SELECTED
        if self.scope_chosen.isChecked():
            return Scope.CHOSEN
        return Scope.ALL

    def chosen_uuids(self) -> list[str]:
        items = (self.charger_list.item(row) for row in range(self.charger_list.count()))
        # Only what the user can see: a ticked charger hidden by the list's filter is not
        # exported behind their back.
        return [
            str(item.data(Qt.ItemDataRole.UserRole))
            for item in items
            if item.checkState() == Qt.CheckState.Checked and not item.isHidden()
        ]

    def export_format(self) -> ExportFormat:
        return "xlsx" if self.format_xlsx.isChecked() else "csv"

    def dates(self) -> tuple[date | None, date | None]:
        return _from_qdate(self.date_from.date()), _from_qdate(self.date_to.date())

    def destination_path(self) -> Path | None:
        """The file to write; a bare name (or a relative path) goes in the export folder."""
        text = self.destination.text().strip()
        if not text:
            return None
        path = Path(text).expanduser()
        return path if path.is_absolute() else self._folder / path

    def problem(self) -> str | None:
        """What keeps the export from starting (cheap checks, run as the user types)."""
        start, end = self.dates()
        if start is not None and end is not None and end < start:
            return self.tr("The start date {start} is after the end date {end}.").format(
                start=start.isoformat(), end=end.isoformat()
            )
        kind = self.scope_kind()
        if kind is Scope.CHOSEN and not self.chosen_uuids():
            return self.tr("Tick at least one charger to export.")
        if kind is Scope.SELECTED and self._selected is None:
            return self.tr("No charger is selected in the window; choose chargers here instead.")
        path = self.destination_path()
        if path is None:
            return self.tr("Choose where to save the export.")
        return None

    def build_request(self) -> ExportRequest:
        kind = self.scope_kind()
        if kind is Scope.ALL:
            scope = ExportScope.all()
        elif kind is Scope.SELECTED and self._selected is not None:
            scope = ExportScope.of([self._selected])
        else:
            by_uuid = {charger.uuid: charger for charger in self._chargers}
            scope = ExportScope.of(by_uuid[uuid] for uuid in self.chosen_uuids())
        start, end = self.dates()
        path = self.destination_path()
        assert path is not None
        tz: ExportTz = "local" if self.timezone.currentData() == "local" else "utc"
        return ExportRequest(
            scope,
            ExportFilters(self.status.currentData(), start, end),
            path,
            self.export_format(),
            tz,
            str(self.delimiter.currentData()),
        )

    # -- reacting to choices ---------------------------------------------------------------

    def _on_scope(self, *_: Any) -> None:
        chosen = self.scope_chosen.isChecked()
        for widget in (self.charger_filter, self.charger_list, self.check_all, self.check_none):
            widget.setEnabled(chosen)
        self._update_chosen_count()
        self._validate()

    def _on_checked(self, _item: QListWidgetItem) -> None:
        self._update_chosen_count()
        self._validate()

    def _update_chosen_count(self) -> None:
        count = len(self.chosen_uuids())
        self.chosen_count.setText(
            self.tr("{count} of {total} ticked").format(
                count=fmt.integer(count), total=fmt.integer(len(self._chargers))
            )
        )
        self.chosen_count.setEnabled(self.scope_chosen.isChecked())

    def _filter_list(self, text: str) -> None:
        needle = text.strip().casefold()
        for row in range(self.charger_list.count()):
            item = self.charger_list.item(row)
            item.setHidden(bool(needle) and needle not in item.text().casefold())
        self._update_chosen_count()
        self._validate()

    def _check_shown(self, checked: bool) -> None:
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        self.charger_list.blockSignals(True)  # one update at the end, not one per item
        for row in range(self.charger_list.count()):
            item = self.charger_list.item(row)
            if not item.isHidden():
                item.setCheckState(state)
        self.charger_list.blockSignals(False)
        self._on_checked(QListWidgetItem())

    def _check_all(self, checked: bool) -> None:
        self.charger_filter.clear()
        self._check_shown(checked)

    def _on_period(self, *_: Any) -> None:
        period: Period = self.period.currentData()
        if period is not Period.CUSTOM:
            start, end = period_dates(period, self._today)
            for edit, value in ((self.date_from, start), (self.date_to, end)):
                edit.blockSignals(True)  # a preset filling the fields is not a custom edit
                edit.setDate(_to_qdate(value))
                edit.blockSignals(False)
        self._dates_changed()

    def _on_date_edited(self, *_: Any) -> None:
        current: Period = self.period.currentData()
        if current is not Period.CUSTOM and period_dates(current, self._today) != self.dates():
            self.period.blockSignals(True)
            self.period.setCurrentIndex(list(Period).index(Period.CUSTOM))
            self.period.blockSignals(False)
        self._dates_changed()

    def _dates_changed(self) -> None:
        if self._auto_name:
            self._set_destination(self._auto_path())
        self._validate()

    def _on_format(self, *_: Any) -> None:
        is_csv = self.format_csv.isChecked()
        self.delimiter.setEnabled(is_csv)
        self.delimiter.setToolTip("" if is_csv else self.tr("XLSX files have no delimiter."))
        path = self.destination_path()
        if path is None:
            return
        if self._auto_name:
            self._set_destination(self._auto_path())
        elif path.suffix.lower() in (".csv", ".xlsx"):
            self._set_destination(path.with_suffix(f".{self.export_format()}"))

    def _auto_path(self) -> Path:
        return self._folder / default_file_name(*self.dates(), self.export_format())

    def _set_destination(self, path: Path) -> None:
        self.destination.setText(str(path))

    def _on_destination_edited(self, _text: str) -> None:
        self._auto_name = False

    def _browse(self) -> None:
        fmt_name = self.export_format()
        filters = (
            self.tr("CSV files (*.csv)")
            if fmt_name == "csv"
            else self.tr("Excel workbooks (*.xlsx)")
        )
        current = self.destination_path() or self._folder
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export transactions to"), str(current), filters
        )
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != f".{fmt_name}":
            path = path.with_name(path.name + f".{fmt_name}")
        self._auto_name = False
        self._folder = path.parent
        self._set_destination(path)

    def _validate(self, *_: Any) -> bool:
        if self.is_running:
            return False
        problem = self.problem()
        self.export_button.setEnabled(problem is None)
        if problem:
            self._say(problem, warning=True)
            return False
        path = self.destination_path()
        if path is not None and path.exists():
            self._say(
                self.tr("{name} exists; it is replaced only when the export completes.").format(
                    name=path.name
                )
            )
        else:
            self._say("")
        return True

    # -- running ---------------------------------------------------------------------------

    @property
    def is_running(self) -> bool:
        return self._job is not None and self._job.is_running

    def start_export(self) -> None:
        """Validate, including the folder (a disk check, so only on click), then run."""
        if self.is_running or not self._validate():
            return
        path = self.destination_path()
        assert path is not None
        problem = writable_folder_problem(path)
        if problem:
            self._say(problem, warning=True)
            return
        request = self.build_request()
        job = self._job_factory()
        job.progress.connect(self._on_progress)
        job.finished.connect(self._on_finished)
        job.failed.connect(self._on_failed)
        job.cancelled.connect(self._on_cancelled)
        self._job = job
        self._set_running(True)
        self._on_progress(0, 0, 0)
        job.start(request)
        self.export_started.emit(job)

    def continue_in_background(self) -> None:
        """Hide the dialog while the export runs on; the window is usable again (the
        dialog comes back non-modal through the status bar's Show, or on a failure)."""
        if not self.is_running:
            return
        self.hide()
        self.setWindowModality(Qt.WindowModality.NonModal)

    def show_again(self) -> None:
        self.show()
        self.raise_()
        self.activateWindow()

    def _on_close_button(self) -> None:
        # While running this button reads "Cancel export": stop, but keep the dialog open
        # so the user sees that nothing was written.
        if self.is_running:
            self.cancel_export()
        else:
            self.reject()

    def cancel_export(self) -> None:
        if self._job is not None and self.is_running:
            self.close_button.setEnabled(False)
            self._say(self.tr("Cancelling…"))
            self._job.cancel()

    def _set_running(self, running: bool) -> None:
        for box in self.findChildren(QGroupBox):
            box.setEnabled(not running)
        self.export_button.setEnabled(not running)
        self.close_button.setEnabled(True)
        self.close_button.setText(self.tr("Cancel export") if running else self.tr("Close"))
        self.background_button.setVisible(running)
        self.progress.setVisible(running)
        self.failures.hide()
        self.failures.clear()
        if running:
            self.open_folder_button.hide()

    def _on_progress(self, done: int, total: int, rows: int) -> None:
        if total == 0:
            self.progress.setRange(0, 0)  # busy: the charger list is still being read
            if done:
                so_far = self.tr("Listing chargers… {count} so far.")
                self._say(so_far.format(count=fmt.integer(done)))
            else:
                self._say(self.tr("Listing chargers…"))
            return
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.progress.setFormat(
            self.tr("{done} of {total} chargers").format(
                done=fmt.integer(done), total=fmt.integer(total)
            )
        )
        left = self._job.seconds_left if self._job is not None else None
        eta = f" {fmt.time_left(left)}." if left is not None else ""
        self._say(
            self.tr("Exporting… {count} transactions written so far.").format(
                count=fmt.integer(rows)
            )
            + eta
        )

    def _on_finished(self, summary: ExportSummary) -> None:
        self._set_running(False)
        self.last_summary = summary
        where = str(summary.path) if summary.path else "?"
        said = self.tr("%n transactions, {kwh} kWh, from {chargers}.", "", summary.rows).format(
            kwh=fmt.kwh(summary.kwh), chargers=self.tr("%n chargers", "", summary.chargers)
        )
        self._say(
            "<b>{}</b> {}<br>{}".format(
                html.escape(self.tr("Export complete.")),
                html.escape(said),
                html.escape(self.tr("Saved to {path}").format(path=where)),
            ),
            rich=True,
        )
        self.open_folder_button.setVisible(summary.path is not None)
        self.open_folder_button.setFocus()
        self._remember_choices(summary)
        self.export_finished.emit(summary)
        self._validate_after_run()

    def _on_failed(self, message: str) -> None:
        self._set_running(False)
        self._forget_last_result()
        error = self._job.error if self._job is not None else None
        headline = error.message if error is not None else message.splitlines()[0]
        self._say(
            "<b>{}</b> {}<br>{}".format(
                html.escape(self.tr("Export failed.")),
                html.escape(headline),
                html.escape(
                    self.tr(
                        "No file was written; an existing file with that name was left as it was."
                    )
                ),
            ),
            rich=True,
            warning=True,
        )
        lines = [str(failure) for failure in error.failures] if error else message.splitlines()[1:]
        if error is not None and error.skipped:
            lines.append(self.tr("%n more chargers were not tried.", "", error.skipped))
        self.failures.clear()
        for line in lines:
            item = QListWidgetItem(line)
            item.setToolTip(line)
            self.failures.addItem(item)
        self.failures.setVisible(bool(lines))
        self._fit()
        self._validate_after_run()
        if self._close_when_stopped:
            super().reject()
        elif self.isHidden():
            self.show_again()  # it ran in the background: the failures need reading

    def _on_cancelled(self) -> None:
        self._set_running(False)
        self._forget_last_result()
        self._say(self.tr("Export cancelled. No file was written."))
        self._validate_after_run()
        if self._close_when_stopped:
            super().reject()

    def _forget_last_result(self) -> None:
        """After a failed or cancelled run, "Open folder" would point at an older file."""
        self.last_summary = None
        self.open_folder_button.hide()

    def _validate_after_run(self) -> None:
        # Keep the outcome on screen; only re-enable Export when the choices are still fine.
        self.export_button.setEnabled(self.problem() is None)

    def _remember_choices(self, summary: ExportSummary) -> None:
        """Remember the folder for next time. Format, time zone and delimiter are the
        Settings' defaults: picking Excel once here must not change them silently."""
        folder = summary.path.parent if summary.path else self._folder
        self._settings = msgspec.structs.replace(self._settings, export_last_dir=str(folder))
        self.settings_changed.emit(self._settings)

    def _open_result_folder(self) -> None:
        if self.last_summary is not None and self.last_summary.path is not None:
            self._open_folder(self.last_summary.path.parent)

    def _fit(self) -> None:
        # Word-wrapped labels (height for width) do not push a top-level window's minimum
        # size up by themselves: grow the dialog to fit a longer message or the list
        # (never shrink it: the user may have made it bigger on purpose).
        QTimer.singleShot(0, self._grow)

    def _grow(self) -> None:
        layout = self.layout()
        needed = self.sizeHint().height()
        if layout is not None and layout.hasHeightForWidth():
            needed = max(needed, layout.totalHeightForWidth(self.width()))
        if needed > self.height():
            self.resize(self.width(), needed)

    def _say(self, text: str, *, rich: bool = False, warning: bool = False) -> None:
        self.message.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
        self.message.setText(text)
        self.message.setProperty("warning", warning)
        color = self.palette().color(self.foregroundRole())
        style = "color: #b3261e;" if warning else f"color: {color.name()};"
        self.message.setStyleSheet(style)
        self._fit()

    # -- closing ---------------------------------------------------------------------------

    def reject(self) -> None:
        """Close, Esc or the window's X: a running export is cancelled first (its temporary
        file removed), and the dialog closes once the job confirms."""
        if self.is_running:
            self._close_when_stopped = True
            self.cancel_export()
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # Qt's name
        if self.is_running:
            event.ignore()
            self.reject()
            return
        super().closeEvent(event)


def open_export_dialog(
    parent: QWidget | None,
    job_factory: JobFactory,
    chargers: Sequence[Charger],
    selected: Charger | str | None,
    *,
    settings: Settings | None = None,
    on_settings_changed: Callable[[Settings], object] | None = None,
    screen_filters: TransactionFilters | None = None,
) -> ExportDialog:
    """Show the dialog window-modal without a nested event loop (`open()`, not `exec()`,
    so the qasync loop keeps running the export), deleted when closed."""
    dialog = ExportDialog(job_factory, chargers, selected, settings=settings,
                          screen_filters=screen_filters, parent=parent)  # fmt: skip
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if on_settings_changed is not None:
        dialog.settings_changed.connect(on_settings_changed)
    dialog.open()
    return dialog
