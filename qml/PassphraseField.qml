import QtQuick
import QtQuick.Controls.Basic
import Samla.Ui

// A hidden-text field for passphrases, with a Show/Hide switch.
AppTextField {
    id: control
    property bool revealed: false

    echoMode: revealed ? TextInput.Normal : TextInput.Password
    passwordCharacter: "\u2022"
    inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
                      | (revealed ? 0 : Qt.ImhHiddenText)
    rightPadding: revealButton.width + Theme.smallSpacing

    AppButton {
        id: revealButton
        objectName: control.objectName + "Reveal"
        flat: true
        anchors.right: parent.right
        anchors.verticalCenter: parent.verticalCenter
        height: control.height - 4
        implicitWidth: Math.max(Theme.controlHeight * 1.6, implicitContentWidth + leftPadding + rightPadding)
        font.pixelSize: Theme.fontSmall
        focusPolicy: Qt.NoFocus
        text: control.revealed ? qsTr("Hide") : qsTr("Show")
        Accessible.name: control.revealed ? qsTr("Hide passphrase") : qsTr("Show passphrase")
        onClicked: control.revealed = !control.revealed
    }
}
