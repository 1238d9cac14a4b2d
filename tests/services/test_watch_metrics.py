"""`plugdesk watch --metrics`: scraped over HTTP and read with prometheus_client's own
parser. A faulted charger, a fault on one connector only and an offline charger show
their states; the series stay bounded by the fleet's size (5,000 chargers)."""

from __future__ import annotations

import socket
import urllib.request
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from prometheus_client import CollectorRegistry, generate_latest
from prometheus_client.parser import text_string_to_metric_families
from prometheus_client.samples import Sample

from plugdesk.api.models import Charger, Connector
from plugdesk.services.metrics import FleetCollector, WatchStats
from plugdesk.simulator import Simulator
from tests.support.watch_proc import WatchProcess, write_settings

ALLOWED_LABELS = {"identity", "site", "state", "connector", "kind"}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def scrape(port: int) -> list[Sample]:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=10) as answer:
        text = answer.read().decode()
    return [s for family in text_string_to_metric_families(text) for s in family.samples]


def value(samples: list[Sample], name: str, **labels: str) -> float | None:
    for sample in samples:
        if sample.name == name and all(sample.labels.get(k) == v for k, v in labels.items()):
            return sample.value
    return None


@pytest.fixture
def frozen() -> Iterator[Simulator]:
    sim = Simulator(chargers=12, seed=5, time_scale=0, start_time=datetime.now(UTC),
                    rate_limit_per_minute=1_000_000)  # fmt: skip
    sim.start()
    try:
        yield sim
    finally:
        sim.stop()


def test_metrics_show_faulted_connector_and_offline_states(
    frozen: Simulator, tmp_path: Path
) -> None:
    healthy = [c for c in frozen.chargers()
               if c["connection_status"] == "online" and c["status"] == "Available"]  # fmt: skip
    faulted, connector_only, offline = healthy[0], healthy[1], healthy[2]
    frozen.force_fault(faulted["uuid"], "GroundFailure")
    frozen.force_fault(connector_only["uuid"], "HighTemperature", "Too hot", connector_id=1)
    frozen.force_offline(offline["uuid"])
    home = tmp_path / "home"
    write_settings(home)
    port = free_port()
    with WatchProcess(frozen, home, extra=["--metrics", f"127.0.0.1:{port}"]) as watch:
        watch.wait_for(r"^metrics on ")
        samples = _scrape_until(port, lambda s: value(
            s, "plugdesk_connector_health", identity=connector_only["identity"],
            connector="1") is not None)  # fmt: skip
        code = watch.terminate()
    assert code == 0

    health = "plugdesk_charger_health"
    assert value(samples, health, identity=faulted["identity"], state="fault") == 1
    assert value(samples, health, identity=offline["identity"], state="offline") == 1
    assert value(samples, "plugdesk_charger_up", identity=offline["identity"]) == 0
    assert value(samples, "plugdesk_charger_up", identity=faulted["identity"]) == 1
    # The charger itself says Available; its connector 1 is Faulted.
    assert connector_only["status"] == "Available"
    assert value(samples, "plugdesk_connector_health", identity=connector_only["identity"],
                 connector="1", state="fault") == 1  # fmt: skip
    assert value(samples, health, identity=connector_only["identity"], state="fault") == 1
    # One health series per charger, each labelled with its site.
    per_charger = Counter(s.labels["identity"] for s in samples if s.name == health)
    assert len(per_charger) == 12 and set(per_charger.values()) == {1}
    assert value(samples, "plugdesk_watch_up") == 1
    assert (value(samples, "plugdesk_watch_last_success_timestamp_seconds") or 0) > 0
    assert value(samples, "plugdesk_watch_requests_per_minute") is not None
    assert value(samples, "plugdesk_watch_rate_limited_total") == 0
    assert value(samples, "plugdesk_open_incidents", kind="fault") is not None
    assert {k for s in samples for k in s.labels} <= ALLOWED_LABELS


def _scrape_until(port: int, ready: object, tries: int = 200) -> list[Sample]:
    import time

    samples: list[Sample] = []
    for _ in range(tries):
        samples = scrape(port)
        if callable(ready) and ready(samples) and value(samples, "plugdesk_watch_up") == 1:
            return samples
        time.sleep(0.1)
    raise AssertionError("the metrics never showed the fleet")


def test_series_stay_bounded_with_5000_chargers() -> None:
    now = datetime.now(UTC)
    states = ["online", "online", "online", "offline"]
    chargers = [
        Charger(
            uuid=f"uuid-{n}",
            identity=f"CP-{n:05d}",
            connection_status=states[n % 4],
            status="Faulted" if n % 7 == 0 else "Available",
            error="GroundFailure" if n % 7 == 0 else "NoError",
            error_info=f"free text {n} that must never become a label",
            last_heartbeat_at=now - timedelta(seconds=n % 90),
        )
        for n in range(5000)
    ]
    connectors = {
        c.uuid: [Connector(connector_id=i, status="Available", error="NoError") for i in (1, 2)]
        for c in chargers
    }
    sites = {c.uuid: f"Site {n % 40}" for n, c in enumerate(chargers)}
    collector = FleetCollector(WatchStats(), clock=lambda: now)
    collector.set_fleet(chargers)
    collector.set_places(sites, connectors)
    registry = CollectorRegistry()
    registry.register(collector)
    text = generate_latest(registry).decode()
    samples = [s for f in text_string_to_metric_families(text) for s in f.samples]

    by_name = Counter(s.name for s in samples)
    assert by_name["plugdesk_charger_health"] == 5000  # one state per charger, not one per state
    assert by_name["plugdesk_connector_health"] == 10_000
    assert by_name["plugdesk_charger_up"] == 5000
    assert by_name["plugdesk_charger_heartbeat_age_seconds"] == 5000
    # Chargers x 3 + connectors + a fixed handful for the watch itself.
    assert len(samples) <= 5000 * 3 + 10_000 + 20
    assert {k for s in samples for k in s.labels} <= ALLOWED_LABELS
    assert "free text" not in text
    assert {s.labels["state"] for s in samples if "state" in s.labels} <= {
        "fault", "offline", "warning", "stale", "unknown", "maintenance", "ok"}  # fmt: skip


def test_health_is_the_watchs_one_judgement_and_the_watchs_own_site() -> None:
    """With the user's staleness at 5 minutes, a 10-minute-old heartbeat is stale in the
    metrics as in the table and the tray: the collector asks the watch's judge (the
    snapshot), not the default rules; the site the watch read wins over the slow read."""
    from plugdesk.api.models import SiteRef
    from plugdesk.domain.snapshot import take_snapshot

    now = datetime.now(UTC)
    charger = Charger(uuid="uuid-1", identity="CP-1", connection_status="online",
                      status="Available", error="NoError",
                      last_heartbeat_at=now - timedelta(minutes=10),
                      site=SiteRef(uuid="site-1", name="Depot Noord"))  # fmt: skip
    snapshot = take_snapshot([charger], now, timedelta(minutes=5))
    asked: list[str] = []

    def judge(item: Charger, _now: datetime) -> Any:
        asked.append(item.uuid)
        return snapshot.verdict(item.uuid)

    samples_of = {}
    for name, chosen in (("default", None), ("watch", judge)):
        collector = FleetCollector(WatchStats(), clock=lambda: now, judge=chosen)
        collector.set_fleet([charger])
        collector.set_places({"uuid-1": "Old name"}, {})
        registry = CollectorRegistry()
        registry.register(collector)
        text = generate_latest(registry).decode()
        samples_of[name] = [s for f in text_string_to_metric_families(text) for s in f.samples]

    health = "plugdesk_charger_health"
    assert value(samples_of["default"], health, identity="CP-1", state="ok") == 1
    assert value(samples_of["watch"], health, identity="CP-1", state="stale") == 1
    assert value(samples_of["watch"], health, site="Depot Noord") == 1
    assert asked == ["uuid-1"]
