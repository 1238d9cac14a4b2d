"""The simulated fleet: charger state, its life on the simulated clock, and the API views.

Life is event driven. Every charger has a few pending events (next fault, next drop
offline, the next step of each connector's charging cycle) in one heap ordered by
simulated time; `process_until(t)` runs only the events that are due, so a page request on
a 10,000-charger fleet touches only the chargers whose state actually changed. Each event
draws its randomness from `Rng(derive(seed, charger, counter))`, so the fleet at simulated
time T is the same for a seed however requests were timed.

Callers hold the simulator lock around every method here.
"""

from __future__ import annotations

import heapq
import random
import uuid as uuidlib
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any, Protocol

from plugdesk.simulator import catalog
from plugdesk.simulator.catalog import ConnectorSpec, ModelSpec
from plugdesk.simulator.records import FaultRecord
from plugdesk.simulator.transactions import HistoryConnector, Tx, TxStore, generate_history
from plugdesk.simulator.util import Rng, derive, iso_z, iso_z_or_none, to_datetime

DAY = 86400.0
QUIET_SECONDS = 300.0  # no spontaneous fault/drop this soon after start or a repair
FAULT_MEAN = 6 * 3600.0  # mean time between spontaneous faults, per charger
OFFLINE_MEAN = 12 * 3600.0
HISTORY_DAYS = 120
HISTORY_END_GAP = 6 * 3600.0  # history stops this long before start; live ones follow



@dataclass(frozen=True)
class Trouble:
    """How much goes wrong. The default is a demo's lively fleet (7.5 % faulted at the
    start, every charger faulting every ~6 h); `REALISTIC` is the benchmark's: 1 %
    faulted (a third of those on one connector only) and 0.5 % offline at any time, two
    new faults and one new outage a minute across the fleet, each lasting long enough to
    keep those shares steady (no blips shorter than `min_duration`)."""

    faulted_share: float = 0.075
    offline_share: float = 0.04
    faults_per_minute: float | None = None  # None: FAULT_MEAN per charger
    offline_per_minute: float | None = None  # None: OFFLINE_MEAN per charger
    connector_share: float = 0.3  # of faults, on one connector only
    min_duration: float = 0.0

    def fault_mean(self, size: int) -> float:
        rate = self.faults_per_minute
        return FAULT_MEAN if not rate else max(1, size) * 60.0 / rate

    def offline_mean(self, size: int) -> float:
        rate = self.offline_per_minute
        return OFFLINE_MEAN if not rate else max(1, size) * 60.0 / rate

    def mean_duration(self, share: float, rate: float | None, size: int) -> float | None:
        """The mean length that keeps `share` of the fleet in trouble at `rate` a minute."""
        return None if not rate else share * size * 60.0 / rate


REALISTIC = Trouble(
    faulted_share=0.01,
    offline_share=0.005,
    faults_per_minute=2.0,
    offline_per_minute=1.0,
    connector_share=1 / 3,
    min_duration=300.0,
)
TROUBLES = {"default": Trouble(), "realistic": REALISTIC}

# Event kinds (heap entries are (ts, seq, kind, a, b, gen)).
EV_FAULT, EV_FAULT_END, EV_OFFLINE, EV_ONLINE, EV_TX, EV_COMM_END, EV_SESSION, EV_CALL = range(8)
_BUILD, _FIRST_FAULT, _FIRST_OFFLINE = 0xB0, 0xF1, 0x0F
_CONNECTOR_FAULTS = 0xC0F1  # the stream that picks connectors faulted at the start
# Faults a reboot does not cure: they come back with the BootNotification.
HARD_ERRORS = frozenset({"GroundFailure", "PowerSwitchFailure", "ConnectorLockFailure",
                         "PowerMeterFailure"})  # fmt: skip


class SessionHooks(Protocol):
    """What the fleet tells public charging (implemented in public.py)."""

    def on_session_event(self, ts: float, session_no: int, gen: int) -> None: ...

    def on_connector_interrupted(self, ts: float, token: str, reason: str) -> None: ...


@dataclass
class PublicInfo:
    code: str
    currency: str
    price_per_kwh: int
    start_fee: int
    name: str


class Connector:
    __slots__ = (
        "_owner",
        "_states",
        "_status",
        "claimed_by",
        "comm_record",
        "connector_id",
        "created_ts",
        "db_id",
        "error",
        "error_info",
        "gen",
        "index",
        "limit_a",
        "meter_origin",
        "meter_wh",
        "phase",
        "phase_rotation",
        "plug_end",
        "spec",
        "tx",
        "updated_ts",
        "vendor_error_code",
    )

    def __init__(self, index: int, db_id: int, spec: ConnectorSpec, rotation: str | None) -> None:
        self._states: StateIndex | None = None  # set once the fleet is built
        self._owner = -1  # the charger's index
        self.index = index
        self.connector_id = index + 1
        self.db_id = db_id
        self.spec = spec
        self.phase_rotation = rotation
        self.created_ts = 0.0
        self.updated_ts = 0.0
        self._status: str | None = "Available"
        self.error = "NoError"
        self.error_info: str | None = None
        self.vendor_error_code: str | None = None
        self.meter_wh = 0
        self.meter_origin = 0  # register at simulation start: history ends here
        self.tx: Tx | None = None
        # idle | preparing | charging | suspended | finishing | session | down
        self.phase = "idle"
        self.plug_end = 0.0
        self.gen = 0
        self.claimed_by: str | None = None  # public session token holding it
        self.comm_record: int | None = None
        self.limit_a: float | None = None  # a charge limit set through the API (A)

    @property
    def status(self) -> str | None:
        return self._status

    @status.setter
    def status(self, value: str | None) -> None:
        states = self._states
        if states is not None and value != self._status:
            states.connector_moved(self._owner, self._status, value)
        self._status = value


class Charger:
    __slots__ = (
        "_connection",
        "_states",
        "_status",
        "blocked",
        "connectors",
        "counter",
        "created_ts",
        "error",
        "error_info",
        "fault_gen",
        "fault_records",
        "firmware",
        "frozen_heartbeat_ts",
        "hard_faults",
        "hb_interval",
        "hb_phase",
        "history_count",
        "history_id_base",
        "history_span",
        "id",
        "identity",
        "index",
        "last_connection_ts",
        "last_disconnection_ts",
        "licenses",
        "locked",
        "max_current",
        "model",
        "offline_gen",
        "offline_record",
        "parsed_firmware",
        "permissions",
        "pincode",
        "public",
        "reboot_gen",
        "reference",
        "server",
        "setup_completed",
        "setup_pending",
        "tags",
        "txs",
        "updated_ts",
        "uuid",
        "vendor_error_code",
    )

    def __init__(self, index: int, model: ModelSpec) -> None:
        self._states: StateIndex | None = None  # set once the fleet is built
        self.index = index
        self.model = model
        self.uuid = ""
        self.id = 0
        self.identity = ""
        self.reference: str | None = None
        self.firmware: str | None = None
        self.parsed_firmware: str | None = None
        self.server: str | None = None
        self.created_ts = 0.0
        self.updated_ts = 0.0
        self.licenses = (False, False)
        self.permissions = (True, True, True)
        self.pincode: str | None = None
        self.max_current = model.max_current
        self._connection = "online"  # online | offline | never_seen
        self._status: str | None = "Available"
        self.error: str | None = self.no_error
        self.error_info: str | None = None
        self.vendor_error_code: str | None = None
        self.blocked = False
        self.setup_pending = False
        self.setup_completed = True
        self.last_connection_ts: float | None = None
        self.last_disconnection_ts: float | None = None
        self.frozen_heartbeat_ts: float | None = None
        self.hb_interval = 300.0
        self.hb_phase = 0.0
        self.connectors: list[Connector] = []
        self.public: PublicInfo | None = None
        self.fault_gen = 0
        self.offline_gen = 0
        self.fault_records: list[int] = []
        self.offline_record: int | None = None
        self.counter = 0
        self.txs = TxStore()
        self.history_count = 0
        self.history_id_base = 0
        self.history_span = (0.0, 0.0)
        self.tags: list[str] = []
        self.locked = False  # settings/lock: made Unavailable through the API
        self.reboot_gen = 0
        # (error, info, vendor code, connector index or None, forced) of hard faults
        self.hard_faults: list[tuple[str, str | None, str | None, int | None, bool]] = []

    @property
    def status(self) -> str | None:
        return self._status

    @status.setter
    def status(self, value: str | None) -> None:
        states = self._states
        if states is not None and value != self._status:
            states.moved(states.status, self.index, self._status, value)
        self._status = value

    @property
    def connection(self) -> str:
        return self._connection

    @connection.setter
    def connection(self, value: str) -> None:
        states = self._states
        if states is not None and value != self._connection:
            states.moved(states.connection, self.index, self._connection, value)
        self._connection = value

    @property
    def no_error(self) -> str | None:
        return "NoError" if self.model.reports_no_error else None

    @property
    def faulted(self) -> bool:
        return self.status == "Faulted"

    def heartbeat_ts(self, now: float) -> float | None:
        """Heartbeats are computed, not simulated: while online the last one is `now`
        rounded down to the charger's interval; offline it is frozen at the drop."""
        if self.connection == "never_seen":
            return None
        if self.connection == "offline":
            return self.frozen_heartbeat_ts
        beat = now - ((now - self.hb_phase) % self.hb_interval)
        return float(int(max(beat, self.last_connection_ts or beat)))


class StateIndex:
    """The chargers (by index) with each status, each connection status, and a connector
    in each status, kept current by the setters of those fields. The team list's filters
    start from these sets instead of reading every charger: a watch filters a
    50,000-charger list several times a minute, and a scan cost 10-14 ms a page."""

    def __init__(self, chargers: list[Charger]) -> None:
        self.status: dict[str | None, set[int]] = {}
        self.connection: dict[str | None, set[int]] = {}
        # connector status -> charger index -> how many of its connectors have it
        self.sockets: dict[str | None, dict[int, int]] = {}
        for charger in chargers:
            self.status.setdefault(charger.status, set()).add(charger.index)
            self.connection.setdefault(charger.connection, set()).add(charger.index)
            for connector in charger.connectors:
                self._count(connector.status, charger.index, 1)

    def attach(self, chargers: list[Charger]) -> None:
        """From now on, these chargers' setters keep this index current."""
        for charger in chargers:
            charger._states = self
            for connector in charger.connectors:
                connector._owner = charger.index
                connector._states = self

    @staticmethod
    def moved(
        sets: dict[str | None, set[int]], index: int, old: str | None, new: str | None
    ) -> None:
        sets[old].discard(index)
        sets.setdefault(new, set()).add(index)

    def connector_moved(self, index: int, old: str | None, new: str | None) -> None:
        self._count(old, index, -1)
        self._count(new, index, 1)

    def _count(self, status: str | None, index: int, step: int) -> None:
        counts = self.sockets.setdefault(status, {})
        left = counts.get(index, 0) + step
        if left:
            counts[index] = left
        else:
            del counts[index]

    def chargers_with(self, name: str, values: list[str]) -> set[int] | None:
        """The chargers whose `name` ("status", "connection_status", "connector_status")
        is one of `values`; None for a field not indexed here."""
        if name == "status":
            groups: list[Any] = [self.status.get(v, ()) for v in values]
        elif name == "connection_status":
            groups = [self.connection.get(v, ()) for v in values]
        elif name == "connector_status":
            groups = [self.sockets.get(v, {}).keys() for v in values]
        else:
            return None
        found: set[int] = set()
        for group in groups:
            found.update(group)
        return found


class Fleet:
    def __init__(
        self,
        *,
        size: int,
        seed: int,
        start_ts: float,
        big_charger_transactions: int = 0,
        connector_faults_at_start: bool = True,
        trouble: Trouble | None = None,
    ) -> None:
        if size < 0:
            raise ValueError(f"fleet size must be >= 0, not {size}")
        self.seed = seed
        self.trouble = trouble or Trouble()
        self.fault_mean = self.trouble.fault_mean(size)
        self.offline_mean = self.trouble.offline_mean(size)
        self.start_ts = float(int(start_ts))
        self.quiet_until = self.start_ts + QUIET_SECONDS
        self.chargers: list[Charger] = []
        self.by_uuid: dict[str, Charger] = {}
        self.by_code: dict[str, Charger] = {}
        self.fault_log: list[FaultRecord] = []
        self.hooks: SessionHooks | None = None
        self._heap: list[tuple[float, int, int, int, int, int]] = []
        self._seq = 0
        self._calls: dict[int, Callable[[float], None]] = {}
        self.next_tx_id = 0
        self._big_index = 0 if big_charger_transactions > 0 else -1
        self._handlers: dict[int, Callable[[float, int, int, int], None]] = {
            EV_FAULT: self._on_fault,
            EV_FAULT_END: self._on_fault_end,
            EV_OFFLINE: self._on_offline,
            EV_ONLINE: self._on_online,
            EV_TX: self._on_tx,
            EV_COMM_END: self._on_comm_end,
            EV_SESSION: self._on_session,
            EV_CALL: self._on_call,
        }
        self._build(size, big_charger_transactions, connector_faults_at_start)

    # -- scheduling ----------------------------------------------------------------------

    def schedule(self, ts: float, kind: int, a: int, b: int = 0, gen: int = 0) -> None:
        self._seq += 1
        heapq.heappush(self._heap, (ts, self._seq, kind, a, b, gen))

    def process_until(self, now: float) -> None:
        """Run every event due at or before `now`, in time order."""
        heap = self._heap
        handlers = self._handlers
        while heap and heap[0][0] <= now:
            ts, _, kind, a, b, gen = heapq.heappop(heap)
            handlers[kind](ts, a, b, gen)

    def call_at(self, ts: float, call: Callable[[float], None]) -> None:
        """Run `call(ts)` when simulated time reaches `ts` (actions use this)."""
        self._seq += 1
        self._calls[self._seq] = call
        heapq.heappush(self._heap, (ts, self._seq, EV_CALL, 0, self._seq, 0))

    def _on_call(self, ts: float, _a: int, key: int, _gen: int) -> None:
        self._calls.pop(key)(ts)

    def rng(self, charger: Charger) -> Rng:
        charger.counter += 1
        return Rng(derive(self.seed, charger.index, charger.counter))

    def charger(self, uuid: str) -> Charger:
        found = self.by_uuid.get(uuid)
        if found is None:
            raise KeyError(f"no charger with uuid {uuid!r}")
        return found

    # -- building ------------------------------------------------------------------------

    def _build(self, size: int, big: int, connector_faults: bool) -> None:
        rng = random.Random(derive(self.seed, _BUILD))
        roles = _pick_roles(rng, size, self.trouble)
        identities: set[str] = set()
        next_connector_id = 5001
        charger_id = 1000
        for index in range(size):
            model = (
                catalog.KEMPOWER
                if index == 0
                else rng.choices(catalog.MODELS, catalog.MODEL_WEIGHTS)[0]
            )
            charger = Charger(index, model)
            charger_id += rng.randint(1, 4)
            self._identify(charger, rng, charger_id, identities, size)
            for k, spec in enumerate(model.connectors):
                rotation = None if spec.power_type == "DC" else rng.choice(catalog.PHASE_ROTATIONS)
                connector = Connector(k, next_connector_id, spec, rotation)
                next_connector_id += 1
                connector.created_ts = connector.updated_ts = charger.created_ts + 60
                connector.meter_wh = rng.randint(20_000_000, 50_000_000)
                charger.connectors.append(connector)
            self._plan_history(charger, rng, big if index == 0 else 0, roles.get(index))
            self.chargers.append(charger)
            self.by_uuid[charger.uuid] = charger
        # History ids come first (oldest), live ones after: ids grow with time.
        next_id = 100_001
        for charger in self.chargers:
            charger.history_id_base = next_id
            next_id += charger.history_count
        self.next_tx_id = next_id
        for charger in self.chargers:
            for connector in charger.connectors:
                connector.meter_origin = connector.meter_wh
        self._assign_public(rng, roles)
        for charger in self.chargers:
            self._initial_state(charger, rng, roles.get(charger.index, "normal"))
        self._schedule_life(rng)
        if big > 0 and self.chargers:
            self._build_big_history(self.chargers[0])
        if connector_faults:
            self._fault_some_connectors(roles)
        self.states = StateIndex(self.chargers)
        self.states.attach(self.chargers)

    def _fault_some_connectors(self, roles: dict[int, str]) -> None:
        """A few chargers start with one faulted connector while they report Available
        (how OCPP shows one broken socket). Picked from a stream of its own, so every
        other charger lives exactly as before; these few stop charging on that socket."""
        rng = random.Random(derive(self.seed, _CONNECTOR_FAULTS))
        healthy = [
            c for c in self.chargers
            if c.index > 0 and c.index not in roles and c.public is None
        ]  # fmt: skip
        wanted = min(len(healthy), max(1, round(len(self.chargers) * 0.03))) if healthy else 0
        for charger in sorted(rng.sample(healthy, wanted), key=lambda c: c.index):
            idle = [c.index for c in charger.connectors if c.phase == "idle"]
            if not idle:
                continue  # never cut a session that began before the start short
            k = rng.choice(idle)
            error = rng.choice(("ConnectorLockFailure", "HighTemperature", "PowerMeterFailure"))
            info = rng.choice(catalog.FAULT_INFO[error])
            since = float(int(self.start_ts - rng.uniform(600, 3 * DAY)))
            self._apply_fault(charger, since, error, info, None, k, forced=False)

    def _identify(
        self, charger: Charger, rng: random.Random, charger_id: int, seen: set[str], size: int
    ) -> None:
        model = charger.model
        identity = model.identity(rng)
        while identity in seen:
            identity = model.identity(rng)
        seen.add(identity)
        charger.identity = identity
        charger.uuid = str(uuidlib.UUID(int=rng.getrandbits(128), version=4))
        charger.id = charger_id
        step = 890 * DAY / max(size, 1)
        charger.created_ts = float(
            int(self.start_ts - 920 * DAY + charger.index * step + rng.uniform(0, step * 0.9))
        )
        charger.updated_ts = charger.created_ts
        charger.reference = catalog.reference_for(rng, model.is_dc, rng.randint(1, 40))
        charger.firmware, charger.parsed_firmware = rng.choice(model.firmware)
        charger.server = rng.choice(catalog.SERVERS)
        charger.licenses = (rng.random() < 0.7, rng.random() < 0.35)
        if charger.index > 0 and rng.random() < 0.1:
            charger.permissions = (True, False, False)  # shared with us read-only
        if charger.permissions[1] and rng.random() < 0.9:
            charger.pincode = f"{rng.randint(0, 9999):04d}"
        if not model.is_dc and rng.random() < 0.2:
            charger.max_current = 16  # installer capped it for the building's supply
        charger.hb_interval = float(rng.choice((60, 120, 300, 300)))
        charger.hb_phase = rng.uniform(0, charger.hb_interval)
        charger.tags = [catalog.id_tag(rng) for _ in range(rng.randint(3, 12))]

    def _plan_history(
        self, charger: Charger, rng: random.Random, big: int, role: str | None
    ) -> None:
        end = self.start_ts - HISTORY_END_GAP
        if role == "never_seen":
            charger.history_count = 0
            return
        if big > 0:
            low, high = charger.model.session_minutes
            cycle = ((low + high) / 2 + 20) * 60  # a session plus the gap before the next
            begin = end - big * cycle / len(charger.connectors)
            charger.history_count = big
            charger.history_span = (begin, end)
            charger.created_ts = charger.updated_ts = float(int(begin - 3 * DAY))
            for connector in charger.connectors:
                connector.created_ts = connector.updated_ts = charger.created_ts + 60
                connector.meter_wh += big * 90_000
            return
        begin = max(charger.created_ts + DAY, self.start_ts - HISTORY_DAYS * DAY)
        days = max(0.0, (end - begin) / DAY)
        count = rng.randint(20, 150)
        if role == "blocked":
            count = rng.randint(20, 60)
        charger.history_count = int(count * min(1.0, days / HISTORY_DAYS))
        charger.history_span = (begin, end)

    def _initial_state(self, charger: Charger, rng: random.Random, role: str) -> None:
        start = self.start_ts
        charger.last_connection_ts = float(int(start - rng.uniform(3600, 30 * DAY)))
        if rng.random() < 0.9:
            charger.last_disconnection_ts = float(
                int(charger.last_connection_ts - rng.uniform(60, 7200))
            )
        charger.updated_ts = max(charger.updated_ts, charger.last_connection_ts)
        if role == "never_seen":
            charger.connection, charger.status, charger.error = "never_seen", None, None
            charger.last_connection_ts = charger.last_disconnection_ts = None
            charger.firmware = charger.parsed_firmware = charger.server = None
            charger.setup_pending, charger.setup_completed = True, False
            charger.created_ts = charger.updated_ts = float(int(start - rng.uniform(1, 10) * DAY))
            for connector in charger.connectors:
                connector.phase, connector.status = "down", None
        elif role == "blocked":
            charger.blocked = True
            charger.status = "Unavailable"
            for connector in charger.connectors:
                connector.phase, connector.status = "down", "Unavailable"
        elif role == "offline":
            since = float(int(start - rng.uniform(600, 3 * DAY)))
            charger.last_disconnection_ts = since
            charger.last_connection_ts = float(int(since - rng.uniform(DAY, 30 * DAY)))
            charger.connection = "offline"
            charger.frozen_heartbeat_ts = float(int(since - rng.uniform(0, charger.hb_interval)))
            charger.updated_ts = since
            charger.offline_record = self._log(charger, "offline", None, since)
        elif role == "faulted":
            since = float(int(start - rng.uniform(300, 2 * DAY)))
            error = rng.choices(catalog.FAULT_NAMES, catalog.FAULT_WEIGHTS)[0]
            info = rng.choice(catalog.FAULT_INFO[error])
            vendor_code = f"E{rng.randint(100, 999)}" if rng.random() < 0.4 else None
            on_one: int | None = None
            if self.trouble is REALISTIC and rng.random() < self.trouble.connector_share:
                on_one = rng.randrange(len(charger.connectors))
            self._apply_fault(charger, since, error, info, vendor_code, on_one, forced=False)
        elif charger.public is None:
            # Public chargers start idle so a demo can start a session at once.
            for connector in charger.connectors:
                self._initial_connector(charger, connector, rng)

    def _initial_connector(
        self, charger: Charger, connector: Connector, rng: random.Random
    ) -> None:
        """Some connectors are mid-session when the simulation starts."""
        roll = rng.random()
        start = self.start_ts
        if roll < 0.30:
            began = float(int(start - rng.uniform(300, 150 * 60)))
            self._open_tx(charger, connector, began, rng.random())
            low, high = charger.model.session_minutes
            connector.plug_end = max(began + rng.uniform(low, high) * 60, start + 120)
            connector.phase, connector.status = "charging", "Charging"
            connector.updated_ts = began
        elif roll < 0.35:
            began = float(int(start - rng.uniform(3 * 3600, 5 * 3600)))
            tx = self._open_tx(charger, connector, began, rng.random())
            tx.charge_end_ts = began + rng.uniform(3600, 2 * 3600)
            connector.plug_end = start + rng.uniform(600, 4 * 3600)
            connector.phase, connector.status = "suspended", "SuspendedEV"
            connector.updated_ts = tx.charge_end_ts
        elif roll < 0.39:
            connector.phase, connector.status = "preparing", "Preparing"
            connector.updated_ts = float(int(start - rng.uniform(5, 40)))
        elif roll < 0.42:
            connector.phase, connector.status = "finishing", "Finishing"
            connector.updated_ts = float(int(start - rng.uniform(5, 60)))
        charger.updated_ts = max(charger.updated_ts, connector.updated_ts)

    def _open_tx(self, charger: Charger, connector: Connector, ts: float, pick: float) -> Tx:
        car = (50.0, 100.0, 150.0) if connector.spec.power_type == "DC" else (7.4, 11.0, 11.0, 22.0)
        kw = min(connector.spec.max_kw, car[int(pick * len(car))])
        if connector.limit_a is not None:
            kw = min(kw, limit_kw(connector, connector.limit_a))
        tag = charger.tags[int(pick * 7919) % len(charger.tags)]
        tx = Tx(self.next_tx_id, connector.index, connector.db_id, tag, connector.meter_wh, ts, kw)
        self.next_tx_id += 1
        charger.txs.add(tx)
        connector.tx = tx
        return tx

    def _assign_public(self, rng: random.Random, roles: dict[int, str]) -> None:
        """A subset of chargers take public payments: mostly EUR, one GBP and one JPY."""
        healthy_ac = [
            c for c in self.chargers if c.index not in roles and not c.model.is_dc and c.index > 0
        ]
        rng.shuffle(healthy_ac)
        specials = {"GBP": ("Kings Cross Yard – Bay 2",), "JPY": ("Shibuya Garage – Bay 5",)}
        for currency, (name,) in specials.items():
            if healthy_ac:
                charger = healthy_ac.pop()
                charger.reference = name
                self._make_public(charger, rng, currency)
        others = [c for c in self.chargers if c.public is None and roles.get(c.index) in (None,)]
        for charger in others:
            if rng.random() < 0.25:
                self._make_public(charger, rng, "EUR")
        for role in ("offline", "faulted"):
            # One broken public charger each, so refusals can be seen on real codes.
            for charger in self.chargers:
                if roles.get(charger.index) == role and charger.public is None:
                    self._make_public(charger, rng, "EUR")
                    break

    def _make_public(self, charger: Charger, rng: random.Random, currency: str) -> None:
        code = catalog.public_code(rng)
        while code in self.by_code:
            code = catalog.public_code(rng)
        if currency == "JPY":
            price, fee = rng.randint(40, 60), rng.choice((0, 100, 200))
        elif currency == "GBP":
            price, fee = rng.randint(55, 79), rng.choice((0, 30, 50))
        elif charger.model.is_dc:
            price, fee = rng.randint(55, 79), rng.choice((0, 50, 100))
        else:
            price, fee = rng.randint(29, 49), rng.choice((0, 25, 35, 50))
        name = charger.reference or charger.identity
        charger.public = PublicInfo(code, currency, price, fee, name)
        self.by_code[code] = charger

    def _schedule_life(self, rng: random.Random) -> None:
        for charger in self.chargers:
            if charger.connection == "never_seen" or charger.blocked:
                continue
            if charger.faulted or charger.fault_records:
                lasts = self._trouble_duration(rng, self.trouble.faulted_share,
                                               self.trouble.faults_per_minute, 45 * 60, 6 * 3600)
                self.schedule(self.start_ts + lasts, EV_FAULT_END,
                              charger.index, gen=charger.fault_gen)  # fmt: skip
            else:
                self._schedule_next_fault(charger, self.start_ts, quiet=True)
            if charger.connection == "offline":
                lasts = self._trouble_duration(rng, self.trouble.offline_share,
                                               self.trouble.offline_per_minute, 20 * 60, 8 * 3600)
                self.schedule(self.start_ts + lasts, EV_ONLINE,
                              charger.index, gen=charger.offline_gen)  # fmt: skip
            else:
                self._schedule_next_offline(charger, self.start_ts, quiet=True)
            for connector in charger.connectors:
                self._schedule_connector(charger, connector, rng)
        heapq.heapify(self._heap)

    def _trouble_duration(
        self, rng: random.Random | Rng, share: float, rate: float | None, low: float, high: float
    ) -> float:
        """How long a fault or outage lasts: `low`..`high` by default; with a trouble
        rate, spread around the mean that keeps `share` of the fleet in trouble."""
        mean = self.trouble.mean_duration(share, rate, len(self.chargers))
        if mean is None:
            return rng.uniform(low, high)
        return max(self.trouble.min_duration, rng.uniform(0.2, 1.8) * mean)

    def _schedule_connector(
        self, charger: Charger, connector: Connector, rng: random.Random
    ) -> None:
        start = self.start_ts
        phase = connector.phase
        if phase == "idle":
            when = start + rng.expovariate(1.0 / (charger.model.idle_minutes * 60))
        elif phase == "preparing":
            when = start + rng.uniform(10, 90)
        elif phase == "charging" and connector.tx is not None:
            when = self._charging_next(charger, connector, connector.tx, rng.random())
        elif phase == "suspended":
            when = connector.plug_end
        elif phase == "finishing":
            when = start + rng.uniform(10, 120)
        else:
            return
        self.schedule(when, EV_TX, charger.index, connector.index, connector.gen)

    def _charging_next(self, charger: Charger, connector: Connector, tx: Tx, pick: float) -> float:
        """When a charging car is full (suspend) or leaves, whichever comes first."""
        dc = connector.spec.power_type == "DC"
        target_kwh = (15 + 55 * pick) if dc else (4 + 51 * pick)
        full_at = tx.start_ts + target_kwh / tx.kw * 3600
        return min(full_at, connector.plug_end)

    def _schedule_next_fault(self, charger: Charger, ts: float, *, quiet: bool) -> None:
        draw = self.rng(charger).expo(self.fault_mean)
        when = ts + draw + (QUIET_SECONDS if quiet else 0.0)
        self.schedule(when, EV_FAULT, charger.index, gen=charger.fault_gen)

    def _schedule_next_offline(self, charger: Charger, ts: float, *, quiet: bool) -> None:
        draw = self.rng(charger).expo(self.offline_mean)
        when = ts + draw + (QUIET_SECONDS if quiet else 0.0)
        self.schedule(when, EV_OFFLINE, charger.index, gen=charger.offline_gen)

    # -- fault log -----------------------------------------------------------------------

    def _log(
        self,
        charger: Charger,
        kind: str,
        error: str | None,
        ts: float,
        *,
        connector_id: int | None = None,
        forced: bool = False,
    ) -> int:
        record = FaultRecord(
            charger_uuid=charger.uuid,
            identity=charger.identity,
            kind=kind,
            error=error,
            started_at=to_datetime(ts),
            connector_id=connector_id,
            forced=forced,
        )
        self.fault_log.append(record)
        return len(self.fault_log) - 1

    def _close(self, record: int, ts: float) -> None:
        current = self.fault_log[record]
        if current.ended_at is None:
            self.fault_log[record] = replace(current, ended_at=to_datetime(ts))

    # -- life: faults --------------------------------------------------------------------

    def _on_fault(self, ts: float, index: int, _b: int, gen: int) -> None:
        charger = self.chargers[index]
        if gen != charger.fault_gen:
            return
        rng = self.rng(charger)
        busy = charger.faulted or charger.fault_records or charger.blocked
        if charger.connection != "online" or busy:
            self.schedule(ts + rng.expo(self.fault_mean), EV_FAULT, index, gen=gen)
            return
        error = rng.weighted(catalog.FAULT_NAMES, catalog.FAULT_WEIGHTS)
        info = rng.choice(catalog.FAULT_INFO[error])
        vendor_code = f"E{rng.randint(100, 999)}" if rng.chance(0.3) else None
        roll = rng.random()
        if self.trouble.faults_per_minute:
            duration = self._trouble_duration(
                rng, self.trouble.faulted_share, self.trouble.faults_per_minute, 0, 0
            )
        elif roll < 0.35:
            duration = rng.uniform(15, 60)  # a blip the dashboard may never see
        elif roll < 0.8:
            duration = rng.uniform(120, 900)
        else:
            duration = rng.uniform(900, 3600)
        connector = None
        if len(charger.connectors) > 1 and rng.chance(self.trouble.connector_share):
            connector = rng.randint(0, len(charger.connectors) - 1)
        self._apply_fault(charger, ts, error, info, vendor_code, connector, forced=False)
        self.schedule(ts + duration, EV_FAULT_END, index, gen=charger.fault_gen)

    def _on_fault_end(self, ts: float, index: int, _b: int, gen: int) -> None:
        charger = self.chargers[index]
        if gen != charger.fault_gen:
            return
        self.clear_fault_at(charger, ts)
        self._schedule_next_fault(charger, ts, quiet=False)

    def _apply_fault(
        self,
        charger: Charger,
        ts: float,
        error: str,
        info: str | None,
        vendor_code: str | None,
        connector_index: int | None,
        *,
        forced: bool,
    ) -> None:
        if connector_index is None:
            charger.status, charger.error = "Faulted", error
            charger.error_info, charger.vendor_error_code = info, vendor_code
            targets = charger.connectors
        else:
            targets = [charger.connectors[connector_index]]
        reason = _fault_stop_reason(error)
        for connector in targets:
            self._interrupt(charger, connector, ts, reason)
            connector.phase, connector.status = "down", "Faulted"
            connector.error, connector.error_info = error, info
            connector.vendor_error_code = vendor_code
            connector.gen += 1
            connector.updated_ts = max(connector.updated_ts, ts)
        charger.updated_ts = max(charger.updated_ts, ts)
        connector_id = None if connector_index is None else connector_index + 1
        if forced or error in HARD_ERRORS:
            charger.hard_faults.append((error, info, vendor_code, connector_index, forced))
        charger.fault_records.append(
            self._log(charger, "fault", error, ts, connector_id=connector_id, forced=forced)
        )

    def _interrupt(self, charger: Charger, connector: Connector, ts: float, reason: str) -> None:
        """A fault ends whatever the connector was doing, public session included."""
        if connector.tx is not None and connector.tx.stop_ts is None:
            connector.meter_wh += connector.tx.finish(ts, reason)
            charger.txs.changed()
        connector.tx = None
        token, connector.claimed_by = connector.claimed_by, None
        if token is not None and self.hooks is not None:
            self.hooks.on_connector_interrupted(ts, token, reason)

    def clear_fault_at(self, charger: Charger, ts: float) -> None:
        """Every error on the charger and its connectors cleared, at `ts`."""
        if charger.connection == "never_seen":
            status: str | None = None
        else:
            status = "Unavailable" if charger.blocked or charger.locked else "Available"
        changed = charger.status != status or charger.error != charger.no_error
        charger.status, charger.error = status, charger.no_error
        charger.error_info = charger.vendor_error_code = None
        for connector in charger.connectors:
            if connector.status == "Faulted":
                connector.status = None if status is None else status
                connector.phase = "idle" if status == "Available" else "down"
                connector.gen += 1
                connector.updated_ts = max(connector.updated_ts, ts)
                changed = True
                if connector.phase == "idle":
                    self._schedule_plug(charger, connector, ts)
            if connector.error != "NoError":
                connector.error = "NoError"
                connector.updated_ts = max(connector.updated_ts, ts)
                changed = True
            connector.error_info = connector.vendor_error_code = None
            connector.comm_record = None
        for record in charger.fault_records:
            self._close(record, ts)
        charger.fault_records.clear()
        charger.hard_faults.clear()
        if changed:
            charger.updated_ts = max(charger.updated_ts, ts)

    # -- life: connectivity --------------------------------------------------------------

    def _on_offline(self, ts: float, index: int, _b: int, gen: int) -> None:
        charger = self.chargers[index]
        if gen != charger.offline_gen:
            return
        rng = self.rng(charger)
        if charger.connection != "online":
            self.schedule(ts + rng.expo(self.offline_mean), EV_OFFLINE, index, gen=gen)
            return
        roll = rng.random()
        if self.trouble.offline_per_minute:
            duration = self._trouble_duration(
                rng, self.trouble.offline_share, self.trouble.offline_per_minute, 0, 0
            )
        elif roll < 0.5:
            duration = rng.uniform(20, 90)  # reconnects at once (4G hiccup)
        elif roll < 0.9:
            duration = rng.uniform(120, 1200)
        else:
            duration = rng.uniform(1200, 7200)
        self.go_offline(charger, ts, forced=False)
        self.schedule(ts + duration, EV_ONLINE, index, gen=charger.offline_gen)

    def _on_online(self, ts: float, index: int, _b: int, gen: int) -> None:
        charger = self.chargers[index]
        if gen != charger.offline_gen:
            return
        self.go_online(charger, ts)
        self._schedule_next_offline(charger, ts, quiet=False)

    def go_offline(self, charger: Charger, ts: float, *, forced: bool) -> None:
        if charger.connection == "offline":
            return
        charger.frozen_heartbeat_ts = charger.heartbeat_ts(ts)
        charger.connection = "offline"
        charger.last_disconnection_ts = ts
        charger.updated_ts = max(charger.updated_ts, ts)
        charger.offline_record = self._log(charger, "offline", None, ts, forced=forced)

    def go_online(self, charger: Charger, ts: float) -> None:
        if charger.connection == "online":
            return
        first_time = charger.connection == "never_seen"
        charger.connection = "online"
        charger.last_connection_ts = ts
        charger.updated_ts = max(charger.updated_ts, ts)
        if charger.offline_record is not None:
            self._close(charger.offline_record, ts)
            charger.offline_record = None
        if first_time:
            # The first BootNotification: the charger introduces itself.
            model = charger.model
            charger.firmware, charger.parsed_firmware = model.firmware[0]
            charger.server = catalog.SERVERS[charger.index % len(catalog.SERVERS)]
            charger.setup_pending, charger.setup_completed = False, True
            charger.status, charger.error = "Available", charger.no_error
            for connector in charger.connectors:
                connector.status, connector.phase = "Available", "idle"
                connector.created_ts = connector.updated_ts = ts
                connector.gen += 1
                self._schedule_plug(charger, connector, ts)
            self._schedule_next_fault(charger, ts, quiet=True)

    # -- life: charging cycle ------------------------------------------------------------

    def _schedule_plug(self, charger: Charger, connector: Connector, ts: float) -> None:
        delay = self.rng(charger).expo(charger.model.idle_minutes * 60)
        self.schedule(ts + delay, EV_TX, charger.index, connector.index, connector.gen)

    def _set_status(self, charger: Charger, connector: Connector, status: str, ts: float) -> None:
        connector.status = status
        _touch(charger, connector, ts)

    def _on_tx(self, ts: float, index: int, k: int, gen: int) -> None:
        charger = self.chargers[index]
        connector = charger.connectors[k]
        if gen != connector.gen:
            return
        rng = self.rng(charger)
        phase = connector.phase
        if phase == "idle":
            self._plug_in(charger, connector, ts, rng)
        elif phase == "preparing":
            self._start_charging(charger, connector, ts, rng)
        elif phase == "charging" and connector.tx is not None and ts < connector.plug_end - 1e-6:
            connector.tx.charge_end_ts = ts  # the car is full; it stays plugged in
            connector.phase = "suspended"
            self._set_status(charger, connector, "SuspendedEV", ts)
            self.schedule(connector.plug_end, EV_TX, index, k, connector.gen)
        elif phase in ("charging", "suspended"):
            reason = rng.weighted(catalog.NORMAL_STOPS, catalog.NORMAL_STOP_WEIGHTS)
            self.stop_tx(charger, connector, ts, reason)
            self.schedule(ts + rng.uniform(10, 120), EV_TX, index, k, connector.gen)
        elif phase == "finishing" and charger.locked:
            connector.phase = "down"  # a lock waited for the session to end
            self._set_status(charger, connector, "Unavailable", ts)
        elif phase == "finishing":
            connector.phase = "idle"
            self._set_status(charger, connector, "Available", ts)
            self._schedule_plug(charger, connector, ts)

    def _plug_in(self, charger: Charger, connector: Connector, ts: float, rng: Rng) -> None:
        usable = (
            charger.connection == "online"
            and charger.status == "Available"
            and connector.status == "Available"
            and connector.claimed_by is None
        )
        if not usable:
            self.schedule(ts + rng.uniform(300, 1800), EV_TX, charger.index, connector.index,
                          connector.gen)  # fmt: skip
            return
        connector.phase = "preparing"
        self._set_status(charger, connector, "Preparing", ts)
        ready = ts + rng.uniform(10, 90)
        if ts >= self.quiet_until and rng.chance(0.08):
            # The car and the charger fail to talk: a short EVCommunicationError.
            ends = ts + rng.uniform(15, 90)
            connector.error = "EVCommunicationError"
            connector.error_info = rng.choice(catalog.COMM_ERROR_INFO)
            record = self._log(charger, "fault", "EVCommunicationError", ts,
                               connector_id=connector.connector_id)  # fmt: skip
            connector.comm_record = record
            charger.fault_records.append(record)
            self.schedule(ends, EV_COMM_END, charger.index, connector.index, record)
            ready = ends + rng.uniform(5, 30)
        self.schedule(ready, EV_TX, charger.index, connector.index, connector.gen)

    def _on_comm_end(self, ts: float, index: int, k: int, record: int) -> None:
        charger = self.chargers[index]
        connector = charger.connectors[k]
        if connector.comm_record != record:
            return
        connector.comm_record = None
        if connector.error == "EVCommunicationError":
            connector.error, connector.error_info = "NoError", None
            _touch(charger, connector, ts)
        self._close(record, ts)
        if record in charger.fault_records:
            charger.fault_records.remove(record)

    def _start_charging(self, charger: Charger, connector: Connector, ts: float, rng: Rng) -> None:
        if charger.status != "Available" or rng.chance(0.05):
            connector.phase = "idle"  # the driver gave up before charging started
            self._set_status(charger, connector, "Available", ts)
            self._schedule_plug(charger, connector, ts)
            return
        tx = self._open_tx(charger, connector, ts, rng.random())
        low, high = charger.model.session_minutes
        connector.plug_end = ts + rng.uniform(low, high) * 60
        connector.phase = "charging"
        self._set_status(charger, connector, "Charging", ts)
        when = self._charging_next(charger, connector, tx, rng.random())
        self.schedule(when, EV_TX, charger.index, connector.index, connector.gen)

    def stop_tx(
        self, charger: Charger, connector: Connector, ts: float, reason: str | None
    ) -> None:
        tx = connector.tx
        if tx is not None and tx.stop_ts is None:
            connector.meter_wh += tx.finish(ts, reason)
            charger.txs.changed()
        connector.tx = None
        connector.phase = "finishing"
        self._set_status(charger, connector, "Finishing", ts)

    # -- public sessions (driven by public.py) -------------------------------------------

    def _on_session(self, ts: float, session_no: int, _b: int, gen: int) -> None:
        if self.hooks is not None:
            self.hooks.on_session_event(ts, session_no, gen)

    def claim(self, charger: Charger, connector: Connector, token: str, ts: float) -> None:
        connector.claimed_by = token
        connector.phase = "session"
        connector.gen += 1  # the fleet's own cycle pauses while a driver holds it
        self._set_status(charger, connector, "Preparing", ts)

    def start_session_tx(self, charger: Charger, connector: Connector, ts: float, tag: str) -> Tx:
        car = 50.0 if connector.spec.power_type == "DC" else 11.0
        tx = Tx(self.next_tx_id, connector.index, connector.db_id, tag, connector.meter_wh, ts,
                min(connector.spec.max_kw, car))  # fmt: skip
        self.next_tx_id += 1
        charger.txs.add(tx)
        connector.tx = tx
        self._set_status(charger, connector, "Charging", ts)
        return tx

    def release(
        self, charger: Charger, connector: Connector, ts: float, reason: str | None
    ) -> None:
        """A public session lets go of its connector: Finishing, then back to the fleet."""
        if connector.claimed_by is None:
            return
        connector.claimed_by = None
        if connector.phase != "session":
            return  # a fault took it over already
        connector.gen += 1
        if connector.tx is not None:
            self.stop_tx(charger, connector, ts, reason)
            self.schedule(ts + 30, EV_TX, charger.index, connector.index, connector.gen)
        else:
            connector.phase = "idle"
            self._set_status(charger, connector, "Available", ts)
            self._schedule_plug(charger, connector, ts)

    # -- forced changes (tests, demo) ----------------------------------------------------

    def force_fault(
        self, charger: Charger, ts: float, error: str, info: str | None, connector_id: int | None
    ) -> None:
        if connector_id is not None and not 1 <= connector_id <= len(charger.connectors):
            raise ValueError(f"charger {charger.uuid} has no connector {connector_id}")
        self.clear_fault_at(charger, ts)
        charger.fault_gen += 1  # a forced fault lasts until clear_fault
        index = None if connector_id is None else connector_id - 1
        self._apply_fault(charger, ts, error, info, None, index, forced=True)

    def clear_fault(self, charger: Charger, ts: float) -> None:
        self.clear_fault_at(charger, ts)
        charger.fault_gen += 1
        if charger.connection != "never_seen" and not charger.blocked:
            self._schedule_next_fault(charger, ts, quiet=True)

    def force_offline(self, charger: Charger, ts: float) -> None:
        charger.offline_gen += 1  # stays offline until force_online
        if charger.connection == "never_seen":
            return
        self.go_offline(charger, ts, forced=True)

    def force_online(self, charger: Charger, ts: float) -> None:
        charger.offline_gen += 1
        self.go_online(charger, ts)
        if not charger.blocked:
            self._schedule_next_offline(charger, ts, quiet=True)

    # -- transactions --------------------------------------------------------------------

    def _build_big_history(self, charger: Charger) -> None:
        """The benchmark charger's history is made up front; it may reach further back
        than planned, so the charger's creation date follows it."""
        self.ensure_history(charger)
        history = charger.txs.history
        if history is not None and len(history):
            created = float(int(min(charger.created_ts, history.starts[0] - 3 * DAY)))
            charger.created_ts = created
            for connector in charger.connectors:
                connector.created_ts = created + 60

    def ensure_history(self, charger: Charger) -> None:
        if charger.txs.history is not None:
            return
        charger.txs.history = generate_history(
            seed=self.seed,
            index=charger.index,
            count=charger.history_count,
            id_base=charger.history_id_base,
            span=charger.history_span,
            connectors=[
                HistoryConnector(c.db_id, c.meter_origin, c.spec.max_kw) for c in charger.connectors
            ],
            session_minutes=charger.model.session_minutes,
            dc=charger.model.is_dc,
            tags=charger.tags,
            floor=None if charger.index == self._big_index else charger.created_ts,
        )
        charger.txs.changed()

    def new_tx_id(self) -> int:
        self.next_tx_id += 1
        return self.next_tx_id - 1

    # -- API views -----------------------------------------------------------------------

    def charger_api(self, charger: Charger, now: float, *, detail: bool = False) -> dict[str, Any]:
        model = charger.model
        seen = charger.connection != "never_seen"
        item: dict[str, Any] = {
            "uuid": charger.uuid,
            "id": charger.id,
            "identity": charger.identity,
            "reference": charger.reference,
            "connection_status": charger.connection,
            "status": charger.status,
            "error": charger.error,
            "error_info": charger.error_info,
            "vendor_id": model.vendor_id if seen else None,
            "vendor_error_code": charger.vendor_error_code,
            "firmware_version": charger.firmware,
            "parsed_firmware_version": charger.parsed_firmware,
            "server": charger.server,
            "last_connection_at": iso_z_or_none(charger.last_connection_ts),
            "last_disconnection_at": iso_z_or_none(charger.last_disconnection_ts),
            "last_heartbeat_at": iso_z_or_none(charger.heartbeat_ts(now)),
            "setup_pending": charger.setup_pending,
            "setup_completed": charger.setup_completed,
            "blocked": charger.blocked,
            "max_current": charger.max_current,
            "created_at": iso_z(charger.created_ts),
            "updated_at": iso_z(charger.updated_ts),
            "licenses": {"smart": charger.licenses[0], "pro": charger.licenses[1]},
            "model_id": model.model_id,
            "model": {"vendor": model.vendor, "name": model.name, "is_dc": model.is_dc},
            "permissions": dict(
                zip(("basic", "sensitive", "full"), charger.permissions, strict=True)
            ),
        }
        if detail:
            item["pincode"] = charger.pincode if charger.permissions[1] else None
            item["connectors"] = (
                [self.connector_api(charger, c) for c in charger.connectors] if seen else []
            )
        return item

    def connector_api(self, charger: Charger, connector: Connector) -> dict[str, Any]:
        spec = connector.spec
        return {
            "id": connector.db_id,
            "charger_id": charger.id,
            "connector_id": connector.connector_id,
            "status": connector.status,
            "error": connector.error,
            "error_info": connector.error_info,
            "vendor_id": charger.model.vendor_id if connector.vendor_error_code else None,
            "vendor_error_code": connector.vendor_error_code,
            "max_amperage": spec.max_amperage,
            "max_voltage": spec.max_voltage,
            "standard": spec.standard,
            "format": spec.format,
            "power_type": spec.power_type,
            "phase_rotation": connector.phase_rotation,
            "created_at": iso_z(connector.created_ts),
            "updated_at": iso_z(connector.updated_ts),
        }

    def power_usage(self, charger: Charger, connector: Connector, now: float) -> dict[str, str]:
        """Live per-phase current (A) and power (kW), as the fixed-width strings the API
        sends: `"-"` when there is nothing to measure, `" 0.0"` for an idle phase."""
        dash = {"timestamp": "-", "L1": "-", "L2": "-", "L3": "-", "kW": "-"}
        if charger.connection != "online":
            last = charger.heartbeat_ts(now)
            return dash | {"timestamp": iso_z(last) if last is not None else "-"}
        stamp = iso_z(now - now % 10)  # meter values arrive every 10 s
        tx = connector.tx
        if (
            tx is None
            or tx.stop_ts is not None
            or connector.status
            not in (
                "Charging",
                "SuspendedEV",
                "SuspendedEVSE",
            )
        ):
            return dash | {"timestamp": stamp}
        charging = tx.charge_end_ts is None and connector.status == "Charging"
        kw = tx.kw * (0.97 + 0.05 * Rng(derive(self.seed, tx.id, int(now // 10))).random())
        if not charging:
            kw = 0.0
        power_type = connector.spec.power_type
        if power_type == "DC":
            phases = ["-", "-", "-"]
        elif power_type == "AC_1_PHASE":
            phases = [f"{kw * 1000 / 230:4.1f}", f"{0.0:4.1f}", f"{0.0:4.1f}"]
        else:
            amps = kw * 1000 / (400 * 1.732)
            phases = [f"{amps + d:4.1f}" if kw else f"{0.0:4.1f}" for d in (0.0, 0.2, -0.1)]
        return {"timestamp": stamp, "L1": phases[0], "L2": phases[1], "L3": phases[2],
                "kW": f"{kw:4.1f}"}  # fmt: skip


def limit_kw(connector: Connector, amps: float) -> float:
    """The power a current limit allows on this connector."""
    spec = connector.spec
    if spec.power_type == "AC_3_PHASE":
        return amps * 230 * 3 / 1000
    if spec.power_type == "AC_1_PHASE":
        return amps * 230 / 1000
    return amps * spec.max_voltage * 0.8 / 1000


def _touch(charger: Charger, connector: Connector, ts: float) -> None:
    """`updated_at` never goes back (events from before the start run late)."""
    connector.updated_ts = max(connector.updated_ts, ts)
    charger.updated_ts = max(charger.updated_ts, ts)


def _fault_stop_reason(error: str) -> str:
    if error in ("GroundFailure", "OverCurrentFailure"):
        return "EmergencyStop"
    if error in ("UnderVoltage", "OverVoltage", "PowerSwitchFailure"):
        return "PowerLoss"
    return "Other"


def _pick_roles(rng: random.Random, size: int, trouble: Trouble) -> dict[int, str]:
    """Which chargers start broken. Charger 0 is always healthy (it is the big one)."""
    if size < 2:
        return {}
    counts = (
        ("faulted", max(1, round(size * trouble.faulted_share))),
        ("offline", max(1, round(size * trouble.offline_share))),
        ("never_seen", max(1, size // 500) if size >= 5 else 0),
        ("blocked", max(1, size // 200) if size >= 5 else 0),
    )
    wanted = sum(n for _, n in counts)
    pool = rng.sample(range(1, size), min(wanted, size - 1))
    roles: dict[int, str] = {}
    for role, n in counts:
        for _ in range(n):
            if pool:
                roles[pool.pop()] = role
    return roles
