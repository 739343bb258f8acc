<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>HomeScreen</name>
    <message numerus="yes">
        <source>%n field note(s)</source>
        <translation>
            <numerusform>%n field note</numerusform>
            <numerusform>%n field notes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NotesScreen</name>
    <message numerus="yes">
        <source>%n note(s) found</source>
        <translation>
            <numerusform>%n note found</numerusform>
            <numerusform>%n notes found</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n field note(s), newest first</source>
        <translation>
            <numerusform>%n field note, newest first</numerusform>
            <numerusform>%n field notes, newest first</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ObservationLiveScreen</name>
    <message numerus="yes">
        <source>%n event(s) coded</source>
        <translation>
            <numerusform>%n event coded</numerusform>
            <numerusform>%n events coded</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ObservationsScreen</name>
    <message numerus="yes">
        <source>%1: %n observation session(s).</source>
        <translation>
            <numerusform>%1: %n observation session.</numerusform>
            <numerusform>%1: %n observation sessions.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ParticipantsScreen</name>
    <message numerus="yes">
        <source>%1: %n participant(s). Only codes are shown here.</source>
        <translation>
            <numerusform>%1: %n participant. Only codes are shown here.</numerusform>
            <numerusform>%1: %n participants. Only codes are shown here.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncScreen</name>
    <message numerus="yes">
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n change</numerusform>
            <numerusform>%n changes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) were changed on two devices at once. Both versions are kept in each record&apos;s history.</source>
        <translation>
            <numerusform>%n record was changed on two devices at once. Both versions are kept in its history.</numerusform>
            <numerusform>%n records were changed on two devices at once. Both versions are kept in each record&apos;s history.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>samla::ui::ObservationLive</name>
    <message numerus="yes">
        <source>Stopped after %1 of observation time; %n event(s) in force.</source>
        <translation>
            <numerusform>Stopped after %1 of observation time; %n event in force.</numerusform>
            <numerusform>Stopped after %1 of observation time; %n events in force.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>samla::ui::SyncController</name>
    <message numerus="yes">
        <source>Sent %n change(s)</source>
        <translation>
            <numerusform>Sent %n change</numerusform>
            <numerusform>Sent %n changes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>received %n change(s).</source>
        <translation>
            <numerusform>received %n change.</numerusform>
            <numerusform>received %n changes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) made on two devices at once: both versions are kept.</source>
        <translation>
            <numerusform>%n change was made on two devices at once: both versions are kept.</numerusform>
            <numerusform>%n changes were made on two devices at once: both versions are kept.</numerusform>
        </translation>
    </message>
</context>
</TS>
