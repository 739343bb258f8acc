import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Samla.Core
import Samla.Ui

// Shows the recovery key once; the user confirms they kept it before going on.
ScrollPage {
    id: screen
    objectName: "recoveryKeyScreen"

    // Four groups to a line, so the key reads like a table when written down.
    function formatKey(key) {
        const groups = key.split("-")
        const lines = []
        for (let i = 0; i < groups.length; i += 4)
            lines.push(groups.slice(i, i + 4).join("-"))
        return lines.join("-\n")
    }

    function submit() {
        Session.confirmRecoveryKey(storedCheck.checked, lastGroupField.text)
    }

    Component.onCompleted: Session.clearError()

    ScreenTitle {
        text: qsTr("Your recovery key")
    }
    BodyText {
        text: qsTr("If you ever forget your passphrase, this key is the only way to open your data. Nobody else has a copy: not your data manager, and not the people who make Samla.")
    }
    BodyText {
        text: qsTr("Write it down on paper now, or save it in your organisation's password manager. Keep it away from this device.")
    }

    Rectangle {
        Layout.fillWidth: true
        implicitHeight: keyText.implicitHeight + 2 * Theme.spacing
        radius: Theme.radius
        color: Theme.surface
        border.color: Theme.accent
        border.width: 2
        TextEdit {
            id: keyText
            objectName: "recoveryKeyText"
            anchors.fill: parent
            anchors.margins: Theme.spacing
            readOnly: true
            selectByMouse: true
            text: screen.formatKey(Session.recoveryKey)
            font.family: Theme.monoFamily
            font.pixelSize: Theme.fontKey
            font.weight: Font.Bold
            font.letterSpacing: 2
            color: Theme.text
            wrapMode: TextEdit.Wrap
            horizontalAlignment: TextEdit.AlignHCenter
            Accessible.name: qsTr("Recovery key")
        }
    }
    BodyText {
        font.weight: Font.DemiBold
        text: qsTr("You will see this key only once. Samla does not keep a copy.")
    }

    AppCheckBox {
        id: storedCheck
        objectName: "storedSafelyCheck"
        Layout.fillWidth: true
        text: qsTr("I have written it down or stored it safely")
    }
    FieldLabel {
        text: qsTr("To check, type the last group of the key (the characters after the last dash)")
    }
    AppTextField {
        id: lastGroupField
        objectName: "lastGroupField"
        Layout.fillWidth: true
        font.family: Theme.monoFamily
        inputMethodHints: Qt.ImhPreferUppercase | Qt.ImhNoPredictiveText | Qt.ImhSensitiveData
        Accessible.name: qsTr("Last group of the recovery key")
        onAccepted: screen.submit()
    }
    MessageBanner {
        objectName: "recoveryKeyError"
        text: Session.errorString
    }
    AppButton {
        objectName: "confirmRecoveryButton"
        Layout.fillWidth: true
        primary: true
        text: qsTr("Continue")
        onClicked: screen.submit()
    }
}
