"""SiteService over loopback: the site list, today's energy, and renaming sent once."""

from __future__ import annotations

from typing import Any

from plugdesk.api.client import PlugchoiceClient
from plugdesk.services.sites import SiteService
from plugdesk.tasks import TaskRunner


def _service(sim: Any) -> tuple[SiteService, PlugchoiceClient, TaskRunner]:
    client = PlugchoiceClient(sim.base_url, sim.token)
    runner = TaskRunner(on_error=lambda error: (_ for _ in ()).throw(error))
    return SiteService(client, runner), client, runner


def test_sites_and_energy_today_load(sim: Any, run: Any) -> None:
    service, client, _runner = _service(sim)
    energy: list[dict[str, float]] = []
    service.energy_loaded.connect(energy.append)
    sites = run(service.load())
    assert {s.uuid for s in sites} == {s["uuid"] for s in sim.sites()}
    assert set(energy[0]) == {s.uuid for s in sites}
    assert all(kwh >= 0 for kwh in energy[0].values())
    run(client.aclose())


def test_rename_is_sent_once_and_a_bad_name_is_refused_before_sending(
    sim: Any, run: Any
) -> None:
    service, client, _runner = _service(sim)
    uuid = sim.charger_uuids()[3]
    renamed: list[Any] = []
    failed: list[tuple[str, str]] = []
    service.renamed.connect(renamed.append)
    service.rename_failed.connect(lambda u, text: failed.append((u, text)))
    run(service._rename(uuid, "Bay 7 – north"))
    assert [c.reference for c in renamed] == ["Bay 7 – north"]
    assert sim.charger(uuid)["reference"] == "Bay 7 – north"
    puts = [r for r in sim.request_log if r.method == "PUT"]
    assert len(puts) == 1
    run(service._rename(uuid, "x" * 500))
    assert failed and failed[0][0] == uuid and "Could not rename" in failed[0][1]
    assert len([r for r in sim.request_log if r.method == "PUT"]) == 1  # nothing sent
    run(client.aclose())
