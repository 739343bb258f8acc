import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Samla.Core
import Samla.Ui

// Enrol a participant: the research profile, and the identity only where the identity register is open.
ScrollPage {
    id: screen
    objectName: "enrolScreen"
    readonly property string title: qsTr("Enrol participant")
    property bool done: false

    function submit() {
        if (ParticipantRegister.enrol(categoryGroup.current, ageGroup.current, siteGroup.current,
                                      understandsCheck.checked, capacityField.text,
                                      nameField.text, contactField.text, birthField.text, guardianField.text)) {
            nameField.text = ""
            contactField.text = ""
            birthField.text = ""
            guardianField.text = ""
            capacityField.text = ""
            screen.done = true
        }
    }

    // After enrolling: the code, and where to go next.
    ColumnLayout {
        visible: screen.done
        Layout.fillWidth: true
        spacing: Theme.spacing
        MessageBanner {
            objectName: "enrolledBanner"
            error: false
            text: qsTr("Enrolled. The participant's code is %1.").arg(ParticipantRegister.lastEnrolledCode)
        }
        Label {
            objectName: "enrolledCode"
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            text: ParticipantRegister.lastEnrolledCode
            font.pixelSize: Theme.fontKey
            font.family: Theme.monoFamily
            font.weight: Font.Bold
            color: Theme.text
        }
        BodyText {
            text: qsTr("Write the code wherever you would otherwise write the name. Next, take consent before collecting anything.")
        }
        AppButton {
            objectName: "takeConsentNowButton"
            Layout.fillWidth: true
            primary: true
            text: qsTr("Take consent now")
            onClicked: {
                if (ConsentFlow.start(ParticipantRegister.lastEnrolledId))
                    Navigator.push("consentSetup")
            }
        }
        AppButton {
            objectName: "enrolAnotherButton"
            Layout.fillWidth: true
            text: qsTr("Enrol another participant")
            onClicked: screen.done = false
        }
    }

    ColumnLayout {
        visible: !screen.done
        Layout.fillWidth: true
        spacing: Theme.spacing

        BodyText {
            text: qsTr("Samla gives the participant a code made of the project's prefix and a number. Nothing personal is in it.")
        }
        BodyText {
            objectName: "codeFormat"
            visible: text !== ""
            color: Theme.textMuted
            text: ParticipantRegister.codeFormatText
        }

        SectionHeading {
            text: qsTr("Category")
        }
        ChoiceGroup {
            id: categoryGroup
            namePrefix: "category_"
            choices: ParticipantRegister.categoryChoices
            current: "patient"
        }

        SectionHeading {
            text: qsTr("Age band")
        }
        ChoiceGroup {
            id: ageGroup
            namePrefix: "ageBand_"
            choices: ParticipantRegister.ageBandChoices
            current: "18-64"
        }

        SectionHeading {
            visible: ParticipantRegister.siteChoices.length > 1
            text: qsTr("Site")
        }
        ChoiceGroup {
            id: siteGroup
            visible: ParticipantRegister.siteChoices.length > 1
            namePrefix: "site_"
            choices: ParticipantRegister.siteChoices
            current: ParticipantRegister.siteChoices.length > 0 ? ParticipantRegister.siteChoices[0].key : ""
        }

        SectionHeading {
            text: qsTr("Capacity to consent")
        }
        AppCheckBox {
            id: understandsCheck
            objectName: "understandsCheck"
            Layout.fillWidth: true
            checked: true
            text: qsTr("Understands what taking part means and can decide for themselves")
        }
        FieldLabel {
            text: qsTr("Capacity notes (no names)")
        }
        AppTextField {
            id: capacityField
            objectName: "capacityField"
            Layout.fillWidth: true
            placeholderText: qsTr("For example: needs information read aloud")
        }

        SectionHeading {
            text: qsTr("Identity")
        }
        Rectangle {
            objectName: "vaultStatus"
            Layout.fillWidth: true
            implicitHeight: vaultColumn.implicitHeight + 2 * Theme.spacing
            radius: Theme.radius / 2
            color: ParticipantRegister.vaultAvailable ? Theme.successSoft : Theme.accentSoft
            border.color: ParticipantRegister.vaultAvailable ? Theme.success : Theme.accent
            ColumnLayout {
                id: vaultColumn
                anchors.fill: parent
                anchors.margins: Theme.spacing
                spacing: Theme.smallSpacing
                BodyText {
                    objectName: "deviceRoleText"
                    font.weight: Font.DemiBold
                    text: ParticipantRegister.deviceRoleText
                }
                BodyText {
                    objectName: "vaultStatusText"
                    text: ParticipantRegister.vaultStatusText
                }
                BodyText {
                    visible: !ParticipantRegister.vaultAvailable
                    text: qsTr("You can still enrol with the code only. Keep names on the paper key list your project uses.")
                }
                AppButton {
                    objectName: "createVaultButton"
                    visible: ParticipantRegister.canCreateVault
                    text: qsTr("Create identity register on this device (data manager)")
                    onClicked: ParticipantRegister.createVault()
                }
            }
        }
        ColumnLayout {
            visible: ParticipantRegister.vaultAvailable
            Layout.fillWidth: true
            spacing: Theme.smallSpacing
            FieldLabel {
                text: qsTr("Name")
            }
            AppTextField {
                id: nameField
                objectName: "nameField"
                Layout.fillWidth: true
                inputMethodHints: Qt.ImhNoPredictiveText
            }
            FieldLabel {
                text: qsTr("Contact details (phone, e-mail or address)")
            }
            AppTextField {
                id: contactField
                objectName: "contactField"
                Layout.fillWidth: true
                inputMethodHints: Qt.ImhNoPredictiveText
            }
            FieldLabel {
                text: qsTr("Date of birth")
            }
            AppTextField {
                id: birthField
                objectName: "birthField"
                Layout.fillWidth: true
                placeholderText: qsTr("YYYY-MM-DD")
                inputMethodHints: Qt.ImhNoPredictiveText
            }
            FieldLabel {
                text: qsTr("Guardian or consultee: name and contact")
            }
            AppTextField {
                id: guardianField
                objectName: "guardianField"
                Layout.fillWidth: true
                inputMethodHints: Qt.ImhNoPredictiveText
            }
        }

        MessageBanner {
            objectName: "enrolError"
            text: ParticipantRegister.errorString
        }
        AppButton {
            objectName: "confirmEnrolButton"
            Layout.fillWidth: true
            primary: true
            text: qsTr("Enrol and create code")
            onClicked: screen.submit()
        }
    }
}
