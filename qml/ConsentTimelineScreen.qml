import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Samla.Core
import Samla.Ui

// One participant: consent state per activity, one-tap dissent, re-checks, withdrawal, the timeline, FHIR export.
ScrollPage {
    id: screen
    objectName: "participantScreen"
    readonly property string title: qsTr("Participant %1").arg(ParticipantConsent.code)
    maxWidth: Math.round(900 * Theme.scale)
    // The message shows beside the button that caused it: export at the bottom, the rest at the top.
    property bool exportMessage: false

    BodyText {
        objectName: "participantProfile"
        color: Theme.textMuted
        text: ParticipantConsent.category + " · " + ParticipantConsent.ageBand
              + (ParticipantConsent.capacityNotes !== "" ? " · " + ParticipantConsent.capacityNotes : "")
    }
    MessageBanner {
        objectName: "participantDuplicateCode"
        text: ParticipantConsent.duplicateCodeText
    }
    AppButton {
        objectName: "giveNewCodeButton"
        visible: ParticipantConsent.duplicateCodeText !== ""
        text: qsTr("Give this participant a new code")
        onClicked: ParticipantConsent.giveNewCode()
    }
    AppButton {
        objectName: "showIdentityButton"
        text: qsTr("Show identity")
        onClicked: {
            if (IdentityLookup.open(ParticipantConsent.participantId))
                Navigator.push("identity")
        }
    }
    Label {
        objectName: "participantSummary"
        Layout.fillWidth: true
        wrapMode: Text.WordWrap
        font.pixelSize: Theme.fontHeading
        font.weight: Font.Bold
        color: Theme.text
        text: ParticipantConsent.summary
    }
    BodyText {
        text: ParticipantConsent.routeText
    }
    MessageBanner {
        objectName: "reconsentReminder"
        color: "#fff7e0"
        border.color: "#8a6100"
        text: ParticipantConsent.reminder
    }

    MessageBanner {
        objectName: "participantMessage"
        error: ParticipantConsent.messageIsError
        text: screen.exportMessage ? "" : ParticipantConsent.message
    }

    GridLayout {
        Layout.fillWidth: true
        columns: screen.width > 720 ? 2 : 1
        columnSpacing: Theme.spacing
        rowSpacing: Theme.spacing
        BigButton {
            objectName: "dissentButton"
            Layout.fillWidth: true
            danger: true
            enabled: !ParticipantConsent.withdrawn
            text: qsTr("Dissent: stop now")
            description: qsTr("One tap when the participant objects or seems distressed")
            onClicked: {
            screen.exportMessage = false
            ParticipantConsent.dissent()
        }
        }
        BigButton {
            objectName: "pauseButton"
            Layout.fillWidth: true
            enabled: !ParticipantConsent.withdrawn
            text: ParticipantConsent.paused ? qsTr("Resume") : qsTr("Pause")
            description: ParticipantConsent.paused ? qsTr("The participant is happy to go on") : qsTr("Stop for now, without withdrawing")
            onClicked: {
            screen.exportMessage = false
            ParticipantConsent.paused ? ParticipantConsent.resume() : ParticipantConsent.pause()
        }
        }
        BigButton {
            objectName: "takeConsentButton"
            Layout.fillWidth: true
            primary: true
            Layout.columnSpan: screen.width > 720 ? 2 : 1
            text: qsTr("Take consent")
            description: qsTr("Read the form with the participant, answer, sign")
            onClicked: {
                if (ConsentFlow.start(ParticipantConsent.participantId))
                    Navigator.push("consentSetup")
            }
        }
    }

    SectionHeading {
        text: qsTr("What may be collected now")
    }
    Repeater {
        objectName: "activityStates"
        model: ParticipantConsent.activities
        Rectangle {
            id: activityRow
            required property string activityKey
            required property string activity
            required property bool allowed
            required property string reason
            objectName: "activity_" + activityKey
            Layout.fillWidth: true
            implicitHeight: activityColumn.implicitHeight + Theme.spacing
            radius: Theme.radius / 2
            color: allowed ? Theme.successSoft : Theme.surface
            border.color: allowed ? Theme.success : Theme.divider
            ColumnLayout {
                id: activityColumn
                anchors.fill: parent
                anchors.margins: Theme.smallSpacing
                spacing: 2
                RowLayout {
                    Layout.fillWidth: true
                    Label {
                        Layout.fillWidth: true
                        text: activityRow.activity
                        font.pixelSize: Theme.fontBody
                        font.weight: Font.DemiBold
                        color: Theme.text
                        wrapMode: Text.WordWrap
                    }
                    Label {
                        text: activityRow.allowed ? qsTr("Allowed") : qsTr("Not allowed")
                        font.pixelSize: Theme.fontBody
                        font.weight: Font.Bold
                        color: activityRow.allowed ? Theme.success : Theme.danger
                    }
                }
                Label {
                    objectName: "reason_" + activityRow.activityKey
                    Layout.fillWidth: true
                    visible: text !== ""
                    text: activityRow.reason
                    font.pixelSize: Theme.fontSmall
                    color: Theme.textMuted
                    wrapMode: Text.WordWrap
                }
            }
        }
    }

    SectionHeading {
        text: qsTr("Re-check consent")
    }
    FieldLabel {
        text: qsTr("Recorded by (your initials or staff id)")
    }
    AppTextField {
        objectName: "recordedByField"
        Layout.fillWidth: true
        text: ParticipantConsent.recordedBy
        inputMethodHints: Qt.ImhNoPredictiveText
        onTextEdited: ParticipantConsent.recordedBy = text
    }
    Flow {
        Layout.fillWidth: true
        spacing: Theme.spacing
        AppButton {
            objectName: "recheckConfirmedButton"
            enabled: !ParticipantConsent.withdrawn
            text: qsTr("Confirmed")
            onClicked: {
            screen.exportMessage = false
            ParticipantConsent.recheck(ParticipantConsent.Confirmed)
        }
        }
        AppButton {
            objectName: "recheckHesitantButton"
            enabled: !ParticipantConsent.withdrawn
            text: qsTr("Hesitant")
            onClicked: {
            screen.exportMessage = false
            ParticipantConsent.recheck(ParticipantConsent.Hesitant)
        }
        }
        AppButton {
            objectName: "recheckDissentButton"
            enabled: !ParticipantConsent.withdrawn
            text: qsTr("Dissent observed")
            onClicked: {
            screen.exportMessage = false
            ParticipantConsent.recheck(ParticipantConsent.DissentObserved)
        }
        }
    }

    SectionHeading {
        text: qsTr("Withdrawal")
    }
    BodyText {
        objectName: "withdrawalPolicy"
        text: ParticipantConsent.withdrawalPolicyText
    }
    ChoiceGroup {
        id: scopeGroup
        objectName: "scopeChoices"
        namePrefix: "scope_"
        current: "1"
        choices: {
            const list = [{ key: "0", label: qsTr("No more contact") }, { key: "1", label: qsTr("No new data") }]
            if (ParticipantConsent.erasureAllowed)
                list.push({ key: "2", label: qsTr("Also remove existing data") })
            return list
        }
    }
    AppButton {
        objectName: "withdrawButton"
        Layout.fillWidth: true
        danger: true
        enabled: !ParticipantConsent.withdrawn
        text: qsTr("Record withdrawal")
        onClicked: {
            screen.exportMessage = false
            ParticipantConsent.withdraw(Number(scopeGroup.current))
        }
    }

    SectionHeading {
        text: qsTr("Consent timeline")
    }
    BodyText {
        visible: timelineRepeater.count === 0
        color: Theme.textMuted
        text: qsTr("Nothing recorded yet.")
    }
    Repeater {
        id: timelineRepeater
        objectName: "timelineRepeater"
        model: ParticipantConsent.timeline
        Rectangle {
            id: eventRow
            required property string when
            required property string type
            required property string details
            required property string effect
            required property bool restriction
            Layout.fillWidth: true
            implicitHeight: eventColumn.implicitHeight + Theme.spacing
            radius: Theme.radius / 2
            color: Theme.surface
            border.color: Theme.divider
            Rectangle {
                width: 6
                height: parent.height
                radius: 2
                color: eventRow.restriction ? Theme.danger : Theme.accent
            }
            ColumnLayout {
                id: eventColumn
                anchors.fill: parent
                anchors.margins: Theme.smallSpacing
                anchors.leftMargin: Theme.spacing
                spacing: 2
                RowLayout {
                    Layout.fillWidth: true
                    spacing: Theme.spacing
                    Label {
                        objectName: "timelineType"
                        Layout.fillWidth: true
                        text: eventRow.type
                        font.pixelSize: Theme.fontBody
                        font.weight: Font.DemiBold
                        color: Theme.text
                        wrapMode: Text.WordWrap
                    }
                    Label {
                        text: eventRow.when
                        font.pixelSize: Theme.fontSmall
                        color: Theme.textMuted
                    }
                }
                Label {
                    Layout.fillWidth: true
                    visible: text !== ""
                    text: eventRow.details
                    font.pixelSize: Theme.fontSmall
                    color: Theme.text
                    wrapMode: Text.WordWrap
                }
                Label {
                    Layout.fillWidth: true
                    visible: text !== ""
                    text: eventRow.effect
                    font.pixelSize: Theme.fontSmall
                    font.italic: true
                    color: Theme.textMuted
                    wrapMode: Text.WordWrap
                }
            }
        }
    }

    SectionHeading {
        text: qsTr("Export")
    }
    BodyText {
        text: qsTr("Save this participant's consent history as FHIR R4 Consent resources (JSON) in %1.")
              .arg(ParticipantConsent.exportDirectory)
    }
    AppButton {
        objectName: "exportFhirButton"
        Layout.fillWidth: true
        text: qsTr("Export consent history (FHIR R4)")
        onClicked: {
            screen.exportMessage = true
            ParticipantConsent.exportFhir()
        }
    }
    MessageBanner {
        objectName: "exportMessage"
        error: ParticipantConsent.messageIsError
        text: screen.exportMessage ? ParticipantConsent.message : ""
    }
}
