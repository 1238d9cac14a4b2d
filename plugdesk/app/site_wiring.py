"""Wiring of the site features (composition, beside the alert and action wiring): the
Sites tab, its double-click to the charger list's site filter, and renaming a charger
from the detail pane."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from plugdesk.api.models import Charger
from plugdesk.services.sites import SiteService
from plugdesk.ui.lazy_pane import add_lazy_pane

STATUS_MS = 8000

translate = QCoreApplication.translate


def wire_sites(desk: Any) -> SiteService:
    """`desk`: the Desk (window, client, runner, monitor)."""
    window = desk.window
    sites = SiteService(desk.client, desk.runner, parent=window)

    def overview() -> QWidget:
        pane = window.sites_overview()
        sites.sites_loaded.connect(pane.model.set_sites)
        sites.energy_loaded.connect(pane.model.set_energy)
        pane.site_chosen.connect(show_site)
        sites.request_sites()
        return pane

    def show_site(uuid: str) -> None:
        window.show_site(uuid)

    desk.sites_tab, _index = add_lazy_pane(window, translate("MainWindow", "Sites"), overview)
    sites.failed.connect(lambda text: window.say(text, STATUS_MS))

    def ask_rename(uuid: str, current: str) -> None:
        text, ok = QInputDialog.getText(
            window,
            translate("SiteWiring", "Rename charger"),
            translate("SiteWiring", "Reference (the name shown in PlugDesk):"),
            QLineEdit.EchoMode.Normal, current,
        )  # fmt: skip
        if ok and text.strip() and text.strip() != current:
            window.say(
                translate("SiteWiring", "Renaming the charger…"), STATUS_MS
            )
            sites.rename(uuid, text.strip())

    def renamed(charger: Charger) -> None:
        take = getattr(desk.monitor, "take_reading", None)
        if take is not None:
            take(charger)
        window.say(
            translate("SiteWiring", "Renamed to {name}").format(name=charger.reference), STATUS_MS
        )

    window.ask_rename(ask_rename)
    sites.renamed.connect(renamed)
    sites.rename_failed.connect(
        lambda _uuid, text: QMessageBox.warning(
            window, translate("SiteWiring", "Rename failed"), text
        )
    )
    return sites
