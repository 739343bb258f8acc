import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Samla.Core
import Samla.Ui

// A new observation session: scheme, where, who observes, who is present. Start begins the clock.
ScrollPage {
    id: screen
    objectName: "observationSetupScreen"
    readonly property string title: qsTr("New observation session")

    // The live screen takes this form's place: Back from it goes to the list, not to a used form.
    function startNow() {
        if (ObservationSetup.start()) {
            Navigator.back()
            Navigator.push("observationLive")
        }
    }

    ScreenTitle {
        text: qsTr("New observation session")
    }
    BodyText {
        color: Theme.textMuted
        text: qsTr("Project: %1. The clock starts when you tap Start.").arg(ObservationSetup.projectName)
    }

    SectionHeading {
        text: qsTr("Coding scheme")
    }
    ChoiceGroup {
        objectName: "schemeGroup"
        namePrefix: "scheme_"
        choices: ObservationSetup.schemeChoices
        current: ObservationSetup.schemeId
        onChosen: key => ObservationSetup.schemeId = key
    }
    BodyText {
        color: Theme.textMuted
        text: ObservationSetup.schemeDescription
    }
    FieldLabel {
        text: qsTr("Or import a scheme saved as a Samla coding-scheme JSON file (kept with the project)")
    }
    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spacing
        AppTextField {
            id: schemeFile
            objectName: "schemeFileField"
            Layout.fillWidth: true
            placeholderText: qsTr("Path to the .json file")
            Accessible.name: qsTr("Scheme file")
        }
        AppButton {
            objectName: "importSchemeButton"
            text: qsTr("Import")
            enabled: schemeFile.text.trim() !== ""
            onClicked: {
                if (ObservationSetup.importScheme(schemeFile.text.trim()))
                    schemeFile.text = ""
            }
        }
    }
    MessageBanner {
        objectName: "importError"
        text: ObservationSetup.importErrorString
    }

    SectionHeading {
        text: qsTr("Where")
    }
    FieldLabel {
        text: qsTr("Site")
    }
    ChoiceGroup {
        objectName: "siteGroup"
        namePrefix: "site_"
        choices: ObservationSetup.siteChoices
        current: ObservationSetup.siteId
        onChosen: key => ObservationSetup.siteId = key
    }
    FieldLabel {
        text: qsTr("Setting")
    }
    ChoiceGroup {
        objectName: "settingGroup"
        namePrefix: "setting_"
        choices: ObservationSetup.settingChoices
        current: ObservationSetup.setting
        onChosen: key => ObservationSetup.setting = key
    }

    SectionHeading {
        text: qsTr("Observers")
    }
    FieldLabel {
        text: qsTr("Your initials (you code on this device)")
    }
    AppTextField {
        objectName: "observerField"
        Layout.fillWidth: true
        text: ObservationSetup.observer
        placeholderText: qsTr("e.g. AL")
        onTextEdited: ObservationSetup.observer = text
    }
    FieldLabel {
        text: qsTr("Other observers, separated by commas (for paired observation)")
    }
    AppTextField {
        objectName: "otherObserversField"
        Layout.fillWidth: true
        text: ObservationSetup.otherObservers
        placeholderText: qsTr("e.g. KB")
        onTextEdited: ObservationSetup.otherObservers = text
    }

    SectionHeading {
        text: qsTr("Participants present")
    }
    BodyText {
        color: Theme.textMuted
        text: ObservationSetup.participants.length === 0
              ? qsTr("The project has no participants yet. Others present are counted by role below.")
              : qsTr("Tick the participants who are present, by code. Only those whose consent allows observation can be ticked; the others show why not.")
    }
    // A positioner, not a layout, holds the rebuilt rows: they come and go on every tick and language switch.
    Column {
        Layout.fillWidth: true
        spacing: 0
        Repeater {
            model: ObservationSetup.participants
            Column {
                required property var modelData
                width: parent.width
                AppCheckBox {
                    objectName: "present_" + modelData.code
                    width: parent.width
                    text: modelData.code
                    enabled: modelData.allowed
                    checked: modelData.chosen
                    onToggled: ObservationSetup.toggleParticipant(modelData.code)
                }
                BodyText {
                    objectName: "presentReason_" + modelData.code
                    visible: !modelData.allowed
                    x: Math.round(48 * Theme.scale)
                    width: parent.width - x
                    color: Theme.danger
                    text: modelData.reason
                }
                // Consent checked again at the start of the session, where due.
                Column {
                    visible: modelData.allowed && modelData.recheck.length > 0
                    x: Math.round(48 * Theme.scale)
                    width: parent.width - x
                    spacing: Theme.smallSpacing
                    BodyText {
                        objectName: "recheckText_" + modelData.code
                        width: parent.width
                        color: modelData.recheckNeeded ? Theme.danger : Theme.textMuted
                        text: modelData.recheck
                    }
                    Flow {
                        width: parent.width
                        spacing: Theme.smallSpacing
                        AppButton {
                            objectName: "recheckConfirmed_" + modelData.code
                            text: qsTr("Still agrees")
                            onClicked: ObservationSetup.recordRecheck(modelData.id, 0)
                        }
                        AppButton {
                            objectName: "recheckHesitant_" + modelData.code
                            text: qsTr("Seems hesitant")
                            onClicked: ObservationSetup.recordRecheck(modelData.id, 1)
                        }
                        AppButton {
                            objectName: "recheckDissent_" + modelData.code
                            text: qsTr("Says no or shows dissent")
                            onClicked: ObservationSetup.recordRecheck(modelData.id, 2)
                        }
                    }
                }
            }
        }
    }

    SectionHeading {
        text: qsTr("Others present, counted by role")
    }
    Column {
        Layout.fillWidth: true
        spacing: Theme.smallSpacing
        Repeater {
            model: ObservationSetup.attendees
            Item {
                id: attendeeRow
                required property var modelData
                width: parent.width
                implicitHeight: Math.max(minus.implicitHeight, roleLabel.implicitHeight)
                BodyText {
                    id: roleLabel
                    anchors.left: parent.left
                    anchors.right: minus.left
                    anchors.rightMargin: Theme.spacing
                    anchors.verticalCenter: parent.verticalCenter
                    text: attendeeRow.modelData.label
                }
                AppButton {
                    id: minus
                    objectName: "attendeeMinus_" + attendeeRow.modelData.role
                    anchors.right: count.left
                    anchors.verticalCenter: parent.verticalCenter
                    text: "−"
                    font.pixelSize: Theme.fontHeading
                    enabled: attendeeRow.modelData.count > 0
                    Accessible.name: qsTr("One fewer: %1").arg(attendeeRow.modelData.label)
                    onClicked: ObservationSetup.setAttendeeCount(attendeeRow.modelData.role, attendeeRow.modelData.count - 1)
                }
                Label {
                    id: count
                    objectName: "attendeeCount_" + attendeeRow.modelData.role
                    anchors.right: plus.left
                    anchors.verticalCenter: parent.verticalCenter
                    width: Theme.controlHeight * 1.5
                    horizontalAlignment: Text.AlignHCenter
                    font.pixelSize: Theme.fontHeading
                    font.weight: Font.Bold
                    color: Theme.text
                    text: attendeeRow.modelData.count
                }
                AppButton {
                    id: plus
                    objectName: "attendeePlus_" + attendeeRow.modelData.role
                    anchors.right: parent.right
                    anchors.verticalCenter: parent.verticalCenter
                    text: "+"
                    font.pixelSize: Theme.fontHeading
                    Accessible.name: qsTr("One more: %1").arg(attendeeRow.modelData.label)
                    onClicked: ObservationSetup.setAttendeeCount(attendeeRow.modelData.role, attendeeRow.modelData.count + 1)
                }
            }
        }
    }

    SectionHeading {
        text: qsTr("Interval prompts")
    }
    FieldLabel {
        text: qsTr("Prompt every … minutes of observation time (0 for no prompts)")
    }
    AppTextField {
        objectName: "promptMinutesField"
        Layout.preferredWidth: Math.round(160 * Theme.scale)
        inputMethodHints: Qt.ImhDigitsOnly
        validator: IntValidator { bottom: 0; top: 1440 }
        text: ObservationSetup.promptMinutes
        onTextEdited: ObservationSetup.promptMinutes = text === "" ? 0 : parseInt(text)
    }

    MessageBanner {
        objectName: "setupError"
        text: ObservationSetup.errorString
    }
    BigButton {
        objectName: "beginSessionButton"
        Layout.fillWidth: true
        primary: true
        text: qsTr("Start session")
        description: qsTr("The clock starts now")
        onClicked: screen.startNow()
    }
}
