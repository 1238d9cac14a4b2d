"""Reading the fleet once, the way the watch reads it, for `plugdesk status` (no Qt here:
the command line has no event loop of Qt's).

With a team reachable: the team list (connectors and site in every item). With a site
asked for: that site's chargers (with connectors). Without team access: the charger list,
plus each charger on its own while the fleet is small enough (`DETAIL_UP_TO`), so a
fault on one connector is still seen. Then one judgement: `take_snapshot` with the
user's staleness setting, exactly as the window's watch does.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

import msgspec

from plugdesk.api.errors import ForbiddenError, NotFoundError
from plugdesk.api.fleet_models import Site, TeamCharger
from plugdesk.api.models import Charger, SiteRef
from plugdesk.domain.health import Assessment, HealthVerdict
from plugdesk.domain.snapshot import FleetSnapshot, take_snapshot

if TYPE_CHECKING:
    from plugdesk.api.client import PlugchoiceClient  # the client loads httpx

DETAIL_UP_TO = 100  # without team access, chargers read on their own up to this fleet size
DETAIL_AT_ONCE = 4


class UnknownSiteError(LookupError):
    """No site matches the name or UUID given; `str()` says so for the user."""


@dataclass(frozen=True)
class CheckedCharger:
    charger: Charger
    verdict: HealthVerdict
    faulted_connectors: tuple[int, ...]  # connectors with a fault of their own

    @property
    def site(self) -> SiteRef | None:
        return self.charger.site


async def find_site(client: PlugchoiceClient, wanted: str) -> Site:
    """A site by UUID or (case-insensitive) name; a unique name prefix will do."""
    try:
        return await client.get_site(wanted)
    except (NotFoundError, ForbiddenError):
        pass
    sites = await client.list_sites(search=wanted)
    key = wanted.casefold()
    exact = [s for s in sites if (s.name or "").casefold() == key]
    starts = [s for s in sites if (s.name or "").casefold().startswith(key)]
    for found in (exact, starts):
        if len(found) == 1:
            return found[0]
    if len(exact or starts) > 1:
        names = ", ".join(sorted(s.display_name for s in exact or starts)[:5])
        raise UnknownSiteError(f"More than one site matches {wanted!r}: {names}")
    raise UnknownSiteError(f"No site matches {wanted!r} (give its name or UUID)")


async def read_fleet(client: PlugchoiceClient, site: Site | None = None) -> list[Charger]:
    """Every charger (of one site, if given) with connectors and site where the API
    tells them."""
    if site is not None:
        ref = SiteRef(uuid=site.uuid, name=site.name)
        chargers = await client.list_site_chargers(site.uuid)
        return [msgspec.structs.replace(c, site=c.site or ref) for c in chargers]
    try:
        teams = await client.list_teams()
        team = next((t.key for t in teams if t.key is not None), None)
        if team is not None:
            items = await client.list_team_chargers(str(team))
            return [merged(None, item) for item in items]
    except (ForbiddenError, NotFoundError):
        pass
    chargers = await client.list_chargers()
    if len(chargers) > DETAIL_UP_TO:
        return chargers
    return await _with_details(client, chargers)


async def _with_details(client: PlugchoiceClient, chargers: list[Charger]) -> list[Charger]:
    gate = asyncio.Semaphore(DETAIL_AT_ONCE)

    async def detail(charger: Charger) -> Charger:
        async with gate:
            try:
                return await client.get_charger(charger.uuid)
            except (NotFoundError, ForbiddenError):
                return charger

    return list(await asyncio.gather(*(detail(c) for c in chargers)))


def check_fleet(
    chargers: list[Charger], now: datetime, stale_after: timedelta
) -> tuple[FleetSnapshot, list[CheckedCharger]]:
    """The one judgement, and each charger with its verdict and faulted connectors."""
    snapshot = take_snapshot(chargers, now, stale_after)
    checked = []
    for charger in chargers:
        assessment = snapshot.assessments.get(charger.uuid)
        if assessment is not None and snapshot.holds(charger):
            checked.append(CheckedCharger(charger, assessment.verdict, _faulted(assessment)))
    return snapshot, checked


def _faulted(assessment: Assessment) -> tuple[int, ...]:
    faults = assessment.connector_faults or {}
    return tuple(sorted(k for k, c in faults.items() if c.present))


def merged(old: Charger | None, item: TeamCharger) -> Charger:
    """A team list item over what was known of the charger: the item's state, connectors
    and site; the fields it lacks (heartbeat, error info...) kept from before."""
    fields: dict[str, object] = {
        "identity": item.identity,
        "reference": item.reference,
        "connection_status": item.connection_status,
        "status": item.status,
        "error": item.error,
        "site": item.site,
    }
    if item.connectors is not None:
        fields["connectors"] = item.connector_list
    if item.last_heartbeat_at is not None:
        fields["last_heartbeat_at"] = item.last_heartbeat_at
    if old is None:
        return Charger(
            uuid=item.uuid,
            id=item.id,
            licenses=item.licenses,
            model=item.model,
            created_at=item.created_at,
            error_info=item.error_info,
            **fields,  # type: ignore[arg-type]
        )
    if item.error != old.error or item.error_info is not None:
        fields["error_info"] = item.error_info
    if old.connection_status != item.connection_status and item.connection_status == "offline":
        fields["last_disconnection_at"] = None  # unknown until the detail read
    return msgspec.structs.replace(old, **fields)


