"""FleetMonitor: keeps the charger list fresh by polling `GET /chargers` on an interval.

One refresh at a time (a tick or F5 while one runs is dropped: the running one brings the
news). A failed refresh keeps the last good list and says the data is stale; a 401 stops
polling altogether until `resume()` (after sign-in), so a revoked token does not burn the
request budget.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime
from enum import StrEnum

from PySide6.QtCore import QObject, QTimer, Signal

from plugdesk.api.client import PlugchoiceClient
from plugdesk.api.errors import AuthError, NetworkError, PlugchoiceError
from plugdesk.api.models import Charger
from plugdesk.asyncutil import TaskRunner

log = logging.getLogger(__name__)

DEFAULT_INTERVAL = 30.0
MIN_INTERVAL = 5.0
REFRESH_TASK = "fleet-refresh"
AUTH_MESSAGE = "Token rejected — sign in again"


class ConnectionState(StrEnum):
    OK = "ok"  # the last refresh worked
    STALE = "stale"  # the server answered with an error: showing older data
    OFFLINE = "offline"  # the server could not be reached: showing older data
    AUTH = "auth"  # the token was rejected: polling paused until resume()


def utc_now() -> datetime:
    return datetime.now(UTC)


class FleetMonitor(QObject):
    """Polls the fleet; the UI listens to its signals and never calls the API itself."""

    fleet_updated = Signal(list)  # list[Charger]: the complete fleet after a good refresh
    fleet_progress = Signal(list)  # list[Charger] so far, page by page, on the first load only
    refresh_started = Signal()
    # The connection state after the refresh ("ok" when it worked). Not a bool on purpose:
    # PySide6 6.12 on Python 3.11 drops a reference to True/False on every emission of a
    # Python bool through a signal, which crashes the interpreter after a few thousand.
    refresh_finished = Signal(str)
    refresh_failed = Signal(str)  # a sentence for the user
    connection_state_changed = Signal(str)  # a ConnectionState value
    auth_failed = Signal()

    def __init__(
        self,
        client: PlugchoiceClient,
        runner: TaskRunner,
        *,
        interval: float = DEFAULT_INTERVAL,
        clock: Callable[[], datetime] = utc_now,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._client = client
        self._runner = runner
        self._clock = clock
        self._chargers: list[Charger] = []
        self._last_success: datetime | None = None
        self._last_error: str | None = None
        self._state = ConnectionState.OK
        self._paused_for_auth = False
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.refresh_now)
        self.set_interval(interval)

    # -- what the UI reads -----------------------------------------------------------------

    @property
    def chargers(self) -> list[Charger]:
        """The last good fleet (possibly stale: see `state`)."""
        return list(self._chargers)

    @property
    def last_success(self) -> datetime | None:
        return self._last_success

    @property
    def last_error(self) -> str | None:
        return self._last_error

    @property
    def state(self) -> str:
        return self._state.value

    @property
    def is_stale(self) -> bool:
        return self._state is not ConnectionState.OK

    @property
    def interval(self) -> float:
        return self._timer.interval() / 1000.0

    @property
    def is_polling(self) -> bool:
        return self._timer.isActive()

    @property
    def is_refreshing(self) -> bool:
        return self._runner.is_running(REFRESH_TASK)

    # -- control ---------------------------------------------------------------------------

    def set_client(self, client: PlugchoiceClient) -> None:
        """Another API URL (account switch): the old fleet belongs to the old account."""
        self._client = client
        self._chargers = []
        self._last_success = None
        self._last_error = None

    def set_interval(self, seconds: float) -> None:
        """Seconds between refreshes (at least 5: the API allows 500 requests a minute and
        a large fleet takes one request per 25 chargers)."""
        self._timer.setInterval(round(max(MIN_INTERVAL, seconds) * 1000))

    def start(self) -> None:
        """Refresh now and then every `interval` seconds (unless paused by a 401)."""
        if self._paused_for_auth:
            return
        self._timer.start()
        self.refresh_now()

    def stop(self) -> None:
        self._timer.stop()

    def resume(self) -> None:
        """After a new sign-in: poll again."""
        self._paused_for_auth = False
        self.start()

    def refresh_now(self) -> bool:
        """Start a refresh unless one is running (or a 401 paused polling). True if started."""
        if self._paused_for_auth or self.is_refreshing:
            return False
        self._runner.start(self.refresh(), REFRESH_TASK, replace=False)
        return True

    def report_auth_failure(self) -> None:
        """Another service got a 401: the token is dead for every call, pause polling."""
        self._fail_auth()

    # -- the refresh itself ----------------------------------------------------------------

    async def refresh(self) -> bool:
        """Fetch every page of the fleet; True when the fleet was replaced."""
        self.refresh_started.emit()
        first_load = self._last_success is None
        fetched: list[Charger] = []
        try:
            async for page in self._client.iter_charger_pages():
                fetched.extend(page)
                if first_load:
                    # Show the first pages while the rest load (a 5,000-charger fleet
                    # takes 200 requests); later refreshes replace the list in one go.
                    self.fleet_progress.emit(list(fetched))
        except AuthError:
            self._fail_auth()
            self.refresh_finished.emit(self.state)
            return False
        except PlugchoiceError as error:
            self._fail(error, partial=fetched if first_load else None)
            self.refresh_finished.emit(self.state)
            return False
        self._chargers = fetched
        self._last_success = self._clock()
        self._last_error = None
        self._set_state(ConnectionState.OK)
        self.fleet_updated.emit(list(fetched))
        self.refresh_finished.emit(self.state)
        return True

    def _fail(self, error: PlugchoiceError, partial: list[Charger] | None) -> None:
        message = str(error)
        log.warning("fleet refresh failed: %s", message)
        if partial and not self._chargers:
            self._chargers = partial  # better than nothing, and it is marked stale
        self._last_error = message
        offline = isinstance(error, NetworkError)
        self._set_state(ConnectionState.OFFLINE if offline else ConnectionState.STALE)
        self.refresh_failed.emit(message)

    def _fail_auth(self) -> None:
        log.warning("the API rejected the token; polling paused until sign-in")
        self._paused_for_auth = True
        self._timer.stop()
        self._last_error = AUTH_MESSAGE
        self._set_state(ConnectionState.AUTH)
        self.refresh_failed.emit(AUTH_MESSAGE)
        self.auth_failed.emit()

    def _set_state(self, state: ConnectionState) -> None:
        if state is self._state:
            return
        self._state = state
        self.connection_state_changed.emit(state.value)
