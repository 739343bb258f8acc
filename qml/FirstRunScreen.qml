import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Samla.Core
import Samla.Ui

// First run: welcome, and choose the passphrase that protects everything on this device.
ScrollPage {
    id: screen
    objectName: "firstRunScreen"
    centerVertically: true

    function submit() {
        Session.createStore(newField.text, repeatField.text)
    }

    Component.onCompleted: {
        Session.clearError()
        newField.forceActiveFocus()
    }

    ScreenTitle {
        objectName: "welcomeTitle"
        text: qsTr("Welcome to Samla")
    }
    BodyText {
        text: qsTr("Samla keeps your field notes encrypted on this device. Choose a passphrase to protect them. You will type it each time you open Samla.")
    }
    BodyText {
        color: Theme.textMuted
        font.pixelSize: Theme.fontSmall
        text: qsTr("A passphrase is like a password, only longer. A few unrelated words, such as \"tulip kettle harbour\", are easy to remember and hard to guess.")
    }

    FieldLabel {
        text: qsTr("Passphrase")
    }
    PassphraseField {
        id: newField
        objectName: "newPassphraseField"
        Layout.fillWidth: true
        Accessible.name: qsTr("Passphrase")
        onAccepted: repeatField.forceActiveFocus()
    }
    StrengthMeter {
        objectName: "strengthMeter"
        passphrase: newField.text
    }
    FieldLabel {
        text: qsTr("Type the passphrase again")
    }
    PassphraseField {
        id: repeatField
        objectName: "repeatPassphraseField"
        Layout.fillWidth: true
        Accessible.name: qsTr("Type the passphrase again")
        onAccepted: screen.submit()
    }
    BodyText {
        font.pixelSize: Theme.fontSmall
        color: Theme.textMuted
        text: qsTr("It needs at least 10 characters and at least \"Fair\" strength, because it protects the data of the people in your study.")
    }
    MessageBanner {
        objectName: "firstRunError"
        text: Session.errorString
    }
    AppButton {
        objectName: "createButton"
        Layout.fillWidth: true
        primary: true
        text: qsTr("Create passphrase and continue")
        onClicked: screen.submit()
    }
}
