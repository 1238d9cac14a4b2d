"""SiteService: the site list (addresses), today's energy per site, and renaming a charger.

The window never calls the API: the Sites overview asks here and listens. Today's energy
comes from each site's transactions, newest first, read until the first one that began
before local midnight; only for accounts of up to `ENERGY_SITES` sites (a thousand sites
would be a thousand requests for one figure: the overview says "—" instead).

Renaming (`PUT /chargers/{uuid}` with a new reference) changes the charger: it is sent
once, never retried (the client refuses to), and a failure is said in words.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from plugdesk.api.errors import PlugchoiceError
from plugdesk.api.fleet_models import Site
from plugdesk.tasks import TaskRunner

if TYPE_CHECKING:
    from plugdesk.api.client import PlugchoiceClient  # the client loads httpx

log = logging.getLogger(__name__)

ENERGY_SITES = 60
SITES_TASK = "sites-load"


def local_midnight(now: datetime) -> datetime:
    local = now.astimezone()
    return local.replace(hour=0, minute=0, second=0, microsecond=0)


class SiteService(QObject):
    sites_loaded = Signal(object)  # list[Site]
    energy_loaded = Signal(object)  # site uuid -> kWh since local midnight
    failed = Signal(str)  # a sentence for the window
    renamed = Signal(object)  # Charger, as the API returned it
    rename_failed = Signal(str, str)  # uuid, a sentence for the window

    def __init__(
        self,
        client: PlugchoiceClient,
        runner: TaskRunner,
        *,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._client = client
        self._runner = runner
        self._clock = clock
        self.sites: list[Site] = []

    def set_client(self, client: PlugchoiceClient) -> None:
        self._client = client
        self.sites = []

    def request_sites(self) -> None:
        self._runner.start(self.load(), SITES_TASK)

    async def load(self) -> list[Site]:
        try:
            sites = await self._client.list_sites()
        except PlugchoiceError as error:
            self.failed.emit(f"Could not load the sites: {error}")
            return []
        self.sites = sites
        self.sites_loaded.emit(list(sites))
        if len(sites) <= ENERGY_SITES:
            self.energy_loaded.emit(await self._energy_today(sites))
        return sites

    async def _energy_today(self, sites: list[Site]) -> dict[str, float]:
        since = local_midnight(self._clock())
        energy: dict[str, float] = {}
        for site in sites:
            total = 0.0
            try:
                async for tx in self._client.iter_site_transactions(site.uuid):
                    if tx.started_at is None or tx.started_at < since:
                        break  # newest first: the rest are older
                    total += tx.total_kwh or 0.0
            except PlugchoiceError as error:
                log.info("no energy figure for site %s: %s", site.uuid, error)
                continue
            energy[site.uuid] = total
        return energy

    def rename(self, uuid: str, reference: str) -> None:
        self._runner.start(self._rename(uuid, reference))

    async def _rename(self, uuid: str, reference: str) -> None:
        try:
            charger = await self._client.rename_charger(uuid, reference)
        except (PlugchoiceError, ValueError) as error:
            self.rename_failed.emit(uuid, f"Could not rename the charger: {error}")
            return
        self.renamed.emit(charger)
