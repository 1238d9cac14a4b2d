"""Early start-up: what must happen before, and while, the window's modules load.

- `import_before_qt`: what the first paint needs that is not Qt loads before PySide6 (whose
  import hook makes every later import dearer); `spare_qt_import_hook` then tells that hook
  to skip modules that never use PySide's `__feature__`.
- `PendingClient` and `import_network_stack`: the window paints (the cached fleet, when
  there is one) before httpx, the API client and the demo's simulator load.
- `collector_paused`: no cycle collection while those imports run, then a GC freeze.
- `MainThreadGC`: afterwards, cycles are collected on the Qt main thread only (see below).

Nothing here imports Qt at module level: this module is loaded before Qt.

Why collect on the main thread only: Python collects reference cycles in whichever thread
happens to allocate when a threshold is crossed: a worker of the shared executor, an httpx
thread, the demo simulator's server. When such a cycle holds a QObject (a window, a model,
a service with a QTimer: lambdas connected to signals make cycles easily), Qt then deletes
that object from the wrong thread, and a timer of the dead object later fires into freed
memory: a segmentation fault (seen here in the test suite, and possible in a long-running
app that opens and closes dialogs). The known remedy for PyQt/PySide apps: turn automatic
collection off and collect from a timer in the GUI thread instead, with the same
generation thresholds.
"""


from __future__ import annotations

import asyncio
import contextlib
import functools
import gc
import sys
from collections.abc import AsyncIterator, Awaitable, Generator, Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PySide6.QtCore import QObject

CHECK_INTERVAL_MS = 100  # often enough that a young collection stays short
# Objects in the oldest generation past which it is frozen rather than walked: a big
# fleet arrived (50,000 chargers are about two million objects, a 0.2-0.5 s walk; this
# many take ~30 ms). Frozen objects are still freed as soon as nothing refers to them;
# only cyclic garbage among them would be kept, and the fleet's records make none.
FREEZE_FROM = 200_000
# Objects that survived young collections past which the middle generation is collected,
# whatever its count: ten young collections of a busy moment (keys for a 50,000-row
# sort, a load) left so many that walking them stalled the loop 150 ms.
YOUNG_SURVIVORS = 100_000


# Seconds a thread may hold the GIL while another waits for it (Python's default: 5 ms).
# The UI thread lets it go around most Qt calls, and waits up to this long each time it
# takes it back from a busy worker. At 1 ms the window at 50,000 chargers stalled 50-70 ms
# while the worker judged the fleet or encoded its cache (stall ≤ 50 ms in 2 of 8 bench
# runs); at 0.2 ms in 4 of 6, with the search phase 10 ms shorter.
UI_SWITCH_INTERVAL = 0.0002


def favour_the_ui_thread() -> None:
    """Let the UI thread take the GIL back quickly from worker threads.

    Workers run Python too (judging a big fleet, decoding, exports), and PySide lets the
    GIL go around most Qt calls: at the default interval each of those calls could wait
    5 ms for a busy worker, and a 100 ms job in a worker stalled the window ~100 ms."""
    sys.setswitchinterval(UI_SWITCH_INTERVAL)


class MainThreadGC:
    """While installed, cycles are only collected by this timer, on the main thread."""

    def __init__(
        self,
        parent: QObject | None = None,
        interval_ms: int = CHECK_INTERVAL_MS,
        freeze_from: int = FREEZE_FROM,
        young_survivors: int = YOUNG_SURVIVORS,
    ):
        from PySide6.QtCore import QTimer  # lazy: this module loads before Qt

        self._was_enabled = gc.isenabled()
        self._threshold = gc.get_threshold()
        self._timer = QTimer(parent)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.check)
        self.collections = 0
        self.full_collections = 0
        self.freezes = 0
        self._freeze_from = freeze_from
        self._young_limit = young_survivors
        self._young_survivors = 0  # moved into the middle generation since it was walked
        # CPython's rule for the oldest generation: a full collection only once the objects
        # moved into it since the last one are a quarter of those that survived it. Without
        # it, a 50,000-charger fleet (millions of long-lived objects) was walked in full
        # every tenth collection: stalls of 0.5-1.3 s.
        self._long_lived_total = 0
        self._long_lived_pending = 0

    def install(self) -> None:
        gc.disable()
        self._timer.start()

    def check(self) -> None:
        """Collect the generations whose counts crossed their thresholds (as Python's own
        automatic collection would have, only later and here).

        Sizes are counted from `gc.get_count()` (the youngest generation's count is its
        size: allocations less deallocations) and what each collection frees, never by
        listing a generation's objects: `gc.get_objects()` holds a reference to a tuple a
        worker thread is still building, and the worker then fails with SystemError."""
        count0, count1, count2 = gc.get_count()
        limit0, limit1, limit2 = self._threshold
        if count0 <= limit0:
            return
        young = count0 + self._young_survivors  # the two younger generations
        if count2 > limit2 and self._long_lived_pending > self._long_lived_total // 4:
            walk = self._long_lived_total + self._long_lived_pending + young
            if walk >= self._freeze_from:  # a full collection would walk them all
                gc.collect(1)  # the young ones first: their cycles go now
                gc.freeze()
                self._long_lived_total = 0
                self.freezes += 1
            else:
                self._long_lived_total = max(0, walk - gc.collect(2))
                self.full_collections += 1
            self._long_lived_pending = 0
            self._young_survivors = 0
        elif count1 > limit1 or self._young_survivors > self._young_limit:
            # What survives goes to the oldest generation: count it, as CPython does.
            self._long_lived_pending += max(0, young - gc.collect(1))
            self._young_survivors = 0
        else:
            self._young_survivors += max(0, count0 - gc.collect(0))
        self.collections += 1

    def uninstall(self) -> None:
        """Collect what is left here, then give collection back to Python."""
        self._timer.stop()
        gc.collect()
        if self._was_enabled:
            gc.enable()


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """No automatic cycle collection while the window's modules load: the imports make
    ~80,000 long-lived objects and hardly any garbage (~600 objects), yet set off ~100
    collections (25-30 ms of start-up). What they made is then frozen out of later
    collections (it lives as long as the process), so the next ones need not walk it."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


_QT_OWN = ("PySide6", "shiboken6", "shibokensupport", "__feature__")


def spare_qt_import_hook() -> None:
    """PySide6 watches every import: the first time it meets a module (being imported, or
    running an import inside a function) it reads the module's whole source, looking for
    `from __feature__ import`. Neither the modules loaded before Qt nor PySide's-feature-
    free PlugDesk use that, so they are marked "ignore" (-1, the feature module's own
    marker) up front: 28 ms less start-up, and no 90 ms stall when anyio first opens a
    connection in the middle of a refresh. Best effort: the table is PySide's internals."""
    import PySide6.QtCore  # noqa: F401 - sets the hook and its table up

    _spare_from_qt_hook([*sys.modules, *_module_names("plugdesk")])


def _spare_from_qt_hook(names: list[str]) -> None:
    """Mark `names` as modules PySide's import hook need not read (see above)."""
    try:
        from shibokensupport.feature import (  # type: ignore[import-not-found]
            pyside_feature_dict,
        )
    except ImportError:
        return
    if not isinstance(pyside_feature_dict, dict):
        return
    for name in names:
        if not name.startswith(_QT_OWN):  # Qt's own entries stay PySide's business
            pyside_feature_dict.setdefault(name, -1)


def import_before_qt() -> None:
    """Load the non-Qt modules the window's first paint needs before PySide6, which hooks
    every later import and reads the new module's whole source (looking for `__feature__`
    use): the models, msgspec, the store (sqlite3), asyncio. The network stack is not
    among them: it loads after the first paint (`import_network_stack`)."""
    import asyncio  # noqa: F401 - qasync's, and every service's

    import plugdesk.api.models  # msgspec and the models
    import plugdesk.domain.store  # noqa: F401 - sqlite3: the cached fleet


# What the network stack is made of (httpx and what it loads), for PySide's import hook.
NETWORK_PACKAGES = ("httpx", "httpcore", "h11", "anyio", "sniffio", "idna", "certifi", "h2",
                    "hpack", "hyperframe", "socksio", "brotli", "zstandard")  # fmt: skip


def import_network_stack(*, demo: bool) -> None:
    """After the first paint: httpx, the API client and (demo) the simulator. PySide's
    import hook is told first that none of them uses its features, so it does not read
    their sources (35-60 ms)."""
    import importlib

    _spare_from_qt_hook([name for package in NETWORK_PACKAGES for name in _module_names(package)])
    import httpcore  # noqa: F401 - httpx loads it when the client is made

    import plugdesk.api.client  # httpx, h11

    with contextlib.suppress(ImportError):  # what httpcore loads on its first request
        importlib.import_module("anyio._backends._asyncio")
    if demo:
        import plugdesk.simulator  # noqa: F401


def _module_names(package: str) -> list[str]:
    """The module names of an installed package, from its files (none if not installed)."""
    import importlib.util
    from pathlib import Path

    try:
        spec = importlib.util.find_spec(package)
    except (ImportError, ValueError):
        return []
    if spec is None:
        return []
    names = [package]
    for folder in spec.submodule_search_locations or ():
        root = Path(folder)
        for path in root.rglob("*.py"):
            parts = path.relative_to(root).with_suffix("").parts
            if parts[-1] == "__init__":
                parts = parts[:-1]
            names.append(".".join((package, *parts)))
    return names


class PendingClient:
    """Stands in for the API client during a GUI launch, from the window being built to just
    after its first paint (the cached fleet, when there is one), when the network stack
    has loaded and `Desk.connect` puts the real `PlugchoiceClient` in its place. Nothing
    polls before then; what the window reads at construction is here. A request made
    meanwhile (a charger clicked while the keyring answers) waits for the real client."""

    def __init__(self, base_url: str, token: str | None) -> None:
        from urllib.parse import urlsplit

        from plugdesk.api.budget import RequestBudget

        self.base_url = base_url
        self.host = urlsplit(base_url).hostname or ""
        self.budget = RequestBudget()
        self.token = token
        self._real: asyncio.Future[Any] | None = None

    def became(self, client: object) -> None:
        """`Desk.connect` put `client` in place: the requests waiting go to it."""
        real = self._connected()
        if not real.done():
            real.set_result(client)

    def abandoned(self) -> None:
        """No client will come (the launch was cut short): the waiting requests fail."""
        if self._real is not None and not self._real.done():
            self._real.set_exception(RuntimeError("the API client was never connected"))

    def _connected(self) -> asyncio.Future[Any]:
        if self._real is None:
            self._real = asyncio.get_running_loop().create_future()
        return self._real

    @property
    def has_token(self) -> bool:
        return self.token is not None

    def set_token(self, token: str | None) -> None:
        self.token = token

    async def aclose(self) -> None:
        pass

    def __getattr__(self, name: str) -> object:
        if name.startswith("_"):
            raise AttributeError(name)
        return functools.partial(_Deferred, self, name)


class _Deferred:
    """A request made of a `PendingClient`: awaited, or read with `async for` / `anext`,
    as the real client's method would be, once that client is in place."""

    def __init__(self, pending: PendingClient, name: str, *args: Any, **kwargs: Any) -> None:
        self._pending, self._name, self._args, self._kwargs = pending, name, args, kwargs
        self._items: AsyncIterator[Any] | None = None

    def __await__(self) -> Generator[Any, None, Any]:
        return self._result().__await__()

    async def _result(self) -> Any:
        client = await self._pending._connected()
        return await getattr(client, self._name)(*self._args, **self._kwargs)

    def __aiter__(self) -> _Deferred:
        return self

    def __anext__(self) -> Awaitable[Any]:
        if self._items is None:
            self._items = self._iterate()
        return self._items.__anext__()

    async def _iterate(self) -> AsyncIterator[Any]:
        client = await self._pending._connected()
        async for item in getattr(client, self._name)(*self._args, **self._kwargs):
            yield item

    async def aclose(self) -> None:
        if self._items is not None:
            await self._items.aclose()  # type: ignore[attr-defined]
