import QtQuick
import QtQuick.Controls.Basic
import Samla.Ui

// A button big enough for a finger, in the app's colours.
Button {
    id: control
    property bool primary: false
    property bool danger: false

    implicitHeight: Math.max(Theme.controlHeight, implicitContentHeight + topPadding + bottomPadding)
    implicitWidth: Math.max(Theme.controlHeight * 2, implicitContentWidth + leftPadding + rightPadding)
    leftPadding: Theme.spacing * 1.25
    rightPadding: Theme.spacing * 1.25
    topPadding: Theme.smallSpacing
    bottomPadding: Theme.smallSpacing
    font.pixelSize: Theme.fontBody
    font.weight: Font.DemiBold
    focusPolicy: Qt.StrongFocus

    contentItem: Text {
        text: control.text
        font: control.font
        color: !control.enabled ? Theme.textMuted
             : control.primary || control.danger ? Theme.textOnAccent
             : Theme.accent
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        wrapMode: Text.WordWrap
    }

    background: Rectangle {
        radius: Theme.radius
        color: {
            if (control.flat)
                return control.down ? Theme.accentSoft : "transparent"
            if (!control.enabled)
                return Theme.divider
            if (control.danger)
                return control.down ? Qt.darker(Theme.danger, 1.2) : Theme.danger
            if (control.primary)
                return control.down ? Theme.accentPressed : Theme.accent
            return control.down ? Theme.accentSoft : Theme.surface
        }
        border.width: control.visualFocus ? 3 : (control.flat || control.primary || control.danger ? 0 : 1)
        border.color: control.visualFocus ? "#f59e0b" : Theme.accent
    }
}
