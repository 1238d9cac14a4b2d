"""What a real fleet is made of: charger models, serial-number styles, firmware strings,
OCPP error codes with the kind of text chargers send, site names and RFID tags."""

from __future__ import annotations

import random
import string
from collections.abc import Callable
from dataclasses import dataclass

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I: codes are read off a sticker


@dataclass(frozen=True)
class ConnectorSpec:
    standard: str  # OCPI connector standard names, as Plugchoice stores them
    format: str  # SOCKET | CABLE
    power_type: str  # AC_1_PHASE | AC_3_PHASE | DC
    max_amperage: int
    max_voltage: int
    max_kw: float


@dataclass(frozen=True)
class ModelSpec:
    model_id: int
    vendor: str
    name: str
    is_dc: bool
    vendor_id: str
    connectors: tuple[ConnectorSpec, ...]
    max_current: int
    firmware: tuple[tuple[str, str], ...]  # (raw, parsed)
    identity: Callable[[random.Random], str]
    weight: float
    session_minutes: tuple[float, float]  # how long cars stay plugged in
    idle_minutes: float  # mean gap between sessions on one connector
    reports_no_error: bool = False  # sends "NoError" instead of leaving `error` empty


def _digits(rng: random.Random, n: int) -> str:
    return f"{rng.randrange(10**n):0{n}d}"


def _alnum(
    rng: random.Random, n: int, alphabet: str = string.ascii_uppercase + string.digits
) -> str:
    return "".join(rng.choices(alphabet, k=n))


T2_SOCKET_32 = ConnectorSpec("IEC_62196_T2", "SOCKET", "AC_3_PHASE", 32, 400, 22.0)
T2_CABLE_32 = ConnectorSpec("IEC_62196_T2", "CABLE", "AC_3_PHASE", 32, 400, 22.0)
T2_CABLE_1P = ConnectorSpec("IEC_62196_T2", "CABLE", "AC_1_PHASE", 32, 230, 7.4)
CCS_200 = ConnectorSpec("IEC_62196_T2_COMBO", "CABLE", "DC", 200, 920, 150.0)
CCS_125 = ConnectorSpec("IEC_62196_T2_COMBO", "CABLE", "DC", 125, 500, 50.0)
CHADEMO_125 = ConnectorSpec("CHADEMO", "CABLE", "DC", 125, 500, 50.0)

KEMPOWER = ModelSpec(
    model_id=31,
    vendor="Kempower",
    name="Satellite DC",
    is_dc=True,
    vendor_id="Kempower",
    connectors=(CCS_200, CCS_200),
    max_current=200,
    firmware=(("1.52.3", "1.52.3"), ("1.48.0", "1.48.0")),
    identity=lambda r: f"KSAT-{r.randint(21, 24)}{r.randint(1, 12):02d}-{_digits(r, 5)}",
    weight=5,
    session_minutes=(12, 45),
    idle_minutes=50,
)

MODELS: tuple[ModelSpec, ...] = (
    ModelSpec(
        model_id=12,
        vendor="Alfen",
        name="Eve Single Pro-line",
        is_dc=False,
        vendor_id="Alfen BV",
        connectors=(T2_SOCKET_32,),
        max_current=32,
        firmware=(("6.4.0-4207", "6.4.0"), ("6.2.0-4167", "6.2.0"), ("5.9.1-4123", "5.9.1")),
        identity=lambda r: f"ACE{_digits(r, 7)}",
        weight=24,
        session_minutes=(40, 600),
        idle_minutes=200,
    ),
    ModelSpec(
        model_id=13,
        vendor="Alfen",
        name="Eve Double Pro-line",
        is_dc=False,
        vendor_id="Alfen BV",
        connectors=(T2_SOCKET_32, T2_SOCKET_32),
        max_current=32,
        firmware=(("6.4.0-4207", "6.4.0"), ("6.3.1-4190", "6.3.1")),
        identity=lambda r: f"ACE{_digits(r, 7)}",
        weight=12,
        session_minutes=(40, 600),
        idle_minutes=220,
    ),
    ModelSpec(
        model_id=21,
        vendor="Wallbox",
        name="Commander 2",
        is_dc=False,
        vendor_id="Wall Box Chargers",
        connectors=(T2_CABLE_32,),
        max_current=32,
        firmware=(("6.6.12", "6.6.12"), ("6.7.17", "6.7.17"), ("5.17.10", "5.17.10")),
        identity=lambda r: f"WB{_digits(r, 6)}",
        weight=14,
        session_minutes=(30, 480),
        idle_minutes=240,
    ),
    ModelSpec(
        model_id=7,
        vendor="ABB",
        name="Terra AC",
        is_dc=False,
        vendor_id="ABB",
        connectors=(T2_SOCKET_32,),
        max_current=32,
        firmware=(("1.8.26", "1.8.26"), ("1.6.9", "1.6.9")),
        identity=lambda r: f"TACW22{_digits(r, 4)}G{_digits(r, 4)}",
        weight=12,
        session_minutes=(40, 540),
        idle_minutes=210,
    ),
    ModelSpec(
        model_id=44,
        vendor="Zaptec",
        name="Go",
        is_dc=False,
        vendor_id="Zaptec",
        connectors=(T2_SOCKET_32,),
        max_current=32,
        firmware=(("2.3.1.2", "2.3.1"), ("2.4.0.1", "2.4.0")),
        identity=lambda r: f"ZAP{_digits(r, 6)}",
        weight=12,
        session_minutes=(45, 720),
        idle_minutes=300,
        reports_no_error=True,
    ),
    ModelSpec(
        model_id=52,
        vendor="Easee",
        name="Home",
        is_dc=False,
        vendor_id="Easee",
        connectors=(T2_CABLE_1P,),
        max_current=32,
        firmware=(("328", "3.28"), ("302", "3.02")),
        identity=lambda r: f"EH{_alnum(r, 6, CODE_ALPHABET)}",
        weight=11,
        session_minutes=(60, 720),
        idle_minutes=360,
        reports_no_error=True,
    ),
    KEMPOWER,
    ModelSpec(
        model_id=8,
        vendor="ABB",
        name="Terra 54 DC",
        is_dc=True,
        vendor_id="ABB",
        connectors=(CCS_125, CHADEMO_125),
        max_current=125,
        firmware=(("1.7.4", "1.7.4"), ("1.6.2", "1.6.2")),
        identity=lambda r: f"T54-HV-{_digits(r, 4)}-{_digits(r, 3)}",
        weight=5,
        session_minutes=(15, 60),
        idle_minutes=70,
    ),
)

MODEL_WEIGHTS = [m.weight for m in MODELS]
PHASE_ROTATIONS = ("RST", "RST", "RST", "STR", "TRS", "RTS")
SERVERS = ("ocpp-eu-1.plugchoice.com", "ocpp-eu-2.plugchoice.com")

# OCPP 1.6 ChargePointErrorCode values with the vendor text that tends to come with them.
FAULT_CODES: tuple[tuple[str, tuple[str, ...], float], ...] = (
    ("GroundFailure", ("Residual current detected (RCD trip)", "Earth leakage 30 mA"), 5),
    ("HighTemperature", ("Internal temperature 86 °C", "Socket temperature too high"), 4),
    ("PowerMeterFailure", ("Energy meter not responding (Modbus timeout)",), 3),
    ("OverCurrentFailure", ("Vehicle drew 41 A on L2",), 3),
    ("ConnectorLockFailure", ("Cable lock motor did not reach locked position",), 4),
    ("InternalError", ("Watchdog reset", "Relay welded check failed"), 3),
    ("ReaderFailure", ("RFID reader not responding",), 2),
    ("UnderVoltage", ("Grid voltage 187 V on L1",), 2),
    ("OverVoltage", ("Grid voltage 262 V on L3",), 1),
    ("PowerSwitchFailure", ("Contactor feedback mismatch",), 2),
    ("OtherError", ("Emergency button pressed", "Door open"), 2),
    ("WeakSignal", ("LTE signal -113 dBm",), 1),
)
FAULT_NAMES = [f[0] for f in FAULT_CODES]
FAULT_WEIGHTS = [f[2] for f in FAULT_CODES]
FAULT_INFO = {name: infos for name, infos, _ in FAULT_CODES}
COMM_ERROR_INFO = ("EV did not respond to CP state B", "ISO 15118 session setup timeout")

STOP_REASONS = (
    "EVDisconnected", "Local", "Remote", "Other", "PowerLoss", "EmergencyStop",
    "SoftReset", "Reboot", "HardReset", "UnlockCommand", "DeAuthorized", None,
)  # fmt: skip
STOP_WEIGHTS = (45, 25, 15, 3, 2, 1, 1, 1, 0.5, 1, 1, 2)
NORMAL_STOPS = ("EVDisconnected", "Local", "Remote")
NORMAL_STOP_WEIGHTS = (55, 30, 15)

SITES = (
    "Parking P2", "Head Office Garage", "Depot North", "Visitor Car Park", "Hotel Forecourt",
    "Staff Parking B1", "Retail Park West", "Fleet Yard", "Café Lot", "Station Square",
)  # fmt: skip
DC_SITES = ("Fast Hub", "Motorway Services", "Depot North Rapid")

CURRENCY_TAX = {"EUR": 0.21, "GBP": 0.20, "JPY": 0.10}
CURRENCY_HOLD = {"EUR": 5000, "GBP": 4000, "JPY": 6000}


def reference_for(rng: random.Random, dc: bool, bay: int) -> str | None:
    if rng.random() < 0.05:
        return None  # the owner never named it
    if dc:
        return f"{rng.choice(DC_SITES)} – Lane {bay % 8 + 1}"
    site = rng.choice(SITES)
    return f"{site} – Bay {bay}" if rng.random() < 0.8 else f"{site} – Spot {bay}"


def id_tag(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.6:
        return f"04{rng.getrandbits(48):012X}"  # 7-byte MIFARE UID
    if roll < 0.8:
        return f"{rng.getrandbits(32):08X}"  # 4-byte UID
    return "APP-" + _alnum(rng, 8, CODE_ALPHABET)


def public_code(rng: random.Random) -> str:
    return _alnum(rng, rng.randint(6, 8), CODE_ALPHABET)


def api_token(seed: int) -> str:
    """A Sanctum-style personal access token, `<id>|<40 chars>`, the format Plugchoice
    hands out; the `|` is deliberate: the app must carry it intact."""
    rng = random.Random(f"plugdesk-sim-token:{seed}")
    alphabet = string.ascii_letters + string.digits
    return f"{seed % 97 + 1}|" + "".join(rng.choice(alphabet) for _ in range(40))
