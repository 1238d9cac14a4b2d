"""Sites in the window: the charger list's site filter with counts, and the Sites overview
(one row per site; double-click picks the site in the charger list). Chargers come from
the simulator over loopback, read the way the watch reads them (team list, with sites)."""

from __future__ import annotations

from collections import Counter
from typing import Any

from PySide6.QtCore import Qt

from plugdesk.api.client import PlugchoiceClient
from plugdesk.api.fleet_models import Site
from plugdesk.services.fleet_read import read_fleet
from plugdesk.ui.fleet_model import Column, FleetTableModel
from plugdesk.ui.fleet_view import FleetView
from plugdesk.ui.sites.sites_overview import UUID_ROLE, SiteColumn, SitesOverview


def _fleet(sim: Any, run: Any) -> list[Any]:
    async def read() -> list[Any]:
        async with PlugchoiceClient(sim.base_url, sim.token) as client:
            return await read_fleet(client)

    return run(read())


def test_site_filter_counts_and_narrows_the_list(sim: Any, run: Any, qtbot: Any) -> None:
    chargers = _fleet(sim, run)
    model = FleetTableModel()
    view = FleetView(model)
    qtbot.addWidget(view)
    model.set_chargers(chargers)
    per_site = Counter(c.site.uuid for c in chargers)
    names = {c.site.uuid: c.site.name for c in chargers}
    combo = view.site_filter
    assert combo.itemText(0) == f"All sites ({len(chargers)})"
    listed = {combo.itemData(i): combo.itemText(i) for i in range(1, combo.count())}
    assert listed == {u: f"{names[u]} ({n})" for u, n in per_site.items()}
    site, count = per_site.most_common(1)[0]
    combo.setCurrentIndex(combo.findData(site))
    assert view.proxy.rowCount() == count
    shown = {view.proxy.index(r, Column.SITE).data() for r in range(view.proxy.rowCount())}
    assert shown == {names[site]}
    assert view.count_label.text() == f"{count} of {len(chargers)} shown"
    view.set_site_filter(None)
    assert view.proxy.rowCount() == len(chargers)


def test_sites_overview_counts_per_site_and_double_click_picks_it(
    sim: Any, run: Any, qtbot: Any
) -> None:
    chargers = _fleet(sim, run)
    model = FleetTableModel()
    model.set_chargers(chargers)
    overview = SitesOverview(model)
    qtbot.addWidget(overview)
    sites = {s["uuid"]: s for s in sim.sites()}

    overview.model.set_sites(
        [Site(uuid=u, name=s["name"], address=s["address"]) for u, s in sites.items()]
    )
    rows = {r.uuid: r for r in overview.model.rows()}
    assert set(rows) == set(sites)
    for uuid, row in rows.items():
        mine = [r for r in model.rows() if r.charger.site and r.charger.site.uuid == uuid]
        assert row.chargers == len(mine) == sites[uuid]["chargers_count"]
        assert row.fault == sum(r.level_key == "FAULT" for r in mine)
        assert row.offline == sum(r.level_key == "OFFLINE" for r in mine)
        assert row.address == sites[uuid]["address"]
    assert sum(r.fault for r in rows.values()) == model.health_counts()["FAULT"]
    overview.model.set_energy({next(iter(sites)): 12.345})
    chosen: list[str] = []
    overview.site_chosen.connect(chosen.append)
    index = overview.proxy.index(0, SiteColumn.NAME)
    rect = overview.table.visualRect(index)
    viewport = overview.table.viewport()
    # QTest's lone double-click event lacks the press before it; a view wants both.
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    assert chosen == [index.data(UUID_ROLE)]
    kwh = [overview.proxy.index(r, SiteColumn.KWH_TODAY).data() for r in range(len(sites))]
    assert "12.3" in kwh and "—" in kwh  # a site without a figure says so


def test_new_counts_change_the_site_items_in_place_and_new_sites_reset_them(qtbot: Any) -> None:
    """A count moving on is one dataChanged over the texts that changed (rebuilding a
    thousand items per update stalled the window); a change of sites is one reset."""
    from plugdesk.ui.sites.site_filter import SiteChoices

    choices = SiteChoices()
    signals: list[tuple[str, int, int]] = []
    choices.modelReset.connect(lambda: signals.append(("reset", 0, 0)))
    choices.dataChanged.connect(
        lambda first, last, _roles=(): signals.append(("changed", first.row(), last.row())))
    choices.set_choices([(None, "All sites (3)"), ("a", "A (1)"), ("b", "B (2)"), ("c", "C (0)")])
    assert signals == [("reset", 0, 0)]
    signals.clear()
    choices.set_choices([(None, "All sites (4)"), ("a", "A (1)"), ("b", "B (3)"), ("c", "C (0)")])
    assert signals == [("changed", 0, 2)]
    assert choices.index(2).data() == "B (3)"
    assert choices.index(2).data(Qt.ItemDataRole.UserRole) == "b"
    signals.clear()
    choices.set_choices([(None, "All sites (4)"), ("a", "A (1)"), ("b", "B (3)"), ("c", "C (0)")])
    assert signals == []
    choices.set_choices([(None, "All sites (5)"), ("a", "A (1)"), ("d", "D (1)")])
    assert signals == [("reset", 0, 0)]
    assert choices.rowCount() == 3
