"""Seeded, repeatable trouble on the wire.

Modes (knobs in brackets, with defaults):
- `flaky`: a share of requests answer 500 or 504 (`rate`/`error_rate` 0.1).
- `throttled`: 429 storms with Retry-After: `storm_seconds` (3) of 429s every `period` (10),
  starting at once; `retry_after` overrides the header (default: until the storm ends).
- `garbage`: broken bodies (`rate` 0.5; `kinds` from malformed, wrong_types, truncated,
  html, empty): malformed JSON, valid JSON with wrong field types, a body cut short (with a
  matching Content-Length), an HTML error page, an empty 200.
- `slow`: answers arrive after `latency` seconds (30; `rate` 1.0); stop() interrupts.
- `drop`: the connection closes mid-body (`rate` 0.5).
- `outage`: every connection (public routes too) is reset at once, for `duration` (30 s,
  None = until cleared); then the server is back.
- `token-revoked`: the demo token gets 401 until chaos is cleared.
Every mode takes `duration` (real seconds; None = until `set_chaos(None)`) and `public`
(False: only authenticated fleet routes are affected, except `outage`).

The same seed, mode and request sequence give the same outcomes.
"""

from __future__ import annotations

import json
import random
import threading
import time
from dataclasses import dataclass
from typing import Any

MODES = ("flaky", "throttled", "garbage", "slow", "drop", "outage", "token-revoked")
GARBAGE_KINDS = ("malformed", "wrong_types", "truncated", "html", "empty")
_DEFAULTS: dict[str, dict[str, Any]] = {
    "flaky": {"rate": 0.1},
    "throttled": {"storm_seconds": 3.0, "period": 10.0, "retry_after": None, "rate": 1.0},
    "garbage": {"rate": 0.5, "kinds": GARBAGE_KINDS},
    "slow": {"rate": 1.0, "latency": 30.0},
    "drop": {"rate": 0.5},
    "outage": {"duration": 30.0},
    "token-revoked": {},
}
_COMMON = {"duration": None, "public": False}


@dataclass(frozen=True)
class Decision:
    """What chaos does to one request. `kind`: error | garbage | delay | drop | close |
    unauthorized."""

    mode: str
    kind: str
    status: int = 0
    body: Any = None
    retry_after: int | None = None
    garbage: str = ""
    delay: float = 0.0


class Chaos:
    def __init__(self, seed: int) -> None:
        self._seed = seed
        self._lock = threading.Lock()
        self._mode: str | None = None
        self._knobs: dict[str, Any] = {}
        self._since = 0.0
        self._rng = random.Random(0)

    def set(self, name: str | None, knobs: dict[str, Any]) -> None:
        if name is not None and name not in MODES:
            raise ValueError(f"unknown chaos mode {name!r}; choose from {', '.join(MODES)}")
        settings: dict[str, Any] = {}
        if name is not None:
            allowed = {**_COMMON, **_DEFAULTS[name]}
            if name == "flaky":
                allowed["error_rate"] = None
            unknown = set(knobs) - set(allowed)
            if unknown:
                raise ValueError(f"chaos {name!r} has no knob(s) {', '.join(sorted(unknown))}")
            settings = {**allowed, **{k: v for k, v in knobs.items()}}
            if name == "flaky" and settings.get("error_rate") is not None:
                settings["rate"] = settings["error_rate"]
            if name == "garbage":
                bad = set(settings["kinds"]) - set(GARBAGE_KINDS)
                if bad:
                    raise ValueError(f"unknown garbage kind(s) {', '.join(sorted(bad))}")
        with self._lock:
            self._mode = name
            self._knobs = settings
            self._since = time.monotonic()
            self._rng = random.Random(f"plugdesk-chaos:{self._seed}:{name}")

    @property
    def mode(self) -> str | None:
        with self._lock:
            return self._current(time.monotonic())

    def _current(self, now: float) -> str | None:
        duration = self._knobs.get("duration")
        if self._mode is not None and duration is not None and now - self._since >= duration:
            self._mode, self._knobs = None, {}
        return self._mode

    def decide(self, *, public: bool) -> Decision | None:
        """The trouble for this request, if any (one draw per affected request)."""
        with self._lock:
            now = time.monotonic()
            mode = self._current(now)
            if mode is None:
                return None
            knobs = self._knobs
            if mode == "outage":
                return Decision(mode, "close")
            if public and not knobs.get("public"):
                return None
            if mode == "token-revoked":
                return Decision(mode, "unauthorized")
            if mode == "throttled":
                return self._throttle(now - self._since, knobs)
            if self._rng.random() >= float(knobs.get("rate", 1.0)):
                return None
            if mode == "flaky":
                if self._rng.random() < 0.5:
                    return Decision(mode, "error", 500, {"message": "Server Error"})
                body = {"message": "The charger did not respond in time."}
                return Decision(mode, "error", 504, body)
            if mode == "garbage":
                kinds = tuple(knobs["kinds"])
                return Decision(mode, "garbage", garbage=kinds[self._rng.randrange(len(kinds))])
            if mode == "slow":
                return Decision(mode, "delay", delay=float(knobs["latency"]))
            return Decision(mode, "drop")

    def _throttle(self, elapsed: float, knobs: dict[str, Any]) -> Decision | None:
        period = float(knobs["period"])
        storm = float(knobs["storm_seconds"])
        phase = elapsed % period if period > 0 else 0.0
        if phase >= storm or self._rng.random() >= float(knobs["rate"]):
            return None
        retry = knobs.get("retry_after")
        wait = int(retry) if retry is not None else max(1, int(storm - phase + 0.999))
        return Decision("throttled", "error", 429, {"message": "Too Many Attempts."}, wait)

    # -- garbage bodies ------------------------------------------------------------------

    def garbage_body(self, kind: str, payload: Any, encoded: bytes) -> tuple[int, str, bytes]:
        """(status, content type, body) for a garbage answer built from the real one."""
        with self._lock:
            rng = self._rng
            if kind == "malformed":
                cut = encoded[: max(1, len(encoded) // 3)]
                return 200, "application/json", cut + b',,"}{]]'

            if kind == "truncated":
                return 200, "application/json", encoded[: max(1, len(encoded) // 2)]
            if kind == "html":
                return 502, "text/html; charset=UTF-8", _HTML_502
            if kind == "empty":
                return 200, "application/json", b""
            mangled = _wrong_types(payload, rng)
            return 200, "application/json", json.dumps(mangled).encode()


_HTML_502 = (
    b"<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
    b"<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n"
    b"</body>\r\n</html>\r\n"
)

_WRONG_BY_TYPE: dict[type, Any] = {
    bool: "yes",
    int: "12abc",
    float: "not-a-number",
    str: 12345,
    list: {"unexpected": True},
    dict: ["unexpected"],
    type(None): [],
}


def _wrong_types(payload: Any, rng: random.Random) -> Any:
    """The real answer with one field of the (first) item given the wrong JSON type."""
    document = json.loads(json.dumps(payload))
    if not isinstance(document, dict):
        return {"data": "unexpected"}
    data = document.get("data", document)  # power-usage is not wrapped in `data`
    target = data[0] if isinstance(data, list) and data else data
    if not isinstance(target, dict) or not target:
        document["data"] = "unexpected"
        return document
    keys = sorted(target)
    key = keys[rng.randrange(len(keys))]
    target[key] = _WRONG_BY_TYPE.get(type(target[key]), 0)
    return document
