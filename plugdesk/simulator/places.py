"""Sites and teams endpoints: `/sites...`, `/teams...` (see API.md, "Sites and teams")."""

from __future__ import annotations

import heapq
import re
from collections.abc import Callable
from typing import Any

from plugdesk.simulator import paging
from plugdesk.simulator.fleet import Charger, Fleet
from plugdesk.simulator.paging import PER_PAGE, Links
from plugdesk.simulator.replies import Reply, error
from plugdesk.simulator.util import iso_z, iso_z_or_none
from plugdesk.simulator.world import SMART_MODES, Site, Team, World

_FILTER_KEY = re.compile(r"^filter\[([^\]]*)\]$")
TEAM_CHARGER_FILTERS = (
    "search",
    "identity",
    "connection_status",
    "status",
    "connector_status",
    "vendor",
    "license",
    "site_uuid",
)
TEAM_CHARGER_SORTS = ("identity", "connection_status", "status", "created_at")
CONNECTION_STATUSES = ("online", "offline", "never_seen")
CHARGER_STATUSES = ("Available", "Faulted", "Unavailable")
CONNECTOR_STATUSES = (
    "Available",
    "Preparing",
    "Charging",
    "SuspendedEVSE",
    "SuspendedEV",
    "Finishing",
    "Reserved",
    "Unavailable",
    "Faulted",
)


def _params(query: list[tuple[str, str]]) -> dict[str, str]:
    return {k: v for k, v in query if v != ""}


def _not_allowed(kind: str, given: list[str], allowed: tuple[str, ...]) -> Reply:
    return error(
        400,
        f"Requested {kind}(s) `{', '.join(given)}` are not allowed. "
        f"Allowed {kind}(s) are `{', '.join(allowed)}`.",
    )


class Places:
    def __init__(self, fleet: Fleet, world: World, teams_endpoint: Callable[[], bool]) -> None:
        self.fleet = fleet
        self.world = world
        self.teams_endpoint = teams_endpoint
        self.team_lists_refusal: int | None = None  # 403 or 404 on every team list
        # A team's chargers (in identity order) and filter options never change: worked
        # out once, not on every page (50,000 chargers: 150 ms a request otherwise).
        self._team_lists: dict[int, tuple[list[Charger], dict[str, Any]]] = {}
        # Each of the team's chargers (by fleet index) -> its place in that list.
        self._team_places: dict[int, dict[int, int]] = {}

    # -- views ---------------------------------------------------------------------------

    def site_api(self, site: Site) -> dict[str, Any]:
        return site.to_api(len(site.chargers))

    def site_connector(self, charger: Charger, k: int) -> dict[str, Any]:
        full = self.fleet.connector_api(charger, charger.connectors[k])
        keep = (
            "id",
            "charger_id",
            "connector_id",
            "status",
            "error",
            "error_info",
            "max_amperage",
            "max_voltage",
            "standard",
            "format",
            "power_type",
            "phase_rotation",
        )
        return {key: full[key] for key in keep}

    def connectors_of(self, charger: Charger) -> list[dict[str, Any]]:
        if charger.connection == "never_seen":
            return []
        return [self.site_connector(charger, k) for k in range(len(charger.connectors))]

    def team_charger(self, charger: Charger, now: float) -> dict[str, Any]:
        """The reduced charger item of GET /teams/{team}/chargers."""
        model = charger.model
        site = self.world.site_for(charger.index)
        return {
            "uuid": charger.uuid,
            "id": charger.id,
            "identity": charger.identity,
            "reference": charger.reference,
            "connection_status": charger.connection,
            "status": charger.status,
            "error": charger.error,
            "last_heartbeat_at": iso_z_or_none(charger.heartbeat_ts(now)),
            "licenses": {"smart": charger.licenses[0], "pro": charger.licenses[1]},
            "model": {"vendor": model.vendor, "name": model.name},
            "internal_model": {
                "id": model.model_id,
                "vendor": model.vendor,
                "name": model.name,
                "sku": f"{model.vendor[:3].upper()}-{model.model_id:03d}",  # a made-up SKU
            },
            "site": site.ref(),
            "connectors": {"data": self.connectors_of(charger)},
            "created_at": iso_z(charger.created_ts),
        }

    # -- sites ---------------------------------------------------------------------------

    def sites_index(self, query: list[tuple[str, str]], links: Links) -> Reply:
        params = _params(query)
        sites = self.world.sites
        if "team" in params:
            team = self.world.team(params["team"])
            sites = [] if team is None else [self.world.sites[k] for k in team.sites]
        search = params.get("search", "").strip().lower()
        if search:
            sites = [s for s in sites if search in f"{s.name} {s.address}".lower()]
        page = paging.page_number(query)
        return self._simple(links, page, sites, self.site_api)

    def site(self, key: str) -> Site | None:
        return self.world.site(key)

    def site_show(self, site: Site) -> Reply:
        return Reply(200, {"data": self.site_api(site)})

    def site_chargers(
        self, site: Site, query: list[tuple[str, str]], links: Links, now: float
    ) -> Reply:
        def item(index: int) -> dict[str, Any]:
            charger = self.fleet.chargers[index]
            return {
                **self.fleet.charger_api(charger, now),
                "connectors": self.connectors_of(charger),
            }

        return self._simple(links, paging.page_number(query), site.chargers, item)

    def site_connectors(self, site: Site, query: list[tuple[str, str]], links: Links) -> Reply:
        pairs = [
            (index, k)
            for index in site.chargers
            if self.fleet.chargers[index].connection != "never_seen"
            for k in range(len(self.fleet.chargers[index].connectors))
        ]

        def item(pair: tuple[int, int]) -> dict[str, Any]:
            charger = self.fleet.chargers[pair[0]]
            return {
                **self.site_connector(charger, pair[1]),
                "charger": {
                    "uuid": charger.uuid,
                    "id": charger.id,
                    "identity": charger.identity,
                    "connection_status": charger.connection,
                    "status": charger.status,
                },
            }

        return self._simple(links, paging.page_number(query), pairs, item)

    def site_teams(self, site: Site, query: list[tuple[str, str]], links: Links) -> Reply:
        teams = [self.world.teams[k] for k in site.teams]
        return self._simple(links, paging.page_number(query), teams, Team.access_api)

    def site_transactions(self, site: Site, query: list[tuple[str, str]], links: Links) -> Reply:
        page = paging.page_number(query)
        offset = (page - 1) * PER_PAGE
        rows = self.newest_transactions(site.chargers, offset, PER_PAGE + 1)
        items = [self._tx_item(index, ref, with_site=False) for index, ref in rows[:PER_PAGE]]
        return Reply(200, paging.simple(links, page, items, len(rows) > PER_PAGE))

    # -- teams ---------------------------------------------------------------------------

    def teams_index(self, query: list[tuple[str, str]], links: Links) -> Reply:
        if not self.teams_endpoint():
            return error(404, "Not Found.")
        return self._simple(links, paging.page_number(query), self.world.teams, Team.to_api)

    def team(self, key: str) -> Team | None:
        return self.world.team(key)

    def team_sites(self, team: Team, query: list[tuple[str, str]], links: Links) -> Reply:
        sites = [self.world.sites[k] for k in team.sites]
        page = paging.page_number(query)
        offset = (page - 1) * PER_PAGE
        items = [self.site_api(s) for s in sites[offset : offset + PER_PAGE]]
        options = {  # key names as the docs' example shows them
            "countries": sorted({s.country for s in sites}),
            "smart_charging_modes": list(SMART_MODES),
        }
        return Reply(200, paging.flat(links, page, items, offset + PER_PAGE < len(sites), options))

    def team_transactions(self, team: Team, query: list[tuple[str, str]], links: Links) -> Reply:
        page = paging.page_number(query)
        offset = (page - 1) * PER_PAGE
        rows = self.newest_transactions(self.world.team_chargers(team), offset, PER_PAGE + 1)
        items = [self._tx_item(index, ref, with_site=True) for index, ref in rows[:PER_PAGE]]
        options = {"statuses": ["active", "finished"]}  # undocumented: named like the others
        return Reply(200, paging.flat(links, page, items, len(rows) > PER_PAGE, options))

    def team_chargers(
        self, team: Team, query: list[tuple[str, str]], links: Links, now: float
    ) -> Reply:
        params = _params(query)
        filters: dict[str, list[str]] = {}
        unknown = []
        for key, value in params.items():
            found = _FILTER_KEY.match(key)
            if found is None:
                continue
            name = found.group(1)
            if name not in TEAM_CHARGER_FILTERS:
                unknown.append(name)
            filters[name] = [v.strip() for v in value.split(",") if v.strip()]
        if unknown:
            return _not_allowed("filter", unknown, TEAM_CHARGER_FILTERS)
        # "Search by identity" (API.md, wire name undocumented): a plain `search`, as on
        # GET /sites, which is what the client sends; `filter[search]` is taken too.
        if "search" in params:
            filters.setdefault("search", [params["search"].strip()])
        sort = params.get("sort", "identity")
        fields = [s.strip() for s in sort.split(",") if s.strip()]
        bad = [f for f in fields if f.lstrip("-") not in TEAM_CHARGER_SORTS]
        if bad:
            return _not_allowed("sort", bad, TEAM_CHARGER_SORTS)
        chargers, options = self._team_list(team)
        chosen = chargers  # kept in identity order: the default sort is already done
        if filters:
            candidates = self._candidates(team, chargers, filters)
            chosen = [c for c in candidates if self._matches(c, filters)]
        if fields != ["identity"]:
            chosen = list(chosen)  # never reorder the kept list itself
            for field in reversed(fields):  # stable sorts: the first field decides last
                chosen.sort(key=_sort_key(field.lstrip("-")), reverse=field.startswith("-"))
        page = paging.page_number(query)
        offset = (page - 1) * PER_PAGE
        items = [self.team_charger(c, now) for c in chosen[offset : offset + PER_PAGE]]
        return Reply(200, paging.flat(links, page, items, offset + PER_PAGE < len(chosen), options))

    def _candidates(
        self, team: Team, chargers: list[Charger], filters: dict[str, list[str]]
    ) -> list[Charger]:
        """The team's chargers a status, connection or connector filter can still let
        through, in the list's order: from the fleet's state index when that narrows the
        list well (what a watch asks for: the few that need attention), else the whole
        list. `_matches` still checks every filter on what comes back."""
        fewest: set[int] | None = None
        for name, values in filters.items():
            found = self.fleet.states.chargers_with(name, values) if values else None
            if found is not None and (fewest is None or len(found) < len(fewest)):
                fewest = found
        if fewest is None or len(fewest) * 8 > len(chargers):
            return chargers  # a scan is as cheap as sorting that many
        places = self._team_places.get(team.index)
        if places is None:
            places = self._team_places[team.index] = {c.index: k for k, c in enumerate(chargers)}
        spots = sorted(places[i] for i in fewest if i in places)
        return [chargers[k] for k in spots]

    def _matches(self, charger: Charger, filters: dict[str, list[str]]) -> bool:
        for name, values in filters.items():
            if not values:
                continue
            if name in ("search", "identity"):
                if not any(v.lower() in charger.identity.lower() for v in values):
                    return False
            elif name == "connection_status":
                if charger.connection not in values:
                    return False
            elif name == "status":
                if charger.status not in values:
                    return False
            elif name == "connector_status":
                if charger.connection == "never_seen" or not any(
                    c.status in values for c in charger.connectors
                ):
                    return False
            elif name == "vendor":
                if charger.model.vendor.lower() not in {v.lower() for v in values}:
                    return False
            elif name == "license":
                held = {"basic": True, "smart": charger.licenses[0], "pro": charger.licenses[1]}
                if not all(held.get(v.lower(), False) for v in values):
                    return False
            elif name == "site_uuid" and self.world.site_for(charger.index).uuid not in values:
                return False
        return True

    def _team_list(self, team: Team) -> tuple[list[Charger], dict[str, Any]]:
        cached = self._team_lists.get(team.index)
        if cached is None:
            chargers = [self.fleet.chargers[i] for i in self.world.team_chargers(team)]
            chargers.sort(key=_sort_key("identity"))
            cached = self._team_lists[team.index] = (chargers, self._charger_options(chargers))
        return cached

    def _charger_options(self, chargers: list[Charger]) -> dict[str, Any]:
        """`filter_options` of GET /teams/{team}/chargers, keys and values as the docs'
        example shows them (plural names, not the filters' own). The client reads this
        shape into `plugdesk.api.fleet_models.TeamChargerFilterOptions`; the sites to
        filter by come from GET /teams/{team}/sites."""
        return {
            "connection_statuses": list(CONNECTION_STATUSES),
            "statuses": list(CHARGER_STATUSES),
            "connector_statuses": sorted(CONNECTOR_STATUSES),
            "vendors": sorted({c.model.vendor for c in chargers}),
            "license_types": ["basic", "smart", "pro"],
        }

    # -- transactions across chargers ----------------------------------------------------

    def newest_transactions(
        self, indices: list[int], offset: int, count: int
    ) -> list[tuple[int, int]]:
        """(charger index, ref) for rows offset..offset+count, newest first across the
        chargers. Histories are generated only when the merge reaches them."""
        heap: list[tuple[float, int, int, int, int]] = []  # (-start, -id, index, pos, kind)
        for index in indices:
            charger = self.fleet.chargers[index]
            store = charger.txs
            if store.extras:
                tx = store.extras[-1]
                heap.append((-tx.start_ts, -tx.id, index, len(store.extras) - 1, 0))
            if store.history is None and charger.history_count > 0:
                heap.append((-charger.history_span[1], 0, index, -1, 2))  # not made yet
            elif store.history is not None and len(store.history):
                heap.append(_history_head(charger, len(store.history) - 1))
        heapq.heapify(heap)
        rows: list[tuple[int, int]] = []
        skipped = 0
        while heap and len(rows) < count:
            _, _, index, pos, kind = heapq.heappop(heap)
            charger = self.fleet.chargers[index]
            if kind == 2:
                self.fleet.ensure_history(charger)
                history = charger.txs.history
                if history is not None and len(history):
                    heapq.heappush(heap, _history_head(charger, len(history) - 1))
                continue
            if kind == 0:
                ref = ~pos
                if pos > 0:
                    tx = charger.txs.extras[pos - 1]
                    heapq.heappush(heap, (-tx.start_ts, -tx.id, index, pos - 1, 0))
            else:
                ref = pos
                if pos > 0:
                    heapq.heappush(heap, _history_head(charger, pos - 1))
            if skipped < offset:
                skipped += 1
            else:
                rows.append((index, ref))
        return rows

    def _tx_item(self, index: int, ref: int, *, with_site: bool) -> dict[str, Any]:
        charger = self.fleet.chargers[index]
        item = charger.txs.render(ref, charger.id)
        about: dict[str, Any] = {
            "uuid": charger.uuid,
            "identity": charger.identity,
            "reference": charger.reference,
        }
        if with_site:
            about["site"] = self.world.site_for(index).ref()
        item["charger"] = about
        if not with_site:  # the docs' site example is the older shape, with cost strings
            item.update(start_cost="0.0000", kwh_cost="0.0000", total_kwh_cost="0.0000")
            item["total_cost"] = "0.00"
        db_id = item["charger_connector_id"]
        number = next((c.connector_id for c in charger.connectors if c.db_id == db_id), None)
        item["connector"] = {"connector_id": number}
        return item

    # -- helpers -------------------------------------------------------------------------

    def _simple(
        self, links: Links, page: int, rows: list[Any], render: Callable[[Any], dict[str, Any]]
    ) -> Reply:
        offset = (page - 1) * PER_PAGE
        items = [render(row) for row in rows[offset : offset + PER_PAGE]]
        return Reply(200, paging.simple(links, page, items, offset + PER_PAGE < len(rows)))


def _history_head(charger: Charger, pos: int) -> tuple[float, int, int, int, int]:
    history = charger.txs.history
    assert history is not None
    return (-history.starts[pos], -(history.id_base + pos), charger.index, pos, 1)


def _sort_key(field: str) -> Callable[[Charger], Any]:
    if field == "identity":
        return lambda c: c.identity
    if field == "connection_status":
        return lambda c: c.connection
    if field == "status":
        return lambda c: c.status or ""
    return lambda c: (c.created_ts, c.id)
