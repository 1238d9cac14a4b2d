"""The one error route: redaction, the rotating log file, the three ways errors come in."""

from __future__ import annotations

import asyncio
import logging
import sys
from pathlib import Path
from typing import Any

import pytest

from plugdesk.app.reporting import (
    ErrorReporter,
    Redactor,
    configure_logging,
    remove_logging,
)

TOKEN = "pd_live_9f8e7d6c5b4a3210"

# Every test here logs errors on purpose: the logging and reporting of them is the subject.
pytestmark = pytest.mark.log_warnings("errors are the subject under test")


def test_redactor_masks_known_tokens_and_credential_shapes() -> None:
    redact = Redactor([TOKEN])
    assert TOKEN not in redact(f"calling with {TOKEN} now")
    assert redact("Authorization: Bearer abc.def-ghi_123") == "Authorization: Bearer [redacted]"
    assert "zzz-secret" not in redact("headers {'authorization': 'zzz-secret'}")
    assert "sess_abcdef" not in redact("GET /api/v3/public-charging/sessions/sess_abcdef/stop")
    assert "tok123456" not in redact('{"session_token": "tok123456"}')
    assert redact("nothing to hide here") == "nothing to hide here"


def test_log_file_is_redacted_including_tracebacks(tmp_path: Path) -> None:
    log_file = tmp_path / "plugdesk.log"
    handler = configure_logging(log_file, Redactor([TOKEN]))
    try:
        logger = logging.getLogger("plugdesk.test")
        logger.warning("token is %s", TOKEN)
        try:
            raise RuntimeError(f"failed with Bearer {TOKEN}")
        except RuntimeError:
            logger.exception("boom")
        handler.flush()
    finally:
        remove_logging(handler)
    text = log_file.read_text()
    assert "token is" in text and "RuntimeError" in text and "Traceback" in text
    assert TOKEN not in text


def run_reporter_case(reporter: ErrorReporter) -> list[tuple[str, str]]:
    seen: list[tuple[str, str]] = []
    reporter.error_reported.connect(lambda summary, details: seen.append((summary, details)))
    return seen


def test_excepthook_reports_without_the_token(qapp: Any, tmp_path: Path) -> None:
    handler = configure_logging(tmp_path / "x.log", Redactor([TOKEN]))
    reporter = ErrorReporter(Redactor([TOKEN]))
    seen = run_reporter_case(reporter)
    reporter.install()
    try:
        assert sys.excepthook == reporter.excepthook
        try:
            raise ValueError(f"bad {TOKEN}")
        except ValueError:
            sys.excepthook(*sys.exc_info())  # type: ignore[arg-type]
    finally:
        reporter.uninstall()
        remove_logging(handler)
    assert sys.excepthook != reporter.excepthook
    assert len(seen) == 1
    summary, details = seen[0]
    assert summary.startswith("ValueError: bad ")
    assert TOKEN not in summary and TOKEN not in details
    assert "Traceback" in details
    assert TOKEN not in (tmp_path / "x.log").read_text()


def test_loop_exception_handler_reports_task_errors(qapp: Any) -> None:
    reporter = ErrorReporter(Redactor())
    seen = run_reporter_case(reporter)
    loop = asyncio.new_event_loop()
    try:
        loop.set_exception_handler(reporter.loop_exception_handler)

        def fail() -> None:
            raise KeyError("in a callback")

        loop.call_soon(fail)
        loop.run_until_complete(asyncio.sleep(0.01))
    finally:
        loop.close()
    assert [s for s, _ in seen] == ["KeyError: 'in a callback'"]


def test_quiet_while_shutting_down_logs_but_shows_nothing(qapp: Any, tmp_path: Path) -> None:
    handler = configure_logging(tmp_path / "x.log", Redactor())
    reporter = ErrorReporter(Redactor())
    seen = run_reporter_case(reporter)
    try:
        reporter.set_quiet(True)
        reporter.report(RuntimeError("no running event loop"), "background task")
        handler.flush()
    finally:
        remove_logging(handler)
    assert seen == [] and reporter.count == 0
    assert "error while shutting down (background task)" in (tmp_path / "x.log").read_text()


def test_main_thread_gc_collects_only_from_its_timer(qapp: Any) -> None:
    import gc

    from plugdesk.app.startup import MainThreadGC

    was_enabled = gc.isenabled()
    collector = MainThreadGC(interval_ms=10)
    collector.install()
    try:
        assert not gc.isenabled()
        for _ in range(3000):  # make cycles: enough to cross the first threshold
            cycle: list[Any] = []
            cycle.append(cycle)
        collector.check()
        assert collector.collections == 1
    finally:
        collector.uninstall()
    assert gc.isenabled() == was_enabled


def test_main_thread_gc_walks_the_oldest_generation_only_when_it_grew_by_a_quarter(
    qapp: Any,
) -> None:
    """A big fleet is millions of long-lived objects: walking them all every tenth
    collection stalled the window for a second. As CPython does, the oldest generation is
    collected once what moved into it since is a quarter of what lives there."""
    import gc

    from plugdesk.app.startup import MainThreadGC

    collector = MainThreadGC(interval_ms=60_000, freeze_from=10**9)  # checked by hand below
    collector.install()
    kept: list[Any] = []
    try:
        gc.collect()
        kept.extend([i] for i in range(200_000))  # long-lived (tracked): a fleet's rows

        def churn(rounds: int) -> None:
            for _ in range(rounds):
                for _ in range(800):  # garbage cycles, over the first threshold
                    cycle: list[Any] = []
                    cycle.append(cycle)
                collector.check()

        churn(200)  # well past the oldest generation's count threshold, many times over
        first = collector.full_collections
        assert first >= 1  # the rows were counted once...
        churn(400)
        # ...and not walked again: the garbage never survived into the oldest generation.
        assert collector.full_collections == first
        kept.extend([i] for i in range(100_000))  # a half more that stays
        for _ in range(50):
            kept.extend([[j] for j in range(2000)])
            churn(20)
        assert collector.full_collections > first  # grew by over a quarter: walked again
    finally:
        collector.uninstall()
        kept.clear()


def test_main_thread_gc_freezes_a_big_arrival_instead_of_walking_it(qapp: Any) -> None:
    """A 50,000-charger fleet arriving is millions of objects that will live: walking
    them in one full collection stalled the window 0.2-0.5 s. They are frozen instead;
    garbage cycles made before are still collected."""
    import gc
    import weakref

    from plugdesk.app.startup import MainThreadGC

    class Node:
        pass

    collector = MainThreadGC(interval_ms=60_000, freeze_from=50_000)
    collector.install()
    kept: list[Any] = []
    frozen_before = gc.get_freeze_count()
    try:
        gc.collect()
        collector.check()
        doomed = Node()
        doomed.me = doomed  # type: ignore[attr-defined]
        gone = weakref.ref(doomed)
        del doomed
        kept.extend([i] for i in range(120_000))  # the fleet arrives and stays
        for _ in range(150):  # a load's worth of checks
            kept.extend([[j] for j in range(1000)])
            collector.check()
        assert collector.freezes >= 1
        assert collector.full_collections == 0
        assert gc.get_freeze_count() >= frozen_before + 120_000
        assert gone() is None  # the cycle made before the freeze was collected
    finally:
        collector.uninstall()
        gc.unfreeze()
        kept.clear()


def test_main_thread_gc_walks_the_middle_generation_before_it_grows_big(qapp: Any) -> None:
    """Ten young collections in a busy moment can leave hundreds of thousands of
    survivors in the middle generation (one walk: a 150 ms stall): past a bound it is
    collected at once, not at its tenth turn."""
    import gc

    from plugdesk.app.startup import MainThreadGC

    collector = MainThreadGC(interval_ms=60_000, young_survivors=5_000)
    collector.install()
    kept: list[Any] = []
    try:
        gc.collect()
        oldest_walks = gc.get_count()[2]
        kept.extend([i] for i in range(6_000))  # survivors of the next young collection
        collector.check()
        assert gc.get_count()[2] == oldest_walks  # a young collection: 6,000 moved up
        for _ in range(800):  # garbage, over the first threshold again
            cycle: list[Any] = []
            cycle.append(cycle)
        collector.check()
        assert gc.get_count()[2] == oldest_walks + 1  # the middle one walked, at turn two
    finally:
        collector.uninstall()
        kept.clear()


def test_main_thread_gc_never_lets_a_worker_see_a_tuple_half_built(qapp: Any) -> None:
    """Listing a generation (`gc.get_objects`) holds a reference to a tuple another thread
    is still building from a generator: that thread then died with SystemError (seen
    when judging a 5,000-charger fleet in a worker). The collector counts without
    listing."""
    import threading
    import time

    from plugdesk.app.startup import MainThreadGC

    failures: list[BaseException] = []
    stop = threading.Event()

    def build_tuples() -> None:
        items = list(range(50))
        while not stop.is_set():
            try:
                for _ in range(200):
                    tuple(item for item in items)
            except SystemError as error:  # pragma: no cover - the failure being tested
                failures.append(error)
                return

    collector = MainThreadGC(interval_ms=60_000)
    collector.install()
    worker = threading.Thread(target=build_tuples)
    interval = sys.getswitchinterval()
    sys.setswitchinterval(0.0002)  # the window's own: the threads take turns often
    worker.start()
    try:
        deadline = time.monotonic() + 3  # the listing failed within a second or two
        while time.monotonic() < deadline and not failures:
            for _ in range(800):  # garbage cycles, over the youngest threshold each time
                cycle: list[Any] = []
                cycle.append(cycle)
            collector.check()
    finally:
        stop.set()
        worker.join()
        sys.setswitchinterval(interval)
        collector.uninstall()
    assert failures == []
    assert collector.collections > 10
