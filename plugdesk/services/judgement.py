"""What the window may know of the health rules: the labels of each level and, until the
watch's snapshot is wired in (`IncidentService.verdict`), a judge with the default
settings. UI modules import this, never `plugdesk.domain.health` itself."""

from __future__ import annotations

from plugdesk.domain.health import LABELS, HealthVerdict
from plugdesk.domain.snapshot import judge

__all__ = ["LABELS", "HealthVerdict", "judge"]
