"""A stand-in for the Plugchoice API v3 served over real HTTP on loopback (tests,
benchmarks, `plugdesk --demo`). Standalone: imports nothing from the rest of plugdesk."""

from plugdesk.simulator.chaos import GARBAGE_KINDS
from plugdesk.simulator.chaos import MODES as CHAOS_MODES
from plugdesk.simulator.records import FaultRecord, RequestRecord
from plugdesk.simulator.simulator import Simulator

__all__ = ["CHAOS_MODES", "GARBAGE_KINDS", "FaultRecord", "RequestRecord", "Simulator"]
