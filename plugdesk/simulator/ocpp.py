"""What the chargers said over OCPP: the message log (`/chargers/{uuid}/logs`) and meter
values (`/metervalues`, `/connectors/{n}/latest-metervalue`).

Nothing here is stored per charger up front: messages and samples are worked out on
request from what the fleet already keeps (transactions, the fault log, heartbeat
timing) plus the few messages actions caused. The register in the meter values runs from
a transaction's `meter_start` to its `meter_stop`, so the samples add up to `total_kwh`.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from plugdesk.simulator import paging
from plugdesk.simulator.actions import Actions
from plugdesk.simulator.fleet import Charger, Connector, Fleet
from plugdesk.simulator.paging import PER_PAGE, Links
from plugdesk.simulator.replies import Reply, error, validation
from plugdesk.simulator.util import derive, iso_z, mix64

DAY = 86400.0
SAMPLE_SECONDS = 300.0  # meter values every 5 minutes while a car charges
LOG_SAMPLE_SECONDS = 900.0  # the log shows one MeterValues message every 15 minutes
INSIGNIFICANT = ("Heartbeat", "MeterValues")
LOG_FILTERS = ("method", "status", "destination", "hide_insignificant", "date_from", "date_to")
METER_FILTERS = ("context", "measurand", "phase", "location", "unit")
_DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_FILTER_KEY = re.compile(r"^filter\[([^\]]*)\]$")
_CODES = {
    "Heartbeat": 0,
    "MeterValues": 10,
    "StatusNotification": 20,
    "StartTransaction": 30,
    "StopTransaction": 40,
}


@dataclass(frozen=True)
class TxView:
    """One transaction, history or live, as the meter needs it."""

    id: int
    connector: Connector
    id_tag: str
    meter_start: int
    start: float
    stop: float | None
    wh_final: int | None
    kw: float
    charge_end: float  # energy stops growing here (car full)
    live: Any = None  # the Tx for live ones (their energy follows charge limits)

    def energy_at(self, t: float) -> int:
        if self.live is not None:
            return int(self.live.energy_at(t))
        wh = self.wh_final or 0
        if t >= self.charge_end:
            return wh
        span = max(1.0, self.charge_end - self.start)
        return int(wh * max(0.0, t - self.start) / span)

    def watts_at(self, t: float) -> float:
        if self.stop is not None and t >= self.stop:
            return 0.0
        if t >= self.charge_end:
            return 0.0
        if self.live is not None:
            return float(self.live.kw) * 1000
        return self.kw * 1000


def transactions(charger: Charger, fleet: Fleet, lo: float, hi: float) -> Iterator[TxView]:
    """Transactions of the charger that overlap [lo, hi], oldest first."""
    fleet.ensure_history(charger)
    history = charger.txs.history
    by_db = {c.db_id: c for c in charger.connectors}
    if history is not None and len(history):
        first = bisect.bisect_left(history.starts, lo - 2 * DAY)
        last = bisect.bisect_right(history.starts, hi)
        for k in range(first, last):
            stop = history.stops[k]
            if stop < lo:
                continue
            tx_id = history.id_base + k
            wh = history.wh[k]
            share = 0.55 + 0.45 * (mix64(tx_id) % 1000) / 1000  # part of the visit spent charging
            charge_end = history.starts[k] + max(60.0, (stop - history.starts[k]) * share)
            kw = wh * 3.6 / max(1.0, charge_end - history.starts[k])
            yield TxView(
                tx_id,
                by_db[history.conn_ids[history.conn[k]]],
                history.tags[history.tag[k]],
                history.meter_start[k],
                history.starts[k],
                stop,
                wh,
                kw,
                charge_end,
            )
    for tx in charger.txs.extras:
        if tx.start_ts > hi or (tx.stop_ts is not None and tx.stop_ts < lo):
            continue
        connector = by_db.get(tx.connector_db_id)
        if connector is None:
            continue
        charge_end = tx.charge_end_ts if tx.charge_end_ts is not None else float("inf")
        yield TxView(
            tx.id,
            connector,
            tx.id_tag,
            tx.meter_start if isinstance(tx.meter_start, int) else 0,
            tx.start_ts,
            tx.stop_ts,
            tx.wh_final,
            tx.kw,
            charge_end,
            tx,
        )


def sample_times(view: TxView, now: float) -> list[float]:
    end = view.stop if view.stop is not None else now
    times = [view.start]
    t = view.start + SAMPLE_SECONDS
    while t < end:
        times.append(t)
        t += SAMPLE_SECONDS
    if view.stop is not None and view.stop > view.start:
        times.append(view.stop)
    return times


def samples(view: TxView, t: float, *, ended: bool) -> list[tuple[str, str, str | None, str, str]]:
    """(measurand, value, phase, unit, context) sampled at `t`."""
    context = (
        "Transaction.Begin"
        if t == view.start
        else ("Transaction.End" if ended else "Sample.Periodic")
    )
    energy = view.meter_start + (
        view.wh_final if ended and view.wh_final is not None else view.energy_at(t)
    )
    watts = view.watts_at(t) if context == "Sample.Periodic" else 0.0
    rows: list[tuple[str, str, str | None, str, str]] = [
        ("Energy.Active.Import.Register", str(energy), None, "Wh", context),
        ("Power.Active.Import", f"{watts:.1f}", None, "W", context),
    ]
    power_type = view.connector.spec.power_type
    if power_type == "AC_3_PHASE":
        amps = watts / (230 * 3)
        rows += [
            ("Current.Import", f"{amps:.2f}", phase, "A", context) for phase in ("L1", "L2", "L3")
        ]
    elif power_type == "AC_1_PHASE":
        rows.append(("Current.Import", f"{watts / 230:.2f}", "L1", "A", context))
    else:
        volts = view.connector.spec.max_voltage * 0.8
        rows.append(("Current.Import", f"{watts / volts:.2f}", None, "A", context))
    return rows


# -- meter values -------------------------------------------------------------------------


def _parse_moment(text: str, *, date_only_ok: bool) -> float | None:
    text = text.strip()
    try:
        if _DATE_TIME.match(text):
            moment = datetime.strptime(text, "%Y-%m-%d %H:%M:%S")
        elif date_only_ok and _DATE.match(text):
            moment = datetime.strptime(text, "%Y-%m-%d")
        else:
            return None
    except ValueError:
        return None
    return moment.replace(tzinfo=UTC).timestamp()


def meter_values(
    charger: Charger, fleet: Fleet, query: list[tuple[str, str]], links: Links, now: float
) -> Reply:
    params = {k: v for k, v in query if v != ""}
    errors: dict[str, list[str]] = {}
    bounds: dict[str, float] = {}
    for key in ("date_from", "date_to"):
        label = key.replace("_", " ")
        if key not in params:
            errors[key] = [f"The {label} field is required."]
            continue
        moment = _parse_moment(params[key], date_only_ok=False)
        if moment is None:
            errors[key] = [f"The {label} field must match the format Y-m-d H:i:s."]
        else:
            bounds[key] = moment
    if len(bounds) == 2 and bounds["date_to"] < bounds["date_from"]:
        errors["date_to"] = ["The date to field must be a date after or equal to date from."]
    limit = None
    if "limit" in params:
        text = params["limit"].strip()
        if not text.isdigit():
            errors["limit"] = ["The limit field must be an integer."]
        elif not 1 <= int(text) <= 10000:
            errors["limit"] = ["The limit field must be between 1 and 10000."]
        else:
            limit = int(text)
    # Wire name `order_by` (asc|desc): API.md only says "order asc/desc"; the docs'
    # example request names it `order_by`, and the client (plugdesk.api.params) sends that.
    order = params.get("order_by", "asc")
    if order not in ("asc", "desc"):
        errors["order_by"] = ["The selected order by is invalid."]
    if errors:
        return validation(errors)
    lo, hi = bounds["date_from"], min(bounds["date_to"], now)
    wanted = {k: params[k] for k in METER_FILTERS if k in params}
    rows: list[dict[str, Any]] = []
    for view in transactions(charger, fleet, lo, hi):
        times = sample_times(view, now)
        for n, t in enumerate(times):
            if not lo <= t <= hi:
                continue
            ended = view.stop is not None and n == len(times) - 1
            for m, (measurand, value, phase, unit, context) in enumerate(
                samples(view, t, ended=ended)
            ):
                row = {
                    "id": view.id * 8192 + n * 8 + m,
                    "charger_id": charger.id,
                    "charger_connector_id": view.connector.db_id,
                    "charger_transaction_id": view.id,
                    "timestamp": iso_z(t),
                    "value": value,
                    "context": context,
                    "format": "Raw",
                    "measurand": measurand,
                    "phase": phase,
                    "location": "Outlet",
                    "unit": unit,
                }
                if all(str(row[k]) == v for k, v in wanted.items()):
                    rows.append(row)
    rows.sort(key=lambda r: (r["timestamp"], r["id"]), reverse=order == "desc")
    if limit is not None:
        rows = rows[:limit]
    page = paging.page_number(query)
    offset = (page - 1) * PER_PAGE
    return Reply(200, paging.length_aware(links, page, rows[offset : offset + PER_PAGE], len(rows)))


def latest_meter_value(
    charger: Charger, connector: Connector, fleet: Fleet, now: float
) -> dict[str, Any]:
    """Raw OCPP camelCase, as the charger sent its last MeterValues for this connector."""
    mine = [
        v for v in transactions(charger, fleet, now - 30 * DAY, now) if v.connector is connector
    ]
    body: dict[str, Any] = {"connectorId": connector.connector_id}
    if not mine:
        stamp = charger.heartbeat_ts(now) or now
        body["meterValue"] = [
            {
                "timestamp": iso_z(stamp),
                "sampledValue": [
                    {
                        "value": str(connector.meter_wh),
                        "context": "Sample.Clock",
                        "format": "Raw",
                        "location": "Outlet",
                        "unit": "Wh",
                    }
                ],
            }
        ]
        return body
    view = max(mine, key=lambda v: v.start)
    times = sample_times(view, now)
    t = times[-1]
    ended = view.stop is not None
    if view.stop is None:
        body["transactionId"] = view.id
    values = []
    for measurand, value, phase, unit, context in samples(view, t, ended=ended):
        sampled: dict[str, Any] = {
            "value": value,
            "context": context,
            "format": "Raw",
            "measurand": measurand,
            "location": "Outlet",
            "unit": unit,
        }
        if measurand == "Energy.Active.Import.Register":
            del sampled["measurand"]  # the OCPP default; chargers often leave it out
        if phase is not None:
            sampled["phase"] = phase
        values.append(sampled)
    body["meterValue"] = [{"timestamp": iso_z(t), "sampledValue": values}]
    return body


# -- the message log ----------------------------------------------------------------------

Message = tuple[float, int, str, str, str, Any, Any]  # ts, id, method, dest, status, params, result


def _messages(
    charger: Charger, fleet: Fleet, actions: Actions, lo: float, hi: float, now: float
) -> list[Message]:
    out: list[Message] = []
    hi = min(hi, now)

    def add(
        ts: float,
        method: str,
        dest: str,
        params: Any,
        result: Any,
        conn: int = 0,
        status: str = "done",
        code: int | None = None,
    ) -> None:
        if lo <= ts <= hi:
            number = int(ts) * 100 + (code if code is not None else _CODES.get(method, 50) + conn)
            out.append((ts, number, method, dest, status, params, result))

    for n, (ts, method, dest, status, params, result) in enumerate(
        actions.ocpp.get(charger.index, ())
    ):
        add(ts, method, dest, params, result, status=status, code=50 + n % 50)
    offline: list[tuple[float, float]] = []
    for record in fleet.fault_log:
        if record.charger_uuid != charger.uuid:
            continue
        start = record.started_at.timestamp()
        end = record.ended_at.timestamp() if record.ended_at is not None else None
        if record.kind == "offline":
            offline.append((start, end if end is not None else now))
            continue
        number = record.connector_id or 0
        add(
            start,
            "StatusNotification",
            "centralsystem",
            {
                "connectorId": number,
                "status": "Faulted",
                "errorCode": record.error,
                "timestamp": iso_z(start),
            },
            {},
            number,
        )
        if end is not None:
            add(
                end,
                "StatusNotification",
                "centralsystem",
                {
                    "connectorId": number,
                    "status": "Available",
                    "errorCode": "NoError",
                    "timestamp": iso_z(end),
                },
                {},
                number,
            )
    for view in transactions(charger, fleet, lo, hi):
        c = view.connector.connector_id
        add(
            view.start - 30,
            "StatusNotification",
            "centralsystem",
            {"connectorId": c, "status": "Preparing", "errorCode": "NoError"},
            {},
            c,
        )
        add(
            view.start,
            "StartTransaction",
            "centralsystem",
            {
                "connectorId": c,
                "idTag": view.id_tag,
                "meterStart": view.meter_start,
                "timestamp": iso_z(view.start),
            },
            {"transactionId": view.id, "idTagInfo": {"status": "Accepted"}},
            c,
        )
        end = view.stop if view.stop is not None else now
        t = view.start + LOG_SAMPLE_SECONDS
        while t < end:
            sampled = [
                {
                    "value": v,
                    "context": ctx,
                    "measurand": m,
                    "unit": u,
                    **({"phase": p} if p else {}),
                }
                for m, v, p, u, ctx in samples(view, t, ended=False)
            ]
            add(
                t,
                "MeterValues",
                "centralsystem",
                {
                    "connectorId": c,
                    "transactionId": view.id,
                    "meterValue": [{"timestamp": iso_z(t), "sampledValue": sampled}],
                },
                {},
                c,
            )
            t += LOG_SAMPLE_SECONDS
        if view.stop is not None and view.wh_final is not None:
            add(
                view.stop,
                "StopTransaction",
                "centralsystem",
                {
                    "transactionId": view.id,
                    "idTag": view.id_tag,
                    "meterStop": view.meter_start + view.wh_final,
                    "timestamp": iso_z(view.stop),
                },
                {"idTagInfo": {"status": "Accepted"}},
                c,
            )
            add(
                view.stop + 1,
                "StatusNotification",
                "centralsystem",
                {"connectorId": c, "status": "Finishing", "errorCode": "NoError"},
                {},
                c,
            )
    if charger.connection != "never_seen":
        period = charger.hb_interval
        beat_lo = max(lo, hi - DAY)  # heartbeats of the last day of the window at most
        beat_lo = max(beat_lo, actions.first_boot.get(charger.index, beat_lo) + 1)
        t = beat_lo + ((charger.hb_phase - beat_lo) % period)
        while t <= hi:
            if not any(a <= t < b for a, b in offline):
                add(t, "Heartbeat", "centralsystem", {}, {"currentTime": iso_z(t)})
            t += period
    return out


def logs(
    charger: Charger,
    fleet: Fleet,
    actions: Actions,
    query: list[tuple[str, str]],
    links: Links,
    now: float,
) -> Reply:
    params = {k: v for k, v in query if v != ""}
    filters: dict[str, str] = {}
    unknown = []
    for key, value in params.items():
        found = _FILTER_KEY.match(key)
        if found is None:
            continue
        if found.group(1) not in LOG_FILTERS:
            unknown.append(found.group(1))
        filters[found.group(1)] = value
    if unknown:
        return error(
            400,
            f"Requested filter(s) `{', '.join(unknown)}` are not allowed. "
            f"Allowed filter(s) are `{', '.join(LOG_FILTERS)}`.",
        )
    sort = params.get("sort", "-created_at")
    if sort not in ("created_at", "-created_at"):
        return error(
            400, f"Requested sort(s) `{sort}` is not allowed. Allowed sort(s) are `created_at`."
        )
    errors: dict[str, list[str]] = {}
    if filters.get("status", "done") not in ("pending", "done", "failed"):
        errors["filter.status"] = ["The selected filter.status is invalid."]
    if filters.get("destination", "charger") not in ("centralsystem", "charger"):
        errors["filter.destination"] = ["The selected filter.destination is invalid."]
    if filters.get("hide_insignificant", "0") not in ("0", "1", "true", "false"):
        errors["filter.hide_insignificant"] = [
            "The filter.hide insignificant field must be true or false."
        ]
    bounds: dict[str, float] = {}
    for key in ("date_from", "date_to"):
        if key in filters:
            moment = _parse_moment(filters[key], date_only_ok=True)
            if moment is None:
                errors[f"filter.{key}"] = [
                    f"The filter.{key.replace('_', ' ')} field must be a valid date."
                ]
            else:
                bounds[key] = moment
    if errors:
        return validation(errors)
    hi = bounds.get("date_to", now)
    if "date_to" in filters and _DATE.match(filters["date_to"].strip()):
        hi += DAY - 1  # a bare date means the whole day
    lo = bounds.get("date_from", hi - 2 * DAY)
    everything = _messages(charger, fleet, actions, lo, hi, now)
    methods = sorted({m[2] for m in everything})
    chosen = everything
    if "method" in filters:
        wanted = {m.strip() for m in filters["method"].split(",")}
        chosen = [m for m in chosen if m[2] in wanted]
    if "status" in filters:
        chosen = [m for m in chosen if m[4] == filters["status"]]
    if "destination" in filters:
        chosen = [m for m in chosen if m[3] == filters["destination"]]
    if filters.get("hide_insignificant") in ("1", "true"):
        chosen = [m for m in chosen if m[2] not in INSIGNIFICANT]
    chosen.sort(key=lambda m: (m[0], m[1]), reverse=sort.startswith("-"))
    page = paging.page_number(query)
    offset = (page - 1) * PER_PAGE
    items = [_log_item(charger, m) for m in chosen[offset : offset + PER_PAGE]]
    return Reply(
        200,
        paging.simple(
            links, page, items, offset + PER_PAGE < len(chosen), filter_options={"methods": methods}
        ),
    )


def _log_item(charger: Charger, message: Message) -> dict[str, Any]:
    ts, number, method, destination, status, params, result = message
    as_text = derive(number) % 4 == 1  # the API stores some as JSON text: serve both
    return {
        "id": number,
        "charger_id": charger.id,
        "status": status,
        "version": "ocpp1.6",
        "method": method,
        "destination": destination,
        "params": json.dumps(params) if as_text else params,
        "result": json.dumps(result) if as_text and result is not None else result,
        "created_at": iso_z(ts),
        "updated_at": iso_z(ts + (0 if status != "done" else 1)),
    }
