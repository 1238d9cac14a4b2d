"""Prometheus metrics for `plugdesk watch`: rendered from the latest fleet on each scrape.

A custom collector, not thousands of gauge children updated on every refresh: the watch
hands over each good fleet (`set_fleet`), the sites and connectors when they were read
(`set_places`), and the collector judges and renders them when Prometheus asks (a scrape
of 5,000 chargers takes a few tens of ms in the HTTP server's thread).

Series and labels (all bounded by the fleet's size; no free text such as error_info):

    plugdesk_charger_health{identity,site,state}          1 for the charger's current state
    plugdesk_connector_health{identity,connector,state}   1 for the connector's current state
    plugdesk_charger_up{identity,site}                    1 online, 0 offline / never seen
    plugdesk_charger_heartbeat_age_seconds{identity,site} seconds since the last heartbeat
    plugdesk_open_incidents{kind}                         open incidents per kind
    plugdesk_watch_last_success_timestamp_seconds         the last good refresh (Unix time)
    plugdesk_watch_up                                     1 while the last refresh worked
    plugdesk_watch_requests_per_minute                    API requests in the last minute
    plugdesk_watch_rate_limited_total                     HTTP 429 answers from the API
    plugdesk_watch_errors_total                           failed refreshes
    plugdesk_watch_chargers                               chargers in the fleet

`state` is a health level (fault, offline, warning, stale, unknown, maintenance, ok); only
the current state is exported (one series per charger, not one per state), so alert on
`plugdesk_charger_health{state="fault"} == 1`. `identity` falls back to the charger's uuid
when it has none; `site` is the site's name ("" when unknown).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import msgspec
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

from plugdesk.api.models import Charger, Connector
from plugdesk.domain.health import (
    DEFAULT_STALE_AFTER,
    HealthVerdict,
    IncidentKind,
    charger_health,
    connector_health,
)

Clock = Callable[[], datetime]


@dataclass
class WatchStats:
    """The watch's own health, kept by the watch as it runs."""

    last_success: datetime | None = None
    up: bool = False
    errors: int = 0
    rate_limited: int = 0
    requests_last_minute: Callable[[], int] = lambda: 0
    open_incidents: Callable[[], Mapping[str, int]] = dict


@dataclass
class _Snapshot:
    chargers: Sequence[Charger] = ()
    sites: Mapping[str, str] = field(default_factory=dict)  # charger uuid -> site name
    connectors: Mapping[str, Sequence[Connector]] = field(default_factory=dict)


class FleetCollector(Collector):
    """Renders the latest fleet; safe to feed from the loop while the server thread reads."""

    def __init__(
        self,
        stats: WatchStats,
        *,
        clock: Clock = lambda: datetime.now(UTC),
        stale_after: timedelta = DEFAULT_STALE_AFTER,
        judge: Callable[[Charger, datetime], HealthVerdict] | None = None,
    ) -> None:
        """`judge`: the watch's one judgement (`IncidentService.verdict`, the snapshot's
        verdict of each charger); without it, the health rules with `stale_after`."""
        self.stats = stats
        self.stale_after = stale_after
        self._judge = judge
        self._clock = clock
        self._lock = threading.Lock()
        self._snapshot = _Snapshot()

    def set_fleet(self, chargers: Sequence[Charger]) -> None:
        with self._lock:
            self._snapshot = _Snapshot(list(chargers), self._snapshot.sites,
                                       self._snapshot.connectors)  # fmt: skip

    def set_places(
        self, sites: Mapping[str, str], connectors: Mapping[str, Sequence[Connector]]
    ) -> None:
        with self._lock:
            self._snapshot = _Snapshot(self._snapshot.chargers, dict(sites), dict(connectors))

    def collect(self) -> Iterator[Metric]:
        with self._lock:
            snapshot = self._snapshot
        now = self._clock()
        yield from self._fleet_metrics(snapshot, now)
        yield from self._watch_metrics()

    def _fleet_metrics(self, snapshot: _Snapshot, now: datetime) -> Iterator[Metric]:
        health = GaugeMetricFamily(
            "plugdesk_charger_health", "1 for the charger's current health state",
            labels=("identity", "site", "state"))  # fmt: skip
        connector = GaugeMetricFamily(
            "plugdesk_connector_health", "1 for the connector's current health state",
            labels=("identity", "connector", "state"))  # fmt: skip
        up = GaugeMetricFamily(
            "plugdesk_charger_up", "1 when the charger is connected to the cloud",
            labels=("identity", "site"))  # fmt: skip
        age = GaugeMetricFamily(
            "plugdesk_charger_heartbeat_age_seconds", "Seconds since the last heartbeat",
            labels=("identity", "site"))  # fmt: skip
        for charger in snapshot.chargers:
            connectors = snapshot.connectors.get(charger.uuid)
            if connectors is not None and charger.connectors is None:
                charger = msgspec.structs.replace(charger, connectors=list(connectors))
            identity = charger.identity or charger.uuid
            # The watch's own reading of the site wins over the slower read of the places.
            own_site = charger.site.name if charger.site is not None else None
            site = own_site or snapshot.sites.get(charger.uuid, "")
            verdict = (self._judge(charger, now) if self._judge is not None
                       else charger_health(charger, now, self.stale_after))  # fmt: skip
            health.add_metric([identity, site, verdict.level.value], 1)
            up.add_metric([identity, site], 1 if charger.connection_status == "online" else 0)
            if charger.last_heartbeat_at is not None:
                seconds = (now - charger.last_heartbeat_at).total_seconds()
                age.add_metric([identity, site], max(0.0, seconds))
            for item in charger.connectors or ():
                if item.connector_id is None:
                    continue
                state = _connector_state(charger, item)
                connector.add_metric([identity, str(item.connector_id), state], 1)
        yield from (health, connector, up, age)

    def _watch_metrics(self) -> Iterator[Metric]:
        stats = self.stats
        incidents = GaugeMetricFamily(
            "plugdesk_open_incidents", "Open incidents by kind", labels=("kind",)
        )
        counts = stats.open_incidents()
        for kind in IncidentKind:
            incidents.add_metric([kind.value], counts.get(kind.value, 0))
        yield incidents
        last = stats.last_success.timestamp() if stats.last_success else 0.0
        yield GaugeMetricFamily(
            "plugdesk_watch_last_success_timestamp_seconds",
            "Unix time of the last good fleet refresh (0: none yet)", value=last)  # fmt: skip
        yield GaugeMetricFamily(
            "plugdesk_watch_up", "1 while the last fleet refresh worked",
            value=1 if stats.up else 0)  # fmt: skip
        yield GaugeMetricFamily(
            "plugdesk_watch_requests_per_minute", "API requests in the last minute",
            value=stats.requests_last_minute())  # fmt: skip
        yield CounterMetricFamily(
            "plugdesk_watch_rate_limited", "HTTP 429 answers from the API",
            value=stats.rate_limited)  # fmt: skip
        yield CounterMetricFamily(
            "plugdesk_watch_errors", "Fleet refreshes that failed", value=stats.errors
        )
        with self._lock:
            total = len(self._snapshot.chargers)
        yield GaugeMetricFamily("plugdesk_watch_chargers", "Chargers in the fleet", value=total)


def _connector_state(charger: Charger, item: Connector) -> str:
    """A connector's level; an offline charger's connectors are offline (their status is
    the last report)."""
    if charger.connection_status != "online":
        return "offline"
    return connector_health(item).level.value
