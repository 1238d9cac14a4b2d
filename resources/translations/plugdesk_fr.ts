<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en_US">
    <context>
        <name>ActionWiring</name>
        <message>
            <source>none</source>
            <translation>aucune</translation>
        </message>
        <message>
            <source>Each goes offline for about a minute; running charging sessions are interrupted.</source>
            <translation>Chaque borne est hors ligne pendant environ une minute ; les sessions de charge en cours sont interrompues.</translation>
        </message>
        <message>
            <source>No new charging session can start on them until they are made available.</source>
            <translation>Aucune nouvelle session de charge ne peut y démarrer tant qu'elles ne sont pas rendues disponibles.</translation>
        </message>
        <message>
            <source>{action}: {chargers} ({names})?</source>
            <translation>{action} : {chargers} ({names}) ?</translation>
        </message>
        <message>
            <source>Skipped, no permission for actions: {names}.</source>
            <translation>Ignorées, pas d'autorisation pour les actions : {names}.</translation>
        </message>
        <message>
            <source>{action}: sending to {chargers}…</source>
            <translation>{action} : envoi à {chargers}…</translation>
        </message>
        <message>
            <source>{action} — {chargers}</source>
            <translation>{action} — {chargers}</translation>
        </message>
        <message>
            <source>Actions</source>
            <translation>Actions</translation>
        </message>
        <message>
            <source>Log</source>
            <translation>Journal</translation>
        </message>
        <message>
            <source>&amp;Actions</source>
            <translation>&amp;Actions</translation>
        </message>
        <message>
            <source>{action} selected chargers…</source>
            <translation>{action} : bornes sélectionnées…</translation>
        </message>
        <message>
            <source>{action}: {chargers}…</source>
            <translation>{action} : {chargers}…</translation>
        </message>
    </context>
    <context>
        <name>Actions</name>
        <message>
            <source>Restart</source>
            <translation>Redémarrer</translation>
        </message>
        <message>
            <source>Make unavailable</source>
            <translation>Rendre indisponible</translation>
        </message>
        <message>
            <source>Make available</source>
            <translation>Rendre disponible</translation>
        </message>
        <message>
            <source>Start charging</source>
            <translation>Démarrer la charge</translation>
        </message>
        <message>
            <source>Stop charging</source>
            <translation>Arrêter la charge</translation>
        </message>
        <message>
            <source>Charge limit</source>
            <translation>Limite de charge</translation>
        </message>
        <message>
            <source>Clear charge limit</source>
            <translation>Lever la limite de charge</translation>
        </message>
        <message>
            <source>Plug &amp; Charge</source>
            <translation>Plug &amp; Charge</translation>
        </message>
        <message>
            <source>Public charging settings</source>
            <translation>Réglages de la recharge publique</translation>
        </message>
        <message>
            <source>restart</source>
            <translation>redémarrage</translation>
        </message>
        <message>
            <source>make unavailable</source>
            <translation>rendre indisponible</translation>
        </message>
        <message>
            <source>make available</source>
            <translation>rendre disponible</translation>
        </message>
        <message>
            <source>start charging</source>
            <translation>démarrer la charge</translation>
        </message>
        <message>
            <source>stop charging</source>
            <translation>arrêter la charge</translation>
        </message>
        <message>
            <source>charge limit</source>
            <translation>limite de charge</translation>
        </message>
        <message>
            <source>clear charge limit</source>
            <translation>lever la limite de charge</translation>
        </message>
        <message>
            <source>plug &amp; charge</source>
            <translation>Plug &amp; Charge</translation>
        </message>
        <message>
            <source>public charging settings</source>
            <translation>paramètres de recharge publique</translation>
        </message>
        <message>
            <source>Your access to {charger} does not include actions (it needs full permission). Ask the charger's owner for access.</source>
            <translation>Votre accès à {charger} ne comprend pas les actions (il faut une autorisation complète). Demandez l'accès au propriétaire de la borne.</translation>
        </message>
        <message>
            <source>connector {number}</source>
            <translation>connecteur {number}</translation>
        </message>
        <message>
            <source>a connector</source>
            <translation>un connecteur</translation>
        </message>
        <message>
            <source>, tag {tag}</source>
            <translation>, badge {tag}</translation>
        </message>
        <message>
            <source>session {id} on {where}{tag}, since {since}{energy}</source>
            <translation>session {id} sur {where}{tag}, depuis {since}{energy}</translation>
        </message>
        <message>
            <source>Make {name} unavailable? No new charging session can start on it until it is made available again; a session already running goes on to its end.</source>
            <translation>Rendre {name} indisponible ? Aucune nouvelle session de charge ne pourra y démarrer tant que la borne n'est pas rendue disponible ; une session en cours continue jusqu'à sa fin.</translation>
        </message>
        <message>
            <source>Make {name} available again? Drivers can then start charging on it.</source>
            <translation>Rendre {name} à nouveau disponible ? Les conducteurs pourront alors y recharger.</translation>
        </message>
        <message>
            <source>a free connector</source>
            <translation>un connecteur libre</translation>
        </message>
        <message>
            <source>Start charging on {name}, {where}, for id tag {tag}?</source>
            <translation>Démarrer la charge sur {name}, {where}, pour le badge {tag} ?</translation>
        </message>
        <message>
            <source>its active session</source>
            <translation>sa session en cours</translation>
        </message>
        <message>
            <source>Stop charging on {name}: {what}?</source>
            <translation>Arrêter la charge sur {name} : {what} ?</translation>
        </message>
        <message>
            <source>Lift the charge limit of {name} ({where}) back to {amps} A?</source>
            <translation>Relever la limite de charge de {name} ({where}) à {amps} A ?</translation>
        </message>
        <message>
            <source>Limit {name} ({where}) to {amps} A?</source>
            <translation>Limiter {name} ({where}) à {amps} A ?</translation>
        </message>
        <message>
            <source>Turn Plug &amp; Charge on for {name}, billed to card {card}?</source>
            <translation>Activer Plug &amp; Charge pour {name}, facturé sur la carte {card} ?</translation>
        </message>
        <message>
            <source>Turn Plug &amp; Charge off for {name}?</source>
            <translation>Désactiver Plug &amp; Charge pour {name} ?</translation>
        </message>
        <message>
            <source>Turn public charging on for {name} at {price} with a start fee of {fee}, billing plan {plan}?</source>
            <translation>Activer la recharge publique pour {name} à {price} avec des frais de démarrage de {fee}, formule de facturation {plan} ?</translation>
        </message>
        <message>
            <source>Turn public charging off for {name}? Drivers can no longer pay by card there.</source>
            <translation>Désactiver la recharge publique pour {name} ? Les conducteurs ne pourront plus y payer par carte.</translation>
        </message>
        <message>
            <source>Restart {name}? It goes offline for about a minute while it reboots.</source>
            <translation>Redémarrer {name} ? La borne de recharge est hors ligne pendant environ une minute le temps du redémarrage.</translation>
        </message>
        <message>
            <source>{question}
No charging session is running on it.</source>
            <translation>{question}
Aucune session de charge n'y est en cours.</translation>
        </message>
        <message>
            <source>{question}
This will interrupt the charging session:
{lines}</source>
            <translation>{question}
Cela interrompra la session de charge :
{lines}</translation>
        </message>
        <message>
            <source>{question}
This will interrupt the charging {count} sessions:
{lines}</source>
            <translation>{question}
Cela interrompra les {count} sessions de charge :
{lines}</translation>
        </message>
        <message>
            <source>whole charger</source>
            <translation>borne entière</translation>
        </message>
        <message>
            <source>{head} — the charger did not answer in time — it may still happen</source>
            <translation>{head} — la borne n'a pas répondu à temps — cela peut encore se produire</translation>
        </message>
        <message>
            <source>{head} — not allowed (403): your access to this charger does not include actions. Ask the charger's owner for full permission.</source>
            <translation>{head} — non autorisé (403) : votre accès à cette borne n'inclut pas les actions. Demandez au propriétaire de la borne une autorisation complète.</translation>
        </message>
        <message>
            <source>{head} — not sent: the API token was refused; sign in again.</source>
            <translation>{head} — non envoyé : le jeton d'API a été refusé ; reconnectez-vous.</translation>
        </message>
        <message>
            <source>{head} — not sent: the API does not know this charger (404).</source>
            <translation>{head} — non envoyé : l'API ne connaît pas cette borne (404).</translation>
        </message>
        <message>
            <source>{head} — not sent: {problem}</source>
            <translation>{head} — non envoyé : {problem}</translation>
        </message>
        <message>
            <source>{head} — Accepted</source>
            <translation>{head} — Acceptée</translation>
        </message>
        <message>
            <source>{head} — Rejected by the charger</source>
            <translation>{head} — Refusée par la borne</translation>
        </message>
        <message>
            <source>{head} — sent; the API did not say whether the charger accepted</source>
            <translation>{head} — envoyé ; l'API n'a pas indiqué si la borne a accepté</translation>
        </message>
        <message>
            <source>{name}: {action}</source>
            <translation>{name} : {action}</translation>
        </message>
        <message>
            <source>{name}: charging started — {session}</source>
            <translation>{name} : charge démarrée — {session}</translation>
        </message>
        <message>
            <source> (OCPP status {status})</source>
            <translation> (statut OCPP {status})</translation>
        </message>
        <message>
            <source>{name} is now unavailable{status}</source>
            <translation>{name} est maintenant indisponible{status}</translation>
        </message>
        <message>
            <source>{name} is now available again{status}</source>
            <translation>{name} est à nouveau disponible{status}</translation>
        </message>
        <message>
            <source>{name}: charging stopped (the session has ended)</source>
            <translation>{name} : charge arrêtée (la session est terminée)</translation>
        </message>
        <message>
            <source>{name}: charging stopped (session {id} has ended)</source>
            <translation>{name} : charge arrêtée (la session {id} est terminée)</translation>
        </message>
        <message>
            <source>, card {card}</source>
            <translation>, carte {card}</translation>
        </message>
        <message>
            <source>{name}: Plug &amp; Charge is now on{card}</source>
            <translation>{name} : Plug &amp; Charge est maintenant activé{card}</translation>
        </message>
        <message>
            <source>{name}: Plug &amp; Charge is now off{card}</source>
            <translation>{name} : Plug &amp; Charge est maintenant désactivé{card}</translation>
        </message>
        <message>
            <source>{name}: public charging is off</source>
            <translation>{name} : la recharge publique est désactivée</translation>
        </message>
        <message>
            <source>, code {code}</source>
            <translation>, code {code}</translation>
        </message>
        <message>
            <source>{name}: public charging is on at the new prices{code}</source>
            <translation>{name} : la recharge publique est activée aux nouveaux tarifs{code}</translation>
        </message>
        <message>
            <source>{name} restarted: back online after {seconds} s, still faulted after the restart ({code})</source>
            <translation>{name} redémarrée : de nouveau en ligne après {seconds} s, toujours en défaut après le redémarrage ({code})</translation>
        </message>
        <message>
            <source>{name} restarted: back online after {seconds} s, fault cleared</source>
            <translation>{name} redémarrée : de nouveau en ligne après {seconds} s, défaut levé</translation>
        </message>
        <message>
            <source>{name} restarted: back online after {seconds} s</source>
            <translation>{name} redémarrée : de nouveau en ligne après {seconds} s</translation>
        </message>
        <message>
            <source>{name}: the charger never got the limit ({where})</source>
            <translation>{name} : la borne n'a jamais reçu la limite ({where})</translation>
        </message>
        <message>
            <source>{name}: limit of {amps} A in effect ({where})</source>
            <translation>{name} : limite de {amps} A en vigueur ({where})</translation>
        </message>
        <message>
            <source>{name}: the charger refused the limit ({where})</source>
            <translation>{name} : la borne a refusé la limite ({where})</translation>
        </message>
        <message>
            <source>{name} went offline for the restart and was not back within {minutes} min</source>
            <translation>{name} est passée hors ligne pour le redémarrage et n'est pas revenue en {minutes} min</translation>
        </message>
        <message>
            <source>{name} did not restart within {minutes} min, still faulted</source>
            <translation>{name} n'a pas redémarré en {minutes} min, toujours en défaut</translation>
        </message>
        <message>
            <source>{name} did not restart within {minutes} min</source>
            <translation>{name} n'a pas redémarré en {minutes} min</translation>
        </message>
        <message>
            <source>{name} did not change within {minutes} min (OCPP status {status})</source>
            <translation>{name} n'a pas changé en {minutes} min (statut OCPP {status})</translation>
        </message>
        <message>
            <source>{name}: no charging session started within {minutes} min</source>
            <translation>{name} : aucune session de charge démarrée en {minutes} min</translation>
        </message>
        <message>
            <source>{name}: the session was still running after {minutes} min</source>
            <translation>{name} : la session était toujours en cours après {minutes} min</translation>
        </message>
        <message>
            <source>{name}: no sign that the charger received the limit within {minutes} min</source>
            <translation>{name} : aucun signe que la borne a reçu la limite en {minutes} min</translation>
        </message>
        <message>
            <source>{name}: the setting did not change within {minutes} min</source>
            <translation>{name} : le paramètre n'a pas changé en {minutes} min</translation>
        </message>
        <message>
            <source>It happened after all: {outcome}</source>
            <translation>C'est finalement arrivé : {outcome}</translation>
        </message>
        <message>
            <source>It did not happen: {outcome}</source>
            <translation>Cela ne s'est pas produit : {outcome}</translation>
        </message>
        <message>
            <source>{name}: an action is already in flight</source>
            <translation>{name} : une action est déjà en cours</translation>
        </message>
        <message>
            <source>{name}: not sent — the event history could not be written, and every action must be recorded first.</source>
            <translation>{name} : non envoyé — l'historique des événements n'a pas pu être écrit, et chaque action doit d'abord être enregistrée.</translation>
        </message>
        <message>
            <source>sending…</source>
            <translation>envoi en cours…</translation>
        </message>
        <message>
            <source>by {user}: {words}</source>
            <translation>par {user} : {words}</translation>
        </message>
    </context>
    <context>
        <name>ActionsPanel</name>
        <message>
            <source>Restart</source>
            <translation>Redémarrer</translation>
        </message>
        <message>
            <source>Make unavailable</source>
            <translation>Rendre indisponible</translation>
        </message>
        <message>
            <source>Make available</source>
            <translation>Rendre disponible</translation>
        </message>
        <message>
            <source>Start charging</source>
            <translation>Démarrer la charge</translation>
        </message>
        <message>
            <source>Stop charging</source>
            <translation>Arrêter la charge</translation>
        </message>
        <message>
            <source>Set limit</source>
            <translation>Fixer la limite</translation>
        </message>
        <message>
            <source>Clear limit</source>
            <translation>Lever la limite</translation>
        </message>
        <message>
            <source>Apply</source>
            <translation>Appliquer</translation>
        </message>
        <message>
            <source>subscription</source>
            <translation>abonnement</translation>
        </message>
        <message>
            <source>per transaction</source>
            <translation>par transaction</translation>
        </message>
        <message>
            <source>Select a charger to act on it.</source>
            <translation>Sélectionnez une borne pour agir dessus.</translation>
        </message>
        <message>
            <source>Action status</source>
            <translation>État de l'action</translation>
        </message>
        <message>
            <source>Restart…</source>
            <translation>Redémarrer…</translation>
        </message>
        <message>
            <source>Reboot the charger (it goes offline for about a minute)</source>
            <translation>Redémarrer la borne (elle est hors ligne pendant environ une minute)</translation>
        </message>
        <message>
            <source>Make unavailable…</source>
            <translation>Rendre indisponible…</translation>
        </message>
        <message>
            <source>No new charging sessions until it is made available again</source>
            <translation>Plus de nouvelles sessions de charge jusqu'à ce qu'elle soit rendue disponible</translation>
        </message>
        <message>
            <source>Make available…</source>
            <translation>Rendre disponible…</translation>
        </message>
        <message>
            <source>Let drivers charge again</source>
            <translation>Permettre à nouveau aux conducteurs de charger</translation>
        </message>
        <message>
            <source>Charging</source>
            <translation>Charge</translation>
        </message>
        <message>
            <source>Connector to start on</source>
            <translation>Connecteur sur lequel démarrer</translation>
        </message>
        <message>
            <source>Id tag</source>
            <translation>Badge</translation>
        </message>
        <message>
            <source>The id tag (RFID card) to charge for; recent ones are offered</source>
            <translation>Le badge (carte RFID) pour lequel charger ; les badges récents sont proposés</translation>
        </message>
        <message>
            <source>id tag (up to 20 characters)</source>
            <translation>badge (20 caractères au plus)</translation>
        </message>
        <message>
            <source>Start charging…</source>
            <translation>Démarrer la charge…</translation>
        </message>
        <message>
            <source>Remote start for this id tag</source>
            <translation>Démarrage à distance pour ce badge</translation>
        </message>
        <message>
            <source>Stop charging…</source>
            <translation>Arrêter la charge…</translation>
        </message>
        <message>
            <source>Remote stop of the session shown</source>
            <translation>Arrêt à distance de la session affichée</translation>
        </message>
        <message>
            <source>Connector:</source>
            <translation>Connecteur :</translation>
        </message>
        <message>
            <source>Id tag:</source>
            <translation>Badge :</translation>
        </message>
        <message>
            <source>Running:</source>
            <translation>En cours :</translation>
        </message>
        <message>
            <source>Charge limit</source>
            <translation>Limite de charge</translation>
        </message>
        <message>
            <source>Limit applies to</source>
            <translation>La limite s'applique à</translation>
        </message>
        <message>
            <source>Limit in amperes</source>
            <translation>Limite en ampères</translation>
        </message>
        <message>
            <source>Set limit…</source>
            <translation>Fixer la limite…</translation>
        </message>
        <message>
            <source>Cap the charging current</source>
            <translation>Plafonner le courant de charge</translation>
        </message>
        <message>
            <source>Clear limit…</source>
            <translation>Lever la limite…</translation>
        </message>
        <message>
            <source>Lift the limit back to the charger's maximum current</source>
            <translation>Ramener la limite au courant maximal de la borne</translation>
        </message>
        <message>
            <source>Applies to:</source>
            <translation>S'applique à :</translation>
        </message>
        <message>
            <source>Current:</source>
            <translation>Courant :</translation>
        </message>
        <message>
            <source>Plug &amp;&amp; Charge</source>
            <translation>Plug &amp;&amp; Charge</translation>
        </message>
        <message>
            <source>On</source>
            <translation>Activé</translation>
        </message>
        <message>
            <source>card UID it bills</source>
            <translation>UID de la carte facturée</translation>
        </message>
        <message>
            <source>Plug and Charge card</source>
            <translation>Carte Plug &amp; Charge</translation>
        </message>
        <message>
            <source>Apply…</source>
            <translation>Appliquer…</translation>
        </message>
        <message>
            <source>Turn Plug &amp; Charge on or off</source>
            <translation>Activer ou désactiver Plug &amp; Charge</translation>
        </message>
        <message>
            <source>Plug &amp;&amp; Charge:</source>
            <translation>Plug &amp;&amp; Charge :</translation>
        </message>
        <message>
            <source>Card:</source>
            <translation>Carte :</translation>
        </message>
        <message>
            <source>Now:</source>
            <translation>Actuellement :</translation>
        </message>
        <message>
            <source>Public charging</source>
            <translation>Recharge publique</translation>
        </message>
        <message>
            <source>Price per kWh</source>
            <translation>Prix par kWh</translation>
        </message>
        <message>
            <source>Start fee</source>
            <translation>Frais de démarrage</translation>
        </message>
        <message>
            <source>Copy</source>
            <translation>Copier</translation>
        </message>
        <message>
            <source>Copy the public code</source>
            <translation>Copier le code public</translation>
        </message>
        <message>
            <source>Copy the public charging URL</source>
            <translation>Copier l'URL de recharge publique</translation>
        </message>
        <message>
            <source>Save the public charging settings</source>
            <translation>Enregistrer les réglages de la recharge publique</translation>
        </message>
        <message>
            <source>Public charging:</source>
            <translation>Recharge publique :</translation>
        </message>
        <message>
            <source>Price per kWh:</source>
            <translation>Prix par kWh :</translation>
        </message>
        <message>
            <source>Start fee:</source>
            <translation>Frais de démarrage :</translation>
        </message>
        <message>
            <source>Billing plan:</source>
            <translation>Mode de facturation :</translation>
        </message>
        <message>
            <source>Public code:</source>
            <translation>Code public :</translation>
        </message>
        <message>
            <source>URL:</source>
            <translation>URL :</translation>
        </message>
        <message>
            <source>Could not read {what}</source>
            <translation>Lecture impossible : {what}</translation>
        </message>
        <message>
            <source>Actions on {charger}.</source>
            <translation>Actions sur {charger}.</translation>
        </message>
        <message>
            <source>Any free connector</source>
            <translation>N'importe quel connecteur libre</translation>
        </message>
        <message>
            <source>Whole charger</source>
            <translation>Borne entière</translation>
        </message>
        <message>
            <source>Connector {number}</source>
            <translation>Connecteur {number}</translation>
        </message>
        <message>
            <source>Could not read the sessions: {problem}</source>
            <translation>Impossible de lire les sessions : {problem}</translation>
        </message>
        <message>
            <source>No charging session is running.</source>
            <translation>Aucune session de charge en cours.</translation>
        </message>
        <message>
            <source>Made unavailable</source>
            <translation>Rendue indisponible</translation>
        </message>
        <message>
            <source>Available to drivers</source>
            <translation>Disponible pour les conducteurs</translation>
        </message>
        <message>
            <source>on, card {card}</source>
            <translation>activé, carte {card}</translation>
        </message>
        <message>
            <source>off</source>
            <translation>désactivé</translation>
        </message>
        <message>
            <source>Select a charger first.</source>
            <translation>Sélectionnez d'abord une borne.</translation>
        </message>
        <message>
            <source>An action is in flight; wait for its reply.</source>
            <translation>Une action est en cours ; attendez sa réponse.</translation>
        </message>
        <message>
            <source>It is already unavailable.</source>
            <translation>Elle est déjà indisponible.</translation>
        </message>
        <message>
            <source>It is already available.</source>
            <translation>Elle est déjà disponible.</translation>
        </message>
        <message>
            <source>Enter an id tag.</source>
            <translation>Saisissez un badge.</translation>
        </message>
        <message>
            <source>Enter the card UID it bills.</source>
            <translation>Saisissez l'UID de la carte facturée.</translation>
        </message>
        <message>
            <source>Not now: </source>
            <translation>Pas maintenant : </translation>
        </message>
        <message>
            <source>Checking the charging sessions of {charger}…</source>
            <translation>Vérification des sessions de charge de {charger}…</translation>
        </message>
        <message>
            <source>{action} of {charger}: not sent (cancelled).</source>
            <translation>{action} de {charger} : non envoyé (annulé).</translation>
        </message>
        <message>
            <source>An action is already in flight for this charger.</source>
            <translation>Une action est déjà en cours pour cette borne.</translation>
        </message>
        <message>
            <source>Sending to {charger}… waiting for the charger's reply.</source>
            <translation>Envoi à {charger}… en attente de la réponse de la borne.</translation>
        </message>
        <message>
            <source>Watching the charger for the effect…</source>
            <translation>Surveillance de la borne pour en voir l'effet…</translation>
        </message>
    </context>
    <context>
        <name>AlertText</name>
        <message>
            <source>{charger} connector {connector} faulted</source>
            <translation>{charger} : connecteur {connector} en défaut</translation>
        </message>
        <message>
            <source>{charger} faulted</source>
            <translation>{charger} en défaut</translation>
        </message>
        <message>
            <source>{charger} is offline</source>
            <translation>{charger} est hors ligne</translation>
        </message>
        <message>
            <source>{charger} stopped reporting</source>
            <translation>{charger} ne donne plus de nouvelles</translation>
        </message>
        <message>
            <source>Offline since an unknown time</source>
            <translation>Hors ligne depuis une heure inconnue</translation>
        </message>
        <message>
            <source>Offline for {duration}</source>
            <translation>Hors ligne depuis {duration}</translation>
        </message>
        <message>
            <source>No heartbeat for {duration}</source>
            <translation>Aucun heartbeat depuis {duration}</translation>
        </message>
        <message>
            <source>Faulted (no error code)</source>
            <translation>En défaut (sans code d’erreur)</translation>
        </message>
        <message>
            <source>{error} ({info})</source>
            <translation>{error} ({info})</translation>
        </message>
        <message>
            <source>{charger} connector {connector}: fault cleared</source>
            <translation>{charger} : défaut du connecteur {connector} résolu</translation>
        </message>
        <message>
            <source>{charger}: fault cleared</source>
            <translation>{charger} : défaut résolu</translation>
        </message>
        <message>
            <source>{charger} is back online</source>
            <translation>{charger} est de nouveau en ligne</translation>
        </message>
        <message>
            <source>{charger} is reporting again</source>
            <translation>{charger} donne de nouveau des nouvelles</translation>
        </message>
        <message>
            <source>{error} cleared after {duration}.</source>
            <translation>{error} résolu après {duration}.</translation>
        </message>
        <message>
            <source>The fault cleared after {duration}.</source>
            <translation>Le défaut a été résolu après {duration}.</translation>
        </message>
        <message>
            <source>Offline for {duration}.</source>
            <translation>Hors ligne pendant {duration}.</translation>
        </message>
        <message>
            <source>Silent for {duration}.</source>
            <translation>Sans nouvelles pendant {duration}.</translation>
        </message>
        <message numerus="yes">
            <source>%n chargers need attention</source>
            <translation>
                <numerusform>%n borne demande votre attention</numerusform>
                <numerusform>%n bornes demandent votre attention</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n chargers recovered</source>
            <translation>
                <numerusform>%n borne rétablie</numerusform>
                <numerusform>%n bornes rétablies</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{names} and %n more chargers</source>
            <translation>
                <numerusform>{names} et %n autre borne</numerusform>
                <numerusform>{names} et %n autres bornes</numerusform>
            </translation>
        </message>
        <message>
            <source>{counts}: {names}</source>
            <translation>{counts} : {names}</translation>
        </message>
        <message numerus="yes">
            <source>%n chargers faulted</source>
            <translation>
                <numerusform>%n borne en défaut</numerusform>
                <numerusform>%n bornes en défaut</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n chargers no longer faulted</source>
            <translation>
                <numerusform>%n borne n’est plus en défaut</numerusform>
                <numerusform>%n bornes ne sont plus en défaut</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n chargers offline</source>
            <translation>
                <numerusform>%n borne hors ligne</numerusform>
                <numerusform>%n bornes hors ligne</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n chargers back online</source>
            <translation>
                <numerusform>%n borne de nouveau en ligne</numerusform>
                <numerusform>%n bornes de nouveau en ligne</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n chargers stopped reporting</source>
            <translation>
                <numerusform>%n borne ne donne plus de nouvelles</numerusform>
                <numerusform>%n bornes ne donnent plus de nouvelles</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n chargers reporting again</source>
            <translation>
                <numerusform>%n borne donne de nouveau des nouvelles</numerusform>
                <numerusform>%n bornes donnent de nouveau des nouvelles</numerusform>
            </translation>
        </message>
        <message>
            <source>Fault notifications are off</source>
            <translation>Les notifications de défaut sont désactivées</translation>
        </message>
        <message>
            <source>Offline notifications are off</source>
            <translation>Les notifications hors ligne sont désactivées</translation>
        </message>
        <message>
            <source>Stale notifications are off</source>
            <translation>Les notifications de données périmées sont désactivées</translation>
        </message>
        <message>
            <source>Resolved notifications are off</source>
            <translation>Les notifications de résolution sont désactivées</translation>
        </message>
        <message>
            <source>Notifications paused until {time}</source>
            <translation>Notifications suspendues jusqu’à {time}</translation>
        </message>
        <message>
            <source>Charger muted until resolved</source>
            <translation>Borne en sourdine jusqu’à résolution</translation>
        </message>
        <message>
            <source>Charger muted until {time}</source>
            <translation>Borne en sourdine jusqu’à {time}</translation>
        </message>
        <message>
            <source>Quiet hours</source>
            <translation>Heures calmes</translation>
        </message>
    </context>
    <context>
        <name>Alerts</name>
        <message>
            <source>Pop-ups muted until its incidents resolve</source>
            <translation>Fenêtres surgissantes en sourdine jusqu’à la résolution des incidents</translation>
        </message>
        <message>
            <source>Pop-ups muted until {time}</source>
            <translation>Fenêtres surgissantes en sourdine jusqu’à {time}</translation>
        </message>
    </context>
    <context>
        <name>AppStatusBar</name>
        <message>
            <source>Not signed in</source>
            <translation>Non connecté</translation>
        </message>
        <message>
            <source>Signed-in user</source>
            <translation>Utilisateur connecté</translation>
        </message>
        <message>
            <source>API host</source>
            <translation>Serveur de l’API</translation>
        </message>
        <message>
            <source>Not refreshed yet</source>
            <translation>Pas encore actualisé</translation>
        </message>
        <message>
            <source>Last refresh</source>
            <translation>Dernière actualisation</translation>
        </message>
        <message>
            <source>Request budget</source>
            <translation>Budget de requêtes</translation>
        </message>
        <message>
            <source>Requests sent in the last minute / the API's limit</source>
            <translation>Requêtes envoyées dans la dernière minute / limite de l’API</translation>
        </message>
        <message>
            <source>Refreshing…</source>
            <translation>Actualisation…</translation>
        </message>
        <message>
            <source>Refresh failed · data from {age}</source>
            <translation>Échec de l'actualisation · données de {age}</translation>
        </message>
        <message>
            <source>Refresh failed</source>
            <translation>Échec de l'actualisation</translation>
        </message>
        <message>
            <source>Updated {age}</source>
            <translation>Mis à jour {age}</translation>
        </message>
        <message>
            <source>API {used}/{limit} per min</source>
            <translation>API {used}/{limit} par min</translation>
        </message>
    </context>
    <context>
        <name>ChartCard</name>
        <message>
            <source>Copy or save this chart</source>
            <translation>Copier ou enregistrer ce graphique</translation>
        </message>
        <message>
            <source>{title}: copy or save</source>
            <translation>{title} : copier ou enregistrer</translation>
        </message>
        <message>
            <source>Copy</source>
            <translation>Copier</translation>
        </message>
        <message>
            <source>Save as PNG…</source>
            <translation>Enregistrer en PNG…</translation>
        </message>
        <message>
            <source>Save as SVG…</source>
            <translation>Enregistrer en SVG…</translation>
        </message>
        <message>
            <source>Save chart as {kind}</source>
            <translation>Enregistrer le graphique en {kind}</translation>
        </message>
        <message>
            <source>Chart not saved</source>
            <translation>Graphique non enregistré</translation>
        </message>
        <message>
            <source>Could not save {path}: {problem}.</source>
            <translation>Impossible d'enregistrer {path} : {problem}.</translation>
        </message>
    </context>
    <context>
        <name>ConnectionBanner</name>
        <message>
            <source>Token rejected — sign in again</source>
            <translation>Jeton refusé — reconnectez-vous</translation>
        </message>
        <message>
            <source>Not signed in — sign in to see your chargers</source>
            <translation>Non connecté — connectez-vous pour voir vos bornes</translation>
        </message>
        <message>
            <source>Connection problem</source>
            <translation>Problème de connexion</translation>
        </message>
        <message>
            <source>Retry now</source>
            <translation>Réessayer maintenant</translation>
        </message>
        <message>
            <source>Sign in…</source>
            <translation>Se connecter…</translation>
        </message>
        <message>
            <source>Cannot reach the Plugchoice API — showing data from {time}, marked stale</source>
            <translation>API Plugchoice injoignable — données de {time} affichées, marquées comme périmées</translation>
        </message>
        <message>
            <source>Cannot reach the Plugchoice API — showing data marked stale</source>
            <translation>API Plugchoice injoignable — données affichées, marquées comme périmées</translation>
        </message>
        <message>
            <source>The last refresh failed — showing data from {time}, marked stale</source>
            <translation>La dernière actualisation a échoué — données de {time} affichées, marquées comme périmées</translation>
        </message>
        <message>
            <source>The last refresh failed — showing data marked stale</source>
            <translation>La dernière actualisation a échoué — données affichées, marquées comme périmées</translation>
        </message>
    </context>
    <context>
        <name>ConnectorsModel</name>
        <message>
            <source>Connector</source>
            <translation>Connecteur</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>État</translation>
        </message>
        <message>
            <source>Error</source>
            <translation>Erreur</translation>
        </message>
        <message>
            <source>Power type</source>
            <translation>Type de courant</translation>
        </message>
        <message>
            <source>Max A</source>
            <translation>A max.</translation>
        </message>
        <message>
            <source>Max V</source>
            <translation>V max.</translation>
        </message>
        <message>
            <source>Standard</source>
            <translation>Norme</translation>
        </message>
        <message>
            <source>Power (last reading)</source>
            <translation>Puissance (dernière)</translation>
        </message>
        <message>
            <source>AC 1-phase</source>
            <translation>AC monophasé</translation>
        </message>
        <message>
            <source>AC 3-phase</source>
            <translation>AC triphasé</translation>
        </message>
    </context>
    <context>
        <name>Credentials</name>
        <message>
            <source>Your system has no password store; the token will be forgotten when PlugDesk quits.</source>
            <translation>Votre système n’a pas de trousseau de mots de passe ; le jeton sera oublié à la fermeture de PlugDesk.</translation>
        </message>
    </context>
    <context>
        <name>DetailPane</name>
        <message>
            <source>Status</source>
            <translation>État</translation>
        </message>
        <message>
            <source>Health</source>
            <translation>État de santé</translation>
        </message>
        <message>
            <source>Site</source>
            <translation>Site</translation>
        </message>
        <message>
            <source>OCPP status</source>
            <translation>État OCPP</translation>
        </message>
        <message>
            <source>Error</source>
            <translation>Erreur</translation>
        </message>
        <message>
            <source>Error info</source>
            <translation>Détail de l’erreur</translation>
        </message>
        <message>
            <source>Vendor ID</source>
            <translation>ID fabricant</translation>
        </message>
        <message>
            <source>Vendor error</source>
            <translation>Erreur fabricant</translation>
        </message>
        <message>
            <source>Blocked</source>
            <translation>Bloquée</translation>
        </message>
        <message>
            <source>Setup</source>
            <translation>Mise en service</translation>
        </message>
        <message>
            <source>Connectivity</source>
            <translation>Connectivité</translation>
        </message>
        <message>
            <source>Connection</source>
            <translation>Connexion</translation>
        </message>
        <message>
            <source>Last heartbeat</source>
            <translation>Dernier heartbeat</translation>
        </message>
        <message>
            <source>Connected</source>
            <translation>Connectée</translation>
        </message>
        <message>
            <source>Disconnected</source>
            <translation>Déconnectée</translation>
        </message>
        <message>
            <source>Server</source>
            <translation>Serveur</translation>
        </message>
        <message>
            <source>Hardware</source>
            <translation>Matériel</translation>
        </message>
        <message>
            <source>Model</source>
            <translation>Modèle</translation>
        </message>
        <message>
            <source>DC</source>
            <translation>DC</translation>
        </message>
        <message>
            <source>Max current</source>
            <translation>Courant max.</translation>
        </message>
        <message>
            <source>Model ID</source>
            <translation>ID du modèle</translation>
        </message>
        <message>
            <source>Charger ID</source>
            <translation>ID de la borne</translation>
        </message>
        <message>
            <source>Added</source>
            <translation>Ajoutée</translation>
        </message>
        <message>
            <source>Updated</source>
            <translation>Mise à jour</translation>
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
            <translation>Interprétée</translation>
        </message>
        <message>
            <source>Licenses</source>
            <translation>Licences</translation>
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
            <translation>Autorisations</translation>
        </message>
        <message>
            <source>Basic</source>
            <translation>Base</translation>
        </message>
        <message>
            <source>Sensitive</source>
            <translation>Sensible</translation>
        </message>
        <message>
            <source>Full</source>
            <translation>Complet</translation>
        </message>
        <message>
            <source>PIN code</source>
            <translation>Code PIN</translation>
        </message>
        <message>
            <source>Pending</source>
            <translation>En attente</translation>
        </message>
        <message>
            <source>Completed</source>
            <translation>Terminée</translation>
        </message>
        <message>
            <source>Not completed</source>
            <translation>Non terminée</translation>
        </message>
        <message>
            <source>Set (hidden)</source>
            <translation>Défini (masqué)</translation>
        </message>
        <message>
            <source>{reading}, time unknown</source>
            <translation>{reading}, heure inconnue</translation>
        </message>
        <message>
            <source>Last reading {reading}, {age}</source>
            <translation>Dernière mesure {reading}, {age}</translation>
        </message>
        <message>
            <source>Reading taken {time} (the last sample stored)</source>
            <translation>Mesure du {time} (le dernier relevé enregistré)</translation>
        </message>
        <message>
            <source>Select a charger in the list to see its details.</source>
            <translation>Sélectionnez une borne dans la liste pour voir ses détails.</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>Détails</translation>
        </message>
        <message>
            <source>Connectors</source>
            <translation>Connecteurs</translation>
        </message>
        <message>
            <source>Copy identity</source>
            <translation>Copier l’identifiant</translation>
        </message>
        <message>
            <source>Copy the charger's identity to the clipboard</source>
            <translation>Copier l’identifiant de la borne dans le presse-papiers</translation>
        </message>
        <message>
            <source>Copy UUID</source>
            <translation>Copier l’UUID</translation>
        </message>
        <message>
            <source>Copy the charger's UUID to the clipboard</source>
            <translation>Copier l’UUID de la borne dans le presse-papiers</translation>
        </message>
        <message>
            <source>Rename…</source>
            <translation>Renommer…</translation>
        </message>
        <message>
            <source>Change the charger's reference (its name in PlugDesk)</source>
            <translation>Modifier la référence de la borne (son nom dans PlugDesk)</translation>
        </message>
        <message>
            <source>{label}:</source>
            <translation>{label} :</translation>
        </message>
        <message>
            <source>Loading connectors…</source>
            <translation>Chargement des connecteurs…</translation>
        </message>
        <message>
            <source>Could not load connectors: {message}</source>
            <translation>Impossible de charger les connecteurs : {message}</translation>
        </message>
        <message>
            <source>unavailable ({error})</source>
            <translation>indisponible ({error})</translation>
        </message>
        <message>
            <source>not current — last refresh failed</source>
            <translation>pas à jour — la dernière actualisation a échoué</translation>
        </message>
        <message>
            <source>Health: {level}</source>
            <translation>État de santé : {level}</translation>
        </message>
        <message>
            <source>This charger reports no connectors.</source>
            <translation>Cette borne ne signale aucun connecteur.</translation>
        </message>
        <message>
            <source>Power readings are fetched while the charger is online.</source>
            <translation>Les mesures de puissance sont relevées tant que la borne est en ligne.</translation>
        </message>
    </context>
    <context>
        <name>ErrorDialog</name>
        <message>
            <source>Something went wrong</source>
            <translation>Un problème est survenu</translation>
        </message>
        <message>
            <source>PlugDesk kept running; you can carry on. If this keeps happening, please report it with the details below.</source>
            <translation>PlugDesk continue de fonctionner ; vous pouvez poursuivre. Si cela se reproduit, signalez-le avec les détails ci-dessous.</translation>
        </message>
        <message>
            <source>The details are also in the log file:</source>
            <translation>Les détails figurent aussi dans le fichier journal :</translation>
        </message>
        <message numerus="yes">
            <source>An unexpected error occurred (%n errors since this window opened).</source>
            <translation>
                <numerusform>Une erreur inattendue s’est produite (%n erreur depuis l’ouverture de cette fenêtre).</numerusform>
                <numerusform>Une erreur inattendue s’est produite (%n erreurs depuis l’ouverture de cette fenêtre).</numerusform>
            </translation>
        </message>
        <message>
            <source>An unexpected error occurred.</source>
            <translation>Une erreur inattendue s’est produite.</translation>
        </message>
    </context>
    <context>
        <name>EventsModel</name>
        <message>
            <source>State</source>
            <translation>État</translation>
        </message>
        <message>
            <source>Charger</source>
            <translation>Borne</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Type</translation>
        </message>
        <message>
            <source>Error code</source>
            <translation>Code d’erreur</translation>
        </message>
        <message>
            <source>Info</source>
            <translation>Info</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>Fermé</translation>
        </message>
        <message>
            <source>Lasted</source>
            <translation>Durée</translation>
        </message>
        <message>
            <source>Began</source>
            <translation>Début</translation>
        </message>
        <message>
            <source>Ended</source>
            <translation>Fin</translation>
        </message>
        <message>
            <source>Faulted {age}</source>
            <translation>En défaut {age}</translation>
        </message>
        <message>
            <source>Went offline {age}</source>
            <translation>Passée hors ligne {age}</translation>
        </message>
        <message>
            <source>Went quiet {age}</source>
            <translation>Muette {age}</translation>
        </message>
        <message>
            <source>Seen {age}</source>
            <translation>Vue {age}</translation>
        </message>
        <message>
            <source>alert in {left}</source>
            <translation>alerte dans {left}</translation>
        </message>
        <message>
            <source>alert due now</source>
            <translation>alerte imminente</translation>
        </message>
        <message>
            <source>Sent</source>
            <translation>Envoyée</translation>
        </message>
        <message>
            <source>Pending</source>
            <translation>En attente</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Ouvert</translation>
        </message>
        <message>
            <source>Connector {number}: {error}</source>
            <translation>Connecteur {number} : {error}</translation>
        </message>
        <message>
            <source>First seen {seen}; if it lasts, it opens an incident and alerts at {alert}</source>
            <translation>Vu pour la première fois {seen} ; si cela dure, un incident est ouvert et une alerte émise à {alert}</translation>
        </message>
        <message>
            <source>First seen {seen}
Alerted {alerted} (after the grace period)</source>
            <translation>Vu pour la première fois {seen}
Alerte {alerted} (après le délai de grâce)</translation>
        </message>
        <message>
            <source>First seen cleared {time}</source>
            <translation>Vu résolu pour la première fois {time}</translation>
        </message>
    </context>
    <context>
        <name>EventsPane</name>
        <message>
            <source>No problems so far. A problem shows here as soon as a refresh sees it, marked “Pending” while its grace period runs (2 min for faults, 5 min for offline by default; see Settings); only a problem that lasts becomes an incident and alerts.</source>
            <translation>Aucun problème pour l'instant. Un problème s'affiche ici dès qu'une actualisation le voit, marqué « En attente » pendant son délai de grâce (par défaut 2 min pour les défauts, 5 min pour les bornes hors ligne ; voir Réglages) ; seul un problème qui dure devient un incident et déclenche une alerte.</translation>
        </message>
        <message>
            <source>Filter by charger: identity, reference or UUID</source>
            <translation>Filtrer par borne : identifiant, référence ou UUID</translation>
        </message>
        <message>
            <source>Filter events by charger</source>
            <translation>Filtrer les événements par borne</translation>
        </message>
        <message>
            <source>Kind of event</source>
            <translation>Type d’événement</translation>
        </message>
        <message>
            <source>All kinds</source>
            <translation>Tous les types</translation>
        </message>
        <message>
            <source>Open or closed</source>
            <translation>Ouvert ou fermé</translation>
        </message>
        <message>
            <source>Open and closed</source>
            <translation>Ouverts et fermés</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Ouvert</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>Fermé</translation>
        </message>
        <message>
            <source>Export CSV…</source>
            <translation>Exporter en CSV…</translation>
        </message>
        <message>
            <source>Save the events shown (with the filters) as CSV</source>
            <translation>Enregistrer les événements affichés (avec les filtres) en CSV</translation>
        </message>
        <message>
            <source>Events</source>
            <translation>Événements</translation>
        </message>
        <message>
            <source>Export events</source>
            <translation>Exporter les événements</translation>
        </message>
        <message>
            <source>Could not export the events: {problem}</source>
            <translation>Impossible d'exporter les événements : {problem}</translation>
        </message>
        <message numerus="yes">
            <source>Exported %n events to {path}</source>
            <translation>
                <numerusform>%n événement exporté vers {path}</numerusform>
                <numerusform>%n événements exportés vers {path}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n events</source>
            <translation>
                <numerusform>%n événement</numerusform>
                <numerusform>%n événements</numerusform>
            </translation>
        </message>
        <message>
            <source>{shown} of {total}</source>
            <translation>{shown} sur {total}</translation>
        </message>
        <message>
            <source>Show {name} in Chargers</source>
            <translation>Afficher {name} dans Bornes</translation>
        </message>
        <message>
            <source>Show log</source>
            <translation>Afficher le journal</translation>
        </message>
        <message>
            <source>The charger's OCPP log at the start of this event</source>
            <translation>Le journal OCPP de la borne au début de cet événement</translation>
        </message>
        <message>
            <source>{name} unmuted</source>
            <translation>{name} n’est plus en sourdine</translation>
        </message>
        <message>
            <source>Mute for 1 hour</source>
            <translation>Mettre en sourdine 1 heure</translation>
        </message>
        <message>
            <source>{name} muted for 1 hour</source>
            <translation>{name} en sourdine pour 1 heure</translation>
        </message>
        <message>
            <source>Mute for 24 hours</source>
            <translation>Mettre en sourdine 24 heures</translation>
        </message>
        <message>
            <source>{name} muted for 24 hours</source>
            <translation>{name} en sourdine pour 24 heures</translation>
        </message>
        <message>
            <source>Mute until resolved</source>
            <translation>Mettre en sourdine jusqu’à résolution</translation>
        </message>
        <message>
            <source>{name} muted until its incidents resolve</source>
            <translation>{name} en sourdine jusqu’à la résolution de ses incidents</translation>
        </message>
        <message>
            <source>Unmute (muted until resolved)</source>
            <translation>Réactiver le son (en sourdine jusqu’à résolution)</translation>
        </message>
        <message>
            <source>Unmute (muted until {time})</source>
            <translation>Réactiver le son (en sourdine jusqu’à {time})</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <source>any</source>
            <translation>aucune</translation>
        </message>
        <message>
            <source>All</source>
            <translation>Toutes</translation>
        </message>
        <message>
            <source>Active only</source>
            <translation>En cours uniquement</translation>
        </message>
        <message>
            <source>Finished only</source>
            <translation>Terminées uniquement</translation>
        </message>
        <message>
            <source>This month</source>
            <translation>Ce mois-ci</translation>
        </message>
        <message>
            <source>Last month</source>
            <translation>Mois dernier</translation>
        </message>
        <message>
            <source>This year</source>
            <translation>Cette année</translation>
        </message>
        <message>
            <source>All time</source>
            <translation>Toute la période</translation>
        </message>
        <message>
            <source>Custom</source>
            <translation>Personnalisée</translation>
        </message>
        <message>
            <source>Export transactions</source>
            <translation>Exporter les transactions</translation>
        </message>
        <message>
            <source>Chargers</source>
            <translation>Bornes</translation>
        </message>
        <message>
            <source>Selected charger: {name}</source>
            <translation>Borne sélectionnée : {name}</translation>
        </message>
        <message>
            <source>Selected charger (none selected)</source>
            <translation>Borne sélectionnée (aucune)</translation>
        </message>
        <message>
            <source>Chosen chargers:</source>
            <translation>Bornes choisies :</translation>
        </message>
        <message>
            <source>All chargers ({count} known)</source>
            <translation>Toutes les bornes ({count} connues)</translation>
        </message>
        <message>
            <source>The list is read fresh from Plugchoice when the export starts.</source>
            <translation>La liste est relue depuis Plugchoice au début de l’export.</translation>
        </message>
        <message>
            <source>Filter chargers</source>
            <translation>Filtrer les bornes</translation>
        </message>
        <message>
            <source>Chargers to export</source>
            <translation>Bornes à exporter</translation>
        </message>
        <message>
            <source>Check shown</source>
            <translation>Cocher les affichées</translation>
        </message>
        <message>
            <source>Uncheck all</source>
            <translation>Tout décocher</translation>
        </message>
        <message>
            <source>Transactions</source>
            <translation>Transactions</translation>
        </message>
        <message>
            <source>Period</source>
            <translation>Période</translation>
        </message>
        <message>
            <source>From</source>
            <translation>Du</translation>
        </message>
        <message>
            <source>To</source>
            <translation>Au</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>État</translation>
        </message>
        <message>
            <source>to</source>
            <translation>au</translation>
        </message>
        <message>
            <source>Transactions that started on or after “From” and stopped on or before “To”. “{any}” means no limit.</source>
            <translation>Transactions commencées à partir du « Du » et terminées au plus tard le « Au ». « {any} » signifie sans limite.</translation>
        </message>
        <message>
            <source>File</source>
            <translation>Fichier</translation>
        </message>
        <message>
            <source>Excel (XLSX)</source>
            <translation>Excel (XLSX)</translation>
        </message>
        <message>
            <source>this computer</source>
            <translation>cet ordinateur</translation>
        </message>
        <message>
            <source>Local time ({zone})</source>
            <translation>Heure locale ({zone})</translation>
        </message>
        <message>
            <source>Time zone</source>
            <translation>Fuseau horaire</translation>
        </message>
        <message>
            <source>Comma ( , )</source>
            <translation>Virgule ( , )</translation>
        </message>
        <message>
            <source>Semicolon ( ; ) for Excel in many European locales</source>
            <translation>Point-virgule ( ; ) pour Excel dans de nombreux paramètres régionaux européens</translation>
        </message>
        <message>
            <source>CSV delimiter</source>
            <translation>Séparateur CSV</translation>
        </message>
        <message>
            <source>Save to</source>
            <translation>Enregistrer sous</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>Parcourir…</translation>
        </message>
        <message>
            <source>Format</source>
            <translation>Format</translation>
        </message>
        <message>
            <source>Times in</source>
            <translation>Heures en</translation>
        </message>
        <message>
            <source>Delimiter</source>
            <translation>Séparateur</translation>
        </message>
        <message>
            <source>Files keep machine formats in every language: ISO dates and times (2026-05-09T10:11:12+00:00) and a dot as the decimal mark, also with ;.</source>
            <translation>Les fichiers gardent des formats machine dans toutes les langues : dates et heures ISO (2026-05-09T10:11:12+00:00) et un point comme séparateur décimal, même avec ;.</translation>
        </message>
        <message>
            <source>Export status</source>
            <translation>État de l’export</translation>
        </message>
        <message>
            <source>Export progress</source>
            <translation>Progression de l’export</translation>
        </message>
        <message>
            <source>Chargers that failed</source>
            <translation>Bornes en échec</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>Exporter</translation>
        </message>
        <message>
            <source>Open folder</source>
            <translation>Ouvrir le dossier</translation>
        </message>
        <message>
            <source>Continue in background</source>
            <translation>Continuer en arrière-plan</translation>
        </message>
        <message>
            <source>Hide this dialog; the status bar shows the progress, with Cancel and Show</source>
            <translation>Masquer cette fenêtre ; la barre d’état affiche la progression, avec Annuler et Afficher</translation>
        </message>
        <message>
            <source>The start date {start} is after the end date {end}.</source>
            <translation>La date de début {start} est postérieure à la date de fin {end}.</translation>
        </message>
        <message>
            <source>Tick at least one charger to export.</source>
            <translation>Cochez au moins une borne à exporter.</translation>
        </message>
        <message>
            <source>No charger is selected in the window; choose chargers here instead.</source>
            <translation>Aucune borne n’est sélectionnée dans la fenêtre ; choisissez les bornes ici.</translation>
        </message>
        <message>
            <source>Choose where to save the export.</source>
            <translation>Choisissez où enregistrer l’export.</translation>
        </message>
        <message>
            <source>{count} of {total} ticked</source>
            <translation>{count} sur {total} cochées</translation>
        </message>
        <message>
            <source>XLSX files have no delimiter.</source>
            <translation>Les fichiers XLSX n’ont pas de séparateur.</translation>
        </message>
        <message>
            <source>CSV files (*.csv)</source>
            <translation>Fichiers CSV (*.csv)</translation>
        </message>
        <message>
            <source>Excel workbooks (*.xlsx)</source>
            <translation>Classeurs Excel (*.xlsx)</translation>
        </message>
        <message>
            <source>Export transactions to</source>
            <translation>Exporter les transactions vers</translation>
        </message>
        <message>
            <source>{name} exists; it is replaced only when the export completes.</source>
            <translation>{name} existe ; il ne sera remplacé qu’une fois l’export terminé.</translation>
        </message>
        <message>
            <source>Cancelling…</source>
            <translation>Annulation…</translation>
        </message>
        <message>
            <source>Cancel export</source>
            <translation>Annuler l’export</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Fermer</translation>
        </message>
        <message>
            <source>Listing chargers… {count} so far.</source>
            <translation>Liste des bornes… {count} jusqu’ici.</translation>
        </message>
        <message>
            <source>Listing chargers…</source>
            <translation>Liste des bornes en cours…</translation>
        </message>
        <message>
            <source>{done} of {total} chargers</source>
            <translation>{done} sur {total} bornes</translation>
        </message>
        <message>
            <source>Exporting… {count} transactions written so far.</source>
            <translation>Export en cours… {count} transactions écrites jusqu’ici.</translation>
        </message>
        <message numerus="yes">
            <source>%n transactions, {kwh} kWh, from {chargers}.</source>
            <translation>
                <numerusform>%n transaction, {kwh} kWh, sur {chargers}.</numerusform>
                <numerusform>%n transactions, {kwh} kWh, sur {chargers}.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n chargers</source>
            <translation>
                <numerusform>%n borne</numerusform>
                <numerusform>%n bornes</numerusform>
            </translation>
        </message>
        <message>
            <source>Export complete.</source>
            <translation>Export terminé.</translation>
        </message>
        <message>
            <source>Saved to {path}</source>
            <translation>Enregistré sous {path}</translation>
        </message>
        <message>
            <source>Export failed.</source>
            <translation>L’export a échoué.</translation>
        </message>
        <message>
            <source>No file was written; an existing file with that name was left as it was.</source>
            <translation>Aucun fichier n’a été écrit ; un fichier existant de ce nom est resté tel quel.</translation>
        </message>
        <message numerus="yes">
            <source>%n more chargers were not tried.</source>
            <translation>
                <numerusform>%n autre borne n’a pas été essayée.</numerusform>
                <numerusform>%n autres bornes n’ont pas été essayées.</numerusform>
            </translation>
        </message>
        <message>
            <source>Export cancelled. No file was written.</source>
            <translation>Export annulé. Aucun fichier n’a été écrit.</translation>
        </message>
    </context>
    <context>
        <name>ExportProgress</name>
        <message>
            <source>Export progress</source>
            <translation>Progression de l’export</translation>
        </message>
        <message>
            <source>Show</source>
            <translation>Afficher</translation>
        </message>
        <message>
            <source>Show the export dialog</source>
            <translation>Afficher la fenêtre d’export</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Annuler</translation>
        </message>
        <message>
            <source>Cancel the export; no file is written</source>
            <translation>Annuler l’export ; aucun fichier n’est écrit</translation>
        </message>
        <message>
            <source>Export failed: nothing was written</source>
            <translation>Échec de l’export : rien n’a été écrit</translation>
        </message>
        <message>
            <source>Export cancelled</source>
            <translation>Export annulé</translation>
        </message>
        <message>
            <source>Export: listing chargers…</source>
            <translation>Export : liste des bornes en cours…</translation>
        </message>
        <message>
            <source>Export: listing chargers… {done} so far</source>
            <translation>Export : liste des bornes en cours… {done} jusqu’ici</translation>
        </message>
        <message>
            <source>Export: {done} of {total} chargers</source>
            <translation>Export : {done} bornes sur {total}</translation>
        </message>
        <message numerus="yes">
            <source>%n transactions written so far</source>
            <translation>
                <numerusform>%n transaction écrite jusqu’ici</numerusform>
                <numerusform>%n transactions écrites jusqu’ici</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Export complete: %n transactions saved</source>
            <translation>
                <numerusform>Export terminé : %n transaction enregistrée</numerusform>
                <numerusform>Export terminé : %n transactions enregistrées</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Export complete: %n transactions saved to {file}</source>
            <translation>
                <numerusform>Export terminé : %n transaction enregistrée dans {file}</numerusform>
                <numerusform>Export terminé : %n transactions enregistrées dans {file}</numerusform>
            </translation>
        </message>
        <message>
            <source>Export: cancelling…</source>
            <translation>Export : annulation…</translation>
        </message>
    </context>
    <context>
        <name>FleetTableModel</name>
        <message>
            <source>Identity</source>
            <translation>Identifiant</translation>
        </message>
        <message>
            <source>Reference</source>
            <translation>Référence</translation>
        </message>
        <message>
            <source>Health</source>
            <translation>État de santé</translation>
        </message>
        <message>
            <source>Connection</source>
            <translation>Connexion</translation>
        </message>
        <message>
            <source>OCPP status</source>
            <translation>État OCPP</translation>
        </message>
        <message>
            <source>Error</source>
            <translation>Erreur</translation>
        </message>
        <message>
            <source>Model</source>
            <translation>Modèle</translation>
        </message>
        <message>
            <source>Firmware</source>
            <translation>Firmware</translation>
        </message>
        <message>
            <source>Last heartbeat</source>
            <translation>Dernier heartbeat</translation>
        </message>
        <message>
            <source>Site</source>
            <translation>Site</translation>
        </message>
        <message>
            <source>Muted · {health}</source>
            <translation>En sourdine · {health}</translation>
        </message>
        <message>
            <source>Parsed: {version}</source>
            <translation>Interprétée : {version}</translation>
        </message>
    </context>
    <context>
        <name>FleetTray</name>
        <message>
            <source>Open PlugDesk</source>
            <translation>Ouvrir PlugDesk</translation>
        </message>
        <message>
            <source>Refresh now</source>
            <translation>Actualiser maintenant</translation>
        </message>
        <message>
            <source>Pause notifications for 1 h</source>
            <translation>Suspendre les notifications 1 h</translation>
        </message>
        <message>
            <source>Sign out</source>
            <translation>Se déconnecter</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>Quitter</translation>
        </message>
        <message>
            <source>PlugDesk — waiting for the first refresh</source>
            <translation>PlugDesk — en attente de la première actualisation</translation>
        </message>
        <message>
            <source>Resume notifications (paused until {time})</source>
            <translation>Reprendre les notifications (suspendues jusqu’à {time})</translation>
        </message>
    </context>
    <context>
        <name>FleetView</name>
        <message>
            <source>Search identity, reference, model, firmware, error</source>
            <translation>Rechercher identifiant, référence, modèle, firmware, erreur</translation>
        </message>
        <message>
            <source>Search chargers</source>
            <translation>Rechercher des bornes</translation>
        </message>
        <message>
            <source>Show {level}</source>
            <translation>Afficher {level}</translation>
        </message>
        <message>
            <source>Show all</source>
            <translation>Tout afficher</translation>
        </message>
        <message>
            <source>Chargers</source>
            <translation>Bornes</translation>
        </message>
        <message>
            <source>Columns</source>
            <translation>Colonnes</translation>
        </message>
        <message>
            <source>All {count}</source>
            <translation>Toutes {count}</translation>
        </message>
        <message numerus="yes">
            <source>%n chargers</source>
            <translation>
                <numerusform>%n borne</numerusform>
                <numerusform>%n bornes</numerusform>
            </translation>
        </message>
        <message>
            <source>{shown} of {total} shown</source>
            <translation>{shown} sur {total} affichées</translation>
        </message>
    </context>
    <context>
        <name>Formatting</name>
        <message>
            <source>Yes</source>
            <translation>Oui</translation>
        </message>
        <message>
            <source>No</source>
            <translation>Non</translation>
        </message>
        <message>
            <source>{energy} (estimate)</source>
            <translation>{energy} (estimation)</translation>
        </message>
        <message>
            <source>in the future</source>
            <translation>dans le futur</translation>
        </message>
        <message>
            <source>just now</source>
            <translation>à l’instant</translation>
        </message>
        <message>
            <source>{minutes} min ago</source>
            <translation>il y a {minutes} min</translation>
        </message>
        <message>
            <source>{hours} h ago</source>
            <translation>il y a {hours} h</translation>
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
            <translation>{days} j {hours} h</translation>
        </message>
        <message>
            <source>Less than a minute left</source>
            <translation>Moins d’une minute restante</translation>
        </message>
        <message>
            <source>About {duration} left</source>
            <translation>Environ {duration} restantes</translation>
        </message>
    </context>
    <context>
        <name>Health</name>
        <message>
            <source>Fault</source>
            <translation>Défaut</translation>
        </message>
        <message>
            <source>Offline</source>
            <translation>Hors ligne</translation>
        </message>
        <message>
            <source>Stale</source>
            <translation>Périmée</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>Action</translation>
        </message>
        <message>
            <source>Online</source>
            <translation>En ligne</translation>
        </message>
        <message>
            <source>Never seen</source>
            <translation>Jamais vue</translation>
        </message>
        <message>
            <source>Warning</source>
            <translation>Avertissement</translation>
        </message>
        <message>
            <source>Unknown</source>
            <translation>Inconnu</translation>
        </message>
        <message>
            <source>Maintenance</source>
            <translation>Maintenance</translation>
        </message>
        <message>
            <source>OK</source>
            <translation>OK</translation>
        </message>
        <message>
            <source>Never connected to the server</source>
            <translation>Jamais connectée au serveur</translation>
        </message>
        <message>
            <source>Blocked: taken out of service</source>
            <translation>Bloquée : mise hors service</translation>
        </message>
        <message>
            <source>Unavailable (maintenance)</source>
            <translation>Indisponible (maintenance)</translation>
        </message>
        <message>
            <source>Working normally</source>
            <translation>Fonctionne normalement</translation>
        </message>
        <message>
            <source>Unavailable</source>
            <translation>Indisponible</translation>
        </message>
        <message>
            <source>Offline {duration}</source>
            <translation>Hors ligne depuis {duration}</translation>
        </message>
        <message>
            <source>No heartbeat for {duration}</source>
            <translation>Aucun heartbeat depuis {duration}</translation>
        </message>
        <message>
            <source>Connector {number}: {error}</source>
            <translation>Connecteur {number} : {error}</translation>
        </message>
        <message>
            <source> (+{count} more)</source>
            <translation> (+{count} autres)</translation>
        </message>
    </context>
    <context>
        <name>HistoryBanner</name>
        <message>
            <source>Event history problem</source>
            <translation>Problème d'historique des événements</translation>
        </message>
        <message>
            <source>Dismiss</source>
            <translation>Fermer</translation>
        </message>
    </context>
    <context>
        <name>IncidentService</name>
        <message>
            <source>Could not record charger incidents: {problem}</source>
            <translation>Impossible d’enregistrer les incidents des bornes : {problem}</translation>
        </message>
        <message>
            <source>Data from {time} — the last refresh failed</source>
            <translation>Données de {time} — la dernière actualisation a échoué</translation>
        </message>
        <message>
            <source>The last refresh failed</source>
            <translation>La dernière actualisation a échoué</translation>
        </message>
        <message numerus="yes">
            <source>PlugDesk — %n chargers</source>
            <translation>
                <numerusform>PlugDesk — %n borne</numerusform>
                <numerusform>PlugDesk — %n bornes</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n open incidents</source>
            <translation>
                <numerusform>%n incident ouvert</numerusform>
                <numerusform>%n incidents ouverts</numerusform>
            </translation>
        </message>
        <message>
            <source>Notifications paused until {time}</source>
            <translation>Notifications suspendues jusqu’à {time}</translation>
        </message>
        <message>
            <source>Last known fleet from {time} — not current</source>
            <translation>Dernier état connu des bornes à {time} — pas à jour</translation>
        </message>
        <message>
            <source>Charger {identity}</source>
            <translation>Borne {identity}</translation>
        </message>
        <message>
            <source>Could not mute the charger: {problem}</source>
            <translation>Impossible de mettre la borne en sourdine : {problem}</translation>
        </message>
        <message>
            <source>Could not unmute the charger: {problem}</source>
            <translation>Impossible de réactiver les alertes de la borne : {problem}</translation>
        </message>
        <message>
            <source>Could not pause notifications: {problem}</source>
            <translation>Impossible de suspendre les notifications : {problem}</translation>
        </message>
        <message>
            <source>Could not resume notifications: {problem}</source>
            <translation>Impossible de reprendre les notifications : {problem}</translation>
        </message>
    </context>
    <context>
        <name>Insights</name>
        <message>
            <source>This month</source>
            <translation>Ce mois-ci</translation>
        </message>
        <message>
            <source>Last month</source>
            <translation>Le mois dernier</translation>
        </message>
        <message>
            <source>Last 30 days</source>
            <translation>30 derniers jours</translation>
        </message>
        <message>
            <source>This year</source>
            <translation>Cette année</translation>
        </message>
    </context>
    <context>
        <name>InsightsPane</name>
        <message>
            <source>All sites</source>
            <translation>Tous les sites</translation>
        </message>
        <message>
            <source>Period</source>
            <translation>Période</translation>
        </message>
        <message>
            <source>Custom…</source>
            <translation>Personnalisée…</translation>
        </message>
        <message>
            <source>From</source>
            <translation>Du</translation>
        </message>
        <message>
            <source>To</source>
            <translation>Au</translation>
        </message>
        <message>
            <source>Site</source>
            <translation>Site</translation>
        </message>
        <message>
            <source>Energy per</source>
            <translation>Énergie par</translation>
        </message>
        <message>
            <source>Day</source>
            <translation>Jour</translation>
        </message>
        <message>
            <source>Week</source>
            <translation>Semaine</translation>
        </message>
        <message>
            <source>Month</source>
            <translation>Mois</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>Actualiser</translation>
        </message>
        <message>
            <source>Save report…</source>
            <translation>Enregistrer le rapport…</translation>
        </message>
        <message>
            <source>Choose a period.</source>
            <translation>Choisissez une période.</translation>
        </message>
        <message>
            <source>Energy by site</source>
            <translation>Énergie par site</translation>
        </message>
        <message>
            <source>Sessions per day</source>
            <translation>Sessions par jour</translation>
        </message>
        <message>
            <source>Busiest hours (busy hours per weekday and hour)</source>
            <translation>Heures de pointe (heures occupées par jour de semaine et heure)</translation>
        </message>
        <message>
            <source>Utilisation: the {count} busiest connectors</source>
            <translation>Utilisation : les {count} connecteurs les plus occupés</translation>
        </message>
        <message>
            <source>Availability per site</source>
            <translation>Disponibilité par site</translation>
        </message>
        <message>
            <source>Ten worst chargers (availability)</source>
            <translation>Les dix bornes les moins disponibles</translation>
        </message>
        <message>
            <source>Faults by error code</source>
            <translation>Défauts par code d'erreur</translation>
        </message>
        <message>
            <source>Faults by model</source>
            <translation>Défauts par modèle</translation>
        </message>
        <message>
            <source>Faults by firmware</source>
            <translation>Défauts par firmware</translation>
        </message>
        <message>
            <source>The end date is before the start date.</source>
            <translation>La date de fin précède la date de début.</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>Chargement…</translation>
        </message>
        <message>
            <source>&lt;b&gt;{sessions}&lt;/b&gt; sessions · &lt;b&gt;{kwh} kWh&lt;/b&gt; · &lt;b&gt;{hours}&lt;/b&gt; charging hours · {chargers} chargers · {period}</source>
            <translation>&lt;b&gt;{sessions}&lt;/b&gt; sessions · &lt;b&gt;{kwh} kWh&lt;/b&gt; · &lt;b&gt;{hours}&lt;/b&gt; heures de charge · {chargers} bornes · {period}</translation>
        </message>
        <message>
            <source>{kwh} kWh of sessions that ran past the period's edges is not charted.</source>
            <translation>{kwh} kWh de sessions débordant de la période ne sont pas représentés.</translation>
        </message>
        <message>
            <source>Sessions</source>
            <translation>Sessions</translation>
        </message>
        <message>
            <source>sessions</source>
            <translation>sessions</translation>
        </message>
        <message>
            <source>Energy per day by site</source>
            <translation>Énergie par jour et par site</translation>
        </message>
        <message>
            <source>Energy per week by site</source>
            <translation>Énergie par semaine et par site</translation>
        </message>
        <message>
            <source>Energy per month by site</source>
            <translation>Énergie par mois et par site</translation>
        </message>
        <message>
            <source>No connector was busy in this period.</source>
            <translation>Aucun connecteur n'a été occupé sur cette période.</translation>
        </message>
        <message>
            <source>% of the time busy</source>
            <translation>% du temps occupé</translation>
        </message>
        <message>
            <source>{percent} % busy</source>
            <translation>{percent} % occupé</translation>
        </message>
        <message>
            <source>% available</source>
            <translation>% disponible</translation>
        </message>
        <message>
            <source>Every charger was available the whole period
(no fault or offline incident in PlugDesk's history).</source>
            <translation>Toutes les bornes ont été disponibles sur toute la période
(aucun incident de défaut ou hors ligne dans l'historique de PlugDesk).</translation>
        </message>
        <message numerus="yes">
            <source>%n incidents</source>
            <translation>
                <numerusform>%n incident</numerusform>
                <numerusform>%n incidents</numerusform>
            </translation>
        </message>
        <message>
            <source>{percent} % available</source>
            <translation>{percent} % disponible</translation>
        </message>
        <message>
            <source>No faults in this period.</source>
            <translation>Aucun défaut sur cette période.</translation>
        </message>
        <message>
            <source>faults</source>
            <translation>défauts</translation>
        </message>
        <message numerus="yes">
            <source>%n faults</source>
            <translation>
                <numerusform>%n défaut</numerusform>
                <numerusform>%n défauts</numerusform>
            </translation>
        </message>
        <message>
            <source>Save report</source>
            <translation>Enregistrer le rapport</translation>
        </message>
        <message>
            <source>Report not saved</source>
            <translation>Rapport non enregistré</translation>
        </message>
        <message>
            <source>Report saved to {path}.</source>
            <translation>Rapport enregistré dans {path}.</translation>
        </message>
    </context>
    <context>
        <name>InsightsService</name>
        <message>
            <source>Listing chargers…</source>
            <translation>Liste des bornes…</translation>
        </message>
        <message>
            <source>Availability left out: {problem}</source>
            <translation>Disponibilité omise : {problem}</translation>
        </message>
        <message>
            <source>Fetching transactions: {done} of {total} chargers, {rows} transactions</source>
            <translation>Récupération des transactions : {done} bornes sur {total}, {rows} transactions</translation>
        </message>
        <message>
            <source>Aggregating: {done} of {total} transactions</source>
            <translation>Agrégation : {done} transactions sur {total}</translation>
        </message>
        <message>
            <source>Transaction {id} has no start time.</source>
            <translation>La transaction {id} n'a pas d'heure de début.</translation>
        </message>
        <message>
            <source>Could not read the meter values of transaction {id}: {problem}</source>
            <translation>Impossible de lire les valeurs de compteur de la transaction {id} : {problem}</translation>
        </message>
        <message>
            <source>The charger stored no power or energy readings for transaction {id}.</source>
            <translation>La borne n'a enregistré aucune mesure de puissance ou d'énergie pour la transaction {id}.</translation>
        </message>
        <message>
            <source>Transaction {id}, {time}</source>
            <translation>Transaction {id}, {time}</translation>
        </message>
    </context>
    <context>
        <name>InsightsWiring</name>
        <message>
            <source>Insights</source>
            <translation>Analyses</translation>
        </message>
        <message>
            <source>Reading the meter values of transaction {id}…</source>
            <translation>Lecture des valeurs de compteur de la transaction {id}…</translation>
        </message>
        <message>
            <source>No power curve</source>
            <translation>Pas de courbe de puissance</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Events</source>
            <translation>Événements</translation>
        </message>
        <message>
            <source>{error} Events are shown but not kept this session.</source>
            <translation>{error} Les événements sont affichés mais pas conservés pendant cette session.</translation>
        </message>
        <message>
            <source>PlugDesk — Demo</source>
            <translation>PlugDesk — Démo</translation>
        </message>
        <message>
            <source>Public charging</source>
            <translation>Recharge publique</translation>
        </message>
        <message>
            <source>Se&amp;ttings…</source>
            <translation>&amp;Paramètres…</translation>
        </message>
        <message>
            <source>Sign &amp;out</source>
            <translation>Se &amp;déconnecter</translation>
        </message>
        <message>
            <source>Sign in to {url}.</source>
            <translation>Connectez-vous à {url}.</translation>
        </message>
        <message>
            <source>Settings were reset</source>
            <translation>Les paramètres ont été réinitialisés</translation>
        </message>
        <message>
            <source>Demo</source>
            <translation>Démo</translation>
        </message>
        <message>
            <source>PlugDesk closed unexpectedly</source>
            <translation>PlugDesk s'est fermé de façon inattendue</translation>
        </message>
        <message>
            <source>Signed in</source>
            <translation>Connecté</translation>
        </message>
        <message>
            <source>Chargers</source>
            <translation>Bornes</translation>
        </message>
        <message>
            <source>&amp;Refresh</source>
            <translation>&amp;Actualiser</translation>
        </message>
        <message>
            <source>Refresh the charger list now (F5)</source>
            <translation>Actualiser la liste des bornes maintenant (F5)</translation>
        </message>
        <message>
            <source>&amp;Find charger</source>
            <translation>&amp;Rechercher une borne</translation>
        </message>
        <message>
            <source>&amp;Export transactions…</source>
            <translation>&amp;Exporter les transactions…</translation>
        </message>
        <message>
            <source>Export transactions to CSV or XLSX (Ctrl+E)</source>
            <translation>Exporter les transactions en CSV ou XLSX (Ctrl+E)</translation>
        </message>
        <message>
            <source>&amp;Sign in…</source>
            <translation>Se &amp;connecter…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Quitter</translation>
        </message>
        <message>
            <source>&amp;About PlugDesk</source>
            <translation>À &amp;propos de PlugDesk</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Fichier</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;Affichage</translation>
        </message>
        <message>
            <source>&amp;Quick guide</source>
            <translation>&amp;Guide rapide</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>Aid&amp;e</translation>
        </message>
        <message>
            <source>Main toolbar</source>
            <translation>Barre d’outils principale</translation>
        </message>
        <message>
            <source>&amp;Pause alerts for 1 hour</source>
            <translation>&amp;Suspendre les alertes pendant 1 heure</translation>
        </message>
        <message>
            <source>No pop-ups for an hour; Events still lists them</source>
            <translation>Aucune fenêtre surgissante pendant une heure ; Événements les liste toujours</translation>
        </message>
        <message>
            <source>&amp;Resume alerts</source>
            <translation>&amp;Reprendre les alertes</translation>
        </message>
        <message>
            <source>Alerts are on</source>
            <translation>Les alertes sont activées</translation>
        </message>
        <message>
            <source>&amp;Alerts</source>
            <translation>A&amp;lertes</translation>
        </message>
        <message>
            <source>Mute one charger: right-click it in the list (or the Menu key)</source>
            <translation>Mettre une borne en sourdine : clic droit sur elle dans la liste (ou touche Menu)</translation>
        </message>
        <message>
            <source>Alerts paused until {time}</source>
            <translation>Alertes suspendues jusqu’à {time}</translation>
        </message>
        <message>
            <source>Pop-ups for {name}</source>
            <translation>Fenêtres surgissantes pour {name}</translation>
        </message>
        <message>
            <source>Copied {text}</source>
            <translation>{text} copié</translation>
        </message>
        <message>
            <source>Still running</source>
            <translation>Toujours actif</translation>
        </message>
        <message>
            <source>Health</source>
            <translation>État</translation>
        </message>
        <message>
            <source>&lt;b&gt;Fault&lt;/b&gt;: status Faulted, or an error code on the charger or a connector. &lt;b&gt;Offline&lt;/b&gt;: it lost its connection to the server. &lt;b&gt;Stale&lt;/b&gt;: online, but no heartbeat for 15 min. &lt;b&gt;Warning&lt;/b&gt;: a car-side communication error. &lt;b&gt;Unknown&lt;/b&gt;: never connected to the server. &lt;b&gt;Maintenance&lt;/b&gt;: blocked or Unavailable, set by an operator or an update (no alerts). &lt;b&gt;OK&lt;/b&gt;: none of these. The chips above the list filter by level.</source>
            <translation>&lt;b&gt;Défaut&lt;/b&gt; : statut Faulted, ou un code d'erreur sur la borne ou un connecteur. &lt;b&gt;Hors ligne&lt;/b&gt; : elle a perdu sa connexion au serveur. &lt;b&gt;Périmée&lt;/b&gt; : en ligne, mais aucun heartbeat depuis 15 min. &lt;b&gt;Avertissement&lt;/b&gt; : une erreur de communication côté véhicule. &lt;b&gt;Inconnue&lt;/b&gt; : jamais connectée au serveur. &lt;b&gt;Maintenance&lt;/b&gt; : bloquée ou Unavailable, réglée par un opérateur ou une mise à jour (pas d'alertes). &lt;b&gt;OK&lt;/b&gt; : aucun de ces cas. Les boutons au-dessus de la liste filtrent par état.</translation>
        </message>
        <message>
            <source>Grace periods and alerts</source>
            <translation>Délais de grâce et alertes</translation>
        </message>
        <message>
            <source>A problem shows in &lt;b&gt;Events&lt;/b&gt; as &lt;i&gt;Pending&lt;/i&gt; as soon as a refresh sees it. It becomes an incident, and alerts, only when it lasts its grace period (by default 2 min for faults and stale chargers, 5 min for offline ones; change them in Settings), so a reboot does not wake you up. Mute a charger from the Events menu (right-click or the Menu key).</source>
            <translation>Un problème apparaît dans &lt;b&gt;Événements&lt;/b&gt; comme &lt;i&gt;En attente&lt;/i&gt; dès qu'une actualisation le voit. Il ne devient un incident, avec alerte, que s'il dure tout son délai de grâce (par défaut 2 min pour les défauts et les bornes périmées, 5 min pour les bornes hors ligne ; modifiables dans Réglages), pour qu'un redémarrage ne vous réveille pas. Mettez une borne en sourdine depuis le menu des Événements (clic droit ou touche Menu).</translation>
        </message>
        <message>
            <source>Keyboard</source>
            <translation>Clavier</translation>
        </message>
        <message>
            <source>search chargers; Enter or Down go to the list, Escape clears</source>
            <translation>rechercher des bornes ; Entrée ou Bas va à la liste, Échap efface</translation>
        </message>
        <message>
            <source>next / previous part of the window (arrow keys move inside a table)</source>
            <translation>partie suivante / précédente de la fenêtre (les flèches se déplacent dans un tableau)</translation>
        </message>
        <message>
            <source>next tab; with Shift, or Ctrl+PgUp, the previous one</source>
            <translation>onglet suivant ; avec Maj, ou Ctrl+PgUp, le précédent</translation>
        </message>
        <message>
            <source>refresh now</source>
            <translation>actualiser maintenant</translation>
        </message>
        <message>
            <source>export transactions</source>
            <translation>exporter les transactions</translation>
        </message>
        <message>
            <source>actions for the selected event</source>
            <translation>actions pour l'événement sélectionné</translation>
        </message>
        <message>
            <source>quit</source>
            <translation>quitter</translation>
        </message>
        <message>
            <source>Not signed in</source>
            <translation>Non connecté</translation>
        </message>
        <message>
            <source>No charger matches the search or filter: none is selected.</source>
            <translation>Aucune borne ne correspond à la recherche ou au filtre : aucune n'est sélectionnée.</translation>
        </message>
        <message>
            <source>PlugDesk is still running in the system tray and keeps watching your chargers: alerts still pop up. Open it again from the tray icon; to stop it, choose Quit in the tray menu or File → Quit (Ctrl+Q).</source>
            <translation>PlugDesk tourne toujours dans la zone de notification et continue de surveiller vos bornes : les alertes s’affichent toujours. Rouvrez-le depuis l’icône de la zone de notification ; pour l’arrêter, choisissez Quitter dans son menu ou Fichier → Quitter (Ctrl+Q).</translation>
        </message>
        <message>
            <source>That charger is not in the list any more.</source>
            <translation>Cette borne n’est plus dans la liste.</translation>
        </message>
        <message>
            <source>Last known fleet from {time} — refreshing</source>
            <translation>Dernière liste connue des bornes de {time} — actualisation</translation>
        </message>
        <message>
            <source>Showing the last known fleet from {time}, marked stale, while the first refresh runs</source>
            <translation>Affichage de la dernière liste connue des bornes de {time}, marquée comme périmée, pendant la première actualisation</translation>
        </message>
        <message>
            <source>Sign in again to refresh.</source>
            <translation>Reconnectez-vous pour actualiser.</translation>
        </message>
        <message>
            <source>A refresh is already running.</source>
            <translation>Une actualisation est déjà en cours.</translation>
        </message>
        <message>
            <source>Quick guide</source>
            <translation>Guide rapide</translation>
        </message>
        <message>
            <source>About PlugDesk</source>
            <translation>À propos de PlugDesk</translation>
        </message>
        <message>
            <source>Watch your EV chargers, read their transactions and export them, over the Plugchoice API.</source>
            <translation>Surveillez vos bornes de recharge, consultez leurs transactions et exportez-les, via l’API Plugchoice.</translation>
        </message>
        <message>
            <source>Data from {time}</source>
            <translation>Données de {time}</translation>
        </message>
        <message>
            <source>Refresh failed: {message}</source>
            <translation>Échec de l’actualisation : {message}</translation>
        </message>
        <message>
            <source>PlugDesk closed unexpectedly the last time it ran.

What it was doing is saved in:
{path}

If this happens again, please send that file with your report.</source>
            <translation>PlugDesk s'est fermé de façon inattendue la dernière fois.

Ce qu'il faisait est enregistré dans :
{path}

Si cela se reproduit, merci de joindre ce fichier à votre signalement.</translation>
        </message>
        <message>
            <source>Watched by plugdesk watch (pid {pid}) — alerts come from it</source>
            <translation>Surveillé par plugdesk watch (pid {pid}) — les alertes viennent de lui</translation>
        </message>
        <message>
            <source>plugdesk watch stopped — PlugDesk watches the fleet again</source>
            <translation>plugdesk watch s'est arrêté — PlugDesk surveille à nouveau les bornes</translation>
        </message>
        <message>
            <source>Sites</source>
            <translation>Sites</translation>
        </message>
    </context>
    <context>
        <name>Notifier</name>
        <message>
            <source>Open</source>
            <translation>Ouvrir</translation>
        </message>
        <message numerus="yes">
            <source>%n more chargers need attention</source>
            <translation>
                <numerusform>%n autre borne demande votre attention</numerusform>
                <numerusform>%n autres bornes demandent votre attention</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n more chargers recovered.</source>
            <translation>
                <numerusform>%n autre borne rétablie.</numerusform>
                <numerusform>%n autres bornes rétablies.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n more chargers recovered</source>
            <translation>
                <numerusform>%n autre borne rétablie</numerusform>
                <numerusform>%n autres bornes rétablies</numerusform>
            </translation>
        </message>
        <message>
            <source>Not shown one by one, so pop-ups stay readable: open Events for the list.</source>
            <translation>Non affichées une par une, pour que les fenêtres surgissantes restent lisibles : ouvrez Événements pour la liste.</translation>
        </message>
    </context>
    <context>
        <name>OcppLogModel</name>
        <message>
            <source>Time</source>
            <translation>Heure</translation>
        </message>
        <message>
            <source>Direction</source>
            <translation>Sens</translation>
        </message>
        <message>
            <source>Method</source>
            <translation>Méthode</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Statut</translation>
        </message>
        <message>
            <source>Params</source>
            <translation>Paramètres</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>Résultat</translation>
        </message>
        <message>
            <source>→ charger</source>
            <translation>→ borne</translation>
        </message>
        <message>
            <source>← charger</source>
            <translation>← borne</translation>
        </message>
    </context>
    <context>
        <name>OcppLogTab</name>
        <message>
            <source>Both directions</source>
            <translation>Les deux sens</translation>
        </message>
        <message>
            <source>To the charger</source>
            <translation>Vers la borne</translation>
        </message>
        <message>
            <source>From the charger</source>
            <translation>Depuis la borne</translation>
        </message>
        <message>
            <source>Pending</source>
            <translation>En attente</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>Terminé</translation>
        </message>
        <message>
            <source>Failed</source>
            <translation>Échoué</translation>
        </message>
        <message>
            <source>OCPP method</source>
            <translation>Méthode OCPP</translation>
        </message>
        <message>
            <source>All methods</source>
            <translation>Toutes les méthodes</translation>
        </message>
        <message>
            <source>Message status</source>
            <translation>Statut du message</translation>
        </message>
        <message>
            <source>Any status</source>
            <translation>Tout statut</translation>
        </message>
        <message>
            <source>Direction</source>
            <translation>Sens</translation>
        </message>
        <message>
            <source>Hide insignificant</source>
            <translation>Masquer les messages mineurs</translation>
        </message>
        <message>
            <source>Leave out heartbeats and other routine messages</source>
            <translation>Omettre les heartbeats et autres messages de routine</translation>
        </message>
        <message>
            <source>From</source>
            <translation>Du</translation>
        </message>
        <message>
            <source>Log from</source>
            <translation>Journal à partir du</translation>
        </message>
        <message>
            <source>Until</source>
            <translation>Jusqu'au</translation>
        </message>
        <message>
            <source>Log until</source>
            <translation>Journal jusqu'au</translation>
        </message>
        <message>
            <source>OCPP log</source>
            <translation>Journal OCPP</translation>
        </message>
        <message>
            <source>Message params and result</source>
            <translation>Paramètres et résultat du message</translation>
        </message>
        <message>
            <source>Select a message to see its params and result.</source>
            <translation>Sélectionnez un message pour voir ses paramètres et son résultat.</translation>
        </message>
        <message>
            <source>Copy</source>
            <translation>Copier</translation>
        </message>
        <message>
            <source>Copy the selected message (params and result as JSON)</source>
            <translation>Copier le message sélectionné (paramètres et résultat en JSON)</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>Chargement…</translation>
        </message>
        <message>
            <source>Could not read the log: {problem}</source>
            <translation>Impossible de lire le journal : {problem}</translation>
        </message>
        <message numerus="yes">
            <source>%n messages, newest first — scroll for more</source>
            <translation>
                <numerusform>%n message, le plus récent d'abord — faites défiler pour la suite</numerusform>
                <numerusform>%n messages, les plus récents d'abord — faites défiler pour la suite</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>All %n messages loaded, newest first</source>
            <translation>
                <numerusform>%n message chargé, le plus récent d'abord</numerusform>
                <numerusform>Les %n messages sont chargés, les plus récents d'abord</numerusform>
            </translation>
        </message>
        <message>
            <source>No OCPP messages with these filters.</source>
            <translation>Aucun message OCPP avec ces filtres.</translation>
        </message>
        <message>
            <source>Params:</source>
            <translation>Paramètres :</translation>
        </message>
        <message>
            <source>Result:</source>
            <translation>Résultat :</translation>
        </message>
    </context>
    <context>
        <name>Plurals</name>
        <message numerus="yes">
            <source>%n days ago</source>
            <translation>
                <numerusform>il y a %n jour</numerusform>
                <numerusform>il y a %n jours</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n transactions</source>
            <translation>
                <numerusform>%n transaction</numerusform>
                <numerusform>%n transactions</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n chargers</source>
            <translation>
                <numerusform>%n borne</numerusform>
                <numerusform>%n bornes</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PowerCurveDialog</name>
        <message>
            <source>Power curve — {title}</source>
            <translation>Courbe de puissance — {title}</translation>
        </message>
        <message>
            <source>{points} points ({source}); peak {peak} kW</source>
            <translation>{points} points ({source}) ; pic {peak} kW</translation>
        </message>
    </context>
    <context>
        <name>PublicPane</name>
        <message>
            <source>Waiting for card hold</source>
            <translation>En attente de l’empreinte bancaire</translation>
        </message>
        <message>
            <source>Card hold authorised</source>
            <translation>Empreinte bancaire autorisée</translation>
        </message>
        <message>
            <source>Starting</source>
            <translation>Démarrage</translation>
        </message>
        <message>
            <source>Charging</source>
            <translation>En charge</translation>
        </message>
        <message>
            <source>Stopping</source>
            <translation>Arrêt en cours</translation>
        </message>
        <message>
            <source>Settling payment</source>
            <translation>Règlement du paiement</translation>
        </message>
        <message>
            <source>Captured (paid)</source>
            <translation>Encaissée (payée)</translation>
        </message>
        <message>
            <source>Ended without charge</source>
            <translation>Terminée sans frais</translation>
        </message>
        <message>
            <source>Expired</source>
            <translation>Expirée</translation>
        </message>
        <message>
            <source>Failed</source>
            <translation>Échouée</translation>
        </message>
        <message>
            <source>Abandoned</source>
            <translation>Abandonnée</translation>
        </message>
        <message>
            <source>Payment capture failed</source>
            <translation>Échec de l’encaissement</translation>
        </message>
        <message>
            <source>Needs review</source>
            <translation>À vérifier</translation>
        </message>
        <message>
            <source>Refunded</source>
            <translation>Remboursée</translation>
        </message>
        <message>
            <source>Written off</source>
            <translation>Passée en perte</translation>
        </message>
        <message>
            <source>Created</source>
            <translation>Créée</translation>
        </message>
        <message>
            <source>Charging started</source>
            <translation>Charge démarrée</translation>
        </message>
        <message>
            <source>Charging completed</source>
            <translation>Charge terminée</translation>
        </message>
        <message>
            <source>Payment captured</source>
            <translation>Paiement encaissé</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>Chargement…</translation>
        </message>
        <message>
            <source>{tariff}, no start fee</source>
            <translation>{tariff}, sans frais de démarrage</translation>
        </message>
        <message>
            <source>{tariff} + {fee} start fee</source>
            <translation>{tariff} + {fee} de frais de démarrage</translation>
        </message>
        <message>
            <source>Find a public charger</source>
            <translation>Trouver une borne publique</translation>
        </message>
        <message>
            <source>Public code, e.g. AB12CD</source>
            <translation>Code public, p. ex. AB12CD</translation>
        </message>
        <message>
            <source>Public code</source>
            <translation>Code public</translation>
        </message>
        <message>
            <source>Look up</source>
            <translation>Rechercher</translation>
        </message>
        <message>
            <source>Connectors</source>
            <translation>Connecteurs</translation>
        </message>
        <message>
            <source>Charger</source>
            <translation>Borne</translation>
        </message>
        <message>
            <source>Online</source>
            <translation>En ligne</translation>
        </message>
        <message>
            <source>Pricing</source>
            <translation>Tarif</translation>
        </message>
        <message>
            <source>Try one of the demo codes: {codes}</source>
            <translation>Essayez l’un des codes de démo : {codes}</translation>
        </message>
        <message>
            <source>Codes of the demo's simulated public chargers; click one to look it up.</source>
            <translation>Codes des bornes publiques simulées de la démo ; cliquez sur un code pour le rechercher.</translation>
        </message>
        <message>
            <source>Start a session</source>
            <translation>Démarrer une session</translation>
        </message>
        <message>
            <source>Connector</source>
            <translation>Connecteur</translation>
        </message>
        <message>
            <source>Optional: receipt e-mail</source>
            <translation>Facultatif : e-mail pour le reçu</translation>
        </message>
        <message>
            <source>Receipt e-mail</source>
            <translation>E-mail pour le reçu</translation>
        </message>
        <message>
            <source>Start session</source>
            <translation>Démarrer la session</translation>
        </message>
        <message>
            <source>Track an existing session</source>
            <translation>Suivre une session existante</translation>
        </message>
        <message>
            <source>Paste the session token</source>
            <translation>Collez le jeton de session</translation>
        </message>
        <message>
            <source>Session token</source>
            <translation>Jeton de session</translation>
        </message>
        <message>
            <source>Track</source>
            <translation>Suivre</translation>
        </message>
        <message>
            <source>Followed sessions</source>
            <translation>Sessions suivies</translation>
        </message>
        <message>
            <source>No session selected</source>
            <translation>Aucune session sélectionnée</translation>
        </message>
        <message>
            <source>Payment step</source>
            <translation>Étape de paiement</translation>
        </message>
        <message>
            <source>Confirm card hold</source>
            <translation>Confirmer l’empreinte bancaire</translation>
        </message>
        <message>
            <source>Cancel session</source>
            <translation>Annuler la session</translation>
        </message>
        <message>
            <source>Timeline</source>
            <translation>Chronologie</translation>
        </message>
        <message>
            <source>Energy and cost</source>
            <translation>Énergie et coût</translation>
        </message>
        <message>
            <source>Energy</source>
            <translation>Énergie</translation>
        </message>
        <message>
            <source>Running cost</source>
            <translation>Coût en cours</translation>
        </message>
        <message>
            <source>Authorised (hold)</source>
            <translation>Autorisé (empreinte)</translation>
        </message>
        <message>
            <source>Captured</source>
            <translation>Encaissé</translation>
        </message>
        <message>
            <source>Tax</source>
            <translation>TVA</translation>
        </message>
        <message>
            <source>Tariff</source>
            <translation>Tarif</translation>
        </message>
        <message>
            <source>Charger and connector</source>
            <translation>Borne et connecteur</translation>
        </message>
        <message>
            <source>Connector (OCPP status)</source>
            <translation>Connecteur (état OCPP)</translation>
        </message>
        <message>
            <source>Charger online</source>
            <translation>Borne en ligne</translation>
        </message>
        <message>
            <source>Failure reason</source>
            <translation>Raison de l’échec</translation>
        </message>
        <message>
            <source>Stop charging</source>
            <translation>Arrêter la charge</translation>
        </message>
        <message>
            <source>Remove from list</source>
            <translation>Retirer de la liste</translation>
        </message>
        <message>
            <source>Possible while the session is starting or charging.</source>
            <translation>Possible pendant le démarrage ou la charge.</translation>
        </message>
        <message>
            <source>Possible before charging starts (created or authorised).</source>
            <translation>Possible avant le début de la charge (créée ou autorisée).</translation>
        </message>
        <message>
            <source>Only for sessions that have ended.</source>
            <translation>Uniquement pour les sessions terminées.</translation>
        </message>
        <message>
            <source>Looking up…</source>
            <translation>Recherche…</translation>
        </message>
        <message>
            <source>Offline — cannot start now</source>
            <translation>Hors ligne — démarrage impossible pour l’instant</translation>
        </message>
        <message>
            <source>Connector {number} — {status}</source>
            <translation>Connecteur {number} — {status}</translation>
        </message>
        <message>
            <source>Starting… (never sent twice)</source>
            <translation>Démarrage… (jamais envoyé deux fois)</translation>
        </message>
        <message>
            <source>Session {session} — {charger}, connector {number}</source>
            <translation>Session {session} — {charger}, connecteur {number}</translation>
        </message>
        <message>
            <source>Session {session} — {charger}</source>
            <translation>Session {session} — {charger}</translation>
        </message>
        <message>
            <source>API status: {status}</source>
            <translation>État de l’API : {status}</translation>
        </message>
        <message>
            <source>Start a session, or track one by its token.</source>
            <translation>Démarrez une session, ou suivez-en une grâce à son jeton.</translation>
        </message>
        <message>
            <source>This session is waiting for the card hold of {amount}.</source>
            <translation>Cette session attend l’empreinte bancaire de {amount}.</translation>
        </message>
        <message>
            <source>This session is waiting for the card hold.</source>
            <translation>Cette session attend l’empreinte bancaire.</translation>
        </message>
        <message>
            <source>Charging cannot start until the driver's card is pre-authorised. Confirm once the hold is in place, or cancel the session.</source>
            <translation>La charge ne peut pas commencer tant que la carte du conducteur n’est pas pré-autorisée. Confirmez une fois l’empreinte en place, ou annulez la session.</translation>
        </message>
        <message>
            <source>Payment context present (Stripe).</source>
            <translation>Données de paiement présentes (Stripe).</translation>
        </message>
        <message>
            <source>No payment context received yet.</source>
            <translation>Aucune donnée de paiement reçue pour l’instant.</translation>
        </message>
        <message>
            <source>Confirming…</source>
            <translation>Confirmation…</translation>
        </message>
        <message>
            <source>Stopping…</source>
            <translation>Arrêt…</translation>
        </message>
        <message>
            <source>Cancelling…</source>
            <translation>Annulation…</translation>
        </message>
        <message>
            <source>Working…</source>
            <translation>Traitement…</translation>
        </message>
        <message>
            <source>Ended — no longer checked. The token has been forgotten.</source>
            <translation>Terminée — plus vérifiée. Le jeton a été oublié.</translation>
        </message>
        <message>
            <source>Checked every {interval}</source>
            <translation>Vérifiée toutes les {interval}</translation>
        </message>
        <message>
            <source>slowed down after the API asked (429)</source>
            <translation>ralenti à la demande de l’API (429)</translation>
        </message>
        <message>
            <source>next check in {time}</source>
            <translation>prochaine vérification dans {time}</translation>
        </message>
        <message>
            <source>last answer {time}</source>
            <translation>dernière réponse {time}</translation>
        </message>
        <message>
            <source>Checking…</source>
            <translation>Vérification…</translation>
        </message>
    </context>
    <context>
        <name>PublicSessionsModel</name>
        <message>
            <source>Session</source>
            <translation>Session</translation>
        </message>
        <message>
            <source>Charger</source>
            <translation>Borne</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>État</translation>
        </message>
        <message>
            <source>Energy</source>
            <translation>Énergie</translation>
        </message>
        <message>
            <source>Cost</source>
            <translation>Coût</translation>
        </message>
    </context>
    <context>
        <name>Settings</name>
        <message>
            <source>API URL</source>
            <translation>URL de l’API</translation>
        </message>
        <message>
            <source>Refresh interval</source>
            <translation>Intervalle d’actualisation</translation>
        </message>
        <message>
            <source>Data counts as stale after</source>
            <translation>Données considérées comme périmées après</translation>
        </message>
        <message>
            <source>Fault grace period</source>
            <translation>Délai de grâce en cas de défaut</translation>
        </message>
        <message>
            <source>Offline grace period</source>
            <translation>Délai de grâce hors ligne</translation>
        </message>
        <message>
            <source>Alert storm threshold</source>
            <translation>Seuil de rafale d’alertes</translation>
        </message>
        <message>
            <source>Notify on faults</source>
            <translation>Notifier les défauts</translation>
        </message>
        <message>
            <source>Notify when offline</source>
            <translation>Notifier quand une borne est hors ligne</translation>
        </message>
        <message>
            <source>Notify when data is stale</source>
            <translation>Notifier quand les données sont périmées</translation>
        </message>
        <message>
            <source>Notify when resolved</source>
            <translation>Notifier quand c’est résolu</translation>
        </message>
        <message>
            <source>Quiet hours start</source>
            <translation>Début des heures calmes</translation>
        </message>
        <message>
            <source>Quiet hours end</source>
            <translation>Fin des heures calmes</translation>
        </message>
        <message>
            <source>Export format</source>
            <translation>Format d’export</translation>
        </message>
        <message>
            <source>Export time zone</source>
            <translation>Fuseau horaire de l’export</translation>
        </message>
        <message>
            <source>CSV delimiter</source>
            <translation>Séparateur CSV</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Langue</translation>
        </message>
        <message>
            <source>Colours</source>
            <translation>Couleurs</translation>
        </message>
        <message>
            <source>must be a whole number of seconds, not {value}</source>
            <translation>doit être un nombre entier de secondes, pas {value}</translation>
        </message>
        <message>
            <source>must be from {low} to {high} seconds, not {value}</source>
            <translation>doit être compris entre {low} et {high} secondes, pas {value}</translation>
        </message>
        <message>
            <source>must be a whole number of minutes, not {value}</source>
            <translation>doit être un nombre entier de minutes, pas {value}</translation>
        </message>
        <message>
            <source>must be from {low} to {high} minutes, not {value}</source>
            <translation>doit être compris entre {low} et {high} minutes, pas {value}</translation>
        </message>
        <message>
            <source>must be a whole number of chargers, not {value}</source>
            <translation>doit être un nombre entier de bornes, pas {value}</translation>
        </message>
        <message>
            <source>must be from {low} to {high} chargers, not {value}</source>
            <translation>doit être compris entre {low} et {high} bornes, pas {value}</translation>
        </message>
        <message>
            <source>must be {options}, not {value}</source>
            <translation>doit être {options}, pas {value}</translation>
        </message>
        <message>
            <source>must be a time like 07:30 (24-hour HH:MM), not {value}</source>
            <translation>doit être une heure comme 07:30 (sur 24 heures, HH:MM), pas {value}</translation>
        </message>
        <message>
            <source>must be {version}, not {value}</source>
            <translation>doit être {version}, pas {value}</translation>
        </message>
        <message>
            <source>must be a folder path</source>
            <translation>doit être le chemin d’un dossier</translation>
        </message>
        <message>
            <source>must be true or false, not {value}</source>
            <translation>doit être true ou false, pas {value}</translation>
        </message>
        <message>
            <source>is not a PlugDesk setting</source>
            <translation>n’est pas un réglage de PlugDesk</translation>
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
            <translation>Réglages</translation>
        </message>
        <message>
            <source>Connection</source>
            <translation>Connexion</translation>
        </message>
        <message>
            <source>Demo mode: the built-in simulator on this computer</source>
            <translation>Mode démo : le simulateur intégré sur cet ordinateur</translation>
        </message>
        <message>
            <source>Monitoring</source>
            <translation>Surveillance</translation>
        </message>
        <message>
            <source>Notifications</source>
            <translation>Notifications</translation>
        </message>
        <message>
            <source>Quiet hours: keep the history, show no pop-ups</source>
            <translation>Heures calmes : garder l’historique, sans fenêtres surgissantes</translation>
        </message>
        <message>
            <source>From</source>
            <translation>De</translation>
        </message>
        <message>
            <source>Until</source>
            <translation>À</translation>
        </message>
        <message>
            <source>Export defaults</source>
            <translation>Valeurs par défaut de l’export</translation>
        </message>
        <message>
            <source>Excel (XLSX)</source>
            <translation>Excel (XLSX)</translation>
        </message>
        <message>
            <source>Local time</source>
            <translation>Heure locale</translation>
        </message>
        <message>
            <source>Comma (,)</source>
            <translation>Virgule (,)</translation>
        </message>
        <message>
            <source>Semicolon (;)</source>
            <translation>Point-virgule (;)</translation>
        </message>
        <message>
            <source>Appearance</source>
            <translation>Apparence</translation>
        </message>
        <message>
            <source>System language</source>
            <translation>Langue du système</translation>
        </message>
        <message>
            <source>Applies the next time PlugDesk starts.</source>
            <translation>S’applique au prochain démarrage de PlugDesk.</translation>
        </message>
        <message>
            <source>Like the system (light or dark)</source>
            <translation>Comme le système (clair ou sombre)</translation>
        </message>
        <message>
            <source>Light</source>
            <translation>Clair</translation>
        </message>
        <message>
            <source>Dark</source>
            <translation>Sombre</translation>
        </message>
        <message>
            <source>Problems</source>
            <translation>Problèmes</translation>
        </message>
        <message>
            <source>{setting}: {problem}</source>
            <translation>{setting} : {problem}</translation>
        </message>
    </context>
    <context>
        <name>SignInDialog</name>
        <message>
            <source>Create a token in the Plugchoice portal: &lt;b&gt;Settings → Personal Access Tokens&lt;/b&gt;. It is shown only once; paste it here. PlugDesk keeps it in your system's password store, never in a file.</source>
            <translation>Créez un jeton dans le portail Plugchoice : &lt;b&gt;Settings → Personal Access Tokens&lt;/b&gt;. Il n’est affiché qu’une fois ; collez-le ici. PlugDesk le garde dans le trousseau de mots de passe de votre système, jamais dans un fichier.</translation>
        </message>
        <message>
            <source>Create a token in the Plugchoice portal: &lt;b&gt;Settings → Personal Access Tokens&lt;/b&gt;. It is shown only once; paste it here.</source>
            <translation>Créez un jeton dans le portail Plugchoice : &lt;b&gt;Settings → Personal Access Tokens&lt;/b&gt;. Il n'est affiché qu'une fois ; collez-le ici.</translation>
        </message>
        <message>
            <source>PlugDesk will ask for the token again after a restart. To have it remembered, install or unlock a password store (GNOME Keyring, KDE Wallet) and sign in again.</source>
            <translation>PlugDesk redemandera le jeton après un redémarrage. Pour qu'il soit mémorisé, installez ou déverrouillez un trousseau de mots de passe (GNOME Keyring, KDE Wallet) et reconnectez-vous.</translation>
        </message>
        <message>
            <source>Sign in to Plugchoice</source>
            <translation>Connexion à Plugchoice</translation>
        </message>
        <message>
            <source>Password store warning</source>
            <translation>Avertissement sur le trousseau</translation>
        </message>
        <message>
            <source>Personal access token</source>
            <translation>Jeton d’accès personnel</translation>
        </message>
        <message>
            <source>Show token</source>
            <translation>Afficher le jeton</translation>
        </message>
        <message>
            <source>API URL</source>
            <translation>URL de l’API</translation>
        </message>
        <message>
            <source>Advanced</source>
            <translation>Avancé</translation>
        </message>
        <message>
            <source>Sign-in status</source>
            <translation>État de la connexion</translation>
        </message>
        <message>
            <source>Sign in</source>
            <translation>Se connecter</translation>
        </message>
        <message>
            <source>Token</source>
            <translation>Jeton</translation>
        </message>
        <message>
            <source>Checking the token…</source>
            <translation>Vérification du jeton…</translation>
        </message>
        <message>
            <source>Not signed in.</source>
            <translation>Non connecté.</translation>
        </message>
        <message>
            <source>The token is kept in {store}.</source>
            <translation>Le jeton est conservé dans {store}.</translation>
        </message>
        <message>
            <source>The token is used for this session only.</source>
            <translation>Le jeton n’est utilisé que pour cette session.</translation>
        </message>
        <message>
            <source>Signed in as {user}.</source>
            <translation>Connecté en tant que {user}.</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Fermer</translation>
        </message>
    </context>
    <context>
        <name>SiteFilter</name>
        <message>
            <source>Site filter</source>
            <translation>Filtre de site</translation>
        </message>
        <message>
            <source>Show the chargers of one site</source>
            <translation>Afficher les bornes d'un site</translation>
        </message>
        <message>
            <source>All sites ({count})</source>
            <translation>Tous les sites ({count})</translation>
        </message>
        <message>
            <source>{site} ({count})</source>
            <translation>{site} ({count})</translation>
        </message>
        <message>
            <source>(site with no chargers shown)</source>
            <translation>(site sans borne affichée)</translation>
        </message>
    </context>
    <context>
        <name>SiteWiring</name>
        <message>
            <source>Rename charger</source>
            <translation>Renommer la borne</translation>
        </message>
        <message>
            <source>Reference (the name shown in PlugDesk):</source>
            <translation>Référence (le nom affiché dans PlugDesk) :</translation>
        </message>
        <message>
            <source>Renaming the charger…</source>
            <translation>Renommage de la borne…</translation>
        </message>
        <message>
            <source>Renamed to {name}</source>
            <translation>Renommée en {name}</translation>
        </message>
        <message>
            <source>Rename failed</source>
            <translation>Échec du renommage</translation>
        </message>
    </context>
    <context>
        <name>SitesModel</name>
        <message>
            <source>Site</source>
            <translation>Site</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>Adresse</translation>
        </message>
        <message>
            <source>Chargers</source>
            <translation>Bornes</translation>
        </message>
        <message>
            <source>OK</source>
            <translation>OK</translation>
        </message>
        <message>
            <source>Fault</source>
            <translation>Panne</translation>
        </message>
        <message>
            <source>Offline</source>
            <translation>Hors ligne</translation>
        </message>
        <message>
            <source>Charging now</source>
            <translation>En charge</translation>
        </message>
        <message>
            <source>kWh today</source>
            <translation>kWh aujourd'hui</translation>
        </message>
        <message>
            <source>Double-click to show this site's chargers</source>
            <translation>Double-cliquez pour afficher les bornes de ce site</translation>
        </message>
    </context>
    <context>
        <name>SitesOverview</name>
        <message>
            <source>Sites</source>
            <translation>Sites</translation>
        </message>
        <message>
            <source>Double-click a site to show its chargers.</source>
            <translation>Double-cliquez sur un site pour afficher ses bornes.</translation>
        </message>
    </context>
    <context>
        <name>Store</name>
        <message>
            <source>The event history file {path} is read-only, so new charger incidents are not saved. Alerts still work for as long as PlugDesk runs; make the file writable (check its permissions) and restart PlugDesk to keep a history again.</source>
            <translation>Le fichier d’historique des événements {path} est en lecture seule : les nouveaux incidents des bornes ne sont pas enregistrés. Les alertes fonctionnent tant que PlugDesk tourne ; rendez le fichier modifiable (vérifiez ses droits) et redémarrez PlugDesk pour conserver de nouveau un historique.</translation>
        </message>
        <message>
            <source>save to the event history</source>
            <translation>enregistrer dans l’historique des événements</translation>
        </message>
        <message>
            <source>use the event history</source>
            <translation>utiliser l’historique des événements</translation>
        </message>
        <message>
            <source>The in-memory store failed: {damage}</source>
            <translation>Le stockage en mémoire a échoué : {damage}</translation>
        </message>
        <message>
            <source>The event history file {path} is damaged and could not be moved aside ({error}). Move or delete it, then start PlugDesk again.</source>
            <translation>Le fichier d’historique des événements {path} est endommagé et n’a pas pu être mis de côté ({error}). Déplacez-le ou supprimez-le, puis relancez PlugDesk.</translation>
        </message>
        <message>
            <source>The event history file was damaged and could not be read. It was kept as {name} and a new, empty history was started.</source>
            <translation>Le fichier d’historique des événements était endommagé et illisible. Il a été conservé sous le nom {name} et un nouvel historique vide a été commencé.</translation>
        </message>
        <message>
            <source>The event history was written by a newer PlugDesk (schema {version}; this version knows up to {known}). Update PlugDesk to use it.</source>
            <translation>L’historique des événements a été écrit par une version plus récente de PlugDesk (schéma {version} ; cette version connaît jusqu’au {known}). Mettez PlugDesk à jour pour l’utiliser.</translation>
        </message>
        <message>
            <source>Could not {action}: the event history file is read-only.</source>
            <translation>Impossible d’{action} : le fichier d’historique des événements est en lecture seule.</translation>
        </message>
        <message>
            <source>Could not {action}: {error}</source>
            <translation>Impossible d’{action} : {error}</translation>
        </message>
        <message>
            <source>Could not open the event history: {error}</source>
            <translation>Impossible d’ouvrir l’historique des événements : {error}</translation>
        </message>
        <message>
            <source>The event history is closed.</source>
            <translation>L’historique des événements est fermé.</translation>
        </message>
    </context>
    <context>
        <name>Toast</name>
        <message>
            <source>{title} — {reason}, not shown as a pop-up</source>
            <translation>{title} — {reason}, non affiché en fenêtre surgissante</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Ouvrir</translation>
        </message>
        <message>
            <source>Open: {title}</source>
            <translation>Ouvrir : {title}</translation>
        </message>
        <message>
            <source>Dismiss</source>
            <translation>Fermer</translation>
        </message>
    </context>
    <context>
        <name>Totals</name>
        <message>
            <source>({active} active)</source>
            <translation>({active} en cours)</translation>
        </message>
    </context>
    <context>
        <name>TransactionFilterBar</name>
        <message>
            <source>All</source>
            <translation>Toutes</translation>
        </message>
        <message>
            <source>Active</source>
            <translation>En cours</translation>
        </message>
        <message>
            <source>Finished</source>
            <translation>Terminées</translation>
        </message>
        <message>
            <source>Transaction status</source>
            <translation>État des transactions</translation>
        </message>
        <message>
            <source>From</source>
            <translation>Du</translation>
        </message>
        <message>
            <source>Until</source>
            <translation>Jusqu’au</translation>
        </message>
        <message>
            <source>No limit</source>
            <translation>Sans limite</translation>
        </message>
        <message>
            <source>Limit</source>
            <translation>Limite</translation>
        </message>
        <message>
            <source>At most this many transactions, newest first (the API allows 1 to 10,000; each 25 cost one request)</source>
            <translation>Au plus ce nombre de transactions, les plus récentes d’abord (l’API accepte de 1 à 10 000 ; chaque lot de 25 coûte une requête)</translation>
        </message>
        <message>
            <source>Filter by ID tag</source>
            <translation>Filtrer par badge</translation>
        </message>
        <message>
            <source>ID tag filter</source>
            <translation>Filtre de badge</translation>
        </message>
        <message>
            <source>&amp;Status</source>
            <translation>É&amp;tat</translation>
        </message>
        <message>
            <source>&amp;Limit</source>
            <translation>&amp;Limite</translation>
        </message>
        <message>
            <source>“Until” must be on or after “From”.</source>
            <translation>« Jusqu’au » doit être égal ou postérieur à « Du ».</translation>
        </message>
    </context>
    <context>
        <name>TransactionsModel</name>
        <message>
            <source>Connector</source>
            <translation>Connecteur</translation>
        </message>
        <message>
            <source>ID tag</source>
            <translation>Badge</translation>
        </message>
        <message>
            <source>Started</source>
            <translation>Début</translation>
        </message>
        <message>
            <source>Stopped</source>
            <translation>Fin</translation>
        </message>
        <message>
            <source>Duration</source>
            <translation>Durée</translation>
        </message>
        <message>
            <source>Meter start</source>
            <translation>Compteur début</translation>
        </message>
        <message>
            <source>Meter stop</source>
            <translation>Compteur fin</translation>
        </message>
        <message>
            <source>Stop reason</source>
            <translation>Motif d’arrêt</translation>
        </message>
        <message>
            <source>Valid</source>
            <translation>Valide</translation>
        </message>
        <message>
            <source>The connector's number on the charger</source>
            <translation>Le numéro du connecteur sur la borne</translation>
        </message>
        <message>
            <source>Meter reading at the start, in Wh</source>
            <translation>Relevé du compteur au début, en Wh</translation>
        </message>
        <message>
            <source>Meter reading at the stop, in Wh</source>
            <translation>Relevé du compteur à l’arrêt, en Wh</translation>
        </message>
        <message>
            <source>Energy delivered, in kWh</source>
            <translation>Énergie délivrée, en kWh</translation>
        </message>
        <message>
            <source>Connector record {id}</source>
            <translation>Enregistrement de connecteur {id}</translation>
        </message>
        <message>
            <source>Active</source>
            <translation>En cours</translation>
        </message>
    </context>
    <context>
        <name>TransactionsView</name>
        <message>
            <source>Transactions</source>
            <translation>Transactions</translation>
        </message>
        <message>
            <source>Transaction totals</source>
            <translation>Totaux des transactions</translation>
        </message>
        <message>
            <source>Show power curve</source>
            <translation>Afficher la courbe de puissance</translation>
        </message>
        <message>
            <source>Select a charger to see its transactions.</source>
            <translation>Sélectionnez une borne pour voir ses transactions.</translation>
        </message>
        <message>
            <source>Loading transactions…</source>
            <translation>Chargement des transactions…</translation>
        </message>
        <message>
            <source>Loading transactions… {count} so far</source>
            <translation>Chargement des transactions… {count} jusqu’ici</translation>
        </message>
        <message>
            <source>Could not load transactions: {message}</source>
            <translation>Impossible de charger les transactions : {message}</translation>
        </message>
        <message>
            <source>No transactions match these filters.</source>
            <translation>Aucune transaction ne correspond à ces filtres.</translation>
        </message>
        <message>
            <source>Showing the newest {count}: raise the limit to see more</source>
            <translation>Affichage des {count} plus récentes : augmentez la limite pour en voir plus</translation>
        </message>
        <message>
            <source>{count} hidden by the ID tag filter</source>
            <translation>{count} masquées par le filtre de badge</translation>
        </message>
    </context>
    <context>
        <name>URL</name>
        <message>
            <source>Enter the API URL, for example https://app.plugchoice.com/api/v3.</source>
            <translation>Saisissez l'URL de l'API, par exemple https://app.plugchoice.com/api/v3.</translation>
        </message>
        <message>
            <source>{url} is not a valid URL.</source>
            <translation>{url} n'est pas une URL valide.</translation>
        </message>
        <message>
            <source>The API URL must start with https://, for example https://app.plugchoice.com/api/v3.</source>
            <translation>L'URL de l'API doit commencer par https://, par exemple https://app.plugchoice.com/api/v3.</translation>
        </message>
        <message>
            <source>The port in the API URL must be between 1 and 65535, not {port}.</source>
            <translation>Le port dans l'URL de l'API doit être compris entre 1 et 65535, pas {port}.</translation>
        </message>
        <message>
            <source>The API URL must not contain a user name or password; sign in with a token instead.</source>
            <translation>L'URL de l'API ne doit pas contenir de nom d'utilisateur ni de mot de passe ; connectez-vous plutôt avec un jeton.</translation>
        </message>
        <message>
            <source>The API URL must not contain '?' or '#'.</source>
            <translation>L'URL de l'API ne doit contenir ni '?' ni '#'.</translation>
        </message>
        <message>
            <source>The API URL must use https:// for {host}: plain http:// would send your token unencrypted (it is only allowed for this computer, e.g. the simulator).</source>
            <translation>L'URL de l'API doit utiliser https:// pour {host} : un simple http:// enverrait votre jeton en clair (ce n'est permis que pour cet ordinateur, p. ex. le simulateur).</translation>
        </message>
        <message>
            <source>{url} is not a valid webhook URL.</source>
            <translation>{url} n'est pas une URL de webhook valide.</translation>
        </message>
        <message>
            <source>A webhook URL must start with https://.</source>
            <translation>Une URL de webhook doit commencer par https://.</translation>
        </message>
        <message>
            <source>A webhook URL must not contain a user name or password.</source>
            <translation>Une URL de webhook ne doit pas contenir de nom d'utilisateur ni de mot de passe.</translation>
        </message>
        <message>
            <source>The webhook for {host} must use https://: plain http:// is only allowed for this computer.</source>
            <translation>Le webhook pour {host} doit utiliser https:// : un simple http:// n'est permis que pour cet ordinateur.</translation>
        </message>
    </context>
</TS>
