import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Samla.Core
import Samla.Ui

// Taking consent, step 4: the signature (finger, pen or mouse), or the witness for verbal consent; then it is stored.
Item {
    id: screen
    objectName: "consentSignScreen"
    readonly property string title: qsTr("Signature: %1").arg(ConsentFlow.participantCode)

    function save() {
        if (ConsentFlow.submit(ConsentFlow.needsSignature ? pad : null))
            Navigator.push("consentDone")
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing

        BodyText {
            text: {
                switch (ConsentFlow.route) {
                case ConsentFlow.Guardian:
                    return qsTr("The parent or guardian signs below with a finger, a pen or the mouse.")
                case ConsentFlow.Consultee:
                    return qsTr("The consultee signs below with a finger, a pen or the mouse.")
                case ConsentFlow.Verbal:
                    return qsTr("The participant gave consent verbally. %1 witnessed it.").arg(ConsentFlow.witness)
                }
                return qsTr("Sign below with your finger, a pen or the mouse.")
            }
        }

        Rectangle {
            visible: ConsentFlow.needsSignature
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.minimumHeight: Theme.controlHeight * 3
            radius: Theme.radius
            color: "white"
            border.color: Theme.border
            border.width: 2

            SignaturePad {
                id: pad
                objectName: "signaturePad"
                anchors.fill: parent
                anchors.margins: 2
                Accessible.role: Accessible.Canvas
                Accessible.name: qsTr("Signature area")
            }
            Rectangle {
                // The line to sign on.
                anchors.left: parent.left
                anchors.right: parent.right
                anchors.bottom: parent.bottom
                anchors.margins: Theme.margin
                anchors.bottomMargin: parent.height * 0.25
                height: 1
                color: Theme.divider
            }
            Label {
                anchors.centerIn: parent
                visible: pad.empty
                text: qsTr("Sign here")
                font.pixelSize: Theme.fontHeading
                color: Theme.textMuted
            }
        }
        Item {
            visible: !ConsentFlow.needsSignature
            Layout.fillHeight: true
        }

        AppCheckBox {
            objectName: "childAssentCheck"
            visible: ConsentFlow.route === ConsentFlow.Guardian
            Layout.fillWidth: true
            text: qsTr("The child has been asked in a way they understand and agrees (assent)")
            checked: ConsentFlow.childAssent
            onToggled: ConsentFlow.childAssent = checked
        }

        MessageBanner {
            objectName: "alreadyStored"
            error: false
            text: ConsentFlow.certified ? qsTr("This consent is stored. To take another, start again from the participant.") : ""
        }
        MessageBanner {
            objectName: "signError"
            text: ConsentFlow.errorString
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            AppButton {
                objectName: "clearSignatureButton"
                visible: ConsentFlow.needsSignature
                enabled: !pad.empty
                text: qsTr("Clear")
                onClicked: pad.clear()
            }
            AppButton {
                objectName: "saveConsentButton"
                Layout.fillWidth: true
                primary: true
                // Once stored, going back here cannot store the same consent twice.
                enabled: (!ConsentFlow.needsSignature || !pad.empty) && !ConsentFlow.certified
                text: qsTr("Save consent")
                onClicked: screen.save()
            }
        }
    }
}
