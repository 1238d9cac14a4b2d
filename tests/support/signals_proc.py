"""`ShutdownSignals` in a process whose quit never ends, to show that a second signal
forces the exit: `python -m tests.support.signals_proc [--python-handler]`.

It prints `READY` once the handlers are in, and `QUITTING <signal>` when the first signal
asks for the quit; it then keeps its qasync loop running, as a shutdown that hangs would.
`--python-handler` takes the path Windows takes (`signal.signal` and a wake-up timer
instead of the loop's own signal handling).
"""

from __future__ import annotations

import asyncio
import os
import sys


def main(argv: list[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import qasync
    from PySide6.QtCore import QCoreApplication

    from plugdesk.app.shutdown_signals import ShutdownSignals

    app = QCoreApplication([])
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    signals = ShutdownSignals(
        loop,
        lambda name: print("QUITTING", name, flush=True),
        use_loop="--python-handler" not in argv,
    )
    signals.install()
    print("READY", flush=True)
    with loop:
        loop.run_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
