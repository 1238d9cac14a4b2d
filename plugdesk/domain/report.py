"""The monthly report's content: which chargers, their transactions and incidents for a
period, the totals, and the HTML the PDF is printed from. No Qt (the PDF writer lives in
`plugdesk/ui/insights/report_pdf.py`).

Totals agree with `plugdesk export` by construction: the transactions are fetched by the
export's own run (`export_run.export_transactions`, same scope, same `--from`/`--to`
filters) into a writer that keeps the rows instead of writing them, so the sessions, kWh
and minutes are the export writer's own running totals (kWh = `total_kwh` rounded to 3
decimals per row, then summed and rounded; charging hours = the export's duration minutes
/ 60).

Scope: `--all` (every charger), `--site NAME` (a site's chargers, by name or UUID) or
`--charger UUID` (as the export). Sites come from `GET /sites` and `GET /sites/{site}/chargers`;
an account whose API has no site list (404) reports every charger under "No site".
"""

from __future__ import annotations

import asyncio
import html
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo
from pathlib import Path
from typing import Literal, Protocol, cast

from plugdesk.api.errors import AuthError, NotFoundError, PlugchoiceError
from plugdesk.api.fleet_models import Site
from plugdesk.api.models import Charger, Transaction
from plugdesk.domain.export import ChargerInfo, ExportRow, TransactionLike, _ExportWriter
from plugdesk.domain.export_run import (
    ExportCancelled,
    ExportFailed,
    ExportFilters,
    ExportScope,
    ExportSummary,
    ExportWriter,
    charger_name,
    export_transactions,
)
from plugdesk.domain.insights import (
    NO_SITE,
    UNKNOWN,
    ChargerFacts,
    Downtime,
    Insights,
    Period,
    Session,
    aggregate,
    session_of,
)
from plugdesk.domain.store import Incident

ReportFormat = Literal["pdf", "html"]
ScopeKind = Literal["all", "sites", "chargers"]
Progress = Callable[[int, int, int], None]  # chargers done, total, rows
AsyncAggregate = Callable[
    [Sequence[Session], Period, list[ChargerFacts], list[Downtime], datetime],
    Awaitable[Insights],
]


class ReportError(Exception):
    """The report could not be made; `str()` is a sentence for the user. No file was
    written (an existing one is untouched)."""


@dataclass(frozen=True)
class ReportScope:
    kind: ScopeKind
    names: tuple[str, ...] = ()  # site names/UUIDs or charger UUIDs

    def describe(self) -> str:
        if self.kind == "all":
            return "all chargers"
        return ", ".join(self.names)


@dataclass(frozen=True)
class ReportRequest:
    scope: ReportScope
    first: date
    last: date
    tz: tzinfo
    author: str = ""
    format: ReportFormat = "pdf"

    @property
    def period(self) -> Period:
        return Period(self.first, self.last, self.tz)

    @property
    def filters(self) -> ExportFilters:
        """Exactly the export's `--from FIRST --to LAST`."""
        return ExportFilters(None, self.first, self.last)


class ReportSource(Protocol):
    """What the report needs of `PlugchoiceClient`."""

    def iter_chargers(self) -> AsyncIterator[Charger]: ...

    async def get_charger(self, uuid: str) -> Charger: ...

    def iter_transactions(
        self,
        uuid: str,
        *,
        status: str | None = None,
        started_from: date | None = None,
        stopped_until: date | None = None,
        limit: int | None = None,
    ) -> AsyncIterator[Transaction]: ...

    async def list_sites(self) -> list[Site]: ...

    async def list_site_chargers(self, site: str) -> list[Charger]: ...


class _CollectingWriter(_ExportWriter):
    """An export writer that keeps the rows (and each charger's columns) in memory, with
    the export's own running totals."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[ExportRow] = []
        self.infos: dict[str, ChargerInfo] = {}

    def write_transactions(
        self, transactions: Iterable[TransactionLike], charger: ChargerInfo
    ) -> int:
        if charger.uuid is not None:
            self.infos[charger.uuid] = charger
        return super().write_transactions(transactions, charger)

    def write_row(self, row: ExportRow) -> None:
        self._check_open()
        self.rows.append(row)
        self._totals.add(row)

    def commit(self) -> Path | None:
        self._finished = True
        return None

    def abort(self) -> None:
        self._finished = True
        self.rows.clear()

    @property
    def path(self) -> Path | None:
        return None


class _Recording:
    """The client as the export sees it, noting every charger it lists or looks up (for
    the model and firmware the charts need, without another request)."""

    def __init__(self, client: ReportSource) -> None:
        self._client = client
        self.chargers: dict[str, Charger] = {}

    async def iter_chargers(self) -> AsyncIterator[Charger]:
        async for charger in self._client.iter_chargers():
            self.chargers[charger.uuid] = charger
            yield charger

    async def get_charger(self, uuid: str) -> Charger:
        charger = await self._client.get_charger(uuid)
        self.chargers[charger.uuid] = charger
        return charger

    def iter_transactions(
        self,
        uuid: str,
        *,
        status: str | None = None,
        started_from: date | None = None,
        stopped_until: date | None = None,
        limit: int | None = None,
    ) -> AsyncIterator[Transaction]:
        return self._client.iter_transactions(
            uuid, status=status, started_from=started_from, stopped_until=stopped_until,
            limit=limit,
        )


@dataclass
class ReportData:
    """Everything fetched for one report, and the figures made from it."""

    request: ReportRequest
    summary: ExportSummary
    rows: list[ExportRow]
    chargers: list[ChargerFacts]
    insights: Insights
    incidents: list[Incident]
    sites: list[str]
    generated_at: datetime
    site_of: dict[str, str] = field(default_factory=dict)

    @property
    def charging_hours(self) -> float:
        return self.summary.minutes / 60.0


async def fetch_report(
    client: ReportSource,
    request: ReportRequest,
    *,
    incidents: Sequence[Incident] = (),
    now: datetime,
    progress: Progress | None = None,
    cancel: asyncio.Event | None = None,
    aggregator: AsyncAggregate | None = None,
) -> ReportData:
    """Resolve the scope, fetch its transactions with the export's run, and aggregate
    (with `aggregator`, e.g. in a worker thread, else here). Raises ReportError with a
    sentence (nothing to write), or ExportCancelled."""
    site_of, sites = await _site_map(client, request.scope)
    scope = _export_scope(request.scope, site_of)
    recording = _Recording(client)
    writer = _CollectingWriter()
    try:
        summary = await export_transactions(
            # The run uses only the writer life cycle every export writer shares.
            recording, scope, request.filters, cast("ExportWriter", writer),
            progress=progress, cancel=cancel,
        )
    except ExportFailed as error:
        text = error.one_line().replace("Nothing was exported", "No report was written")
        raise ReportError(text.replace("nothing was exported", "no report was written")) from None
    except ExportCancelled:
        raise
    facts = _facts(writer.infos, recording.chargers, site_of)
    in_scope = {item.uuid for item in facts}
    period = request.period
    mine = [incident for incident in incidents if incident.charger_uuid in in_scope]
    sessions = [
        made
        for row in writer.rows
        if row.charger_uuid is not None
        and (made := session_of(row.charger_uuid, row.connector_id, row.started_at,
                                row.stopped_at, row.energy_kwh)) is not None
    ]
    if aggregator is None:
        insights = aggregate(sessions, period, facts, _downtimes(mine), now=now)
    else:
        insights = await aggregator(sessions, period, facts, _downtimes(mine), now)
    shown_sites = sorted({item.site for item in facts}, key=str.casefold) or list(sites)
    return ReportData(request, summary, writer.rows, facts, insights,
                      _in_period(mine, period, now), shown_sites, now, site_of)


async def _site_map(
    client: ReportSource, scope: ReportScope
) -> tuple[dict[str, str], list[str]]:
    """charger UUID -> site name, for the sites in scope (all sites unless --site)."""
    try:
        sites = await client.list_sites()
    except NotFoundError:
        if scope.kind == "sites":
            raise ReportError("This account's API has no site list, so --site cannot be "
                              "used; use --all or --charger.") from None
        return {}, []
    except AuthError as error:
        raise ReportError(f"{error} No report was written.") from None
    except PlugchoiceError as error:
        raise ReportError(f"Could not list the sites ({error}); no report was written.") from None
    if scope.kind == "sites":
        sites = _pick_sites(sites, scope.names)
    site_of: dict[str, str] = {}
    for site in sites:
        name = site.name or site.uuid
        try:
            chargers = await client.list_site_chargers(site.uuid)
        except PlugchoiceError as error:
            raise ReportError(
                f"Could not list the chargers of site {name} ({error}); no report was written."
            ) from None
        for charger in chargers:
            site_of.setdefault(charger.uuid, name)
    return site_of, [site.name or site.uuid for site in sites]


def _pick_sites(sites: list[Site], wanted: Sequence[str]) -> list[Site]:
    picked: list[Site] = []
    for name in wanted:
        key = name.strip().casefold()
        match = [s for s in sites if key in (s.uuid.casefold(), (s.name or "").casefold())]
        if not match:
            known = ", ".join(sorted((s.name or s.uuid) for s in sites)) or "none"
            raise ReportError(f"No site named {name!r} on this account (sites: {known}).")
        picked.extend(s for s in match if s not in picked)
    return picked


def _export_scope(scope: ReportScope, site_of: dict[str, str]) -> ExportScope:
    if scope.kind == "all":
        return ExportScope.all()
    if scope.kind == "chargers":
        return ExportScope.of(scope.names)
    if not site_of:
        raise ReportError(f"The site(s) {scope.describe()} have no chargers; nothing to report.")
    return ExportScope.of(sorted(site_of))


def _facts(
    infos: dict[str, ChargerInfo], chargers: dict[str, Charger], site_of: dict[str, str]
) -> list[ChargerFacts]:
    facts = []
    for uuid, info in infos.items():
        charger = chargers.get(uuid)
        model = UNKNOWN
        firmware = UNKNOWN
        connectors: tuple[int, ...] = tuple(sorted(info.connector_numbers.values()))
        name = info.identity or info.reference or uuid
        if charger is not None:
            name = charger_name(charger)
            if charger.model is not None:
                parts = [charger.model.vendor or "", charger.model.name or ""]
                model = " ".join(part for part in parts if part) or UNKNOWN
            firmware = charger.firmware_version or charger.parsed_firmware_version or UNKNOWN
        facts.append(ChargerFacts(uuid, name, site_of.get(uuid, NO_SITE), model, firmware,
                                  connectors))
    return sorted(facts, key=lambda item: (item.site.casefold(), item.name.casefold()))


def _downtimes(incidents: Sequence[Incident]) -> list[Downtime]:
    from plugdesk.domain.insights import downtimes_from_incidents

    return downtimes_from_incidents(incidents)


def _in_period(incidents: Sequence[Incident], period: Period, now: datetime) -> list[Incident]:
    start, end = period.start, period.end
    picked = [
        incident
        for incident in incidents
        if incident.first_seen_at.timestamp() < end
        and (incident.closed_at or now).timestamp() > start
    ]
    return sorted(picked, key=lambda incident: incident.first_seen_at)


# -- per-site figures ------------------------------------------------------------------------


@dataclass(frozen=True)
class ChargerLine:
    name: str
    sessions: int
    kwh: float
    hours: float
    uptime: float | None


@dataclass(frozen=True)
class SiteSummary:
    name: str
    sessions: int
    kwh: float
    hours: float
    uptime: float | None
    chargers: list[ChargerLine]


def site_summaries(data: ReportData) -> list[SiteSummary]:
    """Per site and per charger: sessions, kWh (export rounding), hours, uptime."""
    per_charger: dict[str, list[float]] = {}
    for row in data.rows:
        figures = per_charger.setdefault(row.charger_uuid or "", [0, 0.0, 0.0])
        figures[0] += 1
        figures[1] += row.energy_kwh or 0.0
        figures[2] += row.duration_minutes or 0.0
    uptime = {row.charger_uuid: row.uptime for row in data.insights.availability}
    by_site: dict[str, list[ChargerLine]] = {}
    for facts in data.chargers:
        count, kwh, minutes = per_charger.get(facts.uuid, [0, 0.0, 0.0])
        by_site.setdefault(facts.site, []).append(
            ChargerLine(facts.name, int(count), round(kwh, 3), minutes / 60.0,
                        uptime.get(facts.uuid))
        )
    summaries = []
    for site in sorted(by_site, key=str.casefold):
        lines = by_site[site]
        summaries.append(SiteSummary(
            site,
            sum(line.sessions for line in lines),
            round(sum(line.kwh for line in lines), 3),
            sum(line.hours for line in lines),
            data.insights.site_uptime.get(site),
            lines,
        ))
    return summaries


# -- HTML ------------------------------------------------------------------------------------

_STYLE = """
body { font-family: sans-serif; font-size: 10pt; color: #202124; }
h1 { font-size: 22pt; margin-bottom: 4pt; }
h2 { font-size: 15pt; margin-top: 12pt; border-bottom: 1px solid #999; }
h3 { font-size: 12pt; margin-top: 8pt; }
table { border-collapse: collapse; margin-top: 4pt; }
th { background: #e8eaed; text-align: left; padding: 3px 6px; }
td { padding: 2px 6px; border-bottom: 1px solid #ddd; }
td.n, th.n { text-align: right; }
.muted { color: #5f6368; }
.totals td { font-size: 12pt; padding: 4px 12px 4px 0; border: none; }
"""
PAGE_BREAK = '<div style="page-break-before: always;"></div>'


def _e(text: object) -> str:
    return html.escape(str(text))


def kwh_text(value: float) -> str:
    return f"{value:,.3f} kWh"


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.2f} %"


def render_html(data: ReportData, charts: dict[str, str], *, for_print: bool) -> str:
    """The whole report as one HTML document. `charts` maps chart names ("energy",
    "site:<name>", "availability") to image sources (a resource name for the PDF, a data:
    URI for the HTML file). `for_print` puts each site on a page of its own."""
    request, summary = data.request, data.summary
    when = data.generated_at.astimezone(request.tz)
    author = request.author or "PlugDesk"
    sites = site_summaries(data)
    parts = [
        "<html><head><meta charset='utf-8'><title>PlugDesk report "
        f"{_e(data.insights.period.label())}</title><style>{_STYLE}</style></head><body>",
        "<h1>Charging report</h1>",
        f"<p style='font-size:14pt'>{_e(data.insights.period.label())}</p>",
        "<table class='totals'>",
        f"<tr><td>Scope</td><td><b>{_e(request.scope.describe())}</b></td></tr>",
        f"<tr><td>Sites</td><td>{_e(', '.join(data.sites) or NO_SITE)}</td></tr>",
        f"<tr><td>Chargers</td><td>{len(data.chargers):,}</td></tr>",
        f"<tr><td>Generated</td><td>{when:%Y-%m-%d %H:%M %Z} by {_e(author)}</td></tr>",
        "</table>",
        "<h2>Totals</h2><table class='totals'>",
        f"<tr><td>Sessions</td><td><b>{summary.rows:,}</b></td></tr>",
        f"<tr><td>Energy</td><td><b>{kwh_text(summary.kwh)}</b></td></tr>",
        f"<tr><td>Charging hours</td><td><b>{data.charging_hours:,.1f} h</b></td></tr>",
        "</table>",
        "<p class='muted'>Totals are those of <code>plugdesk export</code> for the same "
        "scope and dates: finished sessions' energy as the API reports it (total_kwh), "
        "charging hours from start to stop.</p>",
    ]
    if "energy" in charts:
        parts.append(f"<h3>Energy per day by site</h3><img src='{charts['energy']}' width='560'>")
    parts.append(_sites_table(sites))
    parts.append(PAGE_BREAK if for_print else "")
    parts.append(_availability(data, sites, charts))
    parts.append(_incidents(data))
    for site in sites:
        parts.append(PAGE_BREAK if for_print else "<hr>")
        parts.append(_site_page(site, charts.get(f"site:{site.name}")))
    parts.append("</body></html>")
    return "".join(parts)


def _sites_table(sites: list[SiteSummary]) -> str:
    rows = "".join(
        f"<tr><td>{_e(site.name)}</td><td class='n'>{site.sessions:,}</td>"
        f"<td class='n'>{site.kwh:,.3f}</td><td class='n'>{site.hours:,.1f}</td>"
        f"<td class='n'>{percent(site.uptime)}</td></tr>"
        for site in sites
    )
    return (
        "<h3>Per site</h3><table><tr><th>Site</th><th class='n'>Sessions</th>"
        "<th class='n'>kWh</th><th class='n'>Hours</th><th class='n'>Availability</th></tr>"
        f"{rows}</table>"
    )


def _availability(data: ReportData, sites: list[SiteSummary], charts: dict[str, str]) -> str:
    parts = ["<h2>Availability</h2>",
             "<p class='muted'>Uptime is the share of the period a charger was neither "
             "faulted nor offline, from PlugDesk's incident history on this computer.</p>"]
    parts.append("<table><tr><th>Site</th><th class='n'>Availability</th></tr>")
    parts += [f"<tr><td>{_e(s.name)}</td><td class='n'>{percent(s.uptime)}</td></tr>"
              for s in sites]
    parts.append("</table>")
    if "availability" in charts:
        parts.append(f"<img src='{charts['availability']}' width='560'>")
    parts.append("<h3>Worst chargers</h3><table><tr><th>Charger</th><th>Site</th>"
                 "<th class='n'>Availability</th><th class='n'>Down (h)</th>"
                 "<th class='n'>Incidents</th></tr>")
    for row in data.insights.worst:
        parts.append(
            f"<tr><td>{_e(row.charger_name)}</td><td>{_e(row.site)}</td>"
            f"<td class='n'>{percent(row.uptime)}</td>"
            f"<td class='n'>{row.down_seconds / 3600:,.1f}</td>"
            f"<td class='n'>{row.incidents}</td></tr>"
        )
    parts.append("</table>")
    return "".join(parts)


def _incidents(data: ReportData) -> str:
    tz = data.request.tz
    if not data.incidents:
        return "<h2>Incidents</h2><p>No incidents in this period.</p>"
    rows = []
    for incident in data.incidents:
        closed = incident.closed_at
        rows.append(
            f"<tr><td>{_e(incident.charger_name)}</td><td>{_e(incident.kind)}</td>"
            f"<td>{_e(incident.error_code or '')}</td>"
            f"<td>{incident.first_seen_at.astimezone(tz):%Y-%m-%d %H:%M}</td>"
            f"<td>{'open' if closed is None else f'{closed.astimezone(tz):%Y-%m-%d %H:%M}'}"
            "</td></tr>"
        )
    return (
        f"<h2>Incidents ({len(rows)})</h2><table><tr><th>Charger</th><th>Kind</th>"
        "<th>Error</th><th>Began</th><th>Ended</th></tr>" + "".join(rows) + "</table>"
    )


def _site_page(site: SiteSummary, chart: str | None) -> str:
    parts = [
        f"<h2>{_e(site.name)}</h2>",
        f"<p>{site.sessions:,} sessions · {kwh_text(site.kwh)} · {site.hours:,.1f} charging "
        f"hours · availability {percent(site.uptime)}</p>",
    ]
    if chart:
        parts.append(f"<img src='{chart}' width='560'>")
    parts.append("<table><tr><th>Charger</th><th class='n'>Sessions</th><th class='n'>kWh</th>"
                 "<th class='n'>Hours</th><th class='n'>Availability</th></tr>")
    parts += [
        f"<tr><td>{_e(line.name)}</td><td class='n'>{line.sessions:,}</td>"
        f"<td class='n'>{line.kwh:,.3f}</td><td class='n'>{line.hours:,.1f}</td>"
        f"<td class='n'>{percent(line.uptime)}</td></tr>"
        for line in site.chargers
    ]
    parts.append("</table>")
    return "".join(parts)
