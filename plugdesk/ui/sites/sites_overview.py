"""The Sites overview: one row per site (address, chargers, OK / fault / offline, charging
now, kWh today). Double-click a site to see its chargers in the charger list.

Rows come from the charger table's rows (so the health counts are the watch's one
judgement) and the site list (addresses) and today's energy from `SiteService`."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from plugdesk.api.fleet_models import Site
from plugdesk.marks import QT_TRANSLATE_NOOP
from plugdesk.ui import formatting as fmt
from plugdesk.ui.fleet_model import FleetTableModel, site_name, site_uuid
from plugdesk.ui.tables import set_up_table

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
UUID_ROLE = Qt.ItemDataRole.UserRole + 2


class SiteColumn(IntEnum):
    NAME = 0
    ADDRESS = 1
    CHARGERS = 2
    OK = 3
    FAULT = 4
    OFFLINE = 5
    CHARGING = 6
    KWH_TODAY = 7


HEADERS = {  # English; shown translated (context "SitesModel")
    SiteColumn.NAME: QT_TRANSLATE_NOOP("SitesModel", "Site"),
    SiteColumn.ADDRESS: QT_TRANSLATE_NOOP("SitesModel", "Address"),
    SiteColumn.CHARGERS: QT_TRANSLATE_NOOP("SitesModel", "Chargers"),
    SiteColumn.OK: QT_TRANSLATE_NOOP("SitesModel", "OK"),
    SiteColumn.FAULT: QT_TRANSLATE_NOOP("SitesModel", "Fault"),
    SiteColumn.OFFLINE: QT_TRANSLATE_NOOP("SitesModel", "Offline"),
    SiteColumn.CHARGING: QT_TRANSLATE_NOOP("SitesModel", "Charging now"),
    SiteColumn.KWH_TODAY: QT_TRANSLATE_NOOP("SitesModel", "kWh today"),
}


@dataclass
class SiteRow:
    uuid: str
    name: str
    address: str = ""
    chargers: int = 0
    ok: int = 0
    fault: int = 0
    offline: int = 0
    charging: int = 0  # connectors charging now
    kwh_today: float | None = None

    def value(self, column: SiteColumn) -> Any:
        return {
            SiteColumn.NAME: self.name,
            SiteColumn.ADDRESS: self.address,
            SiteColumn.CHARGERS: self.chargers,
            SiteColumn.OK: self.ok,
            SiteColumn.FAULT: self.fault,
            SiteColumn.OFFLINE: self.offline,
            SiteColumn.CHARGING: self.charging,
            SiteColumn.KWH_TODAY: self.kwh_today,
        }[column]


def site_address(site: Site) -> str:
    if site.address:
        return site.address
    street = " ".join(
        str(p) for p in (site.street, site.house_number, site.house_number_addition) if p
    )
    town = " ".join(p for p in (site.postal_code, site.city) if p)
    return ", ".join(p for p in (street, town, site.country) if p)


class SitesModel(QAbstractTableModel):
    def __init__(self, fleet: FleetTableModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fleet = fleet
        self._sites: dict[str, Site] = {}
        self._energy: dict[str, float] = {}
        self._rows: list[SiteRow] = []
        fleet.rows_settled.connect(self.rebuild)
        fleet.modelReset.connect(self.rebuild)
        self.rebuild()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(SiteColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(HEADERS[SiteColumn(section)]) if 0 <= section < len(SiteColumn) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], SiteColumn(index.column())
        value = row.value(column)
        if role == Qt.ItemDataRole.DisplayRole:
            if column is SiteColumn.KWH_TODAY:
                return fmt.DASH if value is None else fmt.decimal(value, 1)
            return fmt.text(value) if isinstance(value, str) else fmt.integer(value)
        if role == SORT_ROLE:
            return -1.0 if value is None else value
        if role == UUID_ROLE:
            return row.uuid
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= SiteColumn.CHARGERS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column is SiteColumn.NAME:
            return self.tr("Double-click to show this site's chargers")
        return None

    def row(self, position: int) -> SiteRow:
        return self._rows[position]

    def rows(self) -> list[SiteRow]:
        return list(self._rows)

    def set_sites(self, sites: list[Site]) -> None:
        self._sites = {s.uuid: s for s in sites}
        self.rebuild()

    def set_energy(self, energy: dict[str, float]) -> None:
        self._energy = dict(energy)
        self.rebuild()

    def rebuild(self) -> None:
        """Count again from the charger rows (a few thousand: a few ms)."""
        rows: dict[str, SiteRow] = {}
        for uuid, site in self._sites.items():
            rows[uuid] = SiteRow(uuid, site.display_name, site_address(site))
        for fleet_row in self._fleet.rows():
            charger = fleet_row.charger
            key = site_uuid(charger)
            if key is None:
                continue
            row = rows.get(key) or rows.setdefault(key, SiteRow(key, site_name(charger) or key))
            row.chargers += 1
            level = fleet_row.level_key
            row.ok += level == "OK"
            row.fault += level == "FAULT"
            row.offline += level == "OFFLINE"
            row.charging += sum(1 for c in charger.connectors or () if c.status == "Charging")
        for key, row in rows.items():
            row.kwh_today = self._energy.get(key)
        self.beginResetModel()
        self._rows = sorted(rows.values(), key=lambda r: r.name.casefold())
        self.endResetModel()


class SitesOverview(QWidget):
    site_chosen = Signal(str)  # a site's UUID: show its chargers

    def __init__(self, fleet: FleetTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = SitesModel(fleet, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        widths = {SiteColumn.NAME: 230} | {column: 95 for column in list(SiteColumn)[2:]}
        self.table = set_up_table(
            self.proxy,
            self.tr("Sites"),
            widths=widths,
            sort=(SiteColumn.FAULT, Qt.SortOrder.DescendingOrder),
        )
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)  # the address column takes the spare width
        header.setSectionResizeMode(SiteColumn.ADDRESS, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self._double_clicked)
        self.note = QLabel(self.tr("Double-click a site to show its chargers."))
        self.note.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)

    def _double_clicked(self, index: QModelIndex) -> None:
        uuid = index.data(UUID_ROLE)
        if uuid:
            self.site_chosen.emit(str(uuid))
