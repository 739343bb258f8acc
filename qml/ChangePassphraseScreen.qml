import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Samla.Core
import Samla.Ui

// Change the passphrase: the current one, then the new one twice.
ScrollPage {
    id: screen
    objectName: "changePassphraseScreen"
    readonly property string title: qsTr("Change passphrase")

    function submit() {
        if (!Session.busy)
            Session.changePassphrase(currentField.text, newField.text, repeatField.text)
    }

    Component.onCompleted: {
        Session.clearError()
        currentField.forceActiveFocus()
    }

    Connections {
        target: Session
        function onPassphraseChangeFinished(ok) {
            currentField.clear()
            if (ok) {
                newField.clear()
                repeatField.clear()
                Navigator.back()
            }
        }
    }

    BodyText {
        text: qsTr("Your notes stay as they are; only the passphrase that opens them changes. Your recovery key stays the same.")
    }
    FieldLabel {
        text: qsTr("Current passphrase")
    }
    PassphraseField {
        id: currentField
        objectName: "currentPassphraseField"
        Layout.fillWidth: true
        enabled: !Session.busy
        Accessible.name: qsTr("Current passphrase")
        onAccepted: newField.forceActiveFocus()
    }
    FieldLabel {
        text: qsTr("New passphrase")
    }
    PassphraseField {
        id: newField
        objectName: "newPassphraseField"
        Layout.fillWidth: true
        enabled: !Session.busy
        Accessible.name: qsTr("New passphrase")
        onAccepted: repeatField.forceActiveFocus()
    }
    StrengthMeter {
        objectName: "changeStrengthMeter"
        passphrase: newField.text
    }
    FieldLabel {
        text: qsTr("Type the new passphrase again")
    }
    PassphraseField {
        id: repeatField
        objectName: "repeatPassphraseField"
        Layout.fillWidth: true
        enabled: !Session.busy
        Accessible.name: qsTr("Type the new passphrase again")
        onAccepted: screen.submit()
    }
    MessageBanner {
        objectName: "changePassphraseError"
        text: Session.errorString
    }
    BusyNote {
        running: Session.busy
        text: qsTr("Changing your passphrase…")
    }
    AppButton {
        objectName: "changeButton"
        Layout.fillWidth: true
        primary: true
        enabled: !Session.busy
        text: qsTr("Change passphrase")
        onClicked: screen.submit()
    }
}
