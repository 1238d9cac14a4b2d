"""Models of sites, teams and the team-level lists (see shared/API.md, "Sites and teams").

Same tolerance rules as `plugdesk.api.models`: unknown fields are ignored, every documented
field may be absent or null, enum-like values stay `str`.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, ClassVar

from plugdesk.api.models import (
    ChargerModelInfo,
    Connector,
    Licenses,
    Permissions,
    SiteRef,
    TolerantTransaction,
    _Model,
    normalise_error,
)

if TYPE_CHECKING:
    _LooseSmartCharging = str
else:  # a boolean on one docs page, a mode string on the others
    _LooseSmartCharging = bool | str

SMART_CHARGING_MODES: tuple[str, ...] = ("disabled", "day_ahead_pricing", "off_peak")
TEAM_CHARGER_SORTS: tuple[str, ...] = ("identity", "connection_status", "status", "created_at")


def smart_charging_mode(value: bool | str | None) -> str | None:
    """The site's smart charging as a mode string: `false` is "disabled", `true` "enabled"
    (the boolean pages do not say which mode)."""
    if isinstance(value, bool):
        return "enabled" if value else "disabled"
    return value


# -- sites ----------------------------------------------------------------------------------


class LoadManagement(_Model):
    dynamic: bool | None = None
    peak_shaving: bool | None = None
    solar: bool | None = None


class SiteCapabilities(_Model):
    smart_charging: bool | None = None
    load_management: LoadManagement | None = None


class Site(_Model):
    """A site ("location"). `smart_charging` is normalised to a mode string."""

    uuid: str
    id: int | None = None
    name: str | None = None
    address: str | None = None
    street: str | None = None
    postal_code: str | None = None
    house_number: int | str | None = None
    house_number_addition: str | None = None
    city: str | None = None
    country: str | None = None
    smart_charging: _LooseSmartCharging | None = None
    chargers_count: int | None = None
    capabilities: SiteCapabilities | None = None
    permissions: Permissions | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None

    _datetime_fields: ClassVar[tuple[str, ...]] = ("created_at", "updated_at")

    def __post_init__(self) -> None:
        super().__post_init__()
        self.smart_charging = smart_charging_mode(self.smart_charging)

    @property
    def display_name(self) -> str:
        return self.name or self.uuid


class Team(_Model):
    """A team with access to sites and chargers. The docs show no example of a team
    object; these are the fields every team reference carries."""

    uuid: str | None = None
    id: int | None = None
    name: str | None = None

    @property
    def key(self) -> str | int | None:
        """What tells two teams apart: the UUID, else the numeric id, else the name."""
        return self.uuid or self.id or self.name


# -- connectors of a site, chargers of a team -----------------------------------------------


class ConnectorCharger(_Model):
    """The charger a site connector belongs to: `{uuid,id,identity,connection_status,status}`."""

    uuid: str | None = None
    id: int | None = None
    identity: str | None = None
    reference: str | None = None
    connection_status: str | None = None
    status: str | None = None


class SiteConnector(Connector):
    """GET /sites/{site}/connectors: a connector with its charger."""

    charger: ConnectorCharger | None = None


class InternalModel(_Model):
    name: str | None = None
    sku: str | None = None


class ConnectorList(_Model):
    """Team charger items wrap their connectors: `{"data": [...]}`."""

    data: list[Connector] | None = None


class TeamCharger(_Model):
    """GET /teams/{team}/chargers: a reduced charger with its site and connectors."""

    uuid: str
    id: int | None = None
    identity: str | None = None
    reference: str | None = None
    connection_status: str | None = None
    status: str | None = None
    error: str | None = None
    licenses: Licenses | None = None
    model: ChargerModelInfo | None = None
    internal_model: InternalModel | None = None
    site: SiteRef | None = None
    connectors: ConnectorList | None = None
    # Not documented for the reduced items, but kept when a server sends them.
    last_heartbeat_at: datetime | None = None
    error_info: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None

    _datetime_fields: ClassVar[tuple[str, ...]] = ("created_at", "updated_at", "last_heartbeat_at")

    def __post_init__(self) -> None:
        super().__post_init__()
        self.error = normalise_error(self.error)

    @property
    def connector_list(self) -> list[Connector]:
        """The connectors as a plain list (empty when the API sent none)."""
        if self.connectors is None or self.connectors.data is None:
            return []
        return self.connectors.data

    @property
    def display_name(self) -> str:
        return self.reference or self.identity or self.uuid


class TeamChargerFilterOptions(_Model):
    """`filter_options` of GET /teams/{team}/chargers: the values each filter takes.

    Key names as the docs' example shows them (plural, unlike the filters themselves:
    `vendors` offers values for `filter[vendor]`); the simulator answers the same shape
    (plugdesk.simulator.places). Read it with `decode.filter_options_as`."""

    connection_statuses: list[str] | None = None
    statuses: list[str] | None = None
    connector_statuses: list[str] | None = None
    vendors: list[str] | None = None
    license_types: list[str] | None = None


class TransactionCharger(_Model):
    """The charger a team transaction ran on."""

    uuid: str | None = None
    identity: str | None = None
    reference: str | None = None
    site: SiteRef | None = None
    is_mid: bool | None = None


class TeamTransaction(TolerantTransaction):
    """GET /teams/{team}/transactions: a transaction with its charger and site.

    Team lists are paged 25 at a time, so the per-row normalising of the tolerant model
    costs nothing worth a fast path."""

    status: str | None = None
    connector_id: int | None = None
    charger: TransactionCharger | None = None
