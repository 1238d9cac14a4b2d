"""The assertions of a chaos hour, each a function that returns what it found (figures)
and raises AssertionError with the evidence when the app misbehaved."""

from __future__ import annotations

import csv
import io
import itertools
import json
import os
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

from plugdesk.domain.atomic import TEMP_SUFFIX
from plugdesk.domain.export import EXPORT_COLUMNS
from plugdesk.domain.settings import Settings
from plugdesk.simulator import RequestRecord
from plugdesk.ui.status_bar import AUTH_TEXT
from tests.support.hour import MAX_STALL, HourRun
from tests.support.oracle import Truth, coverage, expected_incidents, incident_key

FIGURES_ENV = "PLUGDESK_CHAOS_FIGURES"  # a JSON-lines file to append each run's figures to
SLACK = 0.001  # seconds: clock reads around one await


@dataclass
class Figures:
    scenario: str
    real_seconds: float = 0.0
    refreshes: int = 0
    failed_refreshes: int = 0
    requests: int = 0
    refused: dict[str, int] = field(default_factory=dict)  # what the server refused, why
    limiter_429: int = 0
    busiest_window: int = 0
    budget: str = ""
    retry_afters: int = 0
    faults_over_grace: int = 0
    faults_watchable: int = 0
    faults_recorded: int = 0
    faults_hidden_by_trouble: int = 0
    incidents: int = 0
    alerts: int = 0
    max_stall_ms: float = 0.0  # the loop blocked (run-queue waits of a busy machine excluded)
    max_gap_ms: float = 0.0  # raw wall-clock gap between ticks
    max_gc_ms: float = 0.0
    stall_where: str = ""
    export: str = ""
    unhandled: int = 0

    def line(self) -> str:
        return json.dumps(asdict(self), sort_keys=True)

    def save(self) -> None:
        target = os.environ.get(FIGURES_ENV)
        if target:
            with open(target, "a", encoding="utf-8") as handle:
                handle.write(self.line() + "\n")


def grace(settings: Settings) -> dict[str, timedelta]:
    return {
        "fault": timedelta(seconds=settings.grace_fault_s),
        "offline": timedelta(seconds=settings.grace_offline_s),
    }


GRACE_CLEAR = timedelta(seconds=60)  # IncidentTracker's default


# -- 1. nothing crashed ------------------------------------------------------------------------


def no_unhandled_errors(run: HourRun, figures: Figures) -> None:
    figures.unhandled = run.errors.count
    assert run.errors.count == 0, f"{run.errors.count} unexpected error(s) reached the app's route"
    assert run.sim.server_errors == [], run.sim.server_errors[:1]


# -- 2. the window stayed responsive ----------------------------------------------------------


def responsive(run: HourRun, figures: Figures) -> None:
    meter = run.meter
    figures.max_stall_ms = round(meter.worst * 1000, 1)
    figures.max_gap_ms = round(meter.worst_raw * 1000, 1)
    figures.max_gc_ms = round(meter.gc_max * 1000, 1)
    figures.stall_where = f"{meter.worst_phase} ({meter.worst_cpu * 1000:.0f} ms CPU)"
    assert meter.ticks > 100, "the ticker hardly ran"
    stacks = "\n".join(meter.worst_stacks)
    assert meter.worst < MAX_STALL, (
        f"event loop blocked {meter.worst * 1000:.0f} ms ({meter.worst_phase}); "
        f"asyncio {meter.asyncio_max * 1000:.0f} ms, Qt {meter.qt_max * 1000:.0f} ms\n{stacks}"
    )


# -- 3. the history: every fault watched past its grace exactly once, nothing invented ---------


def history_matches_the_faults(run: HourRun, figures: Figures) -> None:
    settings = Settings()
    periods = grace(settings)
    truth = Truth(run.sim.fault_log)
    incidents = run.incidents
    figures.incidents = len(incidents)
    observed = run.observed
    assert observed, "no refresh ever worked"

    invented_kinds = [i for i in incidents if i.kind not in periods]
    assert not invented_kinds, f"incidents of a kind the simulator never made: {invented_kinds}"
    good = set(observed)
    for incident in incidents:
        # Opened, first seen and closed at instants of good refreshes: never by a failure.
        moments = [incident.first_seen_at, incident.opened_at, incident.closed_at]
        off = [m for m in moments if m is not None and m not in good]
        assert not off, f"{incident} has times no good refresh observed: {off}"

    expected = expected_incidents(truth, observed, periods, GRACE_CLEAR)
    recorded = sorted(incident_key(i) for i in incidents)
    wanted = sorted(e.key() for e in expected)
    missing = sorted(set(wanted) - set(recorded))
    extra = sorted(set(recorded) - set(wanted))
    assert len(recorded) == len(set(recorded)), "an incident is in the history twice"
    assert not missing and not extra, f"history differs:\nmissing {missing}\nextra {extra}"

    end = run.sim.now()
    assert end == run.clock.now(), "the driver's clock and the simulator's disagree"
    cover = coverage(truth, observed, incidents, periods, end)
    figures.faults_over_grace = cover.over_grace
    figures.faults_watchable = cover.watchable
    figures.faults_recorded = cover.recorded
    figures.faults_hidden_by_trouble = cover.hidden_by_trouble
    assert not cover.problems, "\n".join(cover.problems)
    assert cover.recorded == cover.watchable
    assert cover.watchable >= 3, "the hour had too few real faults to mean anything"


def failed_refreshes_change_nothing(run: HourRun, figures: Figures) -> None:
    snapshots = run.snapshots
    figures.refreshes = len(snapshots)
    figures.failed_refreshes = sum(s.outcome not in ("ok", "paused") for s in snapshots)
    for before, after in itertools.pairwise(snapshots):
        if after.outcome != "ok":
            assert after.incidents == before.incidents, (
                f"a failed refresh at minute {after.minute:g} ({after.outcome}) changed the "
                f"history: {before.incidents} -> {after.incidents}"
            )


def notified_once_each(run: HourRun, figures: Figures) -> None:
    figures.alerts = len(run.alerts)
    opened: Counter[int] = Counter()
    resolved: Counter[int] = Counter()
    for alert in run.alerts:
        target = opened if alert.event == "opened" else resolved
        target.update(alert.incident_ids)
    twice = sorted({i for i, n in [*opened.items(), *resolved.items()] if n > 1})
    assert not twice, f"notified twice: incidents {twice}"
    incidents = run.incidents
    assert set(opened) == {i.id for i in incidents}, "an incident was never announced"
    assert set(resolved) == {i.id for i in incidents if not i.is_open}
    assert all(i.notified_open for i in incidents)
    assert all(i.notified_close for i in incidents if not i.is_open)


# -- 4. the user was told, and the news went away when the trouble did -------------------------


def told_the_user(run: HourRun, figures: Figures) -> None:
    for shot in run.snapshots:
        where = f"after the refresh at minute {shot.minute:g} ({shot.outcome})"
        if shot.outcome == "ok":
            assert not shot.banner_shown, f"banner still up {where}: {shot.banner_text}"
            assert not shot.table_stale and not shot.detail_stale, f"still marked stale {where}"
            assert shot.refreshed_label.startswith("Updated"), f"{where}: {shot.refreshed_label}"
        elif shot.outcome in ("stale", "offline"):
            assert shot.banner_shown and shot.banner_state == shot.outcome, where
            assert "marked stale" in shot.banner_text, f"{where}: {shot.banner_text}"
            assert shot.table_stale and shot.detail_stale, f"not marked stale {where}"
            assert shot.status_message.startswith("Refresh failed: "), shot.status_message
            assert "Traceback" not in shot.status_message
        else:  # "auth", or "paused" (polling waits for a sign-in)
            assert shot.banner_shown and shot.banner_state == "auth", where
            assert AUTH_TEXT in shot.banner_text, f"{where}: {shot.banner_text}"
            assert shot.sign_in_shown, f"no sign-in button {where}"
            assert shot.table_stale, f"not marked stale {where}"
    last = run.snapshots[-1]
    assert last.outcome == "ok" and not last.banner_shown and not last.table_stale


# -- 5. the budget, and every Retry-After -------------------------------------------------------


def within_budget(run: HourRun, figures: Figures) -> None:
    budget = run.client.budget
    log = run.sim.request_log
    figures.requests = len(log)
    figures.refused = dict(sorted(Counter(_refusal(r) for r in log if _refusal(r)).items()))
    figures.limiter_429 = sum(r.status == 429 and r.chaos is None for r in log)
    arrivals = sorted(r.real_time for r in log if r.authorized)
    busiest = _busiest_window(arrivals, budget.window)
    figures.busiest_window = busiest
    figures.budget = f"{budget.limit} per {budget.window:g} s"
    assert busiest <= budget.limit, (
        f"{busiest} requests reached the server within {budget.window:g} s "
        f"(the budget is {budget.limit})"
    )
    assert figures.limiter_429 == 0, "the server's own rate limiter had to refuse requests"


_HARM = {  # what a chaos mode did to an answer that still had a 2xx status
    "garbage": "broken body",
    "slow": "late, past the timeout",
    "drop": "cut off mid-body",
}


def _refusal(record: RequestRecord) -> str:
    """What the server did instead of answering well ("" when it answered well)."""
    if record.chaos is None:
        return "" if record.status < 400 else f"{record.status} (not chaos)"
    if record.status == 0:
        return f"{record.chaos}: connection reset"
    if record.status >= 400:
        return f"{record.chaos}: {record.status}"
    return f"{record.chaos}: {_HARM.get(record.chaos, 'changed')}"


def _busiest_window(times: list[float], window: float) -> int:
    best = start = 0
    for end, t in enumerate(times):
        while times[start] <= t - window:
            start += 1
        best = max(best, end - start + 1)
    return best


def honoured_retry_after(run: HourRun, figures: Figures) -> None:
    """Client side, exactly: after a 429 with Retry-After N arrived, no request left for N
    seconds. Server side (the request log): the retry of that URL came N seconds later."""
    exchanges = sorted(run.transport.exchanges, key=lambda e: e.sent)
    refusals = [e for e in exchanges if e.status == 429]
    figures.retry_afters = len(refusals)
    for refusal in refusals:
        assert refusal.retry_after is not None, "a 429 without Retry-After"
        wait = float(refusal.retry_after)
        early = [
            e for e in exchanges if refusal.received < e.sent < refusal.received + wait - SLACK
        ]
        assert not early, (
            f"{len(early)} request(s) left within {wait:g} s of a 429 "
            f"(first after {early[0].sent - refusal.received:.3f} s)"
        )
    # Server side: the n-th 429 of a URL in the log is the n-th 429 the client got for
    # it. After it, that URL reached the server again within the wait only by requests
    # that had left before the client read the 429 (another caller's, already in flight).
    refused_at: dict[str, list[Any]] = defaultdict(list)
    for refusal in refusals:
        parts = urlsplit(refusal.url)
        refused_at[parts.path + "?" + parts.query].append(refusal)
    by_url: dict[str, list[Any]] = defaultdict(list)
    for exchange in exchanges:
        parts = urlsplit(exchange.url)
        by_url[parts.path + "?" + parts.query].append(exchange)
    log = run.sim.request_log
    seen: Counter[str] = Counter()
    for record in log:
        if record.status != 429:
            continue
        url = _url(record)
        refusal = refused_at[url][seen[url]]
        seen[url] += 1
        wait = float(refusal.retry_after or 0)
        early = [
            r for r in log
            if _url(r) == url and record.real_time < r.real_time < record.real_time + wait - SLACK
        ]  # fmt: skip
        in_flight = [
            e for e in by_url[url]
            if e is not refusal and e.sent <= refusal.received and e.received >= record.real_time
        ]  # fmt: skip
        assert len(early) <= len(in_flight), (
            f"{url} reached the server {len(early)} time(s) within {wait:g} s of a 429, "
            f"only {len(in_flight)} request(s) were already on their way"
        )
    assert sum(seen.values()) == len(refusals), "the client and the server count 429s apart"


def _url(record: RequestRecord) -> str:
    return record.path + "?" + urlencode(record.query)


# -- 6. the export: complete, or nothing -----------------------------------------------------


def export_complete_or_nothing(run: HourRun, figures: Figures) -> None:
    outcome = run.export
    assert outcome is not None, "the export never ran"
    target = outcome.target
    assert target is not None
    leftovers = [p.name for p in target.parent.iterdir() if p.name.endswith(TEMP_SUFFIX)]
    assert not leftovers, f"temporary files left behind: {leftovers}"
    assert not outcome.cancelled
    if outcome.summary is not None:
        assert outcome.failure is None
        ids = [int(row["transaction_id"]) for row in _read_csv(target)]
        assert len(ids) == len(set(ids)), "a transaction exported twice"
        assert sorted(ids) == sorted(outcome.truth_ids), "the export lost transactions"
        assert outcome.summary.rows == len(ids)
        figures.export = f"complete: {len(ids)} transactions in {outcome.seconds:.1f} s"
        return
    assert outcome.failure, "the export neither finished nor said why"
    assert not target.exists(), "a failed export left a file"
    assert "Traceback" not in outcome.failure
    headline = outcome.failure.splitlines()[0]
    assert "Nothing was exported" in headline or "nothing was exported" in headline, headline
    figures.export = f"failed cleanly in {outcome.seconds:.1f} s: {headline}"


def _read_csv(path: Path) -> list[dict[str, str]]:
    text = path.read_bytes().decode("utf-8-sig")
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader)
    assert tuple(header) == EXPORT_COLUMNS
    return [dict(zip(header, row, strict=True)) for row in reader]


def the_chaos_happened(run: HourRun, figures: Figures) -> None:
    """The scenario really injected its trouble, or the test proves nothing."""
    name = run.scenario.name
    injected = [r for r in run.sim.request_log if r.chaos == name]
    assert injected, f"the simulator never injected {name}"
    if name in ("outage", "token-revoked", "garbage"):
        assert figures.failed_refreshes > 0, f"{name} never failed a refresh"
    if name == "throttled":
        assert figures.retry_afters > 0
    figures.real_seconds = round(run.real_seconds, 1)


def all_checks(run: HourRun) -> Figures:
    figures = Figures(run.scenario.name)
    checks: list[Any] = [
        no_unhandled_errors,
        failed_refreshes_change_nothing,
        history_matches_the_faults,
        notified_once_each,
        told_the_user,
        within_budget,
        honoured_retry_after,
        export_complete_or_nothing,
        the_chaos_happened,
        responsive,
    ]
    failures: list[str] = []
    for check in checks:
        try:
            check(run, figures)
        except AssertionError as error:
            failures.append(f"{check.__name__}: {error}")
    figures.save()
    print(figures.line())
    for stack in run.meter.worst_stacks:
        print("  worst gap:", stack)
    assert not failures, "\n".join(failures)
    return figures
