"""The charger table model and its search/health proxy, with hand-made rows."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

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
