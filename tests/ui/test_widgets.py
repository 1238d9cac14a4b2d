"""Badges, detail pane, status bar and banner with hand-made rows (no server)."""

from __future__ import annotations

from datetime import timedelta
from itertools import combinations
from typing import Any

import msgspec
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QLabel

from plugdesk.api.models import PowerUsage
from plugdesk.domain.health import Health, charger_health
from plugdesk.ui.badges import STYLES, badge_pixmap
from plugdesk.ui.detail_pane import ConnectorColumn, DetailPane
from plugdesk.ui.status_bar import AppStatusBar, ConnectionBanner
from tests.support.harness import ModelChecks
from tests.support.rows import NOW, charger, connector, faulted


def test_every_level_has_its_own_shape_even_in_greyscale(qapp: Any) -> None:
    assert {level.name for level in Health} <= set(STYLES)
    images = {}
    for level in Health:
        image = badge_pixmap.__wrapped__(level.name, 24, 1.0).toImage()
        grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
        # Shapes, not just colours: compare where the badge is painted (alpha) ...
        alpha = bytes(image.convertToFormat(QImage.Format.Format_Alpha8).constBits())
        images[level.name] = (alpha, bytes(grey.constBits()))
    for (a, (alpha_a, grey_a)), (b, (alpha_b, grey_b)) in combinations(images.items(), 2):
        assert grey_a != grey_b, f"{a} and {b} look alike without colour"
        assert alpha_a != alpha_b or a == b, f"{a} and {b} have the same outline"


def test_detail_pane_makes_its_charger_page_when_first_needed(qtbot: Any) -> None:
    pane = DetailPane(clock=lambda: NOW)
    qtbot.addWidget(pane)
    stack = pane.placeholder.parentWidget()
    assert stack is not None and len(stack.findChildren(QLabel)) == 1  # the prompt alone
    pane.set_stale(True)  # before the page: kept for it
    pane.show_placeholder("Nothing selected")
    assert len(stack.findChildren(QLabel)) == 1
    changed: list[int] = []
    pane.tab_changed.connect(changed.append)
    listed = faulted(7)
    pane.show_charger(listed, charger_health(listed, NOW), stale=True)
    assert pane.title.text() == "PC-0007" and pane.values["error"].text() == "GroundFailure"
    assert pane.stale_label.text() == "not current — last refresh failed"
    assert pane.tabs.count() == 1 and pane.tabs.tabText(0) == "Details"
    pane.add_tab(QLabel("more"), "More")
    pane.tabs.setCurrentIndex(1)
    assert changed == [1]  # the page's tab changes reach the window


def test_detail_pane_parts_asked_for_first_make_the_page(qtbot: Any) -> None:
    pane = DetailPane(clock=lambda: NOW)
    qtbot.addWidget(pane)
    index = pane.add_tab(QLabel("actions"), "Actions")  # a feature's tab, before a charger
    assert index == 1 and pane.tabs.tabText(1) == "Actions"
    assert pane.connectors_model.rowCount() == 0 and pane.placeholder.isVisibleTo(pane)
    with pytest.raises(AttributeError):
        pane.no_such_part  # noqa: B018 - only the page's parts are made on demand


def test_detail_pane_fills_groups_connectors_and_power(
    qtbot: Any, model_checks: ModelChecks
) -> None:
    pane = DetailPane(clock=lambda: NOW)
    qtbot.addWidget(pane)
    model_checks.check(pane.connectors_model)
    assert pane.placeholder.isVisible() or not pane.isVisible()
    listed = faulted(7)
    pane.show_charger(listed, charger_health(listed, NOW))
    assert pane.title.text() == "PC-0007"
    assert pane.values["error"].text() == "GroundFailure"
    assert pane.values["health"].text().startswith("Fault — ")
    assert pane.values["server"].text() == "—"  # null shows as a dash
    assert pane.values["pro"].text() == "—"
    assert pane.connectors_status.text() == "Loading connectors…"
    assert all("None" not in label.text() for label in pane.values.values())
    assert pane.stale_label.text() == ""
    pane.set_stale(True)  # italic by its font: no rich text (its first use costs start-up)
    assert pane.stale_label.text() == "not current — last refresh failed"
    assert pane.stale_label.font().italic()
    assert pane.stale_label.textFormat() == Qt.TextFormat.PlainText
    pane.set_stale(False)
    assert pane.stale_label.text() == ""

    detail = msgspec.structs.replace(
        listed,
        connectors=[connector(2, status="Faulted", error="GroundFailure"), connector(1)],
        pincode="1234",
    )
    pane.show_detail(detail)
    model = pane.connectors_model
    assert model.rowCount() == 2
    assert model.index(0, ConnectorColumn.CONNECTOR).data() == "1"  # sorted by number
    assert model.index(1, ConnectorColumn.ERROR).data() == "GroundFailure"
    assert model.index(0, ConnectorColumn.POWER_TYPE).data() == "AC 3-phase"
    assert pane.values["pincode"].text() == "Set (hidden)"  # never painted in clear
    pane.set_power(1, PowerUsage(kw=" 7.4", l1="10.0", l2="10.1", l3="-"))
    assert (
        model.index(0, ConnectorColumn.POWER).data()
        == "7.40 kW · L1 10.0 A · L2 10.1 A, time unknown"  # no timestamp: no claim of "now"
    )
    pane.set_power(2, None, error="The charger did not respond")
    assert "unavailable" in model.index(1, ConnectorColumn.POWER).data()


def test_power_reading_shows_its_age_and_is_not_called_live_once_old(qtbot: Any) -> None:
    """The API's power-usage is the last stored sample, possibly hours old."""
    clock = {"now": NOW}
    pane = DetailPane(clock=lambda: clock["now"])
    qtbot.addWidget(pane)
    listed = charger(4)
    pane.show_charger(listed, charger_health(listed, NOW))
    pane.show_detail(msgspec.structs.replace(listed, connectors=[connector(1)]))
    model = pane.connectors_model
    header = model.headerData(ConnectorColumn.POWER, Qt.Orientation.Horizontal)
    assert "live" not in header.lower()

    taken = (NOW - timedelta(seconds=20)).isoformat()
    pane.set_power(1, PowerUsage(timestamp=taken, kw="7.2"))
    cell = model.index(0, ConnectorColumn.POWER)
    assert cell.data() == "7.20 kW, just now"
    assert "Reading taken" in cell.data(Qt.ItemDataRole.ToolTipRole)

    clock["now"] = NOW + timedelta(minutes=3)  # the same sample, minutes later
    with qtbot.waitSignal(model.dataChanged):
        pane.refresh_ages()
    assert model.index(0, ConnectorColumn.POWER).data() == "Last reading 7.20 kW, 3 min ago"

    hours_old = (NOW - timedelta(hours=5)).isoformat()
    pane.set_power(1, PowerUsage(timestamp=hours_old, kw="0.0", l1="0"))
    assert model.index(0, ConnectorColumn.POWER).data() == (
        "Last reading 0.00 kW · L1 0.0 A, 5 h ago"
    )
    clock["now"] = NOW
    pane.set_power(1, PowerUsage(timestamp=(NOW - timedelta(seconds=90)).isoformat(), kw="3"))
    assert model.index(0, ConnectorColumn.POWER).data() == "3.00 kW, 2 min ago"  # within 2 min


def test_copy_buttons_put_identity_and_uuid_on_the_clipboard(qtbot: Any) -> None:
    pane = DetailPane(clock=lambda: NOW)
    qtbot.addWidget(pane)
    item = charger(3)
    pane.show_charger(item, charger_health(item, NOW))
    with qtbot.waitSignal(pane.copied):
        pane.copy_identity.click()
    assert QGuiApplication.clipboard().text() == "PC-0003"
    pane.copy_uuid.click()
    assert QGuiApplication.clipboard().text() == item.uuid


def test_status_bar_texts(qtbot: Any) -> None:
    bar = AppStatusBar(clock=lambda: NOW)
    qtbot.addWidget(bar)
    bar.set_user("Demo")
    bar.set_host("127.0.0.1")
    bar.set_budget_source(lambda: (42, 500))
    bar.set_last_refresh(NOW)
    assert bar.user_label.text() == "Demo"
    assert bar.budget_label.text() == "API 42/500 per min"
    assert bar.refresh_label.text() == "Updated just now"
    bar.set_last_refresh(NOW.replace(hour=9, minute=57))
    assert bar.refresh_label.text() == "Updated 3 min ago"
    bar.set_refreshing(True)
    assert bar.refresh_label.text() == "Refreshing…"


def test_banner_states(qtbot: Any) -> None:
    banner = ConnectionBanner()
    qtbot.addWidget(banner)
    banner.show()
    banner.show_state("ok")
    assert banner.isHidden()
    banner.show_state("auth", "The API rejected the token")
    assert not banner.isHidden()
    assert "Token rejected — sign in again" in banner.text
    assert banner.sign_in_button.isVisibleTo(banner) and not banner.retry_button.isVisibleTo(banner)
    banner.show_state("stale", "Server error 500", NOW)
    assert "marked stale" in banner.text and "Server error 500" in banner.text
    assert banner.retry_button.isVisibleTo(banner)
    with qtbot.waitSignal(banner.retry_requested):
        banner.retry_button.click()
