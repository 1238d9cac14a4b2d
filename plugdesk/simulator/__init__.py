"""A stand-in for the Plugchoice API v3 served over real HTTP on loopback (tests,
benchmarks, `plugdesk --demo`). Standalone: imports nothing from the rest of plugdesk."""

from plugdesk.simulator.actions import OUTCOMES as ACTION_OUTCOMES
from plugdesk.simulator.actions import ActionRecord
from plugdesk.simulator.chaos import GARBAGE_KINDS
from plugdesk.simulator.chaos import MODES as CHAOS_MODES
from plugdesk.simulator.records import FaultRecord, RequestRecord
from plugdesk.simulator.simulator import Simulator

__all__ = [
    "ACTION_OUTCOMES",
    "CHAOS_MODES",
    "GARBAGE_KINDS",
    "ActionRecord",
    "FaultRecord",
    "RequestRecord",
    "Simulator",
]
