import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Samla.Core
import Samla.Ui

// What a note is and what it is about: field note or memo, codes from the codebook, site, participant.
ScrollPage {
    id: screen
    objectName: "noteDetailsScreen"
    readonly property string title: qsTr("Note details")

    Component.onCompleted: NoteDetailsForm.load(NoteEditor.noteId)

    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spacing
        BodyText {
            Layout.fillWidth: true
            color: Theme.textMuted
            text: qsTr("Saving makes a new version of the note; earlier versions are kept.")
        }
        AppButton {
            objectName: "saveDetailsButton"
            primary: true
            enabled: NoteDetailsForm.dirty
            text: qsTr("Save details")
            onClicked: NoteDetailsForm.save()
        }
    }
    MessageBanner {
        objectName: "detailsError"
        text: NoteDetailsForm.errorString
    }
    MessageBanner {
        objectName: "detailsInfo"
        error: false
        text: NoteDetailsForm.infoString
    }

    SectionHeading {
        text: qsTr("Kind of note")
    }
    ChoiceGroup {
        objectName: "memoTypeGroup"
        namePrefix: "memoType_"
        choices: NoteDetailsForm.memoTypes
        current: NoteDetailsForm.memoType
        onChosen: key => NoteDetailsForm.memoType = key
    }

    SectionHeading {
        text: qsTr("Codes")
    }
    BodyText {
        visible: NoteDetailsForm.codes.length === 0
        color: Theme.textMuted
        text: qsTr("The project's codebook is empty. Add the first code below.")
    }
    Flow {
        Layout.fillWidth: true
        spacing: Theme.spacing
        Repeater {
            model: NoteDetailsForm.codes
            AppCheckBox {
                required property var modelData
                objectName: "code_" + modelData.name
                text: modelData.name
                checked: modelData.checked
                onToggled: NoteDetailsForm.toggleCode(modelData.id)
            }
        }
    }
    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spacing
        AppTextField {
            id: newCode
            objectName: "newCodeField"
            Layout.fillWidth: true
            placeholderText: qsTr("New code, e.g. Positive care")
            Accessible.name: qsTr("New code")
            onAccepted: addButton.clicked()
        }
        AppButton {
            id: addButton
            objectName: "addCodeButton"
            text: qsTr("Add code")
            onClicked: {
                if (NoteDetailsForm.addCode(newCode.text))
                    newCode.text = ""
            }
        }
    }

    SectionHeading {
        text: qsTr("Site")
    }
    ChoiceGroup {
        objectName: "siteGroup"
        namePrefix: "site_"
        choices: NoteDetailsForm.sites
        current: NoteDetailsForm.siteId
        onChosen: key => NoteDetailsForm.siteId = key
    }

    SectionHeading {
        text: qsTr("About a participant")
    }
    BodyText {
        color: Theme.textMuted
        text: qsTr("Only participants whose consent allows observation can be linked. Others show why not.")
    }
    ButtonGroup {
        id: participantButtons
    }
    AppRadioButton {
        objectName: "participant_none"
        text: qsTr("No participant")
        ButtonGroup.group: participantButtons
        checked: NoteDetailsForm.participantId === ""
        onClicked: NoteDetailsForm.participantId = ""
    }
    Repeater {
        model: NoteDetailsForm.participants
        ColumnLayout {
            required property var modelData
            Layout.fillWidth: true
            spacing: 0
            AppRadioButton {
                objectName: "participant_" + modelData.code
                text: modelData.code
                enabled: modelData.allowed
                ButtonGroup.group: participantButtons
                checked: NoteDetailsForm.participantId === modelData.id
                onClicked: NoteDetailsForm.participantId = modelData.id
            }
            BodyText {
                objectName: "participantReason_" + modelData.code
                visible: !modelData.allowed
                Layout.leftMargin: Math.round(48 * Theme.scale)
                color: Theme.danger
                text: modelData.reason
            }
        }
    }
}
