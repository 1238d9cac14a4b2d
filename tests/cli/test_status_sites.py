"""`plugdesk status` reads like the watch and judges like the window: sites, connector
faults, and the user's staleness setting shared by the table, the tray and status."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from plugdesk.api.client import PlugchoiceClient
from plugdesk.cli.main import main
from plugdesk.domain.incidents import IncidentTracker
from plugdesk.domain.paths import app_paths
from plugdesk.domain.settings import Settings, save_settings
from plugdesk.domain.store import Store
from plugdesk.services.incidents import IncidentService
from plugdesk.services.watch import FleetWatch
from plugdesk.tasks import TaskRunner
from plugdesk.ui.fleet_model import FleetTableModel


def _status(sim: Any, monkeypatch: pytest.MonkeyPatch, capsys: Any, *extra: str) -> tuple[int, str]:
    monkeypatch.setenv("PLUGDESK_TOKEN", sim.token)
    code = main(["status", "--api-url", sim.base_url, *extra])
    out = capsys.readouterr()
    return code, out.out + out.err


def _healthy(sim: Any) -> str:
    return next(
        c["uuid"] for c in sim.chargers()
        if c["connection_status"] == "online" and c["status"] == "Available" and not c["blocked"]
    )  # fmt: skip


def test_status_site_by_name_or_uuid_checks_only_that_site(
    sim: Any, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    site = max(sim.sites(), key=lambda s: s["chargers_count"])
    wanted = set(sim.site_charger_uuids(site["uuid"]))
    assert 0 < len(wanted) < 40
    for key in (site["name"], site["uuid"], site["name"].upper()):
        _code, out = _status(sim, monkeypatch, capsys, "--site", key, "--json")
        rows = json.loads(out)["chargers"]
        assert {r["uuid"] for r in rows} == wanted
        assert {r["site"]["uuid"] for r in rows} == {site["uuid"]}
        assert {r["site"]["name"] for r in rows} == {site["name"]}


def test_status_with_an_unknown_site_says_so(
    sim: Any, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    code, out = _status(sim, monkeypatch, capsys, "--site", "No Such Place 42")
    assert code == 3
    assert "No site matches 'No Such Place 42'" in out
    assert "Traceback" not in out


def test_status_names_a_connector_fault_and_its_site(
    sim: Any, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    uuid = _healthy(sim)
    listed = sim.charger(uuid)
    sim.force_fault(uuid, "HighTemperature", "too hot", connector_id=1)
    code, out = _status(sim, monkeypatch, capsys)
    assert code == 2
    (line,) = [x for x in out.splitlines() if x.startswith("FAULT") and listed["identity"] in x]
    assert "connector 1: HighTemperature" in line
    code, out = _status(sim, monkeypatch, capsys, "--json")
    (row,) = [r for r in json.loads(out)["chargers"] if r["uuid"] == uuid]
    assert row["level"] == "fault" and row["connector"] == 1
    assert row["faulted_connectors"] == [1] and row["site"]["uuid"]


def test_table_tray_and_status_agree_on_a_heartbeat_past_the_users_setting(
    sim: Any, monkeypatch: pytest.MonkeyPatch, capsys: Any, tmp_path: Path, run: Any
) -> None:
    """Setting 5 min, heartbeat 10 min old: stale everywhere (the default is 15 min)."""
    settings = Settings(stale_after_min=5)
    save_settings(settings, app_paths().settings_path())
    uuid = _healthy(sim)
    sim.delay_heartbeat(uuid, 600)

    client = PlugchoiceClient(sim.base_url, sim.token)
    runner = TaskRunner(on_error=pytest.fail)
    watch = FleetWatch(client, runner)
    store = Store(tmp_path / "history.sqlite3")
    tracker = IncidentTracker.from_settings(store, settings)
    service = IncidentService(store, tracker, runner)
    service.attach(watch)
    table = FleetTableModel()
    table.set_judge(service.verdict)
    watch.fleet_updated.connect(table.set_chargers)
    trays: list[dict[str, int]] = []
    service.health_summary.connect(lambda _level, counts, _tip: trays.append(counts))

    async def refresh() -> None:
        await watch.check_now()
        await service.flush()

    try:
        run(refresh())
        row = table.row(table.row_of(uuid))  # type: ignore[arg-type]
        assert row.verdict.label == "Stale"
        stale_in_table = sum(1 for r in table.rows() if r.verdict.label == "Stale")
        assert trays[-1]["stale"] == stale_in_table >= 1
        assert tracker.stale_after == timedelta(minutes=5)
    finally:
        watch.stop()
        run(runner.cancel_all())
        service.close()
        run(client.aclose())

    _code, out = _status(sim, monkeypatch, capsys, "--json")
    rows = {r["uuid"]: r for r in json.loads(out)["chargers"]}
    assert rows[uuid]["level"] == "stale"
    assert sum(1 for r in rows.values() if r["level"] == "stale") == stale_in_table
