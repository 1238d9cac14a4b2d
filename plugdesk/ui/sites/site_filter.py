"""The charger list's site filter: "All sites" or one site, each with its charger count."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from plugdesk.ui import formatting as fmt
from plugdesk.ui.fleet_model import FleetFilterProxy, FleetTableModel


class SiteFilter(QComboBox):
    def __init__(
        self, model: FleetTableModel, proxy: FleetFilterProxy, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._model = model
        self._proxy = proxy
        self._shown: list[tuple[str | None, str]] = []
        self._counted: tuple[object, int, str | None] | None = None  # what the items say
        self.setAccessibleName(self.tr("Site filter"))
        self.setToolTip(self.tr("Show the chargers of one site"))
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
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
        items: list[tuple[str | None, str]] = [
            (None, self.tr("All sites ({count})").format(count=fmt.integer(total)))
        ]
        for uuid, (name, count) in sorted(counts.items(), key=lambda i: i[1][0].casefold()):
            items.append(
                (uuid, self.tr("{site} ({count})").format(site=name, count=fmt.integer(count)))
            )
        if chosen is not None and chosen not in counts:
            items.append((chosen, self.tr("(site with no chargers shown)")))
        if items == self._shown:
            return
        self._shown = items
        self.blockSignals(True)
        self.clear()
        for key, text in items:
            self.addItem(text, key)
        self.setCurrentIndex(max(0, self.findData(chosen)) if chosen is not None else 0)
        self.blockSignals(False)
        self.setVisible(len(items) > 1)

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
