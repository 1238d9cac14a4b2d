<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en_US">
    <context>
        <name>AlertText</name>
        <message numerus="yes">
            <source>%n chargers need attention</source>
            <translation>
                <numerusform>%n charger needs attention</numerusform>
                <numerusform>%n chargers need attention</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n chargers recovered</source>
            <translation>
                <numerusform>%n charger recovered</numerusform>
                <numerusform>%n chargers recovered</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{names} and %n more chargers</source>
            <translation>
                <numerusform>{names} and %n more charger</numerusform>
                <numerusform>{names} and %n more chargers</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n chargers faulted</source>
            <translation>
                <numerusform>%n charger faulted</numerusform>
                <numerusform>%n chargers faulted</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n chargers no longer faulted</source>
            <translation>
                <numerusform>%n charger no longer faulted</numerusform>
                <numerusform>%n chargers no longer faulted</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n chargers offline</source>
            <translation>
                <numerusform>%n charger offline</numerusform>
                <numerusform>%n chargers offline</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n chargers back online</source>
            <translation>
                <numerusform>%n charger back online</numerusform>
                <numerusform>%n chargers back online</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n chargers stopped reporting</source>
            <translation>
                <numerusform>%n charger stopped reporting</numerusform>
                <numerusform>%n chargers stopped reporting</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n chargers reporting again</source>
            <translation>
                <numerusform>%n charger reporting again</numerusform>
                <numerusform>%n chargers reporting again</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ErrorDialog</name>
        <message numerus="yes">
            <source>An unexpected error occurred (%n errors since this window opened).</source>
            <translation>
                <numerusform>An unexpected error occurred (%n error since this window opened).</numerusform>
                <numerusform>An unexpected error occurred (%n errors since this window opened).</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>EventsPane</name>
        <message numerus="yes">
            <source>Exported %n events to {path}</source>
            <translation>
                <numerusform>Exported %n event to {path}</numerusform>
                <numerusform>Exported %n events to {path}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n events</source>
            <translation>
                <numerusform>%n event</numerusform>
                <numerusform>%n events</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message numerus="yes">
            <source>%n transactions, {kwh} kWh, from {chargers}.</source>
            <translation>
                <numerusform>%n transaction, {kwh} kWh, from {chargers}.</numerusform>
                <numerusform>%n transactions, {kwh} kWh, from {chargers}.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n chargers</source>
            <translation>
                <numerusform>%n charger</numerusform>
                <numerusform>%n chargers</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n more chargers were not tried.</source>
            <translation>
                <numerusform>%n more charger was not tried.</numerusform>
                <numerusform>%n more chargers were not tried.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ExportProgress</name>
        <message numerus="yes">
            <source>%n transactions written so far</source>
            <translation>
                <numerusform>%n transaction written so far</numerusform>
                <numerusform>%n transactions written so far</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Export complete: %n transactions saved</source>
            <translation>
                <numerusform>Export complete: %n transaction saved</numerusform>
                <numerusform>Export complete: %n transactions saved</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Export complete: %n transactions saved to {file}</source>
            <translation>
                <numerusform>Export complete: %n transaction saved to {file}</numerusform>
                <numerusform>Export complete: %n transactions saved to {file}</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>FleetView</name>
        <message numerus="yes">
            <source>%n chargers</source>
            <translation>
                <numerusform>%n charger</numerusform>
                <numerusform>%n chargers</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>IncidentService</name>
        <message numerus="yes">
            <source>PlugDesk — %n chargers</source>
            <translation>
                <numerusform>PlugDesk — %n charger</numerusform>
                <numerusform>PlugDesk — %n chargers</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n open incidents</source>
            <translation>
                <numerusform>%n open incident</numerusform>
                <numerusform>%n open incidents</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>InsightsPane</name>
        <message numerus="yes">
            <source>%n incidents</source>
            <translation>
                <numerusform>%n incident</numerusform>
                <numerusform>%n incidents</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n faults</source>
            <translation>
                <numerusform>%n fault</numerusform>
                <numerusform>%n faults</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Notifier</name>
        <message numerus="yes">
            <source>%n more chargers need attention</source>
            <translation>
                <numerusform>%n more charger needs attention</numerusform>
                <numerusform>%n more chargers need attention</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n more chargers recovered.</source>
            <translation>
                <numerusform>%n more charger recovered.</numerusform>
                <numerusform>%n more chargers recovered.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n more chargers recovered</source>
            <translation>
                <numerusform>%n more charger recovered</numerusform>
                <numerusform>%n more chargers recovered</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>OcppLogTab</name>
        <message numerus="yes">
            <source>%n messages, newest first — scroll for more</source>
            <translation>
                <numerusform>%n message, newest first — scroll for more</numerusform>
                <numerusform>%n messages, newest first — scroll for more</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>All %n messages loaded, newest first</source>
            <translation>
                <numerusform>%n message loaded</numerusform>
                <numerusform>All %n messages loaded, newest first</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Plurals</name>
        <message numerus="yes">
            <source>%n days ago</source>
            <translation>
                <numerusform>%n day ago</numerusform>
                <numerusform>%n days ago</numerusform>
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
                <numerusform>%n charger</numerusform>
                <numerusform>%n chargers</numerusform>
            </translation>
        </message>
    </context>
</TS>
