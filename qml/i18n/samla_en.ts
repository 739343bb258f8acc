<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>CodingSchemesScreen</name>
    <message numerus="yes">
        <source>%n behaviour(s)</source>
        <translation>
            <numerusform>%n behaviour</numerusform>
            <numerusform>%n behaviours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) were coded with this scheme, so it can be archived but not removed.</source>
        <translation>
            <numerusform>%n session was coded with this scheme, so it can be archived but not removed.</numerusform>
            <numerusform>%n sessions were coded with this scheme, so it can be archived but not removed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConsentFormVersionScreen</name>
    <message numerus="yes">
        <source>Given with %n consent(s): %1</source>
        <translation>
            <numerusform>Given with %n consent: %1</numerusform>
            <numerusform>Given with %n consents: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConsentFormsScreen</name>
    <message numerus="yes">
        <source>Given with %n consent(s)</source>
        <translation>
            <numerusform>Given with %n consent</numerusform>
            <numerusform>Given with %n consents</numerusform>
        </translation>
    </message>
</context>
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
    <name>IdentityAuditScreen</name>
    <message numerus="yes">
        <source>%n look-up(s) of who is behind a code, newest first, from every device that has synced its audit log. Names are never recorded here.</source>
        <translation>
            <numerusform>%n look-up of who is behind a code, newest first, from every device that has synced its audit log. Names are never recorded here.</numerusform>
            <numerusform>%n look-ups of who is behind a code, newest first, from every device that has synced its audit log. Names are never recorded here.</numerusform>
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
    <name>ProjectsScreen</name>
    <message numerus="yes">
        <source>%n participant(s)</source>
        <translation>
            <numerusform>%n participant</numerusform>
            <numerusform>%n participants</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n field note(s)</source>
        <translation>
            <numerusform>%n field note</numerusform>
            <numerusform>%n field notes</numerusform>
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
    <message numerus="yes">
        <source>Sending: %1 of %n change(s)</source>
        <translation>
            <numerusform>Sending: %1 of %n change</numerusform>
            <numerusform>Sending: %1 of %n changes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Received so far: %n change(s)</source>
        <translation>
            <numerusform>Received so far: %n change</numerusform>
            <numerusform>Received so far: %n changes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) from other devices are dated more than a day after this device&apos;s clock and wait until then. They are kept. Check this device&apos;s date and time.</source>
        <translation>
            <numerusform>%n change from another device is dated more than a day after this device&apos;s clock and waits until then. It is kept. Check this device&apos;s date and time.</numerusform>
            <numerusform>%n changes from other devices are dated more than a day after this device&apos;s clock and wait until then. They are kept. Check this device&apos;s date and time.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>samla::ui::ConsentFormEditor</name>
    <message numerus="yes">
        <source>Not published: %n problem(s) to fix, marked beside the fields. Nothing you wrote is lost.</source>
        <translation>
            <numerusform>Not published: %n problem to fix, marked beside the field. Nothing you wrote is lost.</numerusform>
            <numerusform>Not published: %n problems to fix, marked beside the fields. Nothing you wrote is lost.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>samla::ui::Notebook</name>
    <message numerus="yes">
        <source>Exported %n note(s) and memo(s) to %1 as a REFI-QDA project for NVivo, ATLAS.ti, MAXQDA or QualCoder.</source>
        <translation>
            <numerusform>Exported %n note or memo to %1 as a REFI-QDA project for NVivo, ATLAS.ti, MAXQDA or QualCoder.</numerusform>
            <numerusform>Exported %n notes and memos to %1 as a REFI-QDA project for NVivo, ATLAS.ti, MAXQDA or QualCoder.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n participant(s) appear as cases, by code. The file is not encrypted: it holds participant codes, never names.</source>
        <translation>
            <numerusform>%n participant appears as a case, by code. The file is not encrypted: it holds participant codes, never names.</numerusform>
            <numerusform>%n participants appear as cases, by code. The file is not encrypted: it holds participant codes, never names.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n participant(s) asked for their data to be removed, so they and the notes about them (%1) were left out.</source>
        <translation>
            <numerusform>%n participant asked for their data to be removed, so they and the notes about them (%1) were left out.</numerusform>
            <numerusform>%n participants asked for their data to be removed, so they and the notes about them (%1) were left out.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>samla::ui::ObservationAgreement</name>
    <message numerus="yes">
        <source>Over %n unit(s) both observers coded</source>
        <translation>
            <numerusform>Over %n unit both observers coded</numerusform>
            <numerusform>Over %n units both observers coded</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Counts in %n time slice(s)</source>
        <translation>
            <numerusform>Counts in %n time slice</numerusform>
            <numerusform>Counts in %n time slices</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n slice(s) left out</source>
        <translation>
            <numerusform>%n slice left out</numerusform>
            <numerusform>%n slices left out</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>samla::ui::ObservationCorrection</name>
    <message numerus="yes">
        <source>%n state event(s) lost their partner in this correction: see the marked rows.</source>
        <translation>
            <numerusform>%n state event lost its partner in this correction: see the marked row.</numerusform>
            <numerusform>%n state events lost their partner in this correction: see the marked rows.</numerusform>
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
    <name>samla::ui::ObservationReports</name>
    <message numerus="yes">
        <source>%n session(s), stopped or finalised, %1 observed in all. A correction counts instead of the version it corrects.</source>
        <translation>
            <numerusform>%n session, stopped or finalised, %1 observed in all. A correction counts instead of the version it corrects.</numerusform>
            <numerusform>%n sessions, stopped or finalised, %1 observed in all. A correction counts instead of the version it corrects.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n event(s) to %1. The file is not encrypted: it holds participant codes, never names.</source>
        <translation>
            <numerusform>Exported %n event to %1. The file is not encrypted: it holds participant codes, never names.</numerusform>
            <numerusform>Exported %n events to %1. The file is not encrypted: it holds participant codes, never names.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n session(s), %2 hours observed, %3 interactions, %4 patient-hours)</source>
        <translation>
            <numerusform>%1 (%n session, %2 hours observed, %3 interactions, %4 patient-hours)</numerusform>
            <numerusform>%1 (%n sessions, %2 hours observed, %3 interactions, %4 patient-hours)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not known: no patients counted (%n session(s), %1 hours observed)</source>
        <translation>
            <numerusform>Not known: no patients counted (%n session, %1 hours observed)</numerusform>
            <numerusform>Not known: no patients counted (%n sessions, %1 hours observed)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>samla::ui::ParticipantConsent</name>
    <message numerus="yes">
        <source>%n other participant(s) also have the code %1: they were enrolled on different devices before syncing. Nothing was merged. Check who this is before recording anything, and tell your data manager.</source>
        <translation>
            <numerusform>%n other participant also has the code %1: they were enrolled on different devices before syncing. Nothing was merged. Check who this is before recording anything, and tell your data manager.</numerusform>
            <numerusform>%n other participants also have the code %1: they were enrolled on different devices before syncing. Nothing was merged. Check who this is before recording anything, and tell your data manager.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>samla::ui::SchemeEditor</name>
    <message numerus="yes">
        <source>Not saved: %n field(s) to fix, marked beside them. Nothing you wrote is lost.</source>
        <translation>
            <numerusform>Not saved: %n field to fix, marked beside it. Nothing you wrote is lost.</numerusform>
            <numerusform>Not saved: %n fields to fix, marked beside them. Nothing you wrote is lost.</numerusform>
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
    <message numerus="yes">
        <source>%n photo(s), recording(s) or document(s) could not be sent: too large, or damaged on this device. Their notes and records were sent without them. Tell your data manager.</source>
        <translation>
            <numerusform>%n photo, recording or document could not be sent: too large, or damaged on this device. Its note or record was sent without it. Tell your data manager.</numerusform>
            <numerusform>%n photos, recordings or documents could not be sent: too large, or damaged on this device. Their notes and records were sent without them. Tell your data manager.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sent %n entry(ies) to the research team. They are no longer kept on this device.</source>
        <translation>
            <numerusform>Sent %n entry to the research team. It is no longer kept on this device.</numerusform>
            <numerusform>Sent %n entries to the research team. They are no longer kept on this device.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) made on two devices at once were merged field by field.</source>
        <translation>
            <numerusform>%n change made on two devices at once was merged field by field.</numerusform>
            <numerusform>%n changes made on two devices at once were merged field by field.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) were refused: they would have changed a finalised record or a logged event. Tell your administrator.</source>
        <translation>
            <numerusform>%n change was refused: it would have changed a finalised record or a logged event. Tell your administrator.</numerusform>
            <numerusform>%n changes were refused: they would have changed a finalised record or a logged event. Tell your administrator.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) from participants&apos; devices were refused: such a device may send only notes and diary entries. Tell your administrator.</source>
        <translation>
            <numerusform>%n change from a participant&apos;s device was refused: such a device may send only notes and diary entries. Tell your administrator.</numerusform>
            <numerusform>%n changes from participants&apos; devices were refused: such a device may send only notes and diary entries. Tell your administrator.</numerusform>
        </translation>
    </message>
</context>
</TS>
