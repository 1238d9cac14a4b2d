"""Run the real PlugDesk GUI (`plugdesk.app.desk.run_gui`) with fault monitoring wired in, for
the desktop end-to-end test: `python -m tests.support.desk_proc --api URL` with the token
in PLUGDESK_TOKEN and DISPLAY / DBUS_SESSION_BUS_ADDRESS pointing at the test's own X server
and session bus.

If `app.Desk` already wires fault monitoring (`desk.faults`), that wiring is used as is;
otherwise this adds the same call the lead is asked to add to `Desk.__init__`. The refresh
interval is set to the monitor's minimum (5 s) so the test waits seconds, not half a
minute, for the next refresh.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--api", required=True)
    parser.add_argument("--interval", type=float, default=5.0)
    args = parser.parse_args(argv)
    token = os.environ["PLUGDESK_TOKEN"]

    from plugdesk.app import desk as app_module
    from plugdesk.app.alerts import wire_fault_monitoring

    base = app_module.Desk

    class WiredDesk(base):  # type: ignore[misc,valid-type]
        def __init__(self, *a: Any, **k: Any) -> None:
            super().__init__(*a, **k)
            if getattr(self, "faults", None) is None:
                self.faults = wire_fault_monitoring(
                    self, settings=self.app_settings, sign_out=self.sign_out
                )
            self.monitor.set_interval(args.interval)

        async def aclose(self) -> None:
            await self.faults.aclose()  # before the window goes; idempotent
            await super().aclose()

    app_module.Desk = WiredDesk  # type: ignore[misc]
    return app_module.run_gui(args.api, token)


if __name__ == "__main__":
    sys.exit(main())
