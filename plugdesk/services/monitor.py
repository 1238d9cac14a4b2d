"""FleetMonitor: keeps the charger list fresh by polling `GET /chargers` on an interval.

One refresh at a time (a tick or F5 while one runs is dropped: the running one brings the
news). A failed refresh keeps the last good list and says the data is stale; a 401 stops
polling altogether until `resume()` (after sign-in), so a revoked token does not burn the
request budget.

Large fleets are watched differently (`plugdesk.domain.fleet_pacing`): reading 200 pages
every 30 s would cost 400 of the account's 500 requests a minute. Once the first load
shows more than `burst_pages` pages, the timer ticks every few seconds and each tick
reads the few pages the pacer allows, going round the list (5,000 chargers: the whole
list every ~53 s, 225 requests a minute, a fault seen within a minute). `fleet_updated`
still carries the complete fleet; between two complete sweeps it is sent only when a
page brought news (status, connection, error...), not for heartbeat times alone. F5 is
still one complete refresh.
"""

from __future__ import annotations

import logging
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import replace
from datetime import UTC, datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from plugdesk.api.errors import AuthError, NetworkError, PlugchoiceError, RateLimitedError
from plugdesk.api.models import Charger
from plugdesk.domain.fleet_pacing import REST_OF_SWEEP, FleetPacer, FleetPaceSettings, SweepMerge
from plugdesk.tasks import TaskRunner

if TYPE_CHECKING:
    from plugdesk.api.client import PlugchoiceClient  # the client loads httpx

log = logging.getLogger(__name__)

DEFAULT_INTERVAL = 30.0
MIN_INTERVAL = 5.0
REFRESH_TASK = "fleet-refresh"
READ_AHEAD = 4  # a complete refresh of a long list keeps this many pages in flight
PROGRESS_PAGES = 8  # the charger list's first load shows each of its first pages
PROGRESS_EVERY = 0.4  # then the list so far at most this often (seconds)...
PROGRESS_GROWTH = 2  # ...and once it has doubled since it was last shown
AUTH_MESSAGE = "Token rejected — sign in again"


class ConnectionState(StrEnum):
    OK = "ok"  # the last refresh worked
    STALE = "stale"  # the server answered with an error: showing older data
    OFFLINE = "offline"  # the server could not be reached: showing older data
    AUTH = "auth"  # the token was rejected: polling paused until resume()


def utc_now() -> datetime:
    return datetime.now(UTC)


class LoadProgress:
    """When a first load shows the list read so far: its first page(s) at once, so the
    window has something to show, then a few times a second while the rest comes. Each
    showing makes the window take in the whole list again (compare, count, sort,
    repaint: a frame's work at 5,000 chargers, several at 50,000), so a fast server's load
    is shown twice or three times, not on every page, and a slow one's only once it has
    doubled (the showings of a 50,000-charger load then cost the window the list about
    once more in all, and come six times, not once per page)."""

    def __init__(self, monotonic: Callable[[], float], first_pages: int = 1) -> None:
        self._monotonic = monotonic
        self._first_pages = first_pages
        self._pages = self._shown = 0
        self._shown_at = monotonic()

    def due(self, size: int) -> bool:
        """A page came and the list now holds `size`: whether to show it."""
        self._pages += 1
        now = self._monotonic()
        if self._pages > self._first_pages and (
            now - self._shown_at < PROGRESS_EVERY or size < PROGRESS_GROWTH * self._shown
        ):
            return False
        self._shown, self._shown_at = size, now
        return True


def notable(charger: Charger) -> tuple[object, ...]:
    """What makes a charger's new reading worth a fleet update before the sweep ends
    (not `last_heartbeat_at` or `updated_at`, which move on every reading)."""
    return (
        charger.connection_status,
        charger.status,
        charger.error,
        charger.error_info,
        charger.vendor_error_code,
        charger.blocked,
        charger.setup_completed,
        charger.identity,
        charger.reference,
        charger.firmware_version,
        charger.last_connection_at,
        charger.last_disconnection_at,
    )


class FleetMonitor(QObject):
    """Polls the fleet; the UI listens to its signals and never calls the API itself."""

    # Lists and dicts travel as `object`: a `Signal(list)` converts every element to a
    # QVariant and back on each emit, 27 ms for a list of 50,000 chargers.
    fleet_updated = Signal(object)  # list[Charger]: the complete fleet after a good refresh
    # list[Charger] so far on the first load only, when LoadProgress says so
    fleet_progress = Signal(object)
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
        pacing: FleetPaceSettings | None = None,
        monotonic: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        """`pacing` tunes how large fleets are watched (tests and benchmarks scale its
        durations down); its `interval` follows `set_interval`."""
        super().__init__(parent)
        self._client = client
        self._runner = runner
        self._clock = clock
        self._monotonic = monotonic
        self._interval = max(MIN_INTERVAL, interval)
        if pacing is None:
            pacing = FleetPaceSettings(interval=self._interval)
        else:
            self._interval = pacing.interval  # scaled down by a test: taken as given
        self._pacer = FleetPacer(pacing)
        self._merge: SweepMerge[Charger] = SweepMerge(notable=notable)
        self._sweep: AsyncIterator[list[Charger]] | None = None
        self._sweep_pages = 0
        self._stepping = False
        self._chargers: list[Charger] = []
        self._last_success: datetime | None = None
        self._last_error: str | None = None
        self._state = ConnectionState.OK
        self._paused_for_auth = False
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._tick)
        self._apply_pace()

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
        """The user's refresh interval (a large fleet is read a few pages at a time)."""
        return self._interval

    @property
    def pacer(self) -> FleetPacer:
        """The large-fleet pacer (its plan: `cycle()`, `requests_per_window()`...)."""
        return self._pacer

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
        self._pacer = FleetPacer(self._pacer.settings)
        self._merge = SweepMerge(notable=notable)
        self._end_sweep()
        self._apply_pace()

    def set_interval(self, seconds: float) -> None:
        """Seconds between refreshes (at least 5: the API allows 500 requests a minute and
        a large fleet takes one request per 25 chargers)."""
        self._interval = max(MIN_INTERVAL, seconds)
        self._pacer.settings = replace(self._pacer.settings, interval=self._interval)
        self._apply_pace()

    def start(self) -> None:
        """Refresh now and then every `interval` seconds (unless paused by a 401)."""
        if self._paused_for_auth:
            return
        self._timer.start()
        self.refresh_now()

    def stop(self) -> None:
        self._timer.stop()
        self._end_sweep()

    def resume(self) -> None:
        """After a new sign-in: poll again."""
        self._paused_for_auth = False
        self.start()

    def refresh_now(self) -> bool:
        """Start a refresh unless one is running (or a 401 paused polling). True if started.
        A large fleet's few-pages step gives way to it."""
        if self._paused_for_auth or (self.is_refreshing and not self._stepping):
            return False
        self._runner.start(self.refresh(), REFRESH_TASK, replace=True)
        return True

    def report_auth_failure(self) -> None:
        """Another service got a 401: the token is dead for every call, pause polling."""
        self._fail_auth()

    # -- the refresh itself ----------------------------------------------------------------

    async def refresh(self) -> bool:
        """Fetch every page of the fleet; True when the fleet was replaced."""
        self._stepping = False  # a step this replaced, cancelled before it ran
        self.refresh_started.emit()
        first_load = self._last_success is None
        fetched: list[Charger] = []
        pages = 0
        progress = LoadProgress(self._monotonic, first_pages=PROGRESS_PAGES)
        try:
            async for page in self._client.iter_charger_pages(read_ahead=READ_AHEAD):
                pages += 1
                self._pacer.note_page(self._monotonic())
                fetched.extend(page)
                if first_load and progress.due(len(fetched)):
                    # Show the list while the rest loads (a 5,000-charger fleet takes
                    # 200 requests); later refreshes replace the list in one go.
                    self.fleet_progress.emit(list(fetched))
        except AuthError:
            self._fail_auth()
            self.refresh_finished.emit(self.state)
            return False
        except PlugchoiceError as error:
            self._note_trouble(error)
            self._fail(error, partial=fetched if first_load else None)
            self.refresh_finished.emit(self.state)
            return False
        self._pacer.note_sweep_done(self._monotonic(), pages)
        fetched = self._complete(fetched)
        self._merge.reset(fetched)
        self._end_sweep()  # the paced sweep starts again after a complete read
        self._apply_pace()
        self._chargers = fetched
        self._last_success = self._clock()
        self._last_error = None
        self._set_state(ConnectionState.OK)
        self.fleet_updated.emit(list(fetched))
        self.refresh_finished.emit(self.state)
        return True

    # -- large fleets: a few pages a tick ---------------------------------------------------

    def _tick(self) -> None:
        if self._pacer.spreading and self._last_success is not None:
            if not (self._paused_for_auth or self.is_refreshing):
                # A step F5 may replace from now on, even before its first turn runs.
                self._stepping = True
                self._runner.start(self._step(), REFRESH_TASK, replace=False)
            return
        self.refresh_now()

    async def _step(self) -> None:
        """Read the pages the pacer allows now, going round the list; send the fleet when
        a page brought news or a sweep completed."""
        due = self._pacer.pages_due(self._monotonic())
        to_the_end = due >= REST_OF_SWEEP
        read = news = 0
        self._stepping = True
        try:
            while due > 0:
                if self._sweep is None:
                    self._sweep = self._client.iter_charger_pages()
                    self._sweep_pages = 0
                try:
                    page = await anext(self._sweep)
                except StopAsyncIteration:
                    news += self._sweep_done()
                    if to_the_end:
                        break
                    continue
                read += 1
                self._sweep_pages += 1
                self._pacer.note_page(self._monotonic())
                news += self._merge.add_page(page)
                due -= 1
        except AuthError:
            self._end_sweep()
            self._fail_auth()
            return
        except PlugchoiceError as error:
            # What was read is kept in the merge and goes out with the next good step.
            self._end_sweep()
            self._note_trouble(error)
            self._fail(error, partial=None)
            return
        except BaseException:  # cancelled (F5 replaces a step): the sweep cannot go on
            self._end_sweep()
            raise
        finally:
            self._stepping = False
        if news or (read and self.is_stale):
            self._publish()

    def _sweep_done(self) -> int:
        """The list ended: drop chargers gone for two sweeps; always worth a fleet update
        (heartbeat ages and staleness move on even when nothing else does)."""
        gone = self._merge.end_sweep()
        self._pacer.note_sweep_done(self._monotonic(), self._sweep_pages)
        self._end_sweep()
        self._apply_pace()
        return 1 + len(gone)

    def _complete(self, chargers: list[Charger]) -> list[Charger]:
        """What a subclass adds to the list's chargers (connectors read on their own)."""
        return chargers

    def _publish(self) -> None:
        fleet = self._complete(self._merge.items())
        self._chargers = fleet
        self._last_success = self._clock()
        self._last_error = None
        self._set_state(ConnectionState.OK)
        self.fleet_updated.emit(list(fleet))

    def _end_sweep(self) -> None:
        # A half-read sweep cannot be resumed: the list is followed from its first page.
        self._sweep = None
        self._sweep_pages = 0

    def _note_trouble(self, error: PlugchoiceError) -> None:
        now = self._monotonic()
        if isinstance(error, RateLimitedError):
            self._pacer.note_rate_limited(now, error.retry_after)
        else:
            self._pacer.note_failure(now)

    def _apply_pace(self) -> None:
        """Tick every few seconds for a large fleet, every `interval` for a small one."""
        seconds = self._pacer.settings.tick if self._pacer.spreading else self._interval
        milliseconds = max(1, round(seconds * 1000))
        if self._timer.interval() != milliseconds:
            self._timer.setInterval(milliseconds)

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
