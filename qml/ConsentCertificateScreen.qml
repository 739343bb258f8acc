import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Samla.Core
import Samla.Ui

// Taking consent, step 5: what was agreed, on which exact version, when, by which code — read back from the store.
ScrollPage {
    id: screen
    objectName: "consentDoneScreen"
    readonly property string title: qsTr("Consent recorded")
    maxWidth: Math.round(860 * Theme.scale)

    MessageBanner {
        objectName: "certifiedBanner"
        error: false
        text: ConsentFlow.certified ? qsTr("%1 for %2 is stored.").arg(ConsentFlow.certType).arg(ConsentFlow.participantCode) : ""
    }

    GridLayout {
        Layout.fillWidth: true
        columns: 2
        columnSpacing: Theme.spacing
        rowSpacing: Theme.smallSpacing

        FieldLabel { text: qsTr("Participant") }
        BodyText {
            objectName: "certCode"
            font.family: Theme.monoFamily
            text: ConsentFlow.participantCode
        }
        FieldLabel { text: qsTr("Date and time") }
        BodyText {
            objectName: "certDate"
            text: ConsentFlow.certDate
        }
        FieldLabel { text: qsTr("Form") }
        BodyText {
            text: qsTr("%1, version %2").arg(ConsentFlow.formTitle).arg(ConsentFlow.formVersionNumber)
        }
        FieldLabel { text: qsTr("Content hash") }
        BodyText {
            objectName: "certHash"
            font.family: Theme.monoFamily
            font.pixelSize: Theme.fontSmall
            wrapMode: Text.WrapAnywhere
            text: ConsentFlow.certHash
        }
        FieldLabel { text: qsTr("Method") }
        BodyText {
            text: ConsentFlow.certMethod
        }
    }

    SectionHeading {
        text: qsTr("Answers")
    }
    Repeater {
        model: ConsentFlow.certAnswers
        RowLayout {
            required property var modelData
            Layout.fillWidth: true
            spacing: Theme.spacing
            Label {
                Layout.alignment: Qt.AlignTop
                Layout.preferredWidth: Math.round(70 * Theme.scale)
                text: modelData.agreed ? qsTr("Yes") : qsTr("No")
                font.pixelSize: Theme.fontBody
                font.weight: Font.Bold
                color: modelData.agreed ? Theme.success : Theme.danger
            }
            BodyText {
                text: modelData.text
            }
        }
    }

    SectionHeading {
        visible: ConsentFlow.certSignature !== ""
        text: qsTr("Signature as stored")
    }
    Rectangle {
        visible: ConsentFlow.certSignature !== ""
        Layout.preferredWidth: Math.min(parent.width, signatureImage.implicitWidth + 4)
        Layout.preferredHeight: Math.min(Theme.controlHeight * 3, signatureImage.implicitHeight + 4)
        color: "white"
        border.color: Theme.divider
        Image {
            id: signatureImage
            objectName: "certSignatureImage"
            anchors.fill: parent
            anchors.margins: 2
            fillMode: Image.PreserveAspectFit
            source: ConsentFlow.certSignature
        }
    }
    BodyText {
        objectName: "certAssent"
        visible: ConsentFlow.certAssentRecorded
        text: qsTr("The child's assent is recorded as well.")
    }
    BodyText {
        objectName: "certPdf"
        visible: ConsentFlow.certified
        color: ConsentFlow.certPdfStored ? Theme.success : Theme.danger
        text: ConsentFlow.certPdfStored
              ? qsTr("A PDF snapshot of this consent (text, answers, signature, version, hash, date and code) is stored encrypted on this device.")
              : qsTr("The PDF snapshot could not be read back. Contact your data manager.")
    }
    MessageBanner {
        text: ConsentFlow.errorString
    }

    AppButton {
        objectName: "showTimelineButton"
        Layout.fillWidth: true
        primary: true
        text: qsTr("Show consent timeline")
        onClicked: {
            ParticipantConsent.open(ConsentFlow.participantId)
            Navigator.home()
            Navigator.push("participants")
            Navigator.push("participant")
        }
    }
    AppButton {
        objectName: "backToParticipantsButton"
        Layout.fillWidth: true
        text: qsTr("Back to participants")
        onClicked: {
            Navigator.home()
            Navigator.push("participants")
        }
    }
}
