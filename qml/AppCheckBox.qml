import QtQuick
import QtQuick.Controls.Basic
import Samla.Ui

// A check box with a finger-sized box and a label that wraps.
CheckBox {
    id: control
    implicitHeight: Math.max(Theme.controlHeight, implicitContentHeight + topPadding + bottomPadding)
    font.pixelSize: Theme.fontBody
    spacing: Theme.spacing

    indicator: Rectangle {
        implicitWidth: Math.round(32 * Theme.scale)
        implicitHeight: Math.round(32 * Theme.scale)
        x: control.leftPadding
        y: (control.height - height) / 2
        radius: 4
        color: control.checked ? Theme.accent : Theme.surface
        border.width: control.visualFocus ? 3 : 2
        border.color: control.visualFocus ? "#f59e0b" : Theme.accent
        Text {
            anchors.centerIn: parent
            visible: control.checked
            text: "\u2713"
            color: Theme.textOnAccent
            font.pixelSize: parent.height * 0.8
            font.bold: true
        }
    }
    contentItem: Text {
        leftPadding: control.indicator.width + control.spacing
        text: control.text
        font: control.font
        color: Theme.text
        wrapMode: Text.WordWrap
        verticalAlignment: Text.AlignVCenter
    }
}
