"""The charger list's site filter: "All sites" or one site, each with its charger count."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QWidget

from plugdesk.ui import formatting as fmt
from plugdesk.ui.fleet_model import FleetFilterProxy, FleetTableModel

Choice = tuple[str | None, str]  # (site uuid, or None for every site; the text shown)


class SiteChoices(QAbstractListModel):
    """The combo's items. New counts are one dataChanged over the texts that changed; only
    a change of sites resets the list: a first load of 1,000 sites changes the counts at
    every step, and rebuilding the combo's items each time took the loop 40 ms."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._choices: list[Choice] = []

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._choices)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 1

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._choices):
            return None
        site, text = self._choices[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return text
        if role == Qt.ItemDataRole.UserRole:
            return site
        return None

    def choices(self) -> list[Choice]:
        return list(self._choices)

    def set_choices(self, choices: list[Choice]) -> None:
        old, self._choices = self._choices, choices
        if [site for site, _ in old] != [site for site, _ in choices]:
            self.beginResetModel()  # the order is set after the change: a reset is honest
            self.endResetModel()
            return
        changed = [row for row, (a, b) in enumerate(zip(old, choices, strict=True)) if a != b]
        if changed:
            self.dataChanged.emit(self.index(changed[0]), self.index(changed[-1]))


class SiteFilter(QComboBox):
    def __init__(
        self, model: FleetTableModel, proxy: FleetFilterProxy, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._model = model
        self._proxy = proxy
        self._choices = SiteChoices(self)
        self.setModel(self._choices)
        self._counted: tuple[object, int, str | None] | None = None  # what the items say
        self.setAccessibleName(self.tr("Site filter"))
        self.setToolTip(self.tr("Show the chargers of one site"))
        # Sized by a typical name, not by measuring every item on every change of a count.
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(24)
        self.setMaximumWidth(260)
        self.currentIndexChanged.connect(self._chosen)
        model.rows_settled.connect(self.update_sites)
        model.modelReset.connect(self.update_sites)
        self.update_sites()

    def update_sites(self) -> None:
        """Sites (by name) with their counts; the chosen one stays chosen."""
        counts = self._model.site_counts()
        total = self._model.rowCount()
        chosen = self._proxy.site
        if (counts, total, chosen) == self._counted:
            return  # a refresh that moved no charger between sites
        self._counted = (counts, total, chosen)
        choices: list[Choice] = [
            (None, self.tr("All sites ({count})").format(count=fmt.integer(total)))
        ]
        by_name = sorted(counts.items(), key=lambda i: i[1][0].casefold())
        numbers = fmt.integers(count for _uuid, (_name, count) in by_name)
        pattern = self.tr("{site} ({count})")
        for (uuid, (name, _count)), number in zip(by_name, numbers, strict=True):
            choices.append((uuid, pattern.format(site=name, count=number)))
        if chosen is not None and chosen not in counts:
            choices.append((chosen, self.tr("(site with no chargers shown)")))
        if choices == self._choices.choices():
            return
        self.blockSignals(True)
        self._choices.set_choices(choices)
        self.setCurrentIndex(max(0, self.findData(chosen)) if chosen is not None else 0)
        self.blockSignals(False)
        self.setVisible(len(choices) > 1)

    def choose(self, uuid: str | None) -> None:
        """Filter to this site (None: every site)."""
        self._proxy.set_site(uuid)
        self.update_sites()
        index = 0 if uuid is None else self.findData(uuid)
        self.blockSignals(True)
        self.setCurrentIndex(max(0, index))
        self.blockSignals(False)

    def _chosen(self, index: int) -> None:
        uuid = self.itemData(index)
        self._proxy.set_site(None if uuid is None else str(uuid))
