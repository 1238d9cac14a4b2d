"""The charger table model and its search/health proxy, with hand-made rows."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QPersistentModelIndex,
    Qt,
)

from plugdesk.ui import formatting as fmt
from plugdesk.ui.fleet_model import (
    LEVEL_ROLE,
    SORT_ROLE,
    UUID_ROLE,
    Column,
    FleetFilterProxy,
    FleetTableModel,
)
from tests.support.harness import ModelChecks
from tests.support.rows import NOW, charger, faulted, offline


def make_model(checks: ModelChecks, chargers: list[Any]) -> FleetTableModel:
    model = FleetTableModel(clock=lambda: NOW)
    checks.check(model)  # re-checks after every change below
    model.set_chargers(chargers)
    return model


def cell(model: Any, row: int, column: Column, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
    return model.index(row, column).data(role)


def test_rows_show_every_column_and_dash_for_missing(model_checks: ModelChecks) -> None:
    model = make_model(model_checks, [charger(1, reference=None, firmware_version=None)])
    texts = [cell(model, 0, column) for column in Column]
    assert texts[Column.IDENTITY] == "PC-0001"
    assert texts[Column.REFERENCE] == fmt.DASH
    assert texts[Column.FIRMWARE] == fmt.DASH
    assert texts[Column.HEALTH] == "OK"
    assert texts[Column.CONNECTION] == "Online"
    assert texts[Column.ERROR] == fmt.DASH  # NoError is no error
    assert texts[Column.MODEL] == "Alfen Eve Single"
    assert texts[Column.HEARTBEAT] == "just now"
    assert "None" not in texts


def test_health_levels_from_the_domain_rules(model_checks: ModelChecks) -> None:
    model = make_model(
        model_checks,
        [charger(1), faulted(2), offline(3), charger(4, status="Unavailable"),
         charger(5, connection_status="never_seen")],
    )
    labels = [cell(model, r, Column.HEALTH) for r in range(5)]
    assert labels == ["OK", "Fault", "Offline", "Maintenance", "Unknown"]
    assert cell(model, 1, Column.ERROR) == "GroundFailure"
    assert "ground fault" in cell(model, 1, Column.HEALTH, Qt.ItemDataRole.ToolTipRole)
    assert model.health_counts() == {"OK": 1, "FAULT": 1, "OFFLINE": 1, "MAINTENANCE": 1,
                                     "UNKNOWN": 1}
    assert cell(model, 1, Column.HEALTH, LEVEL_ROLE).name == "FAULT"


def test_refresh_updates_changed_rows_in_place(model_checks: ModelChecks) -> None:
    model = make_model(model_checks, [charger(1), charger(2), charger(3)])
    kept = QPersistentModelIndex(model.index(1, 0))
    changed: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda a, b, _roles=(): changed.append((a.row(), b.row())))
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))

    model.set_chargers([charger(1), faulted(2), charger(3)])

    assert changed == [(1, 1)]  # only the row that changed
    assert not resets
    assert kept.isValid() and kept.row() == 1
    assert cell(model, 1, Column.HEALTH) == "Fault"


def test_unchanged_refresh_emits_nothing(model_checks: ModelChecks) -> None:
    model = make_model(model_checks, [charger(1), charger(2)])
    signals: list[str] = []
    model.dataChanged.connect(lambda *_: signals.append("changed"))
    model.rowsInserted.connect(lambda *_: signals.append("inserted"))
    model.set_chargers([charger(1), charger(2)])
    assert signals == []


def test_gone_chargers_removed_new_ones_appended(model_checks: ModelChecks) -> None:
    model = make_model(model_checks, [charger(1), charger(2), charger(3), charger(4)])
    kept = QPersistentModelIndex(model.index(3, 0))
    model.set_chargers([charger(1), charger(4), charger(5)])
    assert [cell(model, r, Column.IDENTITY) for r in range(model.rowCount())] == [
        "PC-0001", "PC-0004", "PC-0005"
    ]
    assert kept.isValid() and kept.data(UUID_ROLE) == charger(4).uuid
    assert model.row_of(charger(5).uuid) == 2
    assert model.row_of(charger(2).uuid) is None


def test_gone_rows_are_removed_one_range_at_a_time(model_checks: ModelChecks) -> None:
    model = make_model(model_checks, [charger(n) for n in range(1, 11)])
    removals: list[tuple[int, int]] = []
    model.rowsRemoved.connect(lambda _parent, first, last: removals.append((first, last)))
    kept = [charger(n) for n in (1, 5, 6, 7, 10)]
    model.set_chargers(kept)
    assert removals == [(7, 8), (1, 3)]  # from the bottom: rows 8-9 and 2-4 of the fleet
    assert [cell(model, r, Column.IDENTITY) for r in range(5)] == [
        "PC-0001", "PC-0005", "PC-0006", "PC-0007", "PC-0010"
    ]
    assert model.row_of(charger(10).uuid) == 4


def test_progress_pages_add_and_update_but_remove_nothing(model_checks: ModelChecks) -> None:
    saved = [charger(n) for n in range(1, 6)]
    model = make_model(model_checks, saved)
    model.set_chargers([faulted(2), charger(9)], complete=False)  # a first page came in
    assert model.rowCount() == 6
    assert cell(model, model.row_of(charger(2).uuid) or 0, Column.HEALTH) == "Fault"
    model.set_chargers([faulted(2), charger(9)])  # the complete list
    assert sorted(r.charger.identity or "" for r in model.rows()) == ["PC-0002", "PC-0009"]


def test_model_sorts_its_rows_and_the_selection_follows(model_checks: ModelChecks) -> None:
    model = make_model(model_checks, [charger(1), charger(2), charger(3)])
    proxy = proxy_over(model_checks, model)
    selected = QPersistentModelIndex(proxy.index(2, Column.IDENTITY))  # PC-0003
    proxy.sort(Column.IDENTITY, Qt.SortOrder.DescendingOrder)  # handed to the model
    assert (model.sort_column, model.sort_order) == (Column.IDENTITY,
                                                     Qt.SortOrder.DescendingOrder)
    assert [cell(model, r, Column.IDENTITY) for r in range(3)] == [
        "PC-0003", "PC-0002", "PC-0001"
    ]
    assert selected.row() == 0 and selected.data() == "PC-0003"
    assert model.row_of(charger(1).uuid) == 2
    model.set_chargers([charger(1), charger(2), charger(3), charger(4)])  # new: in order
    assert identities(proxy) == ["PC-0004", "PC-0003", "PC-0002", "PC-0001"]
    assert selected.data() == "PC-0003"


def test_rows_of_the_same_charger_objects_are_reused(model_checks: ModelChecks) -> None:
    first_page = [charger(1), charger(2)]
    model = make_model(model_checks, first_page)
    shown = model.rows_by_uuid()
    grown = model.prepare([*first_page, charger(3)], shown)  # the next progress list
    assert grown[charger(1).uuid] is shown[charger(1).uuid]
    assert grown[charger(3).uuid].charger.identity == "PC-0003"
    decoded_again = charger(1)  # a later refresh: a new object, the same record
    kept = model.prepare([decoded_again], shown)
    assert kept[charger(1).uuid] is shown[charger(1).uuid]  # not judged again
    assert kept[charger(1).uuid].charger is decoded_again  # the snapshot's reading
    assert kept.fresh == []
    moved = model.prepare([faulted(1)], shown)
    assert moved[charger(1).uuid] is not shown[charger(1).uuid]


def test_stale_greys_rows_and_explains(model_checks: ModelChecks) -> None:
    model = make_model(model_checks, [charger(1)])
    assert cell(model, 0, Column.IDENTITY, Qt.ItemDataRole.ForegroundRole) is None
    model.set_stale(True, "Data from 09:58")
    assert cell(model, 0, Column.IDENTITY, Qt.ItemDataRole.ForegroundRole) is not None
    assert "Data from 09:58" in cell(model, 0, Column.HEALTH, Qt.ItemDataRole.ToolTipRole)


def proxy_over(checks: ModelChecks, model: FleetTableModel) -> FleetFilterProxy:
    proxy = FleetFilterProxy()
    proxy.setSourceModel(model)
    checks.check(proxy)
    return proxy


def identities(proxy: FleetFilterProxy) -> list[str]:
    return [proxy.index(r, Column.IDENTITY).data() for r in range(proxy.rowCount())]


def test_search_matches_identity_reference_model_firmware_error(model_checks: ModelChecks) -> None:
    model = make_model(
        model_checks,
        [charger(1, reference="Car park north"), faulted(2),
         charger(3, firmware_version="2.0.0-beta"), charger(4, model={"vendor": "Zaptec"})],
    )
    proxy = proxy_over(model_checks, model)
    proxy.set_search("north")
    assert identities(proxy) == ["PC-0001"]
    proxy.set_search("groundfail")
    assert identities(proxy) == ["PC-0002"]
    proxy.set_search("2.0.0")
    assert identities(proxy) == ["PC-0003"]
    proxy.set_search("ZAPTEC")
    assert identities(proxy) == ["PC-0004"]
    proxy.set_search("pc-000 car")  # every word must match
    assert identities(proxy) == ["PC-0001"]
    proxy.set_search("")
    assert proxy.rowCount() == 4


def test_health_filter_and_search_combine(model_checks: ModelChecks) -> None:
    model = make_model(model_checks, [charger(1), faulted(2), faulted(3), offline(4)])
    proxy = proxy_over(model_checks, model)
    proxy.set_levels({"FAULT"})
    assert identities(proxy) == ["PC-0002", "PC-0003"]
    proxy.set_search("0003")
    assert identities(proxy) == ["PC-0003"]
    proxy.set_levels(None)
    proxy.set_search("")
    assert proxy.rowCount() == 4


def test_health_sorts_worst_first_and_heartbeat_by_time(model_checks: ModelChecks) -> None:
    model = make_model(model_checks, [charger(1), offline(2), faulted(3), charger(4)])
    proxy = proxy_over(model_checks, model)
    proxy.sort(Column.HEALTH, Qt.SortOrder.AscendingOrder)
    assert [proxy.index(r, Column.HEALTH).data() for r in range(4)] == [
        "Fault", "Offline", "OK", "OK"
    ]
    proxy.sort(Column.HEARTBEAT, Qt.SortOrder.DescendingOrder)  # most recent first
    assert identities(proxy) == ["PC-0001", "PC-0002", "PC-0003", "PC-0004"]
    assert isinstance(model.index(0, Column.HEARTBEAT).data(SORT_ROLE), float)


def test_sorted_proxy_follows_in_place_update(model_checks: ModelChecks) -> None:
    model = make_model(model_checks, [charger(1), charger(2), charger(3)])
    proxy = proxy_over(model_checks, model)
    proxy.sort(Column.HEALTH, Qt.SortOrder.AscendingOrder)
    model.set_chargers([charger(1), charger(2), faulted(3)])
    assert identities(proxy)[0] == "PC-0003"  # dynamic sort moved the faulted one up


def test_invalid_indexes_give_nothing(model_checks: ModelChecks) -> None:
    model = make_model(model_checks, [charger(1)])
    assert model.data(QModelIndex()) is None
    assert model.rowCount(model.index(0, 0)) == 0


def test_references_and_identities_sort_naturally(model_checks: ModelChecks) -> None:
    references = ["Bay 16", "bay 2", "Café Lot – Bay 3", "Bay 10", "Cafe Lot – Bay 20"]
    chargers = [charger(n + 1, reference=text, identity=f"PC-{text}")
                for n, text in enumerate(references)]  # fmt: skip
    model = make_model(model_checks, chargers)
    proxy = proxy_over(model_checks, model)
    proxy.sort(Column.REFERENCE, Qt.SortOrder.AscendingOrder)
    shown = [proxy.index(r, Column.REFERENCE).data() for r in range(proxy.rowCount())]
    assert shown == ["bay 2", "Bay 10", "Bay 16", "Café Lot – Bay 3", "Cafe Lot – Bay 20"]
    proxy.sort(Column.IDENTITY, Qt.SortOrder.AscendingOrder)
    assert identities(proxy)[:3] == ["PC-bay 2", "PC-Bay 10", "PC-Bay 16"]
    assert fmt.natural_key("Bay 2") < fmt.natural_key("Bay 16") < fmt.natural_key("bay 100")
    assert fmt.natural_key("Café 7") == fmt.natural_key("CAFE 7") == "cafe 000000000007"


def test_counts_use_thousands_separators_everywhere(qtbot: Any) -> None:
    from plugdesk.ui.fleet_view import FleetView

    model = FleetTableModel(clock=lambda: NOW)
    model.set_chargers([charger(n, last_heartbeat_at=NOW) for n in range(1, 1201)])
    view = FleetView(model)
    qtbot.addWidget(view)
    assert view.filter_buttons["ALL"].text() == "All 1,200"
    assert view.filter_buttons["OK"].text() == "OK 1,200"
    assert view.count_label.text() == "1,200 chargers"
    assert view.summary() == "OK 1,200"


# -- change-proportional refresh ---------------------------------------------------------------


def counting_judge(judged: list[str]) -> Any:
    from plugdesk.services.judgement import judge

    def health(charger_: Any, now: Any) -> Any:
        judged.append(charger_.identity)
        return judge(charger_, now)

    return health


def test_only_changed_rows_are_judged_and_signalled(model_checks: ModelChecks) -> None:
    judged: list[str] = []
    model = FleetTableModel(clock=lambda: NOW, health=counting_judge(judged))
    model_checks.check(model)
    model.set_chargers([charger(n) for n in range(1, 21)])
    signals: list[tuple[str, int, int]] = []
    model.dataChanged.connect(lambda a, b, _roles=(): signals.append(("changed", a.row(), b.row())))
    model.rowsInserted.connect(lambda _p, first, last: signals.append(("inserted", first, last)))
    model.rowsRemoved.connect(lambda _p, first, last: signals.append(("removed", first, last)))
    model.layoutChanged.connect(lambda *_: signals.append(("layout", 0, 0)))
    judged.clear()
    # A later refresh: every record decoded again (new, equal objects); chargers 4, 5
    # and 16 changed, 20 is gone, 21 and 22 are new.
    changed = {4: faulted(4), 5: offline(5), 16: charger(16, status="Charging")}
    fleet = [changed.get(n) or charger(n) for n in range(1, 20)] + [charger(21), charger(22)]

    model.set_chargers(fleet)

    assert sorted(judged) == ["PC-0004", "PC-0005", "PC-0016", "PC-0021", "PC-0022"]
    assert signals == [
        ("removed", 19, 19),  # PC-0020, the last row
        ("changed", 3, 4),  # one range for the neighbours PC-0004 and PC-0005
        ("changed", 15, 15),
        ("inserted", 19, 20),  # both new rows in one range, at the end
    ]
    assert cell(model, 3, Column.HEALTH) == "Fault"
    assert model.row(0).charger is fleet[0]  # the kept row holds this refresh's reading


def test_a_sorted_refresh_moves_only_rows_whose_key_changed(model_checks: ModelChecks) -> None:
    model = make_model(model_checks, [charger(n) for n in range(1, 11)])
    model.sort(Column.HEALTH)
    layouts: list[bool] = []
    model.layoutChanged.connect(lambda *_: layouts.append(True))
    model.set_chargers([charger(n, status="Charging" if n == 7 else "Available")
                        for n in range(1, 11)])  # fmt: skip
    assert layouts == []  # PC-0007 still OK: its place holds
    model.set_chargers([faulted(7) if n == 7 else charger(n) for n in range(1, 11)])
    assert layouts == [True]
    assert cell(model, 0, Column.IDENTITY) == "PC-0007"  # worst first


def test_many_scattered_changes_are_one_range(model_checks: ModelChecks) -> None:
    model = make_model(model_checks, [charger(n) for n in range(1, 201)])
    ranges: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda a, b, _roles=(): ranges.append((a.row(), b.row())))
    model.set_chargers([faulted(n) if n % 2 else charger(n) for n in range(1, 201)])
    assert ranges == [(0, 198)]  # 100 runs: one dataChanged over them, not 100


# -- filtering in the proxy --------------------------------------------------------------------


def sited(n: int, site: str, **fields: Any) -> Any:
    return charger(n, site={"uuid": f"site-{site}", "name": f"Site {site}"}, **fields)


def test_filtering_keeps_the_model_valid_through_every_change(qtmodeltester: Any) -> None:
    model = FleetTableModel(clock=lambda: NOW)
    model.set_chargers([sited(n, "a" if n % 2 else "b") for n in range(1, 9)] + [faulted(9)])
    proxy = FleetFilterProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy, force_py=True)  # re-checked after every change below
    proxy.set_search("pc-000")
    assert proxy.rowCount() == 9
    proxy.set_site("site-a")
    assert identities(proxy) == ["PC-0001", "PC-0003", "PC-0005", "PC-0007"]
    selected = QPersistentModelIndex(proxy.index(1, Column.IDENTITY))  # PC-0003
    proxy.set_search("pc-000 bay 5")  # narrows: PC-0003 hidden
    assert identities(proxy) == ["PC-0005"]
    assert not selected.isValid()
    kept = QPersistentModelIndex(proxy.index(0, Column.IDENTITY))
    # The source changes under the filter: a row changes into it, a new one joins it.
    fleet = [sited(n, "a" if n % 2 else "b", reference="Bay 5" if n == 1 else f"Bay {n}")
             for n in range(1, 9)]  # fmt: skip
    model.set_chargers([*fleet, sited(0, "a", reference="Bay 55")])
    assert identities(proxy) == ["PC-0001", "PC-0005", "PC-0000"]
    assert kept.data() == "PC-0005"
    model.sort(Column.IDENTITY, Qt.SortOrder.DescendingOrder)
    assert identities(proxy) == ["PC-0005", "PC-0001", "PC-0000"]
    assert kept.data() == "PC-0005" and kept.row() == 0
    proxy.set_levels({"FAULT"})
    assert proxy.rowCount() == 0
    proxy.set_levels(None)
    proxy.set_site(None)
    proxy.set_search("")
    assert proxy.rowCount() == model.rowCount() == 9
    source_row = model.row_of(charger(5).uuid)
    assert source_row is not None
    mapped = proxy.mapFromSource(model.index(source_row, 2))
    assert mapped.data() == cell(model, source_row, Column.HEALTH)
    assert proxy.mapToSource(mapped).row() == source_row


def test_the_view_follows_a_filter_change(qtbot: Any) -> None:
    from plugdesk.ui.fleet_view import FleetView

    model = FleetTableModel(clock=lambda: NOW)
    view = FleetView(model)
    qtbot.addWidget(view)
    model.set_chargers([charger(n) for n in range(1, 301)])
    view.search.setText("pc-01")
    assert view.proxy.rowCount() == 100
    assert view.table.verticalHeader().count() == 100  # the view took the new row count
    assert view.count_label.text() == "100 of 300 shown"
    view.search.setText("")
    assert view.table.verticalHeader().count() == 300


def test_a_cell_without_an_icon_shows_none_after_one_with_an_icon(qtbot: Any) -> None:
    """Views hand the same role span from cell to cell: a role this cell has no value for
    must come back empty, not with the previous cell's icon or bold font (seen: every
    Identity cell showed the icon of the row before)."""
    from plugdesk.ui.fleet_view import FleetView

    model = FleetTableModel(clock=lambda: NOW)
    view = FleetView(model)
    qtbot.addWidget(view)
    model.set_chargers([faulted(1), charger(2)])
    proxy = view.proxy
    decoration = QModelRoleData(Qt.ItemDataRole.DecorationRole)
    span = QModelRoleDataSpan(decoration)
    proxy.multiData(proxy.index(0, Column.HEALTH), span)
    assert decoration.data() is not None  # the health icon
    proxy.multiData(proxy.index(1, Column.IDENTITY), span)
    assert decoration.data() is None
    assert proxy.index(1, Column.IDENTITY).data(Qt.ItemDataRole.DecorationRole) is None


# -- slices ------------------------------------------------------------------------------------


def test_a_big_sort_works_its_keys_out_in_slices(
    model_checks: ModelChecks, run: Any, monkeypatch: Any
) -> None:
    import asyncio

    from plugdesk.tasks import TaskRunner
    from plugdesk.ui import fleet_model

    monkeypatch.setattr(fleet_model, "SLICE_SECONDS", 0.0)  # yield after every chunk
    monkeypatch.setattr(fleet_model, "SORT_RUN", 7)  # then sorted in runs, merged in pairs
    model = make_model(model_checks, [charger(n, reference=f"Bay {9999 - n}")
                                      for n in range(1, 1001)])  # fmt: skip
    model.set_runner(TaskRunner())
    events: list[str] = []
    keyed = fleet_model.FleetRow.keyed

    def noting_keyed(row: Any, column: int) -> None:
        if column == Column.REFERENCE and row.key_column != column:
            events.append("key")
        keyed(row, column)

    monkeypatch.setattr(fleet_model.FleetRow, "keyed", noting_keyed)

    async def sort_while_ticking() -> None:
        running = True

        async def ticker() -> None:
            while running:
                events.append("tick")
                await asyncio.sleep(0)

        ticks = asyncio.ensure_future(ticker())
        model.sort(Column.REFERENCE)
        assert cell(model, 0, Column.IDENTITY) == "PC-0001"  # not sorted yet: keys first
        while cell(model, 0, Column.IDENTITY) != "PC-1000":  # noqa: ASYNC110
            await asyncio.sleep(0)
        running = False
        await ticks

    run(sort_while_ticking())
    assert events.count("key") == 1000
    chunks = "".join("k" if e == "key" else "t" for e in events).split("t")
    keyed_in_turns = [len(c) for c in chunks if c]
    assert max(keyed_in_turns) <= fleet_model.SLICE_CHECK  # the loop ran between slices
    assert len(keyed_in_turns) >= 1000 // fleet_model.SLICE_CHECK
    assert cell(model, 999, Column.IDENTITY) == "PC-0001"
    shown = [cell(model, row, Column.IDENTITY) for row in range(1000)]
    assert shown == [f"PC-{n:04d}" for n in range(1000, 0, -1)]


def test_in_slices_lets_the_loop_run_between_slices(run: Any, monkeypatch: Any) -> None:
    import asyncio

    from plugdesk.ui import fleet_model

    monkeypatch.setattr(fleet_model, "SLICE_SECONDS", 0.0)
    events: list[str] = []

    async def work_while_ticking() -> None:
        done = False

        async def ticker() -> None:
            while not done:
                events.append("tick")
                await asyncio.sleep(0)

        ticks = asyncio.ensure_future(ticker())
        await fleet_model.in_slices(list(range(300)), lambda chunk: events.append(f"{len(chunk)}"))
        done = True
        await ticks

    run(work_while_ticking())
    work = [e for e in events if e != "tick"]
    assert work == ["64", "64", "64", "64", "44"]
    between = events[events.index("64") : events.index("44")]
    assert between.count("tick") >= 4  # a tick after each slice


# -- counts and the index kept as rows change ----------------------------------------------


def _site(n: int) -> dict[str, str]:
    return {"uuid": f"site-{n}", "name": f"Site {n}"}


def test_level_and_site_counts_follow_every_change(model_checks: ModelChecks) -> None:
    """The counts are kept as rows come, change and go (not counted again per update):
    after each kind of change they equal a count made from the rows themselves."""
    from collections import Counter

    model = make_model(model_checks, [charger(n, site=_site(n % 3)) for n in range(1, 31)])

    def recounted() -> tuple[Counter[str], dict[str, tuple[str, int]]]:
        rows = model.rows()
        sites = Counter(row.site for row in rows if row.site is not None)
        return (Counter(row.level_key for row in rows),
                {uuid: (f"Site {uuid[-1]}", n) for uuid, n in sites.items()})  # fmt: skip

    assert (model.health_counts(), model.site_counts()) == recounted()
    assert model.health_counts() == Counter({"OK": 30})
    # changed levels and a move between sites, a removal, an addition
    changed = [faulted(1), offline(2), charger(3, site=_site(1))]
    kept = [charger(n, site=_site(n % 3)) for n in range(4, 30)]
    model.set_chargers([*changed, *kept, charger(40, site=_site(2))])
    assert (model.health_counts(), model.site_counts()) == recounted()
    assert model.health_counts()["FAULT"] == 1
    assert model.health_counts()["OFFLINE"] == 1
    assert model.site_counts()["site-1"][1] == 10  # 4, 7, ... 28 and now 3 (1 has none)
    model.clear()
    assert model.health_counts() == Counter()
    assert model.site_counts() == {}


def test_after_a_reorder_the_index_is_built_in_slices_and_answers_meanwhile(
    model_checks: ModelChecks, run: Any, monkeypatch: Any
) -> None:
    """A sort leaves the uuid -> position index to be built a slice per turn; a lookup
    before it is done still answers right, and so does every lookup after."""
    import asyncio

    from plugdesk.ui import fleet_model

    monkeypatch.setattr(fleet_model, "INDEX_SLICE", 7)
    model = make_model(model_checks, [charger(n, reference=f"Bay {99 - n}")
                                      for n in range(1, 51)])  # fmt: skip
    slices: list[int] = []
    index_a_slice = fleet_model.FleetTableModel._index_a_slice

    def noting(self: Any, build: dict[str, int], start: int) -> None:
        slices.append(start)
        index_a_slice(self, build, start)

    monkeypatch.setattr(fleet_model.FleetTableModel, "_index_a_slice", noting)

    async def sort_then_look() -> None:
        model.sort(Column.REFERENCE)
        assert model.row_of(charger(50).uuid) == 0  # asked at once: built there and then
        model.sort(Column.IDENTITY)
        assert model._index is None  # left for later turns
        deadline = asyncio.get_running_loop().time() + 5
        while model._index is None and asyncio.get_running_loop().time() < deadline:  # noqa: ASYNC110
            await asyncio.sleep(0.005)

    run(sort_then_look())
    assert slices[-8:] == list(range(0, 50, 7))  # the second build, seven rows a turn
    assert [model.row_of(charger(n).uuid) for n in range(1, 51)] == list(range(50))


def test_a_big_update_of_a_short_list_is_taken_in_one_turn(
    model_checks: ModelChecks, run: Any, monkeypatch: Any
) -> None:
    """Up to STAGE_FROM_ROWS rows, new rows past SLICE_FROM are inserted, sorted in and
    counted in the turn of the update: staging them would repaint the list each turn."""
    from plugdesk.ui import fleet_model

    monkeypatch.setattr(fleet_model, "SLICE_FROM", 10)
    monkeypatch.setattr(fleet_model, "STAGE_FROM_ROWS", 100)
    model = make_model(model_checks, [charger(n) for n in range(1, 6)])
    model.sort(Column.IDENTITY, Qt.SortOrder.DescendingOrder)
    inserted: list[int] = []
    settled: list[int] = []
    model.rowsInserted.connect(lambda _parent, first, last: inserted.append(last - first + 1))
    model.rows_settled.connect(lambda: settled.append(model.rowCount()))

    async def update() -> None:
        model.set_chargers([charger(n) for n in range(1, 61)])
        assert inserted == [55] and settled == [60]  # in this turn, not a later one
        shown = [cell(model, row, Column.IDENTITY) for row in range(60)]
        assert shown == [f"PC-{n:04d}" for n in range(60, 0, -1)]

    run(update())


def test_a_big_update_inserts_its_new_rows_a_slice_per_turn_then_sorts_them_in(
    model_checks: ModelChecks, run: Any, monkeypatch: Any
) -> None:
    """New rows past SLICE_FROM go in APPEND_SLICE at a time, one turn each, then are
    merged into the sort order; an update arriving meanwhile inserts the rest first and
    nothing is shown twice."""
    import asyncio

    from plugdesk.ui import fleet_model

    monkeypatch.setattr(fleet_model, "SLICE_FROM", 10)
    monkeypatch.setattr(fleet_model, "APPEND_SLICE", 15)
    monkeypatch.setattr(fleet_model, "STAGE_FROM_ROWS", 20)
    model = make_model(model_checks, [charger(n) for n in range(1, 6)])
    model.sort(Column.IDENTITY, Qt.SortOrder.DescendingOrder)
    inserted: list[int] = []
    model.rowsInserted.connect(lambda _parent, first, last: inserted.append(last - first + 1))
    everyone = [charger(n) for n in range(1, 61)]

    async def update_twice() -> None:
        model.set_chargers(everyone)
        assert inserted == []  # none in the turn of the update itself
        while len(inserted) < 2:  # noqa: ASYNC110
            await asyncio.sleep(0.002)
        model.set_chargers([*everyone, charger(61)])  # 25 rows still waiting
        deadline = asyncio.get_running_loop().time() + 5
        while asyncio.get_running_loop().time() < deadline:
            await asyncio.sleep(0.002)
            if cell(model, 0, Column.IDENTITY) == "PC-0061":
                break

    run(update_twice())
    assert inserted[:2] == [15, 15]  # a slice per turn
    assert sum(inserted) == 56 and model.rowCount() == 61
    shown = [cell(model, row, Column.IDENTITY) for row in range(61)]
    assert shown == [f"PC-{n:04d}" for n in range(61, 0, -1)]
