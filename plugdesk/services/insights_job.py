"""Insights aggregation off the UI thread, with progress.

The rule (as for exports): pure-Python work runs in a worker thread, in chunks, and the
event loop polls for the result (as `export_run.wait_for_thread` does: no wake-up from the
thread through a Qt signal), never blocking. A pure-Python
loop gives the GIL back every `sys.getswitchinterval()` (0.2 ms in the app), so the UI thread keeps
turning; C code that holds the GIL for long (msgspec decoding a big page) is sliced on the
loop instead, which is not the case here.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime

from plugdesk.domain.insights import (
    Aggregator,
    ChargerFacts,
    Downtime,
    Insights,
    Period,
    Session,
    chunked,
)

CHUNK = 10_000  # sessions a worker step takes (≈ 50–100 ms of work)
PROGRESS_EVERY = 0.01  # seconds between progress polls
InsightsProgress = Callable[[int, int], None]  # sessions done, sessions total

_WORKER = concurrent.futures.ThreadPoolExecutor(
    max_workers=1, thread_name_prefix="plugdesk-insights"
)


async def aggregate_off_thread(
    sessions: Sequence[Session],
    period: Period,
    chargers: Iterable[ChargerFacts],
    downtimes: Iterable[Downtime],
    *,
    now: datetime,
    progress: InsightsProgress | None = None,
) -> Insights:
    """`insights.aggregate` in the worker thread, reporting progress on the event loop
    while it runs. All chunks are queued at once (no wake-up to wait for between them);
    the loop polls the aggregator's count, a plain int read."""
    work = Aggregator(period, list(chargers), now)
    total = len(sessions)
    steps = [_WORKER.submit(work.add, chunk) for chunk in chunked(sessions, CHUNK)]
    result = _WORKER.submit(work.finish, list(downtimes))
    try:
        while not result.done():
            if progress is not None:
                progress(work.seen, total)
            await asyncio.sleep(PROGRESS_EVERY)
    finally:
        for step in steps:  # cancelled: drop the chunks not started yet
            step.cancel()
        result.cancel()
    for step in steps:
        step.result()  # an error in a chunk surfaces here
    if progress is not None:
        progress(total, total)
    return result.result()

