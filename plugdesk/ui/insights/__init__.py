"""The Insights tab (issue 17): charts of a period and the monthly report.

`attach_insights` adds the tab (built when first shown, so Qt Charts is not imported at
start-up) and wires "Show power curve" from the transactions table."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from plugdesk.api.client import PlugchoiceClient
    from plugdesk.domain.store import Incident
    from plugdesk.services.report_job import InsightsService
    from plugdesk.tasks import TaskRunner
    from plugdesk.ui.main_window import MainWindow


translate = QCoreApplication.translate


class InsightsWiring:
    """The tab and the power-curve action; the service is made on first use."""

    def __init__(
        self,
        window: MainWindow,
        client: PlugchoiceClient,
        runner: TaskRunner,
        incidents: Callable[[], Sequence[Incident]],
    ) -> None:
        from plugdesk.ui.lazy_pane import add_lazy_pane

        self.window = window
        self._client, self._runner, self._incidents = client, runner, incidents
        self._service: InsightsService | None = None
        self.dialogs: list[Any] = []
        self.page, self.index = add_lazy_pane(
            window, translate("InsightsWiring", "Insights"), self._pane
        )
        window.power_curve_requested.connect(self.show_power_curve)

    def set_client(self, client: PlugchoiceClient) -> None:
        """Another client (the app connected, or switched accounts)."""
        self._client = client
        if self._service is not None:
            self._service.set_client(client)

    @property
    def service(self) -> InsightsService:
        if self._service is None:
            from plugdesk.services.report_job import InsightsService

            self._service = InsightsService(self._client, self._runner, self._incidents)
            self._service.power_ready.connect(self._power_ready)
            self._service.power_failed.connect(self._power_failed)
        return self._service

    def _pane(self) -> Any:
        from plugdesk.ui.insights.pane import InsightsPane

        return InsightsPane(self.service)

    def show_power_curve(self, transaction: Any) -> None:
        uuid = self.window.selected_uuid()
        if uuid is None:
            return
        self.window.say(
            translate("InsightsWiring", "Reading the meter values of transaction {id}…").format(
                id=transaction.id
            ),
            5000,
        )
        self.service.request_power_curve(uuid, transaction)

    def _power_ready(self, curve: Any) -> None:
        from plugdesk.ui.insights.pane import PowerCurveDialog

        dialog = PowerCurveDialog(curve, self.window)
        self.dialogs = [d for d in self.dialogs if d.isVisible()] + [dialog]
        dialog.show()

    def _power_failed(self, message: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.information(self.window, translate("InsightsWiring", "No power curve"), message)


def attach_insights(
    window: MainWindow,
    client: PlugchoiceClient,
    runner: TaskRunner,
    incidents: Callable[[], Sequence[Incident]],
) -> InsightsWiring:
    return InsightsWiring(window, client, runner, incidents)
