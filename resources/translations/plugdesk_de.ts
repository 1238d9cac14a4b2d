<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en_US">
    <context>
        <name>ActionWiring</name>
        <message>
            <source>none</source>
            <translation>keine</translation>
        </message>
        <message>
            <source>Each goes offline for about a minute; running charging sessions are interrupted.</source>
            <translation>Jede Ladestation ist etwa eine Minute offline; laufende Ladevorgänge werden unterbrochen.</translation>
        </message>
        <message>
            <source>No new charging session can start on them until they are made available.</source>
            <translation>Auf ihnen kann kein neuer Ladevorgang starten, bis sie wieder verfügbar gemacht werden.</translation>
        </message>
        <message>
            <source>{action}: {chargers} ({names})?</source>
            <translation>{action}: {chargers} ({names})?</translation>
        </message>
        <message>
            <source>Skipped, no permission for actions: {names}.</source>
            <translation>Übersprungen, keine Berechtigung für Aktionen: {names}.</translation>
        </message>
        <message>
            <source>{action}: sending to {chargers}…</source>
            <translation>{action}: wird an {chargers} gesendet…</translation>
        </message>
        <message>
            <source>{action} — {chargers}</source>
            <translation>{action} — {chargers}</translation>
        </message>
        <message>
            <source>Actions</source>
            <translation>Aktionen</translation>
        </message>
        <message>
            <source>Log</source>
            <translation>Protokoll</translation>
        </message>
        <message>
            <source>&amp;Actions</source>
            <translation>&amp;Aktionen</translation>
        </message>
        <message>
            <source>{action} selected chargers…</source>
            <translation>{action}: ausgewählte Ladestationen…</translation>
        </message>
        <message>
            <source>{action}: {chargers}…</source>
            <translation>{action}: {chargers}…</translation>
        </message>
    </context>
    <context>
        <name>Actions</name>
        <message>
            <source>Restart</source>
            <translation>Neu starten</translation>
        </message>
        <message>
            <source>Make unavailable</source>
            <translation>Außer Betrieb nehmen</translation>
        </message>
        <message>
            <source>Make available</source>
            <translation>Wieder in Betrieb nehmen</translation>
        </message>
        <message>
            <source>Start charging</source>
            <translation>Laden starten</translation>
        </message>
        <message>
            <source>Stop charging</source>
            <translation>Laden stoppen</translation>
        </message>
        <message>
            <source>Charge limit</source>
            <translation>Ladelimit</translation>
        </message>
        <message>
            <source>Clear charge limit</source>
            <translation>Ladelimit aufheben</translation>
        </message>
        <message>
            <source>Plug &amp; Charge</source>
            <translation>Plug &amp; Charge</translation>
        </message>
        <message>
            <source>Public charging settings</source>
            <translation>Einstellungen öffentliches Laden</translation>
        </message>
        <message>
            <source>restart</source>
            <translation>Neustart</translation>
        </message>
        <message>
            <source>make unavailable</source>
            <translation>außer Betrieb nehmen</translation>
        </message>
        <message>
            <source>make available</source>
            <translation>wieder in Betrieb nehmen</translation>
        </message>
        <message>
            <source>start charging</source>
            <translation>Laden starten</translation>
        </message>
        <message>
            <source>stop charging</source>
            <translation>Laden beenden</translation>
        </message>
        <message>
            <source>charge limit</source>
            <translation>Ladelimit</translation>
        </message>
        <message>
            <source>clear charge limit</source>
            <translation>Ladelimit aufheben</translation>
        </message>
        <message>
            <source>plug &amp; charge</source>
            <translation>Plug &amp; Charge</translation>
        </message>
        <message>
            <source>public charging settings</source>
            <translation>Einstellungen öffentliches Laden</translation>
        </message>
        <message>
            <source>Your access to {charger} does not include actions (it needs full permission). Ask the charger's owner for access.</source>
            <translation>Ihr Zugriff auf {charger} umfasst keine Aktionen (dafür sind volle Rechte nötig). Bitten Sie den Eigentümer der Ladestation um Zugriff.</translation>
        </message>
        <message>
            <source>connector {number}</source>
            <translation>Anschluss {number}</translation>
        </message>
        <message>
            <source>a connector</source>
            <translation>einem Anschluss</translation>
        </message>
        <message>
            <source>, tag {tag}</source>
            <translation>, Tag {tag}</translation>
        </message>
        <message>
            <source>session {id} on {where}{tag}, since {since}{energy}</source>
            <translation>Sitzung {id} an {where}{tag}, seit {since}{energy}</translation>
        </message>
        <message>
            <source>Make {name} unavailable? No new charging session can start on it until it is made available again; a session already running goes on to its end.</source>
            <translation>{name} außer Betrieb nehmen? Bis die Ladestation wieder in Betrieb ist, kann keine neue Ladesitzung starten; eine laufende Sitzung läuft bis zu ihrem Ende weiter.</translation>
        </message>
        <message>
            <source>Make {name} available again? Drivers can then start charging on it.</source>
            <translation>{name} wieder in Betrieb nehmen? Fahrer können dann wieder daran laden.</translation>
        </message>
        <message>
            <source>a free connector</source>
            <translation>einem freien Anschluss</translation>
        </message>
        <message>
            <source>Start charging on {name}, {where}, for id tag {tag}?</source>
            <translation>Laden an {name}, {where}, für ID-Tag {tag} starten?</translation>
        </message>
        <message>
            <source>its active session</source>
            <translation>die laufende Sitzung</translation>
        </message>
        <message>
            <source>Stop charging on {name}: {what}?</source>
            <translation>Laden an {name} beenden: {what}?</translation>
        </message>
        <message>
            <source>Lift the charge limit of {name} ({where}) back to {amps} A?</source>
            <translation>Das Ladelimit von {name} ({where}) wieder auf {amps} A anheben?</translation>
        </message>
        <message>
            <source>Limit {name} ({where}) to {amps} A?</source>
            <translation>{name} ({where}) auf {amps} A begrenzen?</translation>
        </message>
        <message>
            <source>Turn Plug &amp; Charge on for {name}, billed to card {card}?</source>
            <translation>Plug &amp; Charge für {name} einschalten, abgerechnet über Karte {card}?</translation>
        </message>
        <message>
            <source>Turn Plug &amp; Charge off for {name}?</source>
            <translation>Plug &amp; Charge für {name} ausschalten?</translation>
        </message>
        <message>
            <source>Turn public charging on for {name} at {price} with a start fee of {fee}, billing plan {plan}?</source>
            <translation>Öffentliches Laden für {name} einschalten zu {price} mit einer Startgebühr von {fee}, Abrechnungsplan {plan}?</translation>
        </message>
        <message>
            <source>Turn public charging off for {name}? Drivers can no longer pay by card there.</source>
            <translation>Öffentliches Laden für {name} ausschalten? Fahrer können dort dann nicht mehr mit Karte bezahlen.</translation>
        </message>
        <message>
            <source>Restart {name}? It goes offline for about a minute while it reboots.</source>
            <translation>{name} neu starten? Die Ladestation ist während des Neustarts etwa eine Minute offline.</translation>
        </message>
        <message>
            <source>{question}
No charging session is running on it.</source>
            <translation>{question}
Es läuft keine Ladesitzung daran.</translation>
        </message>
        <message>
            <source>{question}
This will interrupt the charging session:
{lines}</source>
            <translation>{question}
Das unterbricht die Ladesitzung:
{lines}</translation>
        </message>
        <message>
            <source>{question}
This will interrupt the charging {count} sessions:
{lines}</source>
            <translation>{question}
Das unterbricht die {count} Ladesitzungen:
{lines}</translation>
        </message>
        <message>
            <source>whole charger</source>
            <translation>ganze Ladestation</translation>
        </message>
        <message>
            <source>{head} — the charger did not answer in time — it may still happen</source>
            <translation>{head} — die Ladestation hat nicht rechtzeitig geantwortet — es kann trotzdem noch geschehen</translation>
        </message>
        <message>
            <source>{head} — not allowed (403): your access to this charger does not include actions. Ask the charger's owner for full permission.</source>
            <translation>{head} — nicht erlaubt (403): Ihr Zugang zu dieser Ladestation umfasst keine Aktionen. Bitten Sie den Eigentümer der Ladestation um volle Berechtigung.</translation>
        </message>
        <message>
            <source>{head} — not sent: the API token was refused; sign in again.</source>
            <translation>{head} — nicht gesendet: Das API-Token wurde abgelehnt; melden Sie sich erneut an.</translation>
        </message>
        <message>
            <source>{head} — not sent: the API does not know this charger (404).</source>
            <translation>{head} — nicht gesendet: Die API kennt diese Ladestation nicht (404).</translation>
        </message>
        <message>
            <source>{head} — not sent: {problem}</source>
            <translation>{head} — nicht gesendet: {problem}</translation>
        </message>
        <message>
            <source>{head} — Accepted</source>
            <translation>{head} — Angenommen</translation>
        </message>
        <message>
            <source>{head} — Rejected by the charger</source>
            <translation>{head} — Von der Ladestation abgelehnt</translation>
        </message>
        <message>
            <source>{head} — sent; the API did not say whether the charger accepted</source>
            <translation>{head} — gesendet; die API hat nicht gemeldet, ob die Ladestation angenommen hat</translation>
        </message>
        <message>
            <source>{name}: {action}</source>
            <translation>{name}: {action}</translation>
        </message>
        <message>
            <source>{name}: charging started — {session}</source>
            <translation>{name}: Laden gestartet — {session}</translation>
        </message>
        <message>
            <source> (OCPP status {status})</source>
            <translation> (OCPP-Status {status})</translation>
        </message>
        <message>
            <source>{name} is now unavailable{status}</source>
            <translation>{name} ist jetzt außer Betrieb{status}</translation>
        </message>
        <message>
            <source>{name} is now available again{status}</source>
            <translation>{name} ist jetzt wieder in Betrieb{status}</translation>
        </message>
        <message>
            <source>{name}: charging stopped (the session has ended)</source>
            <translation>{name}: Laden beendet (die Sitzung ist zu Ende)</translation>
        </message>
        <message>
            <source>{name}: charging stopped (session {id} has ended)</source>
            <translation>{name}: Laden beendet (Sitzung {id} ist zu Ende)</translation>
        </message>
        <message>
            <source>, card {card}</source>
            <translation>, Karte {card}</translation>
        </message>
        <message>
            <source>{name}: Plug &amp; Charge is now on{card}</source>
            <translation>{name}: Plug &amp; Charge ist jetzt eingeschaltet{card}</translation>
        </message>
        <message>
            <source>{name}: Plug &amp; Charge is now off{card}</source>
            <translation>{name}: Plug &amp; Charge ist jetzt ausgeschaltet{card}</translation>
        </message>
        <message>
            <source>{name}: public charging is off</source>
            <translation>{name}: öffentliches Laden ist ausgeschaltet</translation>
        </message>
        <message>
            <source>, code {code}</source>
            <translation>, Code {code}</translation>
        </message>
        <message>
            <source>{name}: public charging is on at the new prices{code}</source>
            <translation>{name}: öffentliches Laden ist zu den neuen Preisen eingeschaltet{code}</translation>
        </message>
        <message>
            <source>{name} restarted: back online after {seconds} s, still faulted after the restart ({code})</source>
            <translation>{name} neu gestartet: nach {seconds} s wieder online, nach dem Neustart weiterhin gestört ({code})</translation>
        </message>
        <message>
            <source>{name} restarted: back online after {seconds} s, fault cleared</source>
            <translation>{name} neu gestartet: nach {seconds} s wieder online, Störung behoben</translation>
        </message>
        <message>
            <source>{name} restarted: back online after {seconds} s</source>
            <translation>{name} neu gestartet: nach {seconds} s wieder online</translation>
        </message>
        <message>
            <source>{name}: the charger never got the limit ({where})</source>
            <translation>{name}: die Ladestation hat das Limit nie erhalten ({where})</translation>
        </message>
        <message>
            <source>{name}: limit of {amps} A in effect ({where})</source>
            <translation>{name}: Limit von {amps} A aktiv ({where})</translation>
        </message>
        <message>
            <source>{name}: the charger refused the limit ({where})</source>
            <translation>{name}: die Ladestation hat das Limit abgelehnt ({where})</translation>
        </message>
        <message>
            <source>{name} went offline for the restart and was not back within {minutes} min</source>
            <translation>{name} ging für den Neustart offline und war nicht innerhalb von {minutes} min zurück</translation>
        </message>
        <message>
            <source>{name} did not restart within {minutes} min, still faulted</source>
            <translation>{name} wurde nicht innerhalb von {minutes} min neu gestartet, weiterhin gestört</translation>
        </message>
        <message>
            <source>{name} did not restart within {minutes} min</source>
            <translation>{name} wurde nicht innerhalb von {minutes} min neu gestartet</translation>
        </message>
        <message>
            <source>{name} did not change within {minutes} min (OCPP status {status})</source>
            <translation>{name} hat sich nicht innerhalb von {minutes} min geändert (OCPP-Status {status})</translation>
        </message>
        <message>
            <source>{name}: no charging session started within {minutes} min</source>
            <translation>{name}: innerhalb von {minutes} min keine Ladesitzung gestartet</translation>
        </message>
        <message>
            <source>{name}: the session was still running after {minutes} min</source>
            <translation>{name}: die Sitzung lief nach {minutes} min noch</translation>
        </message>
        <message>
            <source>{name}: no sign that the charger received the limit within {minutes} min</source>
            <translation>{name}: kein Hinweis, dass die Ladestation das Limit innerhalb von {minutes} min erhalten hat</translation>
        </message>
        <message>
            <source>{name}: the setting did not change within {minutes} min</source>
            <translation>{name}: die Einstellung hat sich nicht innerhalb von {minutes} min geändert</translation>
        </message>
        <message>
            <source>It happened after all: {outcome}</source>
            <translation>Es ist doch geschehen: {outcome}</translation>
        </message>
        <message>
            <source>It did not happen: {outcome}</source>
            <translation>Es ist nicht geschehen: {outcome}</translation>
        </message>
        <message>
            <source>{name}: an action is already in flight</source>
            <translation>{name}: Es läuft bereits eine Aktion</translation>
        </message>
        <message>
            <source>{name}: not sent — the event history could not be written, and every action must be recorded first.</source>
            <translation>{name}: nicht gesendet — der Ereignisverlauf konnte nicht geschrieben werden, und jede Aktion muss zuerst aufgezeichnet werden.</translation>
        </message>
        <message>
            <source>sending…</source>
            <translation>wird gesendet…</translation>
        </message>
        <message>
            <source>by {user}: {words}</source>
            <translation>von {user}: {words}</translation>
        </message>
    </context>
    <context>
        <name>ActionsPanel</name>
        <message>
            <source>Restart</source>
            <translation>Neu starten</translation>
        </message>
        <message>
            <source>Make unavailable</source>
            <translation>Außer Betrieb nehmen</translation>
        </message>
        <message>
            <source>Make available</source>
            <translation>Wieder in Betrieb nehmen</translation>
        </message>
        <message>
            <source>Start charging</source>
            <translation>Laden starten</translation>
        </message>
        <message>
            <source>Stop charging</source>
            <translation>Laden stoppen</translation>
        </message>
        <message>
            <source>Set limit</source>
            <translation>Limit setzen</translation>
        </message>
        <message>
            <source>Clear limit</source>
            <translation>Limit aufheben</translation>
        </message>
        <message>
            <source>Apply</source>
            <translation>Übernehmen</translation>
        </message>
        <message>
            <source>subscription</source>
            <translation>Abonnement</translation>
        </message>
        <message>
            <source>per transaction</source>
            <translation>pro Transaktion</translation>
        </message>
        <message>
            <source>Select a charger to act on it.</source>
            <translation>Wählen Sie eine Ladestation, um eine Aktion auszuführen.</translation>
        </message>
        <message>
            <source>Action status</source>
            <translation>Status der Aktion</translation>
        </message>
        <message>
            <source>Restart…</source>
            <translation>Neu starten…</translation>
        </message>
        <message>
            <source>Reboot the charger (it goes offline for about a minute)</source>
            <translation>Die Ladestation neu starten (sie ist etwa eine Minute offline)</translation>
        </message>
        <message>
            <source>Make unavailable…</source>
            <translation>Außer Betrieb nehmen…</translation>
        </message>
        <message>
            <source>No new charging sessions until it is made available again</source>
            <translation>Keine neuen Ladevorgänge, bis sie wieder verfügbar gemacht wird</translation>
        </message>
        <message>
            <source>Make available…</source>
            <translation>Wieder in Betrieb nehmen…</translation>
        </message>
        <message>
            <source>Let drivers charge again</source>
            <translation>Fahrer wieder laden lassen</translation>
        </message>
        <message>
            <source>Charging</source>
            <translation>Laden</translation>
        </message>
        <message>
            <source>Connector to start on</source>
            <translation>Anschluss, auf dem gestartet wird</translation>
        </message>
        <message>
            <source>Id tag</source>
            <translation>ID-Tag</translation>
        </message>
        <message>
            <source>The id tag (RFID card) to charge for; recent ones are offered</source>
            <translation>Das ID-Tag (RFID-Karte), für das geladen wird; zuletzt verwendete werden vorgeschlagen</translation>
        </message>
        <message>
            <source>id tag (up to 20 characters)</source>
            <translation>ID-Tag (bis zu 20 Zeichen)</translation>
        </message>
        <message>
            <source>Start charging…</source>
            <translation>Laden starten…</translation>
        </message>
        <message>
            <source>Remote start for this id tag</source>
            <translation>Fernstart für dieses ID-Tag</translation>
        </message>
        <message>
            <source>Stop charging…</source>
            <translation>Laden stoppen…</translation>
        </message>
        <message>
            <source>Remote stop of the session shown</source>
            <translation>Den angezeigten Ladevorgang aus der Ferne stoppen</translation>
        </message>
        <message>
            <source>Connector:</source>
            <translation>Anschluss:</translation>
        </message>
        <message>
            <source>Id tag:</source>
            <translation>ID-Tag:</translation>
        </message>
        <message>
            <source>Running:</source>
            <translation>Läuft:</translation>
        </message>
        <message>
            <source>Charge limit</source>
            <translation>Ladelimit</translation>
        </message>
        <message>
            <source>Limit applies to</source>
            <translation>Limit gilt für</translation>
        </message>
        <message>
            <source>Limit in amperes</source>
            <translation>Limit in Ampere</translation>
        </message>
        <message>
            <source>Set limit…</source>
            <translation>Limit setzen…</translation>
        </message>
        <message>
            <source>Cap the charging current</source>
            <translation>Den Ladestrom begrenzen</translation>
        </message>
        <message>
            <source>Clear limit…</source>
            <translation>Limit aufheben…</translation>
        </message>
        <message>
            <source>Lift the limit back to the charger's maximum current</source>
            <translation>Das Limit auf den Höchststrom der Ladestation zurücksetzen</translation>
        </message>
        <message>
            <source>Applies to:</source>
            <translation>Gilt für:</translation>
        </message>
        <message>
            <source>Current:</source>
            <translation>Strom:</translation>
        </message>
        <message>
            <source>Plug &amp;&amp; Charge</source>
            <translation>Plug &amp;&amp; Charge</translation>
        </message>
        <message>
            <source>On</source>
            <translation>Ein</translation>
        </message>
        <message>
            <source>card UID it bills</source>
            <translation>UID der abgerechneten Karte</translation>
        </message>
        <message>
            <source>Plug and Charge card</source>
            <translation>Plug-&amp;-Charge-Karte</translation>
        </message>
        <message>
            <source>Apply…</source>
            <translation>Übernehmen…</translation>
        </message>
        <message>
            <source>Turn Plug &amp; Charge on or off</source>
            <translation>Plug &amp; Charge ein- oder ausschalten</translation>
        </message>
        <message>
            <source>Plug &amp;&amp; Charge:</source>
            <translation>Plug &amp;&amp; Charge:</translation>
        </message>
        <message>
            <source>Card:</source>
            <translation>Karte:</translation>
        </message>
        <message>
            <source>Now:</source>
            <translation>Jetzt:</translation>
        </message>
        <message>
            <source>Public charging</source>
            <translation>Öffentliches Laden</translation>
        </message>
        <message>
            <source>Price per kWh</source>
            <translation>Preis pro kWh</translation>
        </message>
        <message>
            <source>Start fee</source>
            <translation>Startgebühr</translation>
        </message>
        <message>
            <source>Copy</source>
            <translation>Kopieren</translation>
        </message>
        <message>
            <source>Copy the public code</source>
            <translation>Den öffentlichen Code kopieren</translation>
        </message>
        <message>
            <source>Copy the public charging URL</source>
            <translation>Die URL für öffentliches Laden kopieren</translation>
        </message>
        <message>
            <source>Save the public charging settings</source>
            <translation>Die Einstellungen für öffentliches Laden speichern</translation>
        </message>
        <message>
            <source>Public charging:</source>
            <translation>Öffentliches Laden:</translation>
        </message>
        <message>
            <source>Price per kWh:</source>
            <translation>Preis pro kWh:</translation>
        </message>
        <message>
            <source>Start fee:</source>
            <translation>Startgebühr:</translation>
        </message>
        <message>
            <source>Billing plan:</source>
            <translation>Abrechnungsart:</translation>
        </message>
        <message>
            <source>Public code:</source>
            <translation>Öffentlicher Code:</translation>
        </message>
        <message>
            <source>URL:</source>
            <translation>URL:</translation>
        </message>
        <message>
            <source>Could not read {what}</source>
            <translation>Konnte nicht gelesen werden: {what}</translation>
        </message>
        <message>
            <source>Actions on {charger}.</source>
            <translation>Aktionen für {charger}.</translation>
        </message>
        <message>
            <source>Any free connector</source>
            <translation>Beliebiger freier Anschluss</translation>
        </message>
        <message>
            <source>Whole charger</source>
            <translation>Ganze Ladestation</translation>
        </message>
        <message>
            <source>Connector {number}</source>
            <translation>Anschluss {number}</translation>
        </message>
        <message>
            <source>Could not read the sessions: {problem}</source>
            <translation>Die Ladevorgänge konnten nicht gelesen werden: {problem}</translation>
        </message>
        <message>
            <source>No charging session is running.</source>
            <translation>Es läuft kein Ladevorgang.</translation>
        </message>
        <message>
            <source>Made unavailable</source>
            <translation>Außer Betrieb genommen</translation>
        </message>
        <message>
            <source>Available to drivers</source>
            <translation>Für Fahrer verfügbar</translation>
        </message>
        <message>
            <source>on, card {card}</source>
            <translation>ein, Karte {card}</translation>
        </message>
        <message>
            <source>off</source>
            <translation>aus</translation>
        </message>
        <message>
            <source>Select a charger first.</source>
            <translation>Wählen Sie zuerst eine Ladestation.</translation>
        </message>
        <message>
            <source>An action is in flight; wait for its reply.</source>
            <translation>Eine Aktion läuft; warten Sie auf die Antwort.</translation>
        </message>
        <message>
            <source>It is already unavailable.</source>
            <translation>Sie ist bereits außer Betrieb.</translation>
        </message>
        <message>
            <source>It is already available.</source>
            <translation>Sie ist bereits verfügbar.</translation>
        </message>
        <message>
            <source>Enter an id tag.</source>
            <translation>Geben Sie ein ID-Tag ein.</translation>
        </message>
        <message>
            <source>Enter the card UID it bills.</source>
            <translation>Geben Sie die UID der abgerechneten Karte ein.</translation>
        </message>
        <message>
            <source>Not now: </source>
            <translation>Jetzt nicht: </translation>
        </message>
        <message>
            <source>Checking the charging sessions of {charger}…</source>
            <translation>Ladevorgänge von {charger} werden geprüft…</translation>
        </message>
        <message>
            <source>{action} of {charger}: not sent (cancelled).</source>
            <translation>{action} für {charger}: nicht gesendet (abgebrochen).</translation>
        </message>
        <message>
            <source>An action is already in flight for this charger.</source>
            <translation>Für diese Ladestation läuft bereits eine Aktion.</translation>
        </message>
        <message>
            <source>Sending to {charger}… waiting for the charger's reply.</source>
            <translation>Wird an {charger} gesendet… warte auf die Antwort der Ladestation.</translation>
        </message>
        <message>
            <source>Watching the charger for the effect…</source>
            <translation>Die Ladestation wird auf die Wirkung beobachtet…</translation>
        </message>
    </context>
    <context>
        <name>AlertText</name>
        <message>
            <source>{charger} connector {connector} faulted</source>
            <translation>{charger}: Anschluss {connector} gestört</translation>
        </message>
        <message>
            <source>{charger} faulted</source>
            <translation>{charger} gestört</translation>
        </message>
        <message>
            <source>{charger} is offline</source>
            <translation>{charger} ist offline</translation>
        </message>
        <message>
            <source>{charger} stopped reporting</source>
            <translation>{charger} meldet sich nicht mehr</translation>
        </message>
        <message>
            <source>Offline since an unknown time</source>
            <translation>Offline seit unbekannter Zeit</translation>
        </message>
        <message>
            <source>Offline for {duration}</source>
            <translation>Seit {duration} offline</translation>
        </message>
        <message>
            <source>No heartbeat for {duration}</source>
            <translation>Seit {duration} kein Heartbeat</translation>
        </message>
        <message>
            <source>Faulted (no error code)</source>
            <translation>Störung (kein Fehlercode)</translation>
        </message>
        <message>
            <source>{error} ({info})</source>
            <translation>{error} ({info})</translation>
        </message>
        <message>
            <source>{charger} connector {connector}: fault cleared</source>
            <translation>{charger}: Störung an Anschluss {connector} behoben</translation>
        </message>
        <message>
            <source>{charger}: fault cleared</source>
            <translation>{charger}: Störung behoben</translation>
        </message>
        <message>
            <source>{charger} is back online</source>
            <translation>{charger} ist wieder online</translation>
        </message>
        <message>
            <source>{charger} is reporting again</source>
            <translation>{charger} meldet sich wieder</translation>
        </message>
        <message>
            <source>{error} cleared after {duration}.</source>
            <translation>{error} nach {duration} behoben.</translation>
        </message>
        <message>
            <source>The fault cleared after {duration}.</source>
            <translation>Die Störung wurde nach {duration} behoben.</translation>
        </message>
        <message>
            <source>Offline for {duration}.</source>
            <translation>{duration} lang offline.</translation>
        </message>
        <message>
            <source>Silent for {duration}.</source>
            <translation>{duration} lang ohne Meldung.</translation>
        </message>
        <message numerus="yes">
            <source>%n chargers need attention</source>
            <translation>
                <numerusform>%n Ladestation braucht Aufmerksamkeit</numerusform>
                <numerusform>%n Ladestationen brauchen Aufmerksamkeit</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n chargers recovered</source>
            <translation>
                <numerusform>%n Ladestation wieder in Ordnung</numerusform>
                <numerusform>%n Ladestationen wieder in Ordnung</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{names} and %n more chargers</source>
            <translation>
                <numerusform>{names} und %n weitere Ladestation</numerusform>
                <numerusform>{names} und %n weitere Ladestationen</numerusform>
            </translation>
        </message>
        <message>
            <source>{counts}: {names}</source>
            <translation>{counts}: {names}</translation>
        </message>
        <message numerus="yes">
            <source>%n chargers faulted</source>
            <translation>
                <numerusform>%n Ladestation gestört</numerusform>
                <numerusform>%n Ladestationen gestört</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n chargers no longer faulted</source>
            <translation>
                <numerusform>%n Ladestation nicht mehr gestört</numerusform>
                <numerusform>%n Ladestationen nicht mehr gestört</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n chargers offline</source>
            <translation>
                <numerusform>%n Ladestation offline</numerusform>
                <numerusform>%n Ladestationen offline</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n chargers back online</source>
            <translation>
                <numerusform>%n Ladestation wieder online</numerusform>
                <numerusform>%n Ladestationen wieder online</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n chargers stopped reporting</source>
            <translation>
                <numerusform>%n Ladestation meldet sich nicht mehr</numerusform>
                <numerusform>%n Ladestationen melden sich nicht mehr</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n chargers reporting again</source>
            <translation>
                <numerusform>%n Ladestation meldet sich wieder</numerusform>
                <numerusform>%n Ladestationen melden sich wieder</numerusform>
            </translation>
        </message>
        <message>
            <source>Fault notifications are off</source>
            <translation>Benachrichtigungen zu Störungen sind aus</translation>
        </message>
        <message>
            <source>Offline notifications are off</source>
            <translation>Benachrichtigungen zu Offline-Ladestationen sind aus</translation>
        </message>
        <message>
            <source>Stale notifications are off</source>
            <translation>Benachrichtigungen zu veralteten Daten sind aus</translation>
        </message>
        <message>
            <source>Resolved notifications are off</source>
            <translation>Benachrichtigungen zu behobenen Problemen sind aus</translation>
        </message>
        <message>
            <source>Notifications paused until {time}</source>
            <translation>Benachrichtigungen pausiert bis {time}</translation>
        </message>
        <message>
            <source>Charger muted until resolved</source>
            <translation>Ladestation stummgeschaltet bis zur Behebung</translation>
        </message>
        <message>
            <source>Charger muted until {time}</source>
            <translation>Ladestation stummgeschaltet bis {time}</translation>
        </message>
        <message>
            <source>Quiet hours</source>
            <translation>Ruhezeit</translation>
        </message>
    </context>
    <context>
        <name>Alerts</name>
        <message>
            <source>Pop-ups muted until its incidents resolve</source>
            <translation>Pop-ups stummgeschaltet, bis die Vorfälle behoben sind</translation>
        </message>
        <message>
            <source>Pop-ups muted until {time}</source>
            <translation>Pop-ups stummgeschaltet bis {time}</translation>
        </message>
    </context>
    <context>
        <name>AppStatusBar</name>
        <message>
            <source>Not signed in</source>
            <translation>Nicht angemeldet</translation>
        </message>
        <message>
            <source>Signed-in user</source>
            <translation>Angemeldeter Benutzer</translation>
        </message>
        <message>
            <source>API host</source>
            <translation>API-Server</translation>
        </message>
        <message>
            <source>Not refreshed yet</source>
            <translation>Noch nicht aktualisiert</translation>
        </message>
        <message>
            <source>Last refresh</source>
            <translation>Letzte Aktualisierung</translation>
        </message>
        <message>
            <source>Request budget</source>
            <translation>Anfragebudget</translation>
        </message>
        <message>
            <source>Requests sent in the last minute / the API's limit</source>
            <translation>Anfragen in der letzten Minute / Limit der API</translation>
        </message>
        <message>
            <source>Refreshing…</source>
            <translation>Wird aktualisiert…</translation>
        </message>
        <message>
            <source>Refresh failed · data from {age}</source>
            <translation>Aktualisierung fehlgeschlagen · Daten von {age}</translation>
        </message>
        <message>
            <source>Refresh failed</source>
            <translation>Aktualisierung fehlgeschlagen</translation>
        </message>
        <message>
            <source>Updated {age}</source>
            <translation>Aktualisiert {age}</translation>
        </message>
        <message>
            <source>API {used}/{limit} per min</source>
            <translation>API {used}/{limit} pro Min.</translation>
        </message>
    </context>
    <context>
        <name>ChartCard</name>
        <message>
            <source>Copy or save this chart</source>
            <translation>Dieses Diagramm kopieren oder speichern</translation>
        </message>
        <message>
            <source>{title}: copy or save</source>
            <translation>{title}: kopieren oder speichern</translation>
        </message>
        <message>
            <source>Copy</source>
            <translation>Kopieren</translation>
        </message>
        <message>
            <source>Save as PNG…</source>
            <translation>Als PNG speichern…</translation>
        </message>
        <message>
            <source>Save as SVG…</source>
            <translation>Als SVG speichern…</translation>
        </message>
        <message>
            <source>Save chart as {kind}</source>
            <translation>Diagramm als {kind} speichern</translation>
        </message>
        <message>
            <source>Chart not saved</source>
            <translation>Diagramm nicht gespeichert</translation>
        </message>
        <message>
            <source>Could not save {path}: {problem}.</source>
            <translation>{path} konnte nicht gespeichert werden: {problem}.</translation>
        </message>
    </context>
    <context>
        <name>ConnectionBanner</name>
        <message>
            <source>Token rejected — sign in again</source>
            <translation>Token abgelehnt — erneut anmelden</translation>
        </message>
        <message>
            <source>Not signed in — sign in to see your chargers</source>
            <translation>Nicht angemeldet — melden Sie sich an, um Ihre Ladestationen zu sehen</translation>
        </message>
        <message>
            <source>Connection problem</source>
            <translation>Verbindungsproblem</translation>
        </message>
        <message>
            <source>Retry now</source>
            <translation>Jetzt erneut versuchen</translation>
        </message>
        <message>
            <source>Sign in…</source>
            <translation>Anmelden…</translation>
        </message>
        <message>
            <source>Cannot reach the Plugchoice API — showing data from {time}, marked stale</source>
            <translation>Plugchoice-API nicht erreichbar — Daten von {time} werden angezeigt, als veraltet markiert</translation>
        </message>
        <message>
            <source>Cannot reach the Plugchoice API — showing data marked stale</source>
            <translation>Plugchoice-API nicht erreichbar — Daten werden angezeigt, als veraltet markiert</translation>
        </message>
        <message>
            <source>The last refresh failed — showing data from {time}, marked stale</source>
            <translation>Die letzte Aktualisierung ist fehlgeschlagen — Daten von {time} werden angezeigt, als veraltet markiert</translation>
        </message>
        <message>
            <source>The last refresh failed — showing data marked stale</source>
            <translation>Die letzte Aktualisierung ist fehlgeschlagen — Daten werden angezeigt, als veraltet markiert</translation>
        </message>
    </context>
    <context>
        <name>ConnectorsModel</name>
        <message>
            <source>Connector</source>
            <translation>Anschluss</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Error</source>
            <translation>Fehler</translation>
        </message>
        <message>
            <source>Power type</source>
            <translation>Stromart</translation>
        </message>
        <message>
            <source>Max A</source>
            <translation>Max. A</translation>
        </message>
        <message>
            <source>Max V</source>
            <translation>Max. V</translation>
        </message>
        <message>
            <source>Standard</source>
            <translation>Standard</translation>
        </message>
        <message>
            <source>Power (last reading)</source>
            <translation>Leistung (zuletzt)</translation>
        </message>
        <message>
            <source>AC 1-phase</source>
            <translation>AC einphasig</translation>
        </message>
        <message>
            <source>AC 3-phase</source>
            <translation>AC dreiphasig</translation>
        </message>
    </context>
    <context>
        <name>Credentials</name>
        <message>
            <source>Your system has no password store; the token will be forgotten when PlugDesk quits.</source>
            <translation>Ihr System hat keinen Passwortspeicher; das Token wird vergessen, wenn PlugDesk beendet wird.</translation>
        </message>
    </context>
    <context>
        <name>DetailPane</name>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Health</source>
            <translation>Zustand</translation>
        </message>
        <message>
            <source>Site</source>
            <translation>Standort</translation>
        </message>
        <message>
            <source>OCPP status</source>
            <translation>OCPP-Status</translation>
        </message>
        <message>
            <source>Error</source>
            <translation>Fehler</translation>
        </message>
        <message>
            <source>Error info</source>
            <translation>Fehlerinfo</translation>
        </message>
        <message>
            <source>Vendor ID</source>
            <translation>Hersteller-ID</translation>
        </message>
        <message>
            <source>Vendor error</source>
            <translation>Herstellerfehler</translation>
        </message>
        <message>
            <source>Blocked</source>
            <translation>Gesperrt</translation>
        </message>
        <message>
            <source>Setup</source>
            <translation>Einrichtung</translation>
        </message>
        <message>
            <source>Connectivity</source>
            <translation>Verbindung</translation>
        </message>
        <message>
            <source>Connection</source>
            <translation>Verbindung</translation>
        </message>
        <message>
            <source>Last heartbeat</source>
            <translation>Letzter Heartbeat</translation>
        </message>
        <message>
            <source>Connected</source>
            <translation>Verbunden</translation>
        </message>
        <message>
            <source>Disconnected</source>
            <translation>Getrennt</translation>
        </message>
        <message>
            <source>Server</source>
            <translation>Server</translation>
        </message>
        <message>
            <source>Hardware</source>
            <translation>Hardware</translation>
        </message>
        <message>
            <source>Model</source>
            <translation>Modell</translation>
        </message>
        <message>
            <source>DC</source>
            <translation>DC</translation>
        </message>
        <message>
            <source>Max current</source>
            <translation>Max. Strom</translation>
        </message>
        <message>
            <source>Model ID</source>
            <translation>Modell-ID</translation>
        </message>
        <message>
            <source>Charger ID</source>
            <translation>Ladestations-ID</translation>
        </message>
        <message>
            <source>Added</source>
            <translation>Hinzugefügt</translation>
        </message>
        <message>
            <source>Updated</source>
            <translation>Aktualisiert</translation>
        </message>
        <message>
            <source>Firmware</source>
            <translation>Firmware</translation>
        </message>
        <message>
            <source>Version</source>
            <translation>Version</translation>
        </message>
        <message>
            <source>Parsed</source>
            <translation>Erkannt</translation>
        </message>
        <message>
            <source>Licenses</source>
            <translation>Lizenzen</translation>
        </message>
        <message>
            <source>Smart</source>
            <translation>Smart</translation>
        </message>
        <message>
            <source>Pro</source>
            <translation>Pro</translation>
        </message>
        <message>
            <source>Permissions</source>
            <translation>Berechtigungen</translation>
        </message>
        <message>
            <source>Basic</source>
            <translation>Basis</translation>
        </message>
        <message>
            <source>Sensitive</source>
            <translation>Sensibel</translation>
        </message>
        <message>
            <source>Full</source>
            <translation>Voll</translation>
        </message>
        <message>
            <source>PIN code</source>
            <translation>PIN-Code</translation>
        </message>
        <message>
            <source>Pending</source>
            <translation>Ausstehend</translation>
        </message>
        <message>
            <source>Completed</source>
            <translation>Abgeschlossen</translation>
        </message>
        <message>
            <source>Not completed</source>
            <translation>Nicht abgeschlossen</translation>
        </message>
        <message>
            <source>Set (hidden)</source>
            <translation>Gesetzt (verborgen)</translation>
        </message>
        <message>
            <source>{reading}, time unknown</source>
            <translation>{reading}, Zeit unbekannt</translation>
        </message>
        <message>
            <source>Last reading {reading}, {age}</source>
            <translation>Letzte Messung {reading}, {age}</translation>
        </message>
        <message>
            <source>Reading taken {time} (the last sample stored)</source>
            <translation>Messung von {time} (der zuletzt gespeicherte Wert)</translation>
        </message>
        <message>
            <source>Select a charger in the list to see its details.</source>
            <translation>Wählen Sie eine Ladestation in der Liste aus, um ihre Details zu sehen.</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>Details</translation>
        </message>
        <message>
            <source>Connectors</source>
            <translation>Anschlüsse</translation>
        </message>
        <message>
            <source>Copy identity</source>
            <translation>Kennung kopieren</translation>
        </message>
        <message>
            <source>Copy the charger's identity to the clipboard</source>
            <translation>Die Kennung der Ladestation in die Zwischenablage kopieren</translation>
        </message>
        <message>
            <source>Copy UUID</source>
            <translation>UUID kopieren</translation>
        </message>
        <message>
            <source>Copy the charger's UUID to the clipboard</source>
            <translation>Die UUID der Ladestation in die Zwischenablage kopieren</translation>
        </message>
        <message>
            <source>Rename…</source>
            <translation>Umbenennen…</translation>
        </message>
        <message>
            <source>Change the charger's reference (its name in PlugDesk)</source>
            <translation>Die Referenz der Ladestation ändern (ihr Name in PlugDesk)</translation>
        </message>
        <message>
            <source>{label}:</source>
            <translation>{label}:</translation>
        </message>
        <message>
            <source>Loading connectors…</source>
            <translation>Anschlüsse werden geladen…</translation>
        </message>
        <message>
            <source>Could not load connectors: {message}</source>
            <translation>Anschlüsse konnten nicht geladen werden: {message}</translation>
        </message>
        <message>
            <source>unavailable ({error})</source>
            <translation>nicht verfügbar ({error})</translation>
        </message>
        <message>
            <source>not current — last refresh failed</source>
            <translation>nicht aktuell — letzte Aktualisierung fehlgeschlagen</translation>
        </message>
        <message>
            <source>Health: {level}</source>
            <translation>Zustand: {level}</translation>
        </message>
        <message>
            <source>This charger reports no connectors.</source>
            <translation>Diese Ladestation meldet keine Anschlüsse.</translation>
        </message>
        <message>
            <source>Power readings are fetched while the charger is online.</source>
            <translation>Leistungswerte werden abgerufen, solange die Ladestation online ist.</translation>
        </message>
    </context>
    <context>
        <name>ErrorDialog</name>
        <message>
            <source>Something went wrong</source>
            <translation>Etwas ist schiefgelaufen</translation>
        </message>
        <message>
            <source>PlugDesk kept running; you can carry on. If this keeps happening, please report it with the details below.</source>
            <translation>PlugDesk läuft weiter; Sie können weiterarbeiten. Wenn das wiederholt passiert, melden Sie es bitte mit den Details unten.</translation>
        </message>
        <message>
            <source>The details are also in the log file:</source>
            <translation>Die Details stehen auch in der Protokolldatei:</translation>
        </message>
        <message numerus="yes">
            <source>An unexpected error occurred (%n errors since this window opened).</source>
            <translation>
                <numerusform>Ein unerwarteter Fehler ist aufgetreten (%n Fehler seit dem Öffnen dieses Fensters).</numerusform>
                <numerusform>Ein unerwarteter Fehler ist aufgetreten (%n Fehler seit dem Öffnen dieses Fensters).</numerusform>
            </translation>
        </message>
        <message>
            <source>An unexpected error occurred.</source>
            <translation>Ein unerwarteter Fehler ist aufgetreten.</translation>
        </message>
    </context>
    <context>
        <name>EventsModel</name>
        <message>
            <source>State</source>
            <translation>Zustand</translation>
        </message>
        <message>
            <source>Charger</source>
            <translation>Ladestation</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Art</translation>
        </message>
        <message>
            <source>Error code</source>
            <translation>Fehlercode</translation>
        </message>
        <message>
            <source>Info</source>
            <translation>Info</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>Geschlossen</translation>
        </message>
        <message>
            <source>Lasted</source>
            <translation>Dauer</translation>
        </message>
        <message>
            <source>Began</source>
            <translation>Beginn</translation>
        </message>
        <message>
            <source>Ended</source>
            <translation>Ende</translation>
        </message>
        <message>
            <source>Faulted {age}</source>
            <translation>Störung {age}</translation>
        </message>
        <message>
            <source>Went offline {age}</source>
            <translation>Offline gegangen {age}</translation>
        </message>
        <message>
            <source>Went quiet {age}</source>
            <translation>Verstummt {age}</translation>
        </message>
        <message>
            <source>Seen {age}</source>
            <translation>Gesehen {age}</translation>
        </message>
        <message>
            <source>alert in {left}</source>
            <translation>Alarm in {left}</translation>
        </message>
        <message>
            <source>alert due now</source>
            <translation>Alarm jetzt fällig</translation>
        </message>
        <message>
            <source>Sent</source>
            <translation>Gesendet</translation>
        </message>
        <message>
            <source>Pending</source>
            <translation>Ausstehend</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Offen</translation>
        </message>
        <message>
            <source>Connector {number}: {error}</source>
            <translation>Anschluss {number}: {error}</translation>
        </message>
        <message>
            <source>First seen {seen}; if it lasts, it opens an incident and alerts at {alert}</source>
            <translation>Zuerst gesehen {seen}; hält es an, wird ein Vorfall eröffnet und um {alert} alarmiert</translation>
        </message>
        <message>
            <source>First seen {seen}
Alerted {alerted} (after the grace period)</source>
            <translation>Zuerst gesehen {seen}
Alarmiert {alerted} (nach der Karenzzeit)</translation>
        </message>
        <message>
            <source>First seen cleared {time}</source>
            <translation>Erstmals behoben gesehen {time}</translation>
        </message>
    </context>
    <context>
        <name>EventsPane</name>
        <message>
            <source>No problems so far. A problem shows here as soon as a refresh sees it, marked “Pending” while its grace period runs (2 min for faults, 5 min for offline by default; see Settings); only a problem that lasts becomes an incident and alerts.</source>
            <translation>Bisher keine Probleme. Ein Problem erscheint hier, sobald eine Aktualisierung es sieht, als „Ausstehend“ markiert, solange seine Karenzzeit läuft (standardmäßig 2 min bei Störungen, 5 min bei offline; siehe Einstellungen); nur ein anhaltendes Problem wird zum Vorfall und löst einen Alarm aus.</translation>
        </message>
        <message>
            <source>Filter by charger: identity, reference or UUID</source>
            <translation>Nach Ladestation filtern: Kennung, Referenz oder UUID</translation>
        </message>
        <message>
            <source>Filter events by charger</source>
            <translation>Ereignisse nach Ladestation filtern</translation>
        </message>
        <message>
            <source>Kind of event</source>
            <translation>Art des Ereignisses</translation>
        </message>
        <message>
            <source>All kinds</source>
            <translation>Alle Arten</translation>
        </message>
        <message>
            <source>Open or closed</source>
            <translation>Offen oder geschlossen</translation>
        </message>
        <message>
            <source>Open and closed</source>
            <translation>Offen und geschlossen</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Offen</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>Geschlossen</translation>
        </message>
        <message>
            <source>Export CSV…</source>
            <translation>CSV exportieren…</translation>
        </message>
        <message>
            <source>Save the events shown (with the filters) as CSV</source>
            <translation>Die angezeigten Ereignisse (mit den Filtern) als CSV speichern</translation>
        </message>
        <message>
            <source>Events</source>
            <translation>Ereignisse</translation>
        </message>
        <message>
            <source>Export events</source>
            <translation>Ereignisse exportieren</translation>
        </message>
        <message>
            <source>Could not export the events: {problem}</source>
            <translation>Die Ereignisse konnten nicht exportiert werden: {problem}</translation>
        </message>
        <message numerus="yes">
            <source>Exported %n events to {path}</source>
            <translation>
                <numerusform>%n Ereignis nach {path} exportiert</numerusform>
                <numerusform>%n Ereignisse nach {path} exportiert</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n events</source>
            <translation>
                <numerusform>%n Ereignis</numerusform>
                <numerusform>%n Ereignisse</numerusform>
            </translation>
        </message>
        <message>
            <source>{shown} of {total}</source>
            <translation>{shown} von {total}</translation>
        </message>
        <message>
            <source>Show {name} in Chargers</source>
            <translation>{name} in Ladestationen anzeigen</translation>
        </message>
        <message>
            <source>Show log</source>
            <translation>Protokoll anzeigen</translation>
        </message>
        <message>
            <source>The charger's OCPP log at the start of this event</source>
            <translation>Das OCPP-Protokoll der Ladestation zu Beginn dieses Ereignisses</translation>
        </message>
        <message>
            <source>{name} unmuted</source>
            <translation>Stummschaltung von {name} aufgehoben</translation>
        </message>
        <message>
            <source>Mute for 1 hour</source>
            <translation>1 Stunde stummschalten</translation>
        </message>
        <message>
            <source>{name} muted for 1 hour</source>
            <translation>{name} für 1 Stunde stummgeschaltet</translation>
        </message>
        <message>
            <source>Mute for 24 hours</source>
            <translation>24 Stunden stummschalten</translation>
        </message>
        <message>
            <source>{name} muted for 24 hours</source>
            <translation>{name} für 24 Stunden stummgeschaltet</translation>
        </message>
        <message>
            <source>Mute until resolved</source>
            <translation>Bis zur Behebung stummschalten</translation>
        </message>
        <message>
            <source>{name} muted until its incidents resolve</source>
            <translation>{name} stummgeschaltet, bis die Vorfälle behoben sind</translation>
        </message>
        <message>
            <source>Unmute (muted until resolved)</source>
            <translation>Stummschaltung aufheben (stumm bis zur Behebung)</translation>
        </message>
        <message>
            <source>Unmute (muted until {time})</source>
            <translation>Stummschaltung aufheben (stumm bis {time})</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <source>any</source>
            <translation>beliebig</translation>
        </message>
        <message>
            <source>All</source>
            <translation>Alle</translation>
        </message>
        <message>
            <source>Active only</source>
            <translation>Nur aktive</translation>
        </message>
        <message>
            <source>Finished only</source>
            <translation>Nur beendete</translation>
        </message>
        <message>
            <source>This month</source>
            <translation>Dieser Monat</translation>
        </message>
        <message>
            <source>Last month</source>
            <translation>Letzter Monat</translation>
        </message>
        <message>
            <source>This year</source>
            <translation>Dieses Jahr</translation>
        </message>
        <message>
            <source>All time</source>
            <translation>Gesamter Zeitraum</translation>
        </message>
        <message>
            <source>Custom</source>
            <translation>Benutzerdefiniert</translation>
        </message>
        <message>
            <source>Export transactions</source>
            <translation>Transaktionen exportieren</translation>
        </message>
        <message>
            <source>Chargers</source>
            <translation>Ladestationen</translation>
        </message>
        <message>
            <source>Selected charger: {name}</source>
            <translation>Ausgewählte Ladestation: {name}</translation>
        </message>
        <message>
            <source>Selected charger (none selected)</source>
            <translation>Ausgewählte Ladestation (keine ausgewählt)</translation>
        </message>
        <message>
            <source>Chosen chargers:</source>
            <translation>Ausgewählte Ladestationen:</translation>
        </message>
        <message>
            <source>All chargers ({count} known)</source>
            <translation>Alle Ladestationen ({count} bekannt)</translation>
        </message>
        <message>
            <source>The list is read fresh from Plugchoice when the export starts.</source>
            <translation>Die Liste wird beim Start des Exports neu von Plugchoice gelesen.</translation>
        </message>
        <message>
            <source>Filter chargers</source>
            <translation>Ladestationen filtern</translation>
        </message>
        <message>
            <source>Chargers to export</source>
            <translation>Zu exportierende Ladestationen</translation>
        </message>
        <message>
            <source>Check shown</source>
            <translation>Angezeigte auswählen</translation>
        </message>
        <message>
            <source>Uncheck all</source>
            <translation>Alle abwählen</translation>
        </message>
        <message>
            <source>Transactions</source>
            <translation>Transaktionen</translation>
        </message>
        <message>
            <source>Period</source>
            <translation>Zeitraum</translation>
        </message>
        <message>
            <source>From</source>
            <translation>Von</translation>
        </message>
        <message>
            <source>To</source>
            <translation>Bis</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>to</source>
            <translation>bis</translation>
        </message>
        <message>
            <source>Transactions that started on or after “From” and stopped on or before “To”. “{any}” means no limit.</source>
            <translation>Transaktionen, die am oder nach „Von“ begonnen und am oder vor „Bis“ geendet haben. „{any}“ bedeutet keine Grenze.</translation>
        </message>
        <message>
            <source>File</source>
            <translation>Datei</translation>
        </message>
        <message>
            <source>Excel (XLSX)</source>
            <translation>Excel (XLSX)</translation>
        </message>
        <message>
            <source>this computer</source>
            <translation>dieser Computer</translation>
        </message>
        <message>
            <source>Local time ({zone})</source>
            <translation>Ortszeit ({zone})</translation>
        </message>
        <message>
            <source>Time zone</source>
            <translation>Zeitzone</translation>
        </message>
        <message>
            <source>Comma ( , )</source>
            <translation>Komma ( , )</translation>
        </message>
        <message>
            <source>Semicolon ( ; ) for Excel in many European locales</source>
            <translation>Semikolon ( ; ) für Excel in vielen europäischen Regionen</translation>
        </message>
        <message>
            <source>CSV delimiter</source>
            <translation>CSV-Trennzeichen</translation>
        </message>
        <message>
            <source>Save to</source>
            <translation>Speichern unter</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>Durchsuchen…</translation>
        </message>
        <message>
            <source>Format</source>
            <translation>Format</translation>
        </message>
        <message>
            <source>Times in</source>
            <translation>Zeiten in</translation>
        </message>
        <message>
            <source>Delimiter</source>
            <translation>Trennzeichen</translation>
        </message>
        <message>
            <source>Files keep machine formats in every language: ISO dates and times (2026-05-09T10:11:12+00:00) and a dot as the decimal mark, also with ;.</source>
            <translation>Dateien behalten in jeder Sprache Maschinenformate: ISO-Datum und -Uhrzeit (2026-05-09T10:11:12+00:00) und einen Punkt als Dezimaltrennzeichen, auch mit ;.</translation>
        </message>
        <message>
            <source>Export status</source>
            <translation>Exportstatus</translation>
        </message>
        <message>
            <source>Export progress</source>
            <translation>Exportfortschritt</translation>
        </message>
        <message>
            <source>Chargers that failed</source>
            <translation>Fehlgeschlagene Ladestationen</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>Exportieren</translation>
        </message>
        <message>
            <source>Open folder</source>
            <translation>Ordner öffnen</translation>
        </message>
        <message>
            <source>Continue in background</source>
            <translation>Im Hintergrund fortsetzen</translation>
        </message>
        <message>
            <source>Hide this dialog; the status bar shows the progress, with Cancel and Show</source>
            <translation>Dieses Fenster ausblenden; die Statusleiste zeigt den Fortschritt, mit Abbrechen und Anzeigen</translation>
        </message>
        <message>
            <source>The start date {start} is after the end date {end}.</source>
            <translation>Das Startdatum {start} liegt nach dem Enddatum {end}.</translation>
        </message>
        <message>
            <source>Tick at least one charger to export.</source>
            <translation>Wählen Sie mindestens eine Ladestation für den Export aus.</translation>
        </message>
        <message>
            <source>No charger is selected in the window; choose chargers here instead.</source>
            <translation>Im Fenster ist keine Ladestation ausgewählt; wählen Sie hier Ladestationen aus.</translation>
        </message>
        <message>
            <source>Choose where to save the export.</source>
            <translation>Wählen Sie, wo der Export gespeichert wird.</translation>
        </message>
        <message>
            <source>{count} of {total} ticked</source>
            <translation>{count} von {total} ausgewählt</translation>
        </message>
        <message>
            <source>XLSX files have no delimiter.</source>
            <translation>XLSX-Dateien haben kein Trennzeichen.</translation>
        </message>
        <message>
            <source>CSV files (*.csv)</source>
            <translation>CSV-Dateien (*.csv)</translation>
        </message>
        <message>
            <source>Excel workbooks (*.xlsx)</source>
            <translation>Excel-Arbeitsmappen (*.xlsx)</translation>
        </message>
        <message>
            <source>Export transactions to</source>
            <translation>Transaktionen exportieren nach</translation>
        </message>
        <message>
            <source>{name} exists; it is replaced only when the export completes.</source>
            <translation>{name} existiert; die Datei wird erst ersetzt, wenn der Export abgeschlossen ist.</translation>
        </message>
        <message>
            <source>Cancelling…</source>
            <translation>Wird abgebrochen…</translation>
        </message>
        <message>
            <source>Cancel export</source>
            <translation>Export abbrechen</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Schließen</translation>
        </message>
        <message>
            <source>Listing chargers… {count} so far.</source>
            <translation>Ladestationen werden abgerufen… bisher {count}.</translation>
        </message>
        <message>
            <source>Listing chargers…</source>
            <translation>Ladestationen werden abgerufen…</translation>
        </message>
        <message>
            <source>{done} of {total} chargers</source>
            <translation>{done} von {total} Ladestationen</translation>
        </message>
        <message>
            <source>Exporting… {count} transactions written so far.</source>
            <translation>Export läuft… bisher {count} Transaktionen geschrieben.</translation>
        </message>
        <message numerus="yes">
            <source>%n transactions, {kwh} kWh, from {chargers}.</source>
            <translation>
                <numerusform>%n Transaktion, {kwh} kWh, von {chargers}.</numerusform>
                <numerusform>%n Transaktionen, {kwh} kWh, von {chargers}.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n chargers</source>
            <translation>
                <numerusform>%n Ladestation</numerusform>
                <numerusform>%n Ladestationen</numerusform>
            </translation>
        </message>
        <message>
            <source>Export complete.</source>
            <translation>Export abgeschlossen.</translation>
        </message>
        <message>
            <source>Saved to {path}</source>
            <translation>Gespeichert unter {path}</translation>
        </message>
        <message>
            <source>Export failed.</source>
            <translation>Export fehlgeschlagen.</translation>
        </message>
        <message>
            <source>No file was written; an existing file with that name was left as it was.</source>
            <translation>Es wurde keine Datei geschrieben; eine vorhandene Datei mit diesem Namen blieb unverändert.</translation>
        </message>
        <message numerus="yes">
            <source>%n more chargers were not tried.</source>
            <translation>
                <numerusform>%n weitere Ladestation wurde nicht versucht.</numerusform>
                <numerusform>%n weitere Ladestationen wurden nicht versucht.</numerusform>
            </translation>
        </message>
        <message>
            <source>Export cancelled. No file was written.</source>
            <translation>Export abgebrochen. Es wurde keine Datei geschrieben.</translation>
        </message>
    </context>
    <context>
        <name>ExportProgress</name>
        <message>
            <source>Export progress</source>
            <translation>Exportfortschritt</translation>
        </message>
        <message>
            <source>Show</source>
            <translation>Anzeigen</translation>
        </message>
        <message>
            <source>Show the export dialog</source>
            <translation>Das Exportfenster anzeigen</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Abbrechen</translation>
        </message>
        <message>
            <source>Cancel the export; no file is written</source>
            <translation>Den Export abbrechen; es wird keine Datei geschrieben</translation>
        </message>
        <message>
            <source>Export failed: nothing was written</source>
            <translation>Export fehlgeschlagen: nichts wurde geschrieben</translation>
        </message>
        <message>
            <source>Export cancelled</source>
            <translation>Export abgebrochen</translation>
        </message>
        <message>
            <source>Export: listing chargers…</source>
            <translation>Export: Ladestationen werden aufgelistet…</translation>
        </message>
        <message>
            <source>Export: listing chargers… {done} so far</source>
            <translation>Export: Ladestationen werden aufgelistet… bisher {done}</translation>
        </message>
        <message>
            <source>Export: {done} of {total} chargers</source>
            <translation>Export: {done} von {total} Ladestationen</translation>
        </message>
        <message numerus="yes">
            <source>%n transactions written so far</source>
            <translation>
                <numerusform>bisher %n Transaktion geschrieben</numerusform>
                <numerusform>bisher %n Transaktionen geschrieben</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Export complete: %n transactions saved</source>
            <translation>
                <numerusform>Export abgeschlossen: %n Transaktion gespeichert</numerusform>
                <numerusform>Export abgeschlossen: %n Transaktionen gespeichert</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Export complete: %n transactions saved to {file}</source>
            <translation>
                <numerusform>Export abgeschlossen: %n Transaktion in {file} gespeichert</numerusform>
                <numerusform>Export abgeschlossen: %n Transaktionen in {file} gespeichert</numerusform>
            </translation>
        </message>
        <message>
            <source>Export: cancelling…</source>
            <translation>Export: wird abgebrochen…</translation>
        </message>
    </context>
    <context>
        <name>FleetTableModel</name>
        <message>
            <source>Identity</source>
            <translation>Kennung</translation>
        </message>
        <message>
            <source>Reference</source>
            <translation>Referenz</translation>
        </message>
        <message>
            <source>Health</source>
            <translation>Zustand</translation>
        </message>
        <message>
            <source>Connection</source>
            <translation>Verbindung</translation>
        </message>
        <message>
            <source>OCPP status</source>
            <translation>OCPP-Status</translation>
        </message>
        <message>
            <source>Error</source>
            <translation>Fehler</translation>
        </message>
        <message>
            <source>Model</source>
            <translation>Modell</translation>
        </message>
        <message>
            <source>Firmware</source>
            <translation>Firmware</translation>
        </message>
        <message>
            <source>Last heartbeat</source>
            <translation>Letzter Heartbeat</translation>
        </message>
        <message>
            <source>Site</source>
            <translation>Standort</translation>
        </message>
        <message>
            <source>Muted · {health}</source>
            <translation>Stumm · {health}</translation>
        </message>
        <message>
            <source>Parsed: {version}</source>
            <translation>Erkannt: {version}</translation>
        </message>
    </context>
    <context>
        <name>FleetTray</name>
        <message>
            <source>Open PlugDesk</source>
            <translation>PlugDesk öffnen</translation>
        </message>
        <message>
            <source>Refresh now</source>
            <translation>Jetzt aktualisieren</translation>
        </message>
        <message>
            <source>Pause notifications for 1 h</source>
            <translation>Benachrichtigungen 1 Std. pausieren</translation>
        </message>
        <message>
            <source>Sign out</source>
            <translation>Abmelden</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>Beenden</translation>
        </message>
        <message>
            <source>PlugDesk — waiting for the first refresh</source>
            <translation>PlugDesk — wartet auf die erste Aktualisierung</translation>
        </message>
        <message>
            <source>Resume notifications (paused until {time})</source>
            <translation>Benachrichtigungen fortsetzen (pausiert bis {time})</translation>
        </message>
    </context>
    <context>
        <name>FleetView</name>
        <message>
            <source>Search identity, reference, model, firmware, error</source>
            <translation>Kennung, Referenz, Modell, Firmware, Fehler suchen</translation>
        </message>
        <message>
            <source>Search chargers</source>
            <translation>Ladestationen suchen</translation>
        </message>
        <message>
            <source>Show {level}</source>
            <translation>{level} anzeigen</translation>
        </message>
        <message>
            <source>Show all</source>
            <translation>Alle anzeigen</translation>
        </message>
        <message>
            <source>Chargers</source>
            <translation>Ladestationen</translation>
        </message>
        <message>
            <source>Columns</source>
            <translation>Spalten</translation>
        </message>
        <message>
            <source>All {count}</source>
            <translation>Alle {count}</translation>
        </message>
        <message numerus="yes">
            <source>%n chargers</source>
            <translation>
                <numerusform>%n Ladestation</numerusform>
                <numerusform>%n Ladestationen</numerusform>
            </translation>
        </message>
        <message>
            <source>{shown} of {total} shown</source>
            <translation>{shown} von {total} angezeigt</translation>
        </message>
    </context>
    <context>
        <name>Formatting</name>
        <message>
            <source>Yes</source>
            <translation>Ja</translation>
        </message>
        <message>
            <source>No</source>
            <translation>Nein</translation>
        </message>
        <message>
            <source>{energy} (estimate)</source>
            <translation>{energy} (Schätzung)</translation>
        </message>
        <message>
            <source>in the future</source>
            <translation>in der Zukunft</translation>
        </message>
        <message>
            <source>just now</source>
            <translation>gerade eben</translation>
        </message>
        <message>
            <source>{minutes} min ago</source>
            <translation>vor {minutes} Min.</translation>
        </message>
        <message>
            <source>{hours} h ago</source>
            <translation>vor {hours} Std.</translation>
        </message>
        <message>
            <source>{seconds} s</source>
            <translation>{seconds} s</translation>
        </message>
        <message>
            <source>{minutes} min</source>
            <translation>{minutes} min</translation>
        </message>
        <message>
            <source>{hours} h {minutes} min</source>
            <translation>{hours} h {minutes} min</translation>
        </message>
        <message>
            <source>{days} d {hours} h</source>
            <translation>{days} T. {hours} h</translation>
        </message>
        <message>
            <source>Less than a minute left</source>
            <translation>Weniger als eine Minute übrig</translation>
        </message>
        <message>
            <source>About {duration} left</source>
            <translation>Noch etwa {duration}</translation>
        </message>
    </context>
    <context>
        <name>Health</name>
        <message>
            <source>Fault</source>
            <translation>Störung</translation>
        </message>
        <message>
            <source>Offline</source>
            <translation>Offline</translation>
        </message>
        <message>
            <source>Stale</source>
            <translation>Veraltet</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>Aktion</translation>
        </message>
        <message>
            <source>Online</source>
            <translation>Online</translation>
        </message>
        <message>
            <source>Never seen</source>
            <translation>Nie gesehen</translation>
        </message>
        <message>
            <source>Warning</source>
            <translation>Warnung</translation>
        </message>
        <message>
            <source>Unknown</source>
            <translation>Unbekannt</translation>
        </message>
        <message>
            <source>Maintenance</source>
            <translation>Wartung</translation>
        </message>
        <message>
            <source>OK</source>
            <translation>OK</translation>
        </message>
        <message>
            <source>Never connected to the server</source>
            <translation>Nie mit dem Server verbunden</translation>
        </message>
        <message>
            <source>Blocked: taken out of service</source>
            <translation>Gesperrt: außer Betrieb genommen</translation>
        </message>
        <message>
            <source>Unavailable (maintenance)</source>
            <translation>Nicht verfügbar (Wartung)</translation>
        </message>
        <message>
            <source>Working normally</source>
            <translation>Funktioniert normal</translation>
        </message>
        <message>
            <source>Unavailable</source>
            <translation>Nicht verfügbar</translation>
        </message>
        <message>
            <source>Offline {duration}</source>
            <translation>Seit {duration} offline</translation>
        </message>
        <message>
            <source>No heartbeat for {duration}</source>
            <translation>Seit {duration} kein Heartbeat</translation>
        </message>
        <message>
            <source>Connector {number}: {error}</source>
            <translation>Anschluss {number}: {error}</translation>
        </message>
        <message>
            <source> (+{count} more)</source>
            <translation> (+{count} weitere)</translation>
        </message>
    </context>
    <context>
        <name>HistoryBanner</name>
        <message>
            <source>Event history problem</source>
            <translation>Problem mit dem Ereignisverlauf</translation>
        </message>
        <message>
            <source>Dismiss</source>
            <translation>Schließen</translation>
        </message>
    </context>
    <context>
        <name>IncidentService</name>
        <message>
            <source>Could not record charger incidents: {problem}</source>
            <translation>Vorfälle der Ladestationen konnten nicht gespeichert werden: {problem}</translation>
        </message>
        <message>
            <source>Data from {time} — the last refresh failed</source>
            <translation>Daten von {time} — die letzte Aktualisierung ist fehlgeschlagen</translation>
        </message>
        <message>
            <source>The last refresh failed</source>
            <translation>Die letzte Aktualisierung ist fehlgeschlagen</translation>
        </message>
        <message numerus="yes">
            <source>PlugDesk — %n chargers</source>
            <translation>
                <numerusform>PlugDesk — %n Ladestation</numerusform>
                <numerusform>PlugDesk — %n Ladestationen</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n open incidents</source>
            <translation>
                <numerusform>%n offener Vorfall</numerusform>
                <numerusform>%n offene Vorfälle</numerusform>
            </translation>
        </message>
        <message>
            <source>Notifications paused until {time}</source>
            <translation>Benachrichtigungen pausiert bis {time}</translation>
        </message>
        <message>
            <source>Last known fleet from {time} — not current</source>
            <translation>Zuletzt bekannte Ladestationen von {time} — nicht aktuell</translation>
        </message>
        <message>
            <source>Charger {identity}</source>
            <translation>Ladestation {identity}</translation>
        </message>
        <message>
            <source>Could not mute the charger: {problem}</source>
            <translation>Die Ladestation konnte nicht stummgeschaltet werden: {problem}</translation>
        </message>
        <message>
            <source>Could not unmute the charger: {problem}</source>
            <translation>Die Stummschaltung der Ladestation konnte nicht aufgehoben werden: {problem}</translation>
        </message>
        <message>
            <source>Could not pause notifications: {problem}</source>
            <translation>Benachrichtigungen konnten nicht pausiert werden: {problem}</translation>
        </message>
        <message>
            <source>Could not resume notifications: {problem}</source>
            <translation>Benachrichtigungen konnten nicht fortgesetzt werden: {problem}</translation>
        </message>
    </context>
    <context>
        <name>Insights</name>
        <message>
            <source>This month</source>
            <translation>Dieser Monat</translation>
        </message>
        <message>
            <source>Last month</source>
            <translation>Letzter Monat</translation>
        </message>
        <message>
            <source>Last 30 days</source>
            <translation>Letzte 30 Tage</translation>
        </message>
        <message>
            <source>This year</source>
            <translation>Dieses Jahr</translation>
        </message>
    </context>
    <context>
        <name>InsightsPane</name>
        <message>
            <source>All sites</source>
            <translation>Alle Standorte</translation>
        </message>
        <message>
            <source>Period</source>
            <translation>Zeitraum</translation>
        </message>
        <message>
            <source>Custom…</source>
            <translation>Benutzerdefiniert…</translation>
        </message>
        <message>
            <source>From</source>
            <translation>Von</translation>
        </message>
        <message>
            <source>To</source>
            <translation>Bis</translation>
        </message>
        <message>
            <source>Site</source>
            <translation>Standort</translation>
        </message>
        <message>
            <source>Energy per</source>
            <translation>Energie pro</translation>
        </message>
        <message>
            <source>Day</source>
            <translation>Tag</translation>
        </message>
        <message>
            <source>Week</source>
            <translation>Woche</translation>
        </message>
        <message>
            <source>Month</source>
            <translation>Monat</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>Aktualisieren</translation>
        </message>
        <message>
            <source>Save report…</source>
            <translation>Bericht speichern…</translation>
        </message>
        <message>
            <source>Choose a period.</source>
            <translation>Wählen Sie einen Zeitraum.</translation>
        </message>
        <message>
            <source>Energy by site</source>
            <translation>Energie nach Standort</translation>
        </message>
        <message>
            <source>Sessions per day</source>
            <translation>Ladevorgänge pro Tag</translation>
        </message>
        <message>
            <source>Busiest hours (busy hours per weekday and hour)</source>
            <translation>Stoßzeiten (belegte Stunden nach Wochentag und Stunde)</translation>
        </message>
        <message>
            <source>Utilisation: the {count} busiest connectors</source>
            <translation>Auslastung: die {count} meistgenutzten Anschlüsse</translation>
        </message>
        <message>
            <source>Availability per site</source>
            <translation>Verfügbarkeit nach Standort</translation>
        </message>
        <message>
            <source>Ten worst chargers (availability)</source>
            <translation>Die zehn schlechtesten Ladestationen (Verfügbarkeit)</translation>
        </message>
        <message>
            <source>Faults by error code</source>
            <translation>Störungen nach Fehlercode</translation>
        </message>
        <message>
            <source>Faults by model</source>
            <translation>Störungen nach Modell</translation>
        </message>
        <message>
            <source>Faults by firmware</source>
            <translation>Störungen nach Firmware</translation>
        </message>
        <message>
            <source>The end date is before the start date.</source>
            <translation>Das Enddatum liegt vor dem Startdatum.</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>Wird geladen…</translation>
        </message>
        <message>
            <source>&lt;b&gt;{sessions}&lt;/b&gt; sessions · &lt;b&gt;{kwh} kWh&lt;/b&gt; · &lt;b&gt;{hours}&lt;/b&gt; charging hours · {chargers} chargers · {period}</source>
            <translation>&lt;b&gt;{sessions}&lt;/b&gt; Ladevorgänge · &lt;b&gt;{kwh} kWh&lt;/b&gt; · &lt;b&gt;{hours}&lt;/b&gt; Ladestunden · {chargers} Ladestationen · {period}</translation>
        </message>
        <message>
            <source>{kwh} kWh of sessions that ran past the period's edges is not charted.</source>
            <translation>{kwh} kWh aus Ladevorgängen, die über den Zeitraum hinausliefen, sind nicht dargestellt.</translation>
        </message>
        <message>
            <source>Sessions</source>
            <translation>Ladevorgänge</translation>
        </message>
        <message>
            <source>sessions</source>
            <translation>Ladevorgänge</translation>
        </message>
        <message>
            <source>Energy per day by site</source>
            <translation>Energie pro Tag nach Standort</translation>
        </message>
        <message>
            <source>Energy per week by site</source>
            <translation>Energie pro Woche nach Standort</translation>
        </message>
        <message>
            <source>Energy per month by site</source>
            <translation>Energie pro Monat nach Standort</translation>
        </message>
        <message>
            <source>No connector was busy in this period.</source>
            <translation>Kein Anschluss war in diesem Zeitraum belegt.</translation>
        </message>
        <message>
            <source>% of the time busy</source>
            <translation>% der Zeit belegt</translation>
        </message>
        <message>
            <source>{percent} % busy</source>
            <translation>{percent} % belegt</translation>
        </message>
        <message>
            <source>% available</source>
            <translation>% verfügbar</translation>
        </message>
        <message>
            <source>Every charger was available the whole period
(no fault or offline incident in PlugDesk's history).</source>
            <translation>Jede Ladestation war im ganzen Zeitraum verfügbar
(kein Störungs- oder Offline-Vorfall im Verlauf von PlugDesk).</translation>
        </message>
        <message numerus="yes">
            <source>%n incidents</source>
            <translation>
                <numerusform>%n Vorfall</numerusform>
                <numerusform>%n Vorfälle</numerusform>
            </translation>
        </message>
        <message>
            <source>{percent} % available</source>
            <translation>{percent} % verfügbar</translation>
        </message>
        <message>
            <source>No faults in this period.</source>
            <translation>Keine Störungen in diesem Zeitraum.</translation>
        </message>
        <message>
            <source>faults</source>
            <translation>Störungen</translation>
        </message>
        <message numerus="yes">
            <source>%n faults</source>
            <translation>
                <numerusform>%n Störung</numerusform>
                <numerusform>%n Störungen</numerusform>
            </translation>
        </message>
        <message>
            <source>Save report</source>
            <translation>Bericht speichern</translation>
        </message>
        <message>
            <source>Report not saved</source>
            <translation>Bericht nicht gespeichert</translation>
        </message>
        <message>
            <source>Report saved to {path}.</source>
            <translation>Bericht gespeichert unter {path}.</translation>
        </message>
    </context>
    <context>
        <name>InsightsService</name>
        <message>
            <source>Listing chargers…</source>
            <translation>Ladestationen werden aufgelistet…</translation>
        </message>
        <message>
            <source>Availability left out: {problem}</source>
            <translation>Verfügbarkeit ausgelassen: {problem}</translation>
        </message>
        <message>
            <source>Fetching transactions: {done} of {total} chargers, {rows} transactions</source>
            <translation>Transaktionen werden geladen: {done} von {total} Ladestationen, {rows} Transaktionen</translation>
        </message>
        <message>
            <source>Aggregating: {done} of {total} transactions</source>
            <translation>Zusammenfassen: {done} von {total} Transaktionen</translation>
        </message>
        <message>
            <source>Transaction {id} has no start time.</source>
            <translation>Transaktion {id} hat keine Startzeit.</translation>
        </message>
        <message>
            <source>Could not read the meter values of transaction {id}: {problem}</source>
            <translation>Die Zählerwerte von Transaktion {id} konnten nicht gelesen werden: {problem}</translation>
        </message>
        <message>
            <source>The charger stored no power or energy readings for transaction {id}.</source>
            <translation>Die Ladestation hat für Transaktion {id} keine Leistungs- oder Energiewerte gespeichert.</translation>
        </message>
        <message>
            <source>Transaction {id}, {time}</source>
            <translation>Transaktion {id}, {time}</translation>
        </message>
    </context>
    <context>
        <name>InsightsWiring</name>
        <message>
            <source>Insights</source>
            <translation>Auswertungen</translation>
        </message>
        <message>
            <source>Reading the meter values of transaction {id}…</source>
            <translation>Zählerwerte von Transaktion {id} werden gelesen…</translation>
        </message>
        <message>
            <source>No power curve</source>
            <translation>Keine Leistungskurve</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Events</source>
            <translation>Ereignisse</translation>
        </message>
        <message>
            <source>{error} Events are shown but not kept this session.</source>
            <translation>{error} Ereignisse werden angezeigt, in dieser Sitzung aber nicht gespeichert.</translation>
        </message>
        <message>
            <source>PlugDesk — Demo</source>
            <translation>PlugDesk — Demo</translation>
        </message>
        <message>
            <source>Public charging</source>
            <translation>Öffentliches Laden</translation>
        </message>
        <message>
            <source>Se&amp;ttings…</source>
            <translation>&amp;Einstellungen…</translation>
        </message>
        <message>
            <source>Sign &amp;out</source>
            <translation>Ab&amp;melden</translation>
        </message>
        <message>
            <source>Sign in to {url}.</source>
            <translation>Melden Sie sich bei {url} an.</translation>
        </message>
        <message>
            <source>Settings were reset</source>
            <translation>Einstellungen wurden zurückgesetzt</translation>
        </message>
        <message>
            <source>Demo</source>
            <translation>Demo</translation>
        </message>
        <message>
            <source>PlugDesk closed unexpectedly</source>
            <translation>PlugDesk wurde unerwartet beendet</translation>
        </message>
        <message>
            <source>Signed in</source>
            <translation>Angemeldet</translation>
        </message>
        <message>
            <source>Chargers</source>
            <translation>Ladestationen</translation>
        </message>
        <message>
            <source>&amp;Refresh</source>
            <translation>&amp;Aktualisieren</translation>
        </message>
        <message>
            <source>Refresh the charger list now (F5)</source>
            <translation>Liste der Ladestationen jetzt aktualisieren (F5)</translation>
        </message>
        <message>
            <source>&amp;Find charger</source>
            <translation>Ladestation &amp;suchen</translation>
        </message>
        <message>
            <source>&amp;Export transactions…</source>
            <translation>Transaktionen e&amp;xportieren…</translation>
        </message>
        <message>
            <source>Export transactions to CSV or XLSX (Ctrl+E)</source>
            <translation>Transaktionen als CSV oder XLSX exportieren (Strg+E)</translation>
        </message>
        <message>
            <source>&amp;Sign in…</source>
            <translation>&amp;Anmelden…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Beenden</translation>
        </message>
        <message>
            <source>&amp;About PlugDesk</source>
            <translation>&amp;Über PlugDesk</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Datei</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>A&amp;nsicht</translation>
        </message>
        <message>
            <source>&amp;Quick guide</source>
            <translation>&amp;Kurzanleitung</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Hilfe</translation>
        </message>
        <message>
            <source>Main toolbar</source>
            <translation>Hauptsymbolleiste</translation>
        </message>
        <message>
            <source>&amp;Pause alerts for 1 hour</source>
            <translation>Alarme 1 Stunde &amp;pausieren</translation>
        </message>
        <message>
            <source>No pop-ups for an hour; Events still lists them</source>
            <translation>Eine Stunde keine Pop-ups; Ereignisse listet sie weiterhin auf</translation>
        </message>
        <message>
            <source>&amp;Resume alerts</source>
            <translation>Alarme &amp;fortsetzen</translation>
        </message>
        <message>
            <source>Alerts are on</source>
            <translation>Alarme sind eingeschaltet</translation>
        </message>
        <message>
            <source>&amp;Alerts</source>
            <translation>A&amp;larme</translation>
        </message>
        <message>
            <source>Mute one charger: right-click it in the list (or the Menu key)</source>
            <translation>Eine Ladestation stummschalten: in der Liste mit rechts anklicken (oder die Menütaste)</translation>
        </message>
        <message>
            <source>Alerts paused until {time}</source>
            <translation>Alarme pausiert bis {time}</translation>
        </message>
        <message>
            <source>Pop-ups for {name}</source>
            <translation>Pop-ups für {name}</translation>
        </message>
        <message>
            <source>Copied {text}</source>
            <translation>{text} kopiert</translation>
        </message>
        <message>
            <source>Still running</source>
            <translation>Läuft weiter</translation>
        </message>
        <message>
            <source>Health</source>
            <translation>Zustand</translation>
        </message>
        <message>
            <source>&lt;b&gt;Fault&lt;/b&gt;: status Faulted, or an error code on the charger or a connector. &lt;b&gt;Offline&lt;/b&gt;: it lost its connection to the server. &lt;b&gt;Stale&lt;/b&gt;: online, but no heartbeat for 15 min. &lt;b&gt;Warning&lt;/b&gt;: a car-side communication error. &lt;b&gt;Unknown&lt;/b&gt;: never connected to the server. &lt;b&gt;Maintenance&lt;/b&gt;: blocked or Unavailable, set by an operator or an update (no alerts). &lt;b&gt;OK&lt;/b&gt;: none of these. The chips above the list filter by level.</source>
            <translation>&lt;b&gt;Störung&lt;/b&gt;: Status Faulted oder ein Fehlercode an der Ladestation oder einem Anschluss. &lt;b&gt;Offline&lt;/b&gt;: die Verbindung zum Server ist verloren. &lt;b&gt;Veraltet&lt;/b&gt;: online, aber seit 15 min kein Heartbeat. &lt;b&gt;Warnung&lt;/b&gt;: ein Kommunikationsfehler auf Fahrzeugseite. &lt;b&gt;Unbekannt&lt;/b&gt;: nie mit dem Server verbunden. &lt;b&gt;Wartung&lt;/b&gt;: gesperrt oder Unavailable, durch einen Betreiber oder ein Update gesetzt (keine Alarme). &lt;b&gt;OK&lt;/b&gt;: nichts davon. Die Schaltflächen über der Liste filtern nach Zustand.</translation>
        </message>
        <message>
            <source>Grace periods and alerts</source>
            <translation>Karenzzeiten und Alarme</translation>
        </message>
        <message>
            <source>A problem shows in &lt;b&gt;Events&lt;/b&gt; as &lt;i&gt;Pending&lt;/i&gt; as soon as a refresh sees it. It becomes an incident, and alerts, only when it lasts its grace period (by default 2 min for faults and stale chargers, 5 min for offline ones; change them in Settings), so a reboot does not wake you up. Mute a charger from the Events menu (right-click or the Menu key).</source>
            <translation>Ein Problem erscheint unter &lt;b&gt;Ereignisse&lt;/b&gt; als &lt;i&gt;Ausstehend&lt;/i&gt;, sobald eine Aktualisierung es sieht. Es wird erst zum Vorfall, mit Alarm, wenn es seine Karenzzeit überdauert (standardmäßig 2 min bei Störungen und veralteten Ladestationen, 5 min bei offline; in den Einstellungen änderbar), damit ein Neustart Sie nicht weckt. Schalten Sie eine Ladestation über das Menü der Ereignisse stumm (Rechtsklick oder die Menütaste).</translation>
        </message>
        <message>
            <source>Keyboard</source>
            <translation>Tastatur</translation>
        </message>
        <message>
            <source>search chargers; Enter or Down go to the list, Escape clears</source>
            <translation>Ladestationen suchen; Eingabe oder Pfeil nach unten springt in die Liste, Escape leert</translation>
        </message>
        <message>
            <source>next / previous part of the window (arrow keys move inside a table)</source>
            <translation>nächster / vorheriger Bereich des Fensters (Pfeiltasten bewegen sich in einer Tabelle)</translation>
        </message>
        <message>
            <source>next tab; with Shift, or Ctrl+PgUp, the previous one</source>
            <translation>nächster Tab; mit Umschalt oder Strg+Bild auf der vorherige</translation>
        </message>
        <message>
            <source>refresh now</source>
            <translation>jetzt aktualisieren</translation>
        </message>
        <message>
            <source>export transactions</source>
            <translation>Transaktionen exportieren</translation>
        </message>
        <message>
            <source>actions for the selected event</source>
            <translation>Aktionen für das ausgewählte Ereignis</translation>
        </message>
        <message>
            <source>quit</source>
            <translation>beenden</translation>
        </message>
        <message>
            <source>Not signed in</source>
            <translation>Nicht angemeldet</translation>
        </message>
        <message>
            <source>No charger matches the search or filter: none is selected.</source>
            <translation>Keine Ladestation passt zur Suche oder zum Filter: keine ist ausgewählt.</translation>
        </message>
        <message>
            <source>PlugDesk is still running in the system tray and keeps watching your chargers: alerts still pop up. Open it again from the tray icon; to stop it, choose Quit in the tray menu or File → Quit (Ctrl+Q).</source>
            <translation>PlugDesk läuft im Infobereich weiter und überwacht Ihre Ladestationen: Alarme erscheinen weiterhin. Öffnen Sie es wieder über das Symbol im Infobereich; zum Beenden wählen Sie Beenden im Menü des Infobereichs oder Datei → Beenden (Strg+Q).</translation>
        </message>
        <message>
            <source>That charger is not in the list any more.</source>
            <translation>Diese Ladestation ist nicht mehr in der Liste.</translation>
        </message>
        <message>
            <source>Last known fleet from {time} — refreshing</source>
            <translation>Zuletzt bekannte Ladestationen von {time} — wird aktualisiert</translation>
        </message>
        <message>
            <source>Showing the last known fleet from {time}, marked stale, while the first refresh runs</source>
            <translation>Die zuletzt bekannten Ladestationen von {time} werden angezeigt, als veraltet markiert, während die erste Aktualisierung läuft</translation>
        </message>
        <message>
            <source>Sign in again to refresh.</source>
            <translation>Melden Sie sich erneut an, um zu aktualisieren.</translation>
        </message>
        <message>
            <source>A refresh is already running.</source>
            <translation>Es läuft bereits eine Aktualisierung.</translation>
        </message>
        <message>
            <source>Quick guide</source>
            <translation>Kurzanleitung</translation>
        </message>
        <message>
            <source>About PlugDesk</source>
            <translation>Über PlugDesk</translation>
        </message>
        <message>
            <source>Watch your EV chargers, read their transactions and export them, over the Plugchoice API.</source>
            <translation>Behalten Sie Ihre Ladestationen im Blick, lesen Sie ihre Transaktionen und exportieren Sie sie, über die Plugchoice-API.</translation>
        </message>
        <message>
            <source>Data from {time}</source>
            <translation>Daten von {time}</translation>
        </message>
        <message>
            <source>Refresh failed: {message}</source>
            <translation>Aktualisierung fehlgeschlagen: {message}</translation>
        </message>
        <message>
            <source>PlugDesk closed unexpectedly the last time it ran.

What it was doing is saved in:
{path}

If this happens again, please send that file with your report.</source>
            <translation>PlugDesk wurde beim letzten Mal unerwartet beendet.

Was es gerade tat, ist gespeichert in:
{path}

Wenn das erneut passiert, senden Sie diese Datei bitte mit Ihrer Meldung.</translation>
        </message>
        <message>
            <source>Watched by plugdesk watch (pid {pid}) — alerts come from it</source>
            <translation>Überwacht von plugdesk watch (PID {pid}) — Alarme kommen von dort</translation>
        </message>
        <message>
            <source>plugdesk watch stopped — PlugDesk watches the fleet again</source>
            <translation>plugdesk watch wurde beendet — PlugDesk überwacht die Ladestationen wieder selbst</translation>
        </message>
        <message>
            <source>Sites</source>
            <translation>Standorte</translation>
        </message>
    </context>
    <context>
        <name>Notifier</name>
        <message>
            <source>Open</source>
            <translation>Öffnen</translation>
        </message>
        <message numerus="yes">
            <source>%n more chargers need attention</source>
            <translation>
                <numerusform>%n weitere Ladestation braucht Aufmerksamkeit</numerusform>
                <numerusform>%n weitere Ladestationen brauchen Aufmerksamkeit</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n more chargers recovered.</source>
            <translation>
                <numerusform>%n weitere Ladestation wieder in Ordnung.</numerusform>
                <numerusform>%n weitere Ladestationen wieder in Ordnung.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n more chargers recovered</source>
            <translation>
                <numerusform>%n weitere Ladestation wieder in Ordnung</numerusform>
                <numerusform>%n weitere Ladestationen wieder in Ordnung</numerusform>
            </translation>
        </message>
        <message>
            <source>Not shown one by one, so pop-ups stay readable: open Events for the list.</source>
            <translation>Nicht einzeln angezeigt, damit Pop-ups lesbar bleiben: öffnen Sie Ereignisse für die Liste.</translation>
        </message>
    </context>
    <context>
        <name>OcppLogModel</name>
        <message>
            <source>Time</source>
            <translation>Zeit</translation>
        </message>
        <message>
            <source>Direction</source>
            <translation>Richtung</translation>
        </message>
        <message>
            <source>Method</source>
            <translation>Methode</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Params</source>
            <translation>Parameter</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>Ergebnis</translation>
        </message>
        <message>
            <source>→ charger</source>
            <translation>→ Ladestation</translation>
        </message>
        <message>
            <source>← charger</source>
            <translation>← Ladestation</translation>
        </message>
    </context>
    <context>
        <name>OcppLogTab</name>
        <message>
            <source>Both directions</source>
            <translation>Beide Richtungen</translation>
        </message>
        <message>
            <source>To the charger</source>
            <translation>Zur Ladestation</translation>
        </message>
        <message>
            <source>From the charger</source>
            <translation>Von der Ladestation</translation>
        </message>
        <message>
            <source>Pending</source>
            <translation>Ausstehend</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>Erledigt</translation>
        </message>
        <message>
            <source>Failed</source>
            <translation>Fehlgeschlagen</translation>
        </message>
        <message>
            <source>OCPP method</source>
            <translation>OCPP-Methode</translation>
        </message>
        <message>
            <source>All methods</source>
            <translation>Alle Methoden</translation>
        </message>
        <message>
            <source>Message status</source>
            <translation>Nachrichtenstatus</translation>
        </message>
        <message>
            <source>Any status</source>
            <translation>Jeder Status</translation>
        </message>
        <message>
            <source>Direction</source>
            <translation>Richtung</translation>
        </message>
        <message>
            <source>Hide insignificant</source>
            <translation>Unwichtige ausblenden</translation>
        </message>
        <message>
            <source>Leave out heartbeats and other routine messages</source>
            <translation>Heartbeats und andere Routinenachrichten auslassen</translation>
        </message>
        <message>
            <source>From</source>
            <translation>Von</translation>
        </message>
        <message>
            <source>Log from</source>
            <translation>Protokoll ab</translation>
        </message>
        <message>
            <source>Until</source>
            <translation>Bis</translation>
        </message>
        <message>
            <source>Log until</source>
            <translation>Protokoll bis</translation>
        </message>
        <message>
            <source>OCPP log</source>
            <translation>OCPP-Protokoll</translation>
        </message>
        <message>
            <source>Message params and result</source>
            <translation>Parameter und Ergebnis der Nachricht</translation>
        </message>
        <message>
            <source>Select a message to see its params and result.</source>
            <translation>Wählen Sie eine Nachricht, um Parameter und Ergebnis zu sehen.</translation>
        </message>
        <message>
            <source>Copy</source>
            <translation>Kopieren</translation>
        </message>
        <message>
            <source>Copy the selected message (params and result as JSON)</source>
            <translation>Die ausgewählte Nachricht kopieren (Parameter und Ergebnis als JSON)</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>Wird geladen…</translation>
        </message>
        <message>
            <source>Could not read the log: {problem}</source>
            <translation>Das Protokoll konnte nicht gelesen werden: {problem}</translation>
        </message>
        <message numerus="yes">
            <source>%n messages, newest first — scroll for more</source>
            <translation>
                <numerusform>%n Nachricht, neueste zuerst — für mehr scrollen</numerusform>
                <numerusform>%n Nachrichten, neueste zuerst — für mehr scrollen</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>All %n messages loaded, newest first</source>
            <translation>
                <numerusform>%n Nachricht geladen, neueste zuerst</numerusform>
                <numerusform>Alle %n Nachrichten geladen, neueste zuerst</numerusform>
            </translation>
        </message>
        <message>
            <source>No OCPP messages with these filters.</source>
            <translation>Keine OCPP-Nachrichten mit diesen Filtern.</translation>
        </message>
        <message>
            <source>Params:</source>
            <translation>Parameter:</translation>
        </message>
        <message>
            <source>Result:</source>
            <translation>Ergebnis:</translation>
        </message>
    </context>
    <context>
        <name>Plurals</name>
        <message numerus="yes">
            <source>%n days ago</source>
            <translation>
                <numerusform>vor %n Tag</numerusform>
                <numerusform>vor %n Tagen</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n transactions</source>
            <translation>
                <numerusform>%n Transaktion</numerusform>
                <numerusform>%n Transaktionen</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n chargers</source>
            <translation>
                <numerusform>%n Ladestation</numerusform>
                <numerusform>%n Ladestationen</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PowerCurveDialog</name>
        <message>
            <source>Power curve — {title}</source>
            <translation>Leistungskurve — {title}</translation>
        </message>
        <message>
            <source>{points} points ({source}); peak {peak} kW</source>
            <translation>{points} Punkte ({source}); Spitze {peak} kW</translation>
        </message>
    </context>
    <context>
        <name>PublicPane</name>
        <message>
            <source>Waiting for card hold</source>
            <translation>Wartet auf Kartenreservierung</translation>
        </message>
        <message>
            <source>Card hold authorised</source>
            <translation>Kartenreservierung autorisiert</translation>
        </message>
        <message>
            <source>Starting</source>
            <translation>Startet</translation>
        </message>
        <message>
            <source>Charging</source>
            <translation>Lädt</translation>
        </message>
        <message>
            <source>Stopping</source>
            <translation>Wird beendet</translation>
        </message>
        <message>
            <source>Settling payment</source>
            <translation>Zahlung wird abgerechnet</translation>
        </message>
        <message>
            <source>Captured (paid)</source>
            <translation>Abgebucht (bezahlt)</translation>
        </message>
        <message>
            <source>Ended without charge</source>
            <translation>Ohne Kosten beendet</translation>
        </message>
        <message>
            <source>Expired</source>
            <translation>Abgelaufen</translation>
        </message>
        <message>
            <source>Failed</source>
            <translation>Fehlgeschlagen</translation>
        </message>
        <message>
            <source>Abandoned</source>
            <translation>Abgebrochen</translation>
        </message>
        <message>
            <source>Payment capture failed</source>
            <translation>Abbuchung fehlgeschlagen</translation>
        </message>
        <message>
            <source>Needs review</source>
            <translation>Prüfung nötig</translation>
        </message>
        <message>
            <source>Refunded</source>
            <translation>Erstattet</translation>
        </message>
        <message>
            <source>Written off</source>
            <translation>Abgeschrieben</translation>
        </message>
        <message>
            <source>Created</source>
            <translation>Erstellt</translation>
        </message>
        <message>
            <source>Charging started</source>
            <translation>Laden gestartet</translation>
        </message>
        <message>
            <source>Charging completed</source>
            <translation>Laden abgeschlossen</translation>
        </message>
        <message>
            <source>Payment captured</source>
            <translation>Zahlung abgebucht</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>Wird geladen…</translation>
        </message>
        <message>
            <source>{tariff}, no start fee</source>
            <translation>{tariff}, keine Startgebühr</translation>
        </message>
        <message>
            <source>{tariff} + {fee} start fee</source>
            <translation>{tariff} + {fee} Startgebühr</translation>
        </message>
        <message>
            <source>Find a public charger</source>
            <translation>Öffentliche Ladestation suchen</translation>
        </message>
        <message>
            <source>Public code, e.g. AB12CD</source>
            <translation>Öffentlicher Code, z. B. AB12CD</translation>
        </message>
        <message>
            <source>Public code</source>
            <translation>Öffentlicher Code</translation>
        </message>
        <message>
            <source>Look up</source>
            <translation>Nachschlagen</translation>
        </message>
        <message>
            <source>Connectors</source>
            <translation>Anschlüsse</translation>
        </message>
        <message>
            <source>Charger</source>
            <translation>Ladestation</translation>
        </message>
        <message>
            <source>Online</source>
            <translation>Online</translation>
        </message>
        <message>
            <source>Pricing</source>
            <translation>Tarif</translation>
        </message>
        <message>
            <source>Try one of the demo codes: {codes}</source>
            <translation>Probieren Sie einen der Democodes: {codes}</translation>
        </message>
        <message>
            <source>Codes of the demo's simulated public chargers; click one to look it up.</source>
            <translation>Codes der simulierten öffentlichen Ladestationen der Demo; klicken Sie auf einen, um ihn nachzuschlagen.</translation>
        </message>
        <message>
            <source>Start a session</source>
            <translation>Sitzung starten</translation>
        </message>
        <message>
            <source>Connector</source>
            <translation>Anschluss</translation>
        </message>
        <message>
            <source>Optional: receipt e-mail</source>
            <translation>Optional: E-Mail für den Beleg</translation>
        </message>
        <message>
            <source>Receipt e-mail</source>
            <translation>E-Mail für den Beleg</translation>
        </message>
        <message>
            <source>Start session</source>
            <translation>Sitzung starten</translation>
        </message>
        <message>
            <source>Track an existing session</source>
            <translation>Bestehende Sitzung verfolgen</translation>
        </message>
        <message>
            <source>Paste the session token</source>
            <translation>Sitzungstoken einfügen</translation>
        </message>
        <message>
            <source>Session token</source>
            <translation>Sitzungstoken</translation>
        </message>
        <message>
            <source>Track</source>
            <translation>Verfolgen</translation>
        </message>
        <message>
            <source>Followed sessions</source>
            <translation>Verfolgte Sitzungen</translation>
        </message>
        <message>
            <source>No session selected</source>
            <translation>Keine Sitzung ausgewählt</translation>
        </message>
        <message>
            <source>Payment step</source>
            <translation>Zahlungsschritt</translation>
        </message>
        <message>
            <source>Confirm card hold</source>
            <translation>Kartenreservierung bestätigen</translation>
        </message>
        <message>
            <source>Cancel session</source>
            <translation>Sitzung abbrechen</translation>
        </message>
        <message>
            <source>Timeline</source>
            <translation>Zeitverlauf</translation>
        </message>
        <message>
            <source>Energy and cost</source>
            <translation>Energie und Kosten</translation>
        </message>
        <message>
            <source>Energy</source>
            <translation>Energie</translation>
        </message>
        <message>
            <source>Running cost</source>
            <translation>Laufende Kosten</translation>
        </message>
        <message>
            <source>Authorised (hold)</source>
            <translation>Reserviert (Vorautorisierung)</translation>
        </message>
        <message>
            <source>Captured</source>
            <translation>Abgebucht</translation>
        </message>
        <message>
            <source>Tax</source>
            <translation>MwSt.</translation>
        </message>
        <message>
            <source>Tariff</source>
            <translation>Tarif</translation>
        </message>
        <message>
            <source>Charger and connector</source>
            <translation>Ladestation und Anschluss</translation>
        </message>
        <message>
            <source>Connector (OCPP status)</source>
            <translation>Anschluss (OCPP-Status)</translation>
        </message>
        <message>
            <source>Charger online</source>
            <translation>Ladestation online</translation>
        </message>
        <message>
            <source>Failure reason</source>
            <translation>Fehlergrund</translation>
        </message>
        <message>
            <source>Stop charging</source>
            <translation>Laden beenden</translation>
        </message>
        <message>
            <source>Remove from list</source>
            <translation>Aus der Liste entfernen</translation>
        </message>
        <message>
            <source>Possible while the session is starting or charging.</source>
            <translation>Möglich, während die Sitzung startet oder lädt.</translation>
        </message>
        <message>
            <source>Possible before charging starts (created or authorised).</source>
            <translation>Möglich, bevor der Ladevorgang beginnt (erstellt oder autorisiert).</translation>
        </message>
        <message>
            <source>Only for sessions that have ended.</source>
            <translation>Nur für beendete Sitzungen.</translation>
        </message>
        <message>
            <source>Looking up…</source>
            <translation>Wird nachgeschlagen…</translation>
        </message>
        <message>
            <source>Offline — cannot start now</source>
            <translation>Offline — Start jetzt nicht möglich</translation>
        </message>
        <message>
            <source>Connector {number} — {status}</source>
            <translation>Anschluss {number} — {status}</translation>
        </message>
        <message>
            <source>Starting… (never sent twice)</source>
            <translation>Wird gestartet… (nie doppelt gesendet)</translation>
        </message>
        <message>
            <source>Session {session} — {charger}, connector {number}</source>
            <translation>Sitzung {session} — {charger}, Anschluss {number}</translation>
        </message>
        <message>
            <source>Session {session} — {charger}</source>
            <translation>Sitzung {session} — {charger}</translation>
        </message>
        <message>
            <source>API status: {status}</source>
            <translation>API-Status: {status}</translation>
        </message>
        <message>
            <source>Start a session, or track one by its token.</source>
            <translation>Starten Sie eine Sitzung oder verfolgen Sie eine über ihr Token.</translation>
        </message>
        <message>
            <source>This session is waiting for the card hold of {amount}.</source>
            <translation>Diese Sitzung wartet auf die Kartenreservierung über {amount}.</translation>
        </message>
        <message>
            <source>This session is waiting for the card hold.</source>
            <translation>Diese Sitzung wartet auf die Kartenreservierung.</translation>
        </message>
        <message>
            <source>Charging cannot start until the driver's card is pre-authorised. Confirm once the hold is in place, or cancel the session.</source>
            <translation>Der Ladevorgang kann erst beginnen, wenn die Karte des Fahrers vorautorisiert ist. Bestätigen Sie, sobald die Reservierung besteht, oder brechen Sie die Sitzung ab.</translation>
        </message>
        <message>
            <source>Payment context present (Stripe).</source>
            <translation>Zahlungsdaten vorhanden (Stripe).</translation>
        </message>
        <message>
            <source>No payment context received yet.</source>
            <translation>Noch keine Zahlungsdaten erhalten.</translation>
        </message>
        <message>
            <source>Confirming…</source>
            <translation>Wird bestätigt…</translation>
        </message>
        <message>
            <source>Stopping…</source>
            <translation>Wird beendet…</translation>
        </message>
        <message>
            <source>Cancelling…</source>
            <translation>Wird abgebrochen…</translation>
        </message>
        <message>
            <source>Working…</source>
            <translation>In Arbeit…</translation>
        </message>
        <message>
            <source>Ended — no longer checked. The token has been forgotten.</source>
            <translation>Beendet — wird nicht mehr geprüft. Das Token wurde verworfen.</translation>
        </message>
        <message>
            <source>Checked every {interval}</source>
            <translation>Alle {interval} geprüft</translation>
        </message>
        <message>
            <source>slowed down after the API asked (429)</source>
            <translation>auf Wunsch der API verlangsamt (429)</translation>
        </message>
        <message>
            <source>next check in {time}</source>
            <translation>nächste Prüfung in {time}</translation>
        </message>
        <message>
            <source>last answer {time}</source>
            <translation>letzte Antwort {time}</translation>
        </message>
        <message>
            <source>Checking…</source>
            <translation>Wird geprüft…</translation>
        </message>
    </context>
    <context>
        <name>PublicSessionsModel</name>
        <message>
            <source>Session</source>
            <translation>Sitzung</translation>
        </message>
        <message>
            <source>Charger</source>
            <translation>Ladestation</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Energy</source>
            <translation>Energie</translation>
        </message>
        <message>
            <source>Cost</source>
            <translation>Kosten</translation>
        </message>
    </context>
    <context>
        <name>Settings</name>
        <message>
            <source>API URL</source>
            <translation>API-URL</translation>
        </message>
        <message>
            <source>Refresh interval</source>
            <translation>Aktualisierungsintervall</translation>
        </message>
        <message>
            <source>Data counts as stale after</source>
            <translation>Daten gelten als veraltet nach</translation>
        </message>
        <message>
            <source>Fault grace period</source>
            <translation>Karenzzeit bei Störung</translation>
        </message>
        <message>
            <source>Offline grace period</source>
            <translation>Karenzzeit bei Offline</translation>
        </message>
        <message>
            <source>Alert storm threshold</source>
            <translation>Schwelle für Meldungsflut</translation>
        </message>
        <message>
            <source>Notify on faults</source>
            <translation>Bei Störungen benachrichtigen</translation>
        </message>
        <message>
            <source>Notify when offline</source>
            <translation>Benachrichtigen, wenn offline</translation>
        </message>
        <message>
            <source>Notify when data is stale</source>
            <translation>Benachrichtigen, wenn Daten veraltet sind</translation>
        </message>
        <message>
            <source>Notify when resolved</source>
            <translation>Benachrichtigen, wenn behoben</translation>
        </message>
        <message>
            <source>Quiet hours start</source>
            <translation>Ruhezeit Beginn</translation>
        </message>
        <message>
            <source>Quiet hours end</source>
            <translation>Ruhezeit Ende</translation>
        </message>
        <message>
            <source>Export format</source>
            <translation>Exportformat</translation>
        </message>
        <message>
            <source>Export time zone</source>
            <translation>Zeitzone des Exports</translation>
        </message>
        <message>
            <source>CSV delimiter</source>
            <translation>CSV-Trennzeichen</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Sprache</translation>
        </message>
        <message>
            <source>Colours</source>
            <translation>Farben</translation>
        </message>
        <message>
            <source>must be a whole number of seconds, not {value}</source>
            <translation>muss eine ganze Zahl von Sekunden sein, nicht {value}</translation>
        </message>
        <message>
            <source>must be from {low} to {high} seconds, not {value}</source>
            <translation>muss zwischen {low} und {high} Sekunden liegen, nicht {value}</translation>
        </message>
        <message>
            <source>must be a whole number of minutes, not {value}</source>
            <translation>muss eine ganze Zahl von Minuten sein, nicht {value}</translation>
        </message>
        <message>
            <source>must be from {low} to {high} minutes, not {value}</source>
            <translation>muss zwischen {low} und {high} Minuten liegen, nicht {value}</translation>
        </message>
        <message>
            <source>must be a whole number of chargers, not {value}</source>
            <translation>muss eine ganze Zahl von Ladestationen sein, nicht {value}</translation>
        </message>
        <message>
            <source>must be from {low} to {high} chargers, not {value}</source>
            <translation>muss zwischen {low} und {high} Ladestationen liegen, nicht {value}</translation>
        </message>
        <message>
            <source>must be {options}, not {value}</source>
            <translation>muss {options} sein, nicht {value}</translation>
        </message>
        <message>
            <source>must be a time like 07:30 (24-hour HH:MM), not {value}</source>
            <translation>muss eine Uhrzeit wie 07:30 sein (24 Stunden, HH:MM), nicht {value}</translation>
        </message>
        <message>
            <source>must be {version}, not {value}</source>
            <translation>muss {version} sein, nicht {value}</translation>
        </message>
        <message>
            <source>must be a folder path</source>
            <translation>muss ein Ordnerpfad sein</translation>
        </message>
        <message>
            <source>must be true or false, not {value}</source>
            <translation>muss true oder false sein, nicht {value}</translation>
        </message>
        <message>
            <source>is not a PlugDesk setting</source>
            <translation>ist keine Einstellung von PlugDesk</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source> s</source>
            <translation> s</translation>
        </message>
        <message>
            <source> min</source>
            <translation> min</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>Einstellungen</translation>
        </message>
        <message>
            <source>Connection</source>
            <translation>Verbindung</translation>
        </message>
        <message>
            <source>Demo mode: the built-in simulator on this computer</source>
            <translation>Demomodus: der eingebaute Simulator auf diesem Computer</translation>
        </message>
        <message>
            <source>Monitoring</source>
            <translation>Überwachung</translation>
        </message>
        <message>
            <source>Notifications</source>
            <translation>Benachrichtigungen</translation>
        </message>
        <message>
            <source>Quiet hours: keep the history, show no pop-ups</source>
            <translation>Ruhezeit: Verlauf behalten, keine Pop-ups anzeigen</translation>
        </message>
        <message>
            <source>From</source>
            <translation>Von</translation>
        </message>
        <message>
            <source>Until</source>
            <translation>Bis</translation>
        </message>
        <message>
            <source>Export defaults</source>
            <translation>Export-Voreinstellungen</translation>
        </message>
        <message>
            <source>Excel (XLSX)</source>
            <translation>Excel (XLSX)</translation>
        </message>
        <message>
            <source>Local time</source>
            <translation>Ortszeit</translation>
        </message>
        <message>
            <source>Comma (,)</source>
            <translation>Komma (,)</translation>
        </message>
        <message>
            <source>Semicolon (;)</source>
            <translation>Semikolon (;)</translation>
        </message>
        <message>
            <source>Appearance</source>
            <translation>Darstellung</translation>
        </message>
        <message>
            <source>System language</source>
            <translation>Systemsprache</translation>
        </message>
        <message>
            <source>Applies the next time PlugDesk starts.</source>
            <translation>Gilt ab dem nächsten Start von PlugDesk.</translation>
        </message>
        <message>
            <source>Like the system (light or dark)</source>
            <translation>Wie das System (hell oder dunkel)</translation>
        </message>
        <message>
            <source>Light</source>
            <translation>Hell</translation>
        </message>
        <message>
            <source>Dark</source>
            <translation>Dunkel</translation>
        </message>
        <message>
            <source>Problems</source>
            <translation>Probleme</translation>
        </message>
        <message>
            <source>{setting}: {problem}</source>
            <translation>{setting}: {problem}</translation>
        </message>
    </context>
    <context>
        <name>SignInDialog</name>
        <message>
            <source>Create a token in the Plugchoice portal: &lt;b&gt;Settings → Personal Access Tokens&lt;/b&gt;. It is shown only once; paste it here. PlugDesk keeps it in your system's password store, never in a file.</source>
            <translation>Erstellen Sie ein Token im Plugchoice-Portal: &lt;b&gt;Settings → Personal Access Tokens&lt;/b&gt;. Es wird nur einmal angezeigt; fügen Sie es hier ein. PlugDesk bewahrt es im Passwortspeicher Ihres Systems auf, nie in einer Datei.</translation>
        </message>
        <message>
            <source>Create a token in the Plugchoice portal: &lt;b&gt;Settings → Personal Access Tokens&lt;/b&gt;. It is shown only once; paste it here.</source>
            <translation>Erstellen Sie ein Token im Plugchoice-Portal: &lt;b&gt;Settings → Personal Access Tokens&lt;/b&gt;. Es wird nur einmal angezeigt; fügen Sie es hier ein.</translation>
        </message>
        <message>
            <source>PlugDesk will ask for the token again after a restart. To have it remembered, install or unlock a password store (GNOME Keyring, KDE Wallet) and sign in again.</source>
            <translation>PlugDesk fragt nach einem Neustart erneut nach dem Token. Damit es gespeichert bleibt, installieren oder entsperren Sie einen Passwortspeicher (GNOME Keyring, KDE Wallet) und melden Sie sich erneut an.</translation>
        </message>
        <message>
            <source>Sign in to Plugchoice</source>
            <translation>Bei Plugchoice anmelden</translation>
        </message>
        <message>
            <source>Password store warning</source>
            <translation>Warnung zum Passwortspeicher</translation>
        </message>
        <message>
            <source>Personal access token</source>
            <translation>Persönliches Zugriffstoken</translation>
        </message>
        <message>
            <source>Show token</source>
            <translation>Token anzeigen</translation>
        </message>
        <message>
            <source>API URL</source>
            <translation>API-URL</translation>
        </message>
        <message>
            <source>Advanced</source>
            <translation>Erweitert</translation>
        </message>
        <message>
            <source>Sign-in status</source>
            <translation>Anmeldestatus</translation>
        </message>
        <message>
            <source>Sign in</source>
            <translation>Anmelden</translation>
        </message>
        <message>
            <source>Token</source>
            <translation>Token</translation>
        </message>
        <message>
            <source>Checking the token…</source>
            <translation>Token wird geprüft…</translation>
        </message>
        <message>
            <source>Not signed in.</source>
            <translation>Nicht angemeldet.</translation>
        </message>
        <message>
            <source>The token is kept in {store}.</source>
            <translation>Das Token wird in {store} aufbewahrt.</translation>
        </message>
        <message>
            <source>The token is used for this session only.</source>
            <translation>Das Token wird nur für diese Sitzung verwendet.</translation>
        </message>
        <message>
            <source>Signed in as {user}.</source>
            <translation>Angemeldet als {user}.</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Schließen</translation>
        </message>
    </context>
    <context>
        <name>SiteFilter</name>
        <message>
            <source>Site filter</source>
            <translation>Standortfilter</translation>
        </message>
        <message>
            <source>Show the chargers of one site</source>
            <translation>Die Ladestationen eines Standorts zeigen</translation>
        </message>
        <message>
            <source>All sites ({count})</source>
            <translation>Alle Standorte ({count})</translation>
        </message>
        <message>
            <source>{site} ({count})</source>
            <translation>{site} ({count})</translation>
        </message>
        <message>
            <source>(site with no chargers shown)</source>
            <translation>(Standort ohne angezeigte Ladestationen)</translation>
        </message>
    </context>
    <context>
        <name>SiteWiring</name>
        <message>
            <source>Rename charger</source>
            <translation>Ladestation umbenennen</translation>
        </message>
        <message>
            <source>Reference (the name shown in PlugDesk):</source>
            <translation>Referenz (der Name in PlugDesk):</translation>
        </message>
        <message>
            <source>Renaming the charger…</source>
            <translation>Die Ladestation wird umbenannt…</translation>
        </message>
        <message>
            <source>Renamed to {name}</source>
            <translation>Umbenannt in {name}</translation>
        </message>
        <message>
            <source>Rename failed</source>
            <translation>Umbenennen fehlgeschlagen</translation>
        </message>
    </context>
    <context>
        <name>SitesModel</name>
        <message>
            <source>Site</source>
            <translation>Standort</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>Adresse</translation>
        </message>
        <message>
            <source>Chargers</source>
            <translation>Ladestationen</translation>
        </message>
        <message>
            <source>OK</source>
            <translation>OK</translation>
        </message>
        <message>
            <source>Fault</source>
            <translation>Störung</translation>
        </message>
        <message>
            <source>Offline</source>
            <translation>Offline</translation>
        </message>
        <message>
            <source>Charging now</source>
            <translation>Lädt gerade</translation>
        </message>
        <message>
            <source>kWh today</source>
            <translation>kWh heute</translation>
        </message>
        <message>
            <source>Double-click to show this site's chargers</source>
            <translation>Doppelklicken, um die Ladestationen dieses Standorts zu zeigen</translation>
        </message>
    </context>
    <context>
        <name>SitesOverview</name>
        <message>
            <source>Sites</source>
            <translation>Standorte</translation>
        </message>
        <message>
            <source>Double-click a site to show its chargers.</source>
            <translation>Doppelklicken Sie auf einen Standort, um seine Ladestationen zu sehen.</translation>
        </message>
    </context>
    <context>
        <name>Store</name>
        <message>
            <source>The event history file {path} is read-only, so new charger incidents are not saved. Alerts still work for as long as PlugDesk runs; make the file writable (check its permissions) and restart PlugDesk to keep a history again.</source>
            <translation>Die Datei des Ereignisverlaufs {path} ist schreibgeschützt, daher werden neue Vorfälle der Ladestationen nicht gespeichert. Benachrichtigungen funktionieren, solange PlugDesk läuft; machen Sie die Datei beschreibbar (prüfen Sie die Berechtigungen) und starten Sie PlugDesk neu, um wieder einen Verlauf zu führen.</translation>
        </message>
        <message>
            <source>save to the event history</source>
            <translation>im Ereignisverlauf speichern</translation>
        </message>
        <message>
            <source>use the event history</source>
            <translation>den Ereignisverlauf verwenden</translation>
        </message>
        <message>
            <source>The in-memory store failed: {damage}</source>
            <translation>Der Speicher im Arbeitsspeicher ist fehlgeschlagen: {damage}</translation>
        </message>
        <message>
            <source>The event history file {path} is damaged and could not be moved aside ({error}). Move or delete it, then start PlugDesk again.</source>
            <translation>Die Datei des Ereignisverlaufs {path} ist beschädigt und konnte nicht beiseitegelegt werden ({error}). Verschieben oder löschen Sie sie und starten Sie PlugDesk erneut.</translation>
        </message>
        <message>
            <source>The event history file was damaged and could not be read. It was kept as {name} and a new, empty history was started.</source>
            <translation>Die Datei des Ereignisverlaufs war beschädigt und konnte nicht gelesen werden. Sie wurde als {name} aufbewahrt, und ein neuer, leerer Verlauf wurde begonnen.</translation>
        </message>
        <message>
            <source>The event history was written by a newer PlugDesk (schema {version}; this version knows up to {known}). Update PlugDesk to use it.</source>
            <translation>Der Ereignisverlauf wurde von einem neueren PlugDesk geschrieben (Schema {version}; diese Version kennt bis {known}). Aktualisieren Sie PlugDesk, um ihn zu verwenden.</translation>
        </message>
        <message>
            <source>Could not {action}: the event history file is read-only.</source>
            <translation>Konnte nicht {action}: Die Datei des Ereignisverlaufs ist schreibgeschützt.</translation>
        </message>
        <message>
            <source>Could not {action}: {error}</source>
            <translation>Konnte nicht {action}: {error}</translation>
        </message>
        <message>
            <source>Could not open the event history: {error}</source>
            <translation>Der Ereignisverlauf konnte nicht geöffnet werden: {error}</translation>
        </message>
        <message>
            <source>The event history is closed.</source>
            <translation>Der Ereignisverlauf ist geschlossen.</translation>
        </message>
    </context>
    <context>
        <name>Toast</name>
        <message>
            <source>{title} — {reason}, not shown as a pop-up</source>
            <translation>{title} — {reason}, nicht als Pop-up angezeigt</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Öffnen</translation>
        </message>
        <message>
            <source>Open: {title}</source>
            <translation>Öffnen: {title}</translation>
        </message>
        <message>
            <source>Dismiss</source>
            <translation>Schließen</translation>
        </message>
    </context>
    <context>
        <name>Totals</name>
        <message>
            <source>({active} active)</source>
            <translation>({active} aktiv)</translation>
        </message>
    </context>
    <context>
        <name>TransactionFilterBar</name>
        <message>
            <source>All</source>
            <translation>Alle</translation>
        </message>
        <message>
            <source>Active</source>
            <translation>Aktiv</translation>
        </message>
        <message>
            <source>Finished</source>
            <translation>Beendet</translation>
        </message>
        <message>
            <source>Transaction status</source>
            <translation>Transaktionsstatus</translation>
        </message>
        <message>
            <source>From</source>
            <translation>Von</translation>
        </message>
        <message>
            <source>Until</source>
            <translation>Bis</translation>
        </message>
        <message>
            <source>No limit</source>
            <translation>Kein Limit</translation>
        </message>
        <message>
            <source>Limit</source>
            <translation>Limit</translation>
        </message>
        <message>
            <source>At most this many transactions, newest first (the API allows 1 to 10,000; each 25 cost one request)</source>
            <translation>Höchstens so viele Transaktionen, neueste zuerst (die API erlaubt 1 bis 10.000; je 25 kosten eine Anfrage)</translation>
        </message>
        <message>
            <source>Filter by ID tag</source>
            <translation>Nach ID-Tag filtern</translation>
        </message>
        <message>
            <source>ID tag filter</source>
            <translation>ID-Tag-Filter</translation>
        </message>
        <message>
            <source>&amp;Status</source>
            <translation>&amp;Status</translation>
        </message>
        <message>
            <source>&amp;Limit</source>
            <translation>&amp;Limit</translation>
        </message>
        <message>
            <source>“Until” must be on or after “From”.</source>
            <translation>„Bis“ muss am oder nach „Von“ liegen.</translation>
        </message>
    </context>
    <context>
        <name>TransactionsModel</name>
        <message>
            <source>Connector</source>
            <translation>Anschluss</translation>
        </message>
        <message>
            <source>ID tag</source>
            <translation>ID-Tag</translation>
        </message>
        <message>
            <source>Started</source>
            <translation>Gestartet</translation>
        </message>
        <message>
            <source>Stopped</source>
            <translation>Gestoppt</translation>
        </message>
        <message>
            <source>Duration</source>
            <translation>Dauer</translation>
        </message>
        <message>
            <source>Meter start</source>
            <translation>Zähler Start</translation>
        </message>
        <message>
            <source>Meter stop</source>
            <translation>Zähler Stopp</translation>
        </message>
        <message>
            <source>Stop reason</source>
            <translation>Stoppgrund</translation>
        </message>
        <message>
            <source>Valid</source>
            <translation>Gültig</translation>
        </message>
        <message>
            <source>The connector's number on the charger</source>
            <translation>Die Nummer des Anschlusses an der Ladestation</translation>
        </message>
        <message>
            <source>Meter reading at the start, in Wh</source>
            <translation>Zählerstand beim Start, in Wh</translation>
        </message>
        <message>
            <source>Meter reading at the stop, in Wh</source>
            <translation>Zählerstand beim Stopp, in Wh</translation>
        </message>
        <message>
            <source>Energy delivered, in kWh</source>
            <translation>Gelieferte Energie, in kWh</translation>
        </message>
        <message>
            <source>Connector record {id}</source>
            <translation>Anschlussdatensatz {id}</translation>
        </message>
        <message>
            <source>Active</source>
            <translation>Aktiv</translation>
        </message>
    </context>
    <context>
        <name>TransactionsView</name>
        <message>
            <source>Transactions</source>
            <translation>Transaktionen</translation>
        </message>
        <message>
            <source>Transaction totals</source>
            <translation>Transaktionssummen</translation>
        </message>
        <message>
            <source>Show power curve</source>
            <translation>Leistungskurve anzeigen</translation>
        </message>
        <message>
            <source>Select a charger to see its transactions.</source>
            <translation>Wählen Sie eine Ladestation aus, um ihre Transaktionen zu sehen.</translation>
        </message>
        <message>
            <source>Loading transactions…</source>
            <translation>Transaktionen werden geladen…</translation>
        </message>
        <message>
            <source>Loading transactions… {count} so far</source>
            <translation>Transaktionen werden geladen… bisher {count}</translation>
        </message>
        <message>
            <source>Could not load transactions: {message}</source>
            <translation>Transaktionen konnten nicht geladen werden: {message}</translation>
        </message>
        <message>
            <source>No transactions match these filters.</source>
            <translation>Keine Transaktionen entsprechen diesen Filtern.</translation>
        </message>
        <message>
            <source>Showing the newest {count}: raise the limit to see more</source>
            <translation>Die neuesten {count} werden angezeigt: Limit erhöhen, um mehr zu sehen</translation>
        </message>
        <message>
            <source>{count} hidden by the ID tag filter</source>
            <translation>{count} durch den ID-Tag-Filter ausgeblendet</translation>
        </message>
    </context>
    <context>
        <name>URL</name>
        <message>
            <source>Enter the API URL, for example https://app.plugchoice.com/api/v3.</source>
            <translation>Geben Sie die API-URL ein, zum Beispiel https://app.plugchoice.com/api/v3.</translation>
        </message>
        <message>
            <source>{url} is not a valid URL.</source>
            <translation>{url} ist keine gültige URL.</translation>
        </message>
        <message>
            <source>The API URL must start with https://, for example https://app.plugchoice.com/api/v3.</source>
            <translation>Die API-URL muss mit https:// beginnen, zum Beispiel https://app.plugchoice.com/api/v3.</translation>
        </message>
        <message>
            <source>The port in the API URL must be between 1 and 65535, not {port}.</source>
            <translation>Der Port in der API-URL muss zwischen 1 und 65535 liegen, nicht {port}.</translation>
        </message>
        <message>
            <source>The API URL must not contain a user name or password; sign in with a token instead.</source>
            <translation>Die API-URL darf keinen Benutzernamen und kein Passwort enthalten; melden Sie sich stattdessen mit einem Token an.</translation>
        </message>
        <message>
            <source>The API URL must not contain '?' or '#'.</source>
            <translation>Die API-URL darf kein '?' oder '#' enthalten.</translation>
        </message>
        <message>
            <source>The API URL must use https:// for {host}: plain http:// would send your token unencrypted (it is only allowed for this computer, e.g. the simulator).</source>
            <translation>Die API-URL muss für {host} https:// verwenden: einfaches http:// würde Ihr Token unverschlüsselt senden (das ist nur für diesen Computer erlaubt, z. B. den Simulator).</translation>
        </message>
        <message>
            <source>{url} is not a valid webhook URL.</source>
            <translation>{url} ist keine gültige Webhook-URL.</translation>
        </message>
        <message>
            <source>A webhook URL must start with https://.</source>
            <translation>Eine Webhook-URL muss mit https:// beginnen.</translation>
        </message>
        <message>
            <source>A webhook URL must not contain a user name or password.</source>
            <translation>Eine Webhook-URL darf keinen Benutzernamen und kein Passwort enthalten.</translation>
        </message>
        <message>
            <source>The webhook for {host} must use https://: plain http:// is only allowed for this computer.</source>
            <translation>Der Webhook für {host} muss https:// verwenden: einfaches http:// ist nur für diesen Computer erlaubt.</translation>
        </message>
    </context>
</TS>
