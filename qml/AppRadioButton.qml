import QtQuick
import QtQuick.Controls.Basic
import Samla.Ui

// A radio button with a finger-sized target and a label that wraps.
RadioButton {
    id: control
    implicitHeight: Math.max(Theme.controlHeight, implicitContentHeight + topPadding + bottomPadding)
    font.pixelSize: Theme.fontBody
    spacing: Theme.smallSpacing * 1.5

    indicator: Rectangle {
        implicitWidth: Math.round(30 * Theme.scale)
        implicitHeight: Math.round(30 * Theme.scale)
        x: control.leftPadding
        y: (control.height - height) / 2
        radius: width / 2
        color: Theme.surface
        border.width: control.visualFocus ? 3 : 2
        border.color: control.visualFocus ? "#f59e0b" : Theme.accent
        Rectangle {
            anchors.centerIn: parent
            width: parent.width * 0.5
            height: width
            radius: width / 2
            color: Theme.accent
            visible: control.checked
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
