"""The Notifier's delivery chain: native (a real freedesktop server on a private session
bus, through desktop-notifier) -> tray -> in-app, quiet alerts, order and bookkeeping."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from plugdesk.domain.incidents import Alert
from plugdesk.services.notifier import NativeChannel, Note, Notifier
from plugdesk.services.qtasync import SignalWaiter
from plugdesk.tasks import TaskRunner
from tests.support.notifications import NotificationServer, start_server

FAULT = Alert(
    kind="opened",
    incident_ids=(7,),
    title="PC-001 faulted",
    body="GroundFailure (ground fault detected)",
    urgency="critical",
    charger_uuid="uuid-pc-001",
    incident_kind="fault",
)
OFFLINE = Alert(
    kind="opened",
    incident_ids=(8,),
    title="PC-002 is offline",
    body="Offline for 5 min",
    urgency="normal",
    charger_uuid="uuid-pc-002",
    incident_kind="offline",
)
SUMMARY = Alert(
    kind="summary",
    incident_ids=(9, 10, 11),
    title="3 chargers faulted",
    body="PC-003, PC-004, PC-005",
    urgency="critical",
    charger_uuid=None,
    summary_of="opened",
)
QUIET = Alert(
    kind="opened",
    incident_ids=(12,),
    title="PC-006 faulted",
    body="HighTemperature",
    urgency="critical",
    charger_uuid="uuid-pc-006",
    silent=True,
    suppressed_by="Quiet hours",
)


class FakeChannel:
    """A tray or toast stand-in that records what it showed."""

    def __init__(self, name: str, works: bool = True) -> None:
        self.name = name
        self.works = works
        self.shown: list[Note] = []

    def available(self) -> bool:
        return True

    async def deliver(self, note: Note) -> bool:
        if self.works:
            self.shown.append(note)
        return self.works


@pytest.fixture
def runner() -> TaskRunner:
    errors: list[BaseException] = []
    return TaskRunner(on_error=errors.append)


@pytest.fixture
def natives(run: Any) -> Iterator[Callable[..., NativeChannel]]:
    """NativeChannel factory; every channel's D-Bus connection is closed afterwards (a
    socket watcher left behind on the test's closed loop would crash a later test)."""
    made: list[NativeChannel] = []

    def make(**options: Any) -> NativeChannel:
        made.append(NativeChannel(**options))
        return made[-1]

    yield make
    for channel in made:
        run(channel.aclose())


@pytest.fixture
def server(session_bus: str, run: Any) -> Iterator[NotificationServer]:
    bus, server = run(start_server())
    yield server
    bus.disconnect()
    run(bus.wait_for_disconnect())


def delivered_log(notifier: Notifier) -> list[tuple[Alert, str]]:
    seen: list[tuple[Alert, str]] = []
    notifier.delivered.connect(lambda alert, channel: seen.append((alert, channel)))
    return seen


def test_native_notification_is_critical_with_an_open_button(
    server: NotificationServer, runner: TaskRunner, run: Any,
    natives: Any,
) -> None:
    tray = FakeChannel("tray")
    notifier = Notifier(runner, [natives(), tray])
    seen = delivered_log(notifier)

    async def scenario() -> str:
        channel = await notifier.deliver(FAULT)
        (received,) = server.received
        opened = SignalWaiter(notifier.open_charger)
        server.click(received, "Open")  # the user presses "Open" in the notification
        (uuid,) = await opened.wait(10)
        return f"{channel}:{uuid}"

    assert run(scenario(), timeout=20) == "native:uuid-pc-001"
    (received,) = server.received
    assert received.app_name == "PlugDesk"
    assert received.summary == "PC-001 faulted"
    assert received.body == "GroundFailure (ground fault detected)"
    assert received.urgency == 2  # critical
    assert "Open" in received.action_keys()
    assert received.replaces_id == 0  # the uint32 desktop-notifier marshals for us
    assert seen == [(FAULT, "native")] and tray.shown == []


def test_clicking_the_body_opens_too_and_a_summary_opens_the_events(
    server: NotificationServer, runner: TaskRunner, run: Any,
    natives: Any,
) -> None:
    notifier = Notifier(runner, [natives()])

    async def scenario() -> list[str]:
        opened: list[str] = []
        notifier.open_charger.connect(opened.append)
        await notifier.deliver(OFFLINE)
        await notifier.deliver(SUMMARY)
        offline, summary = server.received
        waiter = SignalWaiter(notifier.open_charger)
        server.ActionInvoked(offline.id, "default")  # a click on the notification itself
        await waiter.wait(10)
        waiter = SignalWaiter(notifier.open_charger)
        server.click(summary, "Open")
        await waiter.wait(10)
        return opened

    assert run(scenario(), timeout=20) == ["uuid-pc-002", ""]
    assert [r.urgency for r in server.received] == [1, 2]


def test_a_body_that_looks_like_html_reaches_the_daemon_escaped(
    server: NotificationServer, runner: TaskRunner, run: Any, natives: Any
) -> None:
    # The daemon may render markup in a body (not in a summary): a charger's words stay text.
    looks_like_html = Alert(
        kind="opened",
        incident_ids=(13,),
        title="<b>Gate</b> & Co faulted",
        body="<i>GroundFailure</i> at <a href='x'>Gate & Co</a>",
        urgency="critical",
        charger_uuid="uuid-pc-007",
        incident_kind="fault",
    )
    notifier = Notifier(runner, [natives()])
    assert run(notifier.deliver(looks_like_html), timeout=20) == "native"
    (received,) = server.received
    assert received.summary == "<b>Gate</b> & Co faulted"
    assert received.body == (
        "&lt;i&gt;GroundFailure&lt;/i&gt; at &lt;a href='x'&gt;Gate &amp; Co&lt;/a&gt;"
    )


def test_no_notification_service_falls_back_to_the_tray(
    session_bus: str, runner: TaskRunner, run: Any,
    natives: Any,
) -> None:
    """A session bus with nobody owning org.freedesktop.Notifications (plain X session)."""
    native = natives()
    tray = FakeChannel("tray")
    notifier = Notifier(runner, [native, tray])
    seen = delivered_log(notifier)
    assert run(notifier.deliver(FAULT), timeout=20) == "tray"
    assert native.last_error and not native.available()  # rests: no D-Bus trip per alert
    assert run(notifier.deliver(OFFLINE), timeout=20) == "tray"
    assert [n.alert for n in tray.shown] == [FAULT, OFFLINE]
    assert seen == [(FAULT, "tray"), (OFFLINE, "tray")]


def test_no_bus_at_all_and_no_tray_gives_the_in_app_toast(
    monkeypatch: pytest.MonkeyPatch, runner: TaskRunner, run: Any, tmp_path: Any,
    natives: Any,
) -> None:
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={tmp_path}/no-bus")
    toast = FakeChannel("toast")
    notifier = Notifier(runner, [natives(), toast])
    assert run(notifier.deliver(FAULT), timeout=20) == "toast"
    assert [n.alert for n in toast.shown] == [FAULT]


def test_native_is_tried_again_after_its_rest(
    session_bus: str, runner: TaskRunner, run: Any,
    natives: Any,
) -> None:
    """A notification daemon that starts after PlugDesk is used once the rest is over."""
    now = [0.0]
    native = natives(retry_after=60, clock=lambda: now[0])
    tray = FakeChannel("tray")
    notifier = Notifier(runner, [native, tray])
    assert run(notifier.deliver(FAULT), timeout=20) == "tray"
    bus, server = run(start_server())
    try:
        assert run(notifier.deliver(OFFLINE), timeout=20) == "tray"  # still resting
        now[0] = 61
        assert run(notifier.deliver(SUMMARY), timeout=20) == "native"
        assert [r.summary for r in server.received] == ["3 chargers faulted"]
    finally:
        bus.disconnect()
        run(bus.wait_for_disconnect())


def test_quiet_alerts_never_pop_up_but_are_listed_and_count_as_delivered(
    server: NotificationServer, runner: TaskRunner, run: Any,
    natives: Any,
) -> None:
    quiet_notes: list[Note] = []
    tray = FakeChannel("tray")
    notifier = Notifier(runner, [natives(), tray], quiet=quiet_notes.append)
    seen = delivered_log(notifier)
    assert run(notifier.deliver(QUIET), timeout=20) == "quiet"
    assert server.received == [] and tray.shown == []
    assert [n.alert for n in quiet_notes] == [QUIET]
    assert seen == [(QUIET, "quiet")]


@pytest.mark.log_warnings("a channel fails on purpose; the notifier logs it")
def test_every_channel_failing_is_reported_not_marked(runner: TaskRunner, run: Any) -> None:
    broken = FakeChannel("tray", works=False)
    notifier = Notifier(runner, [broken])
    seen = delivered_log(notifier)
    lost: list[Alert] = []
    notifier.undelivered.connect(lost.append)
    assert run(notifier.deliver(FAULT)) == ""
    assert seen == [] and lost == [FAULT]


@pytest.mark.log_warnings("a channel fails on purpose; the notifier logs it")
def test_a_crashing_channel_does_not_stop_the_chain(runner: TaskRunner, run: Any) -> None:
    class Crashing(FakeChannel):
        async def deliver(self, note: Note) -> bool:
            raise RuntimeError("tray gone")

    toast = FakeChannel("toast")
    notifier = Notifier(runner, [Crashing("tray"), toast])
    assert run(notifier.deliver(FAULT)) == "toast"


def test_alerts_are_shown_one_at_a_time_in_order(runner: TaskRunner, run: Any) -> None:
    class Slow(FakeChannel):
        async def deliver(self, note: Note) -> bool:
            await asyncio.sleep(0.05 if note.alert is FAULT else 0)
            return await super().deliver(note)

    slow = Slow("tray")
    notifier = Notifier(runner, [slow])
    seen = delivered_log(notifier)

    async def scenario() -> None:
        done = SignalWaiter(notifier.delivered, lambda alert, _c: alert is SUMMARY)
        notifier.notify([FAULT])
        notifier.notify([OFFLINE, SUMMARY])
        await done.wait(10)

    run(scenario())
    assert [alert for alert, _ in seen] == [FAULT, OFFLINE, SUMMARY]


@pytest.mark.log_warnings("a channel fails on purpose; the notifier logs it")
def test_a_detail_line_is_added_and_a_broken_one_costs_nothing(
    runner: TaskRunner, run: Any
) -> None:
    tray = FakeChannel("tray")
    notifier = Notifier(
        runner, [tray], detail=lambda a: "Charger PC-001-ID" if a is FAULT else None
    )
    run(notifier.deliver(FAULT))
    run(notifier.deliver(OFFLINE))
    assert [n.body for n in tray.shown] == [
        "GroundFailure (ground fault detected)\nCharger PC-001-ID",
        "Offline for 5 min",
    ]

    def broken(_alert: Alert) -> str:
        raise RuntimeError("store closed")

    notifier = Notifier(runner, [tray], detail=broken)
    assert run(notifier.deliver(FAULT)) == "tray"
    assert tray.shown[-1].body == FAULT.body
