"""`plugdesk report`: totals equal `plugdesk export`'s for the same scope and dates, the
PDF's text (read back with pypdf), site scope, and a failed fetch that leaves no file.

Against the simulator over loopback for --all / --charger. The simulator has no sites yet
(issue 13 adds them there), so the site cases use a small stdlib server of this module
that serves sites, their chargers and the chargers' transactions as API.md documents them.
TODO(lead): once the simulator serves /sites, point the site cases at it as well.
"""

from __future__ import annotations

import csv
import json
import threading
from collections.abc import Iterator
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import urlsplit

import pypdf
import pytest

from plugdesk.cli.main import main
from plugdesk.simulator import Simulator
from tests.support.export import frozen_sim

TOKEN = "test-token-17"


def _pdf_text(path: Path) -> str:
    """The PDF's text with every run of white space (tabs, line ends) as one space."""
    reader = pypdf.PdfReader(str(path))
    return " ".join(" ".join(page.extract_text() or "" for page in reader.pages).split())


def _export_totals(path: Path) -> tuple[int, str]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    kwh = round(sum(float(row["energy_kwh"] or 0) for row in rows), 3)
    return len(rows), f"{kwh:,.3f} kWh"


def _date_range(sim: Simulator, uuids: list[str]) -> tuple[str, str]:
    moments = [
        datetime.fromisoformat(tx[key].replace("Z", "+00:00"))
        for uuid in uuids
        for tx in sim.transactions_for(uuid)
        for key in ("started_at", "stopped_at")
        if tx.get(key)
    ]
    return min(moments).date().isoformat(), max(moments).date().isoformat()


@pytest.fixture
def fleet(monkeypatch: pytest.MonkeyPatch) -> Iterator[Simulator]:
    with frozen_sim(chargers=4, seed=29) as sim:
        monkeypatch.setenv("PLUGDESK_TOKEN", sim.token)
        monkeypatch.setenv("TZ", "Europe/Amsterdam")
        yield sim


@pytest.mark.parametrize("scope", ["all", "one charger"])
def test_report_totals_equal_the_export_for_the_same_scope(
    fleet: Simulator, tmp_path: Path, scope: str
) -> None:
    uuids = fleet.charger_uuids()
    chosen = uuids if scope == "all" else uuids[1:2]
    first, last = _date_range(fleet, uuids)
    flags = ["--all"] if scope == "all" else ["--charger", chosen[0]]
    common = ["--api-url", fleet.base_url, *flags, "--from", first, "--to", last]
    assert main(["export", *common, "-o", str(tmp_path / "e.csv")]) == 0
    assert main(["report", *common, "-o", str(tmp_path / "r.pdf")]) == 0
    sessions, kwh = _export_totals(tmp_path / "e.csv")
    assert sessions > 0
    text = _pdf_text(tmp_path / "r.pdf")
    assert f"Sessions {sessions:,}" in text
    assert f"Energy {kwh}" in text
    assert f"{first} – {last}" in text  # the cover's period
    assert "Charging report" in text and "Availability" in text and "Worst chargers" in text


def test_html_report_has_the_same_totals(fleet: Simulator, tmp_path: Path) -> None:
    first, last = _date_range(fleet, fleet.charger_uuids())
    common = ["--api-url", fleet.base_url, "--all", "--from", first, "--to", last]
    assert main(["export", *common, "-o", str(tmp_path / "e.csv")]) == 0
    assert main(["report", *common, "-o", str(tmp_path / "r.html")]) == 0
    sessions, kwh = _export_totals(tmp_path / "e.csv")
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert f"<b>{sessions:,}</b>" in page
    assert f"<b>{kwh}</b>" in page
    assert page.count("data:image/png;base64,") >= 2  # the charts travel inside the file


# -- sites, from a server of our own ---------------------------------------------------------


def _tx(ident: int, start: str, stop: str, kwh: str) -> dict[str, Any]:
    return {"id": ident, "charger_id": 1, "charger_connector_id": 11, "id_tag": "TAG",
            "meter_start": 0, "meter_stop": int(float(kwh) * 1000), "total_kwh": kwh,
            "started_at": start, "stopped_at": stop, "stop_reason": "EVDisconnected"}


CHARGERS = {
    "ch-a": {"uuid": "ch-a", "identity": "ALPHA-1", "model": {"vendor": "Alfen", "name": "Eve"},
             "firmware_version": "6.1", "connectors": [{"id": 11, "connector_id": 1}]},
    "ch-b": {"uuid": "ch-b", "identity": "BETA-1", "model": {"vendor": "Zaptec", "name": "Go"},
             "firmware_version": "2.0", "connectors": [{"id": 11, "connector_id": 1}]},
}
TRANSACTIONS = {
    # 22:00 -> 02:00 Amsterdam (CET): crosses midnight.
    "ch-a": [_tx(1, "2026-03-02T21:00:00.000000Z", "2026-03-03T01:00:00.000000Z", "10.00"),
             _tx(2, "2026-03-05T08:00:00.000000Z", "2026-03-05T09:30:00.000000Z", "7.25")],
    "ch-b": [_tx(3, "2026-03-04T12:00:00.000000Z", "2026-03-04T13:00:00.000000Z", "3.50")],
}
SITES = [{"uuid": "site-1", "name": "Harbour Garage"}, {"uuid": "site-2", "name": "Town Hall"}]
SITE_CHARGERS = {"site-1": ["ch-a"], "site-2": ["ch-b"]}


class _Api(BaseHTTPRequestHandler):
    failing: ClassVar[set[str]] = set()

    def log_message(self, *args: object) -> None:
        return None

    def do_GET(self) -> None:
        path = urlsplit(self.path).path.removeprefix("/api/v3/")
        parts = path.split("/")
        if self.headers.get("Authorization") != f"Bearer {TOKEN}":
            return self._send(401, {"message": "Unauthenticated."})
        if parts == ["sites"]:
            return self._page(SITES)
        if parts[0] == "sites" and len(parts) == 3 and parts[2] == "chargers":
            return self._page([CHARGERS[c] for c in SITE_CHARGERS.get(parts[1], [])])
        if parts == ["chargers"]:
            return self._page(list(CHARGERS.values()))
        if parts[0] == "chargers" and len(parts) == 2 and parts[1] in CHARGERS:
            return self._send(200, {"data": CHARGERS[parts[1]]})
        if parts[0] == "chargers" and len(parts) == 3 and parts[2] == "transactions":
            if parts[1] in self.failing:
                return self._send(403, {"message": "This action is unauthorized."})
            return self._page(TRANSACTIONS.get(parts[1], []))
        return self._send(404, {"message": "Not found."})

    def _page(self, items: list[dict[str, Any]]) -> None:
        self._send(200, {"data": items, "links": {"first": None, "last": None, "prev": None,
                                                   "next": None},
                         "meta": {"current_page": 1, "per_page": 25}})

    def _send(self, status: int, body: dict[str, Any]) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


@pytest.fixture
def site_api(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Api)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    monkeypatch.setenv("PLUGDESK_TOKEN", TOKEN)
    monkeypatch.setenv("TZ", "Europe/Amsterdam")
    _Api.failing = set()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/api/v3"
    finally:
        server.shutdown()
        server.server_close()


def test_site_report_pages_and_hand_computed_totals(site_api: str, tmp_path: Path) -> None:
    out = tmp_path / "harbour.pdf"
    code = main(["report", "--api-url", site_api, "--site", "harbour garage",
                 "--from", "2026-03-01", "--to", "2026-03-31", "-o", str(out)])
    assert code == 0
    text = _pdf_text(out)
    assert "Sessions 2" in text
    assert "Energy 17.250 kWh" in text  # 10.00 + 7.25
    assert "Charging hours 5.5 h" in text  # 4 h + 1.5 h
    assert "Harbour Garage" in text and "ALPHA-1" in text
    assert "BETA-1" not in text  # the other site's charger is out of scope
    assert len(pypdf.PdfReader(str(out)).pages) >= 3  # cover, availability, a page per site


def test_all_sites_report_names_each_site(site_api: str, tmp_path: Path) -> None:
    out = tmp_path / "all.pdf"
    assert main(["report", "--api-url", site_api, "--all", "--from", "2026-03-01",
                 "--to", "2026-03-31", "-o", str(out)]) == 0
    text = _pdf_text(out)
    assert "Energy 20.750 kWh" in text
    assert "Harbour Garage" in text and "Town Hall" in text


def test_unknown_site_is_a_clear_error(
    site_api: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "x.pdf"
    code = main(["report", "--api-url", site_api, "--site", "Nowhere", "--from", "2026-03-01",
                 "--to", "2026-03-31", "-o", str(out)])
    assert code == 1
    err = capsys.readouterr().err
    assert "No site named 'Nowhere'" in err and "Harbour Garage" in err
    assert not out.exists()


def test_a_failed_fetch_leaves_no_file_and_keeps_the_old_one(
    site_api: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _Api.failing = {"ch-b"}
    folder = tmp_path / "reports"
    folder.mkdir()
    out = folder / "monthly.pdf"
    out.write_bytes(b"last month's report")
    code = main(["report", "--api-url", site_api, "--all", "--from", "2026-03-01",
                 "--to", "2026-03-31", "-o", str(out)])
    assert code == 1
    err = capsys.readouterr().err
    assert "No report was written" in err and "BETA-1" in err
    assert out.read_bytes() == b"last month's report"
    assert sorted(p.name for p in folder.iterdir()) == ["monthly.pdf"]  # no temp file


def test_bad_dates_are_usage_errors(site_api: str, tmp_path: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    base = ["report", "--api-url", site_api, "--all", "-o", str(folder / "r.pdf")]
    assert main([*base, "--from", "2026-03-31", "--to", "2026-03-01"]) == 64
    assert "before --from" in capsys.readouterr().err
    assert main([*base, "--from", "March", "--to", "2026-03-01"]) == 64
    assert "not a date" in capsys.readouterr().err
    assert main(["report", "--api-url", site_api, "--all", "--from", "2026-03-01",
                 "--to", "2026-03-02", "--format", "html", "-o", str(folder / "r.pdf")]) == 64
    assert not list(folder.iterdir())

