"""An alert's words in the window's language: notifications, tray balloons and toasts.

The incident tracker (plugdesk/domain, no Qt) hands each alert over as facts (`AlertFacts`:
kind, charger, connector, error code, how long, how many) plus, for a quiet one, why it
stays quiet (`Silence`). This module words them through Qt's translations; the command
line, logs and webhooks keep the English words the tracker made from the same facts
(`Alert.title`, `Alert.body`). An alert made with words only (the notifier's "N more"
summary, which is translated where it is made) shows its own words.

Error codes stay as the charger sent them ("HighTemperature"), and so does the charger's
own text: they are what a technician or the manufacturer's manual knows.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QCoreApplication, QObject

from plugdesk.domain.incidents import Alert, AlertFacts, IncidentKind, Silence
from plugdesk.marks import QT_TRANSLATE_NOOP
from plugdesk.ui import formatting as fmt

KIND_LABELS = {  # the "Health" words the charger table and the Events pane show
    IncidentKind.FAULT: QT_TRANSLATE_NOOP("Health", "Fault"),
    IncidentKind.OFFLINE: QT_TRANSLATE_NOOP("Health", "Offline"),
    IncidentKind.STALE: QT_TRANSLATE_NOOP("Health", "Stale"),
}


class AlertText(QObject):
    """Words for one alert (a QObject so lupdate sees its "%n" plurals in `self.tr`)."""

    def words(self, alert: Alert) -> tuple[str, str]:
        """(title, body) in the window's language."""
        facts = alert.facts
        if facts is None:
            return alert.title, alert.body
        if facts.summary:
            return self._summary(facts)
        if facts.event == "opened":
            return self._opened_title(facts), self._opened_body(facts)
        return self._resolved_title(facts), self._resolved_body(facts)

    def silence(self, alert: Alert) -> str | None:
        """Why the alert did not pop up ("Quiet hours"), or None."""
        if alert.silence is None:
            return alert.suppressed_by
        return self._silence(alert.silence)

    # -- one charger ----------------------------------------------------------------------

    def _opened_title(self, facts: AlertFacts) -> str:
        name, connector = facts.charger, facts.connector
        if facts.kind is IncidentKind.FAULT:
            if connector is not None:
                return self.tr("{charger} connector {connector} faulted").format(
                    charger=name, connector=connector
                )
            return self.tr("{charger} faulted").format(charger=name)
        if facts.kind is IncidentKind.OFFLINE:
            return self.tr("{charger} is offline").format(charger=name)
        return self.tr("{charger} stopped reporting").format(charger=name)

    def _opened_body(self, facts: AlertFacts) -> str:
        if facts.kind is IncidentKind.FAULT:  # the title names the connector already
            return self.fault(facts.error_code, facts.error_info)
        if facts.kind is IncidentKind.OFFLINE:
            if facts.span is None:
                return self.tr("Offline since an unknown time")
            return self.tr("Offline for {duration}").format(duration=_duration(facts.span))
        return self.tr("No heartbeat for {duration}").format(duration=_duration(facts.span))

    def fault(self, code: str | None, info: str | None) -> str:
        """ "HighTemperature (82 C)": the code and the charger's own words as they came
        (what a technician and the manual know), the rest in the window's language."""
        what = code or self.tr("Faulted (no error code)")
        info = (info or "").strip()
        return self.tr("{error} ({info})").format(error=what, info=info) if info else what

    def _resolved_title(self, facts: AlertFacts) -> str:
        name, connector = facts.charger, facts.connector
        if facts.kind is IncidentKind.FAULT:
            if connector is not None:
                return self.tr("{charger} connector {connector}: fault cleared").format(
                    charger=name, connector=connector
                )
            return self.tr("{charger}: fault cleared").format(charger=name)
        if facts.kind is IncidentKind.OFFLINE:
            return self.tr("{charger} is back online").format(charger=name)
        return self.tr("{charger} is reporting again").format(charger=name)

    def _resolved_body(self, facts: AlertFacts) -> str:
        lasted = _duration(facts.span)
        if facts.kind is IncidentKind.FAULT:
            if facts.error_code:
                return self.tr("{error} cleared after {duration}.").format(
                    error=facts.error_code, duration=lasted
                )
            return self.tr("The fault cleared after {duration}.").format(duration=lasted)
        if facts.kind is IncidentKind.OFFLINE:
            return self.tr("Offline for {duration}.").format(duration=lasted)
        return self.tr("Silent for {duration}.").format(duration=lasted)

    # -- many chargers at once --------------------------------------------------------------

    def _summary(self, facts: AlertFacts) -> tuple[str, str]:
        opened = facts.event == "opened"
        if facts.kind is not None:
            title, counts = self._headline(facts.kind, opened, facts.chargers), ""
        else:
            title = (
                self.tr("%n chargers need attention", "", facts.chargers)
                if opened
                else self.tr("%n chargers recovered", "", facts.chargers)
            )
            # "Fault 2 · Offline 1", in the words of the tray and the charger table
            counts = " · ".join(
                f"{QCoreApplication.translate('Health', KIND_LABELS[k])} {n}"
                for k, n in facts.kinds
            )
        names = ", ".join(facts.names)
        if facts.more:
            names = self.tr("{names} and %n more chargers", "", facts.more).format(names=names)
        if not counts:
            return title, names
        return title, self.tr("{counts}: {names}").format(counts=counts, names=names)

    def _headline(self, kind: IncidentKind, opened: bool, n: int) -> str:
        """ "3 chargers faulted" / "3 chargers back online"."""
        if kind is IncidentKind.FAULT:
            return (self.tr("%n chargers faulted", "", n) if opened
                    else self.tr("%n chargers no longer faulted", "", n))  # fmt: skip
        if kind is IncidentKind.OFFLINE:
            return (self.tr("%n chargers offline", "", n) if opened
                    else self.tr("%n chargers back online", "", n))  # fmt: skip
        return (self.tr("%n chargers stopped reporting", "", n) if opened
                else self.tr("%n chargers reporting again", "", n))  # fmt: skip

    # -- why it stayed quiet ----------------------------------------------------------------

    def _silence(self, silence: Silence) -> str:
        if silence.reason == "kind_off":
            if silence.kind is IncidentKind.FAULT:
                return self.tr("Fault notifications are off")
            if silence.kind is IncidentKind.OFFLINE:
                return self.tr("Offline notifications are off")
            return self.tr("Stale notifications are off")
        if silence.reason == "resolved_off":
            return self.tr("Resolved notifications are off")
        if silence.reason == "paused":
            return self.tr("Notifications paused until {time}").format(
                time=fmt.local_clock(silence.until)
            )
        if silence.reason == "muted":
            if silence.until is None:
                return self.tr("Charger muted until resolved")
            return self.tr("Charger muted until {time}").format(
                time=fmt.local_clock(silence.until)
            )
        return self.tr("Quiet hours")


def _duration(span: timedelta | None) -> str:
    return fmt.duration(span or timedelta(0))


_text: list[AlertText] = []


def alert_text() -> AlertText:
    """The one AlertText (made on first use, once a QCoreApplication exists)."""
    if not _text:
        _text.append(AlertText())
    return _text[0]


def alert_words(alert: Alert) -> tuple[str, str]:
    """(title, body) of `alert` in the window's language: the Notifier's `phrase`."""
    return alert_text().words(alert)


def silence_words(alert: Alert) -> str | None:
    return alert_text().silence(alert)
