import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Samla.Core
import Samla.Ui

// Who is behind one code: asks why, records the look-up, then shows the identity until the screen is left.
ScrollPage {
    id: screen
    objectName: "identityScreen"
    readonly property string title: qsTr("Identity of %1").arg(IdentityLookup.participantCode)

    component DetailRow: ColumnLayout {
        property alias label: labelText.text
        property alias value: valueText.text
        Layout.fillWidth: true
        spacing: 2
        visible: valueText.text !== ""
        FieldLabel {
            id: labelText
        }
        Label {
            id: valueText
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.fontHeading
            color: Theme.text
            textFormat: Text.PlainText
        }
    }

    // Nothing identifying stays behind in the view or the controller.
    Component.onDestruction: IdentityLookup.clear()

    BodyText {
        objectName: "identityRole"
        color: Theme.textMuted
        text: ParticipantRegister.deviceRoleText
    }

    // A device without the vault grant: why, and nothing else.
    MessageBanner {
        objectName: "identityRefusal"
        error: false
        color: Theme.accentSoft
        border.color: Theme.accent
        text: IdentityLookup.refusalText
    }

    ColumnLayout {
        visible: IdentityLookup.available && !IdentityLookup.shown
        Layout.fillWidth: true
        spacing: Theme.spacing
        BodyText {
            text: qsTr("Looking up who a participant is is recorded in the audit log with this device, the time, the code and the reason you choose. The data protection officer can see every look-up.")
        }
        SectionHeading {
            text: qsTr("Why do you need to see who this is?")
        }
        ChoiceGroup {
            id: purposeGroup
            objectName: "purposeChoices"
            namePrefix: "purpose_"
            choices: IdentityLookup.purposeChoices
            current: IdentityLookup.purpose
            onChosen: key => IdentityLookup.purpose = key
        }
        AppButton {
            objectName: "lookUpButton"
            Layout.fillWidth: true
            primary: true
            enabled: IdentityLookup.purpose !== ""
            text: qsTr("Show identity (recorded)")
            onClicked: IdentityLookup.lookUp()
        }
    }

    MessageBanner {
        objectName: "identityError"
        text: IdentityLookup.errorString
    }

    ColumnLayout {
        visible: IdentityLookup.shown
        Layout.fillWidth: true
        spacing: Theme.smallSpacing
        MessageBanner {
            objectName: "lookupRecorded"
            error: false
            text: IdentityLookup.shownNotice
        }
        DetailRow {
            objectName: "identityName"
            label: qsTr("Name")
            value: IdentityLookup.name
        }
        DetailRow {
            objectName: "identityContact"
            label: qsTr("Contact details")
            value: IdentityLookup.contact
        }
        DetailRow {
            objectName: "identityBirth"
            label: qsTr("Date of birth")
            value: IdentityLookup.dateOfBirth
        }
        DetailRow {
            objectName: "identityGuardian"
            label: qsTr("Guardian or consultee")
            value: IdentityLookup.guardianOrConsultee
        }
        AppButton {
            objectName: "hideIdentityButton"
            Layout.fillWidth: true
            Layout.topMargin: Theme.spacing
            text: qsTr("Hide the details")
            onClicked: IdentityLookup.clear()
        }
    }
}
