"""A freedesktop notification server on a private session bus, for the Notifier's tests.

It speaks the real `org.freedesktop.Notifications` protocol (dbus-fast service on the
qasync loop), records every Notify call and can emit `ActionInvoked` like a user clicking
a button. The desktop end-to-end test uses the real daemon (dunst) instead.
"""

# No `from __future__ import annotations`: dbus-fast reads the D-Bus signatures from the
# evaluated Annotated types below.

from dataclasses import dataclass, field
from typing import Annotated, Any

from dbus_fast.aio import MessageBus
from dbus_fast.annotations import DBusSignature, DBusStr, DBusUInt32
from dbus_fast.service import ServiceInterface, dbus_method, dbus_signal
from dbus_fast.signature import Variant

BUS_NAME = "org.freedesktop.Notifications"
OBJECT_PATH = "/org/freedesktop/Notifications"

DBusStrList = Annotated[list[str], DBusSignature("as")]
DBusHints = Annotated[dict[str, Variant], DBusSignature("a{sv}")]
DBusInt = Annotated[int, DBusSignature("i")]
ServerInfo = Annotated[tuple[str, str, str, str], DBusSignature("ssss")]
ActionArgs = Annotated[tuple[int, str], DBusSignature("us")]
ClosedArgs = Annotated[tuple[int, int], DBusSignature("uu")]


@dataclass
class Received:
    id: int
    app_name: str
    replaces_id: int
    icon: str
    summary: str
    body: str
    actions: list[str]
    hints: dict[str, Any]
    timeout: int

    @property
    def urgency(self) -> int | None:
        value = self.hints.get("urgency")
        return None if value is None else int(value)

    def action_keys(self) -> dict[str, str]:
        """label -> action key (the list alternates key, label)."""
        return {self.actions[i + 1]: self.actions[i] for i in range(0, len(self.actions), 2)}


@dataclass
class _State:
    received: list[Received] = field(default_factory=list)


class NotificationServer(ServiceInterface):
    def __init__(self) -> None:
        super().__init__(BUS_NAME)
        self.state = _State()
        self._next = 1

    @property
    def received(self) -> list[Received]:
        return self.state.received

    @dbus_method()
    def GetCapabilities(self) -> DBusStrList:
        return ["actions", "body", "body-markup"]

    @dbus_method()
    def GetServerInformation(self) -> ServerInfo:
        return ("plugdesk-test", "PlugDesk tests", "1.0", "1.2")

    @dbus_method()
    def Notify(
        self,
        app_name: DBusStr,
        replaces_id: DBusUInt32,
        app_icon: DBusStr,
        summary: DBusStr,
        body: DBusStr,
        actions: DBusStrList,
        hints: DBusHints,
        expire_timeout: DBusInt,
    ) -> DBusUInt32:
        number = self._next
        self._next += 1
        plain = {key: value.value for key, value in hints.items()}
        self.state.received.append(
            Received(
                number, app_name, replaces_id, app_icon, summary, body, list(actions), plain,
                expire_timeout,
            )
        )
        return number

    @dbus_method()
    def CloseNotification(self, id: DBusUInt32) -> None:
        self.NotificationClosed(id, 3)

    @dbus_signal()
    def ActionInvoked(self, id: DBusUInt32, action_key: DBusStr) -> ActionArgs:
        return (id, action_key)

    @dbus_signal()
    def NotificationClosed(self, id: DBusUInt32, reason: DBusUInt32) -> ClosedArgs:
        return (id, reason)

    def click(self, received: Received, label: str) -> None:
        """The user pressed the button labelled `label` on this notification."""
        self.ActionInvoked(received.id, received.action_keys()[label])


async def start_server() -> tuple[MessageBus, NotificationServer]:
    """Serve on the session bus named by DBUS_SESSION_BUS_ADDRESS (the private one)."""
    bus = await MessageBus().connect()
    server = NotificationServer()
    bus.export(OBJECT_PATH, server)
    await bus.request_name(BUS_NAME)
    return bus, server
