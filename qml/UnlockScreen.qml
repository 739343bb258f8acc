import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Samla.Core
import Samla.Ui

// Samla is locked: type the passphrase, or go to recovery.
ScrollPage {
    id: screen
    objectName: "unlockScreen"
    centerVertically: true
    signal recoverRequested()

    function submit() {
        if (Session.busy)
            return
        const passphrase = passphraseField.text
        // The field is cleared at once; a wrong passphrase leaves nothing behind to retry by accident.
        passphraseField.clear()
        Session.unlock(passphrase)
    }

    Component.onCompleted: passphraseField.forceActiveFocus()

    ScreenTitle {
        objectName: "unlockTitle"
        text: qsTr("Samla is locked")
    }
    BodyText {
        text: qsTr("Type your passphrase to open your field notes.")
    }
    FieldLabel {
        text: qsTr("Passphrase")
    }
    PassphraseField {
        id: passphraseField
        objectName: "unlockPassphraseField"
        Layout.fillWidth: true
        enabled: !Session.busy
        Accessible.name: qsTr("Passphrase")
        onAccepted: screen.submit()
    }
    MessageBanner {
        objectName: "unlockError"
        text: Session.errorString
    }
    BusyNote {
        objectName: "unlockBusy"
        running: Session.busy
        text: qsTr("Opening your data…")
    }
    AppButton {
        objectName: "unlockButton"
        Layout.fillWidth: true
        primary: true
        enabled: !Session.busy
        text: qsTr("Unlock")
        onClicked: screen.submit()
    }
    AppButton {
        objectName: "forgotButton"
        Layout.fillWidth: true
        flat: true
        enabled: !Session.busy
        text: qsTr("Forgot passphrase? Use recovery key")
        onClicked: {
            Session.clearError()
            screen.recoverRequested()
        }
    }
}
