<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL" sourcelanguage="en_US">
    <context>
        <name>ActionWiring</name>
        <message>
            <source>none</source>
            <translation>geen</translation>
        </message>
        <message>
            <source>Each goes offline for about a minute; running charging sessions are interrupted.</source>
            <translation>Elke laadpaal is ongeveer een minuut offline; lopende laadsessies worden onderbroken.</translation>
        </message>
        <message>
            <source>No new charging session can start on them until they are made available.</source>
            <translation>Er kan geen nieuwe laadsessie op starten tot ze weer beschikbaar zijn gemaakt.</translation>
        </message>
        <message>
            <source>{action}: {chargers} ({names})?</source>
            <translation>{action}: {chargers} ({names})?</translation>
        </message>
        <message>
            <source>Skipped, no permission for actions: {names}.</source>
            <translation>Overgeslagen, geen rechten voor acties: {names}.</translation>
        </message>
        <message>
            <source>{action}: sending to {chargers}…</source>
            <translation>{action}: verzenden naar {chargers}…</translation>
        </message>
        <message>
            <source>{action} — {chargers}</source>
            <translation>{action} — {chargers}</translation>
        </message>
        <message>
            <source>Actions</source>
            <translation>Acties</translation>
        </message>
        <message>
            <source>Log</source>
            <translation>Logboek</translation>
        </message>
        <message>
            <source>&amp;Actions</source>
            <translation>&amp;Acties</translation>
        </message>
        <message>
            <source>{action} selected chargers…</source>
            <translation>{action}: geselecteerde laadpalen…</translation>
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
            <translation>Herstarten</translation>
        </message>
        <message>
            <source>Make unavailable</source>
            <translation>Onbeschikbaar maken</translation>
        </message>
        <message>
            <source>Make available</source>
            <translation>Beschikbaar maken</translation>
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
            <translation>Laadlimiet</translation>
        </message>
        <message>
            <source>Clear charge limit</source>
            <translation>Laadlimiet opheffen</translation>
        </message>
        <message>
            <source>Plug &amp; Charge</source>
            <translation>Plug &amp; Charge</translation>
        </message>
        <message>
            <source>Public charging settings</source>
            <translation>Instellingen openbaar laden</translation>
        </message>
        <message>
            <source>restart</source>
            <translation>herstarten</translation>
        </message>
        <message>
            <source>make unavailable</source>
            <translation>onbeschikbaar maken</translation>
        </message>
        <message>
            <source>make available</source>
            <translation>beschikbaar maken</translation>
        </message>
        <message>
            <source>start charging</source>
            <translation>laden starten</translation>
        </message>
        <message>
            <source>stop charging</source>
            <translation>laden stoppen</translation>
        </message>
        <message>
            <source>charge limit</source>
            <translation>laadlimiet</translation>
        </message>
        <message>
            <source>clear charge limit</source>
            <translation>laadlimiet opheffen</translation>
        </message>
        <message>
            <source>plug &amp; charge</source>
            <translation>plug &amp; charge</translation>
        </message>
        <message>
            <source>public charging settings</source>
            <translation>instellingen openbaar laden</translation>
        </message>
        <message>
            <source>Your access to {charger} does not include actions (it needs full permission). Ask the charger's owner for access.</source>
            <translation>Uw toegang tot {charger} omvat geen acties (daarvoor zijn volledige rechten nodig). Vraag de eigenaar van de laadpaal om toegang.</translation>
        </message>
        <message>
            <source>connector {number}</source>
            <translation>connector {number}</translation>
        </message>
        <message>
            <source>a connector</source>
            <translation>een connector</translation>
        </message>
        <message>
            <source>, tag {tag}</source>
            <translation>, tag {tag}</translation>
        </message>
        <message>
            <source>session {id} on {where}{tag}, since {since}{energy}</source>
            <translation>sessie {id} op {where}{tag}, sinds {since}{energy}</translation>
        </message>
        <message>
            <source>Make {name} unavailable? No new charging session can start on it until it is made available again; a session already running goes on to its end.</source>
            <translation>{name} onbeschikbaar maken? Er kan geen nieuwe laadsessie op starten tot de laadpaal weer beschikbaar is; een lopende sessie gaat door tot het einde.</translation>
        </message>
        <message>
            <source>Make {name} available again? Drivers can then start charging on it.</source>
            <translation>{name} weer beschikbaar maken? Bestuurders kunnen er dan weer laden.</translation>
        </message>
        <message>
            <source>a free connector</source>
            <translation>een vrije connector</translation>
        </message>
        <message>
            <source>Start charging on {name}, {where}, for id tag {tag}?</source>
            <translation>Laden starten op {name}, {where}, voor id-tag {tag}?</translation>
        </message>
        <message>
            <source>its active session</source>
            <translation>de lopende sessie</translation>
        </message>
        <message>
            <source>Stop charging on {name}: {what}?</source>
            <translation>Laden stoppen op {name}: {what}?</translation>
        </message>
        <message>
            <source>Lift the charge limit of {name} ({where}) back to {amps} A?</source>
            <translation>De laadlimiet van {name} ({where}) terugzetten naar {amps} A?</translation>
        </message>
        <message>
            <source>Limit {name} ({where}) to {amps} A?</source>
            <translation>{name} ({where}) beperken tot {amps} A?</translation>
        </message>
        <message>
            <source>Turn Plug &amp; Charge on for {name}, billed to card {card}?</source>
            <translation>Plug &amp; Charge aanzetten voor {name}, gefactureerd op pas {card}?</translation>
        </message>
        <message>
            <source>Turn Plug &amp; Charge off for {name}?</source>
            <translation>Plug &amp; Charge uitzetten voor {name}?</translation>
        </message>
        <message>
            <source>Turn public charging on for {name} at {price} with a start fee of {fee}, billing plan {plan}?</source>
            <translation>Openbaar laden aanzetten voor {name} tegen {price} met starttarief {fee}, factuurplan {plan}?</translation>
        </message>
        <message>
            <source>Turn public charging off for {name}? Drivers can no longer pay by card there.</source>
            <translation>Openbaar laden uitzetten voor {name}? Bestuurders kunnen daar dan niet meer met een pas betalen.</translation>
        </message>
        <message>
            <source>Restart {name}? It goes offline for about a minute while it reboots.</source>
            <translation>{name} herstarten? De laadpaal is ongeveer een minuut offline tijdens het opnieuw opstarten.</translation>
        </message>
        <message>
            <source>{question}
No charging session is running on it.</source>
            <translation>{question}
Er loopt geen laadsessie op.</translation>
        </message>
        <message>
            <source>{question}
This will interrupt the charging session:
{lines}</source>
            <translation>{question}
Dit onderbreekt de laadsessie:
{lines}</translation>
        </message>
        <message>
            <source>{question}
This will interrupt the charging {count} sessions:
{lines}</source>
            <translation>{question}
Dit onderbreekt de {count} laadsessies:
{lines}</translation>
        </message>
        <message>
            <source>whole charger</source>
            <translation>hele laadpaal</translation>
        </message>
        <message>
            <source>{head} — the charger did not answer in time — it may still happen</source>
            <translation>{head} — de laadpaal antwoordde niet op tijd — het kan alsnog gebeuren</translation>
        </message>
        <message>
            <source>{head} — not allowed (403): your access to this charger does not include actions. Ask the charger's owner for full permission.</source>
            <translation>{head} — niet toegestaan (403): uw toegang tot deze laadpaal omvat geen acties. Vraag de eigenaar van de laadpaal om volledige rechten.</translation>
        </message>
        <message>
            <source>{head} — not sent: the API token was refused; sign in again.</source>
            <translation>{head} — niet verzonden: het API-token werd geweigerd; meld u opnieuw aan.</translation>
        </message>
        <message>
            <source>{head} — not sent: the API does not know this charger (404).</source>
            <translation>{head} — niet verzonden: de API kent deze laadpaal niet (404).</translation>
        </message>
        <message>
            <source>{head} — not sent: {problem}</source>
            <translation>{head} — niet verzonden: {problem}</translation>
        </message>
        <message>
            <source>{head} — Accepted</source>
            <translation>{head} — Geaccepteerd</translation>
        </message>
        <message>
            <source>{head} — Rejected by the charger</source>
            <translation>{head} — Geweigerd door de laadpaal</translation>
        </message>
        <message>
            <source>{head} — sent; the API did not say whether the charger accepted</source>
            <translation>{head} — verzonden; de API meldde niet of de laadpaal het accepteerde</translation>
        </message>
        <message>
            <source>{name}: {action}</source>
            <translation>{name}: {action}</translation>
        </message>
        <message>
            <source>{name}: charging started — {session}</source>
            <translation>{name}: laden gestart — {session}</translation>
        </message>
        <message>
            <source> (OCPP status {status})</source>
            <translation> (OCPP-status {status})</translation>
        </message>
        <message>
            <source>{name} is now unavailable{status}</source>
            <translation>{name} is nu onbeschikbaar{status}</translation>
        </message>
        <message>
            <source>{name} is now available again{status}</source>
            <translation>{name} is nu weer beschikbaar{status}</translation>
        </message>
        <message>
            <source>{name}: charging stopped (the session has ended)</source>
            <translation>{name}: laden gestopt (de sessie is beëindigd)</translation>
        </message>
        <message>
            <source>{name}: charging stopped (session {id} has ended)</source>
            <translation>{name}: laden gestopt (sessie {id} is beëindigd)</translation>
        </message>
        <message>
            <source>, card {card}</source>
            <translation>, pas {card}</translation>
        </message>
        <message>
            <source>{name}: Plug &amp; Charge is now on{card}</source>
            <translation>{name}: Plug &amp; Charge staat nu aan{card}</translation>
        </message>
        <message>
            <source>{name}: Plug &amp; Charge is now off{card}</source>
            <translation>{name}: Plug &amp; Charge staat nu uit{card}</translation>
        </message>
        <message>
            <source>{name}: public charging is off</source>
            <translation>{name}: openbaar laden staat uit</translation>
        </message>
        <message>
            <source>, code {code}</source>
            <translation>, code {code}</translation>
        </message>
        <message>
            <source>{name}: public charging is on at the new prices{code}</source>
            <translation>{name}: openbaar laden staat aan tegen de nieuwe prijzen{code}</translation>
        </message>
        <message>
            <source>{name} restarted: back online after {seconds} s, still faulted after the restart ({code})</source>
            <translation>{name} herstart: na {seconds} s weer online, na de herstart nog steeds in storing ({code})</translation>
        </message>
        <message>
            <source>{name} restarted: back online after {seconds} s, fault cleared</source>
            <translation>{name} herstart: na {seconds} s weer online, storing opgeheven</translation>
        </message>
        <message>
            <source>{name} restarted: back online after {seconds} s</source>
            <translation>{name} herstart: na {seconds} s weer online</translation>
        </message>
        <message>
            <source>{name}: the charger never got the limit ({where})</source>
            <translation>{name}: de laadpaal heeft de limiet nooit ontvangen ({where})</translation>
        </message>
        <message>
            <source>{name}: limit of {amps} A in effect ({where})</source>
            <translation>{name}: limiet van {amps} A actief ({where})</translation>
        </message>
        <message>
            <source>{name}: the charger refused the limit ({where})</source>
            <translation>{name}: de laadpaal weigerde de limiet ({where})</translation>
        </message>
        <message>
            <source>{name} went offline for the restart and was not back within {minutes} min</source>
            <translation>{name} ging offline voor de herstart en was niet binnen {minutes} min terug</translation>
        </message>
        <message>
            <source>{name} did not restart within {minutes} min, still faulted</source>
            <translation>{name} is niet binnen {minutes} min herstart, nog steeds in storing</translation>
        </message>
        <message>
            <source>{name} did not restart within {minutes} min</source>
            <translation>{name} is niet binnen {minutes} min herstart</translation>
        </message>
        <message>
            <source>{name} did not change within {minutes} min (OCPP status {status})</source>
            <translation>{name} is niet binnen {minutes} min veranderd (OCPP-status {status})</translation>
        </message>
        <message>
            <source>{name}: no charging session started within {minutes} min</source>
            <translation>{name}: geen laadsessie gestart binnen {minutes} min</translation>
        </message>
        <message>
            <source>{name}: the session was still running after {minutes} min</source>
            <translation>{name}: de sessie liep na {minutes} min nog steeds</translation>
        </message>
        <message>
            <source>{name}: no sign that the charger received the limit within {minutes} min</source>
            <translation>{name}: geen teken dat de laadpaal de limiet binnen {minutes} min heeft ontvangen</translation>
        </message>
        <message>
            <source>{name}: the setting did not change within {minutes} min</source>
            <translation>{name}: de instelling is niet binnen {minutes} min veranderd</translation>
        </message>
        <message>
            <source>It happened after all: {outcome}</source>
            <translation>Het is toch gebeurd: {outcome}</translation>
        </message>
        <message>
            <source>It did not happen: {outcome}</source>
            <translation>Het is niet gebeurd: {outcome}</translation>
        </message>
        <message>
            <source>{name}: an action is already in flight</source>
            <translation>{name}: er loopt al een actie</translation>
        </message>
        <message>
            <source>{name}: not sent — the event history could not be written, and every action must be recorded first.</source>
            <translation>{name}: niet verzonden — de gebeurtenisgeschiedenis kon niet worden geschreven, en elke actie moet eerst worden vastgelegd.</translation>
        </message>
        <message>
            <source>sending…</source>
            <translation>bezig met verzenden…</translation>
        </message>
        <message>
            <source>by {user}: {words}</source>
            <translation>door {user}: {words}</translation>
        </message>
    </context>
    <context>
        <name>ActionsPanel</name>
        <message>
            <source>Restart</source>
            <translation>Herstarten</translation>
        </message>
        <message>
            <source>Make unavailable</source>
            <translation>Onbeschikbaar maken</translation>
        </message>
        <message>
            <source>Make available</source>
            <translation>Beschikbaar maken</translation>
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
            <translation>Limiet instellen</translation>
        </message>
        <message>
            <source>Clear limit</source>
            <translation>Limiet opheffen</translation>
        </message>
        <message>
            <source>Apply</source>
            <translation>Toepassen</translation>
        </message>
        <message>
            <source>subscription</source>
            <translation>abonnement</translation>
        </message>
        <message>
            <source>per transaction</source>
            <translation>per transactie</translation>
        </message>
        <message>
            <source>Select a charger to act on it.</source>
            <translation>Selecteer een laadpaal om er een actie op uit te voeren.</translation>
        </message>
        <message>
            <source>Action status</source>
            <translation>Status van de actie</translation>
        </message>
        <message>
            <source>Restart…</source>
            <translation>Herstarten…</translation>
        </message>
        <message>
            <source>Reboot the charger (it goes offline for about a minute)</source>
            <translation>De laadpaal herstarten (hij is ongeveer een minuut offline)</translation>
        </message>
        <message>
            <source>Make unavailable…</source>
            <translation>Onbeschikbaar maken…</translation>
        </message>
        <message>
            <source>No new charging sessions until it is made available again</source>
            <translation>Geen nieuwe laadsessies tot hij weer beschikbaar is gemaakt</translation>
        </message>
        <message>
            <source>Make available…</source>
            <translation>Beschikbaar maken…</translation>
        </message>
        <message>
            <source>Let drivers charge again</source>
            <translation>Bestuurders weer laten laden</translation>
        </message>
        <message>
            <source>Charging</source>
            <translation>Laden</translation>
        </message>
        <message>
            <source>Connector to start on</source>
            <translation>Connector om op te starten</translation>
        </message>
        <message>
            <source>Id tag</source>
            <translation>ID-tag</translation>
        </message>
        <message>
            <source>The id tag (RFID card) to charge for; recent ones are offered</source>
            <translation>De ID-tag (RFID-pas) waarvoor geladen wordt; recente tags worden voorgesteld</translation>
        </message>
        <message>
            <source>id tag (up to 20 characters)</source>
            <translation>ID-tag (tot 20 tekens)</translation>
        </message>
        <message>
            <source>Start charging…</source>
            <translation>Laden starten…</translation>
        </message>
        <message>
            <source>Remote start for this id tag</source>
            <translation>Op afstand starten voor deze ID-tag</translation>
        </message>
        <message>
            <source>Stop charging…</source>
            <translation>Laden stoppen…</translation>
        </message>
        <message>
            <source>Remote stop of the session shown</source>
            <translation>De getoonde sessie op afstand stoppen</translation>
        </message>
        <message>
            <source>Connector:</source>
            <translation>Connector:</translation>
        </message>
        <message>
            <source>Id tag:</source>
            <translation>ID-tag:</translation>
        </message>
        <message>
            <source>Running:</source>
            <translation>Loopt:</translation>
        </message>
        <message>
            <source>Charge limit</source>
            <translation>Laadlimiet</translation>
        </message>
        <message>
            <source>Limit applies to</source>
            <translation>Limiet geldt voor</translation>
        </message>
        <message>
            <source>Limit in amperes</source>
            <translation>Limiet in ampère</translation>
        </message>
        <message>
            <source>Set limit…</source>
            <translation>Limiet instellen…</translation>
        </message>
        <message>
            <source>Cap the charging current</source>
            <translation>De laadstroom begrenzen</translation>
        </message>
        <message>
            <source>Clear limit…</source>
            <translation>Limiet opheffen…</translation>
        </message>
        <message>
            <source>Lift the limit back to the charger's maximum current</source>
            <translation>De limiet terugzetten naar de maximale stroom van de laadpaal</translation>
        </message>
        <message>
            <source>Applies to:</source>
            <translation>Geldt voor:</translation>
        </message>
        <message>
            <source>Current:</source>
            <translation>Stroom:</translation>
        </message>
        <message>
            <source>Plug &amp;&amp; Charge</source>
            <translation>Plug &amp;&amp; Charge</translation>
        </message>
        <message>
            <source>On</source>
            <translation>Aan</translation>
        </message>
        <message>
            <source>card UID it bills</source>
            <translation>UID van de pas die betaalt</translation>
        </message>
        <message>
            <source>Plug and Charge card</source>
            <translation>Plug &amp; Charge-pas</translation>
        </message>
        <message>
            <source>Apply…</source>
            <translation>Toepassen…</translation>
        </message>
        <message>
            <source>Turn Plug &amp; Charge on or off</source>
            <translation>Plug &amp; Charge aan- of uitzetten</translation>
        </message>
        <message>
            <source>Plug &amp;&amp; Charge:</source>
            <translation>Plug &amp;&amp; Charge:</translation>
        </message>
        <message>
            <source>Card:</source>
            <translation>Pas:</translation>
        </message>
        <message>
            <source>Now:</source>
            <translation>Nu:</translation>
        </message>
        <message>
            <source>Public charging</source>
            <translation>Openbaar laden</translation>
        </message>
        <message>
            <source>Price per kWh</source>
            <translation>Prijs per kWh</translation>
        </message>
        <message>
            <source>Start fee</source>
            <translation>Starttarief</translation>
        </message>
        <message>
            <source>Copy</source>
            <translation>Kopiëren</translation>
        </message>
        <message>
            <source>Copy the public code</source>
            <translation>De openbare code kopiëren</translation>
        </message>
        <message>
            <source>Copy the public charging URL</source>
            <translation>De URL voor openbaar laden kopiëren</translation>
        </message>
        <message>
            <source>Save the public charging settings</source>
            <translation>De instellingen voor openbaar laden opslaan</translation>
        </message>
        <message>
            <source>Public charging:</source>
            <translation>Openbaar laden:</translation>
        </message>
        <message>
            <source>Price per kWh:</source>
            <translation>Prijs per kWh:</translation>
        </message>
        <message>
            <source>Start fee:</source>
            <translation>Starttarief:</translation>
        </message>
        <message>
            <source>Billing plan:</source>
            <translation>Facturering:</translation>
        </message>
        <message>
            <source>Public code:</source>
            <translation>Openbare code:</translation>
        </message>
        <message>
            <source>URL:</source>
            <translation>URL:</translation>
        </message>
        <message>
            <source>Could not read {what}</source>
            <translation>Kon niet lezen: {what}</translation>
        </message>
        <message>
            <source>Actions on {charger}.</source>
            <translation>Acties op {charger}.</translation>
        </message>
        <message>
            <source>Any free connector</source>
            <translation>Elke vrije connector</translation>
        </message>
        <message>
            <source>Whole charger</source>
            <translation>Hele laadpaal</translation>
        </message>
        <message>
            <source>Connector {number}</source>
            <translation>Connector {number}</translation>
        </message>
        <message>
            <source>Could not read the sessions: {problem}</source>
            <translation>Kon de sessies niet lezen: {problem}</translation>
        </message>
        <message>
            <source>No charging session is running.</source>
            <translation>Er loopt geen laadsessie.</translation>
        </message>
        <message>
            <source>Made unavailable</source>
            <translation>Onbeschikbaar gemaakt</translation>
        </message>
        <message>
            <source>Available to drivers</source>
            <translation>Beschikbaar voor bestuurders</translation>
        </message>
        <message>
            <source>on, card {card}</source>
            <translation>aan, pas {card}</translation>
        </message>
        <message>
            <source>off</source>
            <translation>uit</translation>
        </message>
        <message>
            <source>Select a charger first.</source>
            <translation>Selecteer eerst een laadpaal.</translation>
        </message>
        <message>
            <source>An action is in flight; wait for its reply.</source>
            <translation>Er loopt al een actie; wacht op het antwoord.</translation>
        </message>
        <message>
            <source>It is already unavailable.</source>
            <translation>Hij is al onbeschikbaar.</translation>
        </message>
        <message>
            <source>It is already available.</source>
            <translation>Hij is al beschikbaar.</translation>
        </message>
        <message>
            <source>Enter an id tag.</source>
            <translation>Vul een ID-tag in.</translation>
        </message>
        <message>
            <source>Enter the card UID it bills.</source>
            <translation>Vul de UID in van de pas die betaalt.</translation>
        </message>
        <message>
            <source>Not now: </source>
            <translation>Nu niet: </translation>
        </message>
        <message>
            <source>Checking the charging sessions of {charger}…</source>
            <translation>Laadsessies van {charger} controleren…</translation>
        </message>
        <message>
            <source>{action} of {charger}: not sent (cancelled).</source>
            <translation>{action} van {charger}: niet verzonden (geannuleerd).</translation>
        </message>
        <message>
            <source>An action is already in flight for this charger.</source>
            <translation>Er loopt al een actie voor deze laadpaal.</translation>
        </message>
        <message>
            <source>Sending to {charger}… waiting for the charger's reply.</source>
            <translation>Verzenden naar {charger}… wachten op het antwoord van de laadpaal.</translation>
        </message>
        <message>
            <source>Watching the charger for the effect…</source>
            <translation>De laadpaal wordt gevolgd tot het effect zichtbaar is…</translation>
        </message>
    </context>
    <context>
        <name>AlertText</name>
        <message>
            <source>{charger} connector {connector} faulted</source>
            <translation>{charger}: aansluiting {connector} in storing</translation>
        </message>
        <message>
            <source>{charger} faulted</source>
            <translation>{charger} in storing</translation>
        </message>
        <message>
            <source>{charger} is offline</source>
            <translation>{charger} is offline</translation>
        </message>
        <message>
            <source>{charger} stopped reporting</source>
            <translation>{charger} meldt zich niet meer</translation>
        </message>
        <message>
            <source>Offline since an unknown time</source>
            <translation>Offline sinds een onbekend tijdstip</translation>
        </message>
        <message>
            <source>Offline for {duration}</source>
            <translation>Al {duration} offline</translation>
        </message>
        <message>
            <source>No heartbeat for {duration}</source>
            <translation>Al {duration} geen heartbeat</translation>
        </message>
        <message>
            <source>Faulted (no error code)</source>
            <translation>Storing (geen foutcode)</translation>
        </message>
        <message>
            <source>{error} ({info})</source>
            <translation>{error} ({info})</translation>
        </message>
        <message>
            <source>{charger} connector {connector}: fault cleared</source>
            <translation>{charger}: storing aansluiting {connector} opgeheven</translation>
        </message>
        <message>
            <source>{charger}: fault cleared</source>
            <translation>{charger}: storing opgeheven</translation>
        </message>
        <message>
            <source>{charger} is back online</source>
            <translation>{charger} is weer online</translation>
        </message>
        <message>
            <source>{charger} is reporting again</source>
            <translation>{charger} meldt zich weer</translation>
        </message>
        <message>
            <source>{error} cleared after {duration}.</source>
            <translation>{error} opgeheven na {duration}.</translation>
        </message>
        <message>
            <source>The fault cleared after {duration}.</source>
            <translation>De storing is na {duration} opgeheven.</translation>
        </message>
        <message>
            <source>Offline for {duration}.</source>
            <translation>{duration} offline geweest.</translation>
        </message>
        <message>
            <source>Silent for {duration}.</source>
            <translation>{duration} stil geweest.</translation>
        </message>
        <message numerus="yes">
            <source>%n chargers need attention</source>
            <translation>
                <numerusform>%n laadpaal vraagt aandacht</numerusform>
                <numerusform>%n laadpalen vragen aandacht</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n chargers recovered</source>
            <translation>
                <numerusform>%n laadpaal hersteld</numerusform>
                <numerusform>%n laadpalen hersteld</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{names} and %n more chargers</source>
            <translation>
                <numerusform>{names} en nog %n laadpaal</numerusform>
                <numerusform>{names} en nog %n laadpalen</numerusform>
            </translation>
        </message>
        <message>
            <source>{counts}: {names}</source>
            <translation>{counts}: {names}</translation>
        </message>
        <message numerus="yes">
            <source>%n chargers faulted</source>
            <translation>
                <numerusform>%n laadpaal in storing</numerusform>
                <numerusform>%n laadpalen in storing</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n chargers no longer faulted</source>
            <translation>
                <numerusform>%n laadpaal niet meer in storing</numerusform>
                <numerusform>%n laadpalen niet meer in storing</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n chargers offline</source>
            <translation>
                <numerusform>%n laadpaal offline</numerusform>
                <numerusform>%n laadpalen offline</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n chargers back online</source>
            <translation>
                <numerusform>%n laadpaal weer online</numerusform>
                <numerusform>%n laadpalen weer online</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n chargers stopped reporting</source>
            <translation>
                <numerusform>%n laadpaal meldt zich niet meer</numerusform>
                <numerusform>%n laadpalen melden zich niet meer</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n chargers reporting again</source>
            <translation>
                <numerusform>%n laadpaal meldt zich weer</numerusform>
                <numerusform>%n laadpalen melden zich weer</numerusform>
            </translation>
        </message>
        <message>
            <source>Fault notifications are off</source>
            <translation>Meldingen over storingen staan uit</translation>
        </message>
        <message>
            <source>Offline notifications are off</source>
            <translation>Meldingen over offline laadpalen staan uit</translation>
        </message>
        <message>
            <source>Stale notifications are off</source>
            <translation>Meldingen over verouderde gegevens staan uit</translation>
        </message>
        <message>
            <source>Resolved notifications are off</source>
            <translation>Meldingen over opgeloste problemen staan uit</translation>
        </message>
        <message>
            <source>Notifications paused until {time}</source>
            <translation>Meldingen gepauzeerd tot {time}</translation>
        </message>
        <message>
            <source>Charger muted until resolved</source>
            <translation>Laadpaal gedempt tot opgelost</translation>
        </message>
        <message>
            <source>Charger muted until {time}</source>
            <translation>Laadpaal gedempt tot {time}</translation>
        </message>
        <message>
            <source>Quiet hours</source>
            <translation>Stille uren</translation>
        </message>
    </context>
    <context>
        <name>Alerts</name>
        <message>
            <source>Pop-ups muted until its incidents resolve</source>
            <translation>Pop-ups gedempt tot de incidenten zijn opgelost</translation>
        </message>
        <message>
            <source>Pop-ups muted until {time}</source>
            <translation>Pop-ups gedempt tot {time}</translation>
        </message>
    </context>
    <context>
        <name>AppStatusBar</name>
        <message>
            <source>Not signed in</source>
            <translation>Niet aangemeld</translation>
        </message>
        <message>
            <source>Signed-in user</source>
            <translation>Aangemelde gebruiker</translation>
        </message>
        <message>
            <source>API host</source>
            <translation>API-server</translation>
        </message>
        <message>
            <source>Not refreshed yet</source>
            <translation>Nog niet vernieuwd</translation>
        </message>
        <message>
            <source>Last refresh</source>
            <translation>Laatste vernieuwing</translation>
        </message>
        <message>
            <source>Request budget</source>
            <translation>Verzoekbudget</translation>
        </message>
        <message>
            <source>Requests sent in the last minute / the API's limit</source>
            <translation>Verzoeken in de afgelopen minuut / de limiet van de API</translation>
        </message>
        <message>
            <source>Refreshing…</source>
            <translation>Vernieuwen…</translation>
        </message>
        <message>
            <source>Refresh failed · data from {age}</source>
            <translation>Vernieuwen mislukt · gegevens van {age}</translation>
        </message>
        <message>
            <source>Refresh failed</source>
            <translation>Vernieuwen mislukt</translation>
        </message>
        <message>
            <source>Updated {age}</source>
            <translation>Bijgewerkt {age}</translation>
        </message>
        <message>
            <source>API {used}/{limit} per min</source>
            <translation>API {used}/{limit} per min</translation>
        </message>
    </context>
    <context>
        <name>ChartCard</name>
        <message>
            <source>Copy or save this chart</source>
            <translation>Deze grafiek kopiëren of opslaan</translation>
        </message>
        <message>
            <source>{title}: copy or save</source>
            <translation>{title}: kopiëren of opslaan</translation>
        </message>
        <message>
            <source>Copy</source>
            <translation>Kopiëren</translation>
        </message>
        <message>
            <source>Save as PNG…</source>
            <translation>Opslaan als PNG…</translation>
        </message>
        <message>
            <source>Save as SVG…</source>
            <translation>Opslaan als SVG…</translation>
        </message>
        <message>
            <source>Save chart as {kind}</source>
            <translation>Grafiek opslaan als {kind}</translation>
        </message>
        <message>
            <source>Chart not saved</source>
            <translation>Grafiek niet opgeslagen</translation>
        </message>
        <message>
            <source>Could not save {path}: {problem}.</source>
            <translation>Kon {path} niet opslaan: {problem}.</translation>
        </message>
    </context>
    <context>
        <name>ConnectionBanner</name>
        <message>
            <source>Token rejected — sign in again</source>
            <translation>Token geweigerd — meld u opnieuw aan</translation>
        </message>
        <message>
            <source>Not signed in — sign in to see your chargers</source>
            <translation>Niet aangemeld — meld u aan om uw laadpalen te zien</translation>
        </message>
        <message>
            <source>Connection problem</source>
            <translation>Verbindingsprobleem</translation>
        </message>
        <message>
            <source>Retry now</source>
            <translation>Nu opnieuw proberen</translation>
        </message>
        <message>
            <source>Sign in…</source>
            <translation>Aanmelden…</translation>
        </message>
        <message>
            <source>Cannot reach the Plugchoice API — showing data from {time}, marked stale</source>
            <translation>Plugchoice-API niet bereikbaar — gegevens van {time} getoond, gemarkeerd als verouderd</translation>
        </message>
        <message>
            <source>Cannot reach the Plugchoice API — showing data marked stale</source>
            <translation>Plugchoice-API niet bereikbaar — gegevens getoond, gemarkeerd als verouderd</translation>
        </message>
        <message>
            <source>The last refresh failed — showing data from {time}, marked stale</source>
            <translation>De laatste vernieuwing is mislukt — gegevens van {time} getoond, gemarkeerd als verouderd</translation>
        </message>
        <message>
            <source>The last refresh failed — showing data marked stale</source>
            <translation>De laatste vernieuwing is mislukt — gegevens getoond, gemarkeerd als verouderd</translation>
        </message>
    </context>
    <context>
        <name>ConnectorsModel</name>
        <message>
            <source>Connector</source>
            <translation>Connector</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Error</source>
            <translation>Fout</translation>
        </message>
        <message>
            <source>Power type</source>
            <translation>Stroomsoort</translation>
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
            <translation>Standaard</translation>
        </message>
        <message>
            <source>Power (last reading)</source>
            <translation>Vermogen (laatste)</translation>
        </message>
        <message>
            <source>AC 1-phase</source>
            <translation>AC 1-fase</translation>
        </message>
        <message>
            <source>AC 3-phase</source>
            <translation>AC 3-fase</translation>
        </message>
    </context>
    <context>
        <name>Credentials</name>
        <message>
            <source>Your system has no password store; the token will be forgotten when PlugDesk quits.</source>
            <translation>Uw systeem heeft geen wachtwoordopslag; het token wordt vergeten wanneer PlugDesk stopt.</translation>
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
            <translation>Gezondheid</translation>
        </message>
        <message>
            <source>Site</source>
            <translation>Locatie</translation>
        </message>
        <message>
            <source>OCPP status</source>
            <translation>OCPP-status</translation>
        </message>
        <message>
            <source>Error</source>
            <translation>Fout</translation>
        </message>
        <message>
            <source>Error info</source>
            <translation>Foutinformatie</translation>
        </message>
        <message>
            <source>Vendor ID</source>
            <translation>Leveranciers-ID</translation>
        </message>
        <message>
            <source>Vendor error</source>
            <translation>Leveranciersfout</translation>
        </message>
        <message>
            <source>Blocked</source>
            <translation>Geblokkeerd</translation>
        </message>
        <message>
            <source>Setup</source>
            <translation>Installatie</translation>
        </message>
        <message>
            <source>Connectivity</source>
            <translation>Verbinding</translation>
        </message>
        <message>
            <source>Connection</source>
            <translation>Verbinding</translation>
        </message>
        <message>
            <source>Last heartbeat</source>
            <translation>Laatste heartbeat</translation>
        </message>
        <message>
            <source>Connected</source>
            <translation>Verbonden</translation>
        </message>
        <message>
            <source>Disconnected</source>
            <translation>Verbroken</translation>
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
            <translation>Model</translation>
        </message>
        <message>
            <source>DC</source>
            <translation>DC</translation>
        </message>
        <message>
            <source>Max current</source>
            <translation>Max. stroom</translation>
        </message>
        <message>
            <source>Model ID</source>
            <translation>Model-ID</translation>
        </message>
        <message>
            <source>Charger ID</source>
            <translation>Laadpaal-ID</translation>
        </message>
        <message>
            <source>Added</source>
            <translation>Toegevoegd</translation>
        </message>
        <message>
            <source>Updated</source>
            <translation>Bijgewerkt</translation>
        </message>
        <message>
            <source>Firmware</source>
            <translation>Firmware</translation>
        </message>
        <message>
            <source>Version</source>
            <translation>Versie</translation>
        </message>
        <message>
            <source>Parsed</source>
            <translation>Herkend</translation>
        </message>
        <message>
            <source>Licenses</source>
            <translation>Licenties</translation>
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
            <translation>Rechten</translation>
        </message>
        <message>
            <source>Basic</source>
            <translation>Basis</translation>
        </message>
        <message>
            <source>Sensitive</source>
            <translation>Gevoelig</translation>
        </message>
        <message>
            <source>Full</source>
            <translation>Volledig</translation>
        </message>
        <message>
            <source>PIN code</source>
            <translation>Pincode</translation>
        </message>
        <message>
            <source>Pending</source>
            <translation>In behandeling</translation>
        </message>
        <message>
            <source>Completed</source>
            <translation>Voltooid</translation>
        </message>
        <message>
            <source>Not completed</source>
            <translation>Niet voltooid</translation>
        </message>
        <message>
            <source>Set (hidden)</source>
            <translation>Ingesteld (verborgen)</translation>
        </message>
        <message>
            <source>{reading}, time unknown</source>
            <translation>{reading}, tijd onbekend</translation>
        </message>
        <message>
            <source>Last reading {reading}, {age}</source>
            <translation>Laatste meting {reading}, {age}</translation>
        </message>
        <message>
            <source>Reading taken {time} (the last sample stored)</source>
            <translation>Meting van {time} (de laatst opgeslagen meting)</translation>
        </message>
        <message>
            <source>Select a charger in the list to see its details.</source>
            <translation>Selecteer een laadpaal in de lijst om de details te zien.</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>Details</translation>
        </message>
        <message>
            <source>Connectors</source>
            <translation>Connectoren</translation>
        </message>
        <message>
            <source>Copy identity</source>
            <translation>Identiteit kopiëren</translation>
        </message>
        <message>
            <source>Copy the charger's identity to the clipboard</source>
            <translation>De identiteit van de laadpaal naar het klembord kopiëren</translation>
        </message>
        <message>
            <source>Copy UUID</source>
            <translation>UUID kopiëren</translation>
        </message>
        <message>
            <source>Copy the charger's UUID to the clipboard</source>
            <translation>De UUID van de laadpaal naar het klembord kopiëren</translation>
        </message>
        <message>
            <source>Rename…</source>
            <translation>Hernoemen…</translation>
        </message>
        <message>
            <source>Change the charger's reference (its name in PlugDesk)</source>
            <translation>De referentie van de laadpaal wijzigen (de naam in PlugDesk)</translation>
        </message>
        <message>
            <source>{label}:</source>
            <translation>{label}:</translation>
        </message>
        <message>
            <source>Loading connectors…</source>
            <translation>Connectoren laden…</translation>
        </message>
        <message>
            <source>Could not load connectors: {message}</source>
            <translation>Connectoren konden niet worden geladen: {message}</translation>
        </message>
        <message>
            <source>unavailable ({error})</source>
            <translation>niet beschikbaar ({error})</translation>
        </message>
        <message>
            <source>not current — last refresh failed</source>
            <translation>niet actueel — laatste vernieuwing mislukt</translation>
        </message>
        <message>
            <source>Health: {level}</source>
            <translation>Gezondheid: {level}</translation>
        </message>
        <message>
            <source>This charger reports no connectors.</source>
            <translation>Deze laadpaal meldt geen connectoren.</translation>
        </message>
        <message>
            <source>Power readings are fetched while the charger is online.</source>
            <translation>Vermogensmetingen worden opgehaald zolang de laadpaal online is.</translation>
        </message>
    </context>
    <context>
        <name>ErrorDialog</name>
        <message>
            <source>Something went wrong</source>
            <translation>Er ging iets mis</translation>
        </message>
        <message>
            <source>PlugDesk kept running; you can carry on. If this keeps happening, please report it with the details below.</source>
            <translation>PlugDesk draait gewoon door; u kunt verder werken. Gebeurt dit vaker, meld het dan met de details hieronder.</translation>
        </message>
        <message>
            <source>The details are also in the log file:</source>
            <translation>De details staan ook in het logbestand:</translation>
        </message>
        <message numerus="yes">
            <source>An unexpected error occurred (%n errors since this window opened).</source>
            <translation>
                <numerusform>Er is een onverwachte fout opgetreden (%n fout sinds dit venster openging).</numerusform>
                <numerusform>Er is een onverwachte fout opgetreden (%n fouten sinds dit venster openging).</numerusform>
            </translation>
        </message>
        <message>
            <source>An unexpected error occurred.</source>
            <translation>Er is een onverwachte fout opgetreden.</translation>
        </message>
    </context>
    <context>
        <name>EventsModel</name>
        <message>
            <source>State</source>
            <translation>Toestand</translation>
        </message>
        <message>
            <source>Charger</source>
            <translation>Laadpaal</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Soort</translation>
        </message>
        <message>
            <source>Error code</source>
            <translation>Foutcode</translation>
        </message>
        <message>
            <source>Info</source>
            <translation>Info</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>Gesloten</translation>
        </message>
        <message>
            <source>Lasted</source>
            <translation>Duurde</translation>
        </message>
        <message>
            <source>Began</source>
            <translation>Begonnen</translation>
        </message>
        <message>
            <source>Ended</source>
            <translation>Beëindigd</translation>
        </message>
        <message>
            <source>Faulted {age}</source>
            <translation>Storing {age}</translation>
        </message>
        <message>
            <source>Went offline {age}</source>
            <translation>Offline gegaan {age}</translation>
        </message>
        <message>
            <source>Went quiet {age}</source>
            <translation>Stil gevallen {age}</translation>
        </message>
        <message>
            <source>Seen {age}</source>
            <translation>Gezien {age}</translation>
        </message>
        <message>
            <source>alert in {left}</source>
            <translation>melding over {left}</translation>
        </message>
        <message>
            <source>alert due now</source>
            <translation>melding volgt nu</translation>
        </message>
        <message>
            <source>Sent</source>
            <translation>Verzonden</translation>
        </message>
        <message>
            <source>Pending</source>
            <translation>In afwachting</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Open</translation>
        </message>
        <message>
            <source>Connector {number}: {error}</source>
            <translation>Aansluiting {number}: {error}</translation>
        </message>
        <message>
            <source>First seen {seen}; if it lasts, it opens an incident and alerts at {alert}</source>
            <translation>Eerst gezien {seen}; als het aanhoudt, wordt het een incident met een melding om {alert}</translation>
        </message>
        <message>
            <source>First seen {seen}
Alerted {alerted} (after the grace period)</source>
            <translation>Eerst gezien {seen}
Gemeld {alerted} (na de wachttijd)</translation>
        </message>
        <message>
            <source>First seen cleared {time}</source>
            <translation>Voor het eerst verholpen gezien {time}</translation>
        </message>
    </context>
    <context>
        <name>EventsPane</name>
        <message>
            <source>No problems so far. A problem shows here as soon as a refresh sees it, marked “Pending” while its grace period runs (2 min for faults, 5 min for offline by default; see Settings); only a problem that lasts becomes an incident and alerts.</source>
            <translation>Tot nu toe geen problemen. Een probleem verschijnt hier zodra een vernieuwing het ziet, gemarkeerd als “In afwachting” zolang de wachttijd loopt (standaard 2 min bij storingen, 5 min bij offline; zie Instellingen); alleen een probleem dat aanhoudt wordt een incident en geeft een melding.</translation>
        </message>
        <message>
            <source>Filter by charger: identity, reference or UUID</source>
            <translation>Filteren op laadpaal: identiteit, referentie of UUID</translation>
        </message>
        <message>
            <source>Filter events by charger</source>
            <translation>Gebeurtenissen filteren op laadpaal</translation>
        </message>
        <message>
            <source>Kind of event</source>
            <translation>Soort gebeurtenis</translation>
        </message>
        <message>
            <source>All kinds</source>
            <translation>Alle soorten</translation>
        </message>
        <message>
            <source>Open or closed</source>
            <translation>Open of gesloten</translation>
        </message>
        <message>
            <source>Open and closed</source>
            <translation>Open en gesloten</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Open</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>Gesloten</translation>
        </message>
        <message>
            <source>Export CSV…</source>
            <translation>CSV exporteren…</translation>
        </message>
        <message>
            <source>Save the events shown (with the filters) as CSV</source>
            <translation>De getoonde gebeurtenissen (met de filters) opslaan als CSV</translation>
        </message>
        <message>
            <source>Events</source>
            <translation>Gebeurtenissen</translation>
        </message>
        <message>
            <source>Export events</source>
            <translation>Gebeurtenissen exporteren</translation>
        </message>
        <message>
            <source>Could not export the events: {problem}</source>
            <translation>Kon de gebeurtenissen niet exporteren: {problem}</translation>
        </message>
        <message numerus="yes">
            <source>Exported %n events to {path}</source>
            <translation>
                <numerusform>%n gebeurtenis geëxporteerd naar {path}</numerusform>
                <numerusform>%n gebeurtenissen geëxporteerd naar {path}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n events</source>
            <translation>
                <numerusform>%n gebeurtenis</numerusform>
                <numerusform>%n gebeurtenissen</numerusform>
            </translation>
        </message>
        <message>
            <source>{shown} of {total}</source>
            <translation>{shown} van {total}</translation>
        </message>
        <message>
            <source>Show {name} in Chargers</source>
            <translation>{name} tonen bij Laadpalen</translation>
        </message>
        <message>
            <source>Show log</source>
            <translation>Logboek tonen</translation>
        </message>
        <message>
            <source>The charger's OCPP log at the start of this event</source>
            <translation>Het OCPP-logboek van de laadpaal bij het begin van deze gebeurtenis</translation>
        </message>
        <message>
            <source>{name} unmuted</source>
            <translation>Dempen van {name} opgeheven</translation>
        </message>
        <message>
            <source>Mute for 1 hour</source>
            <translation>1 uur dempen</translation>
        </message>
        <message>
            <source>{name} muted for 1 hour</source>
            <translation>{name} 1 uur gedempt</translation>
        </message>
        <message>
            <source>Mute for 24 hours</source>
            <translation>24 uur dempen</translation>
        </message>
        <message>
            <source>{name} muted for 24 hours</source>
            <translation>{name} 24 uur gedempt</translation>
        </message>
        <message>
            <source>Mute until resolved</source>
            <translation>Dempen tot opgelost</translation>
        </message>
        <message>
            <source>{name} muted until its incidents resolve</source>
            <translation>{name} gedempt tot de incidenten zijn opgelost</translation>
        </message>
        <message>
            <source>Unmute (muted until resolved)</source>
            <translation>Dempen opheffen (gedempt tot opgelost)</translation>
        </message>
        <message>
            <source>Unmute (muted until {time})</source>
            <translation>Dempen opheffen (gedempt tot {time})</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <source>any</source>
            <translation>geen</translation>
        </message>
        <message>
            <source>All</source>
            <translation>Alle</translation>
        </message>
        <message>
            <source>Active only</source>
            <translation>Alleen actieve</translation>
        </message>
        <message>
            <source>Finished only</source>
            <translation>Alleen beëindigde</translation>
        </message>
        <message>
            <source>This month</source>
            <translation>Deze maand</translation>
        </message>
        <message>
            <source>Last month</source>
            <translation>Vorige maand</translation>
        </message>
        <message>
            <source>This year</source>
            <translation>Dit jaar</translation>
        </message>
        <message>
            <source>All time</source>
            <translation>Alles</translation>
        </message>
        <message>
            <source>Custom</source>
            <translation>Aangepast</translation>
        </message>
        <message>
            <source>Export transactions</source>
            <translation>Transacties exporteren</translation>
        </message>
        <message>
            <source>Chargers</source>
            <translation>Laadpalen</translation>
        </message>
        <message>
            <source>Selected charger: {name}</source>
            <translation>Geselecteerde laadpaal: {name}</translation>
        </message>
        <message>
            <source>Selected charger (none selected)</source>
            <translation>Geselecteerde laadpaal (geen geselecteerd)</translation>
        </message>
        <message>
            <source>Chosen chargers:</source>
            <translation>Gekozen laadpalen:</translation>
        </message>
        <message>
            <source>All chargers ({count} known)</source>
            <translation>Alle laadpalen ({count} bekend)</translation>
        </message>
        <message>
            <source>The list is read fresh from Plugchoice when the export starts.</source>
            <translation>De lijst wordt opnieuw bij Plugchoice opgehaald als de export begint.</translation>
        </message>
        <message>
            <source>Filter chargers</source>
            <translation>Laadpalen filteren</translation>
        </message>
        <message>
            <source>Chargers to export</source>
            <translation>Te exporteren laadpalen</translation>
        </message>
        <message>
            <source>Check shown</source>
            <translation>Getoonde aanvinken</translation>
        </message>
        <message>
            <source>Uncheck all</source>
            <translation>Alles uitvinken</translation>
        </message>
        <message>
            <source>Transactions</source>
            <translation>Transacties</translation>
        </message>
        <message>
            <source>Period</source>
            <translation>Periode</translation>
        </message>
        <message>
            <source>From</source>
            <translation>Van</translation>
        </message>
        <message>
            <source>To</source>
            <translation>Tot</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>to</source>
            <translation>tot</translation>
        </message>
        <message>
            <source>Transactions that started on or after “From” and stopped on or before “To”. “{any}” means no limit.</source>
            <translation>Transacties die op of na „Van” zijn gestart en op of vóór „Tot” zijn gestopt. „{any}” betekent geen grens.</translation>
        </message>
        <message>
            <source>File</source>
            <translation>Bestand</translation>
        </message>
        <message>
            <source>Excel (XLSX)</source>
            <translation>Excel (XLSX)</translation>
        </message>
        <message>
            <source>this computer</source>
            <translation>deze computer</translation>
        </message>
        <message>
            <source>Local time ({zone})</source>
            <translation>Lokale tijd ({zone})</translation>
        </message>
        <message>
            <source>Time zone</source>
            <translation>Tijdzone</translation>
        </message>
        <message>
            <source>Comma ( , )</source>
            <translation>Komma ( , )</translation>
        </message>
        <message>
            <source>Semicolon ( ; ) for Excel in many European locales</source>
            <translation>Puntkomma ( ; ) voor Excel in veel Europese landinstellingen</translation>
        </message>
        <message>
            <source>CSV delimiter</source>
            <translation>CSV-scheidingsteken</translation>
        </message>
        <message>
            <source>Save to</source>
            <translation>Opslaan in</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>Bladeren…</translation>
        </message>
        <message>
            <source>Format</source>
            <translation>Formaat</translation>
        </message>
        <message>
            <source>Times in</source>
            <translation>Tijden in</translation>
        </message>
        <message>
            <source>Delimiter</source>
            <translation>Scheidingsteken</translation>
        </message>
        <message>
            <source>Files keep machine formats in every language: ISO dates and times (2026-05-09T10:11:12+00:00) and a dot as the decimal mark, also with ;.</source>
            <translation>Bestanden houden in elke taal machineformaten: ISO-datums en -tijden (2026-05-09T10:11:12+00:00) en een punt als decimaalteken, ook bij ;.</translation>
        </message>
        <message>
            <source>Export status</source>
            <translation>Status van de export</translation>
        </message>
        <message>
            <source>Export progress</source>
            <translation>Voortgang van de export</translation>
        </message>
        <message>
            <source>Chargers that failed</source>
            <translation>Mislukte laadpalen</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>Exporteren</translation>
        </message>
        <message>
            <source>Open folder</source>
            <translation>Map openen</translation>
        </message>
        <message>
            <source>Continue in background</source>
            <translation>Op de achtergrond doorgaan</translation>
        </message>
        <message>
            <source>Hide this dialog; the status bar shows the progress, with Cancel and Show</source>
            <translation>Dit venster verbergen; de statusbalk toont de voortgang, met Annuleren en Tonen</translation>
        </message>
        <message>
            <source>The start date {start} is after the end date {end}.</source>
            <translation>De begindatum {start} ligt na de einddatum {end}.</translation>
        </message>
        <message>
            <source>Tick at least one charger to export.</source>
            <translation>Vink minstens één laadpaal aan om te exporteren.</translation>
        </message>
        <message>
            <source>No charger is selected in the window; choose chargers here instead.</source>
            <translation>Er is geen laadpaal geselecteerd in het venster; kies hier laadpalen.</translation>
        </message>
        <message>
            <source>Choose where to save the export.</source>
            <translation>Kies waar de export wordt opgeslagen.</translation>
        </message>
        <message>
            <source>{count} of {total} ticked</source>
            <translation>{count} van {total} aangevinkt</translation>
        </message>
        <message>
            <source>XLSX files have no delimiter.</source>
            <translation>XLSX-bestanden hebben geen scheidingsteken.</translation>
        </message>
        <message>
            <source>CSV files (*.csv)</source>
            <translation>CSV-bestanden (*.csv)</translation>
        </message>
        <message>
            <source>Excel workbooks (*.xlsx)</source>
            <translation>Excel-werkmappen (*.xlsx)</translation>
        </message>
        <message>
            <source>Export transactions to</source>
            <translation>Transacties exporteren naar</translation>
        </message>
        <message>
            <source>{name} exists; it is replaced only when the export completes.</source>
            <translation>{name} bestaat al; het wordt pas vervangen als de export voltooid is.</translation>
        </message>
        <message>
            <source>Cancelling…</source>
            <translation>Annuleren…</translation>
        </message>
        <message>
            <source>Cancel export</source>
            <translation>Export annuleren</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Sluiten</translation>
        </message>
        <message>
            <source>Listing chargers… {count} so far.</source>
            <translation>Laadpalen ophalen… {count} tot nu toe.</translation>
        </message>
        <message>
            <source>Listing chargers…</source>
            <translation>Laadpalen ophalen…</translation>
        </message>
        <message>
            <source>{done} of {total} chargers</source>
            <translation>{done} van {total} laadpalen</translation>
        </message>
        <message>
            <source>Exporting… {count} transactions written so far.</source>
            <translation>Exporteren… tot nu toe {count} transacties geschreven.</translation>
        </message>
        <message numerus="yes">
            <source>%n transactions, {kwh} kWh, from {chargers}.</source>
            <translation>
                <numerusform>%n transactie, {kwh} kWh, van {chargers}.</numerusform>
                <numerusform>%n transacties, {kwh} kWh, van {chargers}.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n chargers</source>
            <translation>
                <numerusform>%n laadpaal</numerusform>
                <numerusform>%n laadpalen</numerusform>
            </translation>
        </message>
        <message>
            <source>Export complete.</source>
            <translation>Export voltooid.</translation>
        </message>
        <message>
            <source>Saved to {path}</source>
            <translation>Opgeslagen in {path}</translation>
        </message>
        <message>
            <source>Export failed.</source>
            <translation>Export mislukt.</translation>
        </message>
        <message>
            <source>No file was written; an existing file with that name was left as it was.</source>
            <translation>Er is geen bestand geschreven; een bestaand bestand met die naam is ongewijzigd gebleven.</translation>
        </message>
        <message numerus="yes">
            <source>%n more chargers were not tried.</source>
            <translation>
                <numerusform>Nog %n laadpaal is niet geprobeerd.</numerusform>
                <numerusform>Nog %n laadpalen zijn niet geprobeerd.</numerusform>
            </translation>
        </message>
        <message>
            <source>Export cancelled. No file was written.</source>
            <translation>Export geannuleerd. Er is geen bestand geschreven.</translation>
        </message>
    </context>
    <context>
        <name>ExportProgress</name>
        <message>
            <source>Export progress</source>
            <translation>Voortgang van de export</translation>
        </message>
        <message>
            <source>Show</source>
            <translation>Tonen</translation>
        </message>
        <message>
            <source>Show the export dialog</source>
            <translation>Het exportvenster tonen</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Annuleren</translation>
        </message>
        <message>
            <source>Cancel the export; no file is written</source>
            <translation>De export annuleren; er wordt geen bestand geschreven</translation>
        </message>
        <message>
            <source>Export failed: nothing was written</source>
            <translation>Export mislukt: er is niets geschreven</translation>
        </message>
        <message>
            <source>Export cancelled</source>
            <translation>Export geannuleerd</translation>
        </message>
        <message>
            <source>Export: listing chargers…</source>
            <translation>Export: laadpalen ophalen…</translation>
        </message>
        <message>
            <source>Export: listing chargers… {done} so far</source>
            <translation>Export: laadpalen ophalen… tot nu toe {done}</translation>
        </message>
        <message>
            <source>Export: {done} of {total} chargers</source>
            <translation>Export: {done} van {total} laadpalen</translation>
        </message>
        <message numerus="yes">
            <source>%n transactions written so far</source>
            <translation>
                <numerusform>tot nu toe %n transactie geschreven</numerusform>
                <numerusform>tot nu toe %n transacties geschreven</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Export complete: %n transactions saved</source>
            <translation>
                <numerusform>Export voltooid: %n transactie opgeslagen</numerusform>
                <numerusform>Export voltooid: %n transacties opgeslagen</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Export complete: %n transactions saved to {file}</source>
            <translation>
                <numerusform>Export voltooid: %n transactie opgeslagen in {file}</numerusform>
                <numerusform>Export voltooid: %n transacties opgeslagen in {file}</numerusform>
            </translation>
        </message>
        <message>
            <source>Export: cancelling…</source>
            <translation>Export: annuleren…</translation>
        </message>
    </context>
    <context>
        <name>FleetTableModel</name>
        <message>
            <source>Identity</source>
            <translation>Identiteit</translation>
        </message>
        <message>
            <source>Reference</source>
            <translation>Referentie</translation>
        </message>
        <message>
            <source>Health</source>
            <translation>Gezondheid</translation>
        </message>
        <message>
            <source>Connection</source>
            <translation>Verbinding</translation>
        </message>
        <message>
            <source>OCPP status</source>
            <translation>OCPP-status</translation>
        </message>
        <message>
            <source>Error</source>
            <translation>Fout</translation>
        </message>
        <message>
            <source>Model</source>
            <translation>Model</translation>
        </message>
        <message>
            <source>Firmware</source>
            <translation>Firmware</translation>
        </message>
        <message>
            <source>Last heartbeat</source>
            <translation>Laatste heartbeat</translation>
        </message>
        <message>
            <source>Site</source>
            <translation>Locatie</translation>
        </message>
        <message>
            <source>Muted · {health}</source>
            <translation>Gedempt · {health}</translation>
        </message>
        <message>
            <source>Parsed: {version}</source>
            <translation>Herkend: {version}</translation>
        </message>
    </context>
    <context>
        <name>FleetTray</name>
        <message>
            <source>Open PlugDesk</source>
            <translation>PlugDesk openen</translation>
        </message>
        <message>
            <source>Refresh now</source>
            <translation>Nu vernieuwen</translation>
        </message>
        <message>
            <source>Pause notifications for 1 h</source>
            <translation>Meldingen 1 uur pauzeren</translation>
        </message>
        <message>
            <source>Sign out</source>
            <translation>Afmelden</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>Afsluiten</translation>
        </message>
        <message>
            <source>PlugDesk — waiting for the first refresh</source>
            <translation>PlugDesk — wacht op de eerste vernieuwing</translation>
        </message>
        <message>
            <source>Resume notifications (paused until {time})</source>
            <translation>Meldingen hervatten (gepauzeerd tot {time})</translation>
        </message>
    </context>
    <context>
        <name>FleetView</name>
        <message>
            <source>Search identity, reference, model, firmware, error</source>
            <translation>Zoek op identiteit, referentie, model, firmware, fout</translation>
        </message>
        <message>
            <source>Search chargers</source>
            <translation>Laadpalen zoeken</translation>
        </message>
        <message>
            <source>Show {level}</source>
            <translation>{level} tonen</translation>
        </message>
        <message>
            <source>Show all</source>
            <translation>Alle tonen</translation>
        </message>
        <message>
            <source>Chargers</source>
            <translation>Laadpalen</translation>
        </message>
        <message>
            <source>Columns</source>
            <translation>Kolommen</translation>
        </message>
        <message>
            <source>All {count}</source>
            <translation>Alle {count}</translation>
        </message>
        <message numerus="yes">
            <source>%n chargers</source>
            <translation>
                <numerusform>%n laadpaal</numerusform>
                <numerusform>%n laadpalen</numerusform>
            </translation>
        </message>
        <message>
            <source>{shown} of {total} shown</source>
            <translation>{shown} van {total} getoond</translation>
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
            <translation>Nee</translation>
        </message>
        <message>
            <source>{energy} (estimate)</source>
            <translation>{energy} (schatting)</translation>
        </message>
        <message>
            <source>in the future</source>
            <translation>in de toekomst</translation>
        </message>
        <message>
            <source>just now</source>
            <translation>zojuist</translation>
        </message>
        <message>
            <source>{minutes} min ago</source>
            <translation>{minutes} min geleden</translation>
        </message>
        <message>
            <source>{hours} h ago</source>
            <translation>{hours} uur geleden</translation>
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
            <translation>{hours} u {minutes} min</translation>
        </message>
        <message>
            <source>{days} d {hours} h</source>
            <translation>{days} d {hours} u</translation>
        </message>
        <message>
            <source>Less than a minute left</source>
            <translation>Minder dan een minuut te gaan</translation>
        </message>
        <message>
            <source>About {duration} left</source>
            <translation>Nog ongeveer {duration}</translation>
        </message>
    </context>
    <context>
        <name>Health</name>
        <message>
            <source>Fault</source>
            <translation>Storing</translation>
        </message>
        <message>
            <source>Offline</source>
            <translation>Offline</translation>
        </message>
        <message>
            <source>Stale</source>
            <translation>Verouderd</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>Actie</translation>
        </message>
        <message>
            <source>Online</source>
            <translation>Online</translation>
        </message>
        <message>
            <source>Never seen</source>
            <translation>Nooit gezien</translation>
        </message>
        <message>
            <source>Warning</source>
            <translation>Waarschuwing</translation>
        </message>
        <message>
            <source>Unknown</source>
            <translation>Onbekend</translation>
        </message>
        <message>
            <source>Maintenance</source>
            <translation>Onderhoud</translation>
        </message>
        <message>
            <source>OK</source>
            <translation>OK</translation>
        </message>
        <message>
            <source>Never connected to the server</source>
            <translation>Nooit met de server verbonden</translation>
        </message>
        <message>
            <source>Blocked: taken out of service</source>
            <translation>Geblokkeerd: buiten gebruik gesteld</translation>
        </message>
        <message>
            <source>Unavailable (maintenance)</source>
            <translation>Niet beschikbaar (onderhoud)</translation>
        </message>
        <message>
            <source>Working normally</source>
            <translation>Werkt normaal</translation>
        </message>
        <message>
            <source>Unavailable</source>
            <translation>Niet beschikbaar</translation>
        </message>
        <message>
            <source>Offline {duration}</source>
            <translation>Al {duration} offline</translation>
        </message>
        <message>
            <source>No heartbeat for {duration}</source>
            <translation>Al {duration} geen heartbeat</translation>
        </message>
        <message>
            <source>Connector {number}: {error}</source>
            <translation>Aansluiting {number}: {error}</translation>
        </message>
        <message>
            <source> (+{count} more)</source>
            <translation> (+{count} meer)</translation>
        </message>
    </context>
    <context>
        <name>HistoryBanner</name>
        <message>
            <source>Event history problem</source>
            <translation>Probleem met de gebeurtenisgeschiedenis</translation>
        </message>
        <message>
            <source>Dismiss</source>
            <translation>Sluiten</translation>
        </message>
    </context>
    <context>
        <name>IncidentService</name>
        <message>
            <source>Could not record charger incidents: {problem}</source>
            <translation>Kon de incidenten van laadpalen niet vastleggen: {problem}</translation>
        </message>
        <message>
            <source>Data from {time} — the last refresh failed</source>
            <translation>Gegevens van {time} — de laatste verversing is mislukt</translation>
        </message>
        <message>
            <source>The last refresh failed</source>
            <translation>De laatste verversing is mislukt</translation>
        </message>
        <message numerus="yes">
            <source>PlugDesk — %n chargers</source>
            <translation>
                <numerusform>PlugDesk — %n laadpaal</numerusform>
                <numerusform>PlugDesk — %n laadpalen</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n open incidents</source>
            <translation>
                <numerusform>%n open incident</numerusform>
                <numerusform>%n open incidenten</numerusform>
            </translation>
        </message>
        <message>
            <source>Notifications paused until {time}</source>
            <translation>Meldingen gepauzeerd tot {time}</translation>
        </message>
        <message>
            <source>Last known fleet from {time} — not current</source>
            <translation>Laatst bekende laadpalen van {time} — niet actueel</translation>
        </message>
        <message>
            <source>Charger {identity}</source>
            <translation>Laadpaal {identity}</translation>
        </message>
        <message>
            <source>Could not mute the charger: {problem}</source>
            <translation>Kon de laadpaal niet dempen: {problem}</translation>
        </message>
        <message>
            <source>Could not unmute the charger: {problem}</source>
            <translation>Kon het dempen van de laadpaal niet opheffen: {problem}</translation>
        </message>
        <message>
            <source>Could not pause notifications: {problem}</source>
            <translation>Kon de meldingen niet pauzeren: {problem}</translation>
        </message>
        <message>
            <source>Could not resume notifications: {problem}</source>
            <translation>Kon de meldingen niet hervatten: {problem}</translation>
        </message>
    </context>
    <context>
        <name>Insights</name>
        <message>
            <source>This month</source>
            <translation>Deze maand</translation>
        </message>
        <message>
            <source>Last month</source>
            <translation>Vorige maand</translation>
        </message>
        <message>
            <source>Last 30 days</source>
            <translation>Laatste 30 dagen</translation>
        </message>
        <message>
            <source>This year</source>
            <translation>Dit jaar</translation>
        </message>
    </context>
    <context>
        <name>InsightsPane</name>
        <message>
            <source>All sites</source>
            <translation>Alle locaties</translation>
        </message>
        <message>
            <source>Period</source>
            <translation>Periode</translation>
        </message>
        <message>
            <source>Custom…</source>
            <translation>Aangepast…</translation>
        </message>
        <message>
            <source>From</source>
            <translation>Van</translation>
        </message>
        <message>
            <source>To</source>
            <translation>Tot</translation>
        </message>
        <message>
            <source>Site</source>
            <translation>Locatie</translation>
        </message>
        <message>
            <source>Energy per</source>
            <translation>Energie per</translation>
        </message>
        <message>
            <source>Day</source>
            <translation>Dag</translation>
        </message>
        <message>
            <source>Week</source>
            <translation>Week</translation>
        </message>
        <message>
            <source>Month</source>
            <translation>Maand</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>Vernieuwen</translation>
        </message>
        <message>
            <source>Save report…</source>
            <translation>Rapport opslaan…</translation>
        </message>
        <message>
            <source>Choose a period.</source>
            <translation>Kies een periode.</translation>
        </message>
        <message>
            <source>Energy by site</source>
            <translation>Energie per locatie</translation>
        </message>
        <message>
            <source>Sessions per day</source>
            <translation>Sessies per dag</translation>
        </message>
        <message>
            <source>Busiest hours (busy hours per weekday and hour)</source>
            <translation>Drukste uren (bezette uren per weekdag en uur)</translation>
        </message>
        <message>
            <source>Utilisation: the {count} busiest connectors</source>
            <translation>Bezetting: de {count} drukste connectoren</translation>
        </message>
        <message>
            <source>Availability per site</source>
            <translation>Beschikbaarheid per locatie</translation>
        </message>
        <message>
            <source>Ten worst chargers (availability)</source>
            <translation>Tien slechtste laadpalen (beschikbaarheid)</translation>
        </message>
        <message>
            <source>Faults by error code</source>
            <translation>Storingen per foutcode</translation>
        </message>
        <message>
            <source>Faults by model</source>
            <translation>Storingen per model</translation>
        </message>
        <message>
            <source>Faults by firmware</source>
            <translation>Storingen per firmware</translation>
        </message>
        <message>
            <source>The end date is before the start date.</source>
            <translation>De einddatum ligt voor de begindatum.</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>Laden…</translation>
        </message>
        <message>
            <source>&lt;b&gt;{sessions}&lt;/b&gt; sessions · &lt;b&gt;{kwh} kWh&lt;/b&gt; · &lt;b&gt;{hours}&lt;/b&gt; charging hours · {chargers} chargers · {period}</source>
            <translation>&lt;b&gt;{sessions}&lt;/b&gt; sessies · &lt;b&gt;{kwh} kWh&lt;/b&gt; · &lt;b&gt;{hours}&lt;/b&gt; laaduren · {chargers} laadpalen · {period}</translation>
        </message>
        <message>
            <source>{kwh} kWh of sessions that ran past the period's edges is not charted.</source>
            <translation>{kwh} kWh van sessies die buiten de periode liepen staat niet in de grafieken.</translation>
        </message>
        <message>
            <source>Sessions</source>
            <translation>Sessies</translation>
        </message>
        <message>
            <source>sessions</source>
            <translation>sessies</translation>
        </message>
        <message>
            <source>Energy per day by site</source>
            <translation>Energie per dag per locatie</translation>
        </message>
        <message>
            <source>Energy per week by site</source>
            <translation>Energie per week per locatie</translation>
        </message>
        <message>
            <source>Energy per month by site</source>
            <translation>Energie per maand per locatie</translation>
        </message>
        <message>
            <source>No connector was busy in this period.</source>
            <translation>Geen enkele connector was bezet in deze periode.</translation>
        </message>
        <message>
            <source>% of the time busy</source>
            <translation>% van de tijd bezet</translation>
        </message>
        <message>
            <source>{percent} % busy</source>
            <translation>{percent} % bezet</translation>
        </message>
        <message>
            <source>% available</source>
            <translation>% beschikbaar</translation>
        </message>
        <message>
            <source>Every charger was available the whole period
(no fault or offline incident in PlugDesk's history).</source>
            <translation>Elke laadpaal was de hele periode beschikbaar
(geen storings- of offline-incident in de geschiedenis van PlugDesk).</translation>
        </message>
        <message numerus="yes">
            <source>%n incidents</source>
            <translation>
                <numerusform>%n incident</numerusform>
                <numerusform>%n incidenten</numerusform>
            </translation>
        </message>
        <message>
            <source>{percent} % available</source>
            <translation>{percent} % beschikbaar</translation>
        </message>
        <message>
            <source>No faults in this period.</source>
            <translation>Geen storingen in deze periode.</translation>
        </message>
        <message>
            <source>faults</source>
            <translation>storingen</translation>
        </message>
        <message numerus="yes">
            <source>%n faults</source>
            <translation>
                <numerusform>%n storing</numerusform>
                <numerusform>%n storingen</numerusform>
            </translation>
        </message>
        <message>
            <source>Save report</source>
            <translation>Rapport opslaan</translation>
        </message>
        <message>
            <source>Report not saved</source>
            <translation>Rapport niet opgeslagen</translation>
        </message>
        <message>
            <source>Report saved to {path}.</source>
            <translation>Rapport opgeslagen in {path}.</translation>
        </message>
    </context>
    <context>
        <name>InsightsService</name>
        <message>
            <source>Listing chargers…</source>
            <translation>Laadpalen ophalen…</translation>
        </message>
        <message>
            <source>Availability left out: {problem}</source>
            <translation>Beschikbaarheid weggelaten: {problem}</translation>
        </message>
        <message>
            <source>Fetching transactions: {done} of {total} chargers, {rows} transactions</source>
            <translation>Transacties ophalen: {done} van {total} laadpalen, {rows} transacties</translation>
        </message>
        <message>
            <source>Aggregating: {done} of {total} transactions</source>
            <translation>Samenvoegen: {done} van {total} transacties</translation>
        </message>
        <message>
            <source>Transaction {id} has no start time.</source>
            <translation>Transactie {id} heeft geen begintijd.</translation>
        </message>
        <message>
            <source>Could not read the meter values of transaction {id}: {problem}</source>
            <translation>Kon de meterwaarden van transactie {id} niet lezen: {problem}</translation>
        </message>
        <message>
            <source>The charger stored no power or energy readings for transaction {id}.</source>
            <translation>De laadpaal heeft geen vermogens- of energiemetingen opgeslagen voor transactie {id}.</translation>
        </message>
        <message>
            <source>Transaction {id}, {time}</source>
            <translation>Transactie {id}, {time}</translation>
        </message>
    </context>
    <context>
        <name>InsightsWiring</name>
        <message>
            <source>Insights</source>
            <translation>Inzichten</translation>
        </message>
        <message>
            <source>Reading the meter values of transaction {id}…</source>
            <translation>Meterwaarden van transactie {id} lezen…</translation>
        </message>
        <message>
            <source>No power curve</source>
            <translation>Geen vermogenscurve</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Events</source>
            <translation>Gebeurtenissen</translation>
        </message>
        <message>
            <source>{error} Events are shown but not kept this session.</source>
            <translation>{error} Gebeurtenissen worden getoond, maar deze sessie niet bewaard.</translation>
        </message>
        <message>
            <source>PlugDesk — Demo</source>
            <translation>PlugDesk — Demo</translation>
        </message>
        <message>
            <source>Public charging</source>
            <translation>Openbaar laden</translation>
        </message>
        <message>
            <source>Se&amp;ttings…</source>
            <translation>Ins&amp;tellingen…</translation>
        </message>
        <message>
            <source>Sign &amp;out</source>
            <translation>A&amp;fmelden</translation>
        </message>
        <message>
            <source>Sign in to {url}.</source>
            <translation>Meld u aan bij {url}.</translation>
        </message>
        <message>
            <source>Settings were reset</source>
            <translation>Instellingen zijn teruggezet</translation>
        </message>
        <message>
            <source>Demo</source>
            <translation>Demo</translation>
        </message>
        <message>
            <source>PlugDesk closed unexpectedly</source>
            <translation>PlugDesk is onverwacht afgesloten</translation>
        </message>
        <message>
            <source>Signed in</source>
            <translation>Aangemeld</translation>
        </message>
        <message>
            <source>Chargers</source>
            <translation>Laadpalen</translation>
        </message>
        <message>
            <source>&amp;Refresh</source>
            <translation>&amp;Vernieuwen</translation>
        </message>
        <message>
            <source>Refresh the charger list now (F5)</source>
            <translation>De lijst met laadpalen nu vernieuwen (F5)</translation>
        </message>
        <message>
            <source>&amp;Find charger</source>
            <translation>Laadpaal &amp;zoeken</translation>
        </message>
        <message>
            <source>&amp;Export transactions…</source>
            <translation>Transacties &amp;exporteren…</translation>
        </message>
        <message>
            <source>Export transactions to CSV or XLSX (Ctrl+E)</source>
            <translation>Transacties exporteren naar CSV of XLSX (Ctrl+E)</translation>
        </message>
        <message>
            <source>&amp;Sign in…</source>
            <translation>&amp;Aanmelden…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>Af&amp;sluiten</translation>
        </message>
        <message>
            <source>&amp;About PlugDesk</source>
            <translation>&amp;Over PlugDesk</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Bestand</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>Beel&amp;d</translation>
        </message>
        <message>
            <source>&amp;Quick guide</source>
            <translation>&amp;Snelgids</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Help</translation>
        </message>
        <message>
            <source>Main toolbar</source>
            <translation>Hoofdwerkbalk</translation>
        </message>
        <message>
            <source>&amp;Pause alerts for 1 hour</source>
            <translation>Meldingen 1 uur &amp;pauzeren</translation>
        </message>
        <message>
            <source>No pop-ups for an hour; Events still lists them</source>
            <translation>Een uur geen pop-ups; Gebeurtenissen toont ze nog steeds</translation>
        </message>
        <message>
            <source>&amp;Resume alerts</source>
            <translation>Meldingen &amp;hervatten</translation>
        </message>
        <message>
            <source>Alerts are on</source>
            <translation>Meldingen staan aan</translation>
        </message>
        <message>
            <source>&amp;Alerts</source>
            <translation>&amp;Meldingen</translation>
        </message>
        <message>
            <source>Mute one charger: right-click it in the list (or the Menu key)</source>
            <translation>Eén laadpaal dempen: klik er in de lijst met de rechtermuisknop op (of de Menu-toets)</translation>
        </message>
        <message>
            <source>Alerts paused until {time}</source>
            <translation>Meldingen gepauzeerd tot {time}</translation>
        </message>
        <message>
            <source>Pop-ups for {name}</source>
            <translation>Pop-ups voor {name}</translation>
        </message>
        <message>
            <source>Copied {text}</source>
            <translation>{text} gekopieerd</translation>
        </message>
        <message>
            <source>Still running</source>
            <translation>Draait nog</translation>
        </message>
        <message>
            <source>Health</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>&lt;b&gt;Fault&lt;/b&gt;: status Faulted, or an error code on the charger or a connector. &lt;b&gt;Offline&lt;/b&gt;: it lost its connection to the server. &lt;b&gt;Stale&lt;/b&gt;: online, but no heartbeat for 15 min. &lt;b&gt;Warning&lt;/b&gt;: a car-side communication error. &lt;b&gt;Unknown&lt;/b&gt;: never connected to the server. &lt;b&gt;Maintenance&lt;/b&gt;: blocked or Unavailable, set by an operator or an update (no alerts). &lt;b&gt;OK&lt;/b&gt;: none of these. The chips above the list filter by level.</source>
            <translation>&lt;b&gt;Storing&lt;/b&gt;: status Faulted, of een foutcode op de laadpaal of een connector. &lt;b&gt;Offline&lt;/b&gt;: de verbinding met de server is verbroken. &lt;b&gt;Verouderd&lt;/b&gt;: online, maar 15 min geen heartbeat. &lt;b&gt;Waarschuwing&lt;/b&gt;: een communicatiefout aan de kant van de auto. &lt;b&gt;Onbekend&lt;/b&gt;: nooit met de server verbonden. &lt;b&gt;Onderhoud&lt;/b&gt;: geblokkeerd of Unavailable, ingesteld door een beheerder of een update (geen meldingen). &lt;b&gt;OK&lt;/b&gt;: geen van deze. De knoppen boven de lijst filteren op status.</translation>
        </message>
        <message>
            <source>Grace periods and alerts</source>
            <translation>Wachttijden en meldingen</translation>
        </message>
        <message>
            <source>A problem shows in &lt;b&gt;Events&lt;/b&gt; as &lt;i&gt;Pending&lt;/i&gt; as soon as a refresh sees it. It becomes an incident, and alerts, only when it lasts its grace period (by default 2 min for faults and stale chargers, 5 min for offline ones; change them in Settings), so a reboot does not wake you up. Mute a charger from the Events menu (right-click or the Menu key).</source>
            <translation>Een probleem verschijnt in &lt;b&gt;Gebeurtenissen&lt;/b&gt; als &lt;i&gt;In afwachting&lt;/i&gt; zodra een vernieuwing het ziet. Het wordt pas een incident, met een melding, als het de hele wachttijd aanhoudt (standaard 2 min bij storingen en verouderde laadpalen, 5 min bij offline; aan te passen in Instellingen), zodat een herstart u niet wakker maakt. Demp een laadpaal via het menu van Gebeurtenissen (rechtsklik of de Menu-toets).</translation>
        </message>
        <message>
            <source>Keyboard</source>
            <translation>Toetsenbord</translation>
        </message>
        <message>
            <source>search chargers; Enter or Down go to the list, Escape clears</source>
            <translation>laadpalen zoeken; Enter of Omlaag gaat naar de lijst, Escape wist</translation>
        </message>
        <message>
            <source>next / previous part of the window (arrow keys move inside a table)</source>
            <translation>volgend / vorig deel van het venster (pijltjestoetsen bewegen binnen een tabel)</translation>
        </message>
        <message>
            <source>next tab; with Shift, or Ctrl+PgUp, the previous one</source>
            <translation>volgend tabblad; met Shift, of Ctrl+PgUp, het vorige</translation>
        </message>
        <message>
            <source>refresh now</source>
            <translation>nu vernieuwen</translation>
        </message>
        <message>
            <source>export transactions</source>
            <translation>transacties exporteren</translation>
        </message>
        <message>
            <source>actions for the selected event</source>
            <translation>acties voor de geselecteerde gebeurtenis</translation>
        </message>
        <message>
            <source>quit</source>
            <translation>afsluiten</translation>
        </message>
        <message>
            <source>Not signed in</source>
            <translation>Niet aangemeld</translation>
        </message>
        <message>
            <source>No charger matches the search or filter: none is selected.</source>
            <translation>Geen laadpaal voldoet aan de zoekopdracht of het filter: er is er geen geselecteerd.</translation>
        </message>
        <message>
            <source>PlugDesk is still running in the system tray and keeps watching your chargers: alerts still pop up. Open it again from the tray icon; to stop it, choose Quit in the tray menu or File → Quit (Ctrl+Q).</source>
            <translation>PlugDesk draait nog in het systeemvak en blijft uw laadpalen bewaken: meldingen verschijnen nog steeds. Open het opnieuw via het pictogram in het systeemvak; kies om het te stoppen Afsluiten in het menu van het systeemvak of Bestand → Afsluiten (Ctrl+Q).</translation>
        </message>
        <message>
            <source>That charger is not in the list any more.</source>
            <translation>Die laadpaal staat niet meer in de lijst.</translation>
        </message>
        <message>
            <source>Last known fleet from {time} — refreshing</source>
            <translation>Laatst bekende laadpalen van {time} — wordt vernieuwd</translation>
        </message>
        <message>
            <source>Showing the last known fleet from {time}, marked stale, while the first refresh runs</source>
            <translation>De laatst bekende laadpalen van {time} worden getoond, gemarkeerd als verouderd, terwijl de eerste vernieuwing loopt</translation>
        </message>
        <message>
            <source>Sign in again to refresh.</source>
            <translation>Meld u opnieuw aan om te vernieuwen.</translation>
        </message>
        <message>
            <source>A refresh is already running.</source>
            <translation>Er loopt al een vernieuwing.</translation>
        </message>
        <message>
            <source>Quick guide</source>
            <translation>Snelgids</translation>
        </message>
        <message>
            <source>About PlugDesk</source>
            <translation>Over PlugDesk</translation>
        </message>
        <message>
            <source>Watch your EV chargers, read their transactions and export them, over the Plugchoice API.</source>
            <translation>Houd uw laadpalen in de gaten, bekijk hun transacties en exporteer ze, via de Plugchoice-API.</translation>
        </message>
        <message>
            <source>Data from {time}</source>
            <translation>Gegevens van {time}</translation>
        </message>
        <message>
            <source>Refresh failed: {message}</source>
            <translation>Vernieuwen mislukt: {message}</translation>
        </message>
        <message>
            <source>PlugDesk closed unexpectedly the last time it ran.

What it was doing is saved in:
{path}

If this happens again, please send that file with your report.</source>
            <translation>PlugDesk is de vorige keer onverwacht afgesloten.

Wat het aan het doen was, staat in:
{path}

Gebeurt dit opnieuw, stuur dat bestand dan mee met uw melding.</translation>
        </message>
        <message>
            <source>Watched by plugdesk watch (pid {pid}) — alerts come from it</source>
            <translation>Bewaakt door plugdesk watch (pid {pid}) — meldingen komen daarvandaan</translation>
        </message>
        <message>
            <source>plugdesk watch stopped — PlugDesk watches the fleet again</source>
            <translation>plugdesk watch is gestopt — PlugDesk bewaakt de laadpalen weer zelf</translation>
        </message>
        <message>
            <source>Sites</source>
            <translation>Locaties</translation>
        </message>
    </context>
    <context>
        <name>Notifier</name>
        <message>
            <source>Open</source>
            <translation>Openen</translation>
        </message>
        <message numerus="yes">
            <source>%n more chargers need attention</source>
            <translation>
                <numerusform>Nog %n laadpaal vraagt aandacht</numerusform>
                <numerusform>Nog %n laadpalen vragen aandacht</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n more chargers recovered.</source>
            <translation>
                <numerusform>Nog %n laadpaal hersteld.</numerusform>
                <numerusform>Nog %n laadpalen hersteld.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n more chargers recovered</source>
            <translation>
                <numerusform>Nog %n laadpaal hersteld</numerusform>
                <numerusform>Nog %n laadpalen hersteld</numerusform>
            </translation>
        </message>
        <message>
            <source>Not shown one by one, so pop-ups stay readable: open Events for the list.</source>
            <translation>Niet één voor één getoond, zodat pop-ups leesbaar blijven: open Gebeurtenissen voor de lijst.</translation>
        </message>
    </context>
    <context>
        <name>OcppLogModel</name>
        <message>
            <source>Time</source>
            <translation>Tijd</translation>
        </message>
        <message>
            <source>Direction</source>
            <translation>Richting</translation>
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
            <translation>Parameters</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>Resultaat</translation>
        </message>
        <message>
            <source>→ charger</source>
            <translation>→ laadpaal</translation>
        </message>
        <message>
            <source>← charger</source>
            <translation>← laadpaal</translation>
        </message>
    </context>
    <context>
        <name>OcppLogTab</name>
        <message>
            <source>Both directions</source>
            <translation>Beide richtingen</translation>
        </message>
        <message>
            <source>To the charger</source>
            <translation>Naar de laadpaal</translation>
        </message>
        <message>
            <source>From the charger</source>
            <translation>Van de laadpaal</translation>
        </message>
        <message>
            <source>Pending</source>
            <translation>In afwachting</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>Klaar</translation>
        </message>
        <message>
            <source>Failed</source>
            <translation>Mislukt</translation>
        </message>
        <message>
            <source>OCPP method</source>
            <translation>OCPP-methode</translation>
        </message>
        <message>
            <source>All methods</source>
            <translation>Alle methoden</translation>
        </message>
        <message>
            <source>Message status</source>
            <translation>Status van het bericht</translation>
        </message>
        <message>
            <source>Any status</source>
            <translation>Elke status</translation>
        </message>
        <message>
            <source>Direction</source>
            <translation>Richting</translation>
        </message>
        <message>
            <source>Hide insignificant</source>
            <translation>Onbelangrijke verbergen</translation>
        </message>
        <message>
            <source>Leave out heartbeats and other routine messages</source>
            <translation>Heartbeats en andere routineberichten weglaten</translation>
        </message>
        <message>
            <source>From</source>
            <translation>Van</translation>
        </message>
        <message>
            <source>Log from</source>
            <translation>Logboek vanaf</translation>
        </message>
        <message>
            <source>Until</source>
            <translation>Tot</translation>
        </message>
        <message>
            <source>Log until</source>
            <translation>Logboek tot</translation>
        </message>
        <message>
            <source>OCPP log</source>
            <translation>OCPP-logboek</translation>
        </message>
        <message>
            <source>Message params and result</source>
            <translation>Parameters en resultaat van het bericht</translation>
        </message>
        <message>
            <source>Select a message to see its params and result.</source>
            <translation>Selecteer een bericht om de parameters en het resultaat te zien.</translation>
        </message>
        <message>
            <source>Copy</source>
            <translation>Kopiëren</translation>
        </message>
        <message>
            <source>Copy the selected message (params and result as JSON)</source>
            <translation>Het geselecteerde bericht kopiëren (parameters en resultaat als JSON)</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>Laden…</translation>
        </message>
        <message>
            <source>Could not read the log: {problem}</source>
            <translation>Kon het logboek niet lezen: {problem}</translation>
        </message>
        <message numerus="yes">
            <source>%n messages, newest first — scroll for more</source>
            <translation>
                <numerusform>%n bericht, nieuwste eerst — scroll voor meer</numerusform>
                <numerusform>%n berichten, nieuwste eerst — scroll voor meer</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>All %n messages loaded, newest first</source>
            <translation>
                <numerusform>%n bericht geladen, nieuwste eerst</numerusform>
                <numerusform>Alle %n berichten geladen, nieuwste eerst</numerusform>
            </translation>
        </message>
        <message>
            <source>No OCPP messages with these filters.</source>
            <translation>Geen OCPP-berichten met deze filters.</translation>
        </message>
        <message>
            <source>Params:</source>
            <translation>Parameters:</translation>
        </message>
        <message>
            <source>Result:</source>
            <translation>Resultaat:</translation>
        </message>
    </context>
    <context>
        <name>Plurals</name>
        <message numerus="yes">
            <source>%n days ago</source>
            <translation>
                <numerusform>%n dag geleden</numerusform>
                <numerusform>%n dagen geleden</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n transactions</source>
            <translation>
                <numerusform>%n transactie</numerusform>
                <numerusform>%n transacties</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n chargers</source>
            <translation>
                <numerusform>%n laadpaal</numerusform>
                <numerusform>%n laadpalen</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PowerCurveDialog</name>
        <message>
            <source>Power curve — {title}</source>
            <translation>Vermogenscurve — {title}</translation>
        </message>
        <message>
            <source>{points} points ({source}); peak {peak} kW</source>
            <translation>{points} punten ({source}); piek {peak} kW</translation>
        </message>
    </context>
    <context>
        <name>PublicPane</name>
        <message>
            <source>Waiting for card hold</source>
            <translation>Wacht op kaartreservering</translation>
        </message>
        <message>
            <source>Card hold authorised</source>
            <translation>Kaartreservering goedgekeurd</translation>
        </message>
        <message>
            <source>Starting</source>
            <translation>Starten</translation>
        </message>
        <message>
            <source>Charging</source>
            <translation>Laden</translation>
        </message>
        <message>
            <source>Stopping</source>
            <translation>Stoppen</translation>
        </message>
        <message>
            <source>Settling payment</source>
            <translation>Betaling wordt afgerond</translation>
        </message>
        <message>
            <source>Captured (paid)</source>
            <translation>Afgeschreven (betaald)</translation>
        </message>
        <message>
            <source>Ended without charge</source>
            <translation>Beëindigd zonder kosten</translation>
        </message>
        <message>
            <source>Expired</source>
            <translation>Verlopen</translation>
        </message>
        <message>
            <source>Failed</source>
            <translation>Mislukt</translation>
        </message>
        <message>
            <source>Abandoned</source>
            <translation>Afgebroken</translation>
        </message>
        <message>
            <source>Payment capture failed</source>
            <translation>Afschrijving mislukt</translation>
        </message>
        <message>
            <source>Needs review</source>
            <translation>Controle nodig</translation>
        </message>
        <message>
            <source>Refunded</source>
            <translation>Terugbetaald</translation>
        </message>
        <message>
            <source>Written off</source>
            <translation>Afgeschreven als oninbaar</translation>
        </message>
        <message>
            <source>Created</source>
            <translation>Aangemaakt</translation>
        </message>
        <message>
            <source>Charging started</source>
            <translation>Laden gestart</translation>
        </message>
        <message>
            <source>Charging completed</source>
            <translation>Laden voltooid</translation>
        </message>
        <message>
            <source>Payment captured</source>
            <translation>Betaling afgeschreven</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>Laden…</translation>
        </message>
        <message>
            <source>{tariff}, no start fee</source>
            <translation>{tariff}, geen starttarief</translation>
        </message>
        <message>
            <source>{tariff} + {fee} start fee</source>
            <translation>{tariff} + {fee} starttarief</translation>
        </message>
        <message>
            <source>Find a public charger</source>
            <translation>Openbare laadpaal zoeken</translation>
        </message>
        <message>
            <source>Public code, e.g. AB12CD</source>
            <translation>Openbare code, bijv. AB12CD</translation>
        </message>
        <message>
            <source>Public code</source>
            <translation>Openbare code</translation>
        </message>
        <message>
            <source>Look up</source>
            <translation>Opzoeken</translation>
        </message>
        <message>
            <source>Connectors</source>
            <translation>Connectoren</translation>
        </message>
        <message>
            <source>Charger</source>
            <translation>Laadpaal</translation>
        </message>
        <message>
            <source>Online</source>
            <translation>Online</translation>
        </message>
        <message>
            <source>Pricing</source>
            <translation>Tarief</translation>
        </message>
        <message>
            <source>Try one of the demo codes: {codes}</source>
            <translation>Probeer een van de democodes: {codes}</translation>
        </message>
        <message>
            <source>Codes of the demo's simulated public chargers; click one to look it up.</source>
            <translation>Codes van de gesimuleerde openbare laadpalen van de demo; klik op een code om hem op te zoeken.</translation>
        </message>
        <message>
            <source>Start a session</source>
            <translation>Sessie starten</translation>
        </message>
        <message>
            <source>Connector</source>
            <translation>Connector</translation>
        </message>
        <message>
            <source>Optional: receipt e-mail</source>
            <translation>Optioneel: e-mailadres voor de bon</translation>
        </message>
        <message>
            <source>Receipt e-mail</source>
            <translation>E-mailadres voor de bon</translation>
        </message>
        <message>
            <source>Start session</source>
            <translation>Sessie starten</translation>
        </message>
        <message>
            <source>Track an existing session</source>
            <translation>Bestaande sessie volgen</translation>
        </message>
        <message>
            <source>Paste the session token</source>
            <translation>Plak het sessietoken</translation>
        </message>
        <message>
            <source>Session token</source>
            <translation>Sessietoken</translation>
        </message>
        <message>
            <source>Track</source>
            <translation>Volgen</translation>
        </message>
        <message>
            <source>Followed sessions</source>
            <translation>Gevolgde sessies</translation>
        </message>
        <message>
            <source>No session selected</source>
            <translation>Geen sessie geselecteerd</translation>
        </message>
        <message>
            <source>Payment step</source>
            <translation>Betaalstap</translation>
        </message>
        <message>
            <source>Confirm card hold</source>
            <translation>Kaartreservering bevestigen</translation>
        </message>
        <message>
            <source>Cancel session</source>
            <translation>Sessie annuleren</translation>
        </message>
        <message>
            <source>Timeline</source>
            <translation>Tijdlijn</translation>
        </message>
        <message>
            <source>Energy and cost</source>
            <translation>Energie en kosten</translation>
        </message>
        <message>
            <source>Energy</source>
            <translation>Energie</translation>
        </message>
        <message>
            <source>Running cost</source>
            <translation>Lopende kosten</translation>
        </message>
        <message>
            <source>Authorised (hold)</source>
            <translation>Gereserveerd (blokkering)</translation>
        </message>
        <message>
            <source>Captured</source>
            <translation>Afgeschreven</translation>
        </message>
        <message>
            <source>Tax</source>
            <translation>Btw</translation>
        </message>
        <message>
            <source>Tariff</source>
            <translation>Tarief</translation>
        </message>
        <message>
            <source>Charger and connector</source>
            <translation>Laadpaal en connector</translation>
        </message>
        <message>
            <source>Connector (OCPP status)</source>
            <translation>Connector (OCPP-status)</translation>
        </message>
        <message>
            <source>Charger online</source>
            <translation>Laadpaal online</translation>
        </message>
        <message>
            <source>Failure reason</source>
            <translation>Reden van mislukken</translation>
        </message>
        <message>
            <source>Stop charging</source>
            <translation>Laden stoppen</translation>
        </message>
        <message>
            <source>Remove from list</source>
            <translation>Uit de lijst verwijderen</translation>
        </message>
        <message>
            <source>Possible while the session is starting or charging.</source>
            <translation>Mogelijk terwijl de sessie start of laadt.</translation>
        </message>
        <message>
            <source>Possible before charging starts (created or authorised).</source>
            <translation>Mogelijk voordat het laden begint (aangemaakt of gereserveerd).</translation>
        </message>
        <message>
            <source>Only for sessions that have ended.</source>
            <translation>Alleen voor beëindigde sessies.</translation>
        </message>
        <message>
            <source>Looking up…</source>
            <translation>Opzoeken…</translation>
        </message>
        <message>
            <source>Offline — cannot start now</source>
            <translation>Offline — kan nu niet starten</translation>
        </message>
        <message>
            <source>Connector {number} — {status}</source>
            <translation>Connector {number} — {status}</translation>
        </message>
        <message>
            <source>Starting… (never sent twice)</source>
            <translation>Starten… (wordt nooit twee keer verzonden)</translation>
        </message>
        <message>
            <source>Session {session} — {charger}, connector {number}</source>
            <translation>Sessie {session} — {charger}, connector {number}</translation>
        </message>
        <message>
            <source>Session {session} — {charger}</source>
            <translation>Sessie {session} — {charger}</translation>
        </message>
        <message>
            <source>API status: {status}</source>
            <translation>API-status: {status}</translation>
        </message>
        <message>
            <source>Start a session, or track one by its token.</source>
            <translation>Start een sessie, of volg er een via het token.</translation>
        </message>
        <message>
            <source>This session is waiting for the card hold of {amount}.</source>
            <translation>Deze sessie wacht op de kaartreservering van {amount}.</translation>
        </message>
        <message>
            <source>This session is waiting for the card hold.</source>
            <translation>Deze sessie wacht op de kaartreservering.</translation>
        </message>
        <message>
            <source>Charging cannot start until the driver's card is pre-authorised. Confirm once the hold is in place, or cancel the session.</source>
            <translation>Het laden kan pas beginnen als de kaart van de bestuurder vooraf is gereserveerd. Bevestig zodra de reservering staat, of annuleer de sessie.</translation>
        </message>
        <message>
            <source>Payment context present (Stripe).</source>
            <translation>Betaalgegevens aanwezig (Stripe).</translation>
        </message>
        <message>
            <source>No payment context received yet.</source>
            <translation>Nog geen betaalgegevens ontvangen.</translation>
        </message>
        <message>
            <source>Confirming…</source>
            <translation>Bevestigen…</translation>
        </message>
        <message>
            <source>Stopping…</source>
            <translation>Stoppen…</translation>
        </message>
        <message>
            <source>Cancelling…</source>
            <translation>Annuleren…</translation>
        </message>
        <message>
            <source>Working…</source>
            <translation>Bezig…</translation>
        </message>
        <message>
            <source>Ended — no longer checked. The token has been forgotten.</source>
            <translation>Beëindigd — wordt niet meer gecontroleerd. Het token is vergeten.</translation>
        </message>
        <message>
            <source>Checked every {interval}</source>
            <translation>Elke {interval} gecontroleerd</translation>
        </message>
        <message>
            <source>slowed down after the API asked (429)</source>
            <translation>vertraagd op verzoek van de API (429)</translation>
        </message>
        <message>
            <source>next check in {time}</source>
            <translation>volgende controle over {time}</translation>
        </message>
        <message>
            <source>last answer {time}</source>
            <translation>laatste antwoord {time}</translation>
        </message>
        <message>
            <source>Checking…</source>
            <translation>Controleren…</translation>
        </message>
    </context>
    <context>
        <name>PublicSessionsModel</name>
        <message>
            <source>Session</source>
            <translation>Sessie</translation>
        </message>
        <message>
            <source>Charger</source>
            <translation>Laadpaal</translation>
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
            <translation>Vernieuwingsinterval</translation>
        </message>
        <message>
            <source>Data counts as stale after</source>
            <translation>Gegevens gelden als verouderd na</translation>
        </message>
        <message>
            <source>Fault grace period</source>
            <translation>Wachttijd bij storing</translation>
        </message>
        <message>
            <source>Offline grace period</source>
            <translation>Wachttijd bij offline</translation>
        </message>
        <message>
            <source>Alert storm threshold</source>
            <translation>Drempel voor meldingenstorm</translation>
        </message>
        <message>
            <source>Notify on faults</source>
            <translation>Melden bij storingen</translation>
        </message>
        <message>
            <source>Notify when offline</source>
            <translation>Melden als een laadpaal offline is</translation>
        </message>
        <message>
            <source>Notify when data is stale</source>
            <translation>Melden als gegevens verouderd zijn</translation>
        </message>
        <message>
            <source>Notify when resolved</source>
            <translation>Melden als het is opgelost</translation>
        </message>
        <message>
            <source>Quiet hours start</source>
            <translation>Begin stille uren</translation>
        </message>
        <message>
            <source>Quiet hours end</source>
            <translation>Einde stille uren</translation>
        </message>
        <message>
            <source>Export format</source>
            <translation>Exportformaat</translation>
        </message>
        <message>
            <source>Export time zone</source>
            <translation>Tijdzone van de export</translation>
        </message>
        <message>
            <source>CSV delimiter</source>
            <translation>CSV-scheidingsteken</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Taal</translation>
        </message>
        <message>
            <source>Colours</source>
            <translation>Kleuren</translation>
        </message>
        <message>
            <source>must be a whole number of seconds, not {value}</source>
            <translation>moet een geheel aantal seconden zijn, niet {value}</translation>
        </message>
        <message>
            <source>must be from {low} to {high} seconds, not {value}</source>
            <translation>moet tussen {low} en {high} seconden liggen, niet {value}</translation>
        </message>
        <message>
            <source>must be a whole number of minutes, not {value}</source>
            <translation>moet een geheel aantal minuten zijn, niet {value}</translation>
        </message>
        <message>
            <source>must be from {low} to {high} minutes, not {value}</source>
            <translation>moet tussen {low} en {high} minuten liggen, niet {value}</translation>
        </message>
        <message>
            <source>must be a whole number of chargers, not {value}</source>
            <translation>moet een geheel aantal laadpalen zijn, niet {value}</translation>
        </message>
        <message>
            <source>must be from {low} to {high} chargers, not {value}</source>
            <translation>moet tussen {low} en {high} laadpalen liggen, niet {value}</translation>
        </message>
        <message>
            <source>must be {options}, not {value}</source>
            <translation>moet {options} zijn, niet {value}</translation>
        </message>
        <message>
            <source>must be a time like 07:30 (24-hour HH:MM), not {value}</source>
            <translation>moet een tijd zijn zoals 07:30 (24 uur, UU:MM), niet {value}</translation>
        </message>
        <message>
            <source>must be {version}, not {value}</source>
            <translation>moet {version} zijn, niet {value}</translation>
        </message>
        <message>
            <source>must be a folder path</source>
            <translation>moet het pad van een map zijn</translation>
        </message>
        <message>
            <source>must be true or false, not {value}</source>
            <translation>moet true of false zijn, niet {value}</translation>
        </message>
        <message>
            <source>is not a PlugDesk setting</source>
            <translation>is geen instelling van PlugDesk</translation>
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
            <translation>Instellingen</translation>
        </message>
        <message>
            <source>Connection</source>
            <translation>Verbinding</translation>
        </message>
        <message>
            <source>Demo mode: the built-in simulator on this computer</source>
            <translation>Demomodus: de ingebouwde simulator op deze computer</translation>
        </message>
        <message>
            <source>Monitoring</source>
            <translation>Bewaking</translation>
        </message>
        <message>
            <source>Notifications</source>
            <translation>Meldingen</translation>
        </message>
        <message>
            <source>Quiet hours: keep the history, show no pop-ups</source>
            <translation>Stille uren: geschiedenis bijhouden, geen pop-ups tonen</translation>
        </message>
        <message>
            <source>From</source>
            <translation>Van</translation>
        </message>
        <message>
            <source>Until</source>
            <translation>Tot</translation>
        </message>
        <message>
            <source>Export defaults</source>
            <translation>Standaardinstellingen voor export</translation>
        </message>
        <message>
            <source>Excel (XLSX)</source>
            <translation>Excel (XLSX)</translation>
        </message>
        <message>
            <source>Local time</source>
            <translation>Lokale tijd</translation>
        </message>
        <message>
            <source>Comma (,)</source>
            <translation>Komma (,)</translation>
        </message>
        <message>
            <source>Semicolon (;)</source>
            <translation>Puntkomma (;)</translation>
        </message>
        <message>
            <source>Appearance</source>
            <translation>Weergave</translation>
        </message>
        <message>
            <source>System language</source>
            <translation>Systeemtaal</translation>
        </message>
        <message>
            <source>Applies the next time PlugDesk starts.</source>
            <translation>Geldt vanaf de volgende keer dat PlugDesk start.</translation>
        </message>
        <message>
            <source>Like the system (light or dark)</source>
            <translation>Zoals het systeem (licht of donker)</translation>
        </message>
        <message>
            <source>Light</source>
            <translation>Licht</translation>
        </message>
        <message>
            <source>Dark</source>
            <translation>Donker</translation>
        </message>
        <message>
            <source>Problems</source>
            <translation>Problemen</translation>
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
            <translation>Maak een token aan in het Plugchoice-portaal: &lt;b&gt;Settings → Personal Access Tokens&lt;/b&gt;. Het wordt maar één keer getoond; plak het hier. PlugDesk bewaart het in de wachtwoordopslag van uw systeem, nooit in een bestand.</translation>
        </message>
        <message>
            <source>Create a token in the Plugchoice portal: &lt;b&gt;Settings → Personal Access Tokens&lt;/b&gt;. It is shown only once; paste it here.</source>
            <translation>Maak een token aan in het Plugchoice-portaal: &lt;b&gt;Settings → Personal Access Tokens&lt;/b&gt;. Het wordt maar één keer getoond; plak het hier.</translation>
        </message>
        <message>
            <source>PlugDesk will ask for the token again after a restart. To have it remembered, install or unlock a password store (GNOME Keyring, KDE Wallet) and sign in again.</source>
            <translation>PlugDesk vraagt na een herstart opnieuw om het token. Om het te laten onthouden, installeer of ontgrendel een wachtwoordkluis (GNOME Keyring, KDE Wallet) en meld u opnieuw aan.</translation>
        </message>
        <message>
            <source>Sign in to Plugchoice</source>
            <translation>Aanmelden bij Plugchoice</translation>
        </message>
        <message>
            <source>Password store warning</source>
            <translation>Waarschuwing over de wachtwoordkluis</translation>
        </message>
        <message>
            <source>Personal access token</source>
            <translation>Persoonlijk toegangstoken</translation>
        </message>
        <message>
            <source>Show token</source>
            <translation>Token tonen</translation>
        </message>
        <message>
            <source>API URL</source>
            <translation>API-URL</translation>
        </message>
        <message>
            <source>Advanced</source>
            <translation>Geavanceerd</translation>
        </message>
        <message>
            <source>Sign-in status</source>
            <translation>Aanmeldstatus</translation>
        </message>
        <message>
            <source>Sign in</source>
            <translation>Aanmelden</translation>
        </message>
        <message>
            <source>Token</source>
            <translation>Token</translation>
        </message>
        <message>
            <source>Checking the token…</source>
            <translation>Token wordt gecontroleerd…</translation>
        </message>
        <message>
            <source>Not signed in.</source>
            <translation>Niet aangemeld.</translation>
        </message>
        <message>
            <source>The token is kept in {store}.</source>
            <translation>Het token wordt bewaard in {store}.</translation>
        </message>
        <message>
            <source>The token is used for this session only.</source>
            <translation>Het token wordt alleen voor deze sessie gebruikt.</translation>
        </message>
        <message>
            <source>Signed in as {user}.</source>
            <translation>Aangemeld als {user}.</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Sluiten</translation>
        </message>
    </context>
    <context>
        <name>SiteFilter</name>
        <message>
            <source>Site filter</source>
            <translation>Locatiefilter</translation>
        </message>
        <message>
            <source>Show the chargers of one site</source>
            <translation>De laadpalen van één locatie tonen</translation>
        </message>
        <message>
            <source>All sites ({count})</source>
            <translation>Alle locaties ({count})</translation>
        </message>
        <message>
            <source>{site} ({count})</source>
            <translation>{site} ({count})</translation>
        </message>
        <message>
            <source>(site with no chargers shown)</source>
            <translation>(locatie zonder getoonde laadpalen)</translation>
        </message>
    </context>
    <context>
        <name>SiteWiring</name>
        <message>
            <source>Rename charger</source>
            <translation>Laadpaal hernoemen</translation>
        </message>
        <message>
            <source>Reference (the name shown in PlugDesk):</source>
            <translation>Referentie (de naam in PlugDesk):</translation>
        </message>
        <message>
            <source>Renaming the charger…</source>
            <translation>De laadpaal wordt hernoemd…</translation>
        </message>
        <message>
            <source>Renamed to {name}</source>
            <translation>Hernoemd naar {name}</translation>
        </message>
        <message>
            <source>Rename failed</source>
            <translation>Hernoemen mislukt</translation>
        </message>
    </context>
    <context>
        <name>SitesModel</name>
        <message>
            <source>Site</source>
            <translation>Locatie</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>Adres</translation>
        </message>
        <message>
            <source>Chargers</source>
            <translation>Laadpalen</translation>
        </message>
        <message>
            <source>OK</source>
            <translation>OK</translation>
        </message>
        <message>
            <source>Fault</source>
            <translation>Storing</translation>
        </message>
        <message>
            <source>Offline</source>
            <translation>Offline</translation>
        </message>
        <message>
            <source>Charging now</source>
            <translation>Nu aan het laden</translation>
        </message>
        <message>
            <source>kWh today</source>
            <translation>kWh vandaag</translation>
        </message>
        <message>
            <source>Double-click to show this site's chargers</source>
            <translation>Dubbelklik om de laadpalen van deze locatie te tonen</translation>
        </message>
    </context>
    <context>
        <name>SitesOverview</name>
        <message>
            <source>Sites</source>
            <translation>Locaties</translation>
        </message>
        <message>
            <source>Double-click a site to show its chargers.</source>
            <translation>Dubbelklik op een locatie om haar laadpalen te tonen.</translation>
        </message>
    </context>
    <context>
        <name>Store</name>
        <message>
            <source>The event history file {path} is read-only, so new charger incidents are not saved. Alerts still work for as long as PlugDesk runs; make the file writable (check its permissions) and restart PlugDesk to keep a history again.</source>
            <translation>Het bestand met de gebeurtenisgeschiedenis {path} is alleen-lezen, dus nieuwe incidenten van laadpalen worden niet bewaard. Meldingen werken zolang PlugDesk draait; maak het bestand beschrijfbaar (controleer de rechten) en start PlugDesk opnieuw om weer een geschiedenis bij te houden.</translation>
        </message>
        <message>
            <source>save to the event history</source>
            <translation>opslaan in de gebeurtenisgeschiedenis</translation>
        </message>
        <message>
            <source>use the event history</source>
            <translation>de gebeurtenisgeschiedenis gebruiken</translation>
        </message>
        <message>
            <source>The in-memory store failed: {damage}</source>
            <translation>De opslag in het geheugen is mislukt: {damage}</translation>
        </message>
        <message>
            <source>The event history file {path} is damaged and could not be moved aside ({error}). Move or delete it, then start PlugDesk again.</source>
            <translation>Het bestand met de gebeurtenisgeschiedenis {path} is beschadigd en kon niet opzij worden gezet ({error}). Verplaats of verwijder het en start PlugDesk opnieuw.</translation>
        </message>
        <message>
            <source>The event history file was damaged and could not be read. It was kept as {name} and a new, empty history was started.</source>
            <translation>Het bestand met de gebeurtenisgeschiedenis was beschadigd en kon niet worden gelezen. Het is bewaard als {name} en er is een nieuwe, lege geschiedenis begonnen.</translation>
        </message>
        <message>
            <source>The event history was written by a newer PlugDesk (schema {version}; this version knows up to {known}). Update PlugDesk to use it.</source>
            <translation>De gebeurtenisgeschiedenis is geschreven door een nieuwere PlugDesk (schema {version}; deze versie kent tot en met {known}). Werk PlugDesk bij om haar te gebruiken.</translation>
        </message>
        <message>
            <source>Could not {action}: the event history file is read-only.</source>
            <translation>Kon niet {action}: het bestand met de gebeurtenisgeschiedenis is alleen-lezen.</translation>
        </message>
        <message>
            <source>Could not {action}: {error}</source>
            <translation>Kon niet {action}: {error}</translation>
        </message>
        <message>
            <source>Could not open the event history: {error}</source>
            <translation>Kon de gebeurtenisgeschiedenis niet openen: {error}</translation>
        </message>
        <message>
            <source>The event history is closed.</source>
            <translation>De gebeurtenisgeschiedenis is gesloten.</translation>
        </message>
    </context>
    <context>
        <name>Toast</name>
        <message>
            <source>{title} — {reason}, not shown as a pop-up</source>
            <translation>{title} — {reason}, niet als pop-up getoond</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Openen</translation>
        </message>
        <message>
            <source>Open: {title}</source>
            <translation>Openen: {title}</translation>
        </message>
        <message>
            <source>Dismiss</source>
            <translation>Sluiten</translation>
        </message>
    </context>
    <context>
        <name>Totals</name>
        <message>
            <source>({active} active)</source>
            <translation>({active} actief)</translation>
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
            <translation>Actief</translation>
        </message>
        <message>
            <source>Finished</source>
            <translation>Beëindigd</translation>
        </message>
        <message>
            <source>Transaction status</source>
            <translation>Transactiestatus</translation>
        </message>
        <message>
            <source>From</source>
            <translation>Van</translation>
        </message>
        <message>
            <source>Until</source>
            <translation>Tot</translation>
        </message>
        <message>
            <source>No limit</source>
            <translation>Geen limiet</translation>
        </message>
        <message>
            <source>Limit</source>
            <translation>Limiet</translation>
        </message>
        <message>
            <source>At most this many transactions, newest first (the API allows 1 to 10,000; each 25 cost one request)</source>
            <translation>Hoogstens zoveel transacties, nieuwste eerst (de API staat 1 tot 10.000 toe; elke 25 kosten één verzoek)</translation>
        </message>
        <message>
            <source>Filter by ID tag</source>
            <translation>Filteren op ID-tag</translation>
        </message>
        <message>
            <source>ID tag filter</source>
            <translation>ID-tagfilter</translation>
        </message>
        <message>
            <source>&amp;Status</source>
            <translation>&amp;Status</translation>
        </message>
        <message>
            <source>&amp;Limit</source>
            <translation>&amp;Limiet</translation>
        </message>
        <message>
            <source>“Until” must be on or after “From”.</source>
            <translation>„Tot” moet op of na „Van” liggen.</translation>
        </message>
    </context>
    <context>
        <name>TransactionsModel</name>
        <message>
            <source>Connector</source>
            <translation>Connector</translation>
        </message>
        <message>
            <source>ID tag</source>
            <translation>ID-tag</translation>
        </message>
        <message>
            <source>Started</source>
            <translation>Gestart</translation>
        </message>
        <message>
            <source>Stopped</source>
            <translation>Gestopt</translation>
        </message>
        <message>
            <source>Duration</source>
            <translation>Duur</translation>
        </message>
        <message>
            <source>Meter start</source>
            <translation>Meterstand start</translation>
        </message>
        <message>
            <source>Meter stop</source>
            <translation>Meterstand stop</translation>
        </message>
        <message>
            <source>Stop reason</source>
            <translation>Stopreden</translation>
        </message>
        <message>
            <source>Valid</source>
            <translation>Geldig</translation>
        </message>
        <message>
            <source>The connector's number on the charger</source>
            <translation>Het nummer van de connector op de laadpaal</translation>
        </message>
        <message>
            <source>Meter reading at the start, in Wh</source>
            <translation>Meterstand bij de start, in Wh</translation>
        </message>
        <message>
            <source>Meter reading at the stop, in Wh</source>
            <translation>Meterstand bij de stop, in Wh</translation>
        </message>
        <message>
            <source>Energy delivered, in kWh</source>
            <translation>Geleverde energie, in kWh</translation>
        </message>
        <message>
            <source>Connector record {id}</source>
            <translation>Connectorrecord {id}</translation>
        </message>
        <message>
            <source>Active</source>
            <translation>Actief</translation>
        </message>
    </context>
    <context>
        <name>TransactionsView</name>
        <message>
            <source>Transactions</source>
            <translation>Transacties</translation>
        </message>
        <message>
            <source>Transaction totals</source>
            <translation>Transactietotalen</translation>
        </message>
        <message>
            <source>Show power curve</source>
            <translation>Vermogenscurve tonen</translation>
        </message>
        <message>
            <source>Select a charger to see its transactions.</source>
            <translation>Selecteer een laadpaal om de transacties te zien.</translation>
        </message>
        <message>
            <source>Loading transactions…</source>
            <translation>Transacties laden…</translation>
        </message>
        <message>
            <source>Loading transactions… {count} so far</source>
            <translation>Transacties laden… tot nu toe {count}</translation>
        </message>
        <message>
            <source>Could not load transactions: {message}</source>
            <translation>Transacties konden niet worden geladen: {message}</translation>
        </message>
        <message>
            <source>No transactions match these filters.</source>
            <translation>Geen transacties voldoen aan deze filters.</translation>
        </message>
        <message>
            <source>Showing the newest {count}: raise the limit to see more</source>
            <translation>De nieuwste {count} worden getoond: verhoog de limiet om meer te zien</translation>
        </message>
        <message>
            <source>{count} hidden by the ID tag filter</source>
            <translation>{count} verborgen door het ID-tagfilter</translation>
        </message>
    </context>
    <context>
        <name>URL</name>
        <message>
            <source>Enter the API URL, for example https://app.plugchoice.com/api/v3.</source>
            <translation>Vul de API-URL in, bijvoorbeeld https://app.plugchoice.com/api/v3.</translation>
        </message>
        <message>
            <source>{url} is not a valid URL.</source>
            <translation>{url} is geen geldige URL.</translation>
        </message>
        <message>
            <source>The API URL must start with https://, for example https://app.plugchoice.com/api/v3.</source>
            <translation>De API-URL moet beginnen met https://, bijvoorbeeld https://app.plugchoice.com/api/v3.</translation>
        </message>
        <message>
            <source>The port in the API URL must be between 1 and 65535, not {port}.</source>
            <translation>De poort in de API-URL moet tussen 1 en 65535 liggen, niet {port}.</translation>
        </message>
        <message>
            <source>The API URL must not contain a user name or password; sign in with a token instead.</source>
            <translation>De API-URL mag geen gebruikersnaam of wachtwoord bevatten; meld u in plaats daarvan aan met een token.</translation>
        </message>
        <message>
            <source>The API URL must not contain '?' or '#'.</source>
            <translation>De API-URL mag geen '?' of '#' bevatten.</translation>
        </message>
        <message>
            <source>The API URL must use https:// for {host}: plain http:// would send your token unencrypted (it is only allowed for this computer, e.g. the simulator).</source>
            <translation>De API-URL moet https:// gebruiken voor {host}: gewoon http:// zou uw token onversleuteld versturen (dat mag alleen voor deze computer, bijv. de simulator).</translation>
        </message>
        <message>
            <source>{url} is not a valid webhook URL.</source>
            <translation>{url} is geen geldige webhook-URL.</translation>
        </message>
        <message>
            <source>A webhook URL must start with https://.</source>
            <translation>Een webhook-URL moet beginnen met https://.</translation>
        </message>
        <message>
            <source>A webhook URL must not contain a user name or password.</source>
            <translation>Een webhook-URL mag geen gebruikersnaam of wachtwoord bevatten.</translation>
        </message>
        <message>
            <source>The webhook for {host} must use https://: plain http:// is only allowed for this computer.</source>
            <translation>De webhook voor {host} moet https:// gebruiken: gewoon http:// mag alleen voor deze computer.</translation>
        </message>
    </context>
</TS>
