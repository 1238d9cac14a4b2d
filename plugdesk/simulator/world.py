"""Sites ("locations") and teams around the fleet.

Drawn from RNG streams of their own, after the fleet is built, so adding them changed
none of the chargers, faults or transactions a seed gave before. Sites hold chargers
(every charger sits on exactly one site); teams have access to sites, and so to the
chargers on them. Memory stays small for big fleets: one small int per charger.
"""

from __future__ import annotations

import random
import uuid as uuidlib
from array import array
from dataclasses import dataclass, field
from typing import Any

from plugdesk.simulator.util import derive, iso_z

DAY = 86400.0
_SITES, _TEAMS = 0x5173, 0x7EA5

# (country, city, postal code pattern, streets) with real street names of each city.
CITIES: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    ("NL", "Amsterdam", "10{d}{d} {L}{L}", ("Stadhouderskade", "Overtoom", "Wibautstraat",
                                           "De Boelelaan", "Johan Huizingalaan")),
    ("NL", "Utrecht", "35{d}{d} {L}{L}", ("Catharijnesingel", "Croeselaan", "Europalaan",
                                         "Biltstraat")),
    ("NL", "Rotterdam", "30{d}{d} {L}{L}", ("Weena", "Coolsingel", "Schiedamsedijk",
                                           "Marconistraat")),
    ("NL", "Eindhoven", "56{d}{d} {L}{L}", ("Vestdijk", "Kennedyplein", "Fellenoord")),
    ("NL", "Groningen", "97{d}{d} {L}{L}", ("Stationsweg", "Paterswoldseweg", "Oosterhamrikkade")),
    ("BE", "Antwerpen", "20{d}0", ("Noorderlaan", "Frankrijklei", "Italiëlei", "Boomsesteenweg")),
    ("BE", "Gent", "90{d}0", ("Kortrijksesteenweg", "Dok Noord", "Sint-Pietersnieuwstraat")),
    ("BE", "Bruxelles", "10{d}0", ("Boulevard du Roi Albert II", "Avenue Louise",
                                  "Rue de la Loi")),
    ("DE", "Köln", "50{d}{d}{d}", ("Aachener Straße", "Hohenzollernring",
                                   "Deutz-Mülheimer Straße")),
    ("DE", "Düsseldorf", "40{d}{d}{d}", ("Königsallee", "Kaiserswerther Straße",
                                         "Speditionstraße")),
    ("DE", "Aachen", "520{d}{d}", ("Jülicher Straße", "Trierer Straße", "Pascalstraße")),
    ("DE", "Berlin", "10{d}{d}{d}", ("Friedrichstraße", "Kurfürstendamm", "Frankfurter Allee")),
    ("FR", "Lille", "590{d}0", ("Rue Nationale", "Boulevard de la Liberté", "Avenue Le Corbusier")),
    ("FR", "Paris", "750{d}{d}", ("Rue de Rivoli", "Boulevard Haussmann", "Quai de la Rapée")),
    ("FR", "Strasbourg", "670{d}0", ("Allée de la Robertsau", "Rue du Marais Vert")),
)  # fmt: skip
# The first sites take turns over the countries, so even the demo spans all four.
MIXED = tuple(
    city
    for n in range(len(CITIES))
    for country in ("NL", "BE", "DE", "FR")
    for city in [c for c in CITIES if c[0] == country][n : n + 1]
)
KINDS = (
    "Parking P2", "Head Office Garage", "Depot North", "Visitor Car Park", "Hotel Forecourt",
    "Staff Parking B1", "Retail Park West", "Fleet Yard", "Station Square", "Fast Hub",
)  # fmt: skip
SMART_MODES = ("disabled", "day_ahead_pricing", "off_peak")
TEAM_NAMES = (
    "Facility Services", "VoltWerk Installers", "Fleet Operations", "Night Shift Support",
    "Benelux Maintenance", "Rhein-Ruhr Service", "Hauts-de-France Ops",
)  # fmt: skip


@dataclass
class Site:
    index: int
    id: int
    uuid: str
    name: str
    street: str
    house_number: str
    house_number_addition: str | None
    postal_code: str
    city: str
    country: str
    smart_charging: bool | str
    created_ts: float
    updated_ts: float
    chargers: list[int] = field(default_factory=list)  # charger indices, ascending
    teams: list[int] = field(default_factory=list)  # team indices with access

    @property
    def address(self) -> str:
        number = self.house_number + (self.house_number_addition or "")
        if self.country == "FR":  # "12 Rue Nationale" in France, "Weena 12" elsewhere
            return f"{number} {self.street}, {self.postal_code} {self.city}"
        return f"{self.street} {number}, {self.postal_code} {self.city}"

    def to_api(self, charger_count: int) -> dict[str, Any]:
        return {
            "uuid": self.uuid,
            "id": self.id,
            "name": self.name,
            "address": self.address,
            "street": self.street,
            "postal_code": self.postal_code,
            "house_number": self.house_number,
            "house_number_addition": self.house_number_addition,
            "city": self.city,
            "country": self.country,
            "smart_charging": self.smart_charging,
            "chargers_count": charger_count,
            "capabilities": {
                "smart_charging": self.smart_charging not in (False, "disabled"),
                "load_balancing": charger_count > 1,
                "public_charging": True,
            },
            "permissions": {"view": True, "update": True, "delete": self.index % 3 != 2},
            "created_at": iso_z(self.created_ts),
            "updated_at": iso_z(self.updated_ts),
        }

    def ref(self) -> dict[str, Any]:
        return {"uuid": self.uuid, "name": self.name}


@dataclass
class Team:
    index: int
    id: int
    uuid: str
    name: str
    personal: bool
    created_ts: float
    sites: list[int] = field(default_factory=list)  # site indices, ascending

    def to_api(self) -> dict[str, Any]:
        """A team item as the docs' example of GET /teams shows it (plus `sites_count`)."""
        slug = "".join(ch if ch.isalnum() else "-" for ch in self.name.lower()).strip("-")
        return {
            "uuid": self.uuid,
            "id": self.id,
            "is_personal_team": self.personal,
            "name": self.name,
            "type": "Other",
            "email": f"{slug.replace('--', '-')}@example.com",
            "sites_count": len(self.sites),
            "created_at": iso_z(self.created_ts),
            "updated_at": iso_z(self.created_ts),
        }

    def access_api(self) -> dict[str, Any]:
        """A team item of GET /sites/{site}/teams: the team and its access to the site."""
        return {
            **self.to_api(),
            "access": {
                "is_owner": self.personal,
                "data_access": True,
                "data_access_expires_at": None,
                "can_access_all_assets": self.personal,
                "created_at": iso_z(self.created_ts),
                "updated_at": iso_z(self.created_ts),
            },
        }


def site_count(chargers: int) -> int:
    """About six sites for the 40-charger demo, a few hundred for 10,000 chargers."""
    if chargers <= 0:
        return 0
    return max(1, min(chargers, round(6 * (chargers / 40) ** 0.75)))


class World:
    def __init__(self, *, seed: int, start_ts: float, charger_count: int, owner: str) -> None:
        self.sites: list[Site] = []
        self.teams: list[Team] = []
        self.site_of = array("i", [0] * charger_count)  # charger index -> site index
        self._by_key: dict[str, Site] = {}
        self._team_by_key: dict[str, Team] = {}
        self._build_sites(random.Random(derive(seed, _SITES)), start_ts, charger_count)
        self._build_teams(random.Random(derive(seed, _TEAMS)), start_ts, owner)

    # -- building ------------------------------------------------------------------------

    def _build_sites(self, rng: random.Random, start_ts: float, chargers: int) -> None:
        count = site_count(chargers)
        names: set[str] = set()
        for k in range(count):
            country, city, postal, streets = MIXED[k] if k < len(MIXED) else rng.choice(CITIES)
            name = f"{city} {KINDS[k % len(KINDS)]}"
            if name in names:
                name = f"{name} {k // len(KINDS) + 1}"
            names.add(name)
            addition = rng.choice(("A", "B", "-2", "bis")) if rng.random() < 0.15 else None
            if country != "FR" and addition == "bis":
                addition = "A"
            smart: bool | str = rng.choice(SMART_MODES)
            if k % 4 == 1:
                smart = smart != "disabled"  # the API sends a boolean on some pages
            created = float(int(start_ts - rng.uniform(400, 950) * DAY))
            site = Site(
                index=k,
                id=300 + k * 7 + rng.randint(0, 6),
                uuid=str(uuidlib.UUID(int=rng.getrandbits(128), version=4)),
                name=name,
                street=rng.choice(streets),
                house_number=str(rng.randint(1, 240)),
                house_number_addition=addition,
                postal_code=_postal(rng, postal),
                city=city,
                country=country,
                smart_charging=smart,
                created_ts=created,
                updated_ts=float(int(start_ts - rng.uniform(1, 90) * DAY)),
            )
            self.sites.append(site)
            self._by_key[site.uuid] = site
            self._by_key[str(site.id)] = site
        if not count:
            return
        # Sites differ in size: a depot holds many chargers, a café lot two.
        weights = [rng.uniform(0.3, 3.0) for _ in range(count)]
        rest = rng.choices(range(count), weights, k=max(0, chargers - count))
        for charger in range(chargers):
            k = charger if charger < count else rest[charger - count]
            self.site_of[charger] = k
            self.sites[k].chargers.append(charger)

    def _build_teams(self, rng: random.Random, start_ts: float, owner: str) -> None:
        everything = list(range(len(self.sites)))
        own = Team(0, 1, _uuid(rng), f"{owner}'s Team", True, start_ts - 1000 * DAY, everything)
        self.teams.append(own)
        n_sites = len(self.sites)
        extra = min(len(TEAM_NAMES), max(2, n_sites // 25)) if n_sites else 0
        for k in range(extra):
            share = max(1, int(n_sites * rng.uniform(0.25, 0.6)))
            sites = sorted(rng.sample(everything, min(share, n_sites)))
            created = float(int(start_ts - rng.uniform(100, 900) * DAY))
            team = Team(k + 1, 2 + k * 3 + rng.randint(0, 2), _uuid(rng), TEAM_NAMES[k], False,
                        created, sites)  # fmt: skip
            self.teams.append(team)
        for team in self.teams:
            self._team_by_key[team.uuid] = team
            self._team_by_key[str(team.id)] = team
            for k in team.sites:
                self.sites[k].teams.append(team.index)

    # -- look-ups ------------------------------------------------------------------------

    def site(self, key: str) -> Site | None:
        return self._by_key.get(key)

    def team(self, key: str) -> Team | None:
        return self._team_by_key.get(key)

    def site_for(self, charger_index: int) -> Site:
        return self.sites[self.site_of[charger_index]]

    def team_chargers(self, team: Team) -> list[int]:
        found: list[int] = []
        for k in team.sites:
            found.extend(self.sites[k].chargers)
        found.sort()
        return found


def _uuid(rng: random.Random) -> str:
    return str(uuidlib.UUID(int=rng.getrandbits(128), version=4))


def _postal(rng: random.Random, pattern: str) -> str:
    out = []
    k = 0
    while k < len(pattern):
        if pattern.startswith("{d}", k):
            out.append(str(rng.randint(0, 9)))
            k += 3
        elif pattern.startswith("{L}", k):
            out.append(rng.choice("ABCEGHJKLMNPRSTVWXZ"))
            k += 3
        else:
            out.append(pattern[k])
            k += 1
    return "".join(out)
