"""FleetWatch: the FleetMonitor that scales, by asking the team list what needs attention.

`GET /chargers` carries no connectors and no filters: watching it means reading every
page every cycle (2,000 pages at 50,000 chargers, four times the whole budget), and a
fault on one socket never shows. The team list (`GET /teams/{team}/chargers`) has both:
connectors and site in each item, and filters. So, with a team reachable:

- each cycle reads the three attention lists: `filter[status]=Faulted`,
  `filter[connector_status]=Faulted`, `filter[connection_status]=offline`. Their cost is
  the trouble in the fleet, not its size. A list the others cover (every Faulted charger
  was also in the connector list) is read in slices, a few pages a cycle, and again whole
  every cycle as soon as it shows something the others miss;
- a charger that drops out of those lists is read on its own (`GET /chargers/{uuid}`,
  with connectors) before anyone is told it recovered: a charger deleted, a page shifting
  under a change, or a list that failed half-way must not resolve an incident;
- a charger that enters them is read on its own again when its grace period ends, so its
  incident opens on time and on fresh data, not a cycle late;
- a slow sweep of the unfiltered team list, a few pages a cycle, keeps names, sites, new
  and removed chargers and heartbeats current.

Pacing (`plugdesk.domain.watch_pacing`) keeps the watch under a share of the budget and
leaves the rest for what the user does by hand.

Without team access (no team, or the team list answers 403/404) the watch is the
FleetMonitor it extends: the charger list (paced for large fleets), plus detail reads in
rotation so connectors (and their faults) are still seen, a few per cycle.

`fleet_updated` carries the whole fleet as `Charger`s, with `connectors` and `site`
filled in where known, so everything downstream (the snapshot, incidents, the window)
does not care which way the fleet was read.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import time
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING

import msgspec
from PySide6.QtCore import QObject, Qt

from plugdesk.api.errors import (
    AuthError,
    ForbiddenError,
    NotFoundError,
    PlugchoiceError,
)
from plugdesk.api.fleet_models import TeamCharger
from plugdesk.api.models import Charger
from plugdesk.domain.fleet_pacing import FleetPaceSettings
from plugdesk.domain.watch_pacing import WatchPaceSettings, WatchPlan, pages_for, plan
from plugdesk.services.fleet_read import merged as _merged
from plugdesk.services.monitor import (
    REFRESH_TASK,
    ConnectionState,
    FleetMonitor,
    LoadProgress,
    utc_now,
)
from plugdesk.tasks import TaskRunner

if TYPE_CHECKING:
    from plugdesk.api.client import PlugchoiceClient  # the client loads httpx

log = logging.getLogger(__name__)

TEAM, LIST = "team", "list"
# (filter name, value): what needs attention. The first is read less often while the
# second covers it (OCPP faults usually mark every connector Faulted too).
ATTENTION: tuple[tuple[str, str], ...] = (
    ("status", "Faulted"),
    ("connector_status", "Faulted"),
    ("connection_status", "offline"),
)
DETAILS_PER_CYCLE = 8  # list mode: chargers read on their own each cycle, in rotation
# Re-read this share of the grace period after it ends: enough for a wall clock that
# runs a little fast against the monotonic one (the sleep itself is never cut short).
CONFIRM_MARGIN = 0.005
CONFIRM_TASK = "confirm at grace end: "  # + the charger's UUID
LIST_READ_AHEAD = 1  # a long attention list: a page in flight (at most 1 past its end)
LOAD_READ_AHEAD = 4  # the complete read
SETTLE_FROM = 10_000  # chargers: a first load this big is moved out of the young heap
LIST_SLICE = 5_000  # chargers gone through in one turn of the loop
RE_READS_OVER = 10  # cycles: the plan counts their average of charger detail reads


class FleetWatch(FleetMonitor):
    def __init__(
        self,
        client: PlugchoiceClient,
        runner: TaskRunner,
        *,
        interval: float = 30.0,
        clock: Callable[[], datetime] = utc_now,
        pacing: FleetPaceSettings | None = None,
        monotonic: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        watch_pacing: WatchPaceSettings | None = None,
        grace: tuple[float, float] = (120.0, 300.0),
        parent: QObject | None = None,
    ) -> None:
        """`grace`: seconds a fault and an outage must last before an incident opens
        (the user's settings); the watch re-reads such a charger when it ends (`sleep`
        waits for that moment: simulated time in soak runs, like `monotonic`)."""
        self._sleep = sleep
        self._watch_pacing = watch_pacing or WatchPaceSettings()
        self._mode: str | None = None
        self._team: str | None = None
        self._fleet: dict[str, Charger] = {}
        self._read_at: dict[str, datetime] = {}  # when each charger's data was read
        self._attention: set[str] = set()
        # The first attention list, while the others cover it: read in slices.
        self._overlap_covered = False
        self._overlap_iter: AsyncIterator[list[TeamCharger]] | None = None
        self._overlap_credit = 0.0
        self._overlap_read = 0  # items of the round so far
        self._overlap_pages = 1  # pages of its last whole round
        self._detail_reads = 0  # charger detail reads since the last cycle
        self._rereads: deque[int] = deque(maxlen=RE_READS_OVER)
        self._spreads: deque[float] = deque(maxlen=RE_READS_OVER)  # a cycle's requests took
        self._sweep_iter: AsyncIterator[list[TeamCharger]] | None = None
        self._sweep_seen: set[str] = set()
        self._sweep_credit = 0.0
        self._rotation: list[str] = []
        self._listed: dict[str, Charger] = {}  # list mode: the list's own reading of each
        self._grace = grace
        self._plan = WatchPlan(cycle=self._watch_pacing.min_cycle, sweep_pages=0.0)
        self._attention_pages = float(len(ATTENTION))
        self._cycle_due = False  # a tick came while a cycle was still running
        self.cycles = 0
        self.cycle_seconds: list[float] = []  # how long each cycle took (benchmarks)
        super().__init__(
            client,
            runner,
            interval=interval,
            clock=clock,
            pacing=pacing,
            monotonic=monotonic,
            parent=parent,
        )
        # Coarse timers may fire 5 % early: a cycle more in a minute than planned.
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)

    # -- what others read ------------------------------------------------------------------

    @property
    def mode(self) -> str | None:
        """ "team" (filtered team lists), "list" (the charger list), None before the first
        load."""
        return self._mode

    @property
    def plan(self) -> WatchPlan:
        return self._plan

    @property
    def read_times(self) -> dict[str, datetime]:
        """When each charger was last read: the snapshot judges it as of then."""
        return self._read_at

    def _put(self, charger: Charger) -> None:
        self._fleet[charger.uuid] = charger
        self._read_at[charger.uuid] = self._clock()

    def set_grace(self, fault: float, offline: float) -> None:
        self._grace = (fault, offline)

    def take_reading(self, charger: Charger) -> None:
        """A charger read elsewhere (a rename's answer): into the fleet, and tell."""
        if self._last_success is None:
            return
        old = self._fleet.get(charger.uuid)
        if old is not None and charger.connectors is None:
            charger = msgspec.structs.replace(charger, connectors=old.connectors)
        self._put(_with_site(charger, old))
        self._publish_fleet()

    def set_client(self, client: PlugchoiceClient) -> None:
        self._mode = self._team = None
        self._fleet.clear()
        self._read_at.clear()
        self._attention.clear()
        self._end_overlap_slices()
        self._end_team_sweep()
        super().set_client(client)

    # -- the complete read (first load and F5) ---------------------------------------------

    async def refresh(self) -> bool:
        if self._mode is None:
            try:
                await self._discover()
            except AuthError:
                self._fail_auth()
                self.refresh_finished.emit(self.state)
                return False
            except PlugchoiceError as error:
                self._note_trouble(error)
                self._fail(error, partial=None)
                self.refresh_finished.emit(self.state)
                return False
        if self._mode == TEAM:
            return await self._team_refresh()
        done = await super().refresh()
        if done:
            await self._read_details()
        return done

    async def _discover(self) -> None:
        """Team access or not: a team whose charger list answers."""
        try:
            teams = await self._client.list_teams()
            team = next((t.key for t in teams if t.key is not None), None)
            if team is not None:
                # One page proves the list answers (a 403 here: no team access).
                pages = _pages(self._client.iter_team_chargers(str(team), status="Faulted"))
                await anext(pages, None)
                await pages.aclose()  # type: ignore[attr-defined]
                self._team = str(team)
        except (ForbiddenError, NotFoundError) as error:
            log.info("no team access (%s): watching the charger list", error)
            self._team = None
        self._mode = TEAM if self._team is not None else LIST

    async def _team_refresh(self) -> bool:
        self.refresh_started.emit()
        first_load = self._last_success is None
        assert self._team is not None
        seen: dict[str, Charger] = {}
        pages = 0
        progress = LoadProgress(self._monotonic)
        try:
            async for page in self._team_pages(read_ahead=LOAD_READ_AHEAD):
                pages += 1
                read_at = self._clock()  # the page's moment, for all its chargers
                for item in page:
                    seen[item.uuid] = _merged(self._fleet.get(item.uuid), item)
                    self._read_at[item.uuid] = read_at
                if first_load and progress.due(len(seen)):
                    self.fleet_progress.emit(list(seen.values()))
            if first_load:
                # The complete list just read says what needs attention (connectors
                # included): reading the filtered lists again would only repeat it.
                lists = await _attention_lists(list(seen.values()))
                self._note_list_sizes(lists, sliced=False)
                self._attention = {charger.uuid for items in lists for charger in items}
            else:
                await self._check_attention(full=True)
        except AuthError:
            self._fail_auth()
            self.refresh_finished.emit(self.state)
            return False
        except PlugchoiceError as error:
            return self._team_failed(error)
        # Over the chargers needing attention (a few), not the fleet: a pass over each of
        # these dicts cost 20 ms at 50,000 chargers.
        held = self._fleet
        self._fleet = {**seen, **{u: held[u] for u in self._attention if u in held}}
        for uuid in self._read_at.keys() - self._fleet.keys():
            del self._read_at[uuid]
        self._fleet_pages = pages
        self._replan()
        if len(self._fleet) > LIST_SLICE:
            await asyncio.sleep(0)  # a turn of its own for what the news sets off
        self._publish_fleet()
        if first_load and len(self._fleet) >= SETTLE_FROM:
            _settle_heap()
        self.refresh_finished.emit(self.state)
        return True

    def _team_pages(self, read_ahead: int = 0) -> AsyncIterator[list[TeamCharger]]:
        assert self._team is not None
        return _pages(self._client.iter_team_chargers(self._team, read_ahead=read_ahead))

    def _team_failed(self, error: PlugchoiceError) -> bool:
        if isinstance(error, ForbiddenError | NotFoundError):
            log.info("team list refused (%s): watching the charger list", error)
            self._mode, self._team = LIST, None
            self._apply_pace()
        self._note_trouble(error)
        self._fail(error, partial=None)
        self.refresh_finished.emit(self.state)
        return False

    # -- each cycle ------------------------------------------------------------------------

    def _tick(self) -> None:
        if self._mode != TEAM or self._last_success is None:
            super()._tick()
            return
        if self._paused_for_auth:
            return
        if self.is_refreshing:
            # A cycle (or its sweep pages) ran past its slot: the next one starts as
            # soon as it ends, not a whole cycle later (that doubled the worst latency).
            self._cycle_due = True
            return
        self._runner.start(self._cycles(), REFRESH_TASK, replace=False)

    async def _cycles(self) -> None:
        """A cycle, and at once another if a tick came during it. That late one starts
        the timer over: two cycles never come closer than the plan's cycle (the budget
        share), and a slow one costs the next only its own overrun, not a whole cycle."""
        self._cycle_due = False
        await self._cycle()
        while self._cycle_due and self.is_polling and self._mode == TEAM:
            self._cycle_due = False
            if self._paused_for_auth:
                return
            self._timer.start()
            await self._cycle()

    async def check_now(self) -> None:
        """One cycle now (team mode; list mode: a complete refresh). Tests and F5 alike."""
        if self._mode == TEAM and self._last_success is not None:
            await self._cycle()
        else:
            await self.refresh()

    async def _cycle(self) -> None:
        self.cycles += 1
        began = self._monotonic()
        try:
            entered = await self._check_attention(full=False)
            # Tell now: the sweep's pages must not delay the news (at 50,000 chargers
            # they took longer than the attention lists).
            self._publish_fleet()
            # Counted from this telling: that is when the incident's grace period began.
            self._schedule_confirmations(entered)
            self.cycle_seconds.append(self._monotonic() - began)
            self._rereads.append(self._detail_reads)
            self._detail_reads = 0
            if await self._sweep_some():
                self._publish_fleet()  # a sweep ended: chargers may have gone
            self._spreads.append(self._monotonic() - began)
            self._replan()
        except AuthError:
            self._fail_auth()
        except PlugchoiceError as error:
            self._team_failed(error)

    async def _check_attention(self, *, full: bool) -> set[str]:
        """Read the attention lists; re-read on their own the chargers that left them.
        Returns the chargers that entered them."""
        assert self._team is not None
        sliced = self._overlap_covered and not full
        others = [self._read_list(name, value) for name, value in ATTENTION[1:]]
        first = self._overlap_slice() if sliced else self._read_list(*ATTENTION[0])
        # The lists side by side: a cycle takes as long as the longest, not the sum.
        lists = await asyncio.gather(first, *others)
        self._note_list_sizes(lists, sliced)
        found = {item.uuid: item for items in lists for item in items}
        for uuid, item in found.items():
            self._put(_merged(self._fleet.get(uuid), item))
        entered = found.keys() - self._attention
        left = self._attention - found.keys()
        self._attention = (self._attention - left) | set(found)
        await self._confirm(left)
        # Its own read says it still needs attention (the lists missed it): keep
        # reading it on its own each cycle until the lists or its read say otherwise.
        self._attention |= {u for u in left if _needs_attention(self._fleet.get(u))}
        return set(entered)

    def _note_list_sizes(
        self, lists: Sequence[Sequence[TeamCharger | Charger]], sliced: bool
    ) -> None:
        """The attention lists' pages, for the pacing plan."""
        by_list = [{item.uuid for item in items} for items in lists]
        missed = by_list[0] - by_list[1] - by_list[2]
        if not sliced:
            self._overlap_pages = pages_for(len(lists[0]))
        if missed or not sliced:
            # Whole every cycle while it shows what the others miss; in slices from the
            # start of the list once it shows nothing more.
            self._end_overlap_slices()
            self._overlap_covered = not missed
        first_pages = (
            self._overlap_pages / self._watch_pacing.overlap_every
            if self._overlap_covered
            else self._overlap_pages
        )
        self._attention_pages = first_pages + sum(pages_for(len(items)) for items in lists[1:])

    async def _overlap_slice(self) -> list[TeamCharger]:
        """This cycle's pages of the first attention list, read in turn across cycles (a
        round every `overlap_every` cycles). Only to learn whether the others still
        cover it: a charger a shifted page skips is in the next round."""
        assert self._team is not None
        self._overlap_credit += self._overlap_pages / self._watch_pacing.overlap_every
        items: list[TeamCharger] = []
        while self._overlap_credit >= 1:
            if self._overlap_iter is None:
                name, value = ATTENTION[0]
                listed = self._client.iter_team_chargers(self._team, read_ahead=0, **{name: value})
                self._overlap_iter = _pages(listed)
                self._overlap_read = 0
            try:
                page = await anext(self._overlap_iter)
            except StopAsyncIteration:  # a round done: the next one starts at once
                self._overlap_pages = pages_for(self._overlap_read)
                self._overlap_iter = None
                if self._overlap_read == 0:  # an empty list: its one page was read now
                    self._overlap_credit -= 1
                    break
                continue
            except BaseException:
                self._end_overlap_slices()
                raise
            self._overlap_credit -= 1
            self._overlap_read += len(page)
            items += page
        return items

    def _end_overlap_slices(self) -> None:
        self._overlap_iter = None
        self._overlap_credit = 0.0

    async def _read_list(self, name: str, value: str) -> list[TeamCharger]:
        assert self._team is not None
        items = self._client.iter_team_chargers(
            self._team, read_ahead=LIST_READ_AHEAD, **{name: value}
        )
        return [item async for item in items]

    async def _confirm(self, uuids: Iterable[str]) -> None:
        """Read each charger on its own (with connectors): gone from the lists is not
        yet recovered."""
        for uuid in sorted(uuids):
            self._detail_reads += 1
            try:
                detail = await self._client.get_charger(uuid)
            except NotFoundError:
                self._fleet.pop(uuid, None)  # deleted: the sweep would drop it too
                self._read_at.pop(uuid, None)
                self._attention.discard(uuid)
                continue
            self._put(_with_site(detail, self._fleet.get(uuid)))

    def _schedule_confirmations(self, uuids: Iterable[str]) -> None:
        for uuid in uuids:
            charger = self._fleet.get(uuid)
            offline = charger is not None and charger.connection_status == "offline"
            grace = self._grace[1] if offline else self._grace[0]
            # One per charger: one that left and came back waits from its return.
            confirm = self._confirm_later(uuid, grace * (1 + CONFIRM_MARGIN))
            self._runner.start(confirm, CONFIRM_TASK + uuid)

    async def _confirm_later(self, uuid: str, delay: float) -> None:
        """When the grace period ends: read it again and tell, so the incident opens on
        fresh data at once instead of a cycle later."""
        # Qt's coarse timers (qasync's sleep) may wake a little early: an early read
        # would find the grace period not yet over, and the incident wait a cycle.
        began = self._monotonic()
        await self._sleep(delay)
        early = delay - (self._monotonic() - began)
        if early > 0:
            await self._sleep(early)
        if self._mode != TEAM or uuid not in self._attention or self._paused_for_auth:
            return
        try:
            await self._confirm([uuid])
        except PlugchoiceError as error:
            log.info("could not re-read a charger at its grace end: %s", error)
            return
        self._publish_fleet()

    async def _sweep_some(self) -> bool:
        """The plan's share of sweep pages; at the end of a sweep, chargers it did not see
        (and that are not in the attention lists) are gone. True when a sweep ended."""
        ended = False
        self._sweep_credit += self._plan.sweep_pages
        while self._sweep_credit >= 1:
            if self._sweep_iter is None:
                self._sweep_iter = self._team_pages()
                self._sweep_seen = set()
            try:
                page = await anext(self._sweep_iter)
            except StopAsyncIteration:
                gone = self._fleet.keys() - self._sweep_seen - self._attention
                for uuid in gone:
                    del self._fleet[uuid]
                    self._read_at.pop(uuid, None)
                self._fleet_pages = pages_for(len(self._sweep_seen))
                self._end_team_sweep()
                self._replan()
                ended = True
                continue
            except BaseException:
                self._end_team_sweep()
                raise
            self._sweep_credit -= 1
            for item in page:
                self._sweep_seen.add(item.uuid)
                if item.uuid not in self._attention:  # those are read every cycle anyway
                    self._put(_merged(self._fleet.get(item.uuid), item))
        return ended

    def _end_team_sweep(self) -> None:
        self._sweep_iter = None
        self._sweep_seen = set()

    def _replan(self) -> None:
        rereads = sum(self._rereads) / len(self._rereads) if self._rereads else 0.0
        self._plan = plan(
            self._watch_pacing,
            self._attention_pages,
            getattr(self, "_fleet_pages", 1),
            rereads,
            max(self._spreads, default=0.0),
        )
        self._apply_pace()

    def _apply_pace(self) -> None:
        if self._mode != TEAM:
            super()._apply_pace()
            return
        milliseconds = max(1, round(self._plan.cycle * 1000))
        if self._timer.interval() != milliseconds:
            self._timer.setInterval(milliseconds)

    def _publish_fleet(self) -> None:
        fleet = list(self._fleet.values())
        self._chargers = fleet
        self._last_success = self._clock()
        self._last_error = None
        self._set_state(ConnectionState.OK)
        self.fleet_updated.emit(list(fleet))

    # -- without team access: detail reads in rotation -------------------------------------

    def _complete(self, chargers: list[Charger]) -> list[Charger]:
        """List mode: the list's chargers with the connectors (and site) read before."""
        fleet: dict[str, Charger] = {}
        now = self._clock()
        for charger in chargers:
            old = self._fleet.get(charger.uuid)
            if old is not None and charger.connectors is None:
                if self._listed.get(charger.uuid) is charger:
                    charger = old  # the same reading as before: keep its details
                else:
                    self._listed[charger.uuid] = charger
                    charger = msgspec.structs.replace(
                        charger, connectors=old.connectors, site=charger.site or old.site
                    )
                    self._read_at[charger.uuid] = now
            elif old is None:
                self._listed[charger.uuid] = charger
                self._read_at[charger.uuid] = now
            fleet[charger.uuid] = charger
        self._fleet = fleet
        return list(fleet.values())

    async def _step(self) -> None:
        await super()._step()
        if self._mode == LIST:
            await self._read_details()

    async def _read_details(self) -> None:
        """A few chargers read on their own: those with a connector fault first (their
        repair shows nowhere else), then the rest in turn."""
        if not self._fleet:
            return
        if not self._rotation:
            self._rotation = list(self._fleet)
        # A connector-only fault shows nowhere in the list: re-read those every cycle
        # (at most half the reads), the list shows the charger's own faults itself.
        troubled = [
            u for u, c in self._fleet.items() if _connector_fault(c) and not _own_fault(c)
        ]
        picked = troubled[: DETAILS_PER_CYCLE // 2]
        while len(picked) < DETAILS_PER_CYCLE and self._rotation:
            uuid = self._rotation.pop()
            if uuid in self._fleet and uuid not in picked:
                picked.append(uuid)
        try:
            await self._confirm(picked)
        except AuthError:
            self._fail_auth()
            return
        except PlugchoiceError as error:
            log.info("detail reads failed: %s", error)
            return
        self._chargers = list(self._fleet.values())
        self.fleet_updated.emit(list(self._chargers))


# -- merging what the lists say into the fleet ----------------------------------------------


async def _pages(items: AsyncIterator[TeamCharger]) -> AsyncIterator[list[TeamCharger]]:
    """The client flattens team lists; the watch counts pages (25 items each)."""
    page: list[TeamCharger] = []
    async for item in items:
        page.append(item)
        if len(page) == 25:
            yield page
            page = []
    if page:
        yield page


def _settle_heap() -> None:
    """After a big first load: collect once, then freeze what is left (the fleet, as
    the app freezes what its imports made). Otherwise every young-generation collection
    walks the new fleet again until a full one moves it on: at 50,000 chargers those
    were 0.2-0.9 s stalls of the loop every few seconds, in the middle of the attention
    reads. The young generations only: a full collection here was itself a 0.2 s stall.
    Called on the loop's (main) thread, where the app collects cycles."""
    gc.collect(1)
    gc.freeze()


def _with_site(detail: Charger, old: Charger | None) -> Charger:
    if detail.site is None and old is not None and old.site is not None:
        return msgspec.structs.replace(detail, site=old.site)
    return detail


async def _attention_lists(fleet: list[Charger]) -> list[list[Charger]]:
    """What the ATTENTION lists hold, in their order, worked out from a complete list
    (a slice a turn: 50,000 chargers took a 30 ms turn)."""
    faulted: list[Charger] = []
    connector: list[Charger] = []
    offline: list[Charger] = []
    for start in range(0, len(fleet), LIST_SLICE):
        for charger in fleet[start : start + LIST_SLICE]:
            if charger.status == "Faulted":
                faulted.append(charger)
            if any(k.status == "Faulted" for k in charger.connectors or ()):
                connector.append(charger)
            if charger.connection_status == "offline":
                offline.append(charger)
        if start + LIST_SLICE < len(fleet):
            await asyncio.sleep(0)
    return [faulted, connector, offline]


def _own_fault(charger: Charger | None) -> bool:
    return charger is not None and (
        charger.status == "Faulted" or charger.error not in (None, "", "NoError")
    )


def _needs_attention(charger: Charger | None) -> bool:
    return charger is not None and (
        _own_fault(charger) or _connector_fault(charger) or charger.connection_status == "offline"
    )


def _connector_fault(charger: Charger) -> bool:
    return any(
        c.status == "Faulted" or c.error not in (None, "", "NoError")
        for c in charger.connectors or ()
    )
