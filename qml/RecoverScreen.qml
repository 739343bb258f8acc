import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Samla.Core
import Samla.Ui

// Forgot the passphrase: open with the recovery key and choose a new passphrase.
ScrollPage {
    id: screen
    objectName: "recoverScreen"
    signal cancelled()

    function submit() {
        if (!Session.busy)
            Session.recover(keyField.text, newField.text, repeatField.text)
    }

    Component.onCompleted: {
        Session.clearError()
        keyField.forceActiveFocus()
    }

    ScreenTitle {
        text: qsTr("Use your recovery key")
    }
    BodyText {
        text: qsTr("Type the recovery key you wrote down when you set up Samla, then choose a new passphrase. Your notes stay as they are.")
    }
    FieldLabel {
        text: qsTr("Recovery key")
    }
    AppTextField {
        id: keyField
        objectName: "recoveryKeyField"
        Layout.fillWidth: true
        enabled: !Session.busy
        font.family: Theme.monoFamily
        placeholderText: "ABCD-EFGH-…"
        inputMethodHints: Qt.ImhPreferUppercase | Qt.ImhNoPredictiveText | Qt.ImhSensitiveData
        Accessible.name: qsTr("Recovery key")
        onAccepted: newField.forceActiveFocus()
    }
    FieldLabel {
        text: qsTr("New passphrase")
    }
    PassphraseField {
        id: newField
        objectName: "recoverNewPassphraseField"
        Layout.fillWidth: true
        enabled: !Session.busy
        Accessible.name: qsTr("New passphrase")
        onAccepted: repeatField.forceActiveFocus()
    }
    StrengthMeter {
        objectName: "recoverStrengthMeter"
        passphrase: newField.text
    }
    FieldLabel {
        text: qsTr("Type the new passphrase again")
    }
    PassphraseField {
        id: repeatField
        objectName: "recoverRepeatPassphraseField"
        Layout.fillWidth: true
        enabled: !Session.busy
        Accessible.name: qsTr("Type the new passphrase again")
        onAccepted: screen.submit()
    }
    MessageBanner {
        objectName: "recoverError"
        text: Session.errorString
    }
    BusyNote {
        running: Session.busy
        text: qsTr("Opening your data…")
    }
    AppButton {
        objectName: "recoverButton"
        Layout.fillWidth: true
        primary: true
        enabled: !Session.busy
        text: qsTr("Recover and unlock")
        onClicked: screen.submit()
    }
    AppButton {
        objectName: "backToUnlockButton"
        Layout.fillWidth: true
        flat: true
        enabled: !Session.busy
        text: qsTr("Back to unlock")
        onClicked: {
            Session.clearError()
            screen.cancelled()
        }
    }
}
