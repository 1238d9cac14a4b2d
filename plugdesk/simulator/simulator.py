"""`Simulator`: a Plugchoice API v3 stand-in served over real HTTP on loopback.

    with Simulator(chargers=40, seed=7) as sim:
        httpx.get(f"{sim.base_url}/chargers", headers={"Authorization": f"Bearer {sim.token}"})

Behind the endpoints (every table of API.md): a fleet (fleet.py), sites and teams around
it (world.py), actions and settings with effects on the simulated clock (actions.py), and
the OCPP log and meter values worked out on request (ocpp.py).

For tests: `force_fault(..., connector_id=, hard=)`, `fault_log` / `connector_fault_log`,
`action_log` (every action and settings write) beside `request_log`,
`force_action_outcome("reply" | "timeout_done" | "timeout_lost" | None)`,
`set_teams_endpoint(bool)`, `sites()`, `teams()`, `site_charger_uuids()`,
`team_charger_uuids()` and `describe()` (what `plugdesk sim` prints).

Simulated time = start + real elapsed x time_scale + everything passed to `advance`.
The fleet at simulated time T depends only on the seed and the start time, not on when
requests came (pass `start_time` and `time_scale=0` to compare two simulators exactly).
Rate-limit windows and chaos durations run on real time.
"""

from __future__ import annotations

import contextlib
import math
import random
import socket
import threading
import time
import uuid as uuidlib
from collections.abc import Mapping
from datetime import datetime
from types import TracebackType
from typing import Any

from plugdesk.simulator import catalog
from plugdesk.simulator.actions import OUTCOMES, ActionRecord, Actions
from plugdesk.simulator.chaos import Chaos
from plugdesk.simulator.fleet import TROUBLES, Charger, Fleet
from plugdesk.simulator.places import Places
from plugdesk.simulator.public import PublicCharging
from plugdesk.simulator.ratelimit import SlidingWindow
from plugdesk.simulator.records import FaultRecord, RequestRecord
from plugdesk.simulator.server import PUBLIC_BUCKETS, App, HttpServer, tokens_match
from plugdesk.simulator.transactions import Tx
from plugdesk.simulator.util import SimClock, derive, iso_z, to_datetime, to_timestamp
from plugdesk.simulator.world import World


class Simulator:
    def __init__(
        self,
        chargers: int = 40,
        seed: int = 7,
        time_scale: float = 1.0,
        token: str | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
        rate_limit_per_minute: int = 500,
        rate_window_seconds: float = 60.0,
        big_charger_transactions: int = 0,
        chaos: str | None = None,
        *,
        start_time: datetime | None = None,
        public_rate_limits: Mapping[str, int] | None = None,
        public_starts_per_hour: int = 6,
        public_session_charge_seconds: float = 40.0,
        public_session_expire_seconds: float = 900.0,
        teams_endpoint: bool = True,
        action_timeout_done_rate: float = 0.04,
        action_timeout_lost_rate: float = 0.02,
        connector_faults_at_start: bool = True,
        trouble: str = "default",
    ) -> None:
        """`trouble`: "default" (a lively demo fleet) or "realistic" (the benchmarks':
        1 % faulted, a third on one connector, 0.5 % offline, two new faults a minute;
        see fleet.Trouble). A realistic fleet starts with no extra connector faults."""
        if trouble not in TROUBLES:
            raise ValueError(f"unknown trouble {trouble!r}; choose from {', '.join(TROUBLES)}")
        self.seed = seed
        self.host = host
        self.port = port
        self.token = token if token is not None else catalog.api_token(seed)
        self._revoked = False
        start_ts = float(int(time.time() if start_time is None else to_timestamp(start_time)))
        self._clock = SimClock(start_ts, time_scale)
        self._lock = threading.RLock()
        self._fleet = Fleet(
            size=chargers,
            seed=seed,
            start_ts=start_ts,
            big_charger_transactions=big_charger_transactions,
            connector_faults_at_start=connector_faults_at_start and trouble == "default",
            trouble=TROUBLES[trouble],
        )
        rng = random.Random(derive(seed, 0x5742))
        keys = (
            "pk_test_51" + "".join(rng.choice(catalog.CODE_ALPHABET) for _ in range(30)),
            "acct_1" + "".join(rng.choice(catalog.CODE_ALPHABET) for _ in range(15)),
        )
        self._public = PublicCharging(
            self._fleet,
            charge_seconds=public_session_charge_seconds,
            expire_seconds=public_session_expire_seconds,
            starts_per_hour=public_starts_per_hour,
            payment_keys=keys,
            to_real=self._clock.real_seconds,
        )
        limits = {**PUBLIC_BUCKETS, **(public_rate_limits or {})}
        unknown = set(limits) - set(PUBLIC_BUCKETS)
        if unknown:
            raise ValueError(f"unknown public rate-limit bucket(s): {', '.join(sorted(unknown))}")
        user = self._user(rng, start_ts)
        self._world = World(
            seed=seed, start_ts=start_ts, charger_count=chargers, owner=user["name"].split()[0]
        )
        self.teams_endpoint = teams_endpoint
        self._places = Places(self._fleet, self._world, lambda: self.teams_endpoint)
        self._actions = Actions(
            self._fleet, seed, action_timeout_done_rate, action_timeout_lost_rate
        )
        self._chaos = Chaos(seed)
        if chaos is not None:
            self._chaos.set(chaos, {})
        self._requests: list[RequestRecord] = []
        self._requests_lock = threading.Lock()
        self.server_errors: list[str] = []  # tracebacks of handler crashes (should stay empty)
        self._app = App(
            fleet=self._fleet,
            public=self._public,
            places=self._places,
            actions=self._actions,
            clock=self._clock,
            lock=self._lock,
            auth_limiter=SlidingWindow(rate_limit_per_minute, rate_window_seconds),
            public_limiters={k: SlidingWindow(v, rate_window_seconds) for k, v in limits.items()},
            chaos=self._chaos,
            token_ok=self._token_ok,
            user=user,
            record=self._record,
            on_error=self.server_errors.append,
        )
        self._server: HttpServer | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle -----------------------------------------------------------------------

    def start(self) -> Simulator:
        if self._server is not None:
            return self
        server = HttpServer((self.host, self.port), self._app, ipv6=":" in self.host)
        self.port = int(server.server_address[1])
        host = f"[{self.host}]" if ":" in self.host else self.host
        self._app.origin = f"http://{host}:{self.port}"
        self._server = server
        self._thread = threading.Thread(
            target=server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name=f"plugdesk-sim:{self.port}",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        server, thread = self._server, self._thread
        if server is None:
            return
        self._server = self._thread = None
        server.stopping.set()  # wakes `slow` chaos sleeps
        closer = threading.Thread(target=server.shutdown, name="plugdesk-sim-stop", daemon=True)
        closer.start()
        # A connection wakes the serving loop from its select() at once.
        with contextlib.suppress(OSError):
            socket.create_connection((self.host or "127.0.0.1", self.port), timeout=0.5).close()
        closer.join(timeout=5)
        server.server_close()
        server.close_connections()
        if thread is not None:
            thread.join(timeout=5)

    def __enter__(self) -> Simulator:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def base_url(self) -> str:
        if self._server is None:
            raise RuntimeError("the simulator is not running: call start() first")
        return f"{self._app.origin}/api/v3"

    # -- time ----------------------------------------------------------------------------

    @property
    def start_time(self) -> datetime:
        return to_datetime(self._clock.start_ts)

    @property
    def time_scale(self) -> float:
        return self._clock.time_scale

    def now(self) -> datetime:
        return to_datetime(self._clock.now_ts())

    def advance(self, seconds: float) -> None:
        """Move simulated time forward; fleet life and sessions catch up at once."""
        self._clock.advance(seconds)
        with self._lock:
            self._sync()

    def _sync(self) -> float:
        now = self._clock.now_ts()
        self._fleet.process_until(now)
        return now

    # -- fleet truth ---------------------------------------------------------------------

    def chargers(self) -> list[dict[str, Any]]:
        """Every charger exactly as a GET /chargers item, now."""
        with self._lock:
            now = self._sync()
            return [self._fleet.charger_api(c, now) for c in self._fleet.chargers]

    def charger(self, uuid: str) -> dict[str, Any]:
        """One charger as GET /chargers/{uuid} `data` (with pincode and connectors)."""
        with self._lock:
            now = self._sync()
            return self._fleet.charger_api(self._fleet.charger(uuid), now, detail=True)

    def charger_uuids(self) -> list[str]:
        return [c.uuid for c in self._fleet.chargers]

    def transactions_for(self, uuid: str) -> list[dict[str, Any]]:
        """All of a charger's transactions as API items, newest first."""
        with self._lock:
            self._sync()
            charger = self._fleet.charger(uuid)
            self._fleet.ensure_history(charger)
            return [charger.txs.render(ref, charger.id) for ref in charger.txs.all_refs()]

    def add_transaction(self, uuid: str, **fields: Any) -> dict[str, Any]:
        """Add a transaction (finished an hour-long one ending now, unless told otherwise).

        Fields are served exactly as given (strings, wrong types and all); datetimes are
        formatted. `connector_id` (1-based, default 1) picks the connector."""
        with self._lock:
            now = self._sync()
            charger = self._fleet.charger(uuid)
            self._fleet.ensure_history(charger)
            tx = self._added_tx(charger, now, fields)
            charger.txs.add(tx)
            return tx.to_api(charger.id)

    def _added_tx(self, charger: Charger, now: float, fields: dict[str, Any]) -> Tx:
        number = int(fields.pop("connector_id", 1))
        if not 1 <= number <= len(charger.connectors):
            raise ValueError(f"charger {charger.uuid} has no connector {number}")
        connector = charger.connectors[number - 1]
        start = _timestamp_or(fields.get("started_at"), None)
        if start is None:
            start = now - 3600
        stop = _timestamp_or(fields.get("stopped_at", now), None)
        tag = str(fields.get("id_tag", charger.tags[0]))
        meter = fields.get("meter_start", connector.meter_wh)
        tx = Tx(
            self._fleet.new_tx_id(),
            connector.index,
            connector.db_id,
            tag,
            meter if isinstance(meter, int) else 0,
            start,
            7.4,
        )
        if stop is not None:
            tx.finish(max(stop, start), fields.get("stop_reason", "Local"))
            tx.is_valid = True
        tx.overrides = {
            key: iso_z(value.timestamp()) if isinstance(value, datetime) else value
            for key, value in fields.items()
        }
        return tx

    def force_fault(
        self,
        uuid: str,
        error: str = "GroundFailure",
        info: str | None = None,
        connector_id: int | None = None,
        *,
        hard: bool = True,
    ) -> None:
        """Fault the charger (or only one connector: the charger stays Available) now.

        It stays until clear_fault. A hard fault comes back after a restart; one made
        with `hard=False` is transient: a restart clears it."""
        if info is None:
            info = catalog.FAULT_INFO.get(error, (None,))[0]
        with self._lock:
            now = self._sync()
            charger = self._fleet.charger(uuid)
            self._fleet.force_fault(charger, now, error, info, connector_id)
            if not hard:
                charger.hard_faults.clear()

    def clear_fault(self, uuid: str) -> None:
        with self._lock:
            now = self._sync()
            self._fleet.clear_fault(self._fleet.charger(uuid), now)

    def force_offline(self, uuid: str) -> None:
        """Drop the charger now; it stays offline until force_online."""
        with self._lock:
            now = self._sync()
            self._fleet.force_offline(self._fleet.charger(uuid), now)

    def force_online(self, uuid: str) -> None:
        """Bring the charger online now (a never-seen one boots for the first time)."""
        with self._lock:
            now = self._sync()
            charger = self._fleet.charger(uuid)
            first_boot = charger.connection == "never_seen"
            self._fleet.force_online(charger, now)
            if first_boot:
                self._actions.first_boot[charger.index] = now
                self._actions.boot_message(charger, now)

    @property
    def fault_log(self) -> list[FaultRecord]:
        with self._lock:
            self._sync()
            return list(self._fleet.fault_log)

    @property
    def connector_fault_log(self) -> list[FaultRecord]:
        """The faults of one connector while its charger reported Available (GET
        /chargers cannot show them; site and team lists and GET /chargers/{uuid} can)."""
        return [r for r in self.fault_log if r.kind == "fault" and r.connector_id is not None]

    # -- actions -------------------------------------------------------------------------

    @property
    def action_log(self) -> list[ActionRecord]:
        """Every action and settings write the API was asked for, in order."""
        with self._lock:
            return list(self._actions.log)

    def force_action_outcome(self, outcome: str | None) -> None:
        """Pin how the next actions answer: "reply" (the charger's own answer),
        "timeout_done" (504, but it happens), "timeout_lost" (504, it does not);
        None goes back to the seeded shares."""
        if outcome is not None and outcome not in OUTCOMES:
            raise ValueError(f"unknown outcome {outcome!r}; choose from {', '.join(OUTCOMES)}")
        with self._lock:
            self._actions.forced = outcome

    def set_teams_endpoint(self, enabled: bool) -> None:
        """Whether GET /teams exists (404 when not; API.md says it may not)."""
        self.teams_endpoint = enabled

    def set_team_lists_refusal(self, status: int | None) -> None:
        """403 (a token without the team permission) or 404 (an API without team lists)
        on every /teams/{team}/... request; None: they answer."""
        if status not in (None, 403, 404):
            raise ValueError(f"team lists refuse with 403 or 404, not {status!r}")
        self._places.team_lists_refusal = status

    def delay_heartbeat(self, uuid: str, seconds_ago: float) -> None:
        """The charger stays online but its last heartbeat was `seconds_ago` seconds ago
        (its next one is an hour after that): stale data on a live connection."""
        with self._lock:
            now = self._sync()
            charger = self._fleet.charger(uuid)
            charger.hb_interval = 3600.0
            charger.hb_phase = now - seconds_ago
            charger.last_connection_ts = min(charger.last_connection_ts or now, now - seconds_ago)

    # -- sites and teams -----------------------------------------------------------------

    def sites(self) -> list[dict[str, Any]]:
        """Every site as a GET /sites item."""
        with self._lock:
            return [self._places.site_api(s) for s in self._world.sites]

    def site_charger_uuids(self, site_uuid: str) -> list[str]:
        site = self._world.site(site_uuid)
        if site is None:
            raise KeyError(f"no site with uuid {site_uuid!r}")
        return [self._fleet.chargers[i].uuid for i in site.chargers]

    def teams(self) -> list[dict[str, Any]]:
        """Every team as a GET /teams item (whether or not that endpoint is switched on)."""
        return [t.to_api() for t in self._world.teams]

    def team_charger_uuids(self, team_uuid: str) -> list[str]:
        team = self._world.team(team_uuid)
        if team is None:
            raise KeyError(f"no team with uuid {team_uuid!r}")
        return [self._fleet.chargers[i].uuid for i in self._world.team_chargers(team)]

    def describe(self) -> list[str]:
        """What `plugdesk sim` prints about the world: codes to try, sites, teams."""
        codes = self.codes_to_try()
        lines = [f"Public codes to try: {', '.join(codes) if codes else '(none)'}"]
        lines.append(f"Sites ({len(self._world.sites)}):")
        for site in self._world.sites[:8]:
            count = len(site.chargers)
            noun = "charger" if count == 1 else "chargers"
            lines.append(f"  {site.name} – {site.address}, {site.country} ({count} {noun})")
        if len(self._world.sites) > 8:
            lines.append(f"  … and {len(self._world.sites) - 8} more")
        for team in self._world.teams:
            lines.append(f"Team: {team.name} (id {team.id}, {len(team.sites)} sites)")
        return lines

    @property
    def request_log(self) -> list[RequestRecord]:
        with self._requests_lock:
            return list(self._requests)

    def _record(self, record: RequestRecord) -> None:
        with self._requests_lock:
            self._requests.append(record)

    # -- auth and chaos ------------------------------------------------------------------

    def _token_ok(self, given: str) -> bool:
        return not self._revoked and tokens_match(given, self.token)

    def revoke_token(self) -> None:
        """The token is revoked in the portal: 401 from now on."""
        self._revoked = True

    def restore_token(self) -> None:
        self._revoked = False

    def set_chaos(self, name: str | None, **knobs: Any) -> None:
        """Start a chaos mode (see plugdesk.simulator.chaos), or stop it with None."""
        self._chaos.set(name, knobs)

    @property
    def chaos(self) -> str | None:
        return self._chaos.mode

    # -- public charging -----------------------------------------------------------------

    def public_codes(self) -> list[str]:
        return [c.public.code for c in self._fleet.chargers if c.public is not None]

    def codes_to_try(self, count: int = 4) -> list[str]:
        """Public codes a newcomer can start a session on right now: the charger online
        and not faulted, with an Available connector (what `plugdesk sim` and the demo's
        Public charging tab suggest). Falls back to any public codes."""
        with self._lock:
            self._sync()
            ready = [
                c.public.code
                for c in self._fleet.chargers
                if c.public is not None
                and c.connection == "online"
                and c.status == "Available"
                and any(k.status == "Available" for k in c.connectors)
            ]
        return (ready or self.public_codes())[:count]

    def public_charger(self, code: str) -> dict[str, Any]:
        """A public charger as the lookup's `data`."""
        with self._lock:
            self._sync()
            charger = self._fleet.by_code[code.upper()]
            return self._public.public_charger_api(charger)

    def charger_uuid_for_code(self, code: str) -> str:
        return self._fleet.by_code[code.upper()].uuid

    @property
    def sessions(self) -> dict[str, dict[str, Any]]:
        """token -> the session as GET /public-charging/sessions/{token} `data`."""
        with self._lock:
            now = self._sync()
            return {t: self._public.session_api(s, now) for t, s in self._public.sessions.items()}

    # -- helpers -------------------------------------------------------------------------

    @staticmethod
    def _user(rng: random.Random, start_ts: float) -> dict[str, Any]:
        created = start_ts - rng.uniform(400, 1200) * 86400
        return {
            "uuid": str(uuidlib.UUID(int=rng.getrandbits(128), version=4)),
            "id": rng.randint(100, 9999),
            "name": "Sam de Vries",
            "email": "sam.devries@example.com",
            "avatar": None,
            "created_at": iso_z(math.floor(created)),
            "updated_at": iso_z(math.floor(start_ts - rng.uniform(1, 60) * 86400)),
        }


def _timestamp_or(value: Any, default: float | None) -> float | None:
    if value is None:
        return default
    try:
        return to_timestamp(value)
    except (TypeError, ValueError):
        return default
