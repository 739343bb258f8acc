import QtQuick
import QtQuick.Controls.Basic
import Samla.Ui

// A one-line text field with a clear border and a finger-sized height.
TextField {
    id: control
    implicitHeight: Math.max(Theme.controlHeight, contentHeight + topPadding + bottomPadding)
    font.pixelSize: Theme.fontBody
    color: Theme.text
    placeholderTextColor: Theme.textMuted
    leftPadding: Theme.smallSpacing * 1.5
    rightPadding: Theme.smallSpacing * 1.5
    selectByMouse: true

    background: Rectangle {
        radius: Theme.radius / 2
        color: control.enabled ? Theme.surface : Theme.background
        border.width: control.activeFocus ? 2 : 1
        border.color: control.activeFocus ? Theme.accent : Theme.border
    }
}
