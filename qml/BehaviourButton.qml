import QtQuick
import QtQuick.Controls.Basic
import Samla.Ui

// One behaviour of the coding grid: a big, coloured target. A state event shows
// whether it is running for the chosen subject (filled and marked "on") or not (outlined).
AbstractButton {
    id: control
    property color color: Theme.accent
    property color textColor: Theme.textOnAccent
    property bool isState: false
    property bool on: false

    implicitHeight: Math.max(Theme.bigButtonHeight, label.implicitHeight + 2 * Theme.spacing)
    implicitWidth: Math.max(Theme.controlHeight * 3, label.implicitWidth + 2 * Theme.spacing)
    focusPolicy: Qt.StrongFocus
    checkable: false
    Accessible.role: isState ? Accessible.CheckBox : Accessible.Button
    Accessible.checkable: isState
    Accessible.checked: on
    Accessible.name: text

    readonly property bool filled: !isState || on

    background: Rectangle {
        radius: Theme.radius
        color: control.filled ? (control.down ? Qt.darker(control.color, 1.25) : control.color)
                              : (control.down ? Qt.lighter(control.color, 1.6) : Theme.surface)
        border.width: control.visualFocus ? 4 : (control.isState ? 4 : 0)
        border.color: control.visualFocus ? "#f59e0b" : control.color
    }

    contentItem: Item {
        Text {
            id: label
            anchors.centerIn: parent
            width: parent.width - 2 * Theme.spacing
            text: control.text
            font.pixelSize: Theme.fontHeading
            font.weight: Font.Bold
            color: control.filled ? control.textColor : Theme.text
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
        }
        Text {
            objectName: control.objectName + "_badge"
            visible: control.isState
            anchors.right: parent.right
            anchors.top: parent.top
            anchors.margins: Theme.smallSpacing
            text: control.on ? qsTr("ON") : qsTr("off")
            font.pixelSize: Theme.fontSmall
            font.weight: Font.Bold
            color: control.filled ? control.textColor : Theme.textMuted
        }
    }
}
